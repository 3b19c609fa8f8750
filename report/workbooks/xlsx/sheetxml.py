"""Worksheet XML: a sheet written from scratch (NewSheet), a sheet edited by its rows alone (PartSheet), and the
cells of given references found or created among a sheet's rows."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from lxml import etree

from report.workbooks.xlsx.ooxml import (MAIN, NS, PARSER, REF, REL, Unsupported, column_letters, column_number, qname,
                                    to_xml, xml_text)

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


def find_cells(data, refs: set[str]) -> dict[str, etree._Element]:
    """The <c> elements of the references among the rows of `data` (a sheetData), created (in row and column
    order) where there are none."""
    if data is None:
        raise Unsupported("a sheet without sheetData")
    wanted: dict[int, set[str]] = {}
    for ref in refs:
        match = REF.fullmatch(ref)
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
            row = etree.Element(qname(MAIN, "row"), r=str(number))
            later = next((r for r in data.iterfind("m:row", NS) if int(r.get("r")) > number), None)
            later.addprevious(row) if later is not None else data.append(row)
        present = {}
        for cell in row.iterfind("m:c", NS):
            if cell.get("r") is None:
                raise Unsupported("a cell without its reference")
            present[cell.get("r")] = cell
        for ref in row_refs:
            if ref not in present:
                cell = etree.Element(qname(MAIN, "c"), r=ref)
                column = column_number(REF.fullmatch(ref)[1])
                later = next((c for c in row.iterfind("m:c", NS)
                              if column_number(REF.fullmatch(c.get("r"))[1]) > column), None)
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
                                      PARSER)
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
        numbers = sorted({int(REF.fullmatch(ref)[2]) for ref in refs if REF.fullmatch(ref)} & set(self.starts))
        fragments = b"".join(self.body[slice(*self._span(n))] for n in numbers)
        self.changed = etree.fromstring(b"<rows" + self.namespaces + b">" + fragments + b"</rows>", PARSER)
        return find_cells(self.changed, refs)

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
        head, _, tail = to_xml(self.frame).partition(_ROWS_HERE.encode())
        return head + b"".join(pieces) + tail
