"""Find and read the department workbooks of a year: safety checks, sheets, header, department.

Reading never raises for bad files: a file that cannot be read becomes a `Submission` with one
file-level error finding and no rows, and the other files go on.
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import re
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, NamedTuple

from report import findings as fnd
from report import pool
from report.config import Config
from report.findings import Finding
from report.schema import (COLUMN_BY_KEY, HEADER_SEARCH_ROWS, INFO_MAX, MAX_COLUMNS, SHEET_ACTIVITIES, SHEET_INFO, SHEET_INSTRUCTIONS,
                           SHEET_LISTS, fold, header_index, info_index)
from report.settings import DEFAULTS
from report.texts import pair
from report.intake.values import CONTROL_CHARACTERS, as_text, is_blank, parse_date, scrub_rows

log = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
ACCEPTED_SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REQUIRED_KEYS = tuple(c.key for c in COLUMN_BY_KEY.values() if c.required)
MIN_HEADER_MATCHES = 3
WORKERS = DEFAULTS.read_workers                      # processes reading the files of a large year
PARALLEL_MIN = DEFAULTS.read_parallel_min            # a year is read by WORKERS processes from this many files...
PARALLEL_MIN_BYTES = DEFAULTS.read_parallel_min_bytes   # ...and bytes
MAX_FILE_BYTES = DEFAULTS.max_file_bytes             # larger files are rejected before parsing
MAX_UNPACKED_BYTES = DEFAULTS.max_unpacked_bytes     # zip-based workbooks that would unpack to more: rejected


@dataclass
class Submission:
    """One input file as read: its activity rows (raw cells by column key) and file-level findings."""
    path: Path
    name: str                                    # file name as shown to people
    sheet: str = ""
    header_row: int = 0                          # spreadsheet row of the header (1-based)
    columns: dict[str, int] = field(default_factory=dict)   # key -> 0-based column index
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (spreadsheet row, key -> raw cell)
    info: dict[str, object] = field(default_factory=dict)
    department: str = ""
    findings: list[Finding] = field(default_factory=list)
    rejected: bool = False                       # the whole file could not be read
    size: int = 0                                # bytes on disk
    sha256: str = ""                             # of the bytes read ('' when the file was not read)
    row_errors: dict[int, list[Finding]] = field(default_factory=dict)  # spreadsheet row -> errors found reading it
    declared: date | None = None                 # the date of the Info sheet, when it gives a readable one

    def add(self, code: str, **params) -> None:
        self.findings.append(fnd.make(code, source_file=self.name, sheet=self.sheet,
                                      department=self.department, **params))

    def flag_row(self, code: str, row: int, column: str, cell: str, **params) -> None:
        """An error found while reading a row's cell: the row's activity gets it (and is rejected)."""
        self.row_errors.setdefault(row, []).append(fnd.make(
            code, source_file=self.name, sheet=self.sheet, source_row=row, column=column, cell=cell,
            department=self.department, **params))

    def reject(self, code: str, **params) -> "Submission":
        self.add(code, **params)
        self.rejected = True
        self.rows = []
        return self


class Unreadable(Exception):
    """The file cannot be parsed; carries the finding code and parameters."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


# ---- discovery --------------------------------------------------------------------------------

def is_ignored(path: Path) -> bool:
    """Editor lock files, hidden files, folder notes and sub-folders are not submissions. Anything else is,
    even when it is not a regular file (a link, a FIFO, a device): read_submission rejects it with a reason."""
    name = path.name
    return name.startswith((".", "~$")) or name.endswith("#") or name.lower().startswith("readme") or path.is_dir()


def discover(inputs_dir: Path) -> list[Path]:
    """The candidate files of a year's folder, in name order (sub-folders are not searched)."""
    return sorted((p for p in inputs_dir.iterdir() if not is_ignored(p)), key=lambda p: p.name.casefold())


def shown_name(name: str) -> str:
    """A file name as people see it: bytes that are not UTF-8 and control characters become U+FFFD."""
    text = os.fsencode(name).decode("utf-8", "replace")
    return CONTROL_CHARACTERS.sub("\ufffd", text)


