"""datapackage.json explains activities_Y.csv: generated from report.schema, and valid for frictionless itself."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from report.cli.parser import main
from report.publication.datapackage import DESCRIPTOR, descriptor
from report.schema import ACTIVITY_OUTPUT_COLUMNS, COLUMN_BY_KEY, VOCABULARIES

SAMPLES = Path(__file__).resolve().parents[1] / "inputs" / "2025"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample inputs are not generated (make samples)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The data outputs of `build` on the sample year (the PDF and web editions are tested on their own)."""
    import report.publication.editions

    out = tmp_path_factory.mktemp("out")
    patch = pytest.MonkeyPatch()
    patch.setattr(report.publication.editions, "build_report", lambda *args, **kw: [])
    try:
        assert main(["build", "--year", "2025", "--inputs", str(SAMPLES), "--outputs", str(out), "--no-color"]) == 0
    finally:
        patch.undo()
    return out


def test_build_writes_a_valid_data_package(built):
    path = built / DESCRIPTOR
    assert path.is_file() and not list(built.glob(f".{DESCRIPTOR}.*"))  # written whole, no temporary left
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0
    with (built / "activities_2025.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    (task,) = report.tasks
    assert task.stats["rows"] == len(rows) - 1 > 0 and task.stats["fields"] == len(ACTIVITY_OUTPUT_COLUMNS)


def test_frictionless_command_line_validates_it(built):
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run([str(command), "validate", str(built / DESCRIPTOR)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "VALID" in done.stdout and "INVALID" not in done.stdout


def test_a_value_outside_a_vocabulary_makes_the_package_invalid(built, tmp_path):
    """The package states the rules, so frictionless finds a row that breaks them."""
    for name in (DESCRIPTOR, "activities_2025.csv"):
        (tmp_path / name).write_bytes((built / name).read_bytes())
    path = tmp_path / "activities_2025.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["area"], rows[1]["budget_eur"], rows[2]["activity_id"] = "mars", "-5", ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACTIVITY_OUTPUT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = frictionless.validate(str(tmp_path / DESCRIPTOR))
    assert not report.valid
    found = sorted((row, field) for row, field in report.flatten(["rowNumber", "fieldName"]))
    assert found == [(2, "area"), (3, "budget_eur"), (4, "activity_id")]


def test_every_field_is_described_in_both_languages_with_its_vocabulary(built):
    package = json.loads((built / DESCRIPTOR).read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    assert resource["path"] == "activities_2025.csv"
    assert package["licenses"][0]["name"] and package["licenses"][0]["path"].startswith("https://")
    assert package["sources"][0]["title"]
    fields = resource["schema"]["fields"]
    assert [f["name"] for f in fields] == list(ACTIVITY_OUTPUT_COLUMNS)
    for f in fields:
        assert all(f[k] for k in ("type", "title_it", "title_en", "description_it", "description_en")), f["name"]
        assert f["title_it"] in f["title"] and f["title_en"] in f["title"]
    by_name = {f["name"]: f for f in fields}
    assert by_name["budget_eur"]["type"] == "number" and by_name["start_date"]["type"] == "date"
    assert by_name["joint"]["type"] == "boolean" and by_name["source_row"]["type"] == "integer"
    for key, column in COLUMN_BY_KEY.items():
        if column.vocabulary and key in by_name:
            vocabulary = VOCABULARIES[column.vocabulary]
            assert by_name[key]["constraints"]["enum"] == list(vocabulary.codes)
            assert [(c["value"], c["label_it"], c["label_en"]) for c in by_name[key]["categories"]] == [
                (t.code, t.it, t.en) for t in vocabulary.terms]
    assert by_name["area"]["categories"][2]["label"] == "Mediterraneo e Medio Oriente / Mediterranean and Middle East"


def test_the_descriptor_follows_the_configuration(built, config):
    """The licence and source may be set in the configuration's [open_data] table; the same inputs give the
    same descriptor."""
    from dataclasses import replace

    custom = replace(config, raw={**config.raw, "open_data": {"licence_name": "IODL-2.0", "licence_path":
                                                               "https://www.dati.gov.it/iodl/2.0/",
                                                               "licence_title": "IODL 2.0"}})
    package = descriptor(custom, 2025, "activities_2025.csv")
    assert package["licenses"] == [{"name": "IODL-2.0", "path": "https://www.dati.gov.it/iodl/2.0/",
                                    "title": "IODL 2.0"}]
    assert list(frictionless.Package.metadata_validate(package)) == []
    assert json.loads((built / DESCRIPTOR).read_text(encoding="utf-8")) == descriptor(config, 2025,
                                                                                      "activities_2025.csv")
