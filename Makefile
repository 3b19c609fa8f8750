# Set-up and everyday commands. `make report` and `make test` work on a fresh machine.
# The newest Python the whole project runs on (Django 6 needs 3.12): scripts/pick-python.sh. An existing .venv
# keeps its Python: `rm -rf .venv` to move it.
PYTHON ?= $(shell sh scripts/pick-python.sh)
VENV := .venv
PY := $(VENV)/bin/python
YEAR ?= 2025
TEMPLATE_YEAR ?= 2026

.PHONY: report test quick costs golden validate templates bench tools samples docs clean fuzz portal review screenshots

# Quiet install: -qq shows pip's errors only (not the warnings a machine's own pip configuration may cause,
# such as "Location ... is ignored"); the filter drops setuptools' "Editable installation" notice box, which
# pip passes on for every editable install and which asks nothing of the user.
PIP := PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -qq --upgrade pip
	$(PIP) install -qq -c constraints.txt -e '.[test,portal]'
	touch $@

# Debian tools some stages and tests need (pdftotext, pdftoppm, Chromium for the portal); installed only when missing.
tools:
	@sh scripts/ensure-tools.sh poppler harfbuzz chromium java web

report: $(VENV)/.installed
	@sh scripts/ensure-tools.sh harfbuzz
	$(PY) generate.py build --year $(YEAR)
	$(PY) generate.py template --year $(TEMPLATE_YEAR)

validate: $(VENV)/.installed
	$(PY) generate.py validate --year $(YEAR)

templates: $(VENV)/.installed
	$(PY) generate.py template --year $(TEMPLATE_YEAR)

# Python compiles the project's modules and pytest rewrites the asserts of every test module afresh on each run when
# bytecode may not be cached (a shell's PYTHONDONTWRITEBYTECODE=1): ~3 s of CPU in each test process. The test
# targets let Python cache it in __pycache__ (ignored by git).
test quick costs golden fuzz: export PYTHONDONTWRITEBYTECODE =

test: $(VENV)/.installed tools
	$(PY) -m pytest -n 2 --dist loadgroup

# The inner loop: the fast tier only (no PDF layout, LibreOffice, browser, nor a test measured at 0.25 s of CPU or
# more in tests/costs.json), under 30 s on 2 cores.
QUICK := not pdf and not libreoffice and not browser and not slow
quick: $(VENV)/.installed
	$(PY) -m pytest -n 2 -m "$(QUICK)"

# Measure what each test costs (as `make test` runs them) into tests/costs.json, from which the tiers come; run it
# on a quiet machine after adding costly tests, and commit the file.
costs: $(VENV)/.installed tools
	$(PY) -m pytest -n 2 --dist loadgroup --record-costs

# Rewrite the golden HTML pages of the fixture year (tests/golden/) after an intended change to the page; review
# the diff before committing it.
golden: $(VENV)/.installed
	$(PY) -m pytest tests/test_render.py -q -p no:xdist -k golden --update-golden

# Contact sheets of every page of every edition and a full-page screenshot of the HTML, in outputs/review/.
review: $(VENV)/.installed tools
	@test -f outputs/$(YEAR)/report_$(YEAR).pdf || $(MAKE) report
	$(PY) scripts/review.py --year $(YEAR)

# The long fuzz run of the input side (tests/test_fuzz.py): FUZZ_CASES=5000 by default, FUZZ_SEED to vary; and the
# property tests at their full depth (FUZZ_DEEP=1: `make test` draws a third of their examples).
FUZZ_CASES ?= 5000
PROPERTIES := tests/test_values.py tests/test_countries.py tests/test_ledger.py tests/test_open_data.py
fuzz: $(VENV)/.installed
	FUZZ_DEEP=1 $(PY) -m pytest $(PROPERTIES) -q -n 2 -p no:randomly
	FUZZ_CASES=$(FUZZ_CASES) $(PY) -m pytest tests/test_fuzz.py -q -s -p no:randomly -p no:xdist

samples: $(VENV)/.installed
	$(PY) scripts/make_samples.py

docs: $(VENV)/.installed
	$(PY) -m report.docs

# The department portal with an account per department of the sample year: http://127.0.0.1:8000 (README, Portal).
portal: $(VENV)/.installed
	$(PY) generate.py portal serve --demo

# Rewrite the README's portal screenshots (docs/portal/*.png) from the browser journeys; a normal test run writes
# its screenshots to outputs/portal-screenshots/ and leaves docs/ alone. Review the images before committing them.
screenshots: $(VENV)/.installed tools
	PORTAL_SCREENSHOTS=docs $(PY) -m pytest tests/portal -m browser -q -p no:randomly -p no:xdist

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) outputs/*/ .pytest_cache .hypothesis