# ---- reading the bytes, once --------------------------------------------------------------------

NOT_REGULAR = {kind: pair(f"intake.not_regular.{kind}") for kind in ("broken", "loop", "fifo", "device", "socket",
                                                                     "other")}


def read_bytes(path: Path, folder: Path) -> tuple[bytes, int]:
    """The file's bytes and size, read once. Raises Unreadable, before reading the file, for a symbolic link
    that leads out of `folder` (or nowhere), for what is not a regular file, for a file over MAX_FILE_BYTES
    (by its size on disk, so a huge file is never read) and for a workbook check_safety refuses (by its zip
    directory alone)."""
    link = path.is_symlink()
    if link:
        try:
            target = path.resolve(strict=True)
        except RuntimeError as exc:
            raise Unreadable("file_not_regular", kind=NOT_REGULAR["loop"]) from exc
        except OSError as exc:
            raise Unreadable("file_not_regular", kind=NOT_REGULAR["broken"]) from exc
        if not target.is_relative_to(folder.resolve()):
            raise Unreadable("file_link_outside")
    _check_regular(os.stat(path))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | (0 if link else os.O_NOFOLLOW))  # no link swapped in meanwhile
    with os.fdopen(fd, "rb") as handle:
        size = _check_regular(os.fstat(handle.fileno()))
        check_safety(handle, path.suffix.lower())
        handle.seek(0)
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # grown since the check
        raise Unreadable("file_too_large", size_mb=_mb(len(data)), limit_mb=_mb(MAX_FILE_BYTES), size=len(data))
    return data, size


def _check_regular(st: os.stat_result) -> int:
    mode = st.st_mode
    if not stat.S_ISREG(mode):
        kind = ("fifo" if stat.S_ISFIFO(mode) else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "socket" if stat.S_ISSOCK(mode) else "other")
        raise Unreadable("file_not_regular", kind=NOT_REGULAR[kind])
    if st.st_size > MAX_FILE_BYTES:
        raise Unreadable("file_too_large", size_mb=_mb(st.st_size), limit_mb=_mb(MAX_FILE_BYTES), size=st.st_size)
    return st.st_size


# ---- safety -----------------------------------------------------------------------------------

