"""The outputs folder: one whole build at every moment (staging folder and swap, even under SIGKILL), one run at a
time (the lock), a place that cannot be written is a usage error (read-only, full disk, a file in the way),
workers die with their parent, and a build with nothing to redo leaves the folder as it is (the build cache)."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import row, write_activities
from report import buildkeys, outfolder
from report.cli.parser import main
from report.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CONCURRENT = ROOT.parent / "shared" / "regressions" / "concurrent_builds_mixed"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to mount a tmpfs or a read-only bind mount "
                                                          "(chmod does not stop root, and a plain user cannot mount)")


CLEAN = row(ref="C-1", title_it="Mostra", title_en="Exhibition")  # no finding at all


@pytest.fixture
def folder(tmp_path):
    """Two departments' files for 2025, with findings in each (so each gets a feedback workbook)."""
    inputs = tmp_path / "in" / "2025"
    inputs.mkdir(parents=True)
    write_activities(inputs / "AMBIENTE.xlsx", [row(), row(ref="A-2", budget_eur="abc")], department="AMBIENTE")
    write_activities(inputs / "CULTURA.csv", [row(ref="C-1", title_en=None), row(ref="C-2", countries="Atlantide")])
    return tmp_path


@pytest.fixture
def no_editions(monkeypatch):
    """`build` without the PDF and web editions (they have their own test below): the data files and feedback."""
    import report.publication.editions

    monkeypatch.setattr(report.publication.editions, "build_report", lambda *args, **kw: [])
    monkeypatch.setattr(report.publication.editions, "start_workers", lambda *args, **kw: None)


def run(folder, command="build", *extra, outputs=None):
    return main([command, "--year", "2025", "--inputs", str(folder / "in" / "2025"),
                 "--outputs", str(outputs or folder / "out"), "--no-color", *extra])


def cli(folder: Path, *extra, outputs=None, inputs=None) -> list[str]:
    """The argv of a build in a fresh process."""
    return [sys.executable, str(ROOT / "generate.py"), "build", "--year", "2025",
            "--inputs", str(inputs or folder / "in" / "2025"), "--outputs", str(outputs or folder / "out"),
            "--no-color", *extra]


def whole(out: Path) -> dict[str, str]:
    """The folder's outputs (every file of ours) after checking they are one build: each file the manifest lists is
    there with its digest, and no file of ours is outside it. {relative name: sha256}."""
    manifest = json.loads((out / outfolder.MANIFEST).read_text())
    listed = {name: sha for entry in manifest["groups"].values() for name, sha in entry["files"].items()}
    present = {n for n in outfolder.files_under(out) if outfolder.ours(n)}
    assert present == set(listed), f"files of ours outside the manifest or missing: {present ^ set(listed)}"
    for name, sha in listed.items():
        assert buildkeys.file_digest(out / name) == sha, name
    return listed


def inodes(out: Path) -> dict[str, int]:
    return {n: (out / n).stat().st_ino for n in outfolder.files_under(out)}


# ---- the build cache ------------------------------------------------------------------------------------------

def test_a_second_build_with_nothing_changed_leaves_the_folder_as_it_is(folder, capsys, no_editions):
    assert run(folder) == 0
    out = folder / "out"
    before = {n: ((out / n).stat().st_ino, (out / n).stat().st_mtime_ns) for n in outfolder.files_under(out)}
    capsys.readouterr()
    assert run(folder) == 0
    printed = capsys.readouterr().out
    assert "Scritto / Written" not in printed
    assert f"Invariato / Unchanged: {out / 'validation_2025.csv'}" in printed
    assert f"Invariato / Unchanged: {out / 'feedback'}{os.sep} (2 file / files)" in printed
    assert "I conti tornano / Every row is accounted for" in printed  # the summary and ledger are still printed
    assert {n: ((out / n).stat().st_ino, (out / n).stat().st_mtime_ns) for n in outfolder.files_under(out)} == before


