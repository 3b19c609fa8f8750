"""The one text catalogue (report/texts.py): both languages, the same placeholders, every key used."""
from __future__ import annotations

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
