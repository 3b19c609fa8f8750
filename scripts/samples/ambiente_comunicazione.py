"""Sample content of the Environment Division (AMBIENTE) and the Communication and Promotion Service
(COMUNICAZIONE)."""
from samples.record import Department, activity

URL_AMB = "https://www.comune.torino.it/ambiente"
URL_COM = "https://www.comune.torino.it/comunicazione"

AMBIENTE = [
    activity(
        "AMB-01",
        ("Missione UE 100 città climaticamente neutre e intelligenti",
         "Torino è tra le cento città della Missione europea per la neutralità climatica entro il 2030. Nel 2025 "
         "la Città ha completato il Contratto climatico cittadino con il piano d'azione e il piano degli "
         "investimenti, valutati dalla piattaforma NetZeroCities, e ha ottenuto l'etichetta della Missione che "
         "facilita l'accesso ai finanziamenti della Banca europea per gli investimenti. Il contratto impegna oltre "
         "sessanta firmatari del territorio (imprese, università, fondazioni, aziende di servizi) su edifici, "
         "teleriscaldamento, mobilità e verde. Con le città gemelle della Missione sono stati organizzati due "
         "scambi tra pari sul coinvolgimento dei cittadini e sulla rendicontazione delle emissioni."),
        ("EU Mission for 100 climate-neutral and smart cities",
         "Turin is one of the hundred cities of the European Mission for climate neutrality by 2030. In 2025 the "
         "City completed its Climate City Contract, with the action plan and the investment plan reviewed by the "
         "NetZeroCities platform, and obtained the Mission Label, which eases access to European Investment Bank "
         "funding. The contract commits over sixty local signatories (companies, universities, foundations, utility "
         "companies) on buildings, district heating, mobility and green spaces. Two peer exchanges with the "
         "Mission's twin cities covered citizen engagement and emissions reporting."),
        type="eu_project", theme="environment", countries="Belgio; Spagna; Svezia; Francia",
        partners="NetZeroCities; Iren; Politecnico di Torino; Università di Torino", programme="Horizon Europe",
        role="participant", start="2022-04-28", end="2030-12-31", budget=(350000, 50000, 300000), source="eu",
        sdgs=(7, 11, 13), people=60, url=f"{URL_AMB}/missione-clima"),
    activity(
        "AMB-02",
        ("Patto dei Sindaci per il clima e l'energia",
         "Monitoraggio biennale del Piano d'azione per l'energia sostenibile e il clima (PAESC) e partecipazione "
         "agli incontri dei coordinatori del Patto in Italia."),
        ("Covenant of Mayors for Climate and Energy",
         "Two-yearly monitoring report on the Sustainable Energy and Climate Action Plan (SECAP) and participation "
         "in the meetings of the Covenant's coordinators in Italy."),
        type="network", theme="environment", countries="Belgio; Italia", partners="Covenant of Mayors Office",
        programme="Covenant of Mayors", role="member", start="2009-02-10", sdgs=(7, 13),
        url=f"{URL_AMB}/paesc"),
    activity(
        "AMB-03",
        ("ICLEI - Governi locali per la sostenibilità",
         "Adesione a ICLEI Europa e partecipazione alla conferenza ICLEI sulle città resilienti con un intervento "
         "sul piano di adattamento ai cambiamenti climatici."),
        ("ICLEI - Local Governments for Sustainability",
         "Membership of ICLEI Europe and participation in the ICLEI conference on resilient cities with a talk on "
         "the climate adaptation plan."),
        type="network", theme="environment", countries="Germania", partners="ICLEI Europe", programme="ICLEI",
        role="member", start="2012-01-01", budget=(5200, 5200, 0), source="municipal", sdgs=(11, 13), people=4,
        url="https://iclei-europe.org"),
    activity(
        "AMB-04",
        ("Energy Cities: gruppo di lavoro sul teleriscaldamento",
         "Nella rete Energy Cities la Città coordina il gruppo sul teleriscaldamento urbano, che nel 2025 ha "
         "prodotto una guida sul recupero del calore di scarto."),
        ("Energy Cities: district heating working group",
         "In the Energy Cities network the City leads the group on urban district heating, which in 2025 produced "
         "a guide on waste-heat recovery."),
        type="network", theme="environment", countries="Francia; Germania; Danimarca; Polonia",
        partners="Energy Cities; Iren", programme="Energy Cities", role="lead", start="2016-01-01",
        budget=(4500, 4500, 0), source="municipal", sdgs=(7, 13), people=25),
    activity(
        "AMB-05",
        ("LIFE Torino città spugna",
         "Progetto LIFE per trasformare cortili scolastici e piazze in superfici drenanti, con giardini della "
         "pioggia in quattro scuole e monitoraggio delle isole di calore."),
        ("LIFE Turin sponge city",
         "LIFE project turning schoolyards and squares into permeable surfaces, with rain gardens in four schools "
         "and heat-island monitoring."),
        type="eu_project", theme="environment", countries="Italia; Spagna; Grecia",
        partners="SMAT; Università di Torino; Ajuntament de València; Municipality of Thessaloniki", programme="LIFE",
        role="lead", start="2023-10-01", end="2027-09-30", budget=(2400000, 360000, 2040000), source="eu",
        sdgs=(6, 11, 13), people=1800, url=f"{URL_AMB}/life-citta-spugna"),
    activity(
        "AMB-06",
        ("Parchi che curano: soluzioni basate sulla natura e salute",
         "Progetto Horizon Europe sugli effetti del verde urbano sulla salute, con percorsi guidati nei parchi del "
         "Valentino e della Colletta e misure di benessere su 600 volontari."),
        ("Healing parks: nature-based solutions and health",
         "Horizon Europe project on the health effects of urban green spaces, with guided walks in the Valentino "
         "and Colletta parks and well-being measurements on 600 volunteers."),
        type="eu_project", theme="environment", countries="Paesi Bassi; Finlandia; Portogallo; Slovenia",
        partners="Wageningen University; City of Tampere; Câmara Municipal de Lisboa; ASL Città di Torino",
        programme="Horizon Europe", role="partner", start="2024-01-01", end="2027-12-31",
        budget=(410000, 0, 410000), source="eu", sdgs=(3, 11, 15), people=600),
    activity(
        "AMB-07",
        ("URBACT: rete Resilient Riverfronts",
         "Rete URBACT di dieci città fluviali sulla rigenerazione delle sponde; Torino ha preparato il piano "
         "d'azione integrato per il Po e la Dora."),
        ("URBACT: Resilient Riverfronts network",
         "URBACT network of ten river cities on regenerating riverbanks; Turin drew up its integrated action plan "
         "for the Po and Dora rivers."),
        type="eu_project", theme="urban", countries="Spagna; Polonia; Romania; Portogallo; Ungheria",
        partners="URBACT; Ajuntament de Girona; Miasto Wrocław", programme="URBACT IV", role="partner",
        start="2023-06-01", end="2025-12-31", budget=(310000, 46500, 263500), source="eu", sdgs=(11, 15),
        people=220, url=f"{URL_AMB}/urbact-riverfronts", y2024={"participants": 140}),
    activity(
        "AMB-08",
        ("ALCOTRA: Alpi e città contro le ondate di calore",
         "Progetto Interreg con Grenoble e Chambéry su piani per il caldo estremo, rifugi climatici e "
         "informazione alle persone fragili."),
        ("ALCOTRA: Alps and cities against heatwaves",
         "Interreg project with Grenoble and Chambéry on plans for extreme heat, cool shelters and information for "
         "vulnerable people."),
        type="eu_project", theme="environment", countries="Francia",
        partners="Grenoble-Alpes Métropole; Ville de Chambéry; ARPA Piemonte", programme="Interreg ALCOTRA",
        role="partner", start="2024-04-01", end="2026-09-30", budget=(540000, 81000, 459000), source="eu",
        sdgs=(3, 11, 13), people=3500),
    activity(
        "AMB-09",
        ("Candidatura al premio Capitale verde europea",
         "Preparazione del dossier di candidatura al premio European Green Capital, con dodici indicatori su aria, "
         "acqua, rumore, verde, rifiuti e governance."),
        ("Bid for the European Green Capital Award",
         "Preparation of the bid for the European Green Capital Award, with twelve indicators on air, water, noise, "
         "green spaces, waste and governance."),
        type="award", theme="environment", countries="Belgio", partners="Commissione europea - DG ENV",
        role="participant", start="2025-03-01", end="2025-10-15", budget=(20000, 20000, 0), source="municipal",
        sdgs=(11, 13, 15), url=f"{URL_AMB}/green-capital"),
    activity(
        "AMB-10",
        ("Delegazione di Helsinki sul teleriscaldamento",
         "Visita tecnica di funzionari di Helsinki agli impianti di teleriscaldamento e agli accumuli di calore "
         "torinesi."),
        ("Delegation from Helsinki on district heating",
         "Technical visit by Helsinki officials to Turin's district heating plants and heat storage facilities."),
        type="delegation", theme="environment", countries="Finlandia", partners="City of Helsinki; Iren",
        role="host", start="2025-02-25", end="2025-02-26", sdgs=(7, 13), people=9),
    activity(
        "AMB-11",
        ("Foreste urbane: scambio con Lione e Barcellona",
         "Scambio di buone pratiche sui piani di forestazione urbana e sulla scelta di specie resistenti alla "
         "siccità, con visite incrociate dei tecnici del verde."),
        ("Urban forests: exchange with Lyon and Barcelona",
         "Best-practice exchange on urban forestry plans and the choice of drought-resistant species, with "
         "cross-visits of parks technicians."),
        type="best_practice", theme="environment", countries="Francia; Spagna",
        partners="Métropole de Lyon; Ajuntament de Barcelona", role="partner", start="2025-04-14",
        end="2025-10-31", budget=(6000, 6000, 0), source="municipal", sdgs=(11, 15), people=24),
    activity(
        "AMB-12",
        ("Giornata mondiale dell'ambiente 2025 con UNICRI e ILO",
         "Iniziative nel campus ONU di Torino e nei parchi cittadini per la Giornata mondiale dell'ambiente, "
         "dedicata all'inquinamento da plastica."),
        ("World Environment Day 2025 with UNICRI and ILO",
         "Events at Turin's UN campus and in the city parks for World Environment Day, devoted to plastic "
         "pollution."),
        type="event", theme="environment", countries="Italia", partners="UNICRI; ITC-ILO; UNSSC", role="host",
        start="2025-06-05", end="2025-06-05", budget=(3000, 3000, 0), source="municipal", sdgs=(12, 14),
        people=900, recurring=True),
]

