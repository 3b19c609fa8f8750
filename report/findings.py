"""The catalogue of finding codes (severity, Italian and English message) and the Finding record."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from report import texts

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    scope: str  # "file" (the whole file) or "row" (one activity)
    message_it: str
    message_en: str
    short_it: str = ""  # a few words naming the problem, for the report's ledger of rejected rows
    short_en: str = ""


def _c(code, severity, scope, it, en) -> Code:
    it_short, en_short = texts.CATALOGUE.get(f"reason.{code}", ("", ""))  # the short label, for the ledger annex
    return Code(code, severity, scope, it, en, it_short, en_short)


# Messages are str.format templates; each says what is wrong and what to do.
CATALOGUE: dict[str, Code] = {c.code: c for c in (
    # -- the file as a whole -------------------------------------------------------------------
    _c("file_too_large", ERROR, "file",
       "Il file pesa {size_mb} MB, oltre il limite di {limit_mb} MB: non è stato letto. "
       "Togliete immagini e fogli non necessari e inviatelo di nuovo.",
       "The file is {size_mb} MB, over the {limit_mb} MB limit: it was not read. "
       "Remove pictures and unneeded sheets and send it again."),
    _c("file_zip_bomb", ERROR, "file",
       "Una volta decompresso il file occuperebbe {size_mb} MB, oltre il limite di {limit_mb} MB: "
       "non è stato letto. Copiate le attività in un modello nuovo e inviatelo di nuovo.",
       "Unpacked, the file would take {size_mb} MB, over the {limit_mb} MB limit: it was not read. "
       "Copy the activities into a fresh template and send it again."),
    _c("file_encrypted", ERROR, "file",
       "Il file è protetto da password e non può essere letto. Salvatelo senza password e inviatelo di nuovo.",
       "The file is password-protected and cannot be read. Save it without a password and send it again."),
    _c("file_unreadable", ERROR, "file",
       "Il file non è un foglio di calcolo leggibile ({detail}). Apritelo e salvatelo di nuovo "
       "come .xlsx, .ods o .csv, poi inviatelo di nuovo.",
       "The file is not a readable spreadsheet ({detail}). Open it, save it again "
       "as .xlsx, .ods or .csv, then send it again."),
    _c("file_unsupported_type", ERROR, "file",
       "Il tipo di file «{extension}» non è accettato. Salvatelo come .xlsx, .xlsm, .ods o .csv.",
       "The file type '{extension}' is not accepted. Save it as .xlsx, .xlsm, .ods or .csv."),
    _c("file_no_header", ERROR, "file",
       "Nessun foglio ha una riga di intestazione riconoscibile nelle prime {rows} righe. "
       "Usate il modello del {year} o copiate la riga di intestazione dal modello.",
       "No sheet has a recognisable header row within its first {rows} rows. "
       "Use the {year} template or copy the header row from the template."),
    _c("file_empty", INFO, "file",
       "Il file non contiene attività. Se il settore non ne ha avute, non serve altro.",
       "The file holds no activities. If the department had none, nothing else is needed."),
    _c("department_unknown", ERROR, "file",
       "Non si capisce di quale settore sia il file: né il foglio «Scheda - Info», né una colonna "
       "«Settore», né il nome del file indicano un codice noto ({detail}). Scrivete il codice del settore "
       "nel foglio «Scheda - Info» (es. {example}) o chiamate il file <CODICE>.xlsx.",
       "It is not clear which department the file belongs to: neither the 'Scheda - Info' sheet, nor a "
       "'Department' column, nor the file name gives a known code ({detail}). Write the department code "
       "in the 'Scheda - Info' sheet (e.g. {example}) or name the file <CODE>.xlsx."),
    _c("department_mismatch", WARNING, "file",
       "Il foglio «Scheda - Info» indica il settore {info}, il nome del file {other}: si usa {info}. "
       "Correggete l'uno o l'altro.",
       "The 'Scheda - Info' sheet names department {info}, the file name {other}: {info} is used. "
       "Correct one or the other."),
    _c("department_repeated", WARNING, "file",
       "Anche il file «{other}» è del settore {department}: le attività di entrambi sono state lette. "
       "Se uno dei due è una versione vecchia, toglietelo dalla cartella.",
       "The file '{other}' also belongs to department {department}: the activities of both were read. "
       "If one of them is an old version, remove it from the folder."),
    _c("info_year_mismatch", WARNING, "file",
       "Il foglio «Scheda - Info» indica l'anno {info_year}, ma si prepara la relazione {year}. "
       "Verificate di aver inviato il file giusto.",
       "The 'Scheda - Info' sheet gives the year {info_year}, but the {year} report is being prepared. "
       "Check that you sent the right file."),
    _c("column_unknown", INFO, "file",
       "La colonna «{header}» non fa parte del modello ed è stata ignorata.",
       "The column '{header}' is not part of the template and was ignored."),
    _c("column_repeated", WARNING, "file",
       "La colonna «{header}» compare più volte: si usa la prima ({first}). Togliete le copie.",
       "The column '{header}' appears more than once: the first one ({first}) is used. Remove the copies."),
    _c("column_missing", ERROR, "file",
       "Manca la colonna obbligatoria «{header}»: ogni riga senza di essa è respinta. "
       "Aggiungete la colonna copiandola dal modello.",
       "The required column '{header}' is missing: every row without it is rejected. "
       "Add the column, copying it from the template."),
    _c("file_not_regular", ERROR, "file",
       "Non è un file ordinario ({kind}): non è stato letto. Mettete nella cartella il file stesso.",
       "This is not a regular file ({kind}): it was not read. Put the file itself in the folder."),
    _c("file_link_outside", ERROR, "file",
       "È un collegamento simbolico a un file fuori dalla cartella degli input: non è stato seguito né letto. "
       "Copiate il file stesso nella cartella.",
       "This is a symbolic link to a file outside the inputs folder: it was neither followed nor read. "
       "Copy the file itself into the folder."),
    _c("info_too_long", WARNING, "file",
       "Il valore di «{label}» nel foglio «Scheda - Info» è di {length} caratteri, oltre il limite di {limit}: "
       "è stato ignorato. Accorciatelo.",
       "The value of '{label}' in the 'Scheda - Info' sheet is {length} characters long, over the limit of "
       "{limit}: it was ignored. Shorten it."),
    _c("cells_beyond_last_column", WARNING, "file",
       "La riga ha {count} celle oltre la colonna {last}, l'ultima di un foglio di calcolo: sono state ignorate. "
       "Controllate i separatori della riga.",
       "The row has {count} cells beyond column {last}, a spreadsheet's last column: they were ignored. "
       "Check the row's separators."),
    # -- one activity ----------------------------------------------------------------------------
    _c("required_missing", ERROR, "row",
       "«{column_it}» è obbligatorio: compilate la cella.",
       "'{column_en}' is required: fill in the cell."),
    _c("title_missing", ERROR, "row",
       "Manca il titolo: scrivete almeno il titolo in italiano o in inglese.",
       "The title is missing: write at least the Italian or the English title."),
    _c("title_language_missing", WARNING, "row",
       "Manca il titolo in {lang_it}: nella relazione si userà l'altra lingua. Aggiungete la traduzione.",
       "The {lang_en} title is missing: the report will use the other language. Add the translation."),
    _c("description_language_missing", WARNING, "row",
       "Manca la descrizione in {lang_it}: nella relazione si userà l'altra lingua. Aggiungete la traduzione.",
       "The {lang_en} description is missing: the report will use the other language. Add the translation."),
    _c("description_missing", WARNING, "row",
       "Manca la descrizione: la relazione mostrerà solo il titolo. Aggiungete qualche riga su cosa è stato fatto.",
       "The description is missing: the report will show the title only. Add a few lines on what was done."),
    _c("text_too_long", ERROR, "row",
       "Il testo è di {length} caratteri, oltre il limite di {limit}: accorciatelo (non viene tagliato).",
       "The text is {length} characters long, over the limit of {limit}: shorten it (it is never cut)."),
    _c("vocabulary_unknown", ERROR, "row",
       "«{value}» non è tra i valori ammessi per «{column_it}». {hint_it}Scegliete dall'elenco del modello.",
       "'{value}' is not an allowed value for '{column_en}'. {hint_en}Pick one from the template's list."),
    _c("country_unknown", ERROR, "row",
       "Paese «{value}» sconosciuto. {hint_it}Usate il nome italiano o inglese o il codice ISO (es. FR).",
       "Unknown country '{value}'. {hint_en}Use the Italian or English name or the ISO code (e.g. FR)."),
    _c("countries_comma", WARNING, "row",
       "In «{value}» i Paesi sono separati da virgole: letti come «{joined}». Separateli con il punto e "
       "virgola (;).",
       "In '{value}' the countries are separated by commas: read as '{joined}'. Separate them with a semicolon "
       "(;)."),
    _c("location_missing", ERROR, "row",
       "Mancano sia i Paesi sia l'Area geografica: indicate almeno i Paesi coinvolti.",
       "Both Countries and Geographic area are empty: give at least the countries involved."),
    _c("area_mismatch", WARNING, "row",
       "L'area «{given_it}» non corrisponde ai Paesi indicati (che danno «{derived_it}»): si tiene «{given_it}». "
       "Verificate, o lasciate vuota l'area.",
       "The area '{given_en}' does not match the countries given (which give '{derived_en}'): "
       "'{given_en}' is kept. Check it, or leave the area empty."),
    _c("amount_invalid", ERROR, "row",
       "«{value}» non è un importo: scrivete solo cifre, es. 12000 o 12.000,50.",
       "'{value}' is not an amount: write digits only, e.g. 12000 or 12,000.50."),
    _c("amount_negative", ERROR, "row",
       "L'importo {value} è negativo: gli importi devono essere zero o più.",
       "The amount {value} is negative: amounts must be zero or more."),
    _c("city_funding_above_budget", ERROR, "row",
       "La quota della Città ({city}) supera il budget totale ({budget}): correggete uno dei due.",
       "The City contribution ({city}) is above the total budget ({budget}): correct one of them."),
    _c("funding_above_budget", WARNING, "row",
       "Quota Città più finanziamento esterno ({total}) superano il budget totale ({budget}). Verificate gli importi.",
       "City contribution plus external funding ({total}) exceed the total budget ({budget}). Check the amounts."),
    _c("date_invalid", ERROR, "row",
       "«{value}» non è una data valida: scrivete GG/MM/AAAA (es. 15/03/2025), MM/AAAA o AAAA.",
       "'{value}' is not a valid date: write DD/MM/YYYY (e.g. 15/03/2025), MM/YYYY or YYYY."),
    _c("date_order", ERROR, "row",
       "La data di fine ({end}) è precedente alla data di inizio ({start}): correggete una delle due.",
       "The end date ({end}) is before the start date ({start}): correct one of them."),
    _c("status_mismatch", WARNING, "row",
       "Lo stato «{given_it}» non corrisponde alle date (che danno «{derived_it}» a fine {year}): si tiene "
       "«{given_it}». Verificate, o lasciate vuoto lo stato.",
       "The status '{given_en}' does not match the dates (which give '{derived_en}' at the end of {year}): "
       "'{given_en}' is kept. Check it, or leave the status empty."),
    _c("sdg_invalid", ERROR, "row",
       "«{value}» non è un Obiettivo SDG: usate numeri interi da 1 a 17 separati da ;",
       "'{value}' is not an SDG: use whole numbers from 1 to 17 separated by ;"),
    _c("integer_invalid", ERROR, "row",
       "«{value}» non è un numero intero di zero o più: scrivete solo cifre, es. 120.",
       "'{value}' is not a whole number of zero or more: write digits only, e.g. 120."),
    _c("url_invalid", ERROR, "row",
       "«{value}» non è un indirizzo web valido: deve iniziare con http:// o https://.",
       "'{value}' is not a valid web address: it must start with http:// or https://."),
    _c("ref_repeated", ERROR, "row",
       "Il codice «{value}» è già usato alla riga {other_row}: ogni attività deve avere un codice diverso.",
       "The reference '{value}' is already used on row {other_row}: each activity needs its own reference."),
    _c("activity_repeated", WARNING, "row",
       "La stessa attività (stesso titolo e data di inizio) compare anche alla riga {other_row} di «{other_file}»: "
       "se è un doppione, toglietene una.",
       "The same activity (same title and start date) also appears on row {other_row} of '{other_file}': "
       "if it is a duplicate, remove one."),
    _c("joint_activity", WARNING, "row",
       "Attività congiunta: la segnalano anche altri settori ({others}). Compare sotto ogni settore e si conta "
       "una volta sola nei totali. Verificate che i dati coincidano.",
       "Joint activity: other departments report it too ({others}). It is listed under each department and "
       "counted once in the totals. Check that the data agree."),
    _c("outside_year", INFO, "row",
       "L'attività ({start} – {end}) non riguarda il {year}: non entra nella relazione di quest'anno.",
       "The activity ({start} – {end}) does not overlap {year}: it is not part of this year's report."),
    _c("control_characters_removed", WARNING, "row",
       "La cella conteneva {count} caratteri di controllo invisibili (es. tabulazione verticale, spesso incollata "
       "da un elaboratore di testi): sono stati tolti. Verificate il testo e toglieteli anche dal file.",
       "The cell held {count} invisible control characters (e.g. a vertical tab, often pasted from a word "
       "processor): they were removed. Check the text and remove them from the file too."),
    _c("text_bytes_invalid", ERROR, "row",
       "Questa cella contiene {count} byte che non formano caratteri validi, mostrati come «\ufffd»: la riga non "
       "entra nella relazione. Correggete le lettere accentate della cella e salvate il file come CSV UTF-8.",
       "This cell holds {count} bytes that form no valid character, shown as '\ufffd': the row is left out of "
       "the report. Correct the cell's accented letters and save the file as CSV UTF-8."),
    _c("quote_unclosed", ERROR, "row",
       "Le virgolette aperte nella cella {at} non si chiudono: {lines} del file, che sembrano righe di "
       "attività, sono finite dentro questa cella e non sono state lette come attività. Chiudete le virgolette.",
       "The quote opened in cell {at} is not closed: {lines} of the file, which look like activity rows, "
       "ended up inside this cell and were not read as activities. Close the quote."),
)}


@dataclass(frozen=True)
class Finding:
    source_file: str
    sheet: str
    source_row: int | None
    column: str
    cell: str
    department: str
    severity: str
    code: str
    message_it: str
    message_en: str

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def where(self) -> str:
        """file › sheet › cell, as short as the finding allows."""
        parts = [self.source_file]
        if self.sheet:
            parts.append(self.sheet)
        if self.cell:
            parts.append(self.cell)
        elif self.source_row:
            parts.append(str(self.source_row))
        return " › ".join(parts)


def make(code: str, *, source_file: str, sheet: str = "", source_row: int | None = None, column: str = "",
         cell: str = "", department: str = "", **params) -> Finding:
    """A finding of a catalogue code, its messages filled with params."""
    entry = CATALOGUE[code]
    params = {"department": department, **params}  # a message may name the department
    return Finding(
        source_file=source_file, sheet=sheet, source_row=source_row, column=column, cell=cell,
        department=department, severity=entry.severity, code=code,
        message_it=entry.message_it.format(**localised(params, "it")),
        message_en=entry.message_en.format(**localised(params, "en")))


Text = texts.Pair  # a message parameter written in both languages


def localised(params: dict, lang: str) -> dict:
    """Message parameters in a language: Text by language, dates and euro amounts (floats) formatted by Babel,
    the rest as given."""
    from report import i18n
    from report.intake.values import CONTROL_CHARACTERS

    out = {}
    for key, value in params.items():
        if isinstance(value, Text):
            value = value.get(lang)
        elif isinstance(value, date):
            value = i18n.day(value, lang, "medium")
        elif isinstance(value, float):
            value = i18n.money(value, lang)
        elif isinstance(value, str):  # text from a file: never a control character in a message (docs/rules.md)
            value = CONTROL_CHARACTERS.sub("", value)
        out[key] = value
    return out


def short_label(code: str, lang: str) -> str:
    """The short label of a code in a language (the code itself when it has none)."""
    entry = CATALOGUE[code]
    return texts.Pair(entry.short_it, entry.short_en).get(lang) or code


SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


def sort_key(f: Finding):
    """Files in order; within a file, file-level findings first, then by row and column."""
    return (f.source_file, f.source_row or 0, SEVERITY_ORDER[f.severity], f.cell, f.code)
