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
}


def error(key: str) -> tuple[str, str]:
    return ERRORS[key]
