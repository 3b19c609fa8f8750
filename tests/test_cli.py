"""The command line in-process (report.cli.parser.main): printed summary and ledger, exit codes, output files."""
from __future__ import annotations

import csv
import re

import pytest

from conftest import row, write_activities
from report import schema
from report.cli.parser import main

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def folder(tmp_path):
    """A small fixed year: a joint activity, a rejected row, a row outside the year, formulas, a broken file."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_activities(inputs / "AMBIENTE.xlsx", [row(), None, row(ref="A-2", start_date="2020", end_date="2021")],
                     department="AMBIENTE")
    write_activities(inputs / "CULTURA.csv", [
        row(title_en=None),
        row(ref="C-2", title_it="Mostra", title_en="Exhibition", budget_eur="abc"),
        row(ref="C-3", title_it=HYPERLINK, title_en="@SUM(A1)", partners="-Lione; +Parigi", budget_eur="12.000,50",
            city_funding_eur="0", external_funding_eur=None, countries="USA; Regno Unito", end_date=None),
    ])
    (inputs / "SPORT.xlsx").write_bytes(b"nonsense")
    return tmp_path


@pytest.fixture
def no_editions(monkeypatch):
    """`build` without the PDF and web editions (tested on their own): only the data files."""
    import report.publication.editions

    monkeypatch.setattr(report.publication.editions, "build_report", lambda *args, **kw: [])


def run(folder, command="validate", *extra):
    return main([command, "--year", "2025", "--inputs", str(folder / "in"), "--outputs", str(folder / "out"),
                 "--no-color", *extra])


def printed(capsys, folder) -> str:
    out = capsys.readouterr().out
    return out.replace(str(folder), "<TMP>")


EXPECTED_VALIDATE = """\
Riepilogo delle segnalazioni / Findings summary
  Settore/Department  Errori/Errors  Avvisi/Warnings  Info
  ------------------  -------------  ---------------  ----
  AMBIENTE                        0                1     1
  CULTURA                         1                2     0
  SPORT                           1                0     0
  ------------------  -------------  ---------------  ----
  Totale/Total                    2                3     1

AMBIENTE.xlsx  (AMBIENTE: avvisi/warnings 1, info 1)
  AVVISO/WARNING B2 · Titolo (IT) / Title (IT) [joint_activity]
    IT: Attività congiunta: la segnalano anche altri settori (CULTURA). Compare sotto ogni settore e si conta una volta sola nei totali. Verificate che i dati coincidano.
    EN: Joint activity: other departments report it too (CULTURA). It is listed under each department and counted once in the totals. Check that the data agree.
  INFO outside_year × 1 (--verbose)

CULTURA.csv  (CULTURA: errori/errors 1, avvisi/warnings 2)
  ERRORE/ERROR P3 · Budget totale (EUR) / Total budget (EUR) [amount_invalid]
    IT: «abc» non è un importo: scrivete solo cifre, es. 12000 o 12.000,50.
    EN: 'abc' is not an amount: write digits only, e.g. 12000 or 12,000.50.
  AVVISO/WARNING B2 · Titolo (IT) / Title (IT) [joint_activity]
    IT: Attività congiunta: la segnalano anche altri settori (AMBIENTE). Compare sotto ogni settore e si conta una volta sola nei totali. Verificate che i dati coincidano.
    EN: Joint activity: other departments report it too (AMBIENTE). It is listed under each department and counted once in the totals. Check that the data agree.
  AVVISO/WARNING C2 · Titolo (EN) / Title (EN) [title_language_missing]
    IT: Manca il titolo in inglese: nella relazione si userà l'altra lingua. Aggiungete la traduzione.
    EN: The English title is missing: the report will use the other language. Add the translation.

SPORT.xlsx  (SPORT: errori/errors 1)
  ERRORE/ERROR intero file/whole file [file_unreadable]
    IT: Il file non è un foglio di calcolo leggibile (non è un file .xlsx/.ods valido). Apritelo e salvatelo di nuovo come .xlsx, .ods o .csv, poi inviatelo di nuovo.
    EN: The file is not a readable spreadsheet (not a valid .xlsx/.ods file). Open it, save it again as .xlsx, .ods or .csv, then send it again.

