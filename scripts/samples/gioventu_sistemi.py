"""Sample content of the Youth Department (GIOVENTU) and the Information Systems Division (SIST_INFO)."""
from samples.record import Department, activity

URL_GI = "https://www.comune.torino.it/torinogiovani"
URL_SI = "https://www.comune.torino.it/sistemiinformativi"

GIOVENTU = [
    activity(
        "GI-01",
        ("Corpo europeo di solidarietà: volontari a Torino",
         "Dodici volontari da otto Paesi europei hanno svolto un anno di servizio nei centri del protagonismo "
         "giovanile e nelle biblioteche della città."),
        ("European Solidarity Corps: volunteers in Turin",
         "Twelve volunteers from eight European countries spent a year of service in the city's youth centres and "
         "libraries."),
        type="exchange", theme="education", countries="Spagna; Francia; Germania; Polonia; Portogallo; Grecia; "
        "Romania; Ungheria", partners="Agenzia Nazionale per i Giovani", programme="Corpo europeo di solidarietà",
        role="host", start="2024-10-01", end="2025-09-30", budget=(96000, 6000, 90000), source="eu",
        sdgs=(4, 10), people=12, url=f"{URL_GI}/corpo-europeo-solidarieta"),
    activity(
        "GI-02",
        ("Scambio giovanile Erasmus+ «Clima in comune»",
         "Scambio di dieci giorni a Torino per quaranta ragazzi da quattro Paesi su azioni per il clima nei "
         "quartieri, con la produzione di un podcast."),
        ("Erasmus+ youth exchange 'Climate in common'",
         "Ten-day exchange in Turin for forty young people from four countries on neighbourhood climate action, "
         "producing a podcast."),
        type="exchange", theme="education", countries="Slovenia; Estonia; Irlanda; Italia",
        partners="Zavod Mladinska Mreža MaMa; Tallinna Noorsootöö Keskus", programme="Erasmus+ KA1 Gioventù",
        role="lead", start="2025-07-07", end="2025-07-17", budget=(38000, 3000, 35000), source="eu",
        sdgs=(4, 13), people=40),
    activity(
        "GI-03",
        ("Eurodesk: informazione sulla mobilità internazionale",
         "Lo sportello Eurodesk dell'Informagiovani ha orientato i giovani su studio, volontariato e lavoro "
         "all'estero, con incontri nelle scuole superiori."),
        ("Eurodesk: information on international mobility",
         "The Eurodesk desk at Informagiovani advised young people on study, volunteering and work abroad, with "
         "meetings in secondary schools."),
        type="network", theme="education", area="europe", partners="Eurodesk Italy", programme="Eurodesk",
        role="member", start="2008-01-01", budget=(1500, 1500, 0), source="municipal", sdgs=(4, 8), people=2300,
        url=f"{URL_GI}/eurodesk"),
    activity(
        "GI-04",
        ("Solidarietà con Leopoli, Capitale europea dei giovani 2025",
         "Laboratori online tra gruppi giovanili di Torino e di Leopoli sulla partecipazione civica in tempo di "
         "guerra, con una visita a Torino di dieci giovani ucraini."),
        ("Solidarity with Lviv, European Youth Capital 2025",
         "Online workshops between youth groups in Turin and Lviv on civic participation in wartime, with a visit "
         "to Turin by ten young Ukrainians."),
        type="exchange", theme="peace", countries="Ucraina", partners="Lviv City Council; Forum Europeo della "
        "Gioventù", role="partner", start="2025-03-01", end="2025-11-30", budget=(12000, 12000, 0),
        source="municipal", sdgs=(16,), people=65),
    activity(
        "GI-05",
        ("DiscoverEU: incontri per i diciottenni",
         "Incontri informativi e di preparazione al viaggio per i diciottenni torinesi vincitori dei pass "
         "ferroviari DiscoverEU."),
        ("DiscoverEU: meetings for eighteen-year-olds",
         "Information and travel-preparation meetings for Turin eighteen-year-olds who won DiscoverEU rail "
         "passes."),
        type="training", theme="education", area="europe", partners="Europe Direct Torino",
        programme="Erasmus+ DiscoverEU", role="partner", start="2025-04-01", end="2025-10-31",
        source="none", sdgs=(4,), people=350, recurring=True),
    activity(
        "GI-06",
        ("Erasmus+: centri giovanili per i NEET",
         "Partenariato Erasmus+ tra centri giovanili di quattro città per raggiungere i giovani che non studiano "
         "e non lavorano, con un kit di metodi condiviso."),
        ("Erasmus+: youth centres for NEETs",
         "Erasmus+ partnership between youth centres in four cities to reach young people not in education, "
         "employment or training, with a shared toolkit of methods."),
        type="eu_project", theme="education", countries="Paesi Bassi; Lettonia; Croazia",
        partners="Gemeente Rotterdam; Rīgas valstspilsētas pašvaldība; Grad Zagreb", programme="Erasmus+ KA2",
        role="partner", start="2023-11-01", end="2025-10-31", budget=(250000, 0, 250000), source="eu",
        sdgs=(4, 8, 10), people=210),
    activity(
        "GI-07",
        ("Rosario-Torino: giovani e partecipazione",
         "Scambio a distanza e visita a Rosario di quattro giovani consiglieri del Forum giovani sulla "
         "partecipazione nei quartieri."),
        ("Rosario-Turin: young people and participation",
         "Online exchange and a visit to Rosario by four young members of the Youth Forum on neighbourhood "
         "participation."),
        type="exchange", theme="education", countries="Argentina", partners="Municipalidad de Rosario",
        role="partner", start="2025-09-01", end="2025-12-15", budget=(8500, 8500, 0), source="municipal",
        sdgs=(11, 16), people=22),
    activity(
        "GI-08",
        ("Settimana europea della gioventù 2025",
         "Una settimana di eventi nei centri giovanili sui programmi europei per i giovani, con testimonianze di "
         "ex volontari e studenti Erasmus."),
        ("European Youth Week 2025",
         "A week of events in the youth centres on the EU's programmes for young people, with former volunteers "
         "and Erasmus students."),
        type="event", theme="education", countries="Italia", partners="Agenzia Nazionale per i Giovani",
        role="host", start="2025-04-14", end="2025-04-20", budget=(4000, 2000, 2000), source="mixed",
        sdgs=(4,), people=800, recurring=True),
]

