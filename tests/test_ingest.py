"""Reading department files end to end: every format, and the deviations real people make (contract section 1)."""
from __future__ import annotations

import pytest

from conftest import VALID, YEAR, headers, info_rows, row, table, write, write_activities
from report.intake import ingest
from report.intake.ingest import column_letter, department_from_name, discover, read_submission, read_year, sniff_delimiter
from report.intake.year import load_year

FORMATS = [  # (file name, writer options)
    ("AMBIENTE.xlsx", {}), ("AMBIENTE.xlsm", {}), ("AMBIENTE.ods", {}),
    ("AMBIENTE.csv", {"encoding": "utf-8", "delimiter": ";"}), ("AMBIENTE.csv", {"encoding": "utf-8", "delimiter": ","}),
    ("AMBIENTE.csv", {"encoding": "cp1252", "delimiter": ";"}), ("AMBIENTE.csv", {"encoding": "cp1252", "delimiter": ","}),
    ("AMBIENTE.csv", {"encoding": "utf-8-sig", "delimiter": ";"}),
]
def only(data, code=None):
    found = [f for f in data.findings if code is None or f.code == code]
    return found


@pytest.mark.parametrize("name, options", FORMATS, ids=[f"{n}-{o}" for n, o in FORMATS])
def test_every_format_reads_the_same_activity(tmp_path, load, name, options):
    cells = row(title_it="Attività «Città» — €", description_it="Più “virgolette”, a capo\nqui",
                budget_eur="€ 1.250.000", countries="Francia; Perù")
    write_activities(tmp_path / name, [cells, row(ref="A-2", title_it="Seconda", title_en="Second")], **options)
    data = load(tmp_path)
    assert [(a.outcome, a.source_row) for a in data.activities] == [("accepted", 2), ("accepted", 3)]
    first = data.activities[0].values
    assert first["title_it"] == "Attività «Città» — €"
    assert first["description_it"] == "Più “virgolette”, a capo\nqui"
    assert first["budget_eur"] == 1_250_000 and first["countries"] == ("FR", "PE")
    assert first["start_date"].isoformat() == "2025-03-01" and first["type"] == "eu_project"
    assert data.activities[0].department == "AMBIENTE"
    assert not [f for f in data.findings if f.severity != "info"], data.findings


def test_csv_delimiter_is_sniffed():
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter("a,b,c\n1,\"2;5\",3\n") == ","


@pytest.mark.parametrize("skip", range(10))
def test_header_may_sit_on_any_of_the_first_ten_rows(tmp_path, load, skip):
    write_activities(tmp_path / "SPORT.xlsx", [row()], skip=skip)
    data = load(tmp_path)
    assert data.submissions[0].header_row == skip + 1
    assert [(a.outcome, a.source_row) for a in data.activities] == [("accepted", skip + 2)]


def test_header_below_row_ten_is_not_found(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row()], skip=10)
    data = load(tmp_path)
    assert [f.code for f in data.findings] == ["file_no_header"]
    assert data.ledger.lines[0].file_rejected and data.ledger.lines[0].read == 0


def test_header_with_title_rows_above_it(tmp_path, load):
    cells = [["Comune di Torino - attività internazionali 2025"], ["Settore Sport", None, "compilato da M. Rossi"],
             *table([row()])]
    write(tmp_path / "SPORT.xlsx", cells)
    data = load(tmp_path)
    assert data.submissions[0].header_row == 3 and data.activities[0].outcome == "accepted"


@pytest.mark.parametrize("name", ["SPORT.xlsx", "SPORT.csv", "SPORT.ods"])
def test_columns_in_another_order(tmp_path, load, name):
    keys = list(reversed(VALID))
    write_activities(tmp_path / name, [row(budget_eur="oops")], keys=keys)
    data = load(tmp_path)
    (finding,) = only(data, "amount_invalid")
    assert finding.cell == f"{column_letter(keys.index('budget_eur'))}2" and finding.column == "budget_eur"
    assert data.activities[0].values["title_en"] == "Urban forests"


