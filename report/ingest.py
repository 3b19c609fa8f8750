"""Find and read the department workbooks of a year: safety checks, sheets, header, department.

Reading never raises for bad files: a file that cannot be read becomes a `Submission` with one
file-level error finding and no rows, and the other files go on.
"""
from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from report import findings as fnd
from report import pool
from report.config import MAX_FILE_BYTES, MAX_UNPACKED_BYTES, Config
from report.findings import Finding, Text
from report.schema import (COLUMN_BY_KEY, HEADER_SEARCH_ROWS, SHEET_ACTIVITIES, SHEET_INFO, SHEET_INSTRUCTIONS,
                           SHEET_LISTS, fold, header_index, info_index)
from report.values import as_text, is_blank

log = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
ACCEPTED_SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REQUIRED_KEYS = tuple(c.key for c in COLUMN_BY_KEY.values() if c.required)
MIN_HEADER_MATCHES = 3
WORKERS = 2                      # processes reading the files of a large year (1: all in this process)
PARALLEL_MIN = 8                 # a year is read by WORKERS processes from this many files...
PARALLEL_MIN_BYTES = 3_000_000   # ...and bytes (~200 ms of reading; below, sending the rows back costs the gain)


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

    def add(self, code: str, **params) -> None:
        self.findings.append(fnd.make(code, source_file=self.name, sheet=self.sheet,
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
    """Editor lock files, hidden files and folder notes are not submissions."""
    name = path.name
    return (name.startswith((".", "~$")) or name.endswith("#") or name.lower().startswith("readme")
            or not path.is_file())


def discover(inputs_dir: Path) -> list[Path]:
    """The candidate files of a year's folder, in name order (sub-folders are not searched)."""
    return sorted((p for p in inputs_dir.iterdir() if not is_ignored(p)), key=lambda p: p.name.casefold())


# ---- safety -----------------------------------------------------------------------------------

def check_safety(path: Path) -> None:
    """Reject, before any parsing, files too large on disk or once unpacked, encrypted or not zip-based."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise Unreadable("file_too_large", size_mb=_mb(size), limit_mb=_mb(MAX_FILE_BYTES))
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:  # encrypted OOXML is an OLE container; so is an old .xls renamed
        raise (Unreadable("file_encrypted") if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d" in path.read_bytes()
               else Unreadable("file_unreadable", detail=Text("formato Excel 97-2003 (.xls)", "Excel 97-2003 format (.xls)")))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(m.file_size for m in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise Unreadable("file_zip_bomb", size_mb=_mb(unpacked), limit_mb=_mb(MAX_UNPACKED_BYTES))
            if path.suffix.lower() == ".ods" and b"encryption-data" in _read_member(archive, "META-INF/manifest.xml"):
                raise Unreadable("file_encrypted")
    except zipfile.BadZipFile as exc:
        raise Unreadable("file_unreadable", detail=Text("non è un file .xlsx/.ods valido", "not a valid .xlsx/.ods file")) from exc


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    return archive.read(info) if info.file_size < 1_000_000 else b""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


# ---- parsing ------------------------------------------------------------------------------------

class WorkbookSheets(Mapping):
    """The sheets of a workbook by name, each read on first access as rows of raw cells (row i is spreadsheet
    row i+1, empty cells ''). Read with python-calamine, the engine behind pandas' `engine="calamine"`, called
    directly: building DataFrames only to turn them back into rows made reading three times slower."""

    def __init__(self, path: Path):
        from python_calamine import CalamineWorkbook

        try:
            self._book = CalamineWorkbook.from_path(str(path))
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


def read_workbook_sheets(path: Path) -> WorkbookSheets:
    """Every sheet of a workbook, read lazily (see WorkbookSheets)."""
    return WorkbookSheets(path)


def read_csv_rows(path: Path) -> list[list]:
    """A CSV file's records as rows of text (UTF-8 or Windows-1252; ';' or ',' delimited). Record i is row i+1,
    as a spreadsheet program shows it: rows may have any number of cells, blank lines count."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise Unreadable("file_unreadable", detail=Text("codifica del testo sconosciuta", "unknown text encoding"))
    if "\x00" in text:
        raise Unreadable("file_unreadable", detail=Text("contiene dati binari, non testo", "binary data, not text"))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        raise Unreadable("file_unreadable", detail=_short(exc)) from exc


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


def read_info(rows: list[list]) -> dict[str, object]:
    """The Info sheet: labels in column A, values in column B."""
    index = info_index()
    info: dict[str, object] = {}
    for row in rows:
        if len(row) >= 2 and not is_blank(row[0]):
            key = index.get(fold(as_text(row[0])))
            if key and key not in info and not is_blank(row[1]):
                info[key] = row[1]
    return info


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


def _info_sheet(sheets: dict[str, list[list]]) -> list[list] | None:
    names = {fold(SHEET_INFO.name), "info", "scheda", "schedainfo"}
    return next((sheets[name] for name in sheets if fold(name) in names), None)


def read_submission(path: Path, config: Config, year: int, display_name: str | None = None) -> Submission:
    """Read one file into a Submission; never raises for a bad file."""
    sub = Submission(path=path, name=display_name or path.name)
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        return sub.reject("file_unsupported_type", extension=suffix or path.name)
    try:
        check_safety(path)
        sheets = {"": read_csv_rows(path)} if suffix == ".csv" else read_workbook_sheets(path)
        found = _read_sheets(sub, sheets, suffix == ".csv", config, year)
    except Unreadable as exc:
        sub.department = sub.department or department_from_name(sub.name, config)
        return sub.reject(exc.code, **exc.params)
    except OSError as exc:
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


def _read_sheets(sub: Submission, sheets: Mapping, is_csv: bool, config: Config, year: int) -> bool:
    """Info sheet, department, then the first sheet whose header matches; False when no sheet has a header."""
    info_rows = None if is_csv else _info_sheet(sheets)
    sub.info = read_info(info_rows) if info_rows else {}
    _resolve_department(sub, config)
    _check_info_year(sub, year)
    for name in ([""] if is_csv else _candidate_sheets(sheets)):
        rows = sheets[name]
        header = find_header(rows)
        if header is not None:
            sub.sheet = name
            _take_rows(sub, rows, header)
            return True
    return False


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
    read = pool.in_order(lambda i: read_submission(paths[i], config, year), len(paths),
                         WORKERS if workers is None else workers)
    for i, sub in enumerate(read):
        subs.append(sub)
        if progress:
            progress(i + 1, len(paths), paths[i].name)
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
