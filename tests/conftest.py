"""Shared test helpers: a valid activity row, writers of small workbooks in every accepted format, the small
fixture year, the session's PDF builds, the guard against WeasyPrint warnings and the markers by cost."""
from __future__ import annotations

import csv
import json
import logging
import os
from datetime import datetime
from pathlib import Path

import pytest

from report.config import load_config
from report.schema import COLUMN_BY_KEY, COLUMNS, INFO_FIELDS, SHEET_ACTIVITIES, SHEET_INFO

YEAR = 2025

# One valid activity, as a department would type it (cells by column key, every column in template order).
VALID = {c.key: None for c in COLUMNS} | {
    "ref": "A-1", "title_it": "Foreste urbane", "title_en": "Urban forests",
    "description_it": "Piantati alberi.", "description_en": "Trees planted.", "type": "Progetto europeo",
    "theme": "Ambiente e verde", "countries": "Francia; Spagna", "partners": "Lione; Barcellona",
    "programme": "Horizon Europe", "role": "Capofila", "start_date": "01/03/2025", "end_date": "28/02/2027",
    "budget_eur": "1.250.000", "city_funding_eur": "180.000", "external_funding_eur": "1.070.000",
    "funding_source": "Unione europea", "sdgs": "11; 13", "participants": "350",
    "url": "https://www.comune.torino.it/x",
}


HOSTILE = '<img src="file:///etc/passwd">'
MOMENT = datetime(2026, 1, 15, 12, 0, 0)  # the build moment of the PDFs a test lays out itself


# Property tests (hypothesis) draw a third of their examples in `make test`; `make fuzz` (FUZZ_DEEP=1) draws them all.
DEEP = os.environ.get("FUZZ_DEEP") == "1"


