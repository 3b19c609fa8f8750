"""The portal's bilingual error texts, given in both languages at once (the API's error_it and error_en)."""
from __future__ import annotations

from report.api import MAX_BYTES, SUFFIXES

LIMIT_MB = MAX_BYTES // (1024 * 1024)
ERRORS: dict[str, tuple[str, str]] = {
    "unauthenticated": ("Accesso richiesto: inviate un token valido (Authorization: Token …) o accedete al portale.",
                        "Login required: send a valid token (Authorization: Token …) or log in to the portal."),
    "not_found": ("Non trovato.", "Not found."),
    "forbidden": ("Il vostro ruolo non consente questa azione.", "Your role does not allow this action."),
    "too_large": (f"Il file supera il limite di {LIMIT_MB} MB e non è stato salvato. Togliete immagini e fogli non "
                  "necessari e inviatelo di nuovo.",
                  f"The file is over the {LIMIT_MB} MB limit and was not stored. Remove pictures and unneeded "
                  "sheets and send it again."),
    "unsupported": ("Tipo di file non accettato: inviate un file {types}.".format(types=", ".join(SUFFIXES)),
                    "File type not accepted: send a {types} file.".format(types=", ".join(SUFFIXES))),
    "no_file": ("Nessun file ricevuto: scegliete il file da inviare (campo «file»).",
                "No file received: choose the file to send (field 'file')."),
    "department_required": ("Indicate il settore (campo «department») per cui inviate il file.",
                            "Give the department (field 'department') the file is sent for."),
    "closed": ("Gli invii per questo anno sono chiusi.", "Uploads for this year are closed."),
    "invalid": ("Richiesta non valida.", "Invalid request."),
    "build_running": ("Una composizione della relazione di questo anno è già in corso: attendete che finisca.",
                      "A build of this year's report is already running: wait for it to finish."),
}


def error(key: str) -> tuple[str, str]:
    return ERRORS[key]

# The e-mails, each in both languages (Italian first, then English, in the same message); {placeholders} are
# filled by portal.mail. A department's status is named by STATUS in each language.
STATUS: dict[str, tuple[str, str]] = {
    "none": ("nessun invio", "none yet"), "pending": ("in controllo", "being checked"),
    "unchecked": ("non controllato", "not checked"), "rejected": ("respinto", "rejected"),
    "errors": ("con errori", "errors"), "warnings": ("con avvisi", "warnings"), "clean": ("corretto", "clean"),
}
MAIL: dict[str, dict[str, tuple[str, str]]] = {
    "reminder": {
        "subject": ("Relazione {year}: manca un invio corretto del settore {department}",
                    "Report {year}: department {department} has no clean submission yet"),
        "body": ("Gentili colleghi del settore {name},\n\nper la relazione {year} il vostro invio attuale è: "
                 "{status_it}.{deadline_it}\nInviate il file corretto dalla vostra pagina: {link}\n",
                 "Dear colleagues of {name_en},\n\nfor the {year} report your current submission is: "
                 "{status_en}.{deadline_en}\nSend the corrected file from your page: {link}\n"),
        "deadline": (" La scadenza è il {deadline}.", " The deadline is {deadline}."),
    },
    "receipt": {
        "subject": ("Relazione {year}: ricevuto il file {file} del settore {department} ({status_it})",
                    "Report {year}: file {file} of department {department} received ({status_en})"),
        "body": ("Il file «{file}» (SHA-256 {sha256}) è stato ricevuto il {at} per il settore {name}.\n"
                 "Esito: {status_it}. Righe lette {read}, accettate {accepted}, scartate {rejected}, fuori anno "
                 "{outside}.\nDettagli: {link}\n",
                 "The file '{file}' (SHA-256 {sha256}) was received on {at} for {name_en}.\n"
                 "Result: {status_en}. Rows read {read}, accepted {accepted}, rejected {rejected}, outside the "
                 "year {outside}.\nDetails: {link}\n"),
    },
}
SEPARATOR = "\n---- English ----\n\n"


def mail(kind: str, **values) -> tuple[str, str]:
    """The subject and body of one e-mail, both in Italian then English."""
    text = MAIL[kind]
    subject = " / ".join(part.format(**values) for part in text["subject"])
    it, en = (part.format(**values) for part in text["body"])
    return subject, it + SEPARATOR + en
