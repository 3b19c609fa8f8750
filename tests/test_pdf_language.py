"""Text shown in the other language carries that language's tag in every edition: an activity with no English
title or description shows its Italian ones in the English edition, tagged Italian; one with no Italian
description (the Italian title is required) shows its English one in the Italian edition, tagged English."""
from __future__ import annotations

from datetime import datetime

import pikepdf
import pytest

from report.publication.html import context, render
from report.publication.pdf import render_pdf

MOMENT = datetime(2025, 6, 1)


@pytest.fixture(scope="module")
def one_language(tmp_path_factory):
    """The year of one activity given in Italian only and one in English only, its Italian and English editions:
    {edition: (html, pdf bytes)}."""
    from conftest import YEAR, row, table, write
    from report.config import load_config
    from report.intake.year import load_year

    folder = tmp_path_factory.mktemp("languages") / str(YEAR)
    folder.mkdir()
    write(folder / "REL_INT.csv", table([
        row(title_it="Solo in italiano", title_en=None, description_it="Testo solo italiano.", description_en=None),
        row(ref="A-2", title_it="Con titolo", title_en="With a title", description_it=None, description_en="Text in English only.")]))
    data = load_year(folder, YEAR, load_config())
    out = {}
    for edition in ("it", "en"):
        html = render(context(data, edition, [], frame=data.frame()))
        out[edition] = html, render_pdf(html, charts_dir=folder, moment=MOMENT)
    return out


def _languages(body: bytes) -> tuple[str, dict[str, set[str]]]:
    """The document's language and, by /Lang, the structure types of the elements that set one."""
    import io

    found: dict[str, set[str]] = {}
    with pikepdf.open(io.BytesIO(body)) as pdf:
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
                if "/Lang" in node:
                    found.setdefault(str(node.Lang), set()).add(str(node.S))
                stack.append(node.get("/K"))
        return str(pdf.Root.Lang), found


@pytest.mark.parametrize("edition,other,text,title", [
    ("en", "it", "Testo solo italiano.", "Solo in italiano"),
    ("it", "en", "Text in English only.", None)])
def test_the_other_language_is_tagged_as_such(one_language, edition, other, text, title):
    html, body = one_language[edition]
    assert f'<article class="other-language" lang="{other}"><p class="text">{text}</p></article>' in html
    if title:
        assert f'<span lang="{other}">{title}</span>' in html
    document, tagged = _languages(body)
    assert document == edition
    # the description (an article) and the title (a span), and no element tagged with the edition's own language
    assert tagged == {other: {"/Art", "/Span"} if title else {"/Art"}}
