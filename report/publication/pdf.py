"""The PDF editions: WeasyPrint with a fetcher that serves only the project's assets, then pikepdf post-processing
(English passages tagged as English, PDF/UA identification, fixed dates: same inputs, same bytes)."""
from __future__ import annotations

import gc
import io
import logging
import mimetypes
import re
import ssl
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from report.assets import templates_dir
from report.files import atomic_path
from report.timing import collector_paused
from report.publication.html import STYLESHEETS
from report.texts import pair

log = logging.getLogger(__name__)

# PDF/A-3b (archiving, with the data attached) and tagged; PDF/UA-1 is then declared in the XMP metadata.
PDF_VARIANT = "pdf/a-3b"
# The structure types that mark passages in the language other than the edition's (see templates/macros.html):
# <span lang=..>, <article lang=..>; English in the Italian and bilingual editions, Italian in the English one.
OTHER_LANGUAGE_MARKERS = ("/Span", "/Art")


class ForbiddenResource(ValueError):
    """The report asked for a resource outside the allowed folders (or over the network)."""


def safe_fetcher(*roots: Path):
    """A WeasyPrint URL fetcher that serves files under `roots` only; any other URL (network, data:,
    other files) stops the rendering with ForbiddenResource."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = tuple(Path(r).resolve() for r in roots)

    class SafeFetcher(URLFetcher):
        def __init__(self):
            # it serves files only: an SSL context without the system's certificates, which WeasyPrint's default
            # one loads (35 ms a fetcher, two a PDF)
            super().__init__(allowed_protocols=("file",), fail_on_errors=True,
                             ssl_context=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))

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
        _user_agent.append(CSS(string=user_agent_text(), counter_style=CounterStyle(),
                               url_fetcher=safe_fetcher(templates_dir())))
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
        log.warning("%s", pair("pdf.missing_characters").fill(
            characters=" ".join(unseen), codes=" U+".join(f"{ord(c):04X}" for c in unseen)).both())
    stamp = _w3c(moment)
    html = html.replace("<head>", f'<head>\n<meta name="dcterms.created" content="{stamp}">'
                                  f'\n<meta name="dcterms.modified" content="{stamp}">', 1)
    sheets = [CSS(filename=str(root / name), url_fetcher=fetcher, font_config=fonts) for name in STYLESHEETS]
    attachments = []
    if attachment:
        name, body = attachment
        attachments.append(Attachment(file_obj=io.BytesIO(body), name=name, description=attachment_description,
                                      created=moment, modified=moment, relationship="Data", url_fetcher=fetcher))
    # WeasyPrint makes millions of objects and almost no cyclic garbage: without the collector walking them over
    # and over, a large edition takes a tenth less time (a few MB more, collected by release_pages)
    with collector_paused():
        document = report_html(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=fonts, pdf_tags=True)
        with marked_content(artifacts=page_furniture(document), actual_text=hyphenated_words(document)):
            raw = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, attachments=attachments,
                                     pdf_identifier=False, finisher=release_pages)
    del document
    gc.collect(1)   # what is left of the document: young objects, and those that outlived release_pages' collection
    return finish(raw)


def _text_boxes(box):
    """The text boxes under a layout box, in the order they are drawn (and read)."""
    from weasyprint.formatting_structure import boxes

    stack = [box]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.TextBox):
            yield box
        elif isinstance(box, boxes.ParentBox):
            stack.extend(reversed(box.children))


def page_furniture(document) -> dict[int, str]:
    """The text of the page margins (running heads, page numbers) by id of its text box: "Header" or "Footer".
    WeasyPrint tags it as marked content of structure elements that it leaves out of the structure tree (neither
    artifact nor reachable, PDF/UA 7.1); marked_content() makes it a pagination artifact instead."""
    from weasyprint.formatting_structure import boxes

    furniture = {}
    for page in document.pages:
        for margin in page._page_box.children:
            if isinstance(margin, boxes.MarginBox):
                kind = "Header" if margin.at_keyword.startswith("@top") else "Footer"
                furniture.update((id(text), kind) for text in _text_boxes(margin))
    return furniture


WORD_END = re.compile(r"(\w+)-$")
WORD_START = re.compile(r"^\w+")


def hyphenated_words(document) -> dict[int, str]:
    """The whole text of the two runs of text around each line-end hyphen, by id of their text box: a word that
    automatic hyphenation broke ("cit-" / "tà") is read whole by assistive technology ("città" with the first run,
    the rest of the second run without "tà"); a word with a hyphen of its own keeps it ("Emilia-Romagna"). The
    element's text tells which: a run ends at the line's end or at its element's."""
    actual, waiting = {}, {}
    for page in document.pages:
        for text in _text_boxes(page._page_box.children[0]):
            element = text.element
            before = waiting.pop(element, None)
            if before is not None and (start := WORD_START.match(text.text)):
                end = WORD_END.search(before.text)
                source = "".join(element.itertext()) if element is not None else ""
                own_hyphen = f"{end[1]}-{start[0]}" in source
                if own_hyphen or f"{end[1]}{start[0]}" in source:
                    head = before.text if own_hyphen else before.text[:-1]
                    actual[id(before)] = head + start[0]
                    actual[id(text)] = text.text[start.end():]
            if WORD_END.search(text.text):  # a line-end hyphen, added or the word's own (then broken after it)
                waiting[element] = text
    return actual


