# Set-up, build, serve and test the bilingual report site. Everything runs in .venv, created here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test audit tools clean

$(VENV)/.site-installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: build the site and serve it at http://$(HOST)/, rebuilding when the text or data change
serve: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs serve --dev-addr $(HOST)

## build: build the site into site/ (the previous site/ stays untouched if the build fails)
build: $(VENV)/.site-installed
	$(PY) scripts/build.py

## tools: Debian's Chromium, a CJK font, Java, npm and LibreOffice Writer for the tests and gates, installed where missing
tools:
	sh scripts/install-test-tools.sh

audit/node_modules/.installed: audit/package.json audit/package-lock.json
	cd audit && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## test: the whole test suite (unit, build, browser tests and the deterministic quality gates)
test: $(VENV)/.test-installed tools audit/node_modules/.installed
	$(PY) -m pytest

## audit: every quality gate on every page, Lighthouse included; a table, audit-report.json, exit 1 on failure
audit: $(VENV)/.test-installed tools audit/node_modules/.installed
	$(PY) scripts/audit.py

clean:
	rm -rf site .pytest_cache .hypothesis
