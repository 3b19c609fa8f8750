"""Sample content of the International Relations Department (REL_INT): networks, twinnings, delegations."""
from samples.record import Department, activity

URL = "https://www.comune.torino.it/relint"

ACTIVITIES = [
    activity(
        "RI-01",
        ("Eurocities: partecipazione alla rete e ai forum tematici",
         "Nel 2025 la Città ha partecipato ai sei forum tematici di Eurocities (cultura, ambiente, mobilità, "
         "economia, affari sociali, città della conoscenza) e ai gruppi di lavoro su finanziamenti europei e "
         "diplomazia urbana. Torino ha contribuito alla posizione della rete sul prossimo quadro finanziario "
         "pluriennale dell'Unione, chiedendo che i fondi di coesione restino accessibili direttamente alle città, "
         "e ha presentato alla riunione del forum Economia di Bruxelles le esperienze di Torino Social Impact e "
         "del Fondo per l'innovazione sociale. Nel forum Cultura la Città ha coordinato con Lione e Lipsia un "
         "documento sulle biblioteche come presìdi di democrazia, mentre nel forum Affari sociali i Servizi "
         "sociali hanno illustrato il modello torinese di accoglienza diffusa delle persone senza dimora. "
         "Dodici funzionari di nove settori hanno partecipato almeno a una riunione, in presenza o a distanza, e la "
         "Città ha ospitato a ottobre la riunione del gruppo di lavoro sulla diplomazia delle città, con "
         "trentacinque delegati da ventidue città europee."),
        ("Eurocities: taking part in the network and its thematic forums",
         "In 2025 the City took part in Eurocities' six thematic forums (culture, environment, mobility, economy, "
         "social affairs, knowledge society) and in the working groups on EU funding and city diplomacy. Turin "
         "contributed to the network's position on the next multiannual financial framework of the Union, asking "
         "that cohesion funds remain directly accessible to cities, and presented the experience of Torino Social "
         "Impact and of the Social Innovation Fund at the Economic forum meeting in Brussels. In the Culture forum "
         "the City drafted, with Lyon and Leipzig, a paper on libraries as strongholds of democracy, while in the "
         "Social affairs forum the Social Services presented Turin's model of dispersed shelter for homeless "
         "people. Twelve officers from nine departments attended at least one meeting, in person or online, and in "
         "October the City hosted the meeting of the city diplomacy working group, with thirty-five delegates "
         "from twenty-two European cities."),
        type="network", theme="urban", countries="Belgio; Francia; Germania; Spagna; Paesi Bassi; Polonia",
        partners="Eurocities; Città di Lione; Città di Lipsia", programme="Eurocities", role="member",
        start="1991-01-01", budget=(24500, 24500, 0), source="municipal", sdgs=(11, 17), people=35,
        url="https://eurocities.eu"),
    activity(
        "RI-02",
        ("Metropolis: programma di scambio sulla governance metropolitana",
         "Partecipazione al programma Metropolis sulla governance delle aree metropolitane, con due sessioni di "
         "apprendimento tra pari dedicate ai servizi pubblici intercomunali."),
        ("Metropolis: peer exchange on metropolitan governance",
         "Participation in the Metropolis programme on the governance of metropolitan areas, with two peer-learning "
         "sessions on inter-municipal public services."),
        type="network", theme="urban", countries="Spagna; Messico; Sudafrica; Corea del Sud", partners="Metropolis",
        programme="Metropolis", role="member", start="2019-01-01", budget=(9000, 9000, 0), source="municipal",
        sdgs=(11, 16, 17), people=18, url="https://www.metropolis.org"),
    activity(
        "RI-03",
        ("CGLU: gruppi di lavoro sulla diplomazia delle città",
         "La Città segue i lavori di Città e Governi Locali Uniti (CGLU) sulla localizzazione dell'Agenda 2030 e "
         "ha contribuito al rapporto volontario locale presentato al Forum politico di alto livello dell'ONU."),
        ("UCLG: working groups on city diplomacy",
         "The City follows the work of United Cities and Local Governments (UCLG) on localising the 2030 Agenda and "
         "contributed to the voluntary local review presented at the UN High-Level Political Forum."),
        type="network", theme="peace", countries="Spagna; Stati Uniti", partners="CGLU - UCLG; ANCI",
        programme="UCLG", role="member", start="2004-05-01", budget=(6000, 6000, 0), source="municipal",
        sdgs=(16, 17), people=6, url="https://www.uclg.org"),
    activity(
        "RI-04",
        ("Gemellaggio Torino-Chambéry: programma comune 2025",
         "Programma annuale del gemellaggio con Chambéry: scambi tra scuole, un mercato dei prodotti savoiardi in "
         "piazza e un incontro sulla mobilità transfrontaliera e la linea Torino-Lione."),
        ("Turin-Chambéry twinning: joint programme 2025",
         "Annual programme of the twinning with Chambéry: school exchanges, a market of Savoy products in the square "
         "and a meeting on cross-border mobility and the Turin-Lyon railway."),
        type="twinning", theme="culture", countries="Francia", partners="Ville de Chambéry; Comitato gemellaggi",
        role="partner", start="2025-01-01", end="2025-12-31", budget=(15000, 9000, 6000), source="mixed",
        sdgs=(11, 17), people=420, url=f"{URL}/gemellaggi/chambery", recurring=True),
    activity(
        "RI-05",
        ("Gemellaggio Torino-Colonia: incontro dei sindaci e scambio giovani",
         "Visita del sindaco di Colonia a Torino in occasione della Festa di San Giovanni e scambio estivo di venti "
         "giovani tra le due città su cittadinanza europea e memoria."),
        ("Turin-Cologne twinning: mayors' meeting and youth exchange",
         "The Lord Mayor of Cologne visited Turin for the Feast of St John, and twenty young people took part in a "
         "summer exchange between the two cities on European citizenship and remembrance."),
        type="twinning", theme="education", countries="Germania", partners="Stadt Köln", role="host",
        start="2025-06-23", end="2025-07-20", status="completed", budget=(12000, 12000, 0), source="municipal",
        sdgs=(4, 16),
        people=60, url=f"{URL}/gemellaggi/colonia"),
    activity(
        "RI-06",
        ("Torino-Glasgow: accordo di collaborazione su turismo e grandi eventi",
         "Rinnovo dell'accordo con Glasgow, con uno scambio di esperienze tra gli uffici grandi eventi sulla "
         "gestione delle competizioni sportive internazionali."),
        ("Turin-Glasgow: cooperation agreement on tourism and major events",
         "Renewal of the agreement with Glasgow, with an exchange between the major-events offices on how to run "
         "international sports competitions."),
        type="twinning", theme="tourism", countries="Regno Unito", partners="Glasgow City Council", role="partner",
        start="2025-03-10", end="2027-03-09", sdgs=(8, 17), people=14, url=f"{URL}/accordi/glasgow"),
    activity(
        "RI-07",
        ("Missione a Detroit: città dell'automobile e transizione industriale",
         "Missione di una delegazione della Città e del sistema produttivo torinese a Detroit sulla riconversione "
         "dell'industria dell'auto, con incontri su veicoli elettrici e formazione tecnica."),
        ("Mission to Detroit: motor cities and industrial transition",
         "A delegation of the City and of Turin's industry visited Detroit to discuss the conversion of the car "
         "industry, with meetings on electric vehicles and technical training."),
        type="mission", theme="economy", countries="USA", partners="City of Detroit; Camera di commercio di Torino",
        role="participant", start="2025-09-15", end="2025-09-19", budget=(28000, 8000, 20000), source="mixed",
        sdgs=(8, 9), people=16, url=f"{URL}/missioni/detroit-2025"),
    activity(
        "RI-08",
        ("Delegazione della Città metropolitana di Gwangju a Torino",
         "Visita di una delegazione di Gwangju dedicata alla diplomazia dei diritti umani e alle industrie "
         "culturali, con una tappa al Museo del Cinema."),
        ("Delegation from Gwangju Metropolitan City to Turin",
         "Visit of a delegation from Gwangju on human-rights diplomacy and the cultural industries, including the "
         "National Cinema Museum."),
        type="delegation", theme="culture", countries="KR", partners="Gwangju Metropolitan City", role="host",
        start="2025-04-07", end="2025-04-09", budget=(3500, 3500, 0), source="municipal", sdgs=(16,), people=12),
    activity(
        "RI-09",
        ("Vent'anni di partenariato Torino-Nagoya",
         "Celebrazione dei vent'anni dell'accordo con Nagoya: mostra fotografica sulle due città, visita del "
         "vicesindaco di Nagoya e seminario sulla manifattura avanzata e sul design."),
        ("Twenty years of the Turin-Nagoya partnership",
         "Celebration of twenty years of the agreement with Nagoya: a photo exhibition on the two cities, a visit by "
         "Nagoya's deputy mayor and a seminar on advanced manufacturing and design."),
        type="twinning", theme="economy", countries="Giappone", partners="City of Nagoya; Politecnico di Torino",
        role="host", start="2025-10-20", end="2025-11-30", budget=(18000, 10000, 8000), source="mixed",
        sdgs=(9, 17), people=1500, url=f"{URL}/accordi/nagoya"),
    activity(
        "RI-10",
        ("Quarant'anni di gemellaggio con Shenyang",
         "Missione istituzionale a Shenyang per i quarant'anni del gemellaggio, firmato nel 1985, con la firma di "
         "un programma di lavoro 2025-2027 su formazione universitaria, robotica e scambi culturali."),
        ("Forty years of twinning with Shenyang",
         "Official mission to Shenyang for the fortieth anniversary of the twinning signed in 1985, with a 2025-2027 "
         "work programme on university education, robotics and cultural exchanges."),
        type="mission", theme="economy", countries="Cina", partners="Shenyang Municipal People's Government",
        role="participant", start="2025-05-12", end="2025-05-17", budget=(22000, 22000, 0), source="municipal",
        sdgs=(4, 9, 17), people=9, url=f"{URL}/gemellaggi/shenyang"),
    activity(
        "RI-11",
        ("Ouagadougou città sostenibile: acqua e servizi di base",
         "Progetto triennale con il Comune di Ouagadougou, gemellato con Torino, per l'accesso all'acqua potabile "
         "e la gestione dei rifiuti in due arrondissement; la Città segue le relazioni istituzionali."),
        ("Ouagadougou sustainable city: water and basic services",
         "Three-year project with the Municipality of Ouagadougou, twinned with Turin, for access to drinking water "
         "and waste management in two arrondissements; the City handles the institutional relations."),
        type="cooperation", theme="water", countries="Burkina Faso",
        partners="Commune de Ouagadougou; SMAT; LVIA; Regione Piemonte", programme="AICS - Partenariati territoriali",
        role="lead", start="2024-03-01", end="2026-12-31", budget=(480000, 60000, 420000), source="national",
        sdgs=(6, 11, 17), people=25000, url="https://www.comune.torino.it/cooperazione/ouagadougou",
        expect=("joint_activity",), note="joint activity, also reported by COOP_PACE"),
    activity(
        "RI-12",
        ("Accordo di amicizia Torino-Rosario",
         "Nell'ambito dell'accordo con Rosario, scambio a distanza tra gli uffici di bilancio partecipativo e "
         "visita a Torino di una delegazione della Municipalidad."),
        ("Turin-Rosario friendship agreement",
         "Under the agreement with Rosario, an online exchange between the participatory budgeting offices and a "
         "visit to Turin by a delegation of the Municipalidad."),
        type="twinning", theme="urban", countries="Argentina", partners="Municipalidad de Rosario", role="partner",
        start="2023-11-01", end="2026-10-31", budget=(7000, 7000, 0), source="municipal", sdgs=(11, 16), people=30,
        y2024={"participants": 12}),
    activity(
        "RI-13",
        ("Incontro con il corpo consolare di Torino",
         "Incontro annuale del sindaco con i consoli accreditati a Torino sulle priorità della Città e sulle "
         "opportunità per le comunità straniere residenti."),
        ("Meeting with Turin's consular corps",
         "The Mayor's annual meeting with the consuls accredited in Turin on the City's priorities and on "
         "opportunities for the foreign communities living in the city."),
        type="delegation", theme="other", area="multi", partners="Corpo consolare di Torino", role="host",
        start="2025-02-18", end="2025-02-18", budget=(2500, 2500, 0), source="municipal", sdgs=(17,), people=48,
        recurring=True),
    activity(
        "RI-14",
        ("Settimana europea delle regioni e delle città 2025",
         "Partecipazione alla Settimana europea delle regioni e delle città di Bruxelles con un laboratorio sulla "
         "diplomazia urbana e sugli uffici europei delle città."),
        ("European Week of Regions and Cities 2025",
         "Participation in the European Week of Regions and Cities in Brussels with a workshop on city diplomacy and "
         "cities' EU offices."),
        type="mission", theme="urban", countries="Belgium", partners="Comitato europeo delle regioni; Eurocities",
        role="participant", start="2025-10-13", end="2025-10-16", budget=(4200, 4200, 0), source="municipal",
        sdgs=(11, 17), people=5, url="https://www.comune.torino.it/relint/euregionsweek-2025", recurring=True),
    activity(
        "RI-15",
        ("Festa dell'Europa 2025 in piazza Castello",
         "Festa dell'Europa del 9 maggio con le associazioni europeiste, gli sportelli Europe Direct e i consolati "
         "dei Paesi dell'Unione: giochi, informazioni sulla mobilità e concerto."),
        ("Europe Day 2025 in Piazza Castello",
         "Europe Day on 9 May with pro-European associations, the Europe Direct desks and the consulates of EU "
         "countries: games, information on mobility schemes and a concert."),
        type="event", theme="culture", countries="Italia", partners="Europe Direct Torino; Movimento Federalista Europeo",
        role="lead", start="2025-05-09", end="2025-05-09", budget=(9500, 6500, 3000), source="mixed", sdgs=(16, 17),
        people=3200, url=f"{URL}/festa-europa-2025", recurring=True),
]

DEPARTMENTS = [Department("REL_INT", "Giulia Ferrero", ACTIVITIES)]