def check_safety(handle: BinaryIO, suffix: str) -> None:
    """Reject, before any parsing, workbooks too large once unpacked, encrypted or not zip-based (reading the
    open file's zip directory, not the whole file)."""
    if suffix not in WORKBOOK_SUFFIXES:
        return
    if handle.read(8) == OLE_MAGIC:  # encrypted OOXML is an OLE container; so is an old .xls renamed
        raise (Unreadable("file_encrypted") if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d" in handle.read()
               else Unreadable("file_unreadable", detail=pair("intake.xls")))
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            unpacked = sum(m.file_size for m in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise Unreadable("file_zip_bomb", size_mb=_mb(unpacked), limit_mb=_mb(MAX_UNPACKED_BYTES))
            if suffix == ".ods" and b"encryption-data" in _read_member(archive, "META-INF/manifest.xml"):
                raise Unreadable("file_encrypted")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise Unreadable("file_unreadable", detail=pair("intake.not_zip")) from exc


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    try:
        return archive.read(info) if info.file_size < 1_000_000 else b""
    except Exception:  # noqa: BLE001 - a damaged member: the reader says so if it needs it
        return b""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


# ---- parsing ------------------------------------------------------------------------------------

class WorkbookSheets(Mapping):
    """The sheets of a workbook by name, each read on first access as rows of raw cells (row i is spreadsheet
    row i+1, empty cells ''). Read with python-calamine, the engine behind pandas' `engine="calamine"`, called
    directly: building DataFrames only to turn them back into rows made reading three times slower."""

    def __init__(self, source: Path | bytes):
        from python_calamine import CalamineWorkbook

        try:
            self._book = (CalamineWorkbook.from_filelike(io.BytesIO(source)) if isinstance(source, bytes)
                          else CalamineWorkbook.from_path(str(source)))
            self._names = list(self._book.sheet_names)
        except Exception as exc:  # calamine raises its own types for corrupt files
            raise Unreadable("file_unreadable", detail=_short(exc)) from exc
        self._rows: dict[str, list[list]] = {}

    def __getitem__(self, name: str) -> list[list]:
        if name not in self._rows:
            if name not in self._names:
                raise KeyError(name)
            try:
                self._rows[name] = self._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception as exc:  # a sheet calamine cannot decode
                raise Unreadable("file_unreadable", detail=_short(exc)) from exc
        return self._rows[name]

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def read_workbook_sheets(source: Path | bytes) -> WorkbookSheets:
    """Every sheet of a workbook, read lazily (see WorkbookSheets)."""
    return WorkbookSheets(source)


class CsvText(NamedTuple):
    rows: list[list]                          # record i is spreadsheet row i+1
    damaged: bool                             # bytes that are no character (invalid UTF-8), read as U+FFFD
    absorbed: list[tuple[int, int, int, int]]  # (record, field, first line, last line) of line-swallowing fields


def decode_text(data: bytes) -> tuple[str, bool]:
    """The text of a CSV file and whether it held invalid UTF-8. A file is UTF-8 unless it has no valid UTF-8
    multi-byte character at all, or fewer than it has invalid bytes (then it is Windows-1252): one bad byte in
    a UTF-8 file is read as U+FFFD, in its place, and never turns the whole file into Windows-1252 mojibake."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if valid > bad:
        return text, True
    text = data.decode("cp1252", errors="replace")  # its five undefined bytes become U+FFFD, reported too
    return text, "\ufffd" in text


def parse_csv(data: bytes) -> CsvText:
    """A CSV file's records as rows of text (UTF-8 or Windows-1252; ';' or ',' delimited). Record i is row i+1,
    as a spreadsheet program shows it: rows may have any number of cells, blank lines count. A quoted field
    holding line breaks whose lines look like records (half a record's delimiters or more) is listed in
    `absorbed`: an unclosed quote swallowing the rows after it."""
    text, damaged = decode_text(data)
    if "\x00" in text:
        raise Unreadable("file_unreadable", detail=pair("intake.binary"))
    delimiter = sniff_delimiter(text)
    rows, absorbed = [], []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for record in reader:
            first = line + 1
            line = reader.line_num
            if line > first:
                _find_absorbed(record, len(rows), first, delimiter, absorbed)
            rows.append(record)
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        raise Unreadable("file_unreadable", detail=_short(exc)) from exc
    return CsvText(rows, damaged, absorbed)


def _find_absorbed(record: list[str], index: int, first: int, delimiter: str, out: list) -> None:
    """Fields of a record that started on line `first` holding lines that look like records."""
    enough = max(3, (len(record) - 1) // 2)
    start = first
    for f, field_text in enumerate(record):
        lines = field_text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        if any(text.count(delimiter) >= enough for text in lines[1:]):
            out.append((index, f, start + 1, start + len(lines) - 1))
        start += field_text.replace("\r\n", "\n").count("\n") + field_text.count("\r") - field_text.count("\r\n")


def read_csv_rows(source: Path | bytes) -> list[list]:
    """A CSV file's records as rows of text (see parse_csv)."""
    return parse_csv(source if isinstance(source, bytes) else Path(source).read_bytes()).rows


def sniff_delimiter(text: str) -> str:
    """';' or ',' (or a tab): the one under which the first records hold the header with the most known
    columns; when no header is found, the one giving the most cells on the first non-blank line."""
    import itertools

    index = header_index()
    best, best_score = ";", (-1, -1)
    for candidate in (";", ",", "\t"):
        try:
            head = list(itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=candidate),
                                         HEADER_SEARCH_ROWS))
        except csv.Error:
            continue
        known = max((len({index.get(fold(cell.strip())) for cell in row} - {None}) for row in head), default=0)
        first = next((len(row) for row in head if any(cell.strip() for cell in row)), 0)
        if (known, first) > best_score:
            best, best_score = candidate, (known, first)
    return best