SIST_INFO = [
    activity(
        "SI-01",
        ("Gemello digitale della città: Europa digitale",
         "Progetto del programma Europa digitale per un gemello digitale locale su mobilità ed energia, con "
         "modelli condivisi tra le città partner."),
        ("City digital twin: Digital Europe",
         "Digital Europe project for a local digital twin on mobility and energy, with models shared among the "
         "partner cities."),
        type="eu_project", theme="digital", countries="Finlandia; Spagna; Belgio; Estonia",
        partners="City of Espoo; Ajuntament de València; Stad Brugge; Tallinn; CSI Piemonte",
        programme="Digital Europe", role="partner", start="2024-01-01", end="2026-12-31",
        budget=(720000, 144000, 576000), source="eu", sdgs=(9, 11), url=f"{URL_SI}/gemello-digitale"),
    activity(
        "SI-02",
        ("Open & Agile Smart Cities",
         "Adesione alla rete OASC e adozione dei suoi requisiti minimi di interoperabilità per le piattaforme di "
         "dati urbani."),
        ("Open & Agile Smart Cities",
         "Membership of the OASC network and adoption of its minimal interoperability mechanisms for urban data "
         "platforms."),
        type="network", theme="digital", countries="Belgio", partners="OASC", programme="OASC", role="member",
        start="2018-06-01", budget=(3000, 3000, 0), source="municipal", sdgs=(9, 17)),
    activity(
        "SI-03",
        ("Coalizione delle città per i diritti digitali",
         "Partecipazione alla coalizione e al gruppo di lavoro sull'uso trasparente degli algoritmi nei servizi "
         "pubblici, con la pubblicazione di un registro degli algoritmi."),
        ("Cities Coalition for Digital Rights",
         "Participation in the coalition and in its working group on transparent use of algorithms in public "
         "services, publishing an algorithm register."),
        type="network", theme="digital", countries="Paesi Bassi; Spagna; Stati Uniti",
        partners="Cities Coalition for Digital Rights; UN-Habitat", programme="CC4DR", role="member",
        start="2021-03-01", sdgs=(10, 16), people=8),
    activity(
        "SI-04",
        ("Premio europeo per il portale Torino Facile",
         "Il portale dei servizi online Torino Facile è stato finalista di un premio europeo per l'accessibilità "
         "dei servizi pubblici digitali."),
        ("European award for the Torino Facile portal",
         "The Torino Facile online services portal was a finalist for a European award on accessible digital "
         "public services."),
        type="award", theme="digital", countries="Belgio", partners="CSI Piemonte", role="participant",
        start="2025-06-01", end="2025-11-20", sdgs=(9, 10, 16), url=f"{URL_SI}/torino-facile"),
    activity(
        "SI-05",
        ("Intelligenza artificiale nei servizi comunali: scambio con Amsterdam",
         "Due giornate di scambio con Amsterdam su regole e sperimentazioni di intelligenza artificiale negli "
         "sportelli al cittadino."),
        ("Artificial intelligence in municipal services: exchange with Amsterdam",
         "Two days of exchange with Amsterdam on rules for and trials of artificial intelligence at citizen "
         "service desks."),
        type="best_practice", theme="digital", countries="Paesi Bassi", partners="Gemeente Amsterdam",
        role="participant", start="2025-05-20", end="2025-05-21", budget=(3200, 3200, 0), source="municipal",
        sdgs=(9, 16), people=6),
    activity(
        "SI-06",
        ("Interreg Europe: sicurezza informatica degli enti locali",
         "Progetto Interreg Europe su politiche di sicurezza informatica per i comuni, con un piano d'azione "
         "per la Città e la formazione di 300 dipendenti."),
        ("Interreg Europe: cybersecurity of local authorities",
         "Interreg Europe project on cybersecurity policies for municipalities, with an action plan for the City "
         "and training for 300 staff."),
        type="eu_project", theme="digital", countries="Estonia; Spagna; Austria; Cipro",
        partners="Tartu linn; Diputació de Barcelona; Stadt Graz", programme="Interreg Europe", role="partner",
        start="2023-03-01", end="2027-02-28", budget=(205000, 41000, 164000), source="eu", sdgs=(9, 16),
        people=300),
    activity(
        "SI-07",
        ("Living-in.EU: trasformazione digitale guidata dalle città",
         "Sottoscrizione della dichiarazione Living-in.EU e partecipazione al gruppo tecnico sugli spazi di dati "
         "locali."),
        ("Living-in.EU: city-led digital transformation",
         "Signature of the Living-in.EU declaration and participation in the technical group on local data "
         "spaces."),
        type="network", theme="digital", countries="Belgio", partners="Living-in.EU; Eurocities",
        programme="Living-in.EU", role="member", start="2020-12-01", source="none", sdgs=(9, 11, 17)),
]

DEPARTMENTS = [
    Department("GIOVENTU", "Sara Colombo", GIOVENTU),
    Department("SIST_INFO", "Andrea Marchetti", SIST_INFO),
]
