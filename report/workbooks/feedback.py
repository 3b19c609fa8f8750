"""Feedback workbooks: a department's own workbook back, each finding marked on its cell and listed first."""
from __future__ import annotations

import io
import logging
import re
import zlib
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Border, PatternFill
from openpyxl.utils import get_column_letter

from report import filenames
from report.findings import ERROR, INFO, SEVERITY_ORDER, WARNING, Finding
from report.intake.ingest import Submission, Unreadable, read_csv_rows, read_workbook_sheets
from report.files import atomic_path, neutralise
from report.settings import DEFAULTS
from report.pool import in_order
from report.schema import COLUMN_BY_KEY, MAX_COLUMNS, SHEET_ACTIVITIES
from report.intake.values import is_blank, scrub_rows, without_controls
from report.texts import pair
from report.workbooks import styles
from report.workbooks.xlsx import ooxml
from report.workbooks.xlsx import package
from report.workbooks.xlsx import sheetxml
from report.workbooks.xlsx import stylesheet
from report.workbooks.xlsx.ooxml import DAMAGED, Unsupported
from report.workbooks.xlsx.package import SEPARATOR, Note, Package, empty_workbook
from report.workbooks.xlsx.sheetxml import NewSheet
from report.workbooks.xlsx.stylesheet import Styles

log = logging.getLogger(__name__)

SHEET_FINDINGS = pair("feedback.sheet").both(" - ")
FEEDBACK_DIR = filenames.FEEDBACK_DIR
NAME_MAX = 100     # characters of a file's own name kept in its feedback's name (file systems allow 255 bytes)
WORKERS = DEFAULTS.feedback_workers            # processes writing the workbooks of a large year
PARALLEL_MIN = DEFAULTS.feedback_parallel_min  # files from which the workbooks are written in parallel
AUTHOR = pair("feedback.author").both()
# The findings sheet's columns: what an office worker reads first, the technical code last.
HEADINGS = (*(pair(f"feedback.head.{name}").both() for name in ("severity", "sheet", "cell", "column")),
            *pair("feedback.head.message"), pair("feedback.head.code").both())
WIDTHS = (16, 18, 9, 22, 56, 56, 20)


def feedback_name(sub: Submission, year: int, department: str = "") -> str:
    """`<CODE>_Y.xlsx`; a file of no known department is named after the file itself."""
    own = re.sub(r"[^\w.-]+", "_", Path(sub.name).stem).strip("._")[:NAME_MAX]
    stem = department or sub.department or own or "file"
    return filenames.workbook(stem, year)


def file_departments(data) -> dict[str, str]:
    """File name -> the department of its rows when a file without one of its own (no Info sheet, no code in
    its name) names a single one in its `department` column."""
    found: dict[str, set[str]] = defaultdict(set)
    for act in data.activities:
        if act.department:
            found[act.source_file].add(act.department)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def write_feedback(data, outputs_dir: Path, workers: int | None = None,
                   removed: list[Path] | None = None) -> list[Path]:
    """One feedback workbook per submitted file with findings, under outputs_dir/feedback; feedback files of an
    earlier run whose department now has nothing to report are removed (and appended to `removed`). From
    PARALLEL_MIN files on, written by `workers` processes. A workbook whose file, findings and code are those of the existing one is not
    written again (departments revalidate often; the keys are kept in .feedback-keys.json beside feedback/)."""
    folder = Path(outputs_dir) / FEEDBACK_DIR
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in data.findings:
        by_file[finding.source_file].append(finding)
    jobs: list[tuple[Submission, list[Finding], int, Path]] = []
    departments = file_departments(data)
    for sub in data.submissions:
        found = by_file.get(sub.name)
        if not found:
            continue
        name = feedback_name(sub, data.year, sub.department or departments.get(sub.name, ""))
        path, n = folder / name, 2
        while any(path == job[3] for job in jobs):
            path = folder / f"{Path(name).stem}_{n}.xlsx"
            n += 1
        jobs.append((sub, found, data.year, path))
    keys = {job[3].name: _job_key(job) for job in jobs}
    done = _read_keys(folder.parent)
    todo = [job for job in jobs if not (job[3].is_file() and done.get(job[3].name) == keys[job[3].name])]
    _write_all(todo, WORKERS if workers is None else workers)
    written = [job[3] for job in jobs]
    _write_keys(folder.parent, keys)
    if folder.is_dir():
        for stale in sorted(set(folder.glob(f"*_{data.year}*.xlsx")) - set(written)):
            log.info("removing stale feedback %s", stale)
            stale.unlink()
            if removed is not None:
                removed.append(stale)
    return written


