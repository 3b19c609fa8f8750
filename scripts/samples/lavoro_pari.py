"""Sample content of the Employment and Training Division (LAVORO) and the Equal Opportunities Department
(PARI_OPP)."""
from samples.record import Department, activity

URL_LA = "https://www.comune.torino.it/lavoro"
URL_PO = "https://www.comune.torino.it/pariopportunita"

LAVORO = [
    activity(
        "LA-01",
        ("PN Metro Plus: percorsi di inserimento lavorativo per persone fragili",
         "Con il Programma nazionale Metro Plus e città medie del Sud 2021-2027, cofinanziato dal Fondo sociale "
         "europeo Plus, la Città ha finanziato percorsi personalizzati di orientamento, formazione e tirocinio "
         "per persone lontane dal mercato del lavoro: disoccupati di lunga durata, persone con disabilità, donne "
         "vittime di violenza, giovani usciti dal circuito penale. Nel 2025 hanno preso avvio 640 percorsi, "
         "gestiti da una rete di 38 enti di formazione e cooperative sociali selezionati con avviso pubblico; 212 "
         "persone hanno concluso un tirocinio in azienda e 97 hanno firmato un contratto di lavoro di almeno sei "
         "mesi. I Centri per l'impiego della Regione e i servizi sociali comunali segnalano le persone e seguono "
         "con gli enti un piano individuale, aggiornato ogni tre mesi. Il modello di presa in carico condivisa è "
         "stato presentato al gruppo di lavoro sull'inclusione attiva di Eurocities."),
        ("PN Metro Plus: job placement pathways for vulnerable people",
         "Under the National Programme Metro Plus and Southern Medium-sized Cities 2021-2027, co-funded by the "
         "European Social Fund Plus, the City funded personalised pathways of guidance, training and work "
         "placement for people far from the labour market: the long-term unemployed, people with disabilities, "
         "women who survived violence, young people leaving the justice system. In 2025, 640 pathways started, run "
         "by a network of 38 training bodies and social cooperatives selected through a public call; 212 people "
         "completed a company placement and 97 signed an employment contract of at least six months. The "
         "Region's job centres and the City's social services refer people and follow an individual plan with "
         "the providers, reviewed every three months. The shared case-management model was presented to the "
         "Eurocities working group on active inclusion."),
        type="eu_project", theme="economy", countries="Italia", partners="Regione Piemonte - Centri per "
        "l'impiego; Agenzia per la Coesione Territoriale", programme="FSE+ - PN Metro Plus", role="lead",
        start="2023-01-01", end="2029-12-31", budget=(18500000, 0, 18500000), source="eu", sdgs=(1, 8, 10),
        people=640, url=f"{URL_LA}/metro-plus", y2024={"participants": 410}),
    activity(
        "LA-02",
        ("PN Metro Plus: incubatori d'impresa nei quartieri",
         "Con fondi FESR, tre incubatori di quartiere offrono spazi e accompagnamento a nuove imprese di "
         "prossimità e dell'economia sociale."),
        ("PN Metro Plus: neighbourhood business incubators",
         "With ERDF funding, three neighbourhood incubators offer space and mentoring to new local and "
         "social-economy businesses."),
        type="eu_project", theme="economy", countries="Italia", partners="Torino Social Impact; Camera di commercio",
        programme="FESR - PN Metro Plus", role="lead", start="2024-02-01", end="2028-12-31",
        budget=(4200000, 0, 4200000), source="eu", sdgs=(8, 9, 11), people=85),
    activity(
        "LA-03",
        ("Giornate europee del lavoro 2025 a Torino",
         "Fiera del lavoro con la rete EURES: 60 datori di lavoro da dieci Paesi europei e colloqui in presenza e "
         "online."),
        ("European Job Days 2025 in Turin",
         "Job fair with the EURES network: 60 employers from ten European countries and interviews in person and "
         "online."),
        type="event", theme="economy", area="europe", partners="EURES; Regione Piemonte", programme="EURES",
        role="host", start="2025-10-08", end="2025-10-09", budget=(25000, 5000, 20000), source="eu", sdgs=(8,),
        people=2700, recurring=True),
    activity(
        "LA-04",
        ("Erasmus+ VET: tirocini all'estero per gli allievi dei centri di formazione",
         "Tirocini di quattro settimane in imprese di Spagna, Irlanda e Malta per 120 allievi dei corsi di "
         "formazione professionale."),
        ("Erasmus+ VET: placements abroad for vocational trainees",
         "Four-week company placements in Spain, Ireland and Malta for 120 vocational training students."),
        type="exchange", theme="education", countries="Spagna; Irlanda; Malta", programme="Erasmus+ KA1 VET",
        partners="Consorzio Erasmus+ Torino formazione", role="lead", start="2024-06-01", end="2026-05-31",
        budget=(310000, 0, 310000), source="eu", sdgs=(4, 8), people=120),
    activity(
        "LA-05",
        ("EaSI: innovazione sociale e imprese a impatto",
         "Progetto della componente EaSI del FSE+ su strumenti di finanza a impatto sociale per l'inserimento "
         "lavorativo, con Torino Social Impact."),
        ("EaSI: social innovation and impact enterprises",
         "Project under the ESF+ EaSI strand on social-impact finance tools for job placement, with Torino Social "
         "Impact."),
        type="eu_project", theme="economy", countries="Francia; Portogallo; Belgio",
        partners="Torino Social Impact; Ville de Lille; Portugal Inovação Social", programme="FSE+ EaSI",
        role="partner", start="2024-04-01", end="2026-03-31", budget=(180000, 18000, 162000), source="eu",
        sdgs=(8, 10)),
    activity(
        "LA-06",
        ("URBACT: manifattura urbana e nuovi mestieri",
         "Rete URBACT sul ritorno della produzione in città: mappatura dei laboratori artigiani e piano d'azione "
         "per gli spazi produttivi dismessi."),
        ("URBACT: urban manufacturing and new trades",
         "URBACT network on bringing production back to cities: a map of craft workshops and an action plan for "
         "vacant productive spaces."),
        type="eu_project", theme="economy", countries="Belgio; Germania; Spagna; Polonia; Slovenia",
        partners="URBACT; Ville de Bruxelles; Stadt Leipzig", programme="URBACT IV", role="partner",
        start="2023-06-01", end="2025-12-31", status="completed", budget=(290000, 43500, 246500), source="eu",
        sdgs=(8, 9, 11),
        people=150),
    activity(
        "LA-07",
        ("Interreg Central Europe: competenze per la filiera dell'auto",
         "Progetto su nuove competenze per i lavoratori della componentistica auto nella transizione elettrica, "
         "con corsi pilota per 200 addetti."),
        ("Interreg Central Europe: skills for the automotive supply chain",
         "Project on new skills for automotive component workers in the electric transition, with pilot courses "
         "for 200 employees."),
        type="eu_project", theme="economy", countries="Germania; Repubblica Ceca; Slovacchia; Ungheria",
        partners="Stadt Stuttgart; Statutární město Mladá Boleslav; Győr", programme="Interreg Central Europe",
        role="partner", start="2024-03-01", end="2027-02-28", budget=(260000, 39000, 221000), source="eu",
        sdgs=(8, 9), people=200),
    activity(
        "LA-08",
        ("Economia sociale: formazione con il Centro internazionale dell'OIL",
         "Corso per funzionari comunali sull'economia sociale e solidale, realizzato con il Centro internazionale "
         "di formazione dell'OIL di Torino."),
        ("Social economy: training with the ILO International Training Centre",
         "Course for municipal officers on the social and solidarity economy, run with the ILO International "
         "Training Centre in Turin."),
        type="training", theme="economy", countries="Italia", partners="ITC-ILO", role="participant",
        start="2025-05-19", end="2025-05-23", budget=(9000, 9000, 0), source="municipal", sdgs=(8,), people=28),
    activity(
        "LA-09",
        ("Delegazione tunisina sui servizi per l'impiego",
         "Visita di dirigenti dell'agenzia tunisina per l'impiego ai Centri per l'impiego e ai servizi di "
         "orientamento della Città."),
        ("Tunisian delegation on employment services",
         "Visit by managers of the Tunisian employment agency to job centres and the City's guidance services."),
        type="delegation", theme="economy", countries="Tunisia", partners="ANETI; OIM", role="host",
        start="2025-06-17", end="2025-06-19", sdgs=(8, 17), people=11),
    activity(
        "LA-10",
        ("ALMA: tirocini all'estero per giovani NEET",
         "Iniziativa ALMA del FSE+: percorsi di orientamento e tirocini di tre mesi in Spagna e Portogallo per "
         "giovani che non studiano e non lavorano."),
        ("ALMA: placements abroad for young NEETs",
         "ESF+ ALMA initiative: guidance and three-month placements in Spain and Portugal for young people not in "
         "education, employment or training."),
        type="exchange", theme="economy", countries="Spagna; Portogallo", partners="Regione Piemonte",
        programme="FSE+ ALMA", role="partner", start="2025-01-15", end="2026-06-30", budget=(420000, 0, 420000),
        source="eu", sdgs=(4, 8, 10), people=48),
    activity(
        "LA-11",
        ("Centri di eccellenza professionale per le competenze verdi",
         "Partenariato Erasmus+ tra centri di formazione di cinque Paesi per corsi su impianti solari, pompe di "
         "calore e riqualificazione energetica."),
        ("Centres of Vocational Excellence for green skills",
         "Erasmus+ partnership of training centres in five countries for courses on solar installations, heat "
         "pumps and energy retrofitting."),
        type="eu_project", theme="education", countries="Finlandia; Spagna; Austria; Croazia",
        partners="Omnia; Salesians Sarrià; WIFI Wien", programme="Erasmus+ CoVE", role="partner",
        start="2023-09-01", end="2027-08-31", budget=(390000, 0, 390000), source="eu", sdgs=(4, 7, 8),
        people=330),
    activity(
        "LA-12",
        ("REVES: rete europea di città per l'economia sociale",
         "Adesione a REVES e partecipazione all'assemblea annuale sugli appalti pubblici con clausole sociali."),
        ("REVES: European network of cities for the social economy",
         "Membership of REVES and participation in its annual assembly on public procurement with social "
         "clauses."),
        type="network", theme="economy", countries="Belgio", partners="REVES", programme="REVES", role="member",
        start="2010-01-01", budget=(2000, 2000, 0), source="municipal", sdgs=(8, 12)),
]