def test_extra_columns_are_reported_once_as_info(tmp_path, load):
    keys = [*VALID, "Responsabile", "Colonna vuota"]
    write(tmp_path / "SPORT.xlsx", table([row(Responsabile="Rossi"), row(ref="A-2", Responsabile="Bianchi")], keys))
    data = load(tmp_path)
    unknown = only(data, "column_unknown")
    assert [(f.cell, f.severity, f.source_row) for f in unknown] == [
        (f"{column_letter(len(VALID))}1", "info", None), (f"{column_letter(len(VALID) + 1)}1", "info", None)]
    assert "«Responsabile»" in unknown[0].message_it and "'Responsabile'" in unknown[0].message_en
    assert [a.outcome for a in data.activities] == ["accepted", "accepted"]


@pytest.mark.parametrize("lang", ["it", "en", "key", "template"])
def test_headers_in_italian_english_key_or_template(tmp_path, load, lang):
    write_activities(tmp_path / "SPORT.xlsx", [row()], lang=lang)
    data = load(tmp_path)
    assert set(data.submissions[0].columns) == set(VALID)
    assert data.activities[0].outcome == "accepted"


def test_headers_with_odd_case_accents_spacing_and_punctuation(tmp_path, load):
    odd = {"title_it": "  TITOLO  (it) ", "title_en": "title-EN", "type": "TIPOLOGIA:", "countries": "paési",
           "start_date": "Data_Inizio", "end_date": "END   DATE", "budget_eur": "Budget totale EUR",
           "city_funding_eur": "quota citta (eur)", "description_it": "Descrizione", "sdgs": "Obiettivi  S.D.G.",
           "url": "LINK"}
    keys = list(odd)
    cells = [[odd[k] for k in keys], [row()[k] for k in keys]]
    write(tmp_path / "SPORT.csv", cells)
    data = load(tmp_path)
    assert set(data.submissions[0].columns) == set(keys)
    assert data.activities[0].values["budget_eur"] == 1_250_000
    assert data.activities[0].outcome == "accepted"


def test_blank_rows_in_between_are_skipped_and_rows_keep_their_number(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [None, row(), None, None, row(ref="A-2", title_it="Altro"), None])
    data = load(tmp_path)
    assert [a.source_row for a in data.activities] == [3, 6]
    assert data.ledger.total.read == 2


def test_white_space_only_rows_are_blank(tmp_path, load):
    write(tmp_path / "SPORT.csv", table([row(), {k: " " for k in VALID}]))
    assert load(tmp_path).ledger.total.read == 1


@pytest.mark.parametrize("name", ["SPORT.xlsx", "SPORT.ods"])
def test_another_sheet_name_is_used_when_its_header_matches(tmp_path, load, name):
    write_activities(tmp_path / name, [row(budget_eur="x")], sheet="Foglio1")
    data = load(tmp_path)
    assert data.submissions[0].sheet == "Foglio1"
    assert only(data, "amount_invalid")[0].sheet == "Foglio1"


def test_the_first_sheet_whose_header_matches_is_used(tmp_path, load):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Note"
    book.active.append(["Qui non ci sono attività"])
    data_sheet = book.create_sheet("Dati 2025")
    for cells in table([row()]):
        data_sheet.append(cells)
    book.save(tmp_path / "SPORT.xlsx")
    data = load(tmp_path)
    assert data.submissions[0].sheet == "Dati 2025" and data.activities[0].outcome == "accepted"


# ---- department ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [
    ("SPORT.xlsx", "SPORT"), ("sport.xlsx", "SPORT"), ("Sport_2025.xlsx", "SPORT"), ("SPORT-finale.csv", "SPORT"),
    ("REL_INT_v2.ods", "REL_INT"), ("rel_int.csv", "REL_INT"), ("URBAN_CENTER.xlsx", "URBAN_CENTER"),
    ("SPORTIVI.xlsx", ""), ("attivita.xlsx", ""), ("X_SPORT.xlsx", ""),
])
def test_department_from_the_file_name(config, name, code):
    assert department_from_name(name, config) == code


def test_info_sheet_gives_the_department(tmp_path, load):
    write_activities(tmp_path / "attivita_2025.xlsx", [row()], department="CULTURA")
    data = load(tmp_path)
    assert data.activities[0].department == "CULTURA" and data.ledger.lines[0].department == "CULTURA"
    assert not only(data, "department_unknown")