COMUNICAZIONE = [
    activity(
        "COM-01",
        ("Salone Internazionale del Libro di Torino 2025",
         "Comunicazione internazionale del Salone: sala stampa per 240 giornalisti stranieri e campagna "
         "sui social in inglese e in francese."),
        ("Turin International Book Fair 2025",
         "International communication of the Book Fair: press room for 240 foreign journalists and a social media "
         "campaign in English and French."),
        type="event", theme="culture", countries="Italia; Francia; Spagna; Germania; Brasile",
        partners="Fondazione Circolo dei lettori; Regione Piemonte", role="partner", start="2025-05-15",
        end="2025-05-19", budget=(1200000, 300000, 900000), source="mixed", sdgs=(4,), people=230000,
        url="https://www.salonelibro.it", recurring=True, expect=("joint_activity",),
        note="joint activity with CULTURA"),
    activity(
        "COM-02",
        ("Nitto ATP Finals 2025",
         "Accoglienza di stampa e tifosi internazionali per le ATP Finals all'Inalpi Arena, con punti informativi "
         "in quattro lingue e un programma di eventi in città."),
        ("Nitto ATP Finals 2025",
         "Welcome for international press and fans at the ATP Finals in the Inalpi Arena, with information points "
         "in four languages and a programme of events in the city."),
        type="event", theme="sport", area="multi", partners="Federazione Italiana Tennis e Padel; ATP Tour",
        role="host", start="2025-11-09", end="2025-11-16", budget=(2500000, 1000000, 1500000), source="mixed",
        sdgs=(8, 11), people=180000, url=f"{URL_COM}/atp-finals-2025", recurring=True),
    activity(
        "COM-03",
        ("Torino alla ITB di Berlino 2025",
         "Presenza allo stand del Piemonte alla fiera del turismo ITB con una campagna su montagna olimpica, "
         "musei e enogastronomia."),
        ("Turin at ITB Berlin 2025",
         "Presence at the Piedmont stand at the ITB travel fair with a campaign on the Olympic mountains, museums "
         "and food and wine."),
        type="promotion", theme="tourism", countries="Germania", partners="Turismo Torino e Provincia; VisitPiemonte",
        role="participant", start="2025-03-04", end="2025-03-06", budget=(35000, 10000, 25000), source="regional",
        sdgs=(8,), people=1400, recurring=True),
    activity(
        "COM-04",
        ("Verso Milano Cortina 2026: l'eredità di Torino 2006",
         "Campagna internazionale sui vent'anni dei Giochi di Torino 2006 e sugli impianti olimpici torinesi, in "
         "vista dei Giochi di Milano Cortina."),
        ("Towards Milano Cortina 2026: the legacy of Torino 2006",
         "International campaign on twenty years since the Torino 2006 Games and on Turin's Olympic venues, ahead "
         "of the Milano Cortina Games."),
        type="promotion", theme="tourism", area="multi", partners="Fondazione Milano Cortina 2026; Fondazione XX Marzo",
        role="lead", start="2025-09-01", end="2026-03-15", budget=(150000, 90000, 60000), source="mixed",
        sdgs=(8, 11), url=f"{URL_COM}/torino2006-20"),
    activity(
        "COM-05",
        ("Educational tour per giornalisti europei",
         "Tre giorni a Torino per quindici giornalisti e creatori di contenuti di viaggio da cinque Paesi, su "
         "cinema, design e cucina."),
        ("Press tour for European journalists",
         "Three days in Turin for fifteen travel journalists and content creators from five countries, on cinema, "
         "design and food."),
        type="promotion", theme="tourism", countries="Francia; Germania; Regno Unito; Paesi Bassi; Spagna",
        partners="Turismo Torino e Provincia; ENIT", role="host", start="2025-09-24", end="2025-09-26",
        budget=(18000, 6000, 12000), source="national", sdgs=(8,), people=15),
    activity(
        "COM-06",
        ("Torino città del cinema: campagna sui media internazionali",
         "Campagna sulle riviste e i siti di viaggio internazionali sui luoghi del cinema a Torino, con il Museo "
         "Nazionale del Cinema e la Film Commission."),
        ("Turin city of cinema: campaign in international media",
         "Campaign in international travel magazines and websites on Turin's film locations, with the National "
         "Cinema Museum and the Film Commission."),
        type="promotion", theme="tourism", countries="Stati Uniti; Regno Unito; Francia",
        partners="Film Commission Torino Piemonte; Museo Nazionale del Cinema", role="lead", start="2025-01-15",
        end="2025-12-31", budget=(60000, 60000, 0), source="municipal", sdgs=(8,)),
    activity(
        "COM-07",
        ("Ufficio stampa internazionale",
         "Comunicati in inglese e francese, accrediti e assistenza ai corrispondenti esteri per le iniziative "
         "internazionali della Città durante l'anno."),
        ("International press office",
         "Press releases in English and French, accreditation and support for foreign correspondents covering the "
         "City's international initiatives throughout the year."),
        type="promotion", theme="other", area="multi", partners="Associazione Stampa Estera", role="lead",
        start="2025-01-01", end="2025-12-31", source="municipal", sdgs=(16,), people=310, recurring=True),
]

