"""The portal's gettext catalogues: the Italian texts of templates and code are the message ids, English is
portal/locale/en/LC_MESSAGES/django.po. `compile_catalogues` writes the .mo with Babel (no Debian gettext needed);
`message_ids` lists the ids in use (a test proves each is translated)."""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent
LOCALE = ROOT / "locale"
TRANSLATE = re.compile(r'{%\s*translate\s+"([^"]+)"|{%\s*translate\s+\'([^\']+)\'')
BLOCK = re.compile(r"{%\s*blocktranslate[^%]*%}(.*?){%\s*endblocktranslate\s*%}", re.S)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")
PYTHON = re.compile(r'\b_\("([^"]+)"\)')


def message_ids() -> set[str]:
    """Every message id of the portal's templates and Python modules."""
    found: set[str] = set()
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found.update(a or b for a, b in TRANSLATE.findall(text))
        found.update(VARIABLE.sub(r"%(\1)s", block) for block in BLOCK.findall(text))
    for path in ROOT.glob("*.py"):
        found.update(PYTHON.findall(path.read_text(encoding="utf-8")))
    return found


def catalogue(lang: str = "en"):
    with (LOCALE / lang / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def compile_catalogues() -> list[Path]:
    """Each django.po compiled to its django.mo beside it (written only when the bytes change)."""
    written = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        mo = po.with_suffix(".mo")
        with po.open("rb") as handle:
            cat = read_po(handle, locale=po.parts[-3])
        from io import BytesIO

        buffer = BytesIO()
        write_mo(buffer, cat, use_fuzzy=False)
        if not mo.exists() or mo.read_bytes() != buffer.getvalue():
            mo.write_bytes(buffer.getvalue())
        written.append(mo)
    return written
