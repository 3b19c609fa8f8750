"""Sample content of the Municipal Police (POLIZIA) and the Public Housing and Suburbs Department (EDILIZIA);
both 2025 files deviate from the template."""
from samples.record import Department, activity

URL_PM = "https://www.comune.torino.it/polizia-municipale"
URL_ERP = "https://www.comune.torino.it/casa"

POLIZIA = [
    activity(
        "PM-01",
        ("Sicurezza dei grandi eventi: scambio con la Police municipale di Lione",
         "Scambio di buone pratiche sulla gestione delle folle e sul coordinamento delle forze di polizia durante "
         "i grandi eventi sportivi e musicali."),
        ("Safety at major events: exchange with Lyon municipal police",
         "Best-practice exchange on crowd management and coordination of police forces during major sports and "
         "music events."),
        type="best_practice", theme="security", countries="Francia", partners="Police municipale de Lyon",
        role="partner", start="2025-02-03", end="2025-06-30", budget=(6000, 6000, 0), source="municipal",
        sdgs=(11, 16), people=18),
    activity(
        "PM-02",
        ("CEPOL: corso europeo sui reati ambientali",
         "Due ufficiali hanno seguito il corso dell'Agenzia dell'UE per la formazione delle autorità di "
         "contrasto sui reati ambientali e sul traffico di rifiuti."),
        ("CEPOL: European course on environmental crime",
         "Two officers attended the EU Agency for Law Enforcement Training course on environmental crime and "
         "waste trafficking."),
        type="training", theme="security", countries="Ungheria", partners="CEPOL", role="participant",
        start="2025-04-08", end="2025-04-11", budget=(0, 0, 0), source="eu", sdgs=(15, 16), people=2),
    activity(
        "PM-03",
        ("Delegazione della Metropolitan Police di Londra sulla sicurezza stradale",
         "Visita di ufficiali londinesi al reparto di infortunistica stradale e alla centrale operativa, con un "
         "confronto sui dati degli incidenti e sulle zone 30."),
        ("Metropolitan Police delegation from London on road safety",
         "Visit by London officers to the road accident unit and the control room, comparing crash data and "
         "20 mph zones."),
        type="delegation", theme="security", countries="UK", partners="Metropolitan Police Service", role="host",
        start="2025-05-13", end="2025-05-15", sdgs=(3, 11), people=8, raw={"countries": "Inghliterra"},
        expect=("country_unknown",), note="unknown country «Inghliterra» (a typo for Inghilterra)"),
    activity(
        "PM-04",
        ("Polizia di prossimità nei quartieri multiculturali",
         "Progetto del Fondo Sicurezza interna con Marsiglia e Anversa: agenti di quartiere formati alla "
         "mediazione culturale e presidi mobili in Barriera di Milano e Aurora."),
        ("Community policing in multicultural neighbourhoods",
         "Internal Security Fund project with Marseille and Antwerp: neighbourhood officers trained in cultural "
         "mediation and mobile posts in Barriera di Milano and Aurora."),
        type="eu_project", theme="security", countries="France; Belgium",
        partners="Ville de Marseille; Stad Antwerpen; Efus", programme="ISF - Fondo Sicurezza interna",
        role="lead", start="2024-09-01", end="2026-08-31", budget=(150000, 22500, 127500), source="eu",
        sdgs=(11, 16), people=60, raw={"city_funding_eur": 185000}, expect=("city_funding_above_budget",),
        note="City contribution 185000 above the total budget 150000"),
    activity(
        "PM-05",
        ("Missione a New York sulla polizia di comunità",
         "Visita di studio al NYPD sui programmi di polizia di comunità e sull'uso dei dati per la prevenzione "
         "nei quartieri."),
        ("Mission to New York on community policing",
         "Study visit to the NYPD on community policing programmes and the use of data for neighbourhood "
         "prevention."),
        type="mission", theme="security", countries="USA", partners="New York City Police Department",
        role="participant", start="2025-10-06", end="2025-10-10", budget=(14000, 14000, 0), source="municipal",
        sdgs=(16,), people=4, note="country «USA»"),
    activity(
        "PM-06",
        ("Forum europeo per la sicurezza urbana",
         "Adesione a Efus e partecipazione al gruppo di lavoro sulla prevenzione della violenza giovanile."),
        ("European Forum for Urban Security",
         "Membership of Efus and participation in its working group on preventing youth violence."),
        type="network", theme="security", countries="FR; Belgium; UK", partners="Efus; FISU", programme="Efus",
        role="member", start="2015-01-01", budget=(3500, 3500, 0), source="municipal", sdgs=(16,), people=3,
        url="https://efus.eu", note="countries as «FR; Belgium; UK» (ISO code, English name, abbreviation)"),
    activity(
        "PM-07",
        ("Scambio di agenti con la Guàrdia Urbana di Barcellona",
         "Scambio di due settimane tra agenti di Torino e di Barcellona su polizia turistica e sicurezza nei "
         "mercati, previsto per la primavera 2026."),
        ("Officer exchange with Barcelona's Guàrdia Urbana",
         "Two-week exchange of officers between Turin and Barcelona on tourist policing and safety in markets, "
         "planned for spring 2026."),
        type="exchange", theme="security", countries="Spain", partners="Guàrdia Urbana de Barcelona",
        role="partner", start="2026-03-02", end="2026-03-13", budget=(9000, 9000, 0), source="municipal",
        sdgs=(16,), people=8, expect=("outside_year",), note="starts March 2026: outside 2025"),
]