def _short(exc: Exception, named: bool = False) -> str:
    """The first line of an exception's message (120 characters at most), after its type when `named`."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if named or not text:
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text[:120]


# ---- header and department ------------------------------------------------------------------------

class Header(NamedTuple):
    row: int                          # 0-based index of the header row
    columns: dict[str, int]           # key -> 0-based column index (the first, when a column repeats)
    unknown: list[tuple[int, str]]    # (column index, header text) of headers that name no column
    repeated: list[tuple[int, str]]   # (column index, key) of the later copies of a column


def find_header(rows: list[list]) -> Header | None:
    """The first row within the search window that names a title and at least MIN_HEADER_MATCHES columns;
    None when there is none."""
    index = header_index()
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [index.get(fold(as_text(cell))) if not is_blank(cell) else None for cell in row]
        found = {k for k in keys if k}
        if len(found) >= MIN_HEADER_MATCHES and found & {"title_it", "title_en"}:
            header = Header(r, {}, [], [])
            for c, (key, cell) in enumerate(zip(keys, row)):
                if key is None:
                    if not is_blank(cell):
                        header.unknown.append((c, as_text(cell)))
                elif key in header.columns:
                    header.repeated.append((c, key))
                else:
                    header.columns[key] = c
            return header
    return None


def read_info(sub: Submission | None, rows: list[list]) -> dict[str, object]:
    """The Info sheet: labels in column A, values in column B. A value over INFO_MAX characters is left out,
    with a warning on `sub`."""
    index = info_index()
    info: dict[str, object] = {}
    for r, row in enumerate(rows):
        if len(row) >= 2 and not is_blank(row[0]):
            key = index.get(fold(as_text(row[0])[:INFO_MAX]))
            if key and key not in info and not is_blank(row[1]):
                if isinstance(row[1], str) and len(row[1]) > INFO_MAX:
                    if sub is not None:
                        sub.add("info_too_long", cell=f"B{r + 1}", label=as_text(row[0]), length=len(row[1]),
                                limit=INFO_MAX)
                    continue
                info[key] = row[1]
    return info


def declared_date(value) -> date | None:
    """The date an Info sheet declares (a date cell or a date written as text); None when missing or unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if is_blank(value):
        return None
    parsed, problems = parse_date(value)
    return None if problems else parsed


def department_from_name(name: str, config: Config) -> str:
    """`<CODE>.xlsx` or `<CODE>_<anything>.xlsx`, case-insensitive (the longest matching code wins)."""
    stem = Path(name).stem.upper()
    for code in sorted(config.codes, key=len, reverse=True):
        if stem == code or stem.startswith(code + "_") or stem.startswith(code + "-") or stem.startswith(code + " "):
            return code
    return ""


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ---- one file -----------------------------------------------------------------------------------

def _candidate_sheets(sheets: dict[str, list[list]]) -> list[str]:
    """Sheets in the order they are tried for activities: the template's name first, then the others."""
    skip = {fold(SHEET_INFO.name), fold(SHEET_INSTRUCTIONS.name), fold(SHEET_LISTS.name)}
    named = [s for s in sheets if fold(s) == fold(SHEET_ACTIVITIES.name)]
    return named + [s for s in sheets if s not in named and fold(s) not in skip] + \
        [s for s in sheets if fold(s) in skip and fold(s) != fold(SHEET_INFO.name)]


def _info_sheet_name(sheets: Mapping) -> str:
    names = {fold(SHEET_INFO.name), "info", "scheda", "schedainfo"}
    return next((name for name in sheets if fold(name) in names), "")


def _info_sheet(sheets: Mapping) -> list[list] | None:
    name = _info_sheet_name(sheets)
    return sheets[name] if name else None