def examples(deep: int) -> int:
    """How many examples a property test of `deep` examples draws in this run."""
    return deep if DEEP else max(10, deep // 3)


def row(**changes) -> dict[str, object]:
    """A valid activity with some cells changed (None empties a cell)."""
    return {**VALID, **changes}


def headers(keys, lang: str = "it") -> list[str]:
    """Headers for column keys: 'it', 'en', 'key', or 'template' (both languages)."""
    if lang == "key":
        return list(keys)
    if lang == "template":
        return [COLUMN_BY_KEY[k].header if k in COLUMN_BY_KEY else k for k in keys]
    return [COLUMN_BY_KEY[k].label(lang) if k in COLUMN_BY_KEY else k for k in keys]


def table(rows: list[dict], keys=None, lang: str = "it") -> list[list]:
    """Header row plus one list of cells per activity (a None row is a blank row)."""
    keys = list(keys or VALID)
    return [headers(keys, lang), *([None] * len(keys) if r is None else [r.get(k) for k in keys] for r in rows)]


def info_rows(department: str | None = None, year: int = YEAR) -> list[list]:
    """The Info sheet of the template, labels in column A and values in column B."""
    values = {"year": year, "department": department, "contact": "Mario Rossi", "email": "m.rossi@example.org"}
    return [[f.label, values.get(f.key)] for f in INFO_FIELDS]


def write(path: Path, cells: list[list], *, sheet: str = SHEET_ACTIVITIES.name, info: list[list] | None = None,
          skip: int = 0, encoding: str = "utf-8", delimiter: str = ";") -> Path:
    """Write rows of cells as a workbook whose format follows the suffix (.xlsx, .xlsm, .ods, .csv);
    `skip` blank rows come before them, `info` becomes the Info sheet (workbooks only)."""
    path = Path(path)
    cells = [[None]] * skip + cells
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerows([["" if c is None else c for c in r] for r in cells])
    elif suffix == ".ods":
        import pandas as pd

        with pd.ExcelWriter(path, engine="odf") as writer:
            if info is not None:
                pd.DataFrame(info).to_excel(writer, sheet_name=SHEET_INFO.name, header=False, index=False)
            pd.DataFrame(cells).to_excel(writer, sheet_name=sheet, header=False, index=False)
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.title = sheet
        for r in cells:
            book.active.append(r)
        if info is not None:
            info_sheet = book.create_sheet(SHEET_INFO.name, 0)
            for r in info:
                info_sheet.append(r)
        book.save(path)
    return path


def write_activities(path: Path, rows: list[dict], department: str | None = None, **kw) -> Path:
    """A workbook of activities with Italian headers; with an Info sheet naming `department` when given."""
    info = info_rows(department) if department and Path(path).suffix.lower() != ".csv" else None
    return write(path, table(rows, kw.pop("keys", None), kw.pop("lang", "it")), info=info, **kw)


def fixture_year(root: Path, year: int = YEAR) -> Path:
    """A small year: two departments, a joint activity, a hostile title, a long text, one missing translation."""
    folder = root / str(year)
    folder.mkdir(parents=True)
    long_it = ("La Città ha lavorato con i partner europei per piantare alberi nei quartieri. " * 30)[:2500]
    long_en = ("The City worked with European partners to plant trees in the neighbourhoods. " * 30)[:2500]
    write(folder / "REL_INT.csv", table([
        row(notes="NOTA-INTERNA-SEGRETA"),
        row(ref="A-2", title_it=f"Gemellaggio {HOSTILE}", title_en="Twinning with Lyon", type="twinning",
            countries="FR", description_it=long_it, description_en=long_en,
            url="https://www.comune.torino.it/" + "percorso-molto-lungo/" * 10),
    ]))
    write(folder / "AMBIENTE.csv", table([
        row(),
        row(ref="B-2", title_it="Missione a Nairobi", title_en=None, description_en=None, type="mission",
            countries="Kenya", budget_eur=None, city_funding_eur=None, external_funding_eur=None,
            funding_source=None),
    ]))
    return folder


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden HTML pages in tests/golden/ from the current templates (make golden)")
    parser.addoption("--record-costs", action="store_true",
                     help="write what each test costs to tests/costs.json, from which the tiers come (make costs)")


# ---- tests by cost ----------------------------------------------------------------------------------------------
# `make test` runs every test; `make quick` leaves out the costly tiers (markers registered in pyproject.toml).
# A test module belongs to a tier here when all its tests do; single tests carry their own marker.
TIERS = {
    "pdf": {"test_pdf", "test_pdfa", "test_pdf_publication", "test_pdf_fonts",
            "test_pdf_streams", "test_pdf_language", "test_pdf_missing"},
    "libreoffice": {"test_libreoffice"},
    "browser": {"test_html_validators", "test_portal_browser", "test_portal_desk_browser"},
    "slow": {"test_fuzz", "test_portal_builds"},
}
# Measured cost (tests/costs.py): `make costs` runs the whole suite as `make test` does and writes tests/costs.json,
# the CPU seconds of every test (setup, call and teardown, less the shared fixtures it set up first; the processes
# it starts included) and of every module or session fixture it asks for. A test that costs QUICK_BUDGET or more, or
# asks for a shared fixture that does, is `slow` too.
COSTS = Path(__file__).with_name("costs.json")
QUICK_BUDGET = 0.25
# Under `make test` (pytest-xdist, --dist loadgroup) each worker sets up the module fixtures of the tests it runs: the
# tests of a module fixture of a costly tier, or costing GROUP_AT seconds or more, go to one worker together.
GROUP_AT = 1.0
RECORDED = 0.1   # costs below this are left out of the file


def _costs() -> dict[str, dict[str, float]]:
    try:
        return json.loads(COSTS.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"tests": {}, "fixtures": {}}


def _shared_fixtures(item, scope: str | None = None) -> set[str]:
    """The module- and session-scoped fixtures a test asks for (or those of one scope), as "where::name" (not the
    autouse ones, which every test has)."""
    info = getattr(item, "_fixtureinfo", None)
    autouse = set(info.initialnames) - set(info.argnames) if info else set()
    return {f"{d.baseid}::{name}" for name, defs in (info.name2fixturedefs.items() if info else ())
            for d in defs if d.scope != "function" and name not in autouse and scope in (None, d.scope)}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group markers (make test: --dist loadgroup)
def pytest_collection_modifyitems(items):
    costs = _costs()
    costly = {name for name, seconds in costs["fixtures"].items() if seconds >= QUICK_BUDGET}
    for item in items:
        module = item.module.__name__.rpartition(".")[2] if item.module else ""
        for marker, modules in TIERS.items():
            if module in modules:
                item.add_marker(marker)
        if costs["tests"].get(item.nodeid, 0) >= QUICK_BUDGET or _shared_fixtures(item) & costly:
            item.add_marker("slow")
        fixtures = set(getattr(item, "fixturenames", ()))
        if {"built", "publication"} & fixtures:
            item.add_marker("pdf")
        if "built" in fixtures and "publication" not in fixtures:
            item.add_marker(pytest.mark.xdist_group("built"))   # one worker lays the fixture year's PDFs out
        elif not any(item.iter_markers("xdist_group")):
            tiered = any(module in modules for modules in TIERS.values())
            heavy = sorted(f for f in _shared_fixtures(item, "module")
                           if tiered or costs["fixtures"].get(f, 0) >= GROUP_AT)
            if heavy:   # one worker sets the module's costly fixture up for all the tests that ask for it
                item.add_marker(pytest.mark.xdist_group(heavy[0]))


def pytest_configure(config):
    if config.getoption("record_costs"):
        import costs

        config.pluginmanager.register(costs.Clock(), "cost-clock")
        if not hasattr(config, "workerinput"):   # the controlling process, or the only one
            config.pluginmanager.register(costs.Recorder(COSTS, RECORDED), "cost-recorder")


# ---- WeasyPrint must stay silent ---------------------------------------------------------------------------------
# WeasyPrint's own guard (assert_no_logs in its tests/testing_utils.py): a warning means a lost font, a bad CSS rule
# or an unreachable image, so any test in which WeasyPrint logs a warning fails, session builds included.

class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="session", autouse=True)
def _weasyprint_records():
    handler = _Records()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