EDILIZIA = [
    activity(
        "ERP-01",
        ("URBACT: comunità energetiche nelle case popolari",
         "Rete URBACT sulle comunità energetiche rinnovabili nei quartieri di edilizia pubblica, con un progetto "
         "pilota in via Artom."),
        ("URBACT: energy communities in public housing",
         "URBACT network on renewable energy communities in public housing estates, with a pilot in via Artom."),
        type="eu_project", theme="urban", countries="Spagna; Portogallo; Grecia; Belgio",
        partners="URBACT; ATC Torino; Ajuntament de Barcelona", programme="URBACT IV", role="partner",
        start="2023-06-01", end="2025-12-31", budget=(300000, 45000, 255000), source="eu", sdgs=(7, 11),
        people=350),
    activity(
        "ERP-02",
        ("Azioni urbane innovative: alloggi sfitti per giovani e studenti",
         "Progetto dell'Iniziativa urbana europea per recuperare 80 alloggi pubblici sfitti come case per giovani "
         "lavoratori e studenti, con affitti calmierati e servizi di quartiere."),
        ("Innovative urban actions: vacant flats for young people and students",
         "European Urban Initiative project restoring 80 vacant public flats as homes for young workers and "
         "students, with capped rents and neighbourhood services."),
        type="eu_project", theme="urban", countries="Italia", partners="ATC Torino; EDISU Piemonte; Politecnico di "
        "Torino", programme="FESR - European Urban Initiative", role="lead", start="2024-09-01", end="2027-08-31",
        budget=(5000000, 1000000, 4000000), source="eu", sdgs=(1, 11), people=160, url=f"{URL_ERP}/eui"),
    activity(
        "ERP-03",
        ("Edilizia sociale: visita di studio a Vienna",
         "Visita ai quartieri di edilizia sociale di Vienna sul modello delle cooperative di abitazione e sui "
         "concorsi per alloggi a canone moderato."),
        ("Social housing: study visit to Vienna",
         "Visit to Vienna's social housing districts on the housing cooperative model and competitions for "
         "moderate-rent homes."),
        type="best_practice", theme="urban", countries="Austria", partners="Stadt Wien - Wohnfonds", role="participant",
        start="2025-06-04", end="2025-06-06", budget=(12000, 12000, 0), source="municipal", sdgs=(11,), people=7,
        raw={"budget_eur": "12.000 €"}, note="budget as text «12.000 €»"),
    activity(
        "ERP-04",
        ("Delegazione di Paris Habitat",
         "Incontro con i tecnici di Paris Habitat sulla gestione dei condomini misti e sulla manutenzione "
         "programmata."),
        ("Delegation from Paris Habitat",
         "Meeting with Paris Habitat staff on mixed-tenure buildings and planned maintenance."),
        type="delegation", theme="urban", countries="Francia", partners="Paris Habitat; ATC Torino", role="host",
        start="2025-03-04", end="2025-03-05", sdgs=(11,), people=10,
        raw={"start_date": "04.03.2025", "end_date": "2025-03-05"},
        note="dates as text «04.03.2025» and «2025-03-05»"),
    activity(
        "ERP-05",
        ("Horizon Europe: riqualificazione energetica profonda dei condomini",
         "Progetto Horizon Europe su soluzioni prefabbricate per isolare le facciate dei condomini popolari, "
         "con un cantiere dimostrativo in corso Taranto."),
        ("Horizon Europe: deep energy retrofit of apartment blocks",
         "Horizon Europe project on prefabricated solutions for insulating the facades of public housing blocks, "
         "with a demonstration site in corso Taranto."),
        type="eu_project", theme="environment", countries="Germania; Paesi Bassi; Svezia; Irlanda",
        partners="Fraunhofer IBP; Gemeente Eindhoven; Stockholmshem; ATC Torino", programme="Horizon Europe",
        role="partner", start="2025-03-01", end="2028-02-29", budget=(640000, 0, 640000), source="eu",
        sdgs=(7, 11, 13), raw={"start_date": "2025-03-01"}, note="start date as ISO text «2025-03-01»"),
    activity(
        "ERP-06",
        ("ToNite: sicurezza e rigenerazione lungo la Dora",
         "Progetto Urban Innovative Actions sulla vivibilità notturna degli spazi pubblici lungo la Dora, "
         "concluso nel 2023."),
        ("ToNite: safety and regeneration along the Dora",
         "Urban Innovative Actions project on night-time liveability of public spaces along the Dora river, "
         "completed in 2023."),
        type="eu_project", theme="security", countries="Italia", partners="Università di Torino; Politecnico di Torino",
        programme="Urban Innovative Actions", role="lead", start="2020-01-01", end="2023-06-30",
        budget=(5500000, 1100000, 4400000), source="eu", sdgs=(11, 16), expect=("outside_year",),
        note="ended June 2023: outside 2025"),
    activity(
        "ERP-07",
        ("Accordo con Lione sugli sportelli casa",
         "Accordo di collaborazione biennale con la Métropole de Lyon sugli sportelli unici per l'affitto e la "
         "prevenzione degli sfratti."),
        ("Agreement with Lyon on housing advice desks",
         "Two-year cooperation agreement with the Métropole de Lyon on one-stop rental desks and eviction "
         "prevention."),
        type="twinning", theme="urban", countries="Francia", partners="Métropole de Lyon", role="partner",
        start="2025-05-01", end="2027-04-30", sdgs=(1, 11), people=20, raw={"end_date": "30/04/2024"},
        expect=("date_order",), note="end date 30/04/2024 before the start 01/05/2025"),
    activity(
        "ERP-08",
        ("Rete europea per l'abitare collaborativo",
         "Partecipazione alla rete delle città che sostengono il cohousing e le cooperative di abitanti, con un "
         "seminario sui regolamenti comunali."),
        ("European network for collaborative housing",
         "Participation in the network of cities supporting cohousing and residents' cooperatives, with a "
         "seminar on municipal rules."),
        type="network", theme="urban", countries="Francia; Belgio; Germania",
        partners="CoHabitat Network; Urbamonde", role="member", start="2022-01-01", source="none", sdgs=(11,),
        raw={"countries": None}, expect=("location_missing",), note="neither Countries nor Geographic area"),
]

DEPARTMENTS = [
    Department("POLIZIA", "Roberto Cravero", POLIZIA, layout="title_rows", labels="en",
               file_name="POLIZIA_relazione_2025.xlsx"),
    Department("EDILIZIA", "Paola Mussa", EDILIZIA, layout="no_info", file_name="EDILIZIA_attivita_2025.xlsx"),
]
