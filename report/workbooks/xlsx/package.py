"""An .xlsx package edited in place: cells restyled and commented, a sheet put first, every other part copied as is.

The feedback workbooks are a department's own file with a few cells marked and one sheet added. Loading and
saving the whole workbook with openpyxl spends nearly all its time on cells nobody changes; this edits only the
XML parts that change (workbook, styles, content types, the marked sheets with their comments and drawings)
and copies the rest byte for byte. A package it cannot edit safely (macros, strict OOXML, rows or cells
without a reference, drawings it cannot parse) raises `Unsupported`: the caller then hands it a copy that
openpyxl has rewritten into the plain form this understands.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from report.files import FORMULA_PREFIXES
from report.workbooks.xlsx.ooxml import (COMMENTS_TYPE, EXCEL, ILLEGAL, MAIN, NS, OFFICE, PARSER, PKG_REL, REF, REL,
                                    REL_TYPE, SHEET_TYPE, TYPES, VML, VML_TYPE, WORKBOOK_TYPE, Unsupported,
                                    column_number, qname, to_xml)
from report.workbooks.xlsx.sheetxml import NewSheet, PartSheet, find_cells
from report.workbooks.xlsx.stylesheet import Styles

_TAB_SELECTED = re.compile(rb"""tabSelected=(["'])(?:1|true)\1""")
_FORMULA_TEXT = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>[=+\-@]")  # a text run that begins like a formula
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # new parts' time stamp: the same input gives the same bytes
# Worksheet children after <legacyDrawing>, in the schema's order (legacyDrawing goes before the first present).
_AFTER_LEGACY = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                 "tableParts", "extLst")
_AFTER_DEFINED_NAMES = ("calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                        "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst")

EMPTY = {  # the parts of a workbook with no sheet: the base of a file that could not be read at all
    "[Content_Types].xml": (
        f'<Types xmlns="{TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        f'workbook.xml" ContentType="{WORKBOOK_TYPE}"/><Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": (f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL_TYPE}officeDocument" '
                    'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/></bookViews>'
                        '<sheets/></workbook>'),
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


def empty_workbook() -> bytes:
    """An .xlsx with no sheet yet (not valid until a sheet is added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in EMPTY.items():
            archive.writestr(zipfile.ZipInfo(name, _FIXED_TIME), text)
    return out.getvalue()


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
        if self.book.tag != qname(MAIN, "workbook"):
            raise Unsupported("not a transitional SpreadsheetML workbook")
        for name in self.names:  # a part with a DOCTYPE (entities, XXE) is never copied into a feedback
            if name.endswith((".xml", ".rels", ".vml")):
                with self.archive.open(name) as part:
                    if b"<!DOCTYPE" in part.read(4096).upper().replace(b"<!doctype", b"<!DOCTYPE"):
                        raise Unsupported(f"{name} declares a DOCTYPE")
        overrides = {o.get("PartName"): o.get("ContentType") for o in self.types.iterfind("t:Override", NS)}
        if overrides.get("/xl/workbook.xml") != WORKBOOK_TYPE or "xl/vbaProject.bin" in self.names:
            raise Unsupported("a workbook with macros or of another kind")
        self.changed: dict[str, bytes] = {}
        targets = {r.get("Id"): r for r in self.book_rels.iterfind("p:Relationship", NS)}
        self.sheet_parts: dict[str, str] = {}
        for sheet in self.book.iterfind("m:sheets/m:sheet", NS):
            rel = targets.get(sheet.get(qname(REL, "id")))
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
        return etree.fromstring(self._raw(part), PARSER)

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
        etree.SubElement(types, qname(TYPES, "Override"), PartName="/" + part, ContentType=content_type)

    def _relate(self, rels_part: str, kind: str, target: str) -> str:
        """Add a relationship to a rels part (created if missing); its new Id."""
        if rels_part in self.names or rels_part in self.trees:
            rels = self._edit(rels_part)
        else:
            rels = self.trees[rels_part] = etree.Element(qname(PKG_REL, "Relationships"), nsmap={None: PKG_REL})
        taken = {r.get("Id") for r in rels}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        etree.SubElement(rels, qname(PKG_REL, "Relationship"), Id=f"rId{n}", Type=REL_TYPE + kind, Target=target)
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
            cells = find_cells(root.find("m:sheetData", NS), set(notes))
        else:
            partial = self.partial[part] = PartSheet(self._raw(part))  # mark is called once per sheet
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
                strings = etree.fromstring(data, PARSER).iterfind("m:si", NS)
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
            rel = next((r for r in rels if r.get("Id") == legacy.get(qname(REL, "id"))), None)
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
                etree.SubElement(self._edit("[Content_Types].xml"), qname(TYPES, "Default"), Extension="vml",
                                 ContentType=VML_TYPE)
            rid = self._relate(rels_part, "vmlDrawing", "/" + vml_part)
            if legacy is not None:
                legacy.getparent().remove(legacy)
            legacy = etree.Element(qname(MAIN, "legacyDrawing"))
            legacy.set(qname(REL, "id"), rid)
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
            etree.SubElement(authors, qname(MAIN, "author")).text = author
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
            comment = etree.SubElement(comments.find("m:commentList", NS), qname(MAIN, "comment"), ref=ref,
                                       authorId=str(names.index(author)))
            run = etree.SubElement(etree.SubElement(comment, qname(MAIN, "text")), qname(MAIN, "t"))
            run.text = ILLEGAL.sub("\ufffd", text)
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
        entry = etree.Element(qname(MAIN, "sheet"), name=name, sheetId=str(max(ids, default=0) + 1))
        entry.set(qname(REL, "id"), rid)
        sheets.insert(0, entry)
        names = book.find("m:definedNames", NS)
        if names is None:
            names = etree.Element(qname(MAIN, "definedNames"))
            later = next((c for c in book if etree.QName(c).localname in _AFTER_DEFINED_NAMES), None)
            later.addprevious(names) if later is not None else book.append(names)
        for defined in names:
            if defined.get("localSheetId") is not None:
                defined.set("localSheetId", str(int(defined.get("localSheetId")) + 1))
        quoted = "'{}'".format(name.replace("'", "''"))
        if sheet.filter_ref:
            first, _, last = sheet.filter_ref.partition(":")
            absolute = ":".join("$" + "$".join(REF.fullmatch(r).groups()) for r in (first, last))
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
            parts[part] = to_xml(root)
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
    defined = etree.SubElement(names, qname(MAIN, "definedName"), name=name, localSheetId="0", **attributes)
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


class _Shapes:
    """The comment boxes of a sheet's VML drawing (one per comment, hidden until the cell is pointed at)."""

    def __init__(self, vml):
        self.vml = vml
        self.taken = set()
        numbers = [1024]
        for shape in vml.iter(qname(VML, "shape")):
            match = re.fullmatch(r"_x0000_s(\d+)", shape.get("id", ""))
            numbers.append(int(match[1]) if match else 0)
            data = shape.find(qname(EXCEL, "ClientData"))
            if data is not None and data.findtext(qname(EXCEL, "Row")) and data.findtext(qname(EXCEL, "Column")):
                self.taken.add((int(data.findtext(qname(EXCEL, "Row"))), int(data.findtext(qname(EXCEL, "Column")))))
        self.next = max(numbers) + 1
        if not any(t.get("id") == "_x0000_t202" for t in vml.iter(qname(VML, "shapetype"))):
            shapetype = etree.SubElement(vml, qname(VML, "shapetype"), id="_x0000_t202", coordsize="21600,21600",
                                         path="m,l,21600r21600,l21600,xe")
            shapetype.set(qname(OFFICE, "spt"), "202")
            etree.SubElement(shapetype, qname(VML, "stroke"), joinstyle="miter")
            path = etree.SubElement(shapetype, qname(VML, "path"), gradientshapeok="t")
            path.set(qname(OFFICE, "connecttype"), "rect")

    @staticmethod
    def _position(ref: str) -> tuple[int, int]:
        match = REF.fullmatch(ref)
        return int(match[2]) - 1, column_number(match[1]) - 1

    def has(self, ref: str) -> bool:
        return self._position(ref) in self.taken

    def add(self, ref: str, width: int, height: int) -> None:
        row, column = self._position(ref)
        shape = etree.SubElement(self.vml, qname(VML, "shape"), id=f"_x0000_s{self.next}", type="#_x0000_t202",
                                 style=f"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:{width}px;"
                                       f"height:{height}px;z-index:1;visibility:hidden", fillcolor="#ffffe1")
        shape.set(qname(OFFICE, "insetmode"), "auto")
        self.next += 1
        etree.SubElement(shape, qname(VML, "fill"), color2="#ffffe1")
        etree.SubElement(shape, qname(VML, "shadow"), color="black", obscured="t")
        etree.SubElement(shape, qname(VML, "path")).set(qname(OFFICE, "connecttype"), "none")
        box = etree.SubElement(shape, qname(VML, "textbox"), style="mso-direction-alt:auto")
        etree.SubElement(box, "div", style="text-align:left")
        data = etree.SubElement(shape, qname(EXCEL, "ClientData"), ObjectType="Note")
        etree.SubElement(data, qname(EXCEL, "MoveWithCells"))
        etree.SubElement(data, qname(EXCEL, "SizeWithCells"))
        etree.SubElement(data, qname(EXCEL, "AutoFill")).text = "False"
        etree.SubElement(data, qname(EXCEL, "Row")).text = str(row)
        etree.SubElement(data, qname(EXCEL, "Column")).text = str(column)
        self.taken.add((row, column))