DEPARTMENTS = [
    Department("AMBIENTE", "Chiara Gallo", AMBIENTE, only_2024=[
        activity(
            "AMB-24a",
            ("G7 Clima, energia e ambiente: eventi in città",
             "In occasione della riunione ministeriale del G7 alla Venaria Reale, la Città ha organizzato incontri "
             "pubblici sulla transizione energetica e una mostra sul verde urbano."),
            ("G7 Climate, Energy and Environment: events in the city",
             "During the G7 ministerial meeting at the Venaria Reale, the City organised public talks on the energy "
             "transition and an exhibition on urban green spaces."),
            type="event", theme="environment", area="multi", partners="Ministero dell'Ambiente; Regione Piemonte",
            role="partner", start="2024-04-28", end="2024-04-30", budget=(40000, 15000, 25000), source="national",
            sdgs=(7, 13), people=5000),
    ]),
    Department("COMUNICAZIONE", "Stefano Martini", COMUNICAZIONE, only_2024=[
        activity(
            "COM-24a",
            ("Terra Madre Salone del Gusto 2024",
             "Accoglienza dei delegati di 130 Paesi e comunicazione internazionale della manifestazione al Parco "
             "Dora, con Slow Food e la Regione."),
            ("Terra Madre Salone del Gusto 2024",
             "Welcome for delegates from 130 countries and international communication of the event at Parco Dora, "
             "with Slow Food and the Region."),
            type="event", theme="tourism", area="multi", partners="Slow Food; Regione Piemonte", role="partner",
            start="2024-09-26", end="2024-09-30", budget=(800000, 200000, 600000), source="mixed", sdgs=(2, 12),
            people=350000, url="https://terramadresalonedelgusto.com"),
    ]),
]
