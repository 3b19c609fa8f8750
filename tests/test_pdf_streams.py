"""PDF/A-3 6.1.7.1: no stream of a written PDF ends in CR (the writer's LF before `endstream` would make a CR LF
end-of-line and the stream one byte shorter than its /Length). Data-dependent, so many generated streams."""
from __future__ import annotations

import io
import random
import zlib

import pikepdf

from report.publication.pdf import CR, _save, ends_in_cr, finish, guard_stream_ends


def _ending_in_cr(rng: random.Random, count: int) -> list[bytes]:
    """`count` page contents whose Flate data ends in CR (one in 256 random texts does)."""
    found = []
    while len(found) < count:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(rng.randrange(5, 60)))
        text = f"BT /F1 12 Tf 72 700 Td ({word}) Tj ET\n".encode()
        if zlib.compress(text).endswith(CR):
            found.append(text)
    return found


def _pdf(contents: list[bytes]) -> bytes:
    pdf = pikepdf.new()
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = "streams"
    for text in contents:
        pdf.add_blank_page()
        pdf.pages[-1].Contents = pdf.make_stream(text)
    out = io.BytesIO()
    pdf.save(out, compress_streams=True)
    return out.getvalue()


def test_no_stream_ends_in_cr_after_finishing():
    rng = random.Random(11)
    for _ in range(5):
        contents = _ending_in_cr(rng, 3) + [f"BT ({rng.random()}) Tj ET\n".encode() for _ in range(40)]
        rng.shuffle(contents)
        raw = _pdf(contents)
        assert ends_in_cr(raw)  # what the writer makes of them on its own
        body = finish(raw)
        assert not ends_in_cr(body)
        with pikepdf.open(io.BytesIO(body)) as pdf:
            # decoded data unchanged, but for a line feed more where that was what changed the stream's end
            drawn = [page.Contents.read_bytes().rstrip(b"\n") for page in pdf.pages]
        assert drawn == [c.rstrip(b"\n") for c in contents]


def test_the_guarded_writing_keeps_every_stream_as_checked():
    """The last resort (each stream written as it is, no writer's compression): no stream ends in CR, the
    decoded data are the same bytes."""
    rng = random.Random(5)
    contents = _ending_in_cr(rng, 4) + [b"BT (x) Tj ET\n"]
    with pikepdf.open(io.BytesIO(_pdf(contents))) as pdf:
        assert guard_stream_ends(pdf) >= 4
        body = _save(pdf, guarded=pikepdf.ObjectStreamMode.generate)
    assert not ends_in_cr(body)
    with pikepdf.open(io.BytesIO(body)) as pdf:
        assert [page.Contents.read_bytes() for page in pdf.pages] == contents
