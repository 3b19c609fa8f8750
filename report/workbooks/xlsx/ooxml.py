"""SpreadsheetML basics for editing .xlsx packages: namespaces, content types, parsing, cell references, text."""
from __future__ import annotations

import re
import zipfile
from xml.sax.saxutils import escape

from lxml import etree

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
PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


class Unsupported(Exception):
    """A package that is not edited in place (report/workbooks/xlsx/package.py) because that would not be safe."""


# What a damaged or unusual package raises while being edited: the caller treats these as Unsupported too.
DAMAGED = (Unsupported, KeyError, ValueError, IndexError, AttributeError, TypeError, EOFError, zipfile.BadZipFile,
           etree.LxmlError)


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
    return escape(ILLEGAL.sub("\ufffd", text))


def to_xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def qname(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"
