"""The one declaration of the submission format: sheets, columns, vocabularies and output columns.

Everything else is generated from this module: the department template, the validator,
`docs/columns.md` and the columns of every output file. It states rules; it runs nothing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# Column kinds: how a cell is read and how it is written out (see report.kinds).
from report.kinds import AMOUNT, BOOLEAN, COUNTRIES, DATE, INTEGER, SDGS, TEXT, TEXT_LIST, URL, VOCAB, Kind
from report.texts import ACTIVITIES, Pair


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, strip accents, punctuation and spacing: the form in which headers and labels are compared."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", text.casefold())


@dataclass(frozen=True)
class Term:
    code: str
    it: str
    en: str

    def label(self, lang: str) -> str:
        return Pair(self.it, self.en).get(lang)


@dataclass(frozen=True)
class Vocabulary:
    key: str
    name_it: str
    name_en: str
    terms: tuple[Term, ...]
    _index: dict = field(default_factory=dict, compare=False, repr=False)
    _by_code: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            self._by_code[term.code] = term
            for form in (term.code, term.it, term.en):
                self._index.setdefault(fold(form), term.code)

    def lookup(self, text: str) -> str | None:
        """The code for a code, Italian or English label in any case; None when unknown."""
        return self._index.get(fold(text))

    def term(self, code: str) -> Term:
        return self._by_code[code]

    def label(self, code: str, lang: str) -> str:
        return self.term(code).label(lang)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)


def _vocab(key: str, name_it: str, name_en: str, *rows: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(key, name_it, name_en, tuple(Term(*row) for row in rows))


VOCABULARIES: dict[str, Vocabulary] = {v.key: v for v in (
    _vocab(
        "type", "Tipologia", "Type",
        ("eu_project", "Progetto europeo", "EU-funded project"),
        ("network", "Rete internazionale", "International network"),
        ("cooperation", "Cooperazione decentrata", "Decentralised cooperation"),
        ("event", "Evento internazionale", "International event"),
        ("delegation", "Delegazione straniera", "Foreign delegation (incoming)"),
        ("mission", "Missione all'estero", "Mission abroad"),
        ("twinning", "Gemellaggio o accordo", "Twinning or agreement"),
        ("exchange", "Scambio", "Exchange"),
        ("best_practice", "Scambio di buone pratiche", "Best-practice exchange"),
        ("award", "Premio internazionale", "International award"),
        ("training", "Formazione", "Training"),
        ("promotion", "Promozione internazionale", "International promotion"),
        ("other", "Altro", "Other"),
    ),
    _vocab(
        "theme", "Ambito tematico", "Theme",
        ("culture", "Cultura", "Culture"),
        ("environment", "Ambiente e verde", "Environment and green spaces"),
        ("economy", "Economia e lavoro", "Economy and employment"),
        ("education", "Educazione e giovani", "Education and youth"),
        ("inclusion", "Inclusione sociale e pari opportunità", "Social inclusion and equal opportunities"),
        ("urban", "Rigenerazione urbana", "Urban regeneration"),
        ("security", "Sicurezza urbana", "Urban security"),
        ("sport", "Sport", "Sport"),
        ("tourism", "Turismo e promozione", "Tourism and promotion"),
        ("digital", "Innovazione digitale", "Digital innovation"),
        ("peace", "Pace e diritti umani", "Peace and human rights"),
        ("water", "Acqua e servizi pubblici", "Water and public services"),
        ("other", "Altro", "Other"),
    ),
    _vocab(
        "area", "Area geografica", "Geographic area",
        ("italy", "Italia", "Italy"),
        ("europe", "Europa", "Europe"),
        ("mediterranean_middle_east", "Mediterraneo e Medio Oriente", "Mediterranean and Middle East"),
        ("sub_saharan_africa", "Africa subsahariana", "Sub-Saharan Africa"),
        ("latin_america", "America Latina e Caraibi", "Latin America and the Caribbean"),
        ("north_america", "Nord America", "North America"),
        ("asia_oceania", "Asia e Oceania", "Asia and Oceania"),
        ("multi", "Più aree", "Several areas"),
    ),
    _vocab(
        "role", "Ruolo della Città", "City's role",
        ("lead", "Capofila", "Lead partner"),
        ("partner", "Partner", "Partner"),
        ("member", "Membro", "Member"),
        ("host", "Ospitante", "Host"),
        ("participant", "Partecipante", "Participant"),
        ("funder", "Finanziatore", "Funder"),
    ),
    _vocab(
        "status", "Stato", "Status",
        ("planned", "Previsto", "Planned"),
        ("ongoing", "In corso", "Ongoing"),
        ("completed", "Concluso", "Completed"),
    ),
    _vocab(
        "funding_source", "Fonte di finanziamento", "Funding source",
        ("eu", "Unione europea", "European Union"),
        ("national", "Stato", "National government"),
        ("regional", "Regione", "Regional government"),
        ("municipal", "Comune", "City"),
        ("private", "Privati e fondazioni", "Private and foundations"),
        ("international", "Organizzazioni internazionali", "International organisations"),
        ("mixed", "Misto", "Mixed"),
        ("none", "Nessuno", "None"),
    ),
)}



@dataclass(frozen=True)
class Column:
    key: str
    header_it: str
    header_en: str
    kind: Kind
    help_it: str
    help_en: str
    rule_it: str
    rule_en: str
    example: str = ""
    max_length: int | None = None
    vocabulary: str | None = None
    required: bool = False
    internal: bool = False  # never printed in the report nor in the published CSV
    width: int = 18  # template column width, in characters
    aliases: tuple[str, ...] = ()  # other headers people type for this column
    bound: str = "start"  # a date column: a month or a year alone is read as its first ("start") or last ("end") day

    @property
    def header(self) -> str:
        """The template header: Italian and English, one line each."""
        return self.header_it if self.header_it == self.header_en else f"{self.header_it}\n{self.header_en}"

    def header_forms(self) -> set[str]:
        """Every folded form under which a submitted header names this column."""
        return {fold(self.key), fold(self.header_it), fold(self.header_en),
                fold(f"{self.header_it} {self.header_en}"), *(fold(a) for a in self.aliases)}

    def label(self, lang: str) -> str:
        return Pair(self.header_it, self.header_en).get(lang)


def _col(key, header_it, header_en, kind, help_it, help_en, rule_it, rule_en, **kw) -> Column:
    return Column(key, header_it, header_en, kind, help_it, help_en, rule_it, rule_en, **kw)


TITLE_MAX, DESCRIPTION_MAX = 200, 3000
# Every text column has a limit, far above any real value, so that no single cell can make the report slow;
# all stay below Excel's 32,767 characters a cell, so the council workbook never cuts a value.
REF_MAX, PROGRAMME_MAX, PARTNERS_MAX, NOTES_MAX, DEPARTMENT_MAX = 100, 500, 3000, 5000, 100
CELL_MAX = 1000      # any other cell (dates, amounts, lists of countries...): longer text is not even parsed
INFO_MAX = 1000      # an Info sheet value
EXCEL_CELL_MAX = 32767
MAX_COLUMNS = 16384  # XFD, a spreadsheet's last column: cells beyond it are cut, with a warning

COLUMNS: tuple[Column, ...] = (
    _col("ref", "Codice", "Reference", TEXT,
         "Un vostro codice interno per l'attività (facoltativo).",
         "Your own internal code for the activity (optional).",
         "facoltativo; unico nel file", "optional; unique within the file", example="AMB-2025-03", aliases=("Rif", "Ref", "Codice attività", "Activity code", "ID"),
         max_length=REF_MAX, width=14),
    _col("title_it", "Titolo (IT)", "Title (IT)", TEXT,
         "Titolo in italiano, massimo 200 caratteri.",
         "Title in Italian, at most 200 characters.",
         "almeno un titolo; se manca una lingua è un avviso",
         "at least one title; a missing language is a warning",
         example="Progetto UrbanGreen: foreste urbane", max_length=TITLE_MAX, aliases=("Titolo", "Titolo italiano", "Italian title", "Titolo IT"),
         width=36),
    _col("title_en", "Titolo (EN)", "Title (EN)", TEXT,
         "Titolo in inglese, massimo 200 caratteri.",
         "Title in English, at most 200 characters.",
         "vedi Titolo (IT)", "see Title (IT)",
         example="UrbanGreen project: urban forests", max_length=TITLE_MAX, aliases=("Title", "Titolo inglese", "English title", "Title EN"),
         width=36),
    _col("description_it", "Descrizione (IT)", "Description (IT)", TEXT,
         "Che cosa è stato fatto nell'anno, con quali risultati; massimo 3000 caratteri.",
         "What was done in the year and with what results; at most 3000 characters.",
         "se manca una lingua è un avviso", "a missing language is a warning",
         example="Piantumazione di 2.000 alberi in tre quartieri con le scuole.",
         max_length=DESCRIPTION_MAX, aliases=("Descrizione", "Descrizione italiano", "Italian description"),
         width=50),
    _col("description_en", "Descrizione (EN)", "Description (EN)", TEXT,
         "Descrizione in inglese; massimo 3000 caratteri.",
         "Description in English; at most 3000 characters.",
         "vedi Descrizione (IT)", "see Description (IT)",
         example="2,000 trees planted in three neighbourhoods with local schools.",
         max_length=DESCRIPTION_MAX, aliases=("Description", "Descrizione inglese", "English description"),
         width=50),
    _col("type", "Tipologia", "Type", VOCAB,
         "Scegliete dall'elenco la tipologia di attività.",
         "Pick the type of activity from the list.",
         "obbligatorio; dall'elenco", "required; from the list",
         example="Progetto europeo", vocabulary="type", required=True, aliases=("Tipo", "Tipologia attività", "Activity type"),
         width=26),
    _col("theme", "Ambito tematico", "Theme", VOCAB,
         "Scegliete dall'elenco l'ambito principale.",
         "Pick the main theme from the list.",
         "facoltativo; dall'elenco", "optional; from the list",
         example="Ambiente e verde", vocabulary="theme", aliases=("Ambito", "Tema", "Settore tematico"),
         width=26),
    _col("countries", "Paesi", "Countries", COUNTRIES,
         "Paesi coinvolti, separati da ; (nome italiano o inglese, o codice ISO come FR).",
         "Countries involved, separated by ; (Italian or English name, or ISO code such as FR).",
         "almeno uno tra Paesi e Area geografica", "at least one of Countries or Geographic area",
         example="Francia; Spagna; Polonia", aliases=("Paese", "Country", "Nazioni", "Stati"),
         width=28),
    _col("area", "Area geografica", "Geographic area", VOCAB,
         "Lasciate vuoto: si ricava dai Paesi. Compilate solo se non ci sono Paesi.",
         "Leave empty: it is derived from the countries. Fill it only when there are no countries.",
         "ricavata dai Paesi se vuota", "derived from the countries when empty",
         example="", vocabulary="area", aliases=("Area", "Geographical area", "Region"),
         width=24),
    _col("partners", "Partner", "Partners", TEXT_LIST,
         "Partner principali (città, enti), separati da ;",
         "Main partners (cities, organisations), separated by ;",
         "facoltativo", "optional", example="Città di Lione; Comune di Danzica", aliases=("Partner principali", "Main partners", "Partenariato"),
         max_length=PARTNERS_MAX, width=30),
    _col("programme", "Programma o rete", "Programme or network", TEXT,
         "Programma di finanziamento o rete, es. Horizon Europe, FSE+, FESR, URBACT, Eurocities.",
         "Funding programme or network, e.g. Horizon Europe, ESF+, ERDF, URBACT, Eurocities.",
         "facoltativo", "optional", example="Horizon Europe", aliases=("Programma", "Rete", "Programme", "Program", "Network", "Programma/rete"),
         max_length=PROGRAMME_MAX, width=22),
    _col("role", "Ruolo della Città", "City's role", VOCAB,
         "Il ruolo della Città nell'attività.",
         "The City's role in the activity.",
         "facoltativo; dall'elenco", "optional; from the list",
         example="Capofila", vocabulary="role", aliases=("Ruolo", "Role", "Ruolo Città", "City role"),
         width=18),
    _col("start_date", "Data inizio", "Start date", DATE,
         "Data di inizio: GG/MM/AAAA, oppure MM/AAAA o AAAA.",
         "Start date: DD/MM/YYYY, or MM/YYYY or YYYY.",
         "obbligatorio", "required", example="01/03/2025", required=True, aliases=("Data di inizio", "Inizio", "Start", "Dal", "From"),
         width=14),
    _col("end_date", "Data fine", "End date", DATE,
         "Data di fine; vuoto se l'attività è in corso senza scadenza.",
         "End date; empty when the activity is ongoing with no end.",
         "facoltativo (vuoto = in corso); non prima della data di inizio",
         "optional (empty = ongoing); not before the start date", example="28/02/2027", aliases=("Data di fine", "Fine", "End", "Al", "To"),
         width=14, bound="end"),
    _col("status", "Stato", "Status", VOCAB,
         "Lasciate vuoto: si ricava dalle date.",
         "Leave empty: it is derived from the dates.",
         "ricavato dalle date se vuoto", "derived from the dates when empty",
         example="", vocabulary="status", aliases=("Stato attività",),
         width=14),
    _col("budget_eur", "Budget totale (EUR)", "Total budget (EUR)", AMOUNT,
         "Budget complessivo dell'attività in euro, solo numeri.",
         "Total budget of the activity in euros, numbers only.",
         "importo ≥ 0; facoltativo", "amount ≥ 0; optional", example="1.250.000", aliases=("Budget", "Budget totale", "Total budget", "Budget (EUR)", "Importo totale"),
         width=16),
    _col("city_funding_eur", "Quota Città (EUR)", "City contribution (EUR)", AMOUNT,
         "Parte del budget a carico o assegnata alla Città.",
         "Part of the budget paid by or allocated to the City.",
         "importo ≥ 0; non oltre il budget totale", "amount ≥ 0; not above the total budget",
         example="180.000", aliases=("Quota Città", "City contribution", "Cofinanziamento Città", "City funding"),
         width=16),
    _col("external_funding_eur", "Finanziamento esterno (EUR)", "External funding (EUR)", AMOUNT,
         "Finanziamenti ricevuti da altri (UE, Stato, fondazioni...).",
         "Funding received from others (EU, government, foundations...).",
         "importo ≥ 0", "amount ≥ 0", example="1.070.000", aliases=("Finanziamento esterno", "External funding", "Contributo esterno"),
         width=16),
    _col("funding_source", "Fonte di finanziamento", "Funding source", VOCAB,
         "La fonte principale del finanziamento.",
         "The main source of funding.",
         "facoltativo; dall'elenco", "optional; from the list",
         example="Unione europea", vocabulary="funding_source", aliases=("Fonte", "Finanziatore principale", "Source of funding"),
         width=22),
    _col("sdgs", "Obiettivi SDG", "SDGs", SDGS,
         "Numeri degli Obiettivi di sviluppo sostenibile (1-17), separati da ;",
         "Numbers of the Sustainable Development Goals (1-17), separated by ;",
         "numeri interi da 1 a 17", "whole numbers from 1 to 17", example="11; 13; 15", aliases=("SDG", "Obiettivi", "Obiettivi di sviluppo sostenibile", "Agenda 2030"),
         width=12),
    _col("participants", "Partecipanti", "Participants", INTEGER,
         "Numero di persone coinvolte.", "Number of people involved.",
         "intero ≥ 0", "whole number ≥ 0", example="350", aliases=("Numero partecipanti", "Number of participants", "Persone coinvolte", "People involved"),
         width=12),
    _col("url", "Link", "Link", URL,
         "Pagina web dell'attività (http:// o https://).",
         "Web page of the activity (http:// or https://).",
         "indirizzo http(s)", "http(s) address", example="https://www.comune.torino.it/urbangreen", aliases=("URL", "Sito", "Sito web", "Website", "Web"),
         width=30),
    _col("notes", "Note", "Notes", TEXT,
         "Note interne per il coordinamento: non vengono pubblicate.",
         "Internal notes for the coordination team: never published.",
         "interne, mai pubblicate", "internal, never published", example="", internal=True, aliases=("Note interne", "Internal notes"),
         max_length=NOTES_MAX, width=30),
)

COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class AtLeastOne:
    """Columns required in combination: a row must fill at least one of them (contract section 2).
    The validator reports `code` on the first column when all are empty; the template darkens their headers
    and its instructions name the group as `name` (their headers follow), or by the headers alone."""
    keys: tuple[str, ...]
    code: str
    name: Pair | None = None


TITLE_REQUIRED = AtLeastOne(("title_it", "title_en"), "title_missing", Pair("almeno un titolo", "at least one title"))
LOCATION_REQUIRED = AtLeastOne(("countries", "area"), "location_missing")
AT_LEAST_ONE: tuple[AtLeastOne, ...] = (TITLE_REQUIRED, LOCATION_REQUIRED)

# A `department` column may replace the Info sheet (contract section 1).
DEPARTMENT_COLUMN = _col(
    "department", "Settore", "Department", TEXT,
    "Codice del settore (solo se manca il foglio Scheda).",
    "Department code (only when the Info sheet is missing).",
    "codice della configurazione", "a code of the configuration", max_length=DEPARTMENT_MAX)


def header_index() -> dict[str, str]:
    """Folded header form -> column key, for every column a submitted sheet may carry."""
    index: dict[str, str] = {}
    for column in (*COLUMNS, DEPARTMENT_COLUMN):
        for form in column.header_forms():
            index.setdefault(form, column.key)
    return index


# Sheets of the template (contract section 1).
@dataclass(frozen=True)
class Sheet:
    key: str
    name: str


SHEET_INSTRUCTIONS = Sheet("instructions", "Istruzioni - Instructions")
SHEET_INFO = Sheet("info", "Scheda - Info")
SHEET_ACTIVITIES = Sheet("activities", ACTIVITIES.both(" - "))
SHEET_LISTS = Sheet("lists", "Liste - Lists")
SHEETS = (SHEET_INSTRUCTIONS, SHEET_INFO, SHEET_ACTIVITIES, SHEET_LISTS)


@dataclass(frozen=True)
class InfoField:
    key: str
    label: str  # as written in column A of the Info sheet


INFO_FIELDS = (
    InfoField("year", "Anno / Year"),
    InfoField("department", "Codice settore / Department code"),
    InfoField("contact", "Referente / Contact person"),
    InfoField("email", "E-mail"),
    InfoField("date", "Data / Date"),
)


def info_index() -> dict[str, str]:
    """Folded Info label (whole, or either language half) -> info key."""
    index: dict[str, str] = {}
    for f in INFO_FIELDS:
        index[fold(f.label)] = f.key
        for half in f.label.split("/"):
            index.setdefault(fold(half), f.key)
    index.setdefault(fold("department"), "department")
    index.setdefault(fold("settore"), "department")
    return index


HEADER_SEARCH_ROWS = 10  # the header may sit on any of the first 10 rows
LIST_SEPARATORS = r"[;\n\r]+"

# ---- Output columns ---------------------------------------------------------------------------

# activities_Y.csv: the activity's identifier, the keys above without `notes`, provenance and derived fields.
_PUBLISHED = tuple(c.key for c in COLUMNS if not c.internal)
ACTIVITY_OUTPUT_COLUMNS: tuple[str, ...] = (
    "activity_id", "department", *_PUBLISHED, "joint", "source_file", "source_row",
)
# the council workbook keeps internal notes; the identifier comes last, for looking a row up in the CSV.
COUNCIL_OUTPUT_COLUMNS: tuple[str, ...] = (
    "department", *_PUBLISHED, "notes", "joint", "source_file", "source_row", "activity_id",
)

EXTRA_OUTPUT_FIELDS: dict[str, tuple[str, str, str, str]] = {
    # key: (Italian label, English label, Italian meaning, English meaning)
    "activity_id": ("Identificativo attività", "Activity identifier",
                    "uguale su tutte le righe della stessa attività (congiunta o ripetuta): i totali del rapporto "
                    "contano ogni identificativo una volta, con gli importi della sua prima riga",
                    "the same on every row of one activity (joint or repeated): the report's totals count each "
                    "identifier once, with the amounts of its first row"),
    "department": ("Settore", "Department", "codice del settore che ha inviato l'attività",
                   "code of the department that reported the activity"),
    "joint": ("Congiunta", "Joint", "true se la stessa attività è segnalata da più settori",
              "true when the same activity is reported by several departments"),
    "source_file": ("File di origine", "Source file", "nome del file inviato", "name of the submitted file"),
    "source_row": ("Riga di origine", "Source row", "riga del foglio come la mostra il programma",
                   "row of the sheet as the spreadsheet program shows it"),
}

# The kind of each output column that is not a submitted one; ALWAYS_FILLED: output columns never empty.
EXTRA_OUTPUT_KINDS: dict[str, Kind] = {"activity_id": TEXT, "department": TEXT, "joint": BOOLEAN,
                                      "source_file": TEXT, "source_row": INTEGER}
ALWAYS_FILLED: tuple[str, ...] = ("activity_id", "department", "type", "area", "start_date", "status", "joint",
                                  "source_file", "source_row")

VALIDATION_OUTPUT_COLUMNS: tuple[str, ...] = (
    "source_file", "sheet", "source_row", "column", "cell", "department",
    "severity", "code", "message_it", "message_en",
)

SEVERITIES = ("error", "warning", "info")


def output_kind(key: str) -> Kind:
    """The kind of an output column."""
    return COLUMN_BY_KEY[key].kind if key in COLUMN_BY_KEY else EXTRA_OUTPUT_KINDS[key]


def output_label(key: str, lang: str) -> str:
    """The human label of an output column in a language."""
    if key in COLUMN_BY_KEY:
        return COLUMN_BY_KEY[key].label(lang)
    it, en, *_ = EXTRA_OUTPUT_FIELDS[key]
    return Pair(it, en).get(lang)
