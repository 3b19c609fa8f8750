# Set-up and everyday commands. `make report` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
YEAR ?= 2025
TEMPLATE_YEAR ?= 2026

.PHONY: report test validate templates bench tools samples docs clean review

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Debian tools some stages and tests need (pdftotext, pdftoppm); installed only when missing.
tools:
	@sh scripts/ensure-tools.sh poppler harfbuzz

report: $(VENV)/.installed
	@sh scripts/ensure-tools.sh harfbuzz
	$(PY) generate.py build --year $(YEAR)
	$(PY) generate.py template --year $(TEMPLATE_YEAR)

validate: $(VENV)/.installed
	$(PY) generate.py validate --year $(YEAR)

templates: $(VENV)/.installed
	$(PY) generate.py template --year $(TEMPLATE_YEAR)

test: $(VENV)/.installed tools
	$(PY) -m pytest -n 2 --dist loadgroup

# Contact sheets of every page of every edition and a full-page screenshot of the HTML, in outputs/review/.
review: $(VENV)/.installed tools
	@test -f outputs/$(YEAR)/report_$(YEAR).pdf || $(MAKE) report
	$(PY) scripts/review.py --year $(YEAR)

samples: $(VENV)/.installed
	$(PY) scripts/make_samples.py

docs: $(VENV)/.installed
	$(PY) -m report.docs

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) outputs/*/ .pytest_cache .hypothesis