PARI_OPP = [
    activity(
        "PO-01",
        ("CERV Daphne: reti di quartiere contro la violenza di genere",
         "Progetto CERV-Daphne che forma farmacisti, commercianti e portinai come prime sentinelle della "
         "violenza domestica, con materiali in sei lingue."),
        ("CERV Daphne: neighbourhood networks against gender-based violence",
         "CERV-Daphne project training pharmacists, shopkeepers and concierges as first watchers for domestic "
         "violence, with materials in six languages."),
        type="eu_project", theme="inclusion", countries="Spagna; Grecia; Bulgaria",
        partners="Ajuntament de Sabadell; Municipality of Athens; Sofia Municipality; Telefono Rosa Piemonte",
        programme="CERV - Daphne", role="lead", start="2024-02-01", end="2026-01-31",
        budget=(480000, 48000, 432000), source="eu", sdgs=(5, 16), people=1300, url=f"{URL_PO}/daphne"),
    activity(
        "PO-02",
        ("Rainbow Cities Network",
         "Torino, tra le città fondatrici della rete, ha contribuito alla mappa europea delle politiche locali "
         "LGBTQI+ e ha partecipato all'incontro annuale."),
        ("Rainbow Cities Network",
         "Turin, a founding city of the network, contributed to the European map of local LGBTQI+ policies and "
         "attended the annual meeting."),
        type="network", theme="inclusion", countries="Paesi Bassi; Germania; Austria; Norvegia",
        partners="Rainbow Cities Network", programme="Rainbow Cities Network", role="member", start="2013-01-01",
        budget=(1000, 1000, 0), source="municipal", sdgs=(5, 10), people=4),
    activity(
        "PO-03",
        ("Carta europea per l'uguaglianza di donne e uomini nella vita locale",
         "Aggiornamento del piano d'azione previsto dalla Carta del CCRE e scambio con le città firmatarie sui "
         "risultati."),
        ("European Charter for Equality of Women and Men in Local Life",
         "Update of the action plan required by the CEMR Charter and exchange of results with other signatory "
         "cities."),
        type="network", theme="inclusion", countries="Belgio; Francia; Svezia", partners="CCRE - CEMR",
        programme="CEMR Equality Charter", role="member", start="2010-03-08", source="none", sdgs=(5,)),
    activity(
        "PO-04",
        ("Bilancio di genere: scambio con Vienna",
         "Visita di studio a Vienna sul bilancio di genere e sulla pianificazione urbana attenta al genere, con "
         "la Ragioneria comunale."),
        ("Gender budgeting: exchange with Vienna",
         "Study visit to Vienna on gender budgeting and gender-sensitive urban planning, with the City's "
         "finance department."),
        type="best_practice", theme="inclusion", countries="Austria", partners="Stadt Wien", role="participant",
        start="2025-09-29", end="2025-10-01", budget=(4800, 4800, 0), source="municipal", sdgs=(5, 11),
        people=6),
    activity(
        "PO-05",
        ("25 novembre 2025: campagna con le città gemelle",
         "Campagna comune con Chambéry e Colonia per la Giornata internazionale contro la violenza sulle donne, "
         "con monumenti illuminati e incontri nelle scuole."),
        ("25 November 2025: campaign with twin cities",
         "Joint campaign with Chambéry and Cologne for the International Day for the Elimination of Violence "
         "against Women, with lit-up monuments and school meetings."),
        type="event", theme="inclusion", countries="Francia; Germania; Italia",
        partners="Ville de Chambéry; Stadt Köln", role="lead", start="2025-11-20", end="2025-11-30",
        budget=(7000, 7000, 0), source="municipal", sdgs=(5, 16), people=4200, recurring=True),
    activity(
        "PO-06",
        ("CERV Equality: lavoro e conciliazione per le madri straniere",
         "Percorsi di lingua, orientamento al lavoro e servizi di cura dei figli per 150 madri straniere, con "
         "Lione e Graz."),
        ("CERV Equality: work and care for migrant mothers",
         "Language courses, job guidance and childcare for 150 migrant mothers, with Lyon and Graz."),
        type="eu_project", theme="inclusion", countries="Francia; Austria",
        partners="Ville de Lyon; Stadt Graz; Cooperativa Progetto Tenda", programme="CERV - Equality",
        role="partner", start="2025-01-01", end="2026-12-31", budget=(140000, 14000, 126000), source="eu",
        sdgs=(5, 8, 10), people=150),
    activity(
        "PO-07",
        ("Formazione per le operatrici dei centri antiviolenza in Marocco",
         "Corso a Torino per dodici operatrici di centri antiviolenza marocchini sull'accoglienza e sulla rete "
         "con polizia e servizi sanitari."),
        ("Training for staff of anti-violence centres in Morocco",
         "Course in Turin for twelve staff members of Moroccan anti-violence centres on shelter and on working "
         "with the police and health services."),
        type="training", theme="inclusion", countries="Marocco", partners="Association Anaruz; Centro Antiviolenza "
        "Città di Torino", role="host", start="2025-10-13", end="2025-10-17", budget=(15000, 5000, 10000),
        source="private", sdgs=(5, 16), people=12),
]

DEPARTMENTS = [
    Department("LAVORO", "Elena Bonino", LAVORO),
    Department("PARI_OPP", "Silvia Perotti", PARI_OPP),
]