def test_one_department_changed_redoes_only_what_depends_on_it(folder, capsys, no_editions):
    assert run(folder) == 0
    out = folder / "out"
    first = inodes(out)
    write_activities(folder / "in" / "2025" / "CULTURA.csv", [row(ref="C-1", title_en=None), row(ref="C-9")])
    assert run(folder) == 0
    second = inodes(out)
    whole(out)
    assert second["feedback/AMBIENTE_2025.xlsx"] == first["feedback/AMBIENTE_2025.xlsx"]  # kept: the same file
    assert second["feedback/CULTURA_2025.xlsx"] != first["feedback/CULTURA_2025.xlsx"]
    for name in ("validation_2025.csv", "activities_2025.csv", "activities_2025.xlsx"):  # they depend on all
        assert second[name] != first[name]
    assert "C-9" in (out / "activities_2025.csv").read_text()


def test_an_output_changed_or_deleted_by_hand_is_made_again(folder, capsys, no_editions):
    assert run(folder) == 0
    out = folder / "out"
    made = (out / "activities_2025.csv").read_bytes()
    (out / "activities_2025.csv").write_text("edited")
    (out / "validation_2025.csv").unlink()
    assert run(folder) == 0
    assert (out / "activities_2025.csv").read_bytes() == made
    assert (out / "validation_2025.csv").is_file()
    whole(out)


STATUS = "Package: libpango-1.0-0\nStatus: install ok installed\nArchitecture: amd64\nVersion: {version}\n"
OTHER = "\nPackage: cowsay\nStatus: install ok installed\nArchitecture: all\nVersion: 3.03\n"


def _digests(folder, config, **change) -> dict[str, tuple[str, str]]:
    buildkeys.code.cache_clear()
    buildkeys.libraries.cache_clear()
    return buildkeys.keys("build", 2025, folder / "in" / "2025", config, change.get("lang", "both"))