@contextmanager
def marked_content(*, artifacts: dict[int, str], actual_text: dict[int, str]):
    """While WeasyPrint draws: the text boxes in `artifacts` (page_furniture) drawn as pagination artifacts, those
    in `actual_text` (hyphenated_words) with their whole words as /ActualText of their marked content. A hook on
    WeasyPrint's Stream.marked, undone on leaving (the PDF workers lay out one edition at a time)."""
    import pydyf
    from weasyprint.pdf.stream import Stream

    original = Stream.marked

    @contextmanager
    def marked(stream, box, tag):
        with original(stream, box, tag):
            if stream._tags is not None and id(box) in artifacts:
                # stream.stream ends with the tag, the property list and BDC: see pydyf's begin_marked_content
                stream.stream[-3:-1] = ["/Artifact", pydyf.Dictionary(
                    {"Type": "/Pagination", "Subtype": f"/{artifacts[id(box)]}"})]
            elif stream._tags is not None and id(box) in actual_text:
                stream.stream[-2]["ActualText"] = pydyf.String(actual_text[id(box)])
            yield

    Stream.marked = marked
    try:
        yield
    finally:
        Stream.marked = original


def release_pages(document, pdf) -> None:
    """A WeasyPrint finisher: once the pages are drawn and tagged, their layout (most of the memory) goes before
    the PDF is serialised."""
    document.pages.clear()
    # The layout was made with the collector paused: all of it is in the youngest generation, which is all that
    # needs walking (a whole collection walks the process's every object too: in the portal's worker or a test
    # process, seconds a build for nothing)
    gc.collect(0)


def finish(raw: bytes) -> bytes:
    """Post-process with pikepdf: the other language's structure elements get their /Lang; the page furniture's
    entries leave the parent tree; the XMP declares PDF/UA-1 too."""
    import pikepdf

    with pikepdf.open(io.BytesIO(raw)) as pdf:
        tagged = tag_other_language(pdf)
        log.debug("tagged %d structure elements with the other language", tagged)
        dropped = drop_unreachable(pdf)
        log.debug("%d marked-content sequences of page furniture left out of the parent tree", dropped)
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


def _reachable(root) -> set:
    """The structure elements (object ids) reachable from the structure tree's root."""
    import pikepdf

    seen, stack = set(), [root.get("/K")]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") != "/OBJR" and node.objgen not in seen:
            seen.add(node.objgen)
            stack.append(node.get("/K"))
    return seen


def drop_unreachable(pdf) -> int:
    """The parent tree maps the page furniture's marked content (now artifacts, see marked_content) to structure
    elements outside the structure tree: those entries become null, and the elements are not written. Return how
    many entries."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    nums = root.ParentTree.get("/Nums") if root is not None and "/ParentTree" in root else None
    if nums is None:
        return 0
    reachable, dropped = _reachable(root), 0
    for i in range(1, len(nums), 2):
        if not isinstance(nums[i], pikepdf.Array):
            continue
        mcids = nums[i]
        for mcid in range(len(mcids)):
            if isinstance(mcids[mcid], pikepdf.Dictionary) and mcids[mcid].objgen not in reachable:
                mcids[mcid] = None
                dropped += 1
    return dropped


def _has_elements(kids) -> bool:
    """Whether a structure element's /K holds structure elements, not only marked content (integers)."""
    import pikepdf

    if isinstance(kids, pikepdf.Array):
        return any(isinstance(kid, pikepdf.Dictionary) for kid in kids)
    return isinstance(kids, pikepdf.Dictionary)


def tag_other_language(pdf) -> int:
    """Set /Lang on every marker structure element (OTHER_LANGUAGE_MARKERS) of the HTML, and so on the text in
    it: English in a document whose language is Italian (the Italian and bilingual editions), Italian in an
    English one; return how many. WeasyPrint also wraps every run of text, in any language, in a /Span holding
    only its marked content: those take the language of the element they are in, and are left alone."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    other = pikepdf.String("it" if str(pdf.Root.get("/Lang", "")).lower().startswith("en") else "en")
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
        if node.get("/Type") == "/StructElem" and str(node.get("/S")) in OTHER_LANGUAGE_MARKERS and _has_elements(kids):
            node.Lang = other
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
