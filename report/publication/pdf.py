"""The PDF editions: WeasyPrint with a fetcher that serves only the project's assets, then pikepdf post-processing
(English passages tagged as English, PDF/UA identification, fixed dates: same inputs, same bytes)."""
from __future__ import annotations

import gc
import io
import logging
import mimetypes
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from report.assets import templates_dir
from report.outputs import atomic_path
from report.timing import collector_paused
from report.publication.html import STYLESHEETS

log = logging.getLogger(__name__)

# PDF/A-3b (archiving, with the data attached) and tagged; PDF/UA-1 is then declared in the XMP metadata.
PDF_VARIANT = "pdf/a-3b"
# The structure types that mark English passages (see templates/macros.html): <span lang=en>, <article lang=en>.
ENGLISH_MARKERS = ("/Span", "/Art")


class ForbiddenResource(ValueError):
    """The report asked for a resource outside the allowed folders (or over the network)."""


def safe_fetcher(*roots: Path):
    """A WeasyPrint URL fetcher that serves files under `roots` only; any other URL (network, data:,
    other files) stops the rendering with ForbiddenResource."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = tuple(Path(r).resolve() for r in roots)

    class SafeFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("file",), fail_on_errors=True)

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ForbiddenResource(f"resource not allowed in the report: {url}")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in allowed) or not path.is_file():
                raise ForbiddenResource(f"resource not allowed in the report: {url}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return SafeFetcher()


# WeasyPrint's user-agent stylesheet styles six pseudo-elements of every element (::marker and the notes'
# ::footnote-call, ::footnote-marker, ::note-call, ::note-marker, ::note-callback), and each of them then gets
# its own computed style: six styles per element, seven in eight of all the computed styles of an edition
# (on 960 activities, 85 of the 745 MB peak of the bilingual PDF). The report has no footnotes or notes and list markers only on <li>, so our copy
# of that stylesheet scopes ::marker to <li> and leaves out the notes; the PDF is the same.
UA_MARKER = ("\n::marker {", "\nli::marker {")
UA_NOTES = ("/* Notes */", "/* Counters and bookmarks */")


def user_agent_text() -> str:
    """WeasyPrint's user-agent stylesheet with ::marker on <li> only and without the notes' pseudo-elements
    (ValueError when WeasyPrint's stylesheet no longer has the expected text)."""
    from weasyprint.html import UA

    if UA.count(UA_MARKER[0]) != 1 or any(UA.count(mark) != 1 for mark in UA_NOTES):
        raise ValueError("WeasyPrint's user-agent stylesheet changed: review report/publication/pdf.py, user_agent_text")
    text = UA.replace(*UA_MARKER)
    return text[:text.index(UA_NOTES[0])] + text[text.index(UA_NOTES[1]):]


def user_agent_css():
    """user_agent_text() as a WeasyPrint stylesheet, made once."""
    if not _user_agent:
        from weasyprint import CSS
        from weasyprint.css.counters import CounterStyle

        # the counter styles it declares are WeasyPrint's own (already in html.UA_COUNTER_STYLE): read apart
        _user_agent.append(CSS(string=user_agent_text(), counter_style=CounterStyle()))
    return _user_agent[0]


_user_agent: list = []


def report_html(**options):
    """weasyprint.HTML(**options), styled by user_agent_css() instead of WeasyPrint's own user-agent stylesheet."""
    from weasyprint import HTML
    from weasyprint.html import UA_FORM_STYLESHEET

    class ReportHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            return [user_agent_css(), UA_FORM_STYLESHEET] if forms else [user_agent_css()]

    return ReportHTML(**options)


def _w3c(moment: datetime) -> str:
    return moment.replace(tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_pdf(html: str, *, charts_dir: Path, moment: datetime, attachment: tuple[str, bytes] | None = None,
               attachment_description: str = "") -> bytes:
    """The HTML of an edition as PDF/A-3b tagged bytes, dates fixed to `moment`, data file attached."""
    from weasyprint import CSS, Attachment

    from report.publication.fonts import missing_characters, project_font_config

    root = templates_dir()
    fetcher = safe_fetcher(root, charts_dir)
    fonts = project_font_config()  # the project's fonts only, never the system's
    unseen = missing_characters("".join(sorted(set(html))))
    if unseen:
        log.warning("caratteri che i font del rapporto non hanno, stampati come riquadri: %s (U+%s); "
                    "sostituirli nei fogli / characters the report's fonts lack, printed as boxes: %s; "
                    "replace them in the spreadsheets", " ".join(unseen),
                    " U+".join(f"{ord(c):04X}" for c in unseen), " ".join(unseen))
    stamp = _w3c(moment)
    html = html.replace("<head>", f'<head>\n<meta name="dcterms.created" content="{stamp}">'
                                  f'\n<meta name="dcterms.modified" content="{stamp}">', 1)
    sheets = [CSS(filename=str(root / name), url_fetcher=fetcher, font_config=fonts) for name in STYLESHEETS]
    attachments = []
    if attachment:
        name, body = attachment
        attachments.append(Attachment(file_obj=io.BytesIO(body), name=name, description=attachment_description,
                                      created=moment, modified=moment, relationship="Data"))
    # WeasyPrint makes millions of objects and almost no cyclic garbage: without the collector walking them over
    # and over, a large edition takes a tenth less time (a few MB more, collected by release_pages)
    with collector_paused():
        document = report_html(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=fonts, pdf_tags=True)
        raw = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, attachments=attachments,
                                 pdf_identifier=False, finisher=release_pages)
    del document
    gc.collect()
    return finish(raw)


def release_pages(document, pdf) -> None:
    """A WeasyPrint finisher: once the pages are drawn and tagged, their layout (most of the memory) goes before
    the PDF is serialised."""
    document.pages.clear()
    gc.collect()


def finish(raw: bytes) -> bytes:
    """Post-process with pikepdf: English structure elements get /Lang (en); the XMP declares PDF/UA-1 too."""
    import pikepdf

    with pikepdf.open(io.BytesIO(raw)) as pdf:
        tagged = tag_english(pdf)
        log.debug("tagged %d English structure elements", tagged)
        declare_pdfua(pdf)
        links = annotations_to_links(pdf)
        log.debug("moved %d link annotations into their Link element", links)
        body = _save(pdf)
        for attempt in range(COMPACT_ATTEMPTS):
            if not ends_in_cr(body):
                break
            with pikepdf.open(io.BytesIO(body)) as written:
                if not nudge_streams(written, attempt):
                    break
                body = _save(written)
        if ends_in_cr(body):  # written again, every stream as guard_stream_ends leaves it (a larger file)
            guard_stream_ends(pdf)
            body = _save(pdf, guarded=pikepdf.ObjectStreamMode.generate)
        if ends_in_cr(body):  # the cross-reference stream ends in CR: a cross-reference table instead
            body = _save(pdf, guarded=pikepdf.ObjectStreamMode.disable)
    if ends_in_cr(body):
        raise ValueError("a PDF stream still ends in a carriage return: review report/publication/pdf.py, guard_stream_ends")
    return body


def _save(pdf, guarded=None) -> bytes:
    """The PDF's bytes: compact (object streams, every stream compressed by the writer); `guarded` (an object
    stream mode): each stream written exactly as it is (see guard_stream_ends), the object streams and the
    cross-reference stream, if any, uncompressed (compressed by the writer, they could end in CR too)."""
    import pikepdf

    out = io.BytesIO()
    if guarded is not None:
        pdf.save(out, deterministic_id=True, object_stream_mode=guarded, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)
    else:
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


# PDF/A-3 (6.1.7.1): a stream's /Length counts the bytes between the EOL after `stream` and the EOL before
# `endstream`. The writer puts a line feed before `endstream`: when the stream's data ends in a carriage return,
# the two read as one CR LF end-of-line and the data looks one byte shorter than /Length. The last byte of
# Flate data is the low byte of a checksum of the decoded data, so about one stream in 256 ends in CR; the
# writer (qpdf) re-encodes every stream its own way when it compresses, so the fix is a second, guarded writing.
CR = b"\r"


def ends_in_cr(body: bytes) -> bool:
    """Whether a stream of the written file ends in CR (its LF before `endstream` then makes a CR LF)."""
    return CR + b"\nendstream" in body


COMPACT_ATTEMPTS = 4
# Direct objects of the catalog that may as well be indirect: making one so shifts the numbering of the objects
# after it, so the writer groups them into other object streams (whose compressed data then ends otherwise).
SHIFTERS = ("/MarkInfo", "/ViewerPreferences")


def nudge_streams(pdf, attempt: int) -> bool:
    """Change a written PDF so that its streams that end in CR end otherwise once it is written again: a content
    stream (page, form) gets a line feed more, a TrueType font program a byte of padding more (both harmless to
    what they draw); an object stream is regrouped (SHIFTERS). False when nothing could be changed."""
    import pikepdf

    changed = False
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or not obj.read_raw_bytes().endswith(CR):
            continue
        kind = obj.get("/Type")
        if kind == "/ObjStm":
            if attempt < len(SHIFTERS) and SHIFTERS[attempt] in pdf.Root and not pdf.Root[SHIFTERS[attempt]].is_indirect:
                pdf.Root[SHIFTERS[attempt]] = pdf.make_indirect(pdf.Root[SHIFTERS[attempt]])
                changed = True
            continue
        if obj.get("/Filter") != "/FlateDecode" or "/DecodeParms" in obj:
            continue
        data = obj.read_bytes()
        if "/Length1" in obj:  # a TrueType font program: its tables are found by offset, padding is ignored
            obj.write(data + b"\0" * ((-len(data)) % 4 or 4) + b" \0\0\0")
            obj.Length1 = len(data) + ((-len(data)) % 4 or 4) + 4
        elif kind in (None, "/XObject") and obj.get("/Subtype") in (None, "/Form"):
            obj.write(data + b"\n")
        else:
            continue
        changed = True
    return changed


def guard_stream_ends(pdf) -> int:
    """Give every stream whose written data would end in CR one more Flate encoding around its data (so its
    last byte is the checksum of other bytes; decoded data unchanged), as many times as it takes; streams
    without a filter are Flate-compressed here first, so that what the writer writes is what was checked.
    Return how many streams were re-encoded."""
    import zlib

    import pikepdf

    changed = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Type") == "/Metadata":
            continue
        if obj.get("/Filter") is None:
            obj.write(zlib.compress(obj.read_raw_bytes(), 9), filter=pikepdf.Name.FlateDecode)
        raw = obj.read_raw_bytes()
        if not raw.endswith(CR):
            continue
        filters = obj.get("/Filter")
        names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
        parms = obj.get("/DecodeParms")
        if parms is not None and not isinstance(parms, pikepdf.Array):
            parms = [parms]
        while raw.endswith(CR):
            raw = zlib.compress(raw, 9)
            names.insert(0, pikepdf.Name.FlateDecode)
            parms = None if parms is None else [None, *parms]
        obj.write(raw, filter=pikepdf.Array(names), decode_parms=None if parms is None else pikepdf.Array(parms))
        changed += 1
    return changed


# PDF/A allows XMP properties outside its own schemas only when an extension schema describes them.
PDFUA_XMP = (
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" '
    'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>'
    '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>'
    '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>'
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    '<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>'
    '<pdfaProperty:category>internal</pdfaProperty:category>'
    '<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>'
    '</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>'
    '<pdfuaid:part>1</pdfuaid:part></rdf:Description>')


def declare_pdfua(pdf) -> None:
    """Declare PDF/UA-1 in the XMP metadata, with the extension schema PDF/A requires for it."""
    xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    pdf.Root.Metadata.write(xmp.replace("</rdf:RDF>", PDFUA_XMP + "</rdf:RDF>", 1).encode("utf-8"))


def annotations_to_links(pdf) -> int:
    """PDF/UA (7.18.5): every link annotation belongs to a Link structure element. A link whose text holds an
    element (the table of contents: `<a>Italiano<span lang=en>English</span></a>`) gets one annotation per
    inline box, and WeasyPrint files the inner ones under the Span: move them to the nearest Link above, in the
    element's /K and in the parent tree; return how many were moved."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return 0
    nums = root.ParentTree.get("/Nums")
    if nums is None:
        return 0
    parents = {int(nums[i]): i + 1 for i in range(0, len(nums), 2)}
    moved = 0
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != "/Link" or "/StructParent" not in annot:
                continue
            slot = parents.get(int(annot.StructParent))
            element = nums[slot] if slot is not None else None
            if not isinstance(element, pikepdf.Dictionary) or element.get("/S") == "/Link":
                continue
            link = element.get("/P")
            while isinstance(link, pikepdf.Dictionary) and link.get("/S") not in ("/Link", None):
                link = link.get("/P")
            if not isinstance(link, pikepdf.Dictionary) or link.get("/S") != "/Link":
                continue
            kids = element.K if isinstance(element.K, pikepdf.Array) else pikepdf.Array([element.K])
            refs = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                    and k.Obj.objgen == annot.objgen]
            element.K = pikepdf.Array([k for k in kids if not (isinstance(k, pikepdf.Dictionary)
                                                               and k.get("/Type") == "/OBJR"
                                                               and k.Obj.objgen == annot.objgen)])
            if not isinstance(link.K, pikepdf.Array):
                link.K = pikepdf.Array([link.K])
            for ref in refs:
                link.K.append(ref)
            nums[slot] = link
            moved += 1
    return moved


def _has_elements(kids) -> bool:
    """Whether a structure element's /K holds structure elements, not only marked content (integers)."""
    import pikepdf

    if isinstance(kids, pikepdf.Array):
        return any(isinstance(kid, pikepdf.Dictionary) for kid in kids)
    return isinstance(kids, pikepdf.Dictionary)


def tag_english(pdf) -> int:
    """Set /Lang (en) on every marker structure element (ENGLISH_MARKERS) of the HTML, and so on the text in it;
    return how many. WeasyPrint also wraps every run of text, in any language, in a /Span holding only its
    marked content: those take the language of the element they are in, and are left alone."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    count, stack, seen = 0, [root], set()
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        key = node.objgen
        if key != (0, 0):
            if key in seen:
                continue
            seen.add(key)
        kids = node.get("/K")
        if node.get("/Type") == "/StructElem" and str(node.get("/S")) in ENGLISH_MARKERS and _has_elements(kids):
            node.Lang = pikepdf.String("en")
            count += 1
        if kids is not None:
            stack.append(kids)
    return count


def write_pdf(path: Path, html: str, **options) -> Path:
    """Render and write one edition atomically."""
    body = render_pdf(html, **options)
    with atomic_path(path) as tmp:
        tmp.write_bytes(body)
    return path
