"""xl/styles.xml of an .xlsx package, to which cell formats are appended (from openpyxl style objects)."""
from __future__ import annotations

from lxml import etree

from report.workbooks.xlsx.ooxml import MAIN, NS, Unsupported, qname, to_xml

_STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs")  # the lists, in the schema's order
_TREES: dict[int, tuple[object, bytes]] = {}  # id of an openpyxl style object -> (the object, its XML)


def _tree(obj) -> etree._Element:
    """An openpyxl style object (Font, PatternFill, Border, Alignment, Protection) as an lxml element."""
    cached = _TREES.get(id(obj))
    if cached is None or cached[0] is not obj:
        from openpyxl.xml.functions import tostring

        element = etree.fromstring(tostring(obj.to_tree()))
        for node in element.iter():
            node.tag = qname(MAIN, etree.QName(node).localname)
        cached = _TREES[id(obj)] = (obj, etree.tostring(element))
    return etree.fromstring(cached[1])


class Styles:
    """xl/styles.xml, to which cell formats are appended: built from openpyxl style objects, or an existing
    format with its fill, border or quote prefix changed. Each distinct format is appended once."""

    def __init__(self, root):
        if root.tag != qname(MAIN, "styleSheet"):
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
        xf = etree.Element(qname(MAIN, "xf"), numFmtId="0", xfId="0",
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
        return to_xml(self.root)