def test_the_key_covers_everything_an_output_depends_on(folder, tmp_path, monkeypatch):
    """Each dependency changed in turn changes the keys of exactly the groups that depend on it."""
    config_file = tmp_path / "config.toml"
    shutil.copy(ROOT / "report" / "assets" / "config.toml", config_file)
    (tmp_path / "logo.svg").write_text("<svg/>")
    with config_file.open("a") as handle:
        handle.write('\n[extra]\nlogo = "logo.svg"\n')
    package, templates = tmp_path / "package", tmp_path / "templates"
    shutil.copytree(ROOT / "report", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(buildkeys.templates_dir(), templates)
    monkeypatch.setattr(buildkeys, "PACKAGE_DIR", package)
    monkeypatch.setattr(buildkeys, "templates_dir", lambda: templates)
    libraries = tmp_path / "site"
    (libraries / "somelib-1.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(libraries))
    system = tmp_path / "dpkg-status"
    system.write_text(STATUS.format(version="1.50.12"))
    monkeypatch.setattr(buildkeys, "SYSTEM_PACKAGES", system)
    (folder / "in" / "2024").mkdir()
    write_activities(folder / "in" / "2024" / "AMBIENTE.xlsx", [row(start_date="01/03/2024")], department="AMBIENTE")

    base = _digests(folder, load_config(config_file))
    everything, editions = set(base), {"editions"}
    changes = {
        "an input file's bytes": (lambda: write_activities(folder / "in" / "2025" / "CULTURA.csv", [row(ref="C-3")]),
                                  everything),
        "a new input file": (lambda: (folder / "in" / "2025" / "SPORT.csv").write_text("x"), everything),
        "the previous year's inputs": (lambda: write_activities(folder / "in" / "2024" / "AMBIENTE.xlsx",
                                                                [row(ref="B-1", start_date="01/03/2024")],
                                                                department="AMBIENTE"), editions),
        "the configuration": (lambda: config_file.write_text(config_file.read_text().replace("Torino", "Turin", 1)),
                              everything),
        "a file the configuration names": (lambda: (tmp_path / "logo.svg").write_text("<svg></svg>"), everything),
        "a template": (lambda: (templates / "report.css").write_text("/* changed */", "utf-8"), everything),
        "a font": (lambda: next((templates / "fonts").rglob("*.*")).write_bytes(b"font"), everything),
        "the package's code": (lambda: (package / "render.py").write_text("# changed\n"), everything),
        "a library version": (lambda: (libraries / "somelib-1.0.dist-info").rename(libraries / "somelib-1.1.dist-info"),
                              everything),
        "a system library": (lambda: system.write_text(STATUS.format(version="1.51.0")), everything),
        "an unrelated system package": (lambda: system.write_text(STATUS.format(version="1.51.0") + OTHER), set()),
    }
    for what, (change, groups) in changes.items():
        change()
        now = _digests(folder, load_config(config_file))
        assert {g for g in base if now[g] != base[g]} == groups, what
        base = now
    other_lang = _digests(folder, load_config(config_file), lang="it")
    assert {g for g in base if other_lang[g] != base[g]} == editions, "--lang"


# ---- one run at a time ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_run_into_a_folder_another_run_is_writing_refuses_with_one_line(folder, capsys, command, no_editions):
    assert run(folder) == 0
    before = whole(folder / "out")
    capsys.readouterr()
    with outfolder.locked(folder / "out"):  # another run holds the folder (flock: per open file, so also here)
        assert run(folder, command) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "un'altra esecuzione sta scrivendo" in err and "another run is writing this folder" in err
    assert whole(folder / "out") == before


def made_from(out: Path, inputs: Path) -> bool:
    """Every group of outputs in the folder was made from `inputs` (the keys the manifest records)."""
    groups = json.loads((out / outfolder.MANIFEST).read_text())["groups"]
    year = buildkeys.tree(inputs)
    expected = {"editions": buildkeys.digest(year, buildkeys.earlier_inputs(inputs, 2025))}
    return all(entry["inputs"] == expected.get(group, year) for group, entry in groups.items())


@pytest.mark.skipif(not CONCURRENT.is_dir(), reason="the shared regression concurrent_builds_mixed is not here")
def test_two_builds_at_once_leave_one_whole_build(tmp_path):
    """The regression: builds of A/2025 and B/2025 into one folder at once. One runs, the other refuses with one
    line (or runs after it); the folder then holds one whole build, every output made from the same inputs."""
    out = tmp_path / "out"
    runs = {name: subprocess.Popen(cli(tmp_path, "--lang", "it", inputs=CONCURRENT / name / "2025", outputs=out),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in "AB"}
    done = {name: (p.communicate(timeout=900), p.returncode) for name, p in runs.items()}
    done = {name: (code, out, err) for name, ((out, err), code) in done.items()}
    codes = sorted(code for code, _, _ in done.values())
    assert codes in ([0, 0], [0, 2]), done
    for code, _, err in done.values():
        if code == 2:
            assert len(err.strip().splitlines()) == 1 and "another run is writing this folder" in err
    whole(out)
    last = [name for name, (code, _, _) in done.items() if code == 0]
    assert any(made_from(out, CONCURRENT / name / "2025") for name in last)
    extra = "CULTURA_extra.csv" in (out / "activities_2025.csv").read_text()
    assert made_from(out, CONCURRENT / ("B" if extra else "A") / "2025")


# ---- one whole build at every moment ---------------------------------------------------------------------------

def stable(listing: dict[str, str]) -> dict[str, str]:
    """The outputs that are the same bytes from run to run (a workbook records the moment it was saved)."""
    return {name: sha for name, sha in listing.items() if not name.endswith(".xlsx")}


def one_build(out: Path, inputs: dict[str, Path], references: dict[str, dict[str, str]]) -> str:
    """Which of the builds ("A", "B") the folder holds, after checking it holds one whole: the manifest's files all
    there and intact, every group made from that build's inputs, the same files as its reference and, but for the
    workbooks' saving moment, the same bytes."""
    found = whole(out)
    name = next(n for n, path in inputs.items() if made_from(out, path))
    assert set(found) == set(references[name]) and stable(found) == stable(references[name])
    return name


def _kill_when_staged(process, staging: Path, files: int) -> None:
    """SIGKILL the build once its staging folder holds `files` files (a moment of its progress, not of a clock),
    or at once if it ends before that."""
    while process.poll() is None:
        try:
            if sum(1 for p in staging.rglob("*") if p.is_file()) >= files:
                break
        except OSError:  # the staging folder appears, or is swapped in, meanwhile
            pass
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_build_whole(tmp_path):
    """SIGKILL of a build at seeded random moments: the folder is always A's whole build or B's, and the next build
    cleans what the killed one left beside it. Files a user put in the folder stay."""
    inputs = {name: tmp_path / name / "2025" for name in "AB"}
    for name, path in inputs.items():
        path.mkdir(parents=True)
        write_activities(path / "AMBIENTE.xlsx", [row(), row(ref="A-2", budget_eur="abc")], department="AMBIENTE")
        write_activities(path / "CULTURA.csv", [row(ref="C-1", title_en=None, title_it=f"Mostra {name}")])
    out = tmp_path / "out"
    references = {}

    def build(name: str) -> None:   # a whole build, in this process (the killed ones run in a process of their own)
        argv = cli(tmp_path, "--lang", "it", inputs=inputs[name], outputs=out)
        assert main(argv[argv.index("build"):]) == 0

    build("A")
    references["A"] = whole(out)
    (out / "notes.txt").write_text("mine")
    build("B")
    references["B"] = whole(out)
    assert stable(references["A"]) != stable(references["B"])
    rng = random.Random(20251202)
    current = "B"
    for _ in range(4):
        target = "A" if current == "B" else "B"
        process = subprocess.Popen(cli(tmp_path, "--lang", "it", inputs=inputs[target], outputs=out),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _kill_when_staged(process, tmp_path / ".out.staging", rng.randint(0, len(references["B"])))
        process.wait()
        current = one_build(out, inputs, references)
        assert (out / "notes.txt").read_text() == "mine"
    build("A")
    assert one_build(out, inputs, references) == "A"
    assert not (tmp_path / ".out.staging").exists()


def test_files_a_user_put_in_the_folder_stay_and_stale_outputs_go(folder, no_editions):
    assert run(folder) == 0
    out = folder / "out"
    (out / "notes.txt").write_text("mine")
    (out / "drafts").mkdir()
    (out / "drafts" / "letter.docx").write_bytes(b"draft")
    write_activities(folder / "in" / "2025" / "CULTURA.csv", [CLEAN])  # CULTURA is now clean
    assert run(folder) == 0
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "drafts" / "letter.docx").read_bytes() == b"draft"
    assert not (out / "feedback" / "CULTURA_2025.xlsx").exists()
    assert set(whole(out)) >= {"feedback/AMBIENTE_2025.xlsx", "validation_2025.csv"}


def test_validate_after_a_build_keeps_the_report_and_the_feedback_consistent(folder, capsys, no_editions):
    assert run(folder) == 0
    out = folder / "out"
    (out / "report_2025.pdf").write_bytes(b"%PDF- an edition of an earlier build")  # not in the manifest: legacy
    write_activities(folder / "in" / "2025" / "CULTURA.csv", [CLEAN])
    assert run(folder, "validate") == 0
    listed = whole(out)
    assert "feedback/CULTURA_2025.xlsx" not in listed and "feedback/AMBIENTE_2025.xlsx" in listed
    assert (out / "activities_2025.csv").is_file() and (out / "report_2025.pdf").is_file()
    keys = json.loads((out / outfolder.MANIFEST).read_text())["groups"]
    assert keys["validation"]["inputs"] == keys["feedback"]["inputs"] != keys["data"]["inputs"]


# ---- a place that cannot be written ---------------------------------------------------------------------------

def _one_usage_line(capsys, *words) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "internal error" not in err and "Traceback" not in err
    for word in words:
        assert word in err
    return err


def test_outputs_under_a_regular_file_is_a_usage_error(folder, capsys, no_editions):
    (folder / "afile").write_text("x")
    assert run(folder, outputs=folder / "afile" / "2025") == 2
    _one_usage_line(capsys, "cannot write the outputs", "a part of the path is a file, not a folder")


@pytest.fixture
def mounted(tmp_path):
    """mount(args, target): a mount undone after the test; skips when mounting is not possible here."""
    targets = []

    def mount(args: list[str], target: Path) -> Path:
        target.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot mount here ({done.stderr.strip()}): the test needs a tmpfs or a bind mount")
        targets.append(target)
        return target

    yield mount
    for target in reversed(targets):
        subprocess.run(["umount", "-l", str(target)], check=False)


@ROOT_ONLY
def test_a_full_disk_is_a_usage_error_and_the_old_build_stays(folder, capsys, mounted, no_editions):
    """A real full disk: a 1 MB tmpfs holding a build, then filled up but for a few kilobytes."""
    disk = mounted(["-t", "tmpfs", "-o", "size=1m", "tmpfs"], folder / "disk")
    out = disk / "2025"
    assert run(folder, outputs=out) == 0
    before = whole(out)
    try:
        with (disk / "filler").open("wb") as handle:
            while True:
                handle.write(b"x" * 4096)
                handle.flush()
    except OSError:
        pass  # the disk is full
    write_activities(folder / "in" / "2025" / "CULTURA.csv", [row(ref="C-1", title_en=None, notes="x" * 4000)] * 3)
    capsys.readouterr()
    assert run(folder, outputs=out) == 2
    _one_usage_line(capsys, "disco pieno / disk full", str(out))
    assert whole(out) == before
    assert not (disk / ".2025.staging").exists()


@ROOT_ONLY
def test_a_read_only_folder_is_a_usage_error(folder, capsys, mounted, no_editions):
    """A read-only bind mount of a folder that holds a build (chmod would not stop root)."""
    source = folder / "rw"
    assert run(folder, outputs=source / "out") == 0
    before = whole(source / "out")
    readonly = mounted(["--bind", str(source)], folder / "ro")
    subprocess.run(["mount", "-o", "remount,bind,ro", str(readonly)], check=True)
    write_activities(folder / "in" / "2025" / "CULTURA.csv", [CLEAN])
    capsys.readouterr()
    for command in ("build", "validate"):
        assert run(folder, command, outputs=readonly / "out") == 2
        _one_usage_line(capsys, "file system di sola lettura / read-only file system")
    assert whole(readonly / "out") == before


# ---- workers die with their parent ----------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the processes from /proc (Linux)")
def test_the_workers_die_when_the_main_process_is_killed(folder):
    """SIGKILL of the main process while a worker lays out the bilingual PDF (its job is handed over just before
    the web page is written): the workers are gone soon after, and that PDF is never written."""
    process = subprocess.Popen(cli(folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = folder / ".out.staging"
    try:
        for _ in range(12000):  # bounded: the build's first minutes on a loaded machine
            if (staging / "report_2025.html").exists() or process.poll() is not None:
                break
            time.sleep(0.01)
        workers = _children(process.pid)
        assert process.poll() is None and len(workers) >= 2, "the build ended or started no workers"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    for _ in range(400):
        if not any(_alive(pid) for pid in workers):
            break
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived their parent"
    assert not (staging / "report_2025.pdf").exists(), "a worker went on writing after its parent was killed"


# ---- the editions in the cache, for real ----------------------------------------------------------------------

def test_an_unchanged_build_keeps_the_real_editions_and_another_language_redoes_them(folder, capsys):
    assert run(folder, "build", "--lang", "it") == 0
    out = folder / "out"
    first = inodes(out)
    assert "report_2025_it.pdf" in first
    capsys.readouterr()
    assert run(folder, "build", "--lang", "it") == 0
    assert f"Invariato / Unchanged: {out / 'report_2025_it.pdf'}" in capsys.readouterr().out
    assert inodes(out) == first
    assert run(folder, "build", "--lang", "en") == 0
    second = whole(out)
    assert "report_2025_en.pdf" in second and "report_2025_it.pdf" not in second
    assert inodes(out)["feedback/AMBIENTE_2025.xlsx"] == first["feedback/AMBIENTE_2025.xlsx"]


def test_an_outputs_folder_given_as_a_link_is_built_where_it_points(folder, no_editions):
    target = folder / "elsewhere" / "2025"
    target.mkdir(parents=True)
    (folder / "link").symlink_to(target)
    assert run(folder, outputs=folder / "link") == 0
    assert (folder / "link").is_symlink()
    assert "validation_2025.csv" in whole(target)