def test_info_sheet_wins_over_the_file_name_with_a_warning(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row()], department="cultura")
    data = load(tmp_path)
    (f,) = only(data, "department_mismatch")
    assert data.activities[0].department == "CULTURA" and f.severity == "warning" and "SPORT" in f.message_en


def test_info_sheet_year_that_differs_is_a_warning(tmp_path, load):
    write(tmp_path / "SPORT.xlsx", table([row()]), info=info_rows("SPORT", year=2024))
    (f,) = only(load(tmp_path), "info_year_mismatch")
    assert "2024" in f.message_it and "2025" in f.message_en


def test_department_column_row_by_row(tmp_path, load):
    keys = [*VALID, "department"]
    write(tmp_path / "attivita.csv", table([row(department="SPORT"), row(ref="A-2", title_it="B", title_en="B",
                                                                          department="cultura")], keys))
    data = load(tmp_path)
    assert [a.department for a in data.activities] == ["SPORT", "CULTURA"]
    assert not only(data, "department_unknown")


def test_unknown_department_is_an_error(tmp_path, load):
    write_activities(tmp_path / "attivita.xlsx", [row()])
    data = load(tmp_path)
    assert {f.code for f in data.findings if f.severity == "error"} == {"department_unknown"}
    assert [a.outcome for a in data.activities] == ["rejected"]
    assert data.ledger.lines[0].rejected == 1


def test_two_files_of_one_department_are_both_read_with_a_warning(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row()])
    write_activities(tmp_path / "SPORT_vecchio.csv", [row(ref="B-1", title_it="Vecchio", title_en="Old")])
    data = load(tmp_path)
    (f,) = only(data, "department_repeated")
    assert f.source_file == "SPORT_vecchio.csv" and "SPORT.xlsx" in f.message_en and "SPORT" in f.message_it
    assert data.ledger.total.accepted == 2


# ---- which files ---------------------------------------------------------------------------------

def test_lock_hidden_and_readme_files_are_ignored(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row()])
    for name in ("~$SPORT.xlsx", ".~lock.SPORT.ods#", ".nascosto.xlsx", "README.md", "readme.txt"):
        (tmp_path / name).write_bytes(b"garbage")
    (tmp_path / "sub").mkdir()
    write_activities(tmp_path / "sub" / "CULTURA.xlsx", [row()])
    assert [p.name for p in discover(tmp_path)] == ["SPORT.xlsx"]
    data = load(tmp_path)
    assert [line.source_file for line in data.ledger.lines] == ["SPORT.xlsx"] and not data.findings