KEYS_FILE = ".feedback-keys.json"  # beside feedback/: what each workbook was made from, to skip unchanged ones


def _job_key(job) -> str:
    """A digest of what a feedback workbook is made of: the submitted file, its findings and this code."""
    import hashlib

    sub, found, year, _ = job
    digest = hashlib.sha256()
    for part in (sub.sha256.encode(), repr(found).encode(), str(year).encode(),
                 *(Path(m.__file__).read_bytes() for m in (ooxml, package, sheetxml, styles, stylesheet)),
                 Path(__file__).read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _read_keys(folder: Path) -> dict[str, str]:
    import json

    try:
        return json.loads((folder / KEYS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_keys(folder: Path, keys: dict[str, str]) -> None:
    import json

    if keys:
        with atomic_path(folder / KEYS_FILE) as tmp:
            tmp.write_text(json.dumps(keys, indent=0, sort_keys=True), encoding="utf-8")
    else:
        (folder / KEYS_FILE).unlink(missing_ok=True)


def _write_one(job: tuple[Submission, list[Finding], int, Path]) -> Path:
    sub, found, year, path = job
    body = feedback_workbook(sub, found, year)
    with atomic_path(path) as tmp:
        tmp.write_bytes(body)
    return path


def _write_all(jobs: list, workers: int) -> list[Path]:
    """Write the jobs' workbooks, by forked worker processes when there are many (report.pool)."""
    return list(in_order(lambda i: _write_one(jobs[i]), len(jobs), workers if len(jobs) >= PARALLEL_MIN else 1))


def feedback_workbook(sub: Submission, found: list[Finding], year: int) -> bytes:
    """The workbook: the findings sheet first, then the department's own sheets with the findings marked.
    The department's .xlsx is edited in place (package); a file that cannot be (macros, another format, a
    shape package does not handle) is first rewritten by openpyxl, and a file that could not be read at all
    gets the findings sheet alone."""
    bases = _bases(sub)
    while True:
        try:
            base = next(bases)
        except StopIteration:
            raise AssertionError("an empty workbook is always supported") from None
        except Exception as exc:  # noqa: BLE001 - anything a damaged file can cause: the next base
            log.info("%s: no base workbook (%s: %s); trying the next one", sub.name, type(exc).__name__, exc)
            continue
        try:
            workbook = Package(base)
            if any(_is_findings_sheet(name) for name in workbook.sheet_names()):
                raise Unsupported("an earlier feedback workbook sent back: openpyxl's copy leaves out its marks")
            _annotate(workbook, sub, found, year)
            return workbook.to_bytes()
        except (*DAMAGED, *BROKEN) as exc:
            log.info("%s: %s (%s); trying a rewritten copy", sub.name, type(exc).__name__, exc)


# What a damaged member of a file raises when it is read (zlib's and zipfile's errors, an unknown compression)
BROKEN = (zlib.error, NotImplementedError, OSError, EOFError, Unreadable, UnicodeError, RuntimeError)


def _bases(sub: Submission):
    """The workbooks to add the findings to, best first: the file itself, openpyxl's copy, an empty one. A base
    that cannot be made (the file is damaged in a way its reader did not need) is skipped: the generator goes
    on to the next."""
    if not sub.rejected:
        if sub.path.suffix.lower() in (".xlsx", ".xlsm"):
            try:
                yield sub.path.read_bytes()
            except OSError as exc:
                log.info("cannot read %s again: %s", sub.name, exc)
        yield from _rewritten(sub)
    yield empty_workbook()


def _rewritten(sub: Submission):
    """openpyxl's copy of the department's workbook (none when it cannot be made)."""
    try:
        wb = _own_workbook(sub)
        if wb is not None:
            buffer = io.BytesIO()
            wb.save(buffer)
            yield buffer.getvalue()
    except Exception as exc:  # noqa: BLE001 - a damaged file: the empty workbook comes next
        log.info("%s: no rewritten copy (%s: %s)", sub.name, type(exc).__name__, exc)


def _annotate(workbook: Package, sub: Submission, found: list[Finding], year: int) -> None:
    names = workbook.sheet_names()
    default_sheet = names[0] if names else ""  # a CSV file's one sheet
    for finding_sheet, cells in _by_cell(found).items():
        target = finding_sheet or default_sheet
        if target in names:
            workbook.mark(target, {ref: _note(items) for ref, items in cells.items()}, AUTHOR)
    workbook.quote_formula_text()
    title = _free_name(names, SHEET_FINDINGS)
    workbook.insert_first(title, _findings_sheet(workbook.styles, sub, found, year, default_sheet, names))


# ---- the department's workbook -------------------------------------------------------------------

def _own_workbook(sub: Submission):
    """The submitted workbook as openpyxl writes it: .xlsx/.xlsm loaded (macros dropped), .ods and .csv rebuilt
    from the rows ingest read, at the same row and column positions; None when unreadable."""
    suffix = sub.path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            wb = openpyxl.load_workbook(sub.path, keep_vba=False, keep_links=False)
        except Exception as exc:  # noqa: BLE001 - openpyxl is stricter than calamine: rebuild instead
            log.info("openpyxl cannot load %s (%s): rebuilding from the rows read", sub.name, exc)
        else:
            _without_earlier_feedback(wb)
            for ws in wb.worksheets:  # as ingest read them: without control characters (reported there)
                for cell in ws._cells.values():
                    if isinstance(cell.value, str):
                        cell.value = without_controls(cell.value)[0]
            return wb
    try:
        sheets = {SHEET_ACTIVITIES.name: read_csv_rows(sub.path)} if suffix == ".csv" else read_workbook_sheets(sub.path)
    except (Unreadable, OSError) as exc:
        log.info("cannot rebuild %s: %s", sub.name, exc)
        return None
    sheets = {name: rows for name, rows in sheets.items() if not _is_findings_sheet(name)}
    for rows in sheets.values():
        scrub_rows(rows)  # as ingest read them: without control characters (reported there)
        for row in rows:
            del row[MAX_COLUMNS:]
    return _rebuild(sheets, sub.sheet or SHEET_ACTIVITIES.name, sub.header_row)


# ---- a feedback workbook sent back ---------------------------------------------------------------

def _is_findings_sheet(name: str) -> bool:
    return name == SHEET_FINDINGS or re.fullmatch(re.escape(SHEET_FINDINGS[:28]) + r" \d+", name) is not None


def _note_parts(text: str) -> tuple[bool, str]:
    """Whether a comment was written by a feedback (it opens with a severity label), and the department's own
    text kept after it."""
    ours = text.startswith(tuple(_comment_head(severity) for severity in styles.SEVERITY_LABEL))
    own = text.split(SEPARATOR, 1)[1] if ours and SEPARATOR in text else ("" if ours else text)
    return ours, own


def _without_earlier_feedback(wb) -> None:
    """A feedback workbook sent back, corrected, as the department's own workbook again: the findings sheet,
    the comments the feedback wrote (the department's own text after them is kept) and the fill and border of
    the cells they were on are removed, so that this run's marks are the only ones."""
    for ws in [ws for ws in wb.worksheets if _is_findings_sheet(ws.title)]:
        wb.remove(ws)
    for ws in wb.worksheets:
        for cell in list(ws._cells.values()):
            if cell.comment is None:
                continue
            ours, own = _note_parts(cell.comment.text or "")
            if ours:
                cell.fill, cell.border = PatternFill(), Border()
                cell.comment = Comment(own, cell.comment.author) if own else None


def _rebuild(sheets: dict[str, list[list]], header_sheet: str, header_row: int):
    """A workbook of the rows read, every value at its own row and column, the header row in bold."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name[:31] or SHEET_ACTIVITIES.name)
        lengths: Counter = Counter()
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if is_blank(value):
                    continue
                cell = ws.cell(row=r, column=c)
                if isinstance(value, (datetime, date)):
                    cell.value, cell.number_format = value, styles.DATE_FORMAT
                else:
                    cell.value = value
                    if isinstance(value, str):
                        cell.data_type = "s"
                if name == header_sheet and r == header_row:
                    cell.font, cell.alignment = styles.BOLD, styles.WRAP_TOP
                lengths[c] = max(lengths[c], min(len(str(value)), 50))
        for c, length in lengths.items():
            ws.column_dimensions[get_column_letter(c)].width = max(10, length + 2)
        styles.print_setup(ws, f"{header_row}:{header_row}" if name == header_sheet else None)
    return wb


def _by_cell(found: list[Finding]) -> dict[str, dict[str, list[Finding]]]:
    """sheet -> cell -> findings on it (file-level findings, which have no cell, are on the list only)."""
    cells: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in found:
        if finding.cell:
            cells[finding.sheet][finding.cell].append(finding)
    return cells


def _note(items: list[Finding]) -> Note:
    """Fill and border by the worst severity; a comment with every finding in Italian and English."""
    items = sorted(items, key=lambda f: SEVERITY_ORDER[f.severity])
    worst = items[0].severity
    text = "\n\n".join(f"{_comment_head(f.severity)}{f.message_it}\nEN: {f.message_en}" for f in items)
    return Note(styles.SEVERITY_FILL[worst], styles.SEVERITY_BORDER[worst], text)


def _comment_head(severity: str) -> str:
    """How a finding opens in a marked cell's comment (and how a comment written by a feedback is known)."""
    return f"{styles.SEVERITY_LABEL[severity].upper()}\nIT: "


def _free_name(names: list[str], name: str) -> str:
    candidate, n = name, 2
    while candidate in names:
        candidate, n = f"{name[:28]} {n}", n + 1
    return candidate


# ---- the findings sheet -----------------------------------------------------------------------------

def _column_label(key: str) -> str:
    column = COLUMN_BY_KEY.get(key)
    return column.header.replace("\n", " / ") if column else key


def _findings_sheet(book: Styles, sub: Submission, found: list[Finding], year: int, default_sheet: str,
                    sheets: list[str]) -> NewSheet:
    ws = NewSheet(WIDTHS)

    def put(row: int, column: int, value, **style) -> None:
        ws.put(row, column, neutralise(value) if isinstance(value, str) else value, book.add(**style))

    put(1, 1, styles.both(pair("feedback.title"), name=sub.name), font=styles.TITLE_FONT)
    department = sub.department or ", ".join(sorted({f.department for f in found if f.department})) or "?"
    put(2, 1, styles.both(pair("feedback.about"), department=department, year=year))
    counts = Counter(f.severity for f in found)
    row = 4
    for severity in (ERROR, WARNING, INFO):
        put(row, 1, styles.SEVERITY_LABEL[severity], font=styles.BOLD, fill=styles.SEVERITY_FILL[severity],
            border=styles.SEVERITY_BORDER[severity])
        put(row, 2, counts[severity], font=styles.BOLD, alignment=styles.CENTER)
        put(row, 3, styles.both(pair(f"feedback.effect.{severity}")))
        row += 1
    for text in pair("feedback.unreadable" if sub.rejected else "feedback.todo"):
        row += 1
        put(row, 1, text, alignment=styles.WRAP_TOP)
        ws.merges.append(f"A{row}:{get_column_letter(len(HEADINGS))}{row}")
        ws.heights[row] = styles.LINE_HEIGHT * (len(text) // sum(WIDTHS) + 2)
    row += 2
    head = row
    for c, label in enumerate(HEADINGS, start=1):
        put(head, c, label, font=styles.HEADER_FONT, fill=styles.HEADER_FILL, alignment=styles.HEADER_ALIGN,
            border=styles.THIN_BORDER)
    ws.heights[head] = 2 * styles.LINE_HEIGHT
    for f in sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], f.source_row or 0, f.cell, f.code)):
        row += 1
        sheet = f.sheet or (default_sheet if f.cell else "")
        where = f.cell or str(f.source_row or "")  # a row finding on a column the sheet lacks has a row, no cell
        values = (styles.SEVERITY_LABEL[f.severity], f.sheet, where, _column_label(f.column) if f.column else "",
                  f.message_it, f.message_en, f.code)
        linked = bool(f.cell) and sheet in sheets
        for c, value in enumerate(values, start=1):
            put(row, c, value if value not in (None, "") else None, alignment=styles.WRAP_TOP,
                border=styles.THIN_BORDER, fill=styles.SEVERITY_FILL[f.severity] if c == 1 else None,
                font=styles.LINK_FONT if c == 3 and linked else None)
        if linked:
            ws.links.append((f"C{row}", styles.sheet_ref(sheet, f.cell), f"{sheet} {f.cell}"))
        ws.heights[row] = styles.fitted_height(values, WIDTHS)
    ws.frozen_rows = head
    ws.filter_ref = f"A{head}:{get_column_letter(len(HEADINGS))}{max(row, head + 1)}"
    ws.title_rows = f"{head}:{head}"
    return ws