Registro delle righe / Row ledger (lette = accettate + respinte + fuori anno / read = accepted + rejected + outside the year)
  File           Settore/Dept  Lette/Read  Accettate/Accepted  Respinte/Rejected  Fuori anno/Outside
  -------------  ------------  ----------  ------------------  -----------------  ------------------  -------------------------------
  AMBIENTE.xlsx  AMBIENTE               2                   1                  0                   1
  CULTURA.csv    CULTURA                3                   2                  1                   0
  SPORT.xlsx     SPORT                  0                   0                  0                   0  file respinto/file rejected
  -------------  ------------  ----------  ------------------  -----------------  ------------------  -------------------------------
  Totale/Total                          5                   3                  1                   1  file respinti/files rejected: 1
  I conti tornano / Every row is accounted for
  Le righe e i file respinti non entrano nella relazione: i settori li correggano e li inviino di nuovo. / Rejected rows and files are not in the report: the departments should correct and resend them.
  Settori senza file / Departments with no file (13): REL_INT, COOP_PACE, COMUNICAZIONE, EDUCATIVI, GIOVENTU, SIST_INFO, LAVORO, PARI_OPP, POLIZIA, EDILIZIA, SOCIALI, TEMPI, URBAN_CENTER
"""


def test_validate_prints_summary_findings_and_ledger(folder, capsys):
    assert run(folder) == 0  # rejected rows are reported, not fatal
    out = printed(capsys, folder)
    body, _, written = out.partition("\n\n" + "Scritto / Written: ")
    assert body + "\n" == EXPECTED_VALIDATE
    assert written.startswith("<TMP>/out/validation_2025.csv")


def test_verbose_lists_info_findings(folder, capsys):
    run(folder, "validate", "--verbose")
    out = printed(capsys, folder)
    assert "INFO M4 · Data inizio / Start date [outside_year]" in out and "(--verbose)" not in out


def test_validation_csv(folder, capsys):
    run(folder)
    with (folder / "out" / "validation_2025.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == schema.VALIDATION_OUTPUT_COLUMNS
    amount = next(r for r in rows if r["code"] == "amount_invalid")
    assert amount == {
        "source_file": "CULTURA.csv", "sheet": "", "source_row": "3", "column": "budget_eur", "cell": "P3",
        "department": "CULTURA", "severity": "error", "code": "amount_invalid",
        "message_it": "«abc» non è un importo: scrivete solo cifre, es. 12000 o 12.000,50.",
        "message_en": "'abc' is not an amount: write digits only, e.g. 12000 or 12,000.50."}
    broken = next(r for r in rows if r["source_file"] == "SPORT.xlsx")
    assert broken["source_row"] == "" and broken["cell"] == "" and broken["severity"] == "error"
    assert sorted(r["severity"] for r in rows) == ["error", "error", "info", "warning", "warning", "warning"]


def test_build_writes_activities_csv_as_the_contract_says(folder, capsys, no_editions):
    assert run(folder, "build") == 0
    out = printed(capsys, folder)
    assert "Scritto / Written: <TMP>/out/activities_2025.csv" in out
    assert out.startswith(EXPECTED_VALIDATE.split("\n\n")[0])
    with (folder / "out" / "activities_2025.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    contract = ["activity_id", "department", *(c.key for c in schema.COLUMNS if c.key != "notes"), "joint", "source_file",
                "source_row"]
    assert sorted(header) == sorted(contract) and "notes" not in header and len(header) == len(set(header))
    assert tuple(header) == schema.ACTIVITY_OUTPUT_COLUMNS
    assert [(r["department"], r["source_file"], r["source_row"], r["joint"]) for r in rows] == [
        ("AMBIENTE", "AMBIENTE.xlsx", "2", "true"), ("CULTURA", "CULTURA.csv", "2", "true"),
        ("CULTURA", "CULTURA.csv", "4", "false")]
    formula = rows[2]
    assert formula["title_it"] == "'" + HYPERLINK and formula["title_en"] == "'@SUM(A1)"
    assert formula["partners"] == "'-Lione;'+Parigi"
    assert formula["countries"] == "US;GB" and formula["area"] == "multi"
    assert formula["budget_eur"] == "12000.5" and formula["city_funding_eur"] == "0"
    assert formula["external_funding_eur"] == "" and formula["end_date"] == "" and formula["status"] == "ongoing"
    first = rows[0]
    assert first["start_date"] == "2025-03-01" and first["end_date"] == "2027-02-28"
    assert first["budget_eur"] == "1250000" and first["countries"] == "FR;ES" and first["sdgs"] == "11;13"
    assert first["type"] == "eu_project" and first["area"] == "europe" and first["participants"] == "350"
    for r in rows:
        assert all(not v.startswith(("=", "+", "-", "@")) for v in r.values())
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["start_date"])


def test_strict_exits_1_when_there_is_an_error(folder, capsys):
    assert run(folder, "validate", "--strict") == 1
    assert (folder / "out" / "validation_2025.csv").exists()  # the outputs are still written


def test_strict_exits_0_without_errors(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    write_activities(tmp_path / "in" / "SPORT.xlsx", [row(title_en=None)])
    assert run(tmp_path, "validate", "--strict") == 0
    assert "AVVISO/WARNING" in capsys.readouterr().out


def test_outputs_go_where_asked(folder, capsys, monkeypatch):
    monkeypatch.chdir(folder)
    run(folder)
    assert (folder / "out" / "validation_2025.csv").is_file() and not (folder / "outputs").exists()


def test_defaults_are_inputs_and_outputs_of_the_year(folder, capsys, monkeypatch):
    monkeypatch.chdir(folder)
    (folder / "in").rename(folder / "inputs")
    (folder / "inputs").mkdir(exist_ok=True)
    (folder / "inputs" / "2025").mkdir()
    write_activities(folder / "inputs" / "2025" / "SPORT.xlsx", [row()])
    assert main(["validate", "--year", "2025"]) == 0
    assert (folder / "outputs" / "2025" / "validation_2025.csv").is_file()


def one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    return lines[0]


def test_missing_folder_exits_2_with_one_line(tmp_path, capsys):
    assert main(["validate", "--year", "2025", "--inputs", str(tmp_path / "nope")]) == 2
    line = one_line_error(capsys)
    assert "nope" in line and "inputs folder not found" in line and "cartella" in line


@pytest.mark.parametrize("year", ["20x5", "1999", "25", ""])
def test_bad_year_exits_2_with_one_line(capsys, year):
    assert main(["validate", "--year", year]) == 2
    assert "invalid year" in one_line_error(capsys)


@pytest.mark.parametrize("argv", [["frobnicate"], ["validate"], ["validate", "--year", "2025", "--colour"]])
def test_bad_usage_exits_2_with_one_line(capsys, argv):
    assert main(argv) == 2
    line = one_line_error(capsys)
    assert line.startswith("errore / error:") and " / " in line.partition("error: ")[2]  # argparse's too


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "validate" in capsys.readouterr().out


def test_help_and_version_exit_0(capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["generate.py", "--help"])
    assert main(["--help"]) == 0 and main(["--version"]) == 0
    assert "usage: generate.py" in capsys.readouterr().out


@pytest.mark.parametrize("argv0, name", [("/x/.venv/bin/city-report", "city-report"), ("generate.py", "generate.py"),
                                         ("/usr/lib/python3/site-packages/pytest/__main__.py", "city-report"),
                                         ("C:\\venv\\Scripts\\city-report.exe", "city-report")])
def test_help_names_the_program_it_was_run_by(argv0, name, monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", [argv0.replace("\\", "/"), "--help"])
    assert main(["validate", "--help"]) == 0
    assert capsys.readouterr().out.startswith(f"uso / usage: {name} validate ")


def test_the_installed_console_script_says_its_own_name():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "city-report"
    if not script.is_file():
        pytest.skip(f"the console script is not installed beside {sys.executable} (pip install -e .)")
    done = subprocess.run([str(script), "template", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("uso / usage: city-report template ")
    assert "generate.py" not in done.stdout


def parsers() -> dict[str, object]:
    """The program's parser ('') and each command's, by command name."""
    from report.cli.parser import build_parser
    from report.docs import _subparsers

    parser = build_parser("city-report")
    return {"": parser, **_subparsers(parser)}


@pytest.mark.parametrize("name", ["", "validate", "build", "template"])
def test_every_help_text_is_bilingual(name):
    parser = parsers()[name]
    text = parser.format_help()
    for action in parser._actions:  # every option, every command
        texts = [action.help] if action.option_strings else [a.help for a in action._choices_actions]
        assert texts and all(text and " / " in text for text in texts), (action.option_strings, texts)
    headings = [line for line in text.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert headings and all(" / " in heading for heading in headings), headings
    assert text.startswith("uso / usage: ") and "show this help message" not in text
    assert "positional arguments" not in text


def test_verbose_is_offered_only_where_it_means_something(capsys):
    options = {name: {o for a in p._actions for o in a.option_strings} for name, p in parsers().items()}
    assert "--verbose" in options["validate"] and "--verbose" in options["build"]
    assert not {"--verbose", "--timings", "--strict", "--no-color"} & options["template"]
    assert main(["template", "--year", "2026", "--verbose"]) == 2
    assert "--verbose" in one_line_error(capsys)


def test_template_takes_several_departments_after_one_flag(tmp_path, capsys):
    out = tmp_path / "t"
    assert main(["template", "--year", "2026", "--department", "CULTURA", "sport", "--outputs", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["CULTURA_2026.xlsx", "SPORT_2026.xlsx"]
    assert main(["template", "--year", "2026", "--department", "AMBIENTE", "--department", "TEMPI",
                 "--outputs", str(out)]) == 0  # the flag repeated still works
    assert {"AMBIENTE_2026.xlsx", "TEMPI_2026.xlsx"} <= {p.name for p in out.iterdir()}
    assert main(["template", "--year", "2026", "--department", "CULTURA", "NOPE", "--outputs", str(out)]) == 2
    assert "NOPE" in one_line_error(capsys)


def test_default_folders_are_printed_absolute(folder, capsys, monkeypatch):
    monkeypatch.chdir(folder)
    (folder / "inputs").mkdir()
    (folder / "in").rename(folder / "inputs" / "2025")
    assert main(["validate", "--year", "2025", "--no-color"]) == 0
    assert f"Scritto / Written: {folder / 'outputs' / '2025' / 'validation_2025.csv'}\n" in capsys.readouterr().out
    assert main(["template", "--year", "2026", "--department", "SPORT"]) == 0
    assert capsys.readouterr().out == f"Scritto / Written: {folder / 'outputs' / 'templates' / 'SPORT_2026.xlsx'}\n"


def test_internal_error_is_one_line_without_debug(folder, capsys, monkeypatch):
    import report.api

    def broken(*args, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(report.api, "load_year", broken)
    assert run(folder) == 3
    line = one_line_error(capsys)
    assert "RuntimeError: boom" in line and "--debug" in line
    with pytest.raises(RuntimeError, match="boom"):
        run(folder, "validate", "--debug")


def test_bad_config_is_a_usage_error(folder, capsys):
    (folder / "city.toml").write_text("not [valid", encoding="utf-8")
    assert run(folder, "validate", "--config", str(folder / "city.toml")) == 2
    assert "city.toml" in one_line_error(capsys)


@pytest.mark.parametrize("argv", [["validate"], ["validate", "--strict"], ["build"], ["build", "--strict"]])
def test_a_folder_with_no_workbook_is_a_usage_error(tmp_path, capsys, monkeypatch, argv):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "README.txt").write_text("istruzioni", encoding="utf-8")
    (tmp_path / "in" / "~$CULTURA.xlsx").write_bytes(b"lock")
    monkeypatch.chdir(tmp_path)
    assert main([*argv, "--year", "2025", "--inputs", "in", "--outputs", "out"]) == 2
    line = one_line_error(capsys)
    assert f"no department workbook (.xlsx, .xlsm, .ods, .csv) in the folder {tmp_path / 'in'}" in line and "nessun file" in line
    assert "sub-folder" not in line
    assert not (tmp_path / "out").exists()  # nothing written: not a year of 0 activities


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_folder_whose_year_holds_the_workbooks_says_so(tmp_path, capsys, command):
    (tmp_path / "in" / "2025").mkdir(parents=True)
    write_activities(tmp_path / "in" / "2025" / "SPORT.xlsx", [row()])
    assert run(tmp_path, command, "--strict") == 2
    line = one_line_error(capsys)
    assert f"in the folder {tmp_path / 'in'};" in line
    assert f"the sub-folder holds 1: use --inputs {tmp_path / 'in' / '2025'}" in line and "sottocartella" in line


def test_a_missing_folder_is_named_absolute(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--year", "2025", "--inputs", "nope"]) == 2
    assert one_line_error(capsys).endswith(f"inputs folder not found: {tmp_path / 'nope'}")


def test_a_clean_resend_says_the_earlier_feedback_was_removed(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    write_activities(tmp_path / "in" / "CULTURA.xlsx", [row(budget_eur="abc")], department="CULTURA")
    write_activities(tmp_path / "in" / "SPORT.xlsx", [row(budget_eur="abc", title_it="Altro")], department="SPORT")
    assert run(tmp_path) == 0
    feedback = tmp_path / "out" / "feedback"
    assert sorted(p.name for p in feedback.iterdir()) == ["CULTURA_2025.xlsx", "SPORT_2025.xlsx"]
    capsys.readouterr()
    write_activities(tmp_path / "in" / "CULTURA.xlsx", [row()], department="CULTURA")  # corrected and resent
    assert run(tmp_path) == 0
    out = capsys.readouterr().out
    assert [p.name for p in feedback.iterdir()] == ["SPORT_2025.xlsx"]
    assert out.endswith(f"Rimosso / Removed: {feedback / 'CULTURA_2025.xlsx'} (il file del settore non ha più "
                        "segnalazioni / the department's file has no findings any more)\n")
    assert run(tmp_path) == 0 and "Rimosso" not in capsys.readouterr().out  # said once


def test_files_of_a_sub_folder_are_one_line(tmp_path):
    from report.cli.console import written

    paths = [tmp_path / "validation_2025.csv", *(tmp_path / "feedback" / f"{c}.xlsx" for c in "ABC"),
             tmp_path / "charts" / "map.svg", tmp_path / "activities_2025.csv"]
    assert [line.replace(str(tmp_path), "<T>") for line in written(paths)] == [
        "Scritto / Written: <T>/validation_2025.csv", "Scritto / Written: <T>/feedback/ (3 file / files)",
        "Scritto / Written: <T>/charts/map.svg", "Scritto / Written: <T>/activities_2025.csv"]
    assert written([]) == []
