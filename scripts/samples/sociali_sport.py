"""Sample content of the Social Services Division (SOCIALI) and the Sports Department (SPORT); both 2025 files
deviate from the template."""
from samples.record import Department, activity

URL_SO = "https://www.comune.torino.it/servizisociali"
URL_SP = "https://www.comune.torino.it/sport"

SOCIALI = [
    activity(
        "SO-01",
        ("FAMI: percorsi di autonomia per titolari di protezione internazionale",
         "Progetto del Fondo Asilo, Migrazione e Integrazione per l'uscita dall'accoglienza: casa, lingua e "
         "lavoro per 180 rifugiati, con tutor e mediatori culturali."),
        ("AMIF: pathways to independence for refugees",
         "Asylum, Migration and Integration Fund project for people leaving reception centres: housing, language "
         "and work for 180 refugees, with tutors and cultural mediators."),
        type="eu_project", theme="inclusion", countries="Italia", partners="Prefettura di Torino; Ufficio Pastorale "
        "Migranti; Cooperativa Esserci", programme="AMIF - FAMI 2021-2027", role="lead", start="2023-07-01",
        end="2026-06-30", budget=(1350000, 135000, 1215000), source="eu", sdgs=(1, 10), people=180,
        url=f"{URL_SO}/fami"),
    activity(
        "SO-02",
        ("Città interculturali del Consiglio d'Europa",
         "Nella rete Intercultural Cities la Città ha aggiornato l'indice di interculturalità e ha presentato il "
         "servizio di mediazione nei condomini."),
        ("Council of Europe Intercultural Cities",
         "In the Intercultural Cities network the City updated its intercultural index and presented its "
         "mediation service for apartment buildings."),
        type="network", theme="inclusion", countries="Francia", partners="Consiglio d'Europa",
        programme="Intercultural Cities", role="member", start="2010-01-01", source="none", sdgs=(10, 16),
        people=5),
    activity(
        "SO-03",
        ("Housing First Europe Hub",
         "Adesione all'hub europeo Housing First e formazione di venti operatori sul metodo, con la visita di "
         "formatori finlandesi."),
        ("Housing First Europe Hub",
         "Membership of the Housing First Europe Hub and training for twenty social workers in the method, with "
         "a visit by Finnish trainers."),
        type="network", theme="inclusion", countries="Finlandia; Belgio", partners="Housing First Europe Hub; "
        "Y-Foundation; FEANTSA", programme="Housing First Europe Hub", role="member", start="2021-01-01",
        budget=(5000, 5000, 0), source="municipal", sdgs=(1, 11), people=20),
    activity(
        "SO-04",
        ("FAMI: tutori volontari per minori stranieri non accompagnati",
         "Formazione di tutori volontari e affidi familiari per minori stranieri soli, con uno scambio di metodi "
         "con Bruxelles e Amburgo."),
        ("AMIF: volunteer guardians for unaccompanied migrant children",
         "Training of volunteer guardians and family foster care for unaccompanied migrant children, with an "
         "exchange of methods with Brussels and Hamburg."),
        type="eu_project", theme="inclusion", countries="Belgio; Germania",
        partners="Ville de Bruxelles; Freie und Hansestadt Hamburg; Garante regionale infanzia",
        programme="AMIF", role="partner", start="2024-01-01", end="2025-12-31", budget=(260000, 26000, 234000),
        source="eu", sdgs=(10, 16), people=95, raw={"sdgs": "10; 16; 18"}, expect=("sdg_invalid",),
        note="SDG «18» does not exist (1–17)"),
    activity(
        "SO-05",
        ("Rientro volontario assistito in Costa d'Avorio e Senegal",
         "Accompagnamento al rientro volontario e al reinserimento lavorativo di trenta persone, con le "
         "associazioni della diaspora e l'OIM."),
        ("Assisted voluntary return to Côte d'Ivoire and Senegal",
         "Support for the voluntary return and job reintegration of thirty people, with diaspora associations and "
         "IOM."),
        type="cooperation", theme="inclusion", countries="Costa d'Avorio; Senegal", partners="OIM - IOM; "
        "Associazione Ivoriani in Piemonte", role="partner", start="2025-02-01", end="2025-12-31",
        budget=(85000, 10000, 75000), source="international", sdgs=(8, 10), people=30,
        note="countries «Costa d'Avorio; Senegal» (Italian names with an apostrophe)"),
    activity(
        "SO-06",
        ("Housing First: scambio con Glasgow",
         "Visita di studio a Glasgow sui servizi per le persone senza dimora e sulla collaborazione tra servizi "
         "sociali e sanitari."),
        ("Housing First: exchange with Glasgow",
         "Study visit to Glasgow on services for homeless people and cooperation between social and health "
         "services."),
        type="best_practice", theme="inclusion", countries="Regno Unito", partners="Glasgow City Health and "
        "Social Care Partnership", role="participant", start="2025-03-01", end="2025-12-31",
        budget=(6500, 6500, 0), source="municipal", sdgs=(1, 3), people=6,
        raw={"start_date": "03/2025", "end_date": "2025"}, note="dates as «03/2025» and «2025»"),
    activity(
        "SO-07",
        ("Invecchiamento attivo: scambio con Lione",
         "Incontro tra centri d'incontro per anziani di Torino e di Lione su attività intergenerazionali e "
         "contrasto alla solitudine."),
        ("Active ageing: exchange with Lyon",
         "Meeting between senior centres in Turin and Lyon on intergenerational activities and tackling "
         "loneliness."),
        type="exchange", theme="inclusion", countries="Francia", partners="Ville de Lyon - CCAS", role="partner",
        start="2025-10-01", end="2025-10-03", budget=(1500, 1500, 0), source="municipal", sdgs=(3, 10),
        people=26, raw={"ref": "SO-06", "budget_eur": "1.500"}, expect=("ref_repeated",),
        note="reference SO-06 repeated from the row above; budget as text «1.500»"),
    activity(
        "SO-08",
        ("Corridoi umanitari: accoglienza di famiglie dal Libano",
         "Accoglienza in alloggi diffusi di dodici famiglie siriane arrivate dal Libano con i corridoi "
         "umanitari, con percorsi scolastici per i bambini."),
        ("Humanitarian corridors: welcoming families from Lebanon",
         "Dispersed housing for twelve Syrian families arriving from Lebanon through humanitarian corridors, "
         "with schooling for the children."),
        type="other", theme="inclusion", countries="Libano; Siria", partners="Comunità di Sant'Egidio; Federazione "
        "delle Chiese Evangeliche; Tavola Valdese", role="partner", start="2025-03-01", end="2025-12-31",
        budget=(120000, 20000, 100000), source="private", sdgs=(10, 16), people=54,
        raw={"start_date": "marzo 2025"}, expect=("date_invalid",), note="start date «marzo 2025» is not a date"),
    activity(
        "SO-09",
        ("Garanzia europea per l'infanzia: seconda fase",
         "Seconda fase del programma sulla garanzia per l'infanzia, con servizi integrati per i bambini in povertà "
         "in tre circoscrizioni, in partenza nel 2026."),
        ("European Child Guarantee: second phase",
         "Second phase of the Child Guarantee programme, with integrated services for children in poverty in "
         "three districts, starting in 2026."),
        type="eu_project", theme="inclusion", countries="Italia", partners="UNICEF; Ministero del Lavoro",
        programme="FSE+ Child Guarantee", role="partner", start="2026-01-01", end="2027-12-31",
        budget=(900000, 90000, 810000), source="eu", sdgs=(1, 4, 10), expect=("outside_year",),
        note="starts January 2026: outside 2025"),
]

