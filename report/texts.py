"""The one catalogue of user-facing texts: namespaced keys, each an Italian and English Pair."""
from __future__ import annotations

from typing import NamedTuple


class Pair(NamedTuple):
    """A text in Italian and in English; placeholders are str.format fields, the same in both."""
    it: str
    en: str

    def get(self, lang: str) -> str:
        """The text in one language ("it" or "en")."""
        return self.it if lang == "it" else self.en

    def both(self, sep: str = " / ") -> str:
        """The two languages as one string, the text once when both are the same."""
        return self.it if self.it == self.en else f"{self.it}{sep}{self.en}"

    def fill(self, **params) -> Pair:
        """Both texts with their placeholders filled."""
        return Pair(self.it.format(**params), self.en.format(**params))


def pair(key: str) -> Pair:
    """The text of a key in both languages."""
    return CATALOGUE[key]


def text(key: str, lang: str, **params) -> str:
    """The text of a key in one language, its placeholders filled."""
    return CATALOGUE[key].get(lang).format(**params)


def severity(name: str, many: bool = False) -> Pair:
    """The name of a finding severity (error, warning, info), or its plural."""
    return CATALOGUE[f"severity_many.{name}" if many else f"severity.{name}"]


# Words that several places show, typed once.
PRODUCT = Pair("attività internazionali", "international activities")  # what the report is about: its name
PRODUCT_UP = Pair(*(name[0].upper() + name[1:] for name in PRODUCT))   # the same starting a sentence
ACTIVITIES = Pair("Attività", "Activities")
DEPARTMENT = Pair("Settore", "Department")
TOTAL = Pair("Totale", "Total")
COUNTRIES = Pair("Paesi", "Countries")
PARTNER_CITIES = Pair("Città ed enti partner", "Partner cities and organisations")
TOTAL_BUDGET = Pair("Budget totale", "Total budget")
ACCEPTED = Pair("Accettate", "Accepted")
REJECTED = Pair("Respinte", "Rejected")
DASH = Pair("—", "—")

YES = Pair("sì", "yes")
CODE = Pair("Codice", "Code")

