"""Run the library on a folder as the CLI does (in this process): read, validate, write the data files and the
feedback workbooks, and on `build` the council workbook and the sources annex. Shared by the regression and fuzz
tests."""
from __future__ import annotations

from pathlib import Path

from report.publication import html as render
from report.outputs import write_activities_csv, write_validation_csv
from report.intake.year import YearData, load_year
from report.workbooks.council import council_name, write_council
from report.workbooks.feedback import write_feedback

YEAR = 2025
# The intact files beside each damaged one, and what the ledger must say of them whatever the damaged file does.
INTACT = {"AMBIENTE_intact.xlsx": (12, 12, 0, 0), "TEMPI_intact.csv": (6, 4, 2, 0)}


def run(inputs: Path, outputs: Path, config, build: bool = False) -> YearData:
    data = load_year(inputs, YEAR, config)
    write_validation_csv(data.findings, outputs / f"validation_{YEAR}.csv")
    write_feedback(data, outputs, workers=1)
    if build:
        write_activities_csv(data.frame(), outputs / f"activities_{YEAR}.csv")
        write_council(data.frame(), config, YEAR, outputs / council_name(YEAR))
        render.sources(data)
    return data


def counts(data: YearData) -> dict[str, tuple[int, int, int, int]]:
    """read, accepted, rejected, outside of each file."""
    return {line.source_file: (line.read, line.accepted, line.rejected, line.outside) for line in data.ledger.lines}


def ledger_adds_up(data: YearData) -> bool:
    """Balanced per file and in total, one line per file, and every activity on its file's line."""
    lines = data.ledger.lines
    return (data.ledger.balanced and len(lines) == len(data.submissions)
            and sum(line.read for line in lines) == len(data.activities)
            and all(len(sub.rows) == line.read for sub, line in zip(data.submissions, lines)))
