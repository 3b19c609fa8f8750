"""Unknown is not zero: an amount no activity gave is shown as a dash (not 0,00 €) with a legend, in the
report (PDF and HTML share the template) and the council workbook; a sum says how many activities gave none."""
from __future__ import annotations

from report.publication import aggregate
from report.publication.html import context, render
from report.workbooks.council import build_council
from test_render import year_data  # noqa: F401  (module fixture: the small fixture year, Kenya without budget)


def _context(year_data, edition):  # noqa: F811
    return context(year_data, edition, [], frame=year_data.frame())


def test_a_country_whose_activities_give_no_budget_shows_a_dash(year_data):  # noqa: F811
    countries = {r["country"]["en"]: r for r in _context(year_data, "both")["annex"]["countries"]}
    assert countries["Kenya"]["budget"] == {"it": "—", "en": "—"}
    assert "0,00" not in countries["Kenya"]["budget"]["it"]


def test_the_total_budget_says_how_many_activities_gave_none(year_data):  # noqa: F811
    budget = next(f for f in _context(year_data, "both")["figures"] if f["key"] == "budget_eur")
    assert budget["value"]["it"].endswith("(1 n.d.)")
    assert budget["value"]["en"].endswith("(1 n.a.)")


def test_every_edition_has_the_legend(year_data):  # noqa: F811
    for edition in ("both", "it", "en"):
        html = render(_context(year_data, edition))
        assert ("n.d., non disponibile" in html) == (edition != "en")
        assert ("n.a., not available" in html) == (edition != "it")


def test_the_council_workbook_says_not_available(year_data):  # noqa: F811
    frame = year_data.frame()
    assert aggregate.missing_count(frame, "countries").get("KE") == 1
    book = build_council(frame, year_data.config, year_data.year)
    sheet = book["Per Paese - By country"]
    kenya = next(r for r in sheet.iter_rows(values_only=True) if r[-1] == "KE")  # the code comes last
    assert kenya[-4] == "n.d."


def test_english_text_in_the_italian_edition_is_marked_english(tmp_path):
    """An activity with no Italian description shows its English one in the Italian edition, inside an
    English block (which report/publication/pdf.py tags English), not as Italian text."""
    from conftest import YEAR, row, table, write
    from report.config import load_config
    from report.intake.year import load_year

    folder = tmp_path / str(YEAR)
    folder.mkdir()
    write(folder / "REL_INT.csv", table([row(description_it=None, description_en="Only English here.")]))
    data = load_year(folder, YEAR, load_config())
    html = render(context(data, "it", [], frame=data.frame()))
    assert '<article class="other-language" lang="en"><p class="text">Only English here.</p></article>' in html
