"""Sample content of the Urban Time Policies Department (TEMPI, sent as CSV) and the Urban Center Department
(URBAN_CENTER)."""
from samples.record import Department, activity

URL_TE = "https://www.comune.torino.it/tempiorari"
URL_UC = "https://www.comune.torino.it/urbancenter"

TEMPI = [
    activity(
        "TE-01",
        ("Rete europea delle politiche temporali urbane",
         "Partecipazione all'associazione europea Tempo Territorial con un contributo sugli orari dei servizi "
         "comunali e sugli sportelli serali."),
        ("European network of urban time policies",
         "Participation in the European association Tempo Territorial with a contribution on the opening hours "
         "of municipal services and evening desks."),
        type="network", theme="urban", countries="Francia; Spagna", partners="Tempo Territorial",
        programme="Tempo Territorial", role="member", start="2012-01-01", budget=(1200.5, 1200.5, 0),
        source="municipal", sdgs=(5, 11), people=4, note="amounts as Italian text with decimals («1.200,5»)"),
    activity(
        "TE-02",
        ("Città dei 15 minuti: scambio con Parigi",
         "Scambio di buone pratiche con la Ville de Paris sulla città della prossimità, con una visita ai cortili "
         "scolastici aperti al quartiere."),
        ("15-minute city: exchange with Paris",
         "Best-practice exchange with the Ville de Paris on the city of proximity, with a visit to schoolyards "
         "opened to the neighbourhood."),
        type="best_practice", theme="urban", countries="Francia", partners="Ville de Paris", role="participant",
        start="2025-04-23", end="2025-04-25", budget=(12000.5, 4000, 8000.5), source="mixed", sdgs=(11,),
        people=9, url=f"{URL_TE}/quindici-minuti"),
    activity(
        "TE-03",
        ("Orari delle scuole e mobilità: scambio con Barcellona",
         "Confronto con Barcellona sullo scaglionamento degli orari di ingresso nelle scuole per ridurre la "
         "congestione nelle ore di punta."),
        ("School hours and mobility: exchange with Barcelona",
         "Comparison with Barcelona on staggering school entry times to reduce rush-hour congestion."),
        type="best_practice", theme="urban", countries="Spagna", partners="Ajuntament de Barcelona",
        role="partner", start="2025-02-28", end="2025-06-30", budget=(3000, 3000, 0), source="municipal",
        sdgs=(11,), people=12, raw={"start_date": "31/02/2025"}, expect=("date_invalid",),
        note="start date «31/02/2025» does not exist"),
    activity(
        "TE-04",
        ("Banche del tempo: incontro europeo a Torino",
         "Incontro delle banche del tempo italiane, francesi e spagnole su scambi di servizi tra cittadini e "
         "contrasto alla solitudine."),
        ("Time banks: European meeting in Turin",
         "Meeting of Italian, French and Spanish time banks on exchanges of services between citizens and tackling "
         "loneliness."),
        type="event", theme="inclusion", countries="Italia; Francia; Spagna",
        partners="Associazione Nazionale Banche del Tempo", role="host", start="2025-10-18", end="2025-10-19",
        budget=(5000, 5000, 0), source="municipal", sdgs=(10, 11), people=140, raw={"budget_eur": "circa 5000"},
        expect=("amount_invalid",), note="budget «circa 5000» is not an amount"),
    activity(
        "TE-05",
        ("URBACT: la città di notte",
         "Rete URBACT sulla gestione della vita notturna: orari dei locali, trasporti notturni e mediatori nelle "
         "zone della movida."),
        ("URBACT: the city at night",
         "URBACT network on managing night-time life: opening hours of venues, night transport and mediators in "
         "nightlife areas."),
        type="eu_project", theme="urban", countries="Paesi Bassi; Francia; Spagna; Lettonia",
        partners="URBACT; Gemeente Groningen; Ville de Nantes", programme="URBACT IV", role="partner",
        start="2023-06-01", end="2025-12-31", budget=(270000, 15000, 255000), source="eu", sdgs=(11, 16),
        people=180, raw={"city_funding_eur": "€ 15 000", "external_funding_eur": "255.000"},
        note="amounts as text «€ 15 000» and «255.000»"),
    activity(
        "TE-06",
        ("Settimana europea della conciliazione",
         "Iniziative con le aziende del territorio su lavoro agile, orari flessibili e servizi per le famiglie."),
        ("European work-life balance week",
         "Events with local companies on smart working, flexible hours and family services, shared with the "
         "Tempo Territorial network."),
        type="event", theme="inclusion", countries="Italia", partners="Tempo Territorial; Unione Industriali "
        "Torino", role="lead", start="2025-09-22", end="2025-09-26", budget=(4000, 4000, 0), source="municipal",
        sdgs=(5, 8), people=650, raw={"description_it": None}, expect=("description_language_missing",),
        note="Italian description missing"),
]

