"""Sample content of the International Cooperation and Peace Department (COOP_PACE): partner cities, peace."""
from samples.record import Department, activity

URL = "https://www.comune.torino.it/cooperazione"

ACTIVITIES = [
    activity(
        "CP-01",
        ("Ouagadougou città sostenibile: acqua e servizi di base",
         "Il progetto, al secondo anno, rafforza i servizi di base nei quartieri periferici degli arrondissement 4 "
         "e 9 di Ouagadougou, città gemellata con Torino dal 1996. Nel 2025 sono state riabilitate sei fontane "
         "pubbliche e realizzati due nuovi punti di distribuzione collegati alla rete dell'ONEA, con comitati di "
         "gestione in cui le donne hanno almeno metà dei posti. I tecnici della SMAT hanno formato quindici "
         "operatori comunali sulla manutenzione delle reti e sul controllo della qualità dell'acqua, mentre LVIA ha "
         "accompagnato la nascita di tre cooperative di raccolta dei rifiuti che oggi servono circa 4.000 famiglie. "
         "Una campagna nelle scuole sull'igiene e sul consumo responsabile dell'acqua ha coinvolto 2.300 alunni. "
         "A novembre una delegazione del Comune di Ouagadougou ha visitato Torino per uno scambio tecnico sulla "
         "pianificazione dei servizi e sul bilancio comunale. Il progetto è cofinanziato dall'Agenzia italiana per "
         "la cooperazione allo sviluppo e dalla Regione Piemonte; la Città ne è capofila e ne cura la gestione "
         "amministrativa, le relazioni istituzionali e il monitoraggio."),
        ("Ouagadougou sustainable city: water and basic services",
         "The project, now in its second year, strengthens basic services in the outlying neighbourhoods of "
         "arrondissements 4 and 9 of Ouagadougou, twinned with Turin since 1996. In 2025 six public standpipes were "
         "restored and two new water points connected to the ONEA network were built, each run by a management "
         "committee in which women hold at least half of the seats. SMAT engineers trained fifteen municipal "
         "technicians in network maintenance and water-quality checks, while LVIA helped set up three waste "
         "collection cooperatives that now serve about 4,000 households. A school campaign on hygiene and "
         "responsible water use reached 2,300 pupils. In November a delegation from the Municipality of "
         "Ouagadougou visited Turin for a technical exchange on service planning and municipal budgeting. The "
         "project is co-funded by the Italian Agency for Development Cooperation and the Piedmont Region; the City "
         "leads it and handles administration, institutional relations and monitoring."),
        type="cooperation", theme="water", countries="burkina faso",
        partners="Commune de Ouagadougou; SMAT; LVIA; Regione Piemonte", programme="AICS - Partenariati territoriali",
        role="lead", start="2024-03-01", end="2026-12-31", budget=(480000, 60000, 420000), source="national",
        sdgs=(6, 11, 17), people=25000, url=f"{URL}/ouagadougou", expect=("joint_activity",),
        note="joint activity with REL_INT; country typed in lower case («burkina faso»)"),
    activity(
        "CP-02",
        ("Betlemme: acqua intelligente e scuole",
         "Prosecuzione del programma con il Comune di Betlemme sulla riduzione delle perdite di rete e "
         "sull'educazione all'uso dell'acqua in dodici scuole."),
        ("Bethlehem: smart water and schools",
         "Continuation of the programme with the Municipality of Bethlehem on reducing network losses and on "
         "water education in twelve schools."),
        type="cooperation", theme="water", countries="Palestina", partners="Bethlehem Municipality; Hydroaid; SMAT",
        programme="Regione Piemonte - Bando cooperazione", role="lead", start="2024-09-01", end="2026-08-31",
        budget=(160000, 20000, 140000), source="regional", sdgs=(4, 6), people=3100, url=f"{URL}/betlemme"),
    activity(
        "CP-03",
        ("Libano: gestione dei rifiuti nei comuni del Sud",
         "Assistenza tecnica a tre municipalità dell'Unione dei comuni di Tiro sulla raccolta differenziata e sul "
         "compostaggio, con la fornitura di due mezzi di raccolta."),
        ("Lebanon: waste management in southern municipalities",
         "Technical assistance to three municipalities of the Union of Tyre Municipalities on separate collection "
         "and composting, including two collection vehicles."),
        type="cooperation", theme="environment", countries="Libano",
        partners="Union of Tyre Municipalities; AMIAT; CISV", programme="AICS - Partenariati territoriali",
        role="partner", start="2023-06-01", end="2025-11-30", budget=(210000, 15000, 195000), source="national",
        sdgs=(11, 12), people=45000),
    activity(
        "CP-04",
        ("Louga-Torino: filiere agricole e migrazione circolare",
         "Con la diaspora senegalese di Torino, sostegno a due cooperative orticole di Louga e percorsi di "
         "formazione per giovani che rientrano dall'Italia."),
        ("Louga-Turin: farm supply chains and circular migration",
         "With Turin's Senegalese diaspora, support to two vegetable-growing cooperatives in Louga and training for "
         "young people returning from Italy."),
        type="cooperation", theme="economy", countries="Senegal",
        partners="Commune de Louga; Associazione Senegalesi Torino; CISV", programme="AICS - Migrazione e sviluppo",
        role="lead", start="2025-02-01", end="2027-01-31", budget=(195000, 25000, 170000), source="national",
        sdgs=(1, 2, 8), people=320, url=f"{URL}/louga"),
    activity(
        "CP-05",
        ("Quelimane: servizi anagrafici digitali",
         "Informatizzazione dell'anagrafe del Consiglio municipale di Quelimane, con la formazione di venti "
         "impiegati e una campagna di registrazione delle nascite."),
        ("Quelimane: digital civil registry services",
         "Computerisation of the civil registry of Quelimane Municipal Council, with training for twenty clerks and "
         "a birth registration campaign."),
        type="cooperation", theme="digital", countries="Mozambico",
        partners="Conselho Municipal de Quelimane; CSI Piemonte; Mais Mulheres", role="lead", start="2024-01-15",
        end="2025-12-31", budget=(120000, 30000, 90000), source="mixed", sdgs=(16, 17), people=8200,
        url=f"{URL}/quelimane"),
    activity(
        "CP-06",
        ("Tangeri: giovani, lavoro e spazi culturali",
         "Scambio tra centri giovanili di Torino e della medina di Tangeri su formazione professionale e gestione "
         "di spazi culturali, con dieci tirocini incrociati."),
        ("Tangier: young people, jobs and cultural spaces",
         "Exchange between youth centres in Turin and in the Tangier medina on vocational training and the running "
         "of cultural spaces, with ten cross-placements."),
        type="cooperation", theme="education", countries="Marocco", partners="Commune de Tanger; ASAI; Renken",
        programme="Interreg NEXT MED", role="partner", start="2025-04-01", end="2027-03-31",
        budget=(92000, 12000, 80000), source="eu", sdgs=(4, 8, 10), people=140, raw={"area": "Africa subsahariana"},
        expect=("area_mismatch",),
        note="area «Africa subsahariana» contradicts Morocco (M49 Northern Africa → Mediterranean and Middle East)"),
    activity(
        "CP-07",
        ("Haiti: formazione professionale a Les Cayes",
         "Sostegno a un centro di formazione professionale per l'edilizia antisismica a Les Cayes, gestito con la "
         "diocesi locale e ONG piemontesi."),
        ("Haiti: vocational training in Les Cayes",
         "Support to a vocational training centre for earthquake-resistant building in Les Cayes, run with the "
         "local diocese and Piedmontese NGOs."),
        type="cooperation", theme="education", countries="Haiti", partners="Mairie des Cayes; Fondazione Operti",
        role="funder", start="2025-01-01", end="2025-12-31", budget=(40000, 15000, 25000), source="private",
        sdgs=(4, 8, 11), people=85),
    activity(
        "CP-08",
        ("Belo Horizonte: economia solidale e mercati urbani",
         "Scambio tra Torino e Belo Horizonte sui mercati contadini urbani e sulle mense scolastiche rifornite "
         "dall'agricoltura familiare, con una visita di studio a Torino."),
        ("Belo Horizonte: solidarity economy and urban markets",
         "Exchange between Turin and Belo Horizonte on urban farmers' markets and school canteens supplied by "
         "family farming, with a study visit to Turin."),
        type="cooperation", theme="economy", countries="Brasile",
        partners="Prefeitura de Belo Horizonte; Slow Food", programme="Mercociudades", role="partner",
        start="2025-03-01", end="2026-02-28", budget=(12000.5, None, None), source="municipal", sdgs=(2, 12),
        people=60, raw={"budget_eur": "12,000.50"}, note="budget as English-style text «12,000.50»"),
    activity(
        "CP-09",
        ("80 anni da Hiroshima e Nagasaki: Torino città per la pace",
         "Con la rete Mayors for Peace, commemorazione pubblica del 6 agosto, mostra sugli hibakusha alla "
         "Biblioteca civica centrale e incontri nelle scuole sul disarmo nucleare."),
        ("80 years since Hiroshima and Nagasaki: Turin, a city for peace",
         "With the Mayors for Peace network, a public commemoration on 6 August, an exhibition on the hibakusha at "
         "the Central Civic Library and school meetings on nuclear disarmament."),
        type="network", theme="peace", countries="Giappone", partners="Mayors for Peace; Città di Hiroshima",
        programme="Mayors for Peace", role="member", start="2025-08-01", end="2025-09-30",
        budget=(8000, 8000, 0), source="municipal", sdgs=(16,), people=2600, url=f"{URL}/mayors-for-peace"),
    activity(
        "CP-10",
        ("Coordinamento Comuni per la Pace: educazione alla cittadinanza globale",
         "Percorsi nelle scuole della città metropolitana su pace, diritti umani e cooperazione, con i trentuno "
         "comuni del Co.Co.Pa."),
        ("Coordination of Municipalities for Peace: global citizenship education",
         "School programmes across the metropolitan area on peace, human rights and cooperation, with the "
         "thirty-one municipalities of Co.Co.Pa."),
        type="network", theme="peace", countries="Italia", partners="Co.Co.Pa; Città metropolitana di Torino",
        programme="Co.Co.Pa", role="lead", start="1995-01-01", budget=(30000, 18000, 12000), source="mixed",
        sdgs=(4, 16), people=5400, url="https://www.cocopa.it"),
    activity(
        "CP-11",
        ("Kaya: sostegno ai mercati comunali",
         "Ristrutturazione del mercato centrale di Kaya e formazione dei commercianti sulla gestione condivisa, "
         "concluso nell'ottobre 2024."),
        ("Kaya: support to municipal markets",
         "Refurbishment of Kaya's central market and training for traders on shared management, completed in "
         "October 2024."),
        type="cooperation", theme="economy", countries="Burkina Faso", partners="Commune de Kaya; Mani Tese",
        role="partner", start="2022-11-01", end="2024-10-31", budget=(75000, 10000, 65000), source="regional",
        sdgs=(8, 11), people=900, expect=("outside_year",), note="ended October 2024: outside 2025"),
    activity(
        "CP-12",
        ("Stato civile nei comuni di Koudougou e Réo",
         "Formazione degli ufficiali di stato civile e digitalizzazione dei registri delle nascite in due comuni "
         "della provincia di Boulkiemdé."),
        ("Civil registration in the municipalities of Koudougou and Réo",
         "Training for civil registrars and digitisation of birth registers in two municipalities of Boulkiemdé "
         "province."),
        type="cooperation", theme="peace", countries="Burkina Faso",
        partners="Commune de Koudougou; Commune de Réo; ANCI Piemonte", role="lead", start="2023-09-01",
        end="2025-08-31", budget=(98000, 18000, 80000), source="national", sdgs=(16,), people=1200,
        raw={"countries": "Burkina"}, expect=("country_unknown",), note="unknown country «Burkina»"),
    activity(
        "CP-13",
        ("Città per la pace in Medio Oriente: incontro internazionale",
         "Incontro a Torino di sindaci italiani, palestinesi e israeliani impegnati nel dialogo, promosso con la "
         "rete europea degli enti locali per la pace."),
        ("Cities for peace in the Middle East: international meeting",
         "Meeting in Turin of Italian, Palestinian and Israeli mayors committed to dialogue, promoted with the "
         "European network of local authorities for peace."),
        type="event", theme="peace", countries="Palestina; Israele; Italia",
        partners="Coordinamento nazionale enti locali per la pace; Bethlehem Municipality", role="host",
        start="2025-11-21", end="2025-11-22", budget=(14000, 9000, 5000), source="mixed", sdgs=(16, 17), people=180,
        raw={"type": "Convegno"}, expect=("vocabulary_unknown",), note="type «Convegno» is not in the list"),
    activity(
        "CP-14",
        ("Mali: sicurezza alimentare nel cerchio di Kita",
         "Sostegno a cooperative di donne per la trasformazione di cereali e la conservazione dei raccolti, "
         "realizzato con le associazioni maliane di Torino."),
        ("Mali: food security in the Kita circle",
         "Support to women's cooperatives processing cereals and storing harvests, carried out with Turin's Malian "
         "associations."),
        type="cooperation", theme="economy", countries="Mali", partners="Cercle de Kita; Coordinamento maliani Torino",
        role="funder", start="2024-05-01", end="2026-04-30", budget=(60000, 20000, 40000), source="mixed",
        sdgs=(2, 5), people=450,
        raw={"title_it": "Mali: sicurezza alimentare nel cerchio di Kita - progetto di sostegno alle cooperative "
                         "femminili per la trasformazione dei cereali, la conservazione dei raccolti e la vendita "
                         "nei mercati locali, realizzato insieme alle associazioni maliane di Torino"},
        expect=("text_too_long",), note="Italian title of 249 characters (limit 200)"),
    activity(
        "CP-15",
        ("Torino per Gaza: aiuti sanitari con le ONG del territorio",
         "Raccolta di fondi e medicinali con le ONG torinesi e trasferimento tramite le agenzie delle Nazioni "
         "Unite a due ospedali di Gaza."),
        ("Turin for Gaza: medical aid with local NGOs",
         "Fundraising and medicine collection with Turin NGOs, delivered through United Nations agencies to two "
         "hospitals in Gaza."),
        type="other", theme="peace", countries="PSE", partners="UNRWA; Rete ONG Piemonte", role="funder",
        start="2025-01-20", end="2025-12-31", budget=(50000, 50000, 0), source="municipal", sdgs=(3, 16)),
]

DEPARTMENTS = [Department("COOP_PACE", "Marco Bertola", ACTIVITIES)]
