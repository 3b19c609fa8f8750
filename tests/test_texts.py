"""The one text catalogue (report/texts.py): both languages, the same placeholders, every key used."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from report.texts import CATALOGUE, Pair

ROOT = Path(__file__).resolve().parents[1]
# Every module of the package (sub-packages included), the portal and the page templates.
SOURCES = [p for p in (*ROOT.glob("report/**/*.py"), *ROOT.glob("portal/**/*.py"), *ROOT.glob("templates/**/*.html"))
           if p != ROOT / "report" / "texts.py"]


BUILDERS = {"severity": ("severity.", "severity_many.")}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    value = CATALOGUE[key]
    assert isinstance(value, Pair)
    assert value.it.strip() and value.en.strip(), key
    assert _fields(value.it) == _fields(value.en), key


def test_keys_are_namespaced():
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key) for key in CATALOGUE), \
        [key for key in CATALOGUE if not re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key)]


def _uses() -> tuple[set[str], set[str]]:
    """The keys named in the sources, and the prefixes of keys built there (f"severity.{name}")."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    names = set(re.findall(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""", code))
    prefixes = set(re.findall(r"""f["']([a-z_]+\.(?:[a-z0-9_]+\.)*[a-z0-9_]*)\{""", code))
    # A family read whole: key.startswith("cli.argparse.")
    prefixes |= set(re.findall(r"""startswith\(["']([a-z_]+\.(?:[a-z0-9_]+\.)+)["']\)""", code))
    # The report's own texts go by their bare name: t('key') and s.key in the templates, text("key") and
    # _ui("key") / _ui(f"key_{...}") / _fact("key", ...) in the page builder.
    bare = re.findall(r"""(?:\bt\(|\btext\(|_ui\(|_fact\(|\bs\.|STRINGS\[)\s*["']?([a-z_]+)\b""", code)
    bare += re.findall(r"""\(["']([a-z_]+)["'], ["'][a-z_]+_eur["']\)""", code)  # ("share_city", "city_funding_eur")
    names |= {f"report.{name}" for name in bare}
    prefixes |= {f"report.{prefix}" for prefix in re.findall(r"""_ui\(f["']([a-z_]+)\{""", code)}
    # Families read through a helper of report/texts.py: used when the helper is called.
    prefixes |= {prefix for helper, family in BUILDERS.items() if re.search(rf"\b{helper}\(", code) for prefix in family}
    return names, prefixes


def test_every_key_is_used():
    names, prefixes = _uses()
    unused = [key for key in CATALOGUE if key not in names and not key.startswith(tuple(prefixes))]
    assert not unused


def test_the_scan_sees_keys_in_sub_packages_and_templates():
    names, prefixes = _uses()
    assert "council.activities" in names          # report/workbooks/council.py
    assert "report.annex_sources_note" in names   # templates/annexes.html
    assert "severity." in prefixes                # severity(name) in report/cli/console.py


def test_pair():
    pair = Pair("Attività {n}", "Activities {n}")
    assert pair.get("it") == "Attività {n}" and pair.get("en") == "Activities {n}"
    assert pair.fill(n=2).both() == "Attività 2 / Activities 2"
    assert Pair("Info", "Info").both() == "Info"


def test_the_short_labels_name_finding_codes_and_every_rejecting_code_has_one():
    from report.findings import CATALOGUE as CODES, ERROR, short_label

    reasons = {key.removeprefix("reason.") for key in CATALOGUE if key.startswith("reason.")}
    assert reasons <= set(CODES)
    assert {c.code for c in CODES.values() if c.severity == ERROR} <= reasons
    assert short_label("file_encrypted", "en") == CATALOGUE["reason.file_encrypted"].en


# ---- The guard: no user-facing text outside the catalogue -----------------------------------------------------
# A string literal of the code that reads as prose (two words with a space, MIN_LENGTH characters or more) is a
# text someone reads: it belongs in report/texts.py. What is skipped is skipped by kind, below, and the few
# literals left are listed one by one in ALLOWED with the reason.
WORD = r"[^\W\d_]{2,}"
PROSE = re.compile(rf"{WORD} +{WORD}")
MIN_LENGTH = 10
KEY = re.compile(r"[a-z_]+(\.[a-z0-9_]+)+\.?")               # a catalogue key, or a family's prefix
MARKUP = re.compile(r"<[A-Za-z/?!]|/\*|@media|@font-face")   # XML, HTML, CSS written by the code
GUARDED = [p for p in (*ROOT.glob("report/**/*.py"), *ROOT.glob("portal/**/*.py"))
           if "migrations" not in p.relative_to(ROOT).parts]  # Django writes the migrations