URBAN_CENTER = [
    activity(
        "UC-01",
        ("MIPIM 2025: i progetti urbani di Torino a Cannes",
         "Presentazione a investitori internazionali dei grandi progetti di trasformazione urbana: Parco della "
         "Salute, Scalo Vanchiglia e Variante 200."),
        ("MIPIM 2025: Turin's urban projects in Cannes",
         "Presentation to international investors of the major urban transformation projects: Health Park, "
         "Vanchiglia rail yard and the Variante 200 plan."),
        type="promotion", theme="urban", countries="Francia", partners="Regione Piemonte; Camera di commercio",
        role="participant", start="2025-03-11", end="2025-03-14", budget=(40000, 15000, 25000), source="mixed",
        sdgs=(9, 11), people=600, recurring=True),
    activity(
        "UC-02",
        ("Mostra «Torino che cambia» a Lione",
         "Mostra sulle trasformazioni urbane di Torino ospitata dalla Maison de l'Architecture di Lione, con due "
         "incontri pubblici tra progettisti."),
        ("'Turin in transformation' exhibition in Lyon",
         "Exhibition on Turin's urban transformations hosted by the Maison de l'Architecture in Lyon, with two "
         "public talks between designers."),
        type="promotion", theme="urban", countries="Francia", partners="Maison de l'Architecture Lyon",
        role="lead", start="2025-05-20", end="2025-07-12", budget=(22000, 12000, 10000), source="mixed",
        sdgs=(11,), people=4300, url=f"{URL_UC}/torino-che-cambia-lione"),
    activity(
        "UC-03",
        ("Rete europea dei centri di architettura e città",
         "Partecipazione alla rete dei centri europei di architettura e urbanistica, con un programma comune di "
         "mostre itineranti."),
        ("European network of architecture and city centres",
         "Participation in the network of European architecture and urban planning centres, with a shared "
         "programme of travelling exhibitions."),
        type="network", theme="urban", countries="Paesi Bassi; Danimarca; Francia; Germania",
        partners="Nieuwe Instituut; Danish Architecture Centre", role="member", start="2019-01-01",
        budget=(1800, 1800, 0), source="municipal", sdgs=(11,)),
    activity(
        "UC-04",
        ("Delegazione di urbanisti di Seul",
         "Visita di funzionari della Seoul Metropolitan Government alle trasformazioni delle aree industriali "
         "dismesse e alla Spina centrale."),
        ("Delegation of planners from Seoul",
         "Visit by Seoul Metropolitan Government officials to the redevelopment of former industrial areas and "
         "the Spina Centrale."),
        type="delegation", theme="urban", countries="Corea del Sud", partners="Seoul Metropolitan Government",
        role="host", start="2025-09-16", end="2025-09-17", sdgs=(11,), people=15),
    activity(
        "UC-05",
        ("Nuovo Bauhaus europeo: laboratorio sul Valentino",
         "Laboratorio di progettazione partecipata del Nuovo Bauhaus europeo sul futuro del Parco del Valentino, "
         "con studenti di tre università europee."),
        ("New European Bauhaus: Valentino park workshop",
         "New European Bauhaus participatory design workshop on the future of the Valentino park, with students "
         "from three European universities."),
        type="eu_project", theme="urban", countries="Germania; Spagna; Italia",
        partners="Politecnico di Torino; TU Berlin; Universidad Politécnica de Madrid",
        programme="New European Bauhaus", role="partner", start="2024-10-01", end="2025-09-30",
        budget=(60000, 10000, 50000), source="eu", sdgs=(11, 15), people=140),
    activity(
        "UC-06",
        ("Open House Torino 2025",
         "Weekend di architetture aperte nella rete internazionale Open House Worldwide: 150 edifici visitabili "
         "e visitatori da tutta Europa."),
        ("Open House Torino 2025",
         "Open architecture weekend in the Open House Worldwide network: 150 buildings open to the public and "
         "visitors from all over Europe."),
        type="event", theme="culture", area="europe", partners="Open House Worldwide; Associazione Open House "
        "Torino", programme="Open House Worldwide", role="partner", start="2025-06-07", end="2025-06-08",
        budget=(30000, 10000, 20000), source="mixed", sdgs=(11,), people=48000, recurring=True),
    activity(
        "UC-07",
        ("Rotterdam-Torino: waterfront e città fluviali",
         "Scambio con l'Istituto di architettura di Rotterdam sulla progettazione dei fronti d'acqua e sul "
         "rischio di alluvione."),
        ("Rotterdam-Turin: waterfronts and river cities",
         "Exchange with the Rotterdam architecture institute on waterfront design and flood risk."),
        type="best_practice", theme="environment", countries="NL", partners="Nieuwe Instituut; Gemeente Rotterdam",
        role="participant", start="2025-11-04", end="2025-11-06", budget=(5000, 5000, 0), source="municipal",
        sdgs=(11, 13), people=8),
]

DEPARTMENTS = [
    Department("TEMPI", "Anna Chiarle", TEMPI, layout="csv"),
    Department("URBAN_CENTER", "Davide Revelli", URBAN_CENTER),
]