def test_other_file_types_are_rejected_whole(tmp_path, load):
    (tmp_path / "SPORT.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "CULTURA").write_bytes(b"x")
    data = load(tmp_path)
    assert [(f.source_file, f.code, f.severity) for f in data.findings] == [
        ("CULTURA", "file_unsupported_type", "error"), ("SPORT.pdf", "file_unsupported_type", "error")]
    assert "«.pdf»" in data.findings[1].message_it
    assert data.ledger.files_rejected == 2


def test_a_header_only_file_is_empty(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [])
    data = load(tmp_path)
    assert [(f.code, f.severity) for f in data.findings] == [("file_empty", "info")]
    assert data.ledger.lines[0].read == 0 and not data.ledger.lines[0].file_rejected


def test_repeated_and_missing_columns(tmp_path, load):
    keys = [k for k in VALID if k != "type"] + ["title_it"]
    write(tmp_path / "SPORT.xlsx", table([row()], keys))
    data = load(tmp_path)
    (repeated,) = only(data, "column_repeated")
    assert repeated.cell == f"{column_letter(len(keys) - 1)}1" and "B1" in repeated.message_en
    (missing,) = only(data, "column_missing")
    assert missing.column == "type" and missing.severity == "error" and "Tipologia" in missing.message_it
    assert [f.code for f in data.activities[0].findings] == ["required_missing"]
    assert data.activities[0].outcome == "rejected"


def test_read_submission_never_raises_on_a_missing_file(tmp_path, config):
    sub = read_submission(tmp_path / "SPORT.xlsx", config, YEAR)
    assert sub.rejected and [f.code for f in sub.findings] == ["file_unreadable"]


def test_headers_helper_languages():
    assert headers(["title_it"], "en") == ["Title (IT)"] and headers(["x"], "it") == ["x"]


def test_csv_rows_of_any_length_are_all_read(tmp_path, load):
    cells = [["Comune di Torino"], ["Settore Sport", None, "x"], *table([row(), row(ref="A-2", title_it="Due")])]
    cells.append([*(row(ref="A-3", title_it="Tre")[k] for k in VALID), "extra", "more"])
    cells.append(["A-4", "Quattro"])  # a short row: the missing cells are empty
    write(tmp_path / "SPORT.csv", cells)
    data = load(tmp_path)
    assert [(a.source_row, a.outcome) for a in data.activities] == [
        (4, "accepted"), (5, "accepted"), (6, "accepted"), (7, "rejected")]


def test_csv_rows_are_records_as_a_spreadsheet_shows_them(tmp_path, load):
    path = tmp_path / "SPORT.csv"
    write(path, table([row(description_it="riga uno\nriga due"), None, row(ref="A-2", budget_eur="x")]))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\r\n", "\r"), encoding="utf-8", newline="")  # old Mac line ends
    data = load(tmp_path)
    assert [a.source_row for a in data.activities] == [2, 4]
    assert data.activities[0].values["description_it"] == "riga uno\nriga due"
    assert [f.cell for f in data.findings if f.code == "amount_invalid"] == [f"{column_letter(15)}4"]


def test_delimiter_follows_the_header_not_commas_inside_a_description():
    from report.intake.ingest import sniff_delimiter

    semicolons = "Titolo (IT);Tipologia;Paesi;Data inizio\n\"a, b, c, d, e, f, g, h, i\";Evento;Francia;2025\n"
    commas = "Titolo (IT),Tipologia,Paesi,Data inizio\n\"a; b; c; d; e; f\",Evento,Francia,2025\n"
    assert sniff_delimiter(semicolons) == ";"
    assert sniff_delimiter(commas) == ","


# ---- a large year is read by worker processes: the same submissions, in the same order --------------------

def varied_folder(folder):
    """Good and broken files of every format, two of one department, more than PARALLEL_MIN in all."""
    from test_hostile import make_broken

    make_broken(folder)
    write_activities(folder / "CULTURA_2.ods", [row(), row(ref="A-2", start_date="2024-01-01", end_date="2024-02-01")],
                     department="CULTURA")
    write_activities(folder / "COMUNICAZIONE.csv", [row(title_it="Comunicare"), row(ref="A-2", type="nessuno")])
    write_activities(folder / "URBAN_CENTER.xlsx", [row(), row(ref="A-2", sdgs="99"), None, row(ref="A-3")],
                     department="URBAN_CENTER", skip=2, keys=[*VALID, "Colonna in più"])
    write_activities(folder / "URBAN_CENTER_bis.xlsx", [row(title_it="Altro titolo")])
    (folder / "VERDE.pdf").write_bytes(b"%PDF-1.4")
    assert len(discover(folder)) >= ingest.PARALLEL_MIN + 4


@pytest.fixture
def pools(monkeypatch):
    """Worker pools for folders of any size; the list of worker counts read_year asked for."""
    asked = []
    in_order = ingest.pool.in_order
    monkeypatch.setattr(ingest, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(ingest.pool, "in_order", lambda job, count, workers: asked.append(workers) or
                        in_order(job, count, workers))
    return asked


def test_a_small_year_is_read_in_this_process(tmp_path, config, pools, monkeypatch):
    varied_folder(tmp_path)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_BYTES", 10 ** 9)
    read_year(tmp_path, config, YEAR)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_BYTES", 0)
    read_year(tmp_path, config, YEAR)
    for name in discover(tmp_path)[ingest.PARALLEL_MIN - 1:]:
        name.unlink()
    read_year(tmp_path, config, YEAR)
    assert pools == [1, ingest.WORKERS, 1]


def test_workers_read_what_one_process_reads(tmp_path, config, pools):
    varied_folder(tmp_path)
    calls = {1: [], 2: []}
    subs = {n: read_year(tmp_path, config, YEAR, lambda *call, n=n: calls[n].append(call), workers=n)
            for n in (1, 2)}
    assert subs[1] == subs[2]
    assert [s.name for s in subs[2]] == [p.name for p in discover(tmp_path)]
    assert calls[2] == calls[1] == [(i + 1, len(subs[1]), s.name) for i, s in enumerate(subs[1])]
    codes = {f.code for s in subs[1] for f in s.findings}
    assert {"file_unreadable", "file_encrypted", "file_no_header", "file_unsupported_type",
            "department_repeated", "column_unknown"} <= codes, codes
    assert sum(len(s.rows) for s in subs[1]) >= 8 and pools == [1, 2]


def test_a_reader_crash_rejects_only_that_file_with_workers_or_without(tmp_path, config, pools, monkeypatch, caplog):
    varied_folder(tmp_path)
    real = ingest.find_header

    def crashing(rows):
        if any("Comunicare" in r for r in rows):  # the CSV file only
            raise IndexError("list index out of range")
        return real(rows)

    monkeypatch.setattr(ingest, "find_header", crashing)  # the forked workers inherit the patch
    subs = {n: read_year(tmp_path, config, YEAR, workers=n) for n in (1, 2)}
    assert subs[1] == subs[2] and len(subs[2]) == len(discover(tmp_path))
    crashed = [s for s in subs[2] if s.name == "COMUNICAZIONE.csv"][0]
    assert crashed.rejected and not crashed.rows and crashed.department == "COMUNICAZIONE"
    assert [f.code for f in crashed.findings] == ["file_unreadable"]
    assert "IndexError: list index out of range" in crashed.findings[0].message_en
    assert all(not s.rejected for s in subs[2] if s.name.startswith("URBAN_CENTER"))
    assert "COMUNICAZIONE.csv: reading failed unexpectedly" in caplog.text and pools == [1, 2]


def test_load_year_is_the_same_with_workers_or_without(tmp_path, config, pools, monkeypatch):
    varied_folder(tmp_path)
    data = {}
    for n in (1, 2):
        monkeypatch.setattr(ingest, "WORKERS", n)
        data[n] = load_year(tmp_path, YEAR, config)
    assert data[1].findings == data[2].findings and data[1].activities == data[2].activities
    assert data[1].ledger == data[2].ledger and set(data[2].timings) == {"read", "validate"} and pools == [1, 2]


def test_a_rust_panic_in_calamine_rejects_only_that_file(tmp_path, config, monkeypatch):
    write_activities(tmp_path / "SPORT.xlsx", [row()])
    PanicException = type("PanicException", (BaseException,), {})  # as pyo3 defines it: not an Exception

    raised = [PanicException("called `Option::unwrap()` on a `None` value")]

    def failing(self, name):
        raise raised[0]

    monkeypatch.setattr(ingest.WorkbookSheets, "__getitem__", failing)
    sub = read_submission(tmp_path / "SPORT.xlsx", config, YEAR)
    assert sub.rejected and [f.code for f in sub.findings] == ["file_unreadable"] and sub.department == "SPORT"
    assert "PanicException: called `Option::unwrap()`" in sub.findings[0].message_it
    raised[0] = KeyboardInterrupt()  # other BaseExceptions still stop the run
    with pytest.raises(KeyboardInterrupt):
        read_submission(tmp_path / "SPORT.xlsx", config, YEAR)


def test_the_cycle_collector_is_paused_while_a_year_loads_and_restored_after(tmp_path, config, monkeypatch):
    import gc

    from report.intake import year as pipeline

    write_activities(tmp_path / "SPORT.xlsx", [row()])
    seen = []
    real = pipeline.read_year
    monkeypatch.setattr(pipeline, "read_year", lambda *args: seen.append(gc.isenabled()) or real(*args))
    assert gc.isenabled()
    load_year(tmp_path, YEAR, config)
    assert gc.isenabled() and seen == [False]
    gc.disable()
    try:
        with pipeline.collector_paused():
            pass
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()