# Modules that are catalogues of their own: every text there is a field of a keyed, bilingual entry.
CATALOGUES = {
    "report/texts.py": "the catalogue",
    "report/schema.py": "the sheets, columns and vocabularies: headers, helps, rules and labels in both languages",
    "report/findings.py": "the finding codes, each with message_it and message_en (tests/test_findings.py)",
    "report/countries.py": "country names by ISO code where CLDR's differ from ours (data)",
}
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}  # portal HTML
LOGGING = {"debug", "info", "warning", "error", "exception", "critical"}  # log lines are for developers
# Exceptions a developer reads (a bug, a broken installation), or that are caught and never shown.
DEVELOPER_ERRORS = {"ValueError", "TypeError", "KeyError", "AttributeError", "RuntimeError", "AssertionError",
                    "NotImplementedError", "FileNotFoundError",
                    "Unsupported",        # report/workbooks/xlsx: the in-place editor gives up, openpyxl writes
                    "ForbiddenResource"}  # report/publication/pdf.py: WeasyPrint's fetcher refuses a resource
CODE_TEXT = {"compile", "match", "fullmatch", "search", "sub",  # regular expressions
             "OpenApiResponse", "extend_schema"}                 # the API schema, read by programmers
ALLOWED = {
    ("report/publication/fonts.py", "Titillium Web"): "a font's name",
    ("report/publication/fonts.py", "building the font cache"): "matplotlib's own log line, filtered out",
    ("report/api.py", "earlier years"): "a stage's key, passed to the progress callback",
    ("report/api.py", "data files"): "a stage's key, passed to the progress callback",
    ("portal/builds.py", "earlier years"): "the library's stage keys (report/api.py)",
    ("portal/builds.py", "data files"): "the library's stage keys (report/api.py)",
    ("portal/settings.py", "PRAGMA journal_mode=WAL;"): "SQL",
    ("portal/cli.py", "generate.py portal"): "the program's name",
    ("portal/settings.py", "Submissions of the department workbooks: upload, findings, feedback "
                           "(docs/portal-api.md)."): "the API schema's description, read by programmers",
}


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _skipped(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are not user-facing text by their place in the code."""
    skip: set[int] = set()

    def below(node):
        skip.update(id(sub) for sub in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # docstrings
            skip.add(id(node.value))
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name in GETTEXT or name in CODE_TEXT:
                below(node)
            elif name in LOGGING and isinstance(node.func, ast.Attribute) and node.args:
                below(node.args[0])
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                and _call_name(node.exc) in DEVELOPER_ERRORS:
            below(node.exc)
    return skip


def prose_literals(source: str) -> list[tuple[int, str]]:
    """The string literals of a module's source that read as user-facing text: (line, text)."""
    tree = ast.parse(source)
    skip = _skipped(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and len(node.value) >= MIN_LENGTH and PROSE.search(node.value) and not KEY.fullmatch(node.value)
            and not MARKUP.search(node.value)]


def test_no_user_facing_text_outside_the_catalogue():
    found = []
    for path in GUARDED:
        module = path.relative_to(ROOT).as_posix()
        if module in CATALOGUES:
            continue
        found += [f"{module}:{line}: {text!r}" for line, text in prose_literals(path.read_text(encoding="utf-8"))
                  if (module, text) not in ALLOWED]
    assert not found, "texts to move into report/texts.py (or, when no one reads them, to ALLOWED):\n" + \
        "\n".join(found)


def test_every_allowance_is_still_needed():
    sources = {m: (ROOT / m).read_text(encoding="utf-8") for m in {*CATALOGUES, *(m for m, _ in ALLOWED)}}
    assert all((ROOT / m).is_file() for m in CATALOGUES)
    stale = [(m, t) for m, t in ALLOWED if t not in {text for _, text in prose_literals(sources[m])}]
    assert not stale


def test_the_guard_sees_prose_and_skips_code():
    source = '''
"""A docstring is not a text."""
import logging
log = logging.getLogger(__name__)
MESSAGE = "Il file non si è potuto leggere"
def f(x):
    log.warning("reading %s failed badly", x)
    if x:
        raise ValueError(f"no parser for the kind {x!r}")
    raise UsageError(f"cartella assente / folder not found: {x}")
KEY = "report.annex_sources_note"
XML = '<sheetView workbookViewId="0">'
'''
    assert [text for _, text in prose_literals(source)] == ["Il file non si è potuto leggere",
                                                            "cartella assente / folder not found: "]
    assert len(GUARDED) > 60 and ROOT / "portal" / "views.py" in GUARDED and \
        ROOT / "report" / "workbooks" / "xlsx" / "package.py" in GUARDED  # every module, sub-packages too
