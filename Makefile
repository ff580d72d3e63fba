# Set-up, build, serve and test the bilingual report site. Everything runs in .venv, created here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test browser clean

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

## browser: Debian's Chromium and a CJK font for the browser tests, installed where missing
browser:
	sh scripts/install-browser.sh

## test: the whole test suite (unit, build and browser tests)
test: $(VENV)/.test-installed browser
	$(PY) -m pytest

clean:
	rm -rf site .pytest_cache .hypothesis
