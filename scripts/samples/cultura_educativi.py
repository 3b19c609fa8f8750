"""Sample content of the Cultural Services Division (CULTURA) and the Educational Services Division
(EDUCATIVI)."""
from samples.record import Department, activity

URL_CU = "https://www.comune.torino.it/cultura"
URL_ED = "https://www.comune.torino.it/servizieducativi"

CULTURA = [
    activity(
        "CU-01",
        ("Salone Internazionale del Libro di Torino 2025",
         "Con la Fondazione per la Cultura, programma di incontri con autori ed editori stranieri al Lingotto e "
         "nelle biblioteche civiche, con spazi per le letterature dei Paesi ospiti."),
        ("Turin International Book Fair 2025",
         "With the Culture Foundation, a programme of meetings with foreign authors and publishers at the Lingotto "
         "and in the civic libraries, with spaces for the literatures of guest countries."),
        type="event", theme="culture", countries="Italia; Francia; Spagna; Germania; Brasile",
        partners="Fondazione Circolo dei lettori; Fondazione per la Cultura Torino", role="partner",
        start="2025-05-15", end="2025-05-19", budget=(1200000, 300000, 900000), source="mixed", sdgs=(4,),
        people=230000, url="https://www.salonelibro.it", recurring=True, expect=("joint_activity",),
        note="joint activity with COMUNICAZIONE"),
    activity(
        "CU-02",
        ("Torino Film Festival 2025",
         "Festival internazionale del cinema con 150 film da 40 Paesi, sezioni competitive per opere prime e "
         "incontri con registi stranieri."),
        ("Torino Film Festival 2025",
         "International film festival with 150 films from 40 countries, competitive sections for first features "
         "and meetings with foreign directors."),
        type="event", theme="culture", area="multi", partners="Museo Nazionale del Cinema", role="funder",
        start="2025-11-21", end="2025-11-29", budget=(2300000, 700000, 1600000), source="mixed", sdgs=(4, 8),
        people=60000, url="https://www.torinofilmfest.org", recurring=True),
    activity(
        "CU-03",
        ("Torino Città creativa UNESCO per il design",
         "Partecipazione alla rete delle Città creative UNESCO: progetti comuni con le città del design e "
         "programma di residenze per giovani designer stranieri."),
        ("Turin UNESCO Creative City of Design",
         "Participation in the UNESCO Creative Cities Network: joint projects with other design cities and a "
         "residency programme for young foreign designers."),
        type="network", theme="culture", countries="Francia; Messico; Cina; Finlandia",
        partners="UNESCO; Politecnico di Torino; Torino Design of the City", programme="UNESCO Creative Cities",
        role="member", start="2014-12-01", budget=(25000, 15000, 10000), source="mixed", sdgs=(9, 11),
        people=40, url=f"{URL_CU}/unesco-design"),
    activity(
        "CU-04",
        ("Biblioteche aperte: Europa Creativa per lettori nuovi",
         "Progetto Europa Creativa che porta le biblioteche civiche fuori dalle sedi con bibliobus, prestito nelle "
         "lingue delle comunità straniere e club di lettura."),
        ("Open libraries: Creative Europe for new readers",
         "Creative Europe project taking the civic libraries beyond their walls with mobile libraries, lending in "
         "the languages of foreign communities and reading clubs."),
        type="eu_project", theme="culture", countries="Spagna; Croazia; Irlanda; Lituania",
        partners="Biblioteques de Barcelona; Gradska knjižnica Rijeka; Dublin City Libraries",
        programme="Europa Creativa", role="lead", start="2024-10-01", end="2027-03-31", status="ongoing",
        budget=(395000, 158000, 237000), source="eu", sdgs=(4, 10), people=5200, url=f"{URL_CU}/biblioteche-aperte"),
    activity(
        "CU-05",
        ("Torino Jazz Festival 2025",
         "Festival con 80 concerti, di cui metà di artisti stranieri, in teatri, club e quartieri della città."),
        ("Torino Jazz Festival 2025",
         "Festival of 80 concerts, half of them by foreign artists, in theatres, clubs and neighbourhoods."),
        type="event", theme="culture", countries="Stati Uniti; Francia; Regno Unito; Norvegia",
        partners="Fondazione per la Cultura Torino", role="lead", start="2025-04-22", end="2025-04-30",
        budget=(650000, 450000, 200000), source="mixed", sdgs=(11,), people=38000, recurring=True),
    activity(
        "CU-06",
        ("Artissima 2025: fiera internazionale d'arte contemporanea",
         "Sostegno della Città alla fiera con 180 gallerie da 35 Paesi e al programma di mostre nei musei civici "
         "durante la settimana dell'arte contemporanea."),
        ("Artissima 2025: international contemporary art fair",
         "The City's support to the fair, with 180 galleries from 35 countries, and to the programme of shows in "
         "civic museums during contemporary art week."),
        type="event", theme="culture", area="multi", partners="Fondazione Torino Musei; Artissima srl",
        role="funder", start="2025-10-31", end="2025-11-02", budget=(300000, 120000, 180000), source="mixed",
        sdgs=(8, 11), people=36000, recurring=True),
    activity(
        "CU-07",
        ("Biennale Democrazia 2025",
         "Cinque giorni di lezioni e dibattiti con studiosi italiani e stranieri sul futuro della democrazia, con "
         "un programma per le scuole."),
        ("Biennale Democrazia 2025",
         "Five days of lectures and debates with Italian and foreign scholars on the future of democracy, with a "
         "programme for schools."),
        type="event", theme="peace", countries="Italia; Francia; Germania; Regno Unito", partners="Università di "
        "Torino; Politecnico di Torino; Fondazione per la Cultura Torino", role="lead", start="2025-03-26",
        end="2025-03-30", budget=(520000, 220000, 300000), source="mixed", sdgs=(4, 16), people=42000,
        url="https://biennaledemocrazia.it"),
    activity(
        "CU-08",
        ("GAM: prestiti di opere per una mostra a Parigi",
         "Prestito di ventidue opere dell'Ottocento piemontese della GAM a un museo parigino per una mostra sul "
         "paesaggio alpino."),
        ("GAM: loan of works for an exhibition in Paris",
         "Loan of twenty-two nineteenth-century Piedmontese works from the GAM to a Paris museum for an "
         "exhibition on Alpine landscape."),
        type="exchange", theme="culture", countries="Francia", partners="Fondazione Torino Musei",
        role="partner", start="2025-02-10", end="2025-06-30", budget=(45000, 0, 45000), source="private",
        sdgs=(11,), people=95000),
    activity(
        "CU-09",
        ("Residenze d'artista Torino-Lione",
         "Scambio di residenze tra giovani artisti visivi di Torino e di Lione, con una mostra finale nelle due "
         "città."),
        ("Turin-Lyon artist residencies",
         "Residency exchange between young visual artists from Turin and Lyon, with a final exhibition in both "
         "cities."),
        type="exchange", theme="culture", countries="Francia", partners="Ville de Lyon; Accademia Albertina",
        programme="Interreg ALCOTRA", role="partner", start="2024-09-01", end="2026-06-30",
        budget=(140000, 21000, 119000), source="eu", sdgs=(8, 11), people=24),
    activity(
        "CU-10",
        ("MITO SettembreMusica 2025",
         "Festival musicale con Milano: trenta concerti a Torino, con orchestre e solisti di nove Paesi."),
        ("MITO SettembreMusica 2025",
         "Music festival shared with Milan: thirty concerts in Turin, with orchestras and soloists from nine "
         "countries."),
        type="event", theme="culture", area="multi", partners="Comune di Milano; Fondazione per la Cultura Torino",
        role="lead", start="2025-09-04", end="2025-09-21", budget=(900000, 500000, 400000), source="mixed",
        sdgs=(11,), people=25000, recurring=True),
    activity(
        "CU-11",
        ("Capitali europee della cultura: scambio con Chemnitz 2025",
         "Scambio tra operatori culturali di Torino e di Chemnitz, capitale europea della cultura 2025, su "
         "partecipazione dei quartieri e riuso di spazi industriali."),
        ("European Capitals of Culture: exchange with Chemnitz 2025",
         "Exchange between cultural workers from Turin and Chemnitz, European Capital of Culture 2025, on "
         "neighbourhood participation and the reuse of industrial spaces."),
        type="best_practice", theme="culture", countries="Germania", partners="Kulturhauptstadt Europas "
        "Chemnitz 2025 gGmbH", role="participant", start="2025-06-10", end="2025-06-13", budget=(7500, 7500, 0),
        source="municipal", sdgs=(11,), people=12),
    activity(
        "CU-12",
        ("Patrimonio industriale e comunità: progetto Horizon Europe",
         "Ricerca partecipata su ex fabbriche riconvertite in spazi culturali, con laboratori a Barriera di "
         "Milano e a Mirafiori."),
        ("Industrial heritage and communities: Horizon Europe project",
         "Participatory research on former factories turned into cultural spaces, with workshops in Barriera di "
         "Milano and Mirafiori."),
        type="eu_project", theme="urban", countries="Regno Unito; Polonia; Belgio; Spagna",
        partners="University of Manchester; Miasto Łódź; Stad Gent; Politecnico di Torino",
        programme="Horizon Europe", role="partner", start="2023-01-01", end="2026-06-30",
        budget=(285000, 0, 285000), source="eu", sdgs=(9, 11), people=700),
]

