"""Nothing is lost: on random folders, every non-blank row ends exactly once as accepted, rejected or outside."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import YEAR, examples, row, write_activities
from report.intake.ledger import LedgerLine, build_ledger
from report.intake.year import load_year

KINDS = {  # row kind -> (cells changed, expected outcome); None is a blank row
    "valid": ({}, "accepted"),
    "valid_open": ({"end_date": None, "ref": None}, "accepted"),
    "bad_amount": ({"budget_eur": "circa 5000"}, "rejected"),
    "bad_date": ({"start_date": "31/02/2025"}, "rejected"),
    "no_title": ({"title_it": None, "title_en": "  "}, "rejected"),
    "bad_country": ({"countries": "Narnia"}, "rejected"),
    "warning_only": ({"title_en": None, "status": "Concluso"}, "accepted"),
    "outside": ({"start_date": "2023", "end_date": "2024"}, "outside"),
    "outside_bad": ({"start_date": "2022", "end_date": "2023", "url": "www.x.org"}, "rejected"),
    "blank": (None, None),
}
BROKEN = {"garbage.xlsx": b"not a workbook", "old.xls": b"x", "empty.ods": b""}

files = st.lists(st.tuples(
    st.sampled_from(["SPORT", "CULTURA", "TEMPI", "nessuno"]),
    st.sampled_from([".csv", ".xlsx", "broken"]),
    st.lists(st.sampled_from(sorted(KINDS)), max_size=6),
), min_size=1, max_size=4)


def build_folder(folder: Path, spec) -> dict[tuple[str, int], str]:
    """Write the files; return (file name, spreadsheet row) -> expected outcome of every non-blank row."""
    expected: dict[tuple[str, int], str] = {}
    for i, (department, suffix, kinds) in enumerate(spec):
        if suffix == "broken":
            name = f"{department}_{i}_{sorted(BROKEN)[i % 3]}"
            (folder / name).write_bytes(BROKEN[sorted(BROKEN)[i % 3]])
            continue
        name = f"{department}_{i}{suffix}"
        rows = []
        for r, kind in enumerate(kinds):
            changes, outcome = KINDS[kind]
            if changes is None:
                rows.append(None)
                continue
            ref = f"R{r}" if "ref" not in changes else None
            rows.append(row(**{"title_it": f"Attività {i}-{r}", **changes, "ref": ref}))
            expected[name, r + 2] = outcome if department != "nessuno" else "rejected"  # no department: error
        write_activities(folder / name, rows)
    return expected


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files)
def test_every_row_ends_exactly_once(spec):
    from report.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        expected = build_folder(folder, spec)
        data = load_year(folder, YEAR, load_config())
        names = {p.name for p in folder.iterdir()}

    seen = [(a.source_file, a.source_row) for a in data.activities]
    assert len(seen) == len(set(seen)), "a row was counted twice"
    assert {key: a.outcome for key, a in zip(seen, data.activities)} == expected

    for act in data.activities:
        if act.outcome == "rejected":
            assert any(f.severity == "error" and f.source_row == act.source_row for f in act.findings)
        else:
            assert not act.has_error

    lines = {line.source_file: line for line in data.ledger.lines}
    assert set(lines) == names
    for name, line in lines.items():
        outcomes = [o for (file, _), o in expected.items() if file == name]
        assert (line.read, line.accepted, line.rejected, line.outside) == (
            len(outcomes), outcomes.count("accepted"), outcomes.count("rejected"), outcomes.count("outside"))
        assert line.balanced
        if line.file_rejected:
            assert line.read == 0 and line.reasons
    total = data.ledger.total
    assert total.read == len(expected) and data.ledger.balanced
    assert total.accepted == len(data.frame())
    assert data.ledger.files_rejected == sum(1 for _, suffix, _ in spec if suffix == "broken")


def test_ledger_by_department_adds_files_together():
    a = LedgerLine("a.xlsx", "SPORT", read=3, accepted=2, rejected=1)
    b = LedgerLine("b.csv", "SPORT", read=2, outside=2)
    c = LedgerLine("c.csv", "TEMPI", file_rejected=True)
    from report.intake.ledger import Ledger

    ledger = Ledger([a, b, c])
    merged = ledger.by_department()
    assert (merged["SPORT"].read, merged["SPORT"].accepted, merged["SPORT"].outside) == (5, 2, 2)
    assert ledger.files_rejected == 1 and ledger.balanced and ledger.total.read == 5


def test_an_unbalanced_line_is_seen():
    assert not LedgerLine("a", "X", read=2, accepted=1).balanced


def test_build_ledger_counts_rejection_reasons(tmp_path, load):
    write_activities(tmp_path / "SPORT.csv", [row(budget_eur="x"), row(ref="B", budget_eur="y", url="ftp://a"),
                                              row(ref="C")])
    data = load(tmp_path)
    (line,) = data.ledger.lines
    assert line.reasons == {"amount_invalid": 2, "url_invalid": 1}
    assert build_ledger(data.submissions, data.activities).total.rejected == 2