# A key is namespace.name: the namespace says where the text appears. tests/test_texts.py proves that every key has
# both languages with the same placeholders and that the code uses it.
CATALOGUE: dict[str, Pair] = {
    # The severities of a finding (report/findings.py): the feedback workbook, the console, the docs
    "severity.error": Pair("Errore", "Error"),
    "severity.warning": Pair("Avviso", "Warning"),
    "severity.info": Pair("Info", "Info"),
    "severity_many.error": Pair("errori", "errors"),
    "severity_many.warning": Pair("avvisi", "warnings"),
    "severity_many.info": Pair("info", "info"),
    # The feedback workbook (report/workbooks/feedback.py): its findings sheet and the author of its comments
    "feedback.sheet": Pair('Segnalazioni', 'Findings'),
    "feedback.head.severity": Pair('Gravità', 'Severity'),
    "feedback.head.sheet": Pair('Foglio', 'Sheet'),
    "feedback.head.cell": Pair('Cella', 'Cell'),
    "feedback.head.column": Pair('Colonna', 'Column'),
    "feedback.head.message": Pair('Messaggio', 'Message'),
    "feedback.head.code": CODE,
    "feedback.author": Pair(f"Relazione {PRODUCT.it}", f"{PRODUCT_UP.en} report"),
    "feedback.title": Pair('Segnalazioni sul file «{name}»', "Findings on the file '{name}'"),
    "feedback.about": Pair('Settore {department} · relazione {year}', 'Department {department} · {year} report'),
    "feedback.todo": Pair('Correggete le celle colorate in questo stesso file (il commento di ogni cella dice '
                          'cosa fare) e inviatelo di nuovo. Le righe con un errore non entrano nella relazione; '
                          'gli avvisi non la bloccano, ma vanno verificati. Fate clic su una cella della colonna '
                          '«Cella» per raggiungerla.',
                          "Correct the coloured cells in this same file (each cell's comment says what to do) and "
                          'send it again. Rows with an error are left out of the report; warnings do not block a '
                          "row but need a check. Click a cell of the 'Cell' column to go to it."),
    "feedback.unreadable": Pair('Il file non si è potuto leggere, quindi nessuna sua attività è entrata nella '
                                'relazione. Il motivo e cosa fare sono qui sotto; poi inviate di nuovo il file.',
                                'The file could not be read, so none of its activities is in the report. The '
                                'reason and what to do are below; then send the file again.'),
    "feedback.effect.error": Pair('la riga non entra nella relazione', 'the row is left out of the report'),
    "feedback.effect.warning": Pair('la riga entra, ma verificate', 'the row is in, but check it'),
    "feedback.effect.info": Pair('per vostra informazione', 'for your information'),
    # The command line (report/cli/): the console's tables and lines, Italian and English side by side
    "cli.summary": Pair("Riepilogo delle segnalazioni", "Findings summary"),
    "cli.no_findings": Pair("Nessuna segnalazione", "No findings"),
    "cli.department": DEPARTMENT,
    "cli.total": TOTAL,
    "cli.whole_file": Pair("intero file", "whole file"),
    "cli.row": Pair("riga", "row"),
    "cli.file_rejected": Pair("file respinto", "file rejected"),
    "cli.files_rejected": Pair("file respinti", "files rejected"),
    "cli.ledger": Pair("Registro delle righe", "Row ledger"),
    "cli.ledger_sum": Pair("lette = accettate + respinte + fuori anno", "read = accepted + rejected + outside the year"),
    "cli.ledger_department": Pair("Settore", "Dept"),
    "cli.ledger_read": Pair("Lette", "Read"),
    "cli.ledger_accepted": ACCEPTED,
    "cli.ledger_rejected": REJECTED,
    "cli.ledger_outside": Pair("Fuori anno", "Outside"),
    "cli.balanced": Pair("I conti tornano", "Every row is accounted for"),
    "cli.unbalanced": Pair("I conti NON tornano", "Rows are NOT accounted for"),
    "cli.resend": Pair("Le righe e i file respinti non entrano nella relazione: i settori li correggano e li inviino "
                       "di nuovo.", "Rejected rows and files are not in the report: the departments should correct "
                       "and resend them."),
    "cli.no_file": Pair("Settori senza file", "Departments with no file"),
    "cli.written": Pair("Scritto", "Written"),
    "cli.files": Pair("file", "files"),
    "cli.removed": Pair("Rimosso", "Removed"),
    "cli.removed_why": Pair("il file del settore non ha più segnalazioni", "the department's file has no findings any "
                            "more"),
    "cli.unchanged": Pair("Invariato", "Unchanged"),
    "cli.unknown_department": Pair("settore sconosciuto", "unknown department"),
    "cli.use_one_of": Pair("usate uno di", "use one of"),
    "cli.timings": Pair("Tempi in secondi", "Timings in seconds"),
    "cli.stage": Pair("Fase", "Stage"),
    "cli.stage.read": Pair("lettura", "read"),
    "cli.stage.validate": Pair("controlli", "validate"),
    "cli.stage.data": Pair("file di dati", "data files"),
    "cli.stage.feedback": Pair("riscontri", "feedback"),
    "cli.stage.aggregate": Pair("aggregazione", "aggregate"),
    "cli.stage.charts": Pair("grafici", "charts"),
    "cli.stage.html": Pair("HTML", "HTML"),
    "cli.stage.pdf": Pair("PDF (in parallelo)", "PDF (parallel)"),
    "cli.stage.pdf_both": Pair("PDF bilingue", "bilingual PDF"),
    "cli.stage.pdf_it": Pair("PDF italiano", "Italian PDF"),
    "cli.stage.pdf_en": Pair("PDF inglese", "English PDF"),
    # The configuration file (report/config.py): why it cannot be used
    "config.unreadable": Pair("impossibile leggere la configurazione", "cannot read the configuration"),
    "config.not_toml": Pair("la configurazione non è un TOML valido", "the configuration is not valid TOML"),
    "config.lacks": Pair("alla configurazione manca", "the configuration lacks"),
    "config.code_twice": Pair("la configurazione elenca due volte un codice di settore",
                              "the configuration lists a department code twice"),
    # The configuration file's [settings] table (report/settings.py)
    "settings.not_table": Pair("[settings] deve essere una tabella", "must be a table"),
    "settings.unknown": Pair("impostazione sconosciuta", "unknown setting in"),
    "settings.use": Pair("usate", "use:"),
    # The command line's arguments (report/cli/parser.py): help texts and errors, shown as "Italian / English"
    "cli.error": Pair("errore", "error"),
    "cli.interrupted": Pair("interrotto", "interrupted"),
    "cli.internal_error": Pair("errore interno", "internal error"),
    "cli.internal_error_hint": Pair("rilanciate con --debug per i dettagli e segnalatelo",
                                    "run again with --debug for details and report it"),
    "cli.usage": Pair("uso", "usage"),
    "cli.usage_invalid": Pair("uso non valido", "invalid usage"),
    "cli.invalid_year": Pair("anno non valido", "invalid year"),
    "cli.year_range": Pair("usate un anno tra", "use a year between"),
    "cli.help.options": Pair("opzioni", "options"),
    "cli.help.commands": Pair("comandi", "commands"),
    "cli.help.help": Pair("mostra questo aiuto ed esce", "show this help and exit"),
    "cli.help.version": Pair("mostra la versione ed esce", "show the version and exit"),
    "cli.help.year": Pair("anno della relazione, es. 2025", "report year, e.g. 2025"),
    "cli.help.inputs": Pair("cartella dei file dei settori (predefinita: inputs/ANNO)",
                            "folder of the department workbooks (default: inputs/YEAR)"),
    "cli.help.outputs": Pair("cartella dei risultati (predefinita: {folder})", "output folder (default: {folder})"),
    "cli.help.config": Pair("configurazione della città (predefinita: quella di Torino inclusa)",
                            "city configuration file (default: the packaged Turin one)"),
    "cli.help.debug": Pair("mostra i dettagli degli errori interni", "show tracebacks and debug logging"),
    "cli.help.no_color": Pair("testo semplice anche su un terminale", "plain text even on a terminal"),
    "cli.help.verbose": Pair("elenca anche le segnalazioni informative una per una",
                             "also list the info findings one by one"),
    "cli.help.timings": Pair("stampa anche i secondi di ogni fase", "also print the seconds of each stage"),
    "cli.help.strict": Pair("esce con 1 se c'è almeno un errore", "exit 1 when any error is found"),
    "cli.help.validate": Pair("controlla i file e scrive validation_ANNO.csv",
                              "check the workbooks and write validation_YEAR.csv"),
    "cli.help.build": Pair("controlla, poi scrive i file di dati e la relazione",
                           "validate, then write the data files and the report"),
    "cli.help.lang": Pair("edizioni: both (il PDF bilingue, i PDF italiano e inglese e la pagina web), it o en "
                          "(solo quel PDF)", "report editions: both (the bilingual PDF, the Italian and English "
                          "PDFs and the web page), it or en (that PDF only)"),
    "cli.help.template": Pair("scrive il modello vuoto di ogni settore per un anno",
                              "write each department's blank workbook for a year"),
    "cli.help.department": Pair("solo questi settori, uno o più codici (predefinito: tutti quelli della "
                                "configurazione)", "only these departments, one or more codes (default: every "
                                "department of the configuration)"),
    # argparse's own messages (English only): the English start found in the message gets its Italian
    "cli.argparse.required": Pair("mancano argomenti obbligatori", "the following arguments are required"),
    "cli.argparse.unrecognized": Pair("argomenti non riconosciuti", "unrecognized arguments"),
    "cli.argparse.choice": Pair("scelta non valida", "invalid choice"),
    "cli.argparse.one": Pair("manca il valore", "expected one argument"),
    "cli.argparse.at_least_one": Pair("manca almeno un valore", "expected at least one argument"),
    "cli.argparse.explicit": Pair("valore non previsto", "ignored explicit argument"),
    # The library's usage errors (report/api.py): the folders of a run
    "api.no_inputs": Pair("cartella degli input assente", "inputs folder not found"),
    "api.outputs_not_folder": Pair("la destinazione non è una cartella", "outputs is not a folder"),
    "api.no_workbook": Pair("nessun file dei settori ({suffixes}) nella cartella",
                            "no department workbook ({suffixes}) in the folder"),
    "api.sub_folder": Pair("la sottocartella ne contiene {count}: usate", "the sub-folder holds {count}: use"),
    # The outputs folder (report/outfolder.py): why it cannot be written, and its lock
    "outfolder.cannot_write": Pair("impossibile scrivere gli output in", "cannot write the outputs to"),
    "outfolder.what_to_do": Pair("liberare spazio o scegliere un'altra cartella con --outputs",
                                 "free some space or choose another folder with --outputs"),
    "outfolder.disk_full": Pair("disco pieno", "disk full"),
    "outfolder.quota": Pair("quota esaurita", "disk quota exceeded"),
    "outfolder.read_only": Pair("file system di sola lettura", "read-only file system"),
    "outfolder.permission": Pair("permesso negato", "permission denied"),
    "outfolder.not_permitted": Pair("operazione non permessa", "operation not permitted"),
    "outfolder.file_in_the_way": Pair("una parte del percorso è un file, non una cartella",
                                      "a part of the path is a file, not a folder"),
    "outfolder.locked": Pair("un'altra esecuzione sta scrivendo in {folder}: riprovare quando è finita",
                             "another run is writing this folder, {folder}: try again when it is done"),
    # Reading the files (report/intake/): the details a finding's message gives, and the names of the languages
    "intake.not_regular.broken": Pair("collegamento a un file che non esiste", "link to a file that does not exist"),
    "intake.not_regular.loop": Pair("collegamento circolare", "link loop"),
    "intake.not_regular.fifo": Pair("FIFO (pipe)", "FIFO (pipe)"),
    "intake.not_regular.device": Pair("dispositivo", "device"),
    "intake.not_regular.socket": Pair("socket", "socket"),
    "intake.not_regular.other": Pair("non è un file", "not a file"),
    "intake.xls": Pair("formato Excel 97-2003 (.xls)", "Excel 97-2003 format (.xls)"),
    "intake.not_zip": Pair("non è un file .xlsx/.ods valido", "not a valid .xlsx/.ods file"),
    "intake.binary": Pair("contiene dati binari, non testo", "binary data, not text"),
    "intake.lines": Pair("le righe {first}–{last}", "lines {first}–{last}"),
    "intake.line": Pair("la riga {first}", "line {first}"),
    "intake.hint": Pair("Forse intendevate {suggestions}? ", "Did you mean {suggestions}? "),
    "language.it": Pair("italiano", "Italian"),
    "language.en": Pair("inglese", "English"),
    # The short labels of the findings that reject a row or a file (report/findings.py), for the ledger annex
    "reason.file_too_large": Pair('file troppo grande', 'file too large'),
    "reason.file_zip_bomb": Pair('file compresso sospetto', 'suspicious compressed file'),
    "reason.file_encrypted": Pair('file protetto da password', 'password-protected file'),
    "reason.file_unreadable": Pair('file illeggibile', 'unreadable file'),
    "reason.file_unsupported_type": Pair('tipo di file non accettato', 'file type not accepted'),
    "reason.file_no_header": Pair('intestazione non trovata', 'header not found'),
    "reason.department_unknown": Pair('settore non riconosciuto', 'unknown department'),
    "reason.column_missing": Pair('colonna obbligatoria assente', 'required column missing'),
    "reason.required_missing": Pair('dato obbligatorio mancante', 'required value missing'),
    "reason.title_missing": Pair('titolo mancante', 'title missing'),
    "reason.text_too_long": Pair('testo troppo lungo', 'text too long'),
    "reason.vocabulary_unknown": Pair('valore fuori elenco', 'value not in the list'),
    "reason.country_unknown": Pair('Paese sconosciuto', 'unknown country'),
    "reason.location_missing": Pair('Paesi e area mancanti', 'countries and area missing'),
    "reason.amount_invalid": Pair('importo non valido', 'invalid amount'),
    "reason.amount_negative": Pair('importo negativo', 'negative amount'),
    "reason.city_funding_above_budget": Pair('quota Città oltre il budget', 'City contribution above budget'),
    "reason.date_invalid": Pair('data non valida', 'invalid date'),
    "reason.date_order": Pair("fine prima dell'inizio", 'end before start'),
    "reason.sdg_invalid": Pair('SDG non valido', 'invalid SDG'),
    "reason.integer_invalid": Pair('numero non valido', 'invalid number'),
    "reason.url_invalid": Pair('link non valido', 'invalid link'),
    "reason.ref_repeated": Pair('codice ripetuto', 'repeated reference'),
    "reason.file_not_regular": Pair('non è un file ordinario', 'not a regular file'),
    "reason.file_link_outside": Pair('collegamento fuori cartella', 'link out of the folder'),
    "reason.text_bytes_invalid": Pair('caratteri illeggibili', 'unreadable characters'),
    "reason.quote_unclosed": Pair('virgolette non chiuse', 'unclosed quote'),
    # The report: the editions' pages (report/publication/html.py, templates/*.html take the bare key)
    "report.title": Pair(f"Relazione annuale sulle {PRODUCT.it}", f"Annual report on {PRODUCT.en}"),
    "report.edition_both": Pair('Edizione bilingue italiano e inglese', 'Bilingual edition, Italian and English'),
    "report.edition_it": Pair('Edizione italiana', 'Italian edition'),
    "report.edition_en": Pair('Edizione inglese', 'English edition'),
    "report.page_of": Pair('pagina {page} di {pages}', 'page {page} of {pages}'),
    "report.contents": Pair('Indice', 'Contents'),
    "report.foreword": Pair('Presentazione', 'Foreword'),
    "report.figures": Pair("L'anno in cifre", 'The year in figures'),
    "report.figures_intro": Pair('Le attività congiunte di più settori sono contate una volta sola.',
                                 'Joint activities of several departments are counted once.'),
    "report.figures_caption": Pair('Indicatori principali del {year}', 'Key figures for {year}'),
    "report.indicator": Pair('Indicatore', 'Indicator'),
    "report.change": Pair('Variazione', 'Change'),
    "report.no_previous": Pair("Dati dell'anno precedente non disponibili.", 'No data for the previous year.'),
    "report.fig_activities": ACTIVITIES,
    "report.fig_departments": Pair('Settori coinvolti', 'Departments involved'),
    "report.fig_countries": COUNTRIES,
    "report.fig_partner_cities": PARTNER_CITIES,
    "report.fig_budget_eur": Pair('Budget complessivo', 'Total budget'),
    "report.fig_eu_funding_eur": Pair('Finanziamenti europei', 'EU funding'),
    "report.fig_city_funding_eur": Pair('Quota della Città', 'City contribution'),
    "report.fig_participants": Pair('Persone coinvolte', 'People involved'),
    "report.charts": Pair('Grafici', 'Charts'),
    "report.departments": Pair('Le attività dei settori', 'Activities by department'),
    "report.department_count": Pair('{count} attività', '{count} activities'),
    "report.department_count_one": Pair('1 attività', '1 activity'),
    "report.department_none": Pair('Nessuna attività segnalata per il {year}.', 'No activities reported for {year}.'),
    "report.joint": Pair('Attività congiunta con: {departments}', 'Joint activity with: {departments}'),
    "report.countries": COUNTRIES,
    "report.area": Pair('Area geografica', 'Geographic area'),
    "report.partners": Pair('Partner', 'Partners'),
    "report.since": Pair('dal {date}', 'from {date}'),
    "report.budget": TOTAL_BUDGET,
    "report.funding_source": Pair('Fonte di finanziamento', 'Funding source'),
    "report.sdg": Pair('SDG', 'SDG'),
    "report.participants_count": Pair('{count} partecipanti', '{count} participants'),
    "report.participants_one": Pair('1 partecipante', '1 participant'),
    "report.budget_short": Pair('Budget', 'Budget'),
    "report.share_city": Pair('Città {amount}', 'City {amount}'),
    "report.share_external": Pair('esterno {amount}', 'external {amount}'),
    "report.share_source": Pair('fonte: {source}', 'source: {source}'),
    "report.only_other_language": Pair('Testo disponibile solo in inglese.', 'Text available in Italian only.'),
    "report.annexes": Pair('Allegati', 'Annexes'),
    "report.annex_countries": Pair('Attività per area e Paese', 'Activities by area and country'),
    "report.annex_countries_note": Pair("Un'attività in più Paesi è contata in ciascuno.",
                                        'An activity in several countries is counted in each.'),
    "report.country": Pair('Paese', 'Country'),
    "report.activities": ACTIVITIES,
    "report.annex_partners": PARTNER_CITIES,
    "report.partner": Pair('Partner', 'Partner'),
    "report.department": DEPARTMENT,
    "report.annex_ledger": Pair('Il conto delle righe ricevute', 'The ledger of rows received'),
    "report.annex_ledger_note": Pair("Ogni riga ricevuta è accettata, respinta o fuori dall'anno. Le righe "
                                     'respinte sono elencate con i motivi in validation_{year}.csv.',
                                     'Every row received is accepted, rejected or outside the year. Rejected rows '
                                     'are listed with their reasons in validation_{year}.csv.'),
    "report.received": Pair('Ricevute', 'Received'),
    "report.accepted": ACCEPTED,
    "report.rejected": REJECTED,
    "report.outside": Pair('Fuori anno', 'Outside the year'),
    "report.reasons": Pair('Motivi', 'Reasons'),
    "report.total": TOTAL,
    "report.annex_sources": Pair('Fonti', 'Sources'),
    "report.annex_sources_note": Pair('I file letti per questa relazione. La data è quella dichiarata dal settore '
                                      'nel foglio «Scheda - Info» (non la data del file, che cambia a ogni '
                                      "copia); l'impronta SHA-256 identifica il contenuto esatto.",
                                      'The files read for this report. The date is the one the department gave in '
                                      "the 'Scheda - Info' sheet (not the file date, which changes with every "
                                      'copy); the SHA-256 fingerprint identifies the exact content.'),
    "report.file": Pair('File', 'File'),
    "report.size": Pair('Dimensione', 'Size'),
    "report.date": Pair('Data', 'Date'),
    "report.bytes": Pair('{size} byte', '{size} bytes'),
    "report.attachment": Pair('Le attività accettate, in formato CSV', 'The accepted activities, as CSV'),
    "report.not_given": DASH,
    "report.not_available": DASH,
    "report.not_available_short": Pair('n.d.', 'n.a.'),
    "report.missing_legend": Pair("— = n.d., non disponibile: nessuna attività ha indicato l'importo; (2 n.d.) = "
                                  "attività che non hanno indicato l'importo, escluse dalla somma.",
                                  '— = n.a., not available: no activity gave the amount; (2 n.a.) = activities '
                                  'that gave no amount, left out of the sum.'),
    # The charts (report/publication/charts.py): titles, notes and the words of the alt texts
    "chart.by_area.title": Pair('Attività per area geografica', 'Activities by geographic area'),
    "chart.by_department.title": Pair('Attività per settore', 'Activities by department'),
    "chart.by_department.note": Pair("Un'attività congiunta conta per ciascun settore.",
                                     'A joint activity counts for each of its departments.'),
    "chart.by_type.title": Pair('Attività per tipologia', 'Activities by type'),
    "chart.by_theme.title": Pair('Attività per ambito tematico', 'Activities by theme'),
    "chart.budget_by_area.title": Pair('Budget per area geografica', 'Budget by geographic area'),
    "chart.budget_by_funding.title": Pair('Budget per fonte di finanziamento', 'Budget by funding source'),
    "chart.sdgs.title": Pair('Obiettivi di sviluppo sostenibile (SDG) perseguiti',
                             'Sustainable Development Goals (SDGs) addressed'),
    "chart.sdgs.note": Pair("Un'attività può perseguire più obiettivi.", 'An activity may address several goals.'),
    "chart.world_map.title": Pair('Paesi delle attività', 'Countries of the activities'),
    "chart.by_year.title": Pair('Attività negli anni', 'Activities over the years'),
    "chart.word.activities": ACTIVITIES,
    "chart.word.budget": TOTAL_BUDGET,
    "chart.word.bars": Pair('grafico a barre orizzontali', 'horizontal bar chart'),
    "chart.word.columns": Pair('grafico a colonne', 'column chart'),
    "chart.word.map": Pair('Mappa del mondo', 'World map'),
    "chart.word.total": Pair('in tutto', 'in total'),
    "chart.word.countries": Pair('Paesi con attività, colorati per numero di attività, dal più chiaro (meno) al '
                                 'più scuro (più)',
                                 'countries with activities, shaded by number of activities from light (fewer) to '
                                 'dark (more)'),
    "chart.word.most": Pair('Più attività', 'Most activities'),
    "chart.word.none": Pair('nessuna', 'none'),
    "chart.word.legend": Pair('Attività per Paese', 'Activities per country'),
    "chart.word.year": Pair('Anno', 'Year'),
    "chart.word.europe": Pair('Europa', 'Europe'),
    # The Sustainable Development Goals' short names (UN; Italian from UNRIC Italia): the SDG chart's labels
    "sdg.1": Pair('Sconfiggere la povertà', 'No poverty'),
    "sdg.2": Pair('Sconfiggere la fame', 'Zero hunger'),
    "sdg.3": Pair('Salute e benessere', 'Good health and well-being'),
    "sdg.4": Pair('Istruzione di qualità', 'Quality education'),
    "sdg.5": Pair('Parità di genere', 'Gender equality'),
    "sdg.6": Pair('Acqua pulita e servizi igienico-sanitari', 'Clean water and sanitation'),
    "sdg.7": Pair('Energia pulita e accessibile', 'Affordable and clean energy'),
    "sdg.8": Pair('Lavoro dignitoso e crescita economica', 'Decent work and economic growth'),
    "sdg.9": Pair('Imprese, innovazione e infrastrutture', 'Industry, innovation and infrastructure'),
    "sdg.10": Pair('Ridurre le disuguaglianze', 'Reduced inequalities'),
    "sdg.11": Pair('Città e comunità sostenibili', 'Sustainable cities and communities'),
    "sdg.12": Pair('Consumo e produzione responsabili', 'Responsible consumption and production'),
    "sdg.13": Pair('Lotta contro il cambiamento climatico', 'Climate action'),
    "sdg.14": Pair("Vita sott'acqua", 'Life below water'),
    "sdg.15": Pair('Vita sulla terra', 'Life on land'),
    "sdg.16": Pair('Pace, giustizia e istituzioni solide', 'Peace, justice and strong institutions'),
    "sdg.17": Pair('Partnership per gli obiettivi', 'Partnerships for the goals'),
    # The PDF's check of the characters its fonts lack (report/publication/pdf.py): a warning on the console
    "pdf.missing_characters": Pair("caratteri che i font del rapporto non hanno, stampati come riquadri: {characters} "
                                   "(U+{codes}); sostituirli nei fogli",
                                   "characters the report's fonts lack, printed as boxes: {characters} (U+{codes}); "
                                   "replace them in the spreadsheets"),
    # The council workbook (report/workbooks/council.py)
    "product.year_city": Pair(f"{PRODUCT_UP.it} {{year}} - {{city}}", f"{PRODUCT_UP.en} {{year}} - {{city}}"),
    "council.sheet.area": Pair('Per area', 'By area'),
    "council.sheet.department": Pair('Per settore', 'By department'),
    "council.sheet.type": Pair('Per tipologia', 'By type'),
    "council.sheet.countries": Pair('Per Paese', 'By country'),
    "council.sheet.funding_source": Pair('Per fonte', 'By funding source'),
    "council.yes": YES,
    "council.code": CODE,
    "council.activities": ACTIVITIES,
    "council.total": Pair('Totale (ogni attività una volta)', 'Total (each activity once)'),
    "council.not_given": Pair('Non indicato', 'Not given'),
    "council.note_once": Pair("Un'attività congiunta di più settori è contata una volta sola; importi dalla prima "
                              "riga dell'attività.",
                              'A joint activity of several departments is counted once; amounts from the '
                              "activity's first row."),
    "council.note_many": Pair("Un'attività è contata per ciascun valore che ha (più Paesi, più settori): le righe "
                              'sommano più del totale.',
                              'An activity counts once for each value it has (several countries, several '
                              'departments): the rows add up to more than the total.'),
    # The department template (report/workbooks/template.py)
    "template.title": Pair(f"Relazione sulle {PRODUCT.it} {{year}}", f"Report on {PRODUCT.en} {{year}}"),
    "template.department": Pair('Settore: {name}', 'Department: {name}'),
    "template.steps": Pair('Come compilare', 'How to fill in'),
    "template.example": Pair('Una riga di esempio, colonna per colonna', 'An example row, column by column'),
    "template.example_head": Pair('Colonna / Column', 'Esempio / Example'),
    "template.lists": Pair('Gli elenchi dei menu a tendina', 'The lists behind the dropdowns'),
    "template.lists_head": Pair('Elenco / List', 'Codice / Code'),
    "template.languages": Pair('Italiano', 'English'),
    "template.coordination": Pair('compilato dal gruppo di coordinamento', 'filled in by the coordination team'),
    "template.contact": Pair('nome e cognome di chi ha compilato', 'name of the person who filled it in'),
    "template.email": Pair('indirizzo e-mail del referente', 'e-mail address of the contact person'),
    "template.date": Pair('data di invio, GG/MM/AAAA', 'date sent, DD/MM/YYYY'),
    # The steps of the instructions sheet, numbered; {column keys} are that column's header in the language
    "template.step.1": Pair("Compilate il foglio «{activities}»: una riga per attività, dalla riga 2 in giù. Non "
                            "cambiate la riga delle intestazioni e non rinominate i fogli.",
                            "Fill in the '{activities}' sheet: one row per activity, from row 2 down. Do not change "
                            "the header row and do not rename the sheets."),
    "template.step.2": Pair("Riportate ogni attività che riguarda il {year}, anche se iniziata prima o se finisce "
                            "dopo.", "Report every activity that concerns {year}, also when it started earlier or "
                            "ends later."),
    # How step 3 lists the required columns: the word within a group, between alternatives, before the last item.
    "template.required.within": Pair(" o ", " or "),
    "template.required.between": Pair(" oppure ", " or "),
    "template.required.last": Pair(", e ", ", and "),
    "template.step.3": Pair("Obbligatori: {required}. Le loro intestazioni sono più scure.",
                            "Required: {required}. Their headers are darker."),
    "template.step.4": Pair("Selezionando una cella compare una nota che dice cosa scrivere. Le colonne con un elenco "
                            "hanno un menu a tendina: sono accettati anche i nomi inglesi.",
                            "Selecting a cell shows a note on what to write. Columns with a list have a dropdown: the "
                            "English names are accepted too."),
    "template.step.5": Pair("Più valori nella stessa cella (Paesi, Partner, SDG) vanno separati da ;",
                            "Several values in one cell (countries, partners, SDGs) are separated by ;"),
    "template.step.6": Pair("Compilate il foglio «{info}» con referente, e-mail e data.",
                            "Fill in the '{info}' sheet with contact person, e-mail and date."),
    "template.step.7": Pair("Salvate il file come .xlsx (oppure .ods) e inviatelo al gruppo di coordinamento.",
                            "Save the file as .xlsx (or .ods) and send it to the coordination team."),
    "template.step.8": Pair("Se il file vi torna con un foglio «{findings}», correggete le celle colorate nello "
                            "stesso file e inviatelo di nuovo.",
                            "If the file comes back with a '{findings}' sheet, correct the coloured cells in the "
                            "same file and send it again."),
    "template.step.9": Pair("Solo le intestazioni sono protette, senza password (Revisione › Rimuovi protezione "
                            "foglio).",
                            "Only the headers are protected, with no password (Review › Unprotect Sheet)."),
    "template.list_error": Pair('Valore non in elenco', 'Not in the list'),
    "template.value_error": Pair('Valore non valido', 'Invalid value'),
    # The generated reference docs (report/docs.py): docs/columns.md, docs/findings.md, docs/cli.md
    "docs.columns": Pair("Colonne", "Columns"),
    "docs.columns_intro": Pair("Il formato dei file inviati dai settori e dei file prodotti.",
                               "The format of the files departments submit and of the files produced."),
    "docs.sheets": Pair("Fogli del modello", "Template sheets"),
    "docs.key": Pair("chiave", "key"),
    "docs.name": Pair("nome", "name"),
    "docs.activity_columns": Pair("Colonne delle attività", "Activity columns"),
    "docs.headers_note": Pair("Un'intestazione può essere scritta in italiano, in inglese o come chiave, con qualsiasi "
                              "maiuscole, accenti, spazi e punteggiatura.",
                              "A header may be written in Italian, in English or as the key, in any case, with or "
                              "without accents, spacing and punctuation."),
    "docs.header": Pair("intestazione IT", "English header"),
    "docs.type": Pair("tipo", "type"),
    "docs.required": Pair("obbligatoria", "required"),
    "docs.yes": YES,
    "docs.rule": Pair("regola", "rule"),
    "docs.cell_max": Pair("Una cella delle altre colonne con più di {cell_max} caratteri non viene letta (errore "
                          "`text_too_long`); nessun limite supera i {excel_max} caratteri di una cella Excel.",
                          "A cell of the other columns holding over {cell_max} characters is not read (error "
                          "`text_too_long`); no limit exceeds the {excel_max} characters of an Excel cell."),
    "docs.example": Pair("esempio", "example"),
    "docs.also": Pair("anche", "also"),
    "docs.internal": Pair("interna: mai pubblicata", "internal: never published"),
    "docs.vocabularies": Pair("Elenchi", "Vocabularies"),
    "docs.vocabularies_note": Pair("Una cella può contenere il codice, l'etichetta italiana o quella inglese, in "
                                   "qualsiasi maiuscole.",
                                   "A cell may hold the code, the Italian or the English label, in any case."),
    "docs.code": Pair("codice", "code"),
    "docs.info_sheet": Pair("Foglio «{sheet}»", "'{sheet}' sheet"),
    "docs.info_note": Pair("Etichette nella colonna A, valori nella colonna B; un valore di oltre {info_max} "
                           "caratteri è ignorato (avviso `info_too_long`).",
                           "Labels in column A, values in column B; a value over {info_max} characters is ignored "
                           "(warning `info_too_long`)."),
    "docs.label": Pair("etichetta", "label"),
    "docs.output_files": Pair("File prodotti", "Output files"),
    "docs.csv": Pair("UTF-8, separato da `,`.", "UTF-8, `,`-delimited."),
    "docs.column": Pair("colonna", "column"),
    "docs.form": Pair("forma", "form"),
    "docs.validation_note": Pair("Una riga per segnalazione.", "One row per finding."),
    "docs.meaning": Pair("significato", "meaning"),
    "docs.always_filled": Pair("sempre compilata", "always filled"),
    "docs.findings_note": Pair("Ogni segnalazione ha un codice, una gravità e un messaggio in italiano e in inglese; "
                               "`{{...}}` è sostituito dal valore in questione. Un errore respinge la riga (o il "
                               "file), un avviso no.",
                               "Every finding has a code, a severity and a message in Italian and in English; "
                               "`{{...}}` is replaced by the value concerned. An error rejects the row (or the "
                               "file), a warning never does."),
    "docs.scope.file": Pair("Il file", "The file"),
    "docs.scope.row": Pair("Una riga", "One row"),
    "docs.severity": Pair("gravità", "severity"),
    "docs.cli": Pair("Riga di comando", "Command line"),
    # How each kind of column is read (docs.kind.<kind>) and how the data files write it (docs.form.<kind>)
    "docs.kind.text": Pair("testo", "text"),
    "docs.kind.vocabulary": Pair("elenco", "list of values"),
    "docs.kind.countries": Pair("elenco di Paesi", "list of countries"),
    "docs.kind.text_list": Pair("elenco di testi", "list of text"),
    "docs.kind.date": Pair("data", "date"),
    "docs.kind.amount": Pair("importo", "amount"),
    "docs.kind.sdgs": Pair("numeri interi 1–17", "whole numbers 1–17"),
    "docs.kind.integer": Pair("numero intero", "whole number"),
    "docs.kind.url": Pair("indirizzo http(s)", "http(s) address"),
    "docs.kind.boolean": Pair("vero/falso", "true/false"),
    "docs.form.text": Pair("testo", "text"),
    "docs.form.vocabulary": Pair("codice dell'elenco", "vocabulary code"),
    "docs.form.countries": Pair("codici ISO alpha-2 uniti da `;`", "ISO alpha-2 codes joined by `;`"),
    "docs.form.text_list": Pair("testi uniti da `;`", "texts joined by `;`"),
    "docs.form.date": Pair("data ISO (AAAA-MM-GG)", "ISO date (YYYY-MM-DD)"),
    "docs.form.amount": Pair("decimale semplice (es. 1250000.5)", "plain decimal (e.g. 1250000.5)"),
    "docs.form.sdgs": Pair("numeri uniti da `;`", "numbers joined by `;`"),
    "docs.form.integer": Pair("numero intero", "whole number"),
    "docs.form.url": Pair("indirizzo", "address"),
    "docs.form.boolean": Pair("`true`/`false`", "`true`/`false`"),
    # The output form of the columns that are not submitted ones
    "docs.extra_form.activity_id": Pair("`act-` e 16 cifre esadecimali", "`act-` and 16 hexadecimal digits"),
    "docs.extra_form.department": Pair("codice", "code"),
    # The columns of validation_Y.csv
    "docs.validation.source_file": Pair("nome del file inviato", "name of the submitted file"),
    "docs.validation.sheet": Pair("foglio letto (vuoto per un CSV)", "sheet read (empty for a CSV file)"),
    "docs.validation.source_row": Pair("riga come la mostra il programma; vuoto se la segnalazione riguarda il file",
                                       "row as the spreadsheet program shows it; empty for a finding about the "
                                       "whole file"),
    "docs.validation.column": Pair("chiave della colonna", "the column's key"),
    "docs.validation.cell": Pair("cella come la mostra il programma, es. `F12`",
                                 "cell as the spreadsheet program shows it, e.g. `F12`"),
    "docs.validation.department": Pair("codice del settore", "department code"),
    "docs.validation.severity": Pair("`error`, `warning` o `info`", "`error`, `warning` or `info`"),
    "docs.validation.code": Pair("codice della segnalazione (vedi findings.md)", "finding code (see findings.md)"),
    "docs.validation.message_it": Pair("messaggio in italiano", "message in Italian"),
    "docs.validation.message_en": Pair("messaggio in inglese", "message in English"),
    # The department portal (portal/texts.py, a view of these): the API's error_it/error_en and refused uploads
    "portal.error.unauthenticated": Pair("Accesso richiesto: inviate un token valido (Authorization: Token …) o "
                                         "accedete al portale.",
                                         "Login required: send a valid token (Authorization: Token …) or log in to "
                                         "the portal."),
    "portal.error.not_found": Pair("Non trovato.", "Not found."),
    "portal.error.forbidden": Pair("Il vostro ruolo non consente questa azione.",
                                   "Your role does not allow this action."),
    "portal.error.too_large": Pair("Il file supera il limite di {limit_mb} MB e non è stato salvato. Togliete "
                                   "immagini e fogli non necessari e inviatelo di nuovo.",
                                   "The file is over the {limit_mb} MB limit and was not stored. Remove pictures and "
                                   "unneeded sheets and send it again."),
    "portal.error.unsupported": Pair("Tipo di file non accettato: inviate un file {types}.",
                                     "File type not accepted: send a {types} file."),
    "portal.error.no_file": Pair("Nessun file ricevuto: scegliete il file da inviare (campo «file»).",
                                 "No file received: choose the file to send (field 'file')."),
    "portal.error.department_required": Pair("Indicate il settore (campo «department») per cui inviate il file.",
                                             "Give the department (field 'department') the file is sent for."),
    "portal.error.closed": Pair("Gli invii per questo anno sono chiusi.", "Uploads for this year are closed."),
    "portal.error.invalid": Pair("Richiesta non valida.", "Invalid request."),
    "portal.error.build_running": Pair("Una composizione della relazione di questo anno è già in corso: attendete "
                                       "che finisca.", "A build of this year's report is already running: wait "
                                       "for it to finish."),
    # The portal's builds (portal/builds.py): why a build failed, in the Build's reason_it / reason_en
    "portal.build.unreadable": Pair("File di un invio non leggibile ({reason}): ricaricatelo.",
                                    "A submission's file could not be read ({reason}): upload it again."),
    "portal.build.nothing": Pair("Nessun settore ha inviato un file: non c'è nulla da comporre.",
                                 "No department has sent a file: there is nothing to build."),
    "portal.build.failed": Pair("La composizione non è riuscita: {detail}", "The build failed: {detail}"),
    "portal.build.internal": Pair("Errore interno durante la composizione: {error}.",
                                  "Internal error during the build: {error}."),
    "portal.build.stopped": Pair("Il server si è fermato durante la composizione: richiedetela di nuovo.",
                                 "The server stopped during the build: request it again."),
    # The portal's desk (portal/deskviews.py) and its command line's lines (portal/cli.py, portal/accounts.py)
    "portal.invalid_date": Pair("Data non valida (AAAA-MM-GG)", "Invalid date (YYYY-MM-DD)"),
    "portal.name": Pair("Portale dei settori", "Department portal"),
    # The portal's command line (portal/cli.py): an administrator's tool, its help shown in English as Django's
    "portal.help.serve": Pair("applica le migrazioni e avvia il portale (waitress)",
                              "apply migrations and serve the portal (waitress)"),
    "portal.help.demo": Pair("crea prima un account per ogni settore dell'anno di esempio e li elenca",
                             "first create an account for each department of the sample year, and print them"),
    "portal.help.user": Pair("account: aggiungere, elencare, disattivare, reimpostare",
                             "accounts: add, list, disable, reset"),
    "portal.help.add": Pair("crea un account", "create an account"),
    "portal.help.department": Pair("codice del settore (ruolo department)", "department code (role department)"),
    "portal.help.password": Pair("predefinita: una casuale, mostrata una volta", "default: a random one, printed once"),
    "portal.help.list": Pair("elenca gli account", "list the accounts"),
    "portal.help.disable": Pair("disattiva un account (non può più accedere)",
                                "disable an account (it can no longer log in)"),
    "portal.help.reset": Pair("imposta una nuova password (e riattiva e sblocca l'account)",
                              "set a new password (and enable the account, unlock it)"),
    "portal.help.token": Pair("token delle API", "API tokens"),
    "portal.help.token_add": Pair("crea (o mostra) il token API di una persona", "create (or show) a person's API token"),
    "portal.address": Pair("Portale", "Portal"),
    "portal.to_stop": Pair("Ctrl+C per fermare", "to stop"),
    "portal.created": Pair("Creato", "Created"),
    "portal.no_accounts": Pair("Nessun account", "No accounts"),
    "portal.disabled": Pair("Disattivato", "Disabled"),
    "portal.new_password": Pair("Nuova password", "New password for"),
    "portal.demo_accounts": Pair("Account dimostrativi", "Demo accounts"),
    "portal.account.unknown": Pair("account sconosciuto", "unknown account"),
    "portal.account.password": Pair("password non accettata", "password not accepted"),
    "portal.account.email": Pair("e-mail non valida", "invalid e-mail"),
    "portal.account.department_only": Pair("solo un account di settore ha un settore",
                                           "only a department account has a department"),
    "portal.account.exists": Pair("account già presente", "account exists"),
    "portal.account.disabled": Pair("account disattivato", "account disabled"),
    "portal.account.active": Pair("attivo", "active"),
    "portal.account.inactive": Pair("disattivato", "disabled"),
    # The portal's e-mails (portal/mail.py): a department's status in words, the reminder and the upload receipt;
    # each message holds both languages, {placeholders} filled in each language
    "portal.status.none": Pair("nessun invio", "none yet"),
    "portal.status.pending": Pair("in controllo", "being checked"),
    "portal.status.unchecked": Pair("non controllato", "not checked"),
    "portal.status.rejected": Pair("respinto", "rejected"),
    "portal.status.errors": Pair("con errori", "errors"),
    "portal.status.warnings": Pair("con avvisi", "warnings"),
    "portal.status.clean": Pair("corretto", "clean"),
    "portal.mail.reminder.subject": Pair("Relazione {year}: manca un invio corretto del settore {department}",
                                         "Report {year}: department {department} has no clean submission yet"),
    "portal.mail.reminder.body": Pair("Gentili colleghi del settore {name},\n\nper la relazione {year} il vostro "
                                      "invio attuale è: {status}.{deadline}\nInviate il file corretto dalla vostra "
                                      "pagina: {link}\n",
                                      "Dear colleagues of {name},\n\nfor the {year} report your current submission "
                                      "is: {status}.{deadline}\nSend the corrected file from your page: {link}\n"),
    "portal.mail.reminder.deadline": Pair(" La scadenza è il {deadline}.", " The deadline is {deadline}."),
    "portal.mail.receipt.subject": Pair("Relazione {year}: ricevuto il file {file} del settore {department} "
                                        "({status})",
                                        "Report {year}: file {file} of department {department} received ({status})"),
    "portal.mail.receipt.body": Pair("Il file «{file}» (SHA-256 {sha256}) è stato ricevuto il {at} per il settore "
                                     "{name}.\nEsito: {status}. Righe lette {read}, accettate {accepted}, scartate "
                                     "{rejected}, fuori anno {outside}.\nDettagli: {link}\n",
                                     "The file '{file}' (SHA-256 {sha256}) was received on {at} for {name}.\n"
                                     "Result: {status}. Rows read {read}, accepted {accepted}, rejected {rejected}, "
                                     "outside the year {outside}.\nDetails: {link}\n"),
    # The open-data package (report/publication/datapackage.py)
    "datapackage.description": Pair("Le attività internazionali della città nell'anno {year}, come le hanno "
                                    'inviate i settori e come le conta il rapporto annuale: una riga per attività '
                                    "e settore; le righe di un'attività congiunta hanno lo stesso activity_id, "
                                    'che i totali contano una volta.',
                                    "The city's international activities of {year}, as the departments reported "
                                    'them and as the annual report counts them: one row per activity and '
                                    'department; the rows of a joint activity share one activity_id, which the '
                                    'totals count once.'),
    "datapackage.licence": Pair('Creative Commons Attribuzione 4.0 Internazionale',
                                'Creative Commons Attribution 4.0 International'),
    "datapackage.keyword": PRODUCT,
    "datapackage.source": Pair('Schede delle attività inviate dai settori - {author}',
                               'Activity workbooks sent by the departments - {author}'),
}