@pytest.fixture
def weasyprint_logs(_weasyprint_records):
    """WeasyPrint's warnings and errors in this test, for a test that expects some and checks them itself."""
    return _weasyprint_records


@pytest.fixture(autouse=True)
def _no_weasyprint_warnings(request, _weasyprint_records):
    """Fails the test if WeasyPrint logged a warning or an error since the previous test (the session fixtures the
    test set up included), unless the test asked for `weasyprint_logs`."""
    yield
    records = list(_weasyprint_records)
    _weasyprint_records.clear()
    if records and "weasyprint_logs" not in request.fixturenames:
        pytest.fail("WeasyPrint logged: " + "; ".join(f"{r.levelname} {r.getMessage()}" for r in records),
                    pytrace=False)


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture
def load(config):
    """load_year on a folder for the test year."""
    from report.intake.year import load_year

    return lambda folder, year=YEAR: load_year(Path(folder), year, config)


@pytest.fixture(scope="session")
def publication(tmp_path_factory):
    """The three PDF editions (and the HTML) of the sample year and of a generated year of twelve departments (long
    names, missing budgets), built once per session by the real command line: {"sample": {...}, "generated": {...}}."""
    from pdf_builds import GENERATED_YEAR, YEAR as SAMPLE_YEAR, ROOT, build, session_year

    root = tmp_path_factory.mktemp("publication")
    inputs = session_year(root / "inputs")
    assert len(list(inputs.glob("*.csv"))) == 12
    return {"sample": build(ROOT / "inputs" / str(SAMPLE_YEAR), root / "sample", SAMPLE_YEAR),
            "generated": build(inputs, root / "generated", GENERATED_YEAR)}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The fixture year's editions as `build` makes them (publication.editions.build_report with its two worker
    processes, a data file to attach beside them), laid out once per session; and the English edition made again,
    in this process, for reproducibility: {"data", "root" (the outputs), "attached" (the data file's path),
    "written" (the files build_report says it wrote), "timings" (its stages'), "pdf": {"both", "it", "en", "again":
    bytes}}."""
    from report import filenames
    from report.intake.year import load_year
    from report.publication.editions import build_report

    root = tmp_path_factory.mktemp("pdf")
    data = load_year(fixture_year(root / "inputs"), YEAR, load_config())
    outputs, again = root / "outputs", root / "again"
    attached = outputs / filenames.activities(YEAR)
    for folder in (outputs, again):
        folder.mkdir()
        (folder / attached.name).write_bytes(b"department;title_it\nREL_INT;Foreste urbane\n")
    written = build_report(data, outputs, "both", workers=2)
    timings = dict(data.timings)
    build_report(data, again, "en", workers=1)
    pdf = {edition: (outputs / filenames.edition(edition, YEAR)).read_bytes() for edition in ("both", "it", "en")}
    pdf["again"] = (again / filenames.edition("en", YEAR)).read_bytes()
    return {"data": data, "root": outputs, "attached": attached, "written": written, "timings": timings, "pdf": pdf}