def read_submission(path: Path, config: Config, year: int, display_name: str | None = None,
                    folder: Path | None = None) -> Submission:
    """Read one file of `folder` (default: its own) into a Submission; never raises for a bad file. The file is
    read once, and hashed then."""
    sub = Submission(path=path, name=display_name or shown_name(path.name))
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        return sub.reject("file_unsupported_type", extension=shown_name(suffix or path.name))
    try:
        data, sub.size = read_bytes(path, Path(folder) if folder else path.parent)
        sub.sha256 = hashlib.sha256(data).hexdigest()
        if suffix == ".csv":
            text = parse_csv(data)
            sheets = {"": text.rows}
        else:
            text, sheets = None, read_workbook_sheets(data)
        del data
        found = _read_sheets(sub, sheets, text, config, year)
    except Unreadable as exc:
        sub.department = sub.department or department_from_name(sub.name, config)
        sub.size = exc.params.pop("size", sub.size)
        return sub.reject(exc.code, **exc.params)
    except OSError as exc:
        sub.department = sub.department or department_from_name(sub.name, config)
        return sub.reject("file_unreadable", detail=exc.strerror or type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a reader's bug costs this file, not the year
        return _crashed(sub, exc, config)
    except BaseException as exc:  # a Rust panic in calamine arrives as pyo3's PanicException, not an Exception
        if type(exc).__name__ != "PanicException":
            raise
        return _crashed(sub, exc, config)
    if not found:
        return sub.reject("file_no_header", rows=HEADER_SEARCH_ROWS, year=year)
    if not sub.department and "department" not in sub.columns:
        sub.add("department_unknown", detail=sub.name, example=config.codes[0])
    if not sub.rows:
        sub.add("file_empty")
    return sub


def _crashed(sub: Submission, exc: BaseException, config: Config) -> Submission:
    """The file rejected as unreadable after an unexpected failure of the reader, which is logged."""
    log.warning("%s: reading failed unexpectedly: %s: %s", sub.name, type(exc).__name__, exc,
                exc_info=log.isEnabledFor(logging.DEBUG))
    sub.department = sub.department or department_from_name(sub.name, config)
    return sub.reject("file_unreadable", detail=_short(exc, named=True))


def _read_sheets(sub: Submission, sheets: Mapping, text: CsvText | None, config: Config, year: int) -> bool:
    """Info sheet, department, then the first sheet whose header matches; False when no sheet has a header."""
    info_rows = None if text else _info_sheet(sheets)
    if info_rows:
        _clean(sub, info_rows, _info_sheet_name(sheets), range(len(info_rows)))
    sub.info = read_info(sub, info_rows) if info_rows else {}
    sub.declared = declared_date(sub.info.get("date"))
    _resolve_department(sub, config)
    _check_info_year(sub, year)
    for name in ([""] if text else _candidate_sheets(sheets)):
        rows = sheets[name]
        header = find_header(rows)
        if header is not None:
            sub.sheet = name
            _cut_columns(sub, rows, name)
            _take_rows(sub, rows, header)
            _clean(sub, rows, name, [header.row, *(row - 1 for row, _ in sub.rows)])
            if text:
                _check_csv(sub, text)
            return True
    return False


def _cut_columns(sub: Submission, rows: list[list], sheet: str) -> None:
    """Cells beyond the last column a spreadsheet has are cut, with a warning (docs/rules.md)."""
    for r, row in enumerate(rows):
        if len(row) > MAX_COLUMNS:
            beyond = sum(not is_blank(cell) for cell in row[MAX_COLUMNS:])
            del row[MAX_COLUMNS:]
            if beyond:
                sub.findings.append(fnd.make("cells_beyond_last_column", source_file=sub.name, sheet=sheet,
                                             source_row=r + 1, department=sub.department, count=beyond,
                                             last=column_letter(MAX_COLUMNS - 1)))


def _clean(sub: Submission, rows: list[list], sheet: str, taken) -> None:
    """Control characters are removed from the rows taken (by 0-based index), with a warning on each cell
    (docs/rules.md): no writer ever meets one. The rows of sub.rows are rebuilt from the cleaned cells."""
    taken = list(taken)
    changed = {(taken[i], c): count for i, c, count in scrub_rows([rows[r] for r in taken])}
    for (r, c), count in changed.items():
        sub.findings.append(fnd.make("control_characters_removed", source_file=sub.name, sheet=sheet,
                                     source_row=r + 1, cell=f"{column_letter(c)}{r + 1}",
                                     department=sub.department, count=count))
    if changed and sub.columns:
        keys = list(sub.columns.items())
        sub.rows = [(row, {key: (rows[row - 1][c] if c < len(rows[row - 1]) else None) for key, c in keys})
                    for row, _ in sub.rows]


def _check_csv(sub: Submission, text: CsvText) -> None:
    """Errors on the rows of a CSV file: cells holding bytes that are not UTF-8, fields that swallowed rows."""
    by_index = {c: key for key, c in sub.columns.items()}
    taken = {row for row, _ in sub.rows}
    if text.damaged:
        for row, cells in sub.rows:
            for key, value in cells.items():
                if isinstance(value, str) and "\ufffd" in value:
                    sub.flag_row("text_bytes_invalid", row, key, f"{column_letter(sub.columns[key])}{row}",
                                 count=value.count("\ufffd"))
    for index, f, first, last in text.absorbed:
        row = index + 1
        where = pair("intake.lines" if last > first else "intake.line").fill(first=first, last=last)
        at = f"{column_letter(f)}{row}"
        if row in taken:
            sub.flag_row("quote_unclosed", row, by_index.get(f, ""), at, lines=where, at=at)
        else:
            sub.findings.append(fnd.make("quote_unclosed", source_file=sub.name, source_row=row, cell=at,
                                         department=sub.department, lines=where, at=at))


def _resolve_department(sub: Submission, config: Config) -> None:
    from_name = department_from_name(sub.name, config)
    given = as_text(sub.info.get("department", "")).upper()
    if given and config.department(given):
        sub.department = given
        if from_name and from_name != given:
            sub.add("department_mismatch", info=given, other=from_name)
    else:
        sub.department = from_name


def _check_info_year(sub: Submission, year: int) -> None:
    raw = sub.info.get("year")
    if raw is None:
        return
    text = as_text(raw)
    if re.fullmatch(r"\d{4}", text) and int(text) != year:
        sub.add("info_year_mismatch", info_year=text, year=year)


def _take_rows(sub: Submission, rows: list[list], header: Header) -> None:
    header_at, columns = header.row, header.columns
    sub.header_row = header_at + 1
    sub.columns = columns
    for c, text in header.unknown:
        sub.add("column_unknown", cell=f"{column_letter(c)}{sub.header_row}", header=text)
    for c, key in header.repeated:
        sub.add("column_repeated", column=key, cell=f"{column_letter(c)}{sub.header_row}",
                header=as_text(rows[header_at][c]), first=f"{column_letter(columns[key])}{sub.header_row}")
    for key in REQUIRED_KEYS:
        if key not in columns:
            column = COLUMN_BY_KEY[key]
            sub.add("column_missing", column=key, header=f"{column.header_it} / {column.header_en}")
    keys, indexes = list(columns), list(columns.values())
    width = max(indexes) + 1
    for r in range(header_at + 1, len(rows)):
        row = rows[r]
        if len(row) < width:  # CSV records may be short
            row = [*row, *[None] * (width - len(row))]
        values = [row[c] for c in indexes]
        if all(map(is_blank, values)):
            continue
        sub.rows.append((r + 1, dict(zip(keys, values))))


def read_year(inputs_dir: Path, config: Config, year: int, progress=None, workers: int | None = None
              ) -> list[Submission]:
    """Every submission of a year's folder, in file-name order. A large year (PARALLEL_MIN files and
    PARALLEL_MIN_BYTES) is read by `workers` (default WORKERS) forked processes; `progress(done, total, name)` is
    called here, in order, as the files come in."""
    paths = discover(inputs_dir)
    if len(paths) < PARALLEL_MIN or sum(_size(p) for p in paths) < PARALLEL_MIN_BYTES:
        workers = 1
    subs = []
    read = pool.in_order(lambda i: read_submission(paths[i], config, year, folder=inputs_dir), len(paths),
                         WORKERS if workers is None else workers)
    for i, sub in enumerate(read):
        subs.append(sub)
        if progress:
            progress(i + 1, len(paths), sub.name)
    _flag_repeated_departments(subs)
    return subs


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was listed: read_submission says so
        return 0


def _flag_repeated_departments(subs: list[Submission]) -> None:
    seen: dict[str, Submission] = {}
    for sub in subs:
        if not sub.department or sub.rejected:
            continue
        first = seen.setdefault(sub.department, sub)
        if first is not sub:
            sub.add("department_repeated", other=first.name)
