"""An .xlsx package edited in place: cells restyled and commented, a sheet put first, every other part copied as is.

The feedback workbooks are a department's own file with a few cells marked and one sheet added. Loading and
saving the whole workbook with openpyxl spends nearly all its time on cells nobody changes; this edits only the
XML parts that change (workbook, styles, content types, the marked sheets with their comments and drawings)
and copies the rest byte for byte. A package it cannot edit safely (macros, strict OOXML, rows or cells
without a reference, drawings it cannot parse) raises `Unsupported`: the caller then hands it a copy that
openpyxl has rewritten into the plain form this understands.
"""
from __future__ import annotations

import bisect
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from report.outputs import FORMULA_PREFIXES

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
VML, OFFICE, EXCEL = ("urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office",
                      "urn:schemas-microsoft-com:office:excel")
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS = {"m": MAIN, "r": REL, "p": PKG_REL, "t": TYPES}
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
_TAB_SELECTED = re.compile(rb"""tabSelected=(["'])(?:1|true)\1""")
_FORMULA_TEXT = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>[=+\-@]")  # a text run that begins like a formula
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # new parts' time stamp: the same input gives the same bytes
# Worksheet children after <legacyDrawing>, in the schema's order (legacyDrawing goes before the first present).
_AFTER_LEGACY = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                 "tableParts", "extLst")
_AFTER_DEFINED_NAMES = ("calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                        "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst")
_STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs")

EMPTY = {  # the parts of a workbook with no sheet: the base of a file that could not be read at all
    "[Content_Types].xml": (
        f'<Types xmlns="{TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        f'workbook.xml" ContentType="{WORKBOOK_TYPE}"/><Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": (f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL_TYPE}officeDocument" '
                    'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/></bookViews><sheets/></workbook>',
    "xl/_rels/workbook.xml.rels": (f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL_TYPE}'
                                   'styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
        '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
}


SEPARATOR = "\n\n—\n"  # between the comment written here and the cell's own comment kept after it


class Unsupported(Exception):
    """A package this module does not edit safely."""


# What a damaged or unusual package raises while being edited: the caller treats these as Unsupported too.
DAMAGED = (Unsupported, KeyError, ValueError, IndexError, AttributeError, TypeError, EOFError, zipfile.BadZipFile,
           etree.LxmlError)


def empty_workbook() -> bytes:
    """An .xlsx with no sheet yet (not valid until a sheet is added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in EMPTY.items():
            archive.writestr(zipfile.ZipInfo(name, _FIXED_TIME), text)
    return out.getvalue()


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xml_text(text: str) -> str:
    """Text as XML character data: escaped, the characters XML cannot hold replaced."""
    return escape(_ILLEGAL.sub("\ufffd", text))


def _tostring(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


_TREES: dict[int, tuple[object, bytes]] = {}  # id of an openpyxl style object -> (the object, its XML)


def _tree(obj) -> etree._Element:
    """An openpyxl style object (Font, PatternFill, Border, Alignment, Protection) as an lxml element."""
    cached = _TREES.get(id(obj))
    if cached is None or cached[0] is not obj:
        from openpyxl.xml.functions import tostring

        element = etree.fromstring(tostring(obj.to_tree()))
        for node in element.iter():
            node.tag = _q(MAIN, etree.QName(node).localname)
        cached = _TREES[id(obj)] = (obj, etree.tostring(element))
    return etree.fromstring(cached[1])


# ---- styles ------------------------------------------------------------------------------------------------

class Styles:
    """xl/styles.xml, to which cell formats are appended: built from openpyxl style objects, or an existing
    format with its fill, border or quote prefix changed. Each distinct format is appended once."""

    def __init__(self, root):
        if root.tag != _q(MAIN, "styleSheet"):
            raise Unsupported("styles part of another kind")
        self.root = root
        self.lists = {}
        for tag in _STYLE_ORDER:
            element = root.find(f"m:{tag}", NS)
            if element is None and tag in ("fonts", "fills", "borders", "cellXfs"):
                raise Unsupported(f"styles without {tag}")
            self.lists[tag] = element
        self.xfs = self.lists["cellXfs"].findall("m:xf", NS)
        self._parts: dict[tuple[str, bytes], int] = {}
        self._formats: dict[bytes, int] = {}
        self._added: dict[tuple, tuple[int, tuple]] = {}  # ids of add()'s objects -> (format, the objects)
        self.changed = False

    def _part(self, tag: str, obj) -> int:
        element = _tree(obj)
        key = (tag, etree.tostring(element))
        if key not in self._parts:
            container = self.lists[tag]
            container.append(element)
            self._parts[key] = len(container) - 1
        return self._parts[key]

    def _format(self, xf) -> int:
        key = etree.tostring(xf)
        if key not in self._formats:
            self.lists["cellXfs"].append(xf)
            self.xfs.append(xf)
            self._formats[key] = len(self.xfs) - 1
            self.changed = True
        return self._formats[key]

    def add(self, font=None, fill=None, border=None, alignment=None) -> int:
        """A new cell format from openpyxl style objects (None: the workbook's defaults)."""
        key = (id(font), id(fill), id(border), id(alignment))
        if key not in self._added:
            self._added[key] = (self._add(font, fill, border, alignment), (font, fill, border, alignment))
        return self._added[key][0]

    def _add(self, font, fill, border, alignment) -> int:
        xf = etree.Element(_q(MAIN, "xf"), numFmtId="0", xfId="0",
                           fontId=str(self._part("fonts", font)) if font else "0",
                           fillId=str(self._part("fills", fill)) if fill else "0",
                           borderId=str(self._part("borders", border)) if border else "0")
        for name, setting in (("applyFont", font), ("applyFill", fill), ("applyBorder", border),
                              ("applyAlignment", alignment)):
            if setting:
                xf.set(name, "1")
        if alignment:
            xf.append(_tree(alignment))
        return self._format(xf)

    def derive(self, index: int, fill=None, border=None, quote_prefix: bool = False) -> int:
        """Format `index` of the cells with another fill and border, or with the quote prefix that keeps text
        that looks like a formula as text."""
        if not 0 <= index < len(self.xfs):
            raise Unsupported(f"cell format {index} out of range")
        xf = etree.fromstring(etree.tostring(self.xfs[index]))
        if fill is not None:
            xf.set("fillId", str(self._part("fills", fill)))
            xf.set("applyFill", "1")
        if border is not None:
            xf.set("borderId", str(self._part("borders", border)))
            xf.set("applyBorder", "1")
        if quote_prefix:
            xf.set("quotePrefix", "1")
        return self._format(xf)

    def to_bytes(self) -> bytes:
        for element in self.lists.values():
            if element is not None:
                element.set("count", str(len(element)))
        return _tostring(self.root)


# ---- a new sheet -------------------------------------------------------------------------------------------

@dataclass
class NewSheet:
    """A sheet written from scratch: values (text or numbers) with format indices of `Styles`, sizes, merged
    ranges, links to cells of other sheets, frozen rows, a filter, print set-up."""
    widths: tuple[float, ...]
    cells: dict[int, dict[int, tuple[object, int]]] = field(default_factory=dict)  # row -> column -> (value, xf)
    heights: dict[int, float] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (cell, location, tooltip)
    frozen_rows: int = 0
    filter_ref: str = ""
    title_rows: str = ""  # printed on every page, as '9:9'

    def put(self, row: int, column: int, value, xf: int = 0) -> None:
        self.cells.setdefault(row, {})[column] = (value, xf)

    def to_bytes(self, selected: bool = True) -> bytes:
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
               f'xmlns:r="{REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>']
        last_row = max(self.cells, default=1)
        last_column = max((c for row in self.cells.values() for c in row), default=1)
        out.append(f'<dimension ref="A1:{column_letters(last_column)}{last_row}"/>')
        view = '<sheetView workbookViewId="0"' + (' tabSelected="1">' if selected else ">")
        if self.frozen_rows:
            top = f"A{self.frozen_rows + 1}"
            view += (f'<pane ySplit="{self.frozen_rows}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                     f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/>')
        out.append(f"<sheetViews>{view}</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>")
        out += [f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>' for c, w in enumerate(self.widths, 1)]
        out.append("</cols><sheetData>")
        for r in sorted(self.cells):
            height = self.heights.get(r)
            out.append(f'<row r="{r}"' + (f' ht="{height:g}" customHeight="1">' if height else ">"))
            for c in sorted(self.cells[r]):
                value, xf = self.cells[r][c]
                ref = f"{column_letters(c)}{r}"
                if value is None or value == "":
                    out.append(f'<c r="{ref}" s="{xf}"/>')
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    out.append(f'<c r="{ref}" s="{xf}"><v>{value}</v></c>')
                else:
                    out.append(f'<c r="{ref}" s="{xf}" t="inlineStr"><is><t xml:space="preserve">'
                               f'{xml_text(str(value))}</t></is></c>')
            out.append("</row>")
        out.append("</sheetData>")
        if self.filter_ref:
            out.append(f'<autoFilter ref="{self.filter_ref}"/>')
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">'
                       + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>")
        if self.links:
            out.append("<hyperlinks>" + "".join(
                f'<hyperlink ref="{ref}" location={quoteattr(xml_text(location))} display={quoteattr(xml_text(ref))}'
                f' tooltip={quoteattr(xml_text(tip))}/>' for ref, location, tip in self.links) + "</hyperlinks>")
        out.append('<printOptions gridLines="0"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" '
                   'header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
                   'fitToHeight="0"/></worksheet>')
        return "".join(out).encode("utf-8")


# ---- the package -------------------------------------------------------------------------------------------

@dataclass
class Note:
    """What a marked cell gets: a fill and a border (openpyxl objects) and a comment's text."""
    fill: object
    border: object
    text: str


class Package:
    """An .xlsx opened for editing; `to_bytes` writes it back with the changed parts."""

    def __init__(self, data: bytes):
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.archive.namelist())
            self.trees: dict[str, etree._Element] = {}  # parts parsed to be changed: serialised by to_bytes
            self.raw: dict[str, bytes] = {}  # parts as read
            self.types = self._edit("[Content_Types].xml")
            self.book = self._edit("xl/workbook.xml")
            self.book_rels = self._edit("xl/_rels/workbook.xml.rels")
        except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
            raise Unsupported(str(exc)) from exc
        if self.book.tag != _q(MAIN, "workbook"):
            raise Unsupported("not a transitional SpreadsheetML workbook")
        overrides = {o.get("PartName"): o.get("ContentType") for o in self.types.iterfind("t:Override", NS)}
        if overrides.get("/xl/workbook.xml") != WORKBOOK_TYPE or "xl/vbaProject.bin" in self.names:
            raise Unsupported("a workbook with macros or of another kind")
        self.changed: dict[str, bytes] = {}
        targets = {r.get("Id"): r for r in self.book_rels.iterfind("p:Relationship", NS)}
        self.sheet_parts: dict[str, str] = {}
        for sheet in self.book.iterfind("m:sheets/m:sheet", NS):
            rel = targets.get(sheet.get(_q(REL, "id")))
            if rel is not None:
                self.sheet_parts[sheet.get("name")] = _resolve("xl/workbook.xml", rel.get("Target"))
        styles_rel = next((r for r in targets.values() if r.get("Type") == REL_TYPE + "styles"), None)
        if styles_rel is None:
            raise Unsupported("a workbook without styles")
        self.styles_part = _resolve("xl/workbook.xml", styles_rel.get("Target"))
        self.styles = Styles(self._xml(self.styles_part))
        self.new_sheet: str | None = None
        self.partial: dict[str, PartSheet] = {}  # sheets edited without being parsed whole
        self._shared: set[str] | None = None
        self._formula_parts: dict[str, bool] = {}

    # -- parts

    def _raw(self, part: str) -> bytes:
        if part not in self.raw:
            self.raw[part] = self.archive.read(part)
        return self.raw[part]

    def _xml(self, part: str):
        if part in self.trees:
            return self.trees[part]
        return etree.fromstring(self._raw(part), _PARSER)

    def _edit(self, part: str):
        """The part's tree, kept to be written back."""
        if part not in self.trees:
            self.trees[part] = self._xml(part)
        return self.trees[part]

    def _free(self, pattern: str) -> str:
        """The first free part name of the pattern (with {n})."""
        n = 1
        while pattern.format(n=n) in self.names | set(self.changed) | set(self.trees):
            n += 1
        return pattern.format(n=n)

    def _override(self, part: str, content_type: str) -> None:
        types = self._edit("[Content_Types].xml")
        etree.SubElement(types, _q(TYPES, "Override"), PartName="/" + part, ContentType=content_type)

    def _relate(self, rels_part: str, kind: str, target: str) -> str:
        """Add a relationship to a rels part (created if missing); its new Id."""
        if rels_part in self.names or rels_part in self.trees:
            rels = self._edit(rels_part)
        else:
            rels = self.trees[rels_part] = etree.Element(_q(PKG_REL, "Relationships"), nsmap={None: PKG_REL})
        taken = {r.get("Id") for r in rels}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        etree.SubElement(rels, _q(PKG_REL, "Relationship"), Id=f"rId{n}", Type=REL_TYPE + kind, Target=target)
        return f"rId{n}"

    # -- cells

    def sheet_names(self) -> list[str]:
        return list(self.sheet_parts)

    def mark(self, sheet: str, notes: dict[str, Note], author: str) -> None:
        """Give each cell of `notes` its fill and border and a comment (before the sheet's own comment on it).
        A sheet with no formula-looking text is not parsed whole: only its marked rows are (PartSheet)."""
        part = self.sheet_parts[sheet]
        if part in self.trees or self._formula_text(part):
            root = self._edit(part)
            cells = _cells(root.find("m:sheetData", NS), set(notes))
        else:
            partial = self.partial.get(part) or self.partial.setdefault(part, PartSheet(self._raw(part)))
            root, cells = partial.frame, partial.cells(set(notes))
        for ref, note in notes.items():
            cell = cells[ref]
            cell.set("s", str(self.styles.derive(int(cell.get("s", "0")), note.fill, note.border)))
        self._comment(part, root, notes, author)

    def _shared_formula_text(self) -> set[str]:
        """The indices of the shared strings that begin like a formula."""
        if self._shared is None:
            self._shared = set()
            data = self._raw("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in self.names else b""
            if _FORMULA_TEXT.search(data):
                strings = etree.fromstring(data, _PARSER).iterfind("m:si", NS)
                self._shared = {str(i) for i, si in enumerate(strings)
                                if "".join(si.itertext()).startswith(FORMULA_PREFIXES)}
        return self._shared

    def _formula_text(self, part: str) -> bool:
        """Whether the sheet may hold text that begins like a formula (its own or a shared string)."""
        if part not in self._formula_parts:
            self._formula_parts[part] = bool(self._shared_formula_text()) or bool(_FORMULA_TEXT.search(self._raw(part)))
        return self._formula_parts[part]

    def quote_formula_text(self) -> None:
        """Text cells that begin like a formula get the quote prefix, so no spreadsheet runs them once edited."""
        shared = self._shared_formula_text()
        for part in self.sheet_parts.values():
            if part not in self.names or not self._formula_text(part):
                continue
            root = self._xml(part)
            found = _formula_like(root, shared)
            if found:
                self.trees[part] = root
                for cell in found:
                    cell.set("s", str(self.styles.derive(int(cell.get("s", "0")), quote_prefix=True)))

    # -- comments

    def _comment(self, part: str, root, notes: dict[str, Note], author: str) -> None:
        rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        rels = self._xml(rels_part) if rels_part in self.names or rels_part in self.trees else None
        comments_part = vml_part = None
        for rel in (rels if rels is not None else ()):
            if rel.get("Type") == REL_TYPE + "comments":
                comments_part = _resolve(part, rel.get("Target"))
        legacy = root.find("m:legacyDrawing", NS)
        if legacy is not None and rels is not None:
            rel = next((r for r in rels if r.get("Id") == legacy.get(_q(REL, "id"))), None)
            vml_part = _resolve(part, rel.get("Target")) if rel is not None else None
        if comments_part is None:
            comments_part = self._free("xl/comments{n}.xml")
            self.trees[comments_part] = etree.fromstring(
                f'<comments xmlns="{MAIN}"><authors/><commentList/></comments>')
            self._override(comments_part, COMMENTS_TYPE)
            self._relate(rels_part, "comments", "/" + comments_part)
        if vml_part is None:
            vml_part = self._free("xl/drawings/vmlDrawing{n}.vml")
            self.trees[vml_part] = etree.fromstring(
                f'<xml xmlns:v="{VML}" xmlns:o="{OFFICE}" xmlns:x="{EXCEL}"><o:shapelayout v:ext="edit">'
                '<o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>')
            if not any(d.get("Extension", "").lower() == "vml" for d in self.types.iterfind("t:Default", NS)):
                etree.SubElement(self._edit("[Content_Types].xml"), _q(TYPES, "Default"), Extension="vml",
                                 ContentType=VML_TYPE)
            rid = self._relate(rels_part, "vmlDrawing", "/" + vml_part)
            if legacy is not None:
                legacy.getparent().remove(legacy)
            legacy = etree.Element(_q(MAIN, "legacyDrawing"))
            legacy.set(_q(REL, "id"), rid)
            later = next((child for child in root if etree.QName(child).localname in _AFTER_LEGACY), None)
            if later is not None:
                later.addprevious(legacy)
            else:
                root.append(legacy)
        try:
            comments, vml = self._edit(comments_part), self._edit(vml_part)
        except (KeyError, etree.XMLSyntaxError) as exc:
            raise Unsupported(f"comments of {part}: {exc}") from exc
        authors = comments.find("m:authors", NS)
        names = [a.text for a in authors]
        if author not in names:
            etree.SubElement(authors, _q(MAIN, "author")).text = author
            names.append(author)
        listed = {c.get("ref"): c for c in comments.iterfind("m:commentList/m:comment", NS)}
        shapes = _Shapes(vml)
        for ref, note in notes.items():
            old = listed.get(ref)
            text = note.text
            if old is not None:
                before = "".join(old.find("m:text", NS).itertext()) if old.find("m:text", NS) is not None else ""
                text += SEPARATOR + before if before else ""
                old.getparent().remove(old)
            comment = etree.SubElement(comments.find("m:commentList", NS), _q(MAIN, "comment"), ref=ref,
                                       authorId=str(names.index(author)))
            run = etree.SubElement(etree.SubElement(comment, _q(MAIN, "text")), _q(MAIN, "t"))
            run.text = _ILLEGAL.sub("\ufffd", text)
            run.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if old is None or not shapes.has(ref):
                lines = sum(len(part) // 45 + 1 for part in text.split("\n"))
                shapes.add(ref, width=360, height=min(600, 16 * lines + 20))

    # -- sheets

    def insert_first(self, name: str, sheet: NewSheet) -> None:
        """Add `sheet` as the first, selected sheet; the other sheets' print areas and names keep pointing at
        them (their sheet indices move by one)."""
        part = self._free("xl/worksheets/sheet{n}.xml")
        self.changed[part] = sheet.to_bytes(selected=True)
        self._override(part, SHEET_TYPE)
        rid = self._relate("xl/_rels/workbook.xml.rels", "worksheet", "/" + part)
        book = self._edit("xl/workbook.xml")
        sheets = book.find("m:sheets", NS)
        ids = [int(s.get("sheetId", 0)) for s in sheets]
        entry = etree.Element(_q(MAIN, "sheet"), name=name, sheetId=str(max(ids, default=0) + 1))
        entry.set(_q(REL, "id"), rid)
        sheets.insert(0, entry)
        names = book.find("m:definedNames", NS)
        if names is None:
            names = etree.Element(_q(MAIN, "definedNames"))
            later = next((c for c in book if etree.QName(c).localname in _AFTER_DEFINED_NAMES), None)
            later.addprevious(names) if later is not None else book.append(names)
        for defined in names:
            if defined.get("localSheetId") is not None:
                defined.set("localSheetId", str(int(defined.get("localSheetId")) + 1))
        quoted = "'{}'".format(name.replace("'", "''"))
        if sheet.filter_ref:
            first, _, last = sheet.filter_ref.partition(":")
            absolute = ":".join("$" + "$".join(_REF.fullmatch(r).groups()) for r in (first, last))
            _define(names, "_xlnm._FilterDatabase", f"{quoted}!{absolute}", hidden="1")
        if sheet.title_rows:
            top, _, bottom = sheet.title_rows.partition(":")
            _define(names, "_xlnm.Print_Titles", f"{quoted}!${top}:${bottom}")
        if not len(names):
            book.remove(names)
        for view in book.iterfind("m:bookViews/m:workbookView", NS):
            view.set("activeTab", "0")
            view.attrib.pop("firstSheet", None)
        self.new_sheet = part

    # -- writing

    def to_bytes(self) -> bytes:
        parts = dict(self.changed)
        if self.styles.changed:
            parts[self.styles_part] = self.styles.to_bytes()
        for part, root in self.trees.items():
            parts[part] = _tostring(root)
        for part, partial in self.partial.items():
            parts[part] = partial.to_bytes()
        for part in self.sheet_parts.values():  # only the new first sheet is selected
            if part != self.new_sheet:
                body = parts[part] if part in parts else (self._raw(part) if part in self.names else b"")
                views_end = body.find(b"sheetData")  # the views come before the cells
                if _TAB_SELECTED.search(body, 0, len(body) if views_end < 0 else views_end):
                    parts[part] = _TAB_SELECTED.sub(b'tabSelected="0"', body)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in self.archive.infolist():
                body = parts.pop(item.filename, None)
                info = zipfile.ZipInfo(item.filename, item.date_time)
                info.compress_type, info._compresslevel = zipfile.ZIP_DEFLATED, 1  # fast: these files are small
                target.writestr(info, self._raw(item.filename) if body is None else body)
            for name in sorted(parts):
                info = zipfile.ZipInfo(name, _FIXED_TIME)
                info.compress_type, info._compresslevel = zipfile.ZIP_DEFLATED, 1
                target.writestr(info, parts[name])
        return out.getvalue()


def _resolve(source: str, target: str) -> str:
    """A relationship target as a part name: absolute ('/xl/x.xml') or relative to the source part's folder."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _define(names, name: str, text: str, **attributes) -> None:
    defined = etree.SubElement(names, _q(MAIN, "definedName"), name=name, localSheetId="0", **attributes)
    defined.text = text


_STARTS = " or ".join(f"starts-with({{0}}, '{p}')" for p in FORMULA_PREFIXES)
_FORMULA_CELLS = etree.XPath(f"m:sheetData/m:row/m:c[@t='inlineStr'][{_STARTS.format('string(m:is)')}]"
                             f" | m:sheetData/m:row/m:c[@t='str'][not(m:f)][{_STARTS.format('string(m:v)')}]",
                             namespaces=NS)
_SHARED_CELLS = etree.XPath("m:sheetData/m:row/m:c[@t='s']", namespaces=NS)


def _formula_like(root, shared: set[str]) -> list:
    """The text cells of a sheet that begin like a formula (`shared`: such shared strings' indices)."""
    found = _FORMULA_CELLS(root)
    if shared:
        found += [c for c in _SHARED_CELLS(root) if c.findtext("m:v", "", NS) in shared]
    return found


def _cells(data, refs: set[str]) -> dict[str, etree._Element]:
    """The <c> elements of the references among the rows of `data` (a sheetData), created (in row and column
    order) where there are none."""
    if data is None:
        raise Unsupported("a sheet without sheetData")
    wanted: dict[int, set[str]] = {}
    for ref in refs:
        match = _REF.fullmatch(ref)
        if not match:
            raise Unsupported(f"cell reference {ref!r}")
        wanted.setdefault(int(match[2]), set()).add(ref)
    rows: dict[int, etree._Element] = {}
    for row in data.iterfind("m:row", NS):
        if row.get("r") is None:
            raise Unsupported("a row without its number")
        number = int(row.get("r"))
        if number in wanted:
            rows[number] = row
    found: dict[str, etree._Element] = {}
    for number, row_refs in wanted.items():
        row = rows.get(number)
        if row is None:
            row = etree.Element(_q(MAIN, "row"), r=str(number))
            later = next((r for r in data.iterfind("m:row", NS) if int(r.get("r")) > number), None)
            later.addprevious(row) if later is not None else data.append(row)
        present = {}
        for cell in row.iterfind("m:c", NS):
            if cell.get("r") is None:
                raise Unsupported("a cell without its reference")
            present[cell.get("r")] = cell
        for ref in row_refs:
            if ref not in present:
                cell = etree.Element(_q(MAIN, "c"), r=ref)
                column = column_number(_REF.fullmatch(ref)[1])
                later = next((c for c in row.iterfind("m:c", NS)
                              if column_number(_REF.fullmatch(c.get("r"))[1]) > column), None)
                later.addprevious(cell) if later is not None else row.append(cell)
                present[ref] = cell
            found[ref] = present[ref]
    return found


_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData\b[^>]*?(/?)>")
_ROW_START = re.compile(rb"<((?:\w+:)?)row\b[^>]*?\sr=\"(\d+)\"[^>]*?(/?)>")
_NAMESPACES = re.compile(rb"""\sxmlns(?::[\w.-]+)?=(?:"[^"]*"|'[^']*')""")
_ROWS_HERE = "\ue000rows\ue000"  # stands for the rows in the serialised frame


class PartSheet:
    """A worksheet's XML edited without parsing it whole: the frame (everything but the rows) and the rows to
    change are parsed; the other rows stay bytes and are spliced back around them."""

    def __init__(self, raw: bytes):
        opening = _SHEET_DATA.search(raw)
        if opening is None:
            raise Unsupported("a sheet without sheetData")
        self.prefix = opening[1]
        if opening[2]:  # <sheetData/>: no rows
            head, self.body, tail = raw[:opening.start()], b"", raw[opening.end():]
        else:
            closing = raw.find(b"</" + self.prefix + b"sheetData>", opening.end())
            if closing < 0:
                raise Unsupported("sheetData not closed")
            head, self.body = raw[:opening.start()], raw[opening.end():closing]
            tail = raw[closing + len(self.prefix) + len(b"</sheetData>"):]
        root_tag = re.search(rb"<(?:\w+:)?worksheet\b[^>]*>", head)
        if root_tag is None:
            raise Unsupported("not a worksheet")
        self.namespaces = b"".join(_NAMESPACES.findall(root_tag[0]))
        name = self.prefix.decode()
        self.frame = etree.fromstring(head + f"<{name}sheetData>{_ROWS_HERE}</{name}sheetData>".encode() + tail,
                                      _PARSER)
        self.starts = {int(m[2]): m for m in _ROW_START.finditer(self.body)}  # row number -> its start tag
        if len(self.starts) != self.body.count(b"<" + self.prefix + b"row"):
            raise Unsupported("a row without its number, or twice")
        self.numbers = sorted(self.starts)
        self.changed: etree._Element | None = None

    def _span(self, number: int) -> tuple[int, int]:
        """Where an existing row's XML begins and ends in the rows' bytes."""
        match = self.starts[number]
        if match[3]:  # <row .../>
            return match.start(), match.end()
        end = self.body.find(b"</" + match[1] + b"row>", match.end())
        if end < 0:
            raise Unsupported("a row not closed")
        return match.start(), end + len(match[1]) + len(b"</row>")

    def cells(self, refs: set[str]) -> dict[str, etree._Element]:
        """As `_cells`, with only the rows of `refs` parsed (once: call this once per sheet)."""
        numbers = sorted({int(_REF.fullmatch(ref)[2]) for ref in refs if _REF.fullmatch(ref)} & set(self.starts))
        fragments = b"".join(self.body[slice(*self._span(n))] for n in numbers)
        self.changed = etree.fromstring(b"<rows" + self.namespaces + b">" + fragments + b"</rows>", _PARSER)
        return _cells(self.changed, refs)

    def _row_bytes(self, row) -> bytes:
        """A row as XML without the namespace declarations lxml repeats on it (the worksheet has them)."""
        text = etree.tostring(row)
        tag_end = text.index(b">")
        return _NAMESPACES.sub(b"", text[:tag_end]) + text[tag_end:]

    def to_bytes(self) -> bytes:
        pieces, at = [], 0
        for row in (self.changed if self.changed is not None else ()):  # in row order
            number = int(row.get("r"))
            if number in self.starts:
                start, end = self._span(number)
            else:  # a new row: before the first row after it
                later = bisect.bisect(self.numbers, number)
                start = end = self.starts[self.numbers[later]].start() if later < len(self.numbers) else len(self.body)
            pieces += [self.body[at:start], self._row_bytes(row)]
            at = end
        pieces.append(self.body[at:])
        head, _, tail = _tostring(self.frame).partition(_ROWS_HERE.encode())
        return head + b"".join(pieces) + tail


class _Shapes:
    """The comment boxes of a sheet's VML drawing (one per comment, hidden until the cell is pointed at)."""

    def __init__(self, vml):
        self.vml = vml
        self.taken = set()
        numbers = [1024]
        for shape in vml.iter(_q(VML, "shape")):
            match = re.fullmatch(r"_x0000_s(\d+)", shape.get("id", ""))
            numbers.append(int(match[1]) if match else 0)
            data = shape.find(_q(EXCEL, "ClientData"))
            if data is not None and data.findtext(_q(EXCEL, "Row")) and data.findtext(_q(EXCEL, "Column")):
                self.taken.add((int(data.findtext(_q(EXCEL, "Row"))), int(data.findtext(_q(EXCEL, "Column")))))
        self.next = max(numbers) + 1
        if not any(t.get("id") == "_x0000_t202" for t in vml.iter(_q(VML, "shapetype"))):
            shapetype = etree.SubElement(vml, _q(VML, "shapetype"), id="_x0000_t202", coordsize="21600,21600",
                                         path="m,l,21600r21600,l21600,xe")
            shapetype.set(_q(OFFICE, "spt"), "202")
            etree.SubElement(shapetype, _q(VML, "stroke"), joinstyle="miter")
            etree.SubElement(shapetype, _q(VML, "path"), gradientshapeok="t").set(_q(OFFICE, "connecttype"), "rect")

    @staticmethod
    def _position(ref: str) -> tuple[int, int]:
        match = _REF.fullmatch(ref)
        return int(match[2]) - 1, column_number(match[1]) - 1

    def has(self, ref: str) -> bool:
        return self._position(ref) in self.taken

    def add(self, ref: str, width: int, height: int) -> None:
        row, column = self._position(ref)
        shape = etree.SubElement(self.vml, _q(VML, "shape"), id=f"_x0000_s{self.next}", type="#_x0000_t202",
                                 style=f"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:{width}px;"
                                       f"height:{height}px;z-index:1;visibility:hidden", fillcolor="#ffffe1")
        shape.set(_q(OFFICE, "insetmode"), "auto")
        self.next += 1
        etree.SubElement(shape, _q(VML, "fill"), color2="#ffffe1")
        etree.SubElement(shape, _q(VML, "shadow"), color="black", obscured="t")
        etree.SubElement(shape, _q(VML, "path")).set(_q(OFFICE, "connecttype"), "none")
        box = etree.SubElement(shape, _q(VML, "textbox"), style="mso-direction-alt:auto")
        etree.SubElement(box, "div", style="text-align:left")
        data = etree.SubElement(shape, _q(EXCEL, "ClientData"), ObjectType="Note")
        etree.SubElement(data, _q(EXCEL, "MoveWithCells"))
        etree.SubElement(data, _q(EXCEL, "SizeWithCells"))
        etree.SubElement(data, _q(EXCEL, "AutoFill")).text = "False"
        etree.SubElement(data, _q(EXCEL, "Row")).text = str(row)
        etree.SubElement(data, _q(EXCEL, "Column")).text = str(column)
        self.taken.add((row, column))