SPORT = [
    activity(
        "SP-01",
        ("Giochi mondiali invernali Special Olympics Torino 2025",
         "La Città ha ospitato le cerimonie e le gare di pattinaggio dei Giochi mondiali invernali Special "
         "Olympics, con 1.500 atleti con disabilità intellettiva da 100 Paesi."),
        ("Special Olympics World Winter Games Turin 2025",
         "The City hosted the ceremonies and the skating events of the Special Olympics World Winter Games, with "
         "1,500 athletes with intellectual disabilities from 100 countries."),
        type="event", theme="sport", area="multi", partners="Special Olympics Italia; Regione Piemonte",
        role="host", start="2025-03-08", end="2025-03-15", budget=(1500000, 300000, 1200000), source="mixed",
        sdgs=(3, 10), people=1500, url=f"{URL_SP}/special-olympics-2025"),
    activity(
        "SP-02",
        ("ACES Europe: rete delle capitali europee dello sport",
         "Partecipazione alla rete ACES Europe e al gala annuale, con la presentazione del piano per lo sport "
         "di base nei quartieri."),
        ("ACES Europe: network of European capitals of sport",
         "Participation in the ACES Europe network and its annual gala, presenting the plan for grassroots "
         "sport in the neighbourhoods."),
        type="network", theme="sport", countries="Belgio", partners="ACES Europe", programme="ACES Europe",
        role="member", start="2015-01-01", budget=(2500, 2500, 0), source="municipal", sdgs=(3,), people=3),
    activity(
        "SP-03",
        ("Turin Marathon 2025",
         "Maratona internazionale con 6.000 iscritti da 50 Paesi, sostenuta dalla Città con servizi e "
         "promozione."),
        ("Turin Marathon 2025",
         "International marathon with 6,000 runners from 50 countries, supported by the City with services and "
         "promotion."),
        type="event", theme="sport", area="multi", partners="Team Marathon; Turismo Torino e Provincia",
        role="partner", start="2025-11-30", end="2025-11-30", budget=(12000, 12000, 0), source="municipal",
        sdgs=(3,), people=6000, recurring=True, raw={"budget_eur": "€ 12 000"}, note="budget as text «€ 12 000»"),
    activity(
        "SP-04",
        ("Erasmus+ Sport: ragazze in campo",
         "Partenariato Erasmus+ Sport per aumentare la pratica sportiva delle ragazze tra i 12 e i 16 anni, con "
         "allenatrici formate e tornei misti."),
        ("Erasmus+ Sport: girls on the pitch",
         "Erasmus+ Sport partnership to increase sport among girls aged 12 to 16, with trained female coaches and "
         "mixed tournaments."),
        type="eu_project", theme="sport", countries="Portogallo; Irlanda; Lituania",
        partners="Câmara Municipal do Porto; Cork City Council; Kauno miesto savivaldybė", programme="Erasmus+ Sport",
        role="lead", start="2024-11-01", end="2026-10-31", budget=(400000, 0, 400000), source="eu", sdgs=(3, 5),
        people=600, raw={"title_en": None}, expect=("title_language_missing",), note="English title missing"),
    activity(
        "SP-05",
        ("Gemellaggio sportivo con Chambéry: torneo giovanile di rugby",
         "Torneo di rugby under 14 tra le società di Torino e di Chambéry, con ospitalità nelle famiglie."),
        ("Sports twinning with Chambéry: youth rugby tournament",
         "Under-14 rugby tournament between clubs from Turin and Chambéry, with hosting in families."),
        type="exchange", theme="sport", countries="Francia", partners="Ville de Chambéry; Comitato regionale "
        "rugby", role="host", start="2025-05-31", end="2025-06-02", budget=(8500, 6000, 2500), source="mixed",
        sdgs=(3, 4), people=120, raw={"budget_eur": -8500}, expect=("amount_negative",),
        note="negative total budget −8500"),
    activity(
        "SP-06",
        ("Grandi eventi sportivi: scambio con Glasgow",
         "Scambio tra gli uffici sport di Torino e Glasgow sulla gestione degli impianti e sui volontari dei "
         "grandi eventi."),
        ("Major sports events: exchange with Glasgow",
         "Exchange between the sports offices of Turin and Glasgow on venue management and volunteers at major "
         "events."),
        type="best_practice", theme="sport", countries="Regno Unito", partners="Glasgow Life", role="partner",
        start="2025-09-08", end="2025-09-10", budget=(4000, 4000, 0), source="municipal", sdgs=(3, 11), people=6,
        url=f"{URL_SP}/glasgow", raw={"url": "www.example.org"}, expect=("url_invalid",),
        note="link «www.example.org» without http(s)://"),
    activity(
        "SP-07",
        ("Torino Cup: torneo internazionale giovanile di calcio",
         "Torneo giovanile con 64 squadre da dodici Paesi negli impianti comunali, con un programma di fair "
         "play e integrazione."),
        ("Torino Cup: international youth football tournament",
         "Youth tournament with 64 teams from twelve countries at municipal sports grounds, with a fair-play and "
         "integration programme."),
        type="event", theme="sport", area="multi", partners="FIGC - Settore giovanile", role="host",
        start="2025-06-20", end="2025-06-24", budget=(45000, 15000, 30000), source="mixed", sdgs=(3, 10),
        people=1300, recurring=True),
]

DEPARTMENTS = [
    Department("SOCIALI", "Giorgio Vercellone", SOCIALI, layout="typed_headers", file_name="Sociali_2025_def.xlsx"),
    Department("SPORT", "Valentina Rosso", SPORT, layout="ods", labels="code"),
]
