"""The independent validator `page` (PDF/A-3b, PDF/UA-1) on two more generated years, of other seeds and the
generator's ordinary names (the session's `publication` builds hold the sample year and a generated year with
long names): the three editions of each, built once for this module. Slow: each build lays out three PDFs."""
from __future__ import annotations

import pytest

page = pytest.importorskip("page", reason="page-validation (the `page` PDF validator) missing")
# one worker builds the module's years once (make test runs pytest-xdist with --dist loadgroup)
pytestmark = [pytest.mark.slow, pytest.mark.pdf, pytest.mark.xdist_group("generated")]

SEEDS = (11, 23)


@pytest.fixture(scope="module")
def generated_years(tmp_path_factory):
    """{seed: {edition: path}} for each of SEEDS."""
    from pdf_builds import GENERATED_YEAR, build, generated_year

    root = tmp_path_factory.mktemp("generated-years")
    return {seed: build(generated_year(root / f"inputs-{seed}", seed=seed, long_names=False),
                        root / f"outputs-{seed}", GENERATED_YEAR) for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("edition", ["both", "it", "en"])
@pytest.mark.parametrize("profile", ["3b", "ua1"])
def test_page_validator_finds_no_failed_rule(generated_years, seed, edition, profile):
    report = page.validate_pdf(generated_years[seed][edition], profile=profile)
    assert sorted({f"{f.rule_id}: {f.message}" for f in report.failures}) == []


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("edition", ["both", "it", "en"])
def test_no_page_is_left_mostly_blank(generated_years, seed, edition):
    from test_pdf_publication import short_pages

    assert short_pages(generated_years[seed][edition]) == {}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("edition", ["both", "it", "en"])
def test_every_chart_prints_its_text_on_the_one_type_scale(generated_years, seed, edition):
    from pdf_builds import chart_text_sizes

    from report.publication.charts import TYPE

    found = set().union(*chart_text_sizes(generated_years[seed][edition]).values())
    assert found and all(min(abs(size - step) for step in TYPE.values()) <= 0.02 for size in found), sorted(found)
