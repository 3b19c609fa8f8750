"""The independent validator `page` (PDF/A-3b, PDF/UA-1), the page fills and the charts' type scale on another
generated year, of the generator's ordinary names and two other seeds (the session's `publication` builds hold the
sample year and a generated year with long names): the rows of seed 11 for four departments and those of seed 23
for four others, in one year of eight departments, built once (one build, not one a seed: a build's fixed part,
the cover, contents, charts, sixteen chapters and annexes, is most of a small year's time). Slow: three PDFs."""
from __future__ import annotations

import pytest

page = pytest.importorskip("page", reason="page-validation (the `page` PDF validator) missing")
# one worker builds the module's year once (make test runs pytest-xdist with --dist loadgroup)
pytestmark = [pytest.mark.slow, pytest.mark.pdf, pytest.mark.xdist_group("generated")]

SEEDS = {11: ("REL_INT", "AMBIENTE", "CULTURA", "LAVORO"), 23: ("EDUCATIVI", "GIOVENTU", "SPORT", "POLIZIA")}
EDITIONS = ["both", "it", "en"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """{edition: path} of the year of SEEDS."""
    from pdf_builds import GENERATED_YEAR, build, generated_year

    root = tmp_path_factory.mktemp("generated-years")
    for seed, departments in SEEDS.items():
        inputs = generated_year(root / "inputs", seed=seed, long_names=False, departments=departments)
    assert len(list(inputs.glob("*.csv"))) == 8
    return build(inputs, root / "outputs", GENERATED_YEAR)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("profile", ["3b", "ua1"])
def test_page_validator_finds_no_failed_rule(generated, edition, profile):
    report = page.validate_pdf(generated[edition], profile=profile)
    assert sorted({f"{f.rule_id}: {f.message}" for f in report.failures}) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_page_is_left_mostly_blank(generated, edition):
    from test_pdf_publication import short_pages

    assert short_pages(generated[edition]) == {}


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_chart_prints_its_text_on_the_one_type_scale(generated, edition):
    from pdf_builds import chart_text_sizes

    from report.publication.charts import TYPE

    found = set().union(*chart_text_sizes(generated[edition]).values())
    assert found and all(min(abs(size - step) for step in TYPE.values()) <= 0.02 for size in found), sorted(found)
