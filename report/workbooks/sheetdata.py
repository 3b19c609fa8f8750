"""Cells set aside: an .xlsx whose sheets keep only the cells openpyxl must edit, and the others put back after.

openpyxl spends almost all of a feedback workbook's time parsing and writing cells it never changes. `lighten`
copies the workbook with every other cell held aside (as XML elements), `restore` puts the held cells back
into the workbook openpyxl saved, their text appended to its shared strings and their styles unchanged
(openpyxl writes a loaded workbook's cell formats in their original order, new ones after). Anything this
does not handle (shared or array formulas, cells without a reference, another namespace) returns None, and
the caller loads the whole workbook instead.
"""
from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

log = logging.getLogger(__name__)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"m": MAIN}
_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


@dataclass
class Held:
    """The cells set aside, by sheet name: row number -> (the row's attributes, its cells set aside)."""
    rows: dict[str, dict[int, tuple[dict, list]]] = field(default_factory=dict)
    dimensions: dict[str, str] = field(default_factory=dict)
    strings: list[etree._Element] = field(default_factory=list)  # the original shared strings (<si>)


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _cells_of(ref: str) -> set[str]:
    """'A1' or a range 'A1:C3' as the set of its cell references."""
    first, _, last = ref.partition(":")
    a, b = _REF.fullmatch(first), _REF.fullmatch(last or first)
    if not a or not b:
        return set()
    c0, c1 = sorted((column_number(a[1]), column_number(b[1])))
    r0, r1 = sorted((int(a[2]), int(b[2])))
    if (c1 - c0 + 1) * (r1 - r0 + 1) > 100_000:
        raise ValueError("range too large")
    from openpyxl.utils import get_column_letter

    return {f"{get_column_letter(c)}{r}" for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the archive (xl/worksheets/sheetN.xml)."""
    book = etree.fromstring(archive.read("xl/workbook.xml"), _PARSER)
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), _PARSER)
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{PKG_REL}}}Relationship")}
    parts = {}
    for sheet in book.iterfind("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get(f"{{{REL}}}id"), "")
        parts[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
    return parts


def _linked_refs(archive: zipfile.ZipFile, part: str, root) -> set[str]:
    """Cells openpyxl creates when it loads a sheet: with a comment, a hyperlink, or in a merged range."""
    refs: set[str] = set()
    for element in (*root.iterfind("m:mergeCells/m:mergeCell", NS), *root.iterfind("m:hyperlinks/m:hyperlink", NS)):
        refs |= _cells_of(element.get("ref", ""))
    rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels_part in archive.namelist():
        rels = etree.fromstring(archive.read(rels_part), _PARSER)
        for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("Type", "").endswith("/comments"):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(part), rel.get("Target")))
                comments = etree.fromstring(archive.read(target.lstrip("/")), _PARSER)
                refs |= {c.get("ref") for c in comments.iterfind(".//m:comment", NS)}
    return refs


def _text(si) -> str:
    return "".join(si.itertext())


def lighten(source: bytes, keep: dict[str, set[str]], prefixes: tuple[str, ...]) -> tuple[bytes, Held] | None:
    """The workbook with only the cells openpyxl needs: those of `keep` (sheet -> references), those that carry a
    comment, a hyperlink or a merge, and the text cells that begin with `prefixes`. None when not possible."""
    try:
        return _lighten(source, keep, prefixes)
    except (KeyError, ValueError, IndexError, AttributeError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        log.debug("cells not set aside (%s): the whole workbook is loaded", exc)
        return None


def _lighten(source: bytes, keep: dict[str, set[str]], prefixes: tuple[str, ...]) -> tuple[bytes, Held] | None:
    held = Held()
    archive = zipfile.ZipFile(io.BytesIO(source))
    names = set(archive.namelist())
    formula_like: set[str] = set()  # shared string indices of texts that look like formulas
    if "xl/sharedStrings.xml" in names:
        held.strings = list(etree.fromstring(archive.read("xl/sharedStrings.xml"), _PARSER).iterfind("m:si", NS))
        formula_like = {str(i) for i, si in enumerate(held.strings) if _text(si).startswith(prefixes)}
    replaced: dict[str, bytes] = {}
    for sheet, part in _sheet_parts(archive).items():
        if part not in names:
            continue
        root = etree.fromstring(archive.read(part), _PARSER)
        if root.tag != f"{{{MAIN}}}worksheet":
            return None
        data = root.find("m:sheetData", NS)
        if data is None:
            continue
        if data.xpath("boolean(m:row[not(@r)] | m:row/m:c[not(@r)] | m:row/m:c/m:f[@t])", namespaces=NS):
            return None  # rows or cells without a reference, shared or array formulas
        wanted = keep.get(sheet, set()) | _linked_refs(archive, part, root)
        wanted |= {c.get("r") for c in data.iterfind("m:row/m:c[@t='s']", NS) if c.findtext("m:v", "", NS)
                   in formula_like} if formula_like else set()
        starts = " or ".join(f"starts-with(string(m:is), '{p}')" for p in prefixes)
        wanted |= set(data.xpath(f"m:row/m:c[@t='inlineStr'][{starts}]/@r", namespaces=NS))
        busy = {int(_REF.fullmatch(ref)[2]) for ref in wanted if _REF.fullmatch(ref)}
        rows: dict[int, tuple[dict, list]] = {}
        for row in data.iterfind("m:row", NS):
            number = int(row.get("r"))
            cells = list(row)
            if number in busy:
                aside = [c for c in cells if c.get("r") not in wanted]
                for cell in aside:
                    row.remove(cell)
            else:
                aside = cells
                row[:] = []
            rows[number] = (dict(row.attrib), aside)
        held.rows[sheet] = rows
        dimension = root.find("m:dimension", NS)
        if dimension is not None:
            held.dimensions[sheet] = dimension.get("ref")
        replaced[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _rezip(archive, replaced, zipfile.ZIP_STORED), held  # read once, in memory: not compressed


def _rezip(archive: zipfile.ZipFile, replaced: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method, compresslevel=1) as target:
        for item in archive.infolist():
            body = replaced.get(item.filename)
            target.writestr(item.filename, archive.read(item.filename) if body is None else body)
    return out.getvalue()


def restore(saved: bytes, held: Held) -> bytes | None:
    """The workbook openpyxl saved with the held cells back in place; None when they do not fit."""
    try:
        return _restore(saved, held)
    except (KeyError, ValueError, IndexError, AttributeError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        log.debug("held cells not restored (%s)", exc)
        return None


def _restore(saved: bytes, held: Held) -> bytes | None:
    """The original shared strings go first, at their own indices, so the held cells keep theirs; the strings
    openpyxl wrote follow, and its cells' indices move by as many."""
    archive = zipfile.ZipFile(io.BytesIO(saved))
    replaced: dict[str, bytes] = {}
    shift = len(held.strings)
    if shift:
        strings = etree.fromstring(archive.read("xl/sharedStrings.xml"), _PARSER)
        strings[0:0] = held.strings
        total = len(strings.findall("m:si", NS))
        strings.set("uniqueCount", str(total))
        strings.set("count", str(int(strings.get("count", 0)) + shift))
        replaced["xl/sharedStrings.xml"] = etree.tostring(strings, xml_declaration=True, encoding="UTF-8",
                                                          standalone=True)
    for sheet, part in _sheet_parts(archive).items():
        rows = held.rows.get(sheet, {})
        if not shift and not any(cells for _, cells in rows.values()):
            continue
        root = etree.fromstring(archive.read(part), _PARSER)
        data = root.find("m:sheetData", NS)
        for value in data.iterfind("m:row/m:c[@t='s']/m:v", NS):  # openpyxl's own cells: few
            value.text = str(int(value.text) + shift)
        present = {int(row.get("r")): row for row in data.iterfind("m:row", NS)}
        for number, (attributes, cells) in rows.items():
            row = present.get(number)
            if row is None:
                row = present[number] = etree.SubElement(data, f"{{{MAIN}}}row", attributes)
            if len(row):  # openpyxl wrote some cells of this row: merge them in column order
                taken = {cell.get("r") for cell in row}
                if any(cell.get("r") in taken for cell in cells):
                    raise ValueError(f"a cell of row {number} of {sheet} written twice")
                row[:] = sorted([*row, *cells], key=lambda c: column_number(_REF.fullmatch(c.get("r"))[1]))
            elif cells:
                row[:] = cells
        data[:] = [present[n] for n in sorted(present)]
        dimension = root.find("m:dimension", NS)
        if dimension is not None and sheet in held.dimensions:
            dimension.set("ref", held.dimensions[sheet])
        replaced[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _rezip(archive, replaced)
