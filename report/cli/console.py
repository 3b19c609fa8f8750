"""Text the command line prints: the summary, the findings, the ledger table, a progress bar."""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from report.findings import ERROR, INFO, SEVERITY_ORDER, WARNING, Finding
from report.intake.ledger import Ledger
from report.schema import COLUMN_BY_KEY, SHEET_ACTIVITIES

LABELS = {ERROR: "ERRORE/ERROR", WARNING: "AVVISO/WARNING", INFO: "INFO"}
PLURALS = {ERROR: "errori/errors", WARNING: "avvisi/warnings", INFO: "info"}
COLORS = {ERROR: "31", WARNING: "33", INFO: "36", "ok": "32", "bold": "1", "dim": "2"}


class Style:
    """ANSI colour on a terminal, plain text otherwise."""

    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, kind: str) -> str:
        return f"\033[{COLORS[kind]}m{text}\033[0m" if self.color else text


def table(headers: list[str], rows: list[list], align: str) -> list[str]:
    """Fixed-width text table; `align` has one 'l' or 'r' per column."""
    cells = [headers, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row):
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(row, widths, align)).rstrip()

    rule = "  ".join("-" * w for w in widths).rstrip()
    return [line(headers), rule, *(line(r) for r in cells[1:-1]), rule, line(cells[-1])] if len(cells) > 2 \
        else [line(headers), rule]


def summary(found: list[Finding], departments: list[str], style: Style) -> list[str]:
    """Counts of findings by department and severity: printed first."""
    counts = Counter((f.department or "?", f.severity) for f in found)
    depts = list(dict.fromkeys([*departments, *sorted({d for d, _ in counts})]))
    rows = [[d, counts[d, ERROR], counts[d, WARNING], counts[d, INFO]] for d in depts if
            any(counts[d, s] for s in SEVERITY_ORDER)]
    total = Counter(f.severity for f in found)
    lines = [style("Riepilogo delle segnalazioni / Findings summary", "bold")]
    if not rows:
        return [*lines, style("  Nessuna segnalazione / No findings", "ok")]
    body = table(["Settore/Department", "Errori/Errors", "Avvisi/Warnings", "Info"],
                 [*rows, ["Totale/Total", total[ERROR], total[WARNING], total[INFO]]], "lrrr")
    return [*lines, *("  " + line for line in body)]


def details(found: list[Finding], style: Style, verbose: bool) -> list[str]:
    """Findings file by file, errors before warnings before info; info collapsed unless verbose."""
    lines: list[str] = []
    by_file: dict[str, list[Finding]] = {}
    for f in found:
        by_file.setdefault(f.source_file, []).append(f)
    for name, items in by_file.items():
        counts = Counter(f.severity for f in items)
        department = next((f.department for f in items if f.department), "?")
        if lines:
            lines.append("")
        lines.append(style(name, "bold") + f"  ({department}: " + ", ".join(
            f"{PLURALS[s]} {counts[s]}" for s in (ERROR, WARNING, INFO) if counts[s]) + ")")
        items = sorted(items, key=lambda f: (SEVERITY_ORDER[f.severity], f.source_row or 0, f.cell))
        infos = [f for f in items if f.severity == INFO]
        for f in items:
            if f.severity == INFO and not verbose:
                continue
            lines.append(f"  {style(LABELS[f.severity], f.severity)} {where(f)} [{f.code}]")
            lines.append(f"    IT: {f.message_it}")
            lines.append(f"    EN: {f.message_en}")
        if infos and not verbose:
            codes = Counter(f.code for f in infos)
            lines.append("  " + style(f"{LABELS[INFO]} ", INFO) + ", ".join(f"{c} × {n}" for c, n in codes.items())
                         + " (--verbose)")
    return lines


def where(f: Finding) -> str:
    """Where a finding is, as a person finds it: the cell (and the sheet when it is not the template's),
    the column's headers; `file` for a finding about the whole file."""
    if f.source_row is None and not f.cell:
        place = "intero file/whole file"
    else:
        place = f.cell or f"riga/row {f.source_row}"
        if f.sheet and f.sheet != SHEET_ACTIVITIES.name:
            place = f"{f.sheet} › {place}"
    column = COLUMN_BY_KEY.get(f.column)
    if column:
        place += f" · {column.header_it}" + ("" if column.header_it == column.header_en else f" / {column.header_en}")
    return place


def ledger_table(ledger: Ledger, style: Style, departments: tuple[str, ...] = ()) -> list[str]:
    """Rows read = accepted + rejected + outside the year, per file and in total; then the departments
    (of those given) that sent no file."""
    rows = [[line.source_file, line.department or "?", line.read, line.accepted, line.rejected, line.outside,
             "file respinto/file rejected" if line.file_rejected else ""] for line in ledger.lines]
    t = ledger.total
    rows.append(["Totale/Total", "", t.read, t.accepted, t.rejected, t.outside,
                 f"file respinti/files rejected: {ledger.files_rejected}" if ledger.files_rejected else ""])
    head = style("Registro delle righe / Row ledger (lette = accettate + respinte + fuori anno / "
                 "read = accepted + rejected + outside the year)", "bold")
    body = table(["File", "Settore/Dept", "Lette/Read", "Accettate/Accepted", "Respinte/Rejected",
                  "Fuori anno/Outside", ""], rows, "llrrrrl")
    check = style("  I conti tornano / Every row is accounted for", "ok") if ledger.balanced else \
        style("  I conti NON tornano / Rows are NOT accounted for", ERROR)
    lines = [head, *("  " + line for line in body), check]
    if t.rejected or ledger.files_rejected:
        lines.append("  Le righe e i file respinti non entrano nella relazione: i settori li correggano e li inviino "
                     "di nuovo. / Rejected rows and files are not in the report: the departments should correct "
                     "and resend them.")
    sent = {line.department for line in ledger.lines}
    missing = [code for code in departments if code not in sent]
    if missing:
        lines.append(style(f"  Settori senza file / Departments with no file ({len(missing)}): "
                           + ", ".join(missing), WARNING))
    return lines


def written(paths: list[Path], verb: tuple[str, str] = ("Scritto", "Written")) -> list[str]:
    """The files written (or another `verb`, Italian and English): one line each in the outputs folder, one line
    per sub-folder (charts, feedback)."""
    if not paths:
        return []
    top = min((p.parent for p in paths), key=lambda folder: len(folder.parts))
    counts = Counter(p.parent for p in paths)
    lines: list[str] = []
    for path in paths:
        if path.parent == top or counts[path.parent] == 1:
            lines.append(f"{verb[0]} / {verb[1]}: {path}")
        elif counts[path.parent] > 0:
            lines.append(f"{verb[0]} / {verb[1]}: {path.parent}{os.sep} ({counts[path.parent]} file / files)")
            counts[path.parent] = 0
    return lines


def removed(paths: list[Path]) -> list[str]:
    """The feedback workbooks of an earlier run removed because their file has no findings any more."""
    return [f"Rimosso / Removed: {path} (il file del settore non ha più segnalazioni / the department's file has "
            f"no findings any more)" for path in paths]


class Progress:
    """A one-line progress bar on standard error (only on a terminal with enough files)."""

    def __init__(self, enabled: bool, width: int = 30):
        self.enabled, self.width = enabled, width

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        filled = int(self.width * done / max(total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {name[:40]:<40}")
        if done == total:
            sys.stderr.write("\r" + " " * (self.width + 60) + "\r")
        sys.stderr.flush()


def use_color(args) -> bool:
    """Colours on a terminal, unless --no-color or NO_COLOR."""
    return not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
