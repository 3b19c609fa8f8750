"""Bounded fuzzing of the input side: seeded damage to the sample workbooks in every format (.xlsx, .xlsm, .ods,
.csv): byte flips, truncations, zip members dropped, shuffled or corrupted. Each case runs the library in this
process (read, validate, validation CSV, feedback workbooks) on a folder holding the damaged file and two intact
ones, and checks that no exception escapes, the intact files' counts are unchanged and the ledger adds up.

FUZZ_CASES cases (default 240, well under a minute); `make fuzz` runs 5,000 and prints the figures."""
from __future__ import annotations

import io
import os
import random
import shutil
import zipfile
from pathlib import Path

from library_run import INTACT, counts, ledger_adds_up, run

ROOT = Path(__file__).parent.parent
INTACT_DIR = Path(__file__).parent / "data" / "regressions" / "fuzz_m0060" / "2025"
SAMPLES = ("AMBIENTE_2025.xlsx", "Sociali_2025_def.xlsx", "SPORT_2025.ods", "TEMPI_2025.csv", "CULTURA_2025.xlsx")
CASES = int(os.environ.get("FUZZ_CASES", "240"))
SEED = int(os.environ.get("FUZZ_SEED", "20251"))
MACRO_TYPE = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
SHEET_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def samples() -> dict[str, bytes]:
    """The sample files by name, plus an .xlsm made from an .xlsx (its workbook part typed as macro-enabled)."""
    out = {name: (ROOT / "inputs" / "2025" / name).read_bytes() for name in SAMPLES}
    out["COOP_PACE_2025.xlsm"] = rezip(out["AMBIENTE_2025.xlsx"], lambda members: [
        (n, d.replace(SHEET_TYPE, MACRO_TYPE) if n == "[Content_Types].xml" else d) for n, d in members])
    return out


def members_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def rezip(data: bytes, change) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in change(members_of(data)):
            archive.writestr(name, body)
    return buffer.getvalue()


def flip(data: bytes, rng: random.Random, n: int) -> bytes:
    body = bytearray(data)
    for _ in range(n):
        i = rng.randrange(len(body))
        body[i] ^= 1 << rng.randrange(8)
    return bytes(body)


def damage(data: bytes, is_zip: bool, rng: random.Random) -> tuple[str, bytes]:
    """One seeded damage: its name and the damaged bytes."""
    kinds = ["flip", "flips", "truncate"] + (["drop", "shuffle", "member_flip", "member_truncate"] if is_zip else [])
    kind = rng.choice(kinds)
    if kind == "flip":
        return kind, flip(data, rng, 1)
    if kind == "flips":
        return kind, flip(data, rng, rng.randint(2, 32))
    if kind == "truncate":
        return kind, data[:rng.randrange(len(data))]
    if kind == "drop":
        return kind, rezip(data, lambda m: [x for i, x in enumerate(m) if i != rng.randrange(len(m))])
    if kind == "shuffle":
        return kind, rezip(data, lambda m: rng.sample(m, len(m)))
    which = rng.randrange(len(members_of(data)))
    if kind == "member_flip":  # one part damaged inside, the zip itself sound
        return kind, rezip(data, lambda m: [(n, flip(d, rng, rng.randint(1, 8)) if i == which and d else d)
                                            for i, (n, d) in enumerate(m)])
    return kind, rezip(data, lambda m: [(n, d[:rng.randrange(len(d) + 1)] if i == which else d)
                                        for i, (n, d) in enumerate(m)])


def test_fuzz(tmp_path, config):
    rng = random.Random(SEED)
    originals = samples()
    inputs, outputs = tmp_path / "2025", tmp_path / "out"
    aborted, changed, disagreed = [], [], []
    for case in range(CASES):
        name = rng.choice(sorted(originals))
        kind, body = damage(originals[name], not name.endswith(".csv"), rng)
        shutil.rmtree(inputs, ignore_errors=True)
        inputs.mkdir()
        for intact in INTACT:
            shutil.copy(INTACT_DIR / intact, inputs / intact)
        (inputs / name).write_bytes(body)
        label = f"case {case}: {kind} of {name}"
        try:
            data = run(inputs, outputs, config)
        except Exception as exc:  # noqa: BLE001 - what the test counts
            aborted.append(f"{label}: {type(exc).__name__}: {exc}")
            continue
        found = counts(data)
        if any(found.get(intact) != expected for intact, expected in INTACT.items()):
            changed.append(f"{label}: {found}")
        if not ledger_adds_up(data) or len(data.ledger.lines) != 3:
            disagreed.append(label)
        if CASES > 1000 and (case + 1) % 500 == 0:  # make fuzz: a line now and then
            print(f"fuzz: {case + 1}/{CASES} cases, {len(aborted) + len(changed) + len(disagreed)} failed", flush=True)
    print(f"\nfuzz: {CASES} cases (seed {SEED}): {len(aborted)} runs aborted, {len(changed)} intact files changed, "
          f"{len(disagreed)} ledger disagreements")
    assert not (aborted or changed or disagreed), "\n".join((aborted + changed + disagreed)[:20])