EDUCATIVI = [
    activity(
        "ED-01",
        ("Erasmus+: scuole dell'infanzia all'aperto",
         "Partenariato Erasmus+ sull'educazione all'aperto nelle scuole dell'infanzia, con scambi di "
         "insegnanti e una guida comune alle attività nei giardini scolastici."),
        ("Erasmus+: outdoor pre-schools",
         "Erasmus+ partnership on outdoor learning in pre-schools, with teacher exchanges and a shared guide to "
         "activities in school gardens."),
        type="eu_project", theme="education", countries="Danimarca; Svezia; Spagna",
        partners="Aarhus Kommune; Göteborgs Stad; Ajuntament de Terrassa", programme="Erasmus+ KA2",
        role="lead", start="2024-09-01", end="2026-08-31", budget=(250000, 0, 250000), source="eu",
        sdgs=(4, 13), people=160, url=f"{URL_ED}/erasmus-outdoor"),
    activity(
        "ED-02",
        ("Mobilità Erasmus+ per le educatrici dei nidi",
         "Trenta educatrici dei nidi comunali in osservazione di due settimane nei servizi per l'infanzia di Lione "
         "e di Barcellona."),
        ("Erasmus+ mobility for nursery educators",
         "Thirty educators from municipal nurseries spent two weeks observing early-childhood services in Lyon "
         "and Barcelona."),
        type="training", theme="education", countries="Francia; Spagna", programme="Erasmus+ KA1",
        partners="Ville de Lyon; Institut Municipal d'Educació de Barcelona", role="lead", start="2025-03-01",
        end="2025-11-30", budget=(72000, 0, 72000), source="eu", sdgs=(4,), people=30),
    activity(
        "ED-03",
        ("Associazione internazionale delle Città educative",
         "Adesione alla rete AICE-IAEC e partecipazione al congresso internazionale con una presentazione sui "
         "patti educativi di comunità."),
        ("International Association of Educating Cities",
         "Membership of the IAEC network and participation in its international congress with a talk on "
         "community education pacts."),
        type="network", theme="education", countries="ES", partners="AICE - IAEC", programme="Città educative",
        role="member", start="2001-01-01", budget=(2800, 2800, 0), source="municipal", sdgs=(4, 11), people=3),
    activity(
        "ED-04",
        ("eTwinning: gemellaggi elettronici tra scuole",
         "Supporto a quaranta classi delle scuole torinesi in progetti eTwinning con scuole di dodici Paesi "
         "europei su clima e cittadinanza."),
        ("eTwinning: online partnerships between schools",
         "Support to forty classes of Turin schools in eTwinning projects with schools from twelve European "
         "countries on climate and citizenship."),
        type="exchange", theme="education", area="europe", partners="INDIRE - Unità nazionale eTwinning",
        programme="eTwinning", role="partner", start="2025-01-01", end="2025-12-31", source="none",
        sdgs=(4, 13), people=900, recurring=True),
    activity(
        "ED-05",
        ("Delegazione di educatori finlandesi",
         "Visita di dirigenti scolastici di Espoo ai nidi e alle scuole dell'infanzia comunali, con un seminario "
         "sulla formazione del personale."),
        ("Delegation of Finnish educators",
         "Visit by school leaders from Espoo to municipal nurseries and pre-schools, with a seminar on staff "
         "training."),
        type="delegation", theme="education", countries="Finlandia", partners="Espoon kaupunki", role="host",
        start="2025-05-06", end="2025-05-08", sdgs=(4,), people=14),
    activity(
        "ED-06",
        ("Consiglio comunale dei ragazzi: scambio con Chambéry",
         "Incontro tra i consigli dei ragazzi di Torino e di Chambéry sull'Agenda 2030 e sulla mobilità "
         "sostenibile casa-scuola."),
        ("Children's city council: exchange with Chambéry",
         "Meeting of the children's councils of Turin and Chambéry on the 2030 Agenda and sustainable school "
         "travel."),
        type="exchange", theme="education", countries="Francia", partners="Ville de Chambéry", role="host",
        start="2025-04-10", end="2025-04-12", budget=(5000, 5000, 0), source="municipal", sdgs=(4, 11),
        people=48),
    activity(
        "ED-07",
        ("Mense scolastiche sostenibili: progetto Horizon Europe",
         "Sperimentazione in venti scuole primarie di menù a minore impatto climatico e di riduzione degli "
         "sprechi, con le famiglie e le città partner."),
        ("Sustainable school canteens: Horizon Europe project",
         "Trial in twenty primary schools of lower-carbon menus and food-waste reduction, with families and "
         "partner cities."),
        type="eu_project", theme="education", countries="Paesi Bassi; Danimarca; Portogallo; Grecia",
        partners="Gemeente Ede; Københavns Kommune; Município de Torres Vedras", programme="Horizon Europe",
        role="partner", start="2023-05-01", end="2026-10-31", budget=(196000, 0, 196000), source="eu",
        sdgs=(2, 4, 12), people=4800, url=f"{URL_ED}/mense-sostenibili"),
]

DEPARTMENTS = [
    Department("CULTURA", "Francesca Rinaldi", CULTURA, only_2024=[
        activity(
            "CU-24a",
            ("Bicentenario del Museo Egizio",
             "La Città ha sostenuto le celebrazioni per i duecento anni del Museo Egizio, con il nuovo allestimento "
             "e un programma di incontri con musei egiziani e europei."),
            ("Bicentenary of the Egyptian Museum",
             "The City supported the celebrations for the Egyptian Museum's two hundredth anniversary, with the new "
             "layout and a programme of meetings with Egyptian and European museums."),
            type="event", theme="culture", countries="Egitto; Francia; Germania; Regno Unito",
            partners="Fondazione Museo delle Antichità Egizie", role="funder", start="2024-04-01",
            end="2024-12-31", budget=(250000, 50000, 200000), source="mixed", sdgs=(4, 11), people=1100000,
            url="https://museoegizio.it"),
    ]),
    Department("EDUCATIVI", "Luca Fenoglio", EDUCATIVI),
]
