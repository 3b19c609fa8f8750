"""The independent validator `page` (PDF/A-3b, PDF/UA-1) on two more generated years, of other seeds and the
generator's ordinary names (the session's `publication` builds hold the sample year and a generated year with
long names): the three editions of each, built once for this module. Slow: each build lays out three PDFs."""
from __future__ import annotations

import pytest

page = pytest.importorskip("page", reason="page-validation (the `page` PDF validator) missing")
pytestmark = [pytest.mark.slow, pytest.mark.pdf]

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
