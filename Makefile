# Two commands do everything on a fresh Debian 12 machine: `make build` and `make test`.
# Each installs what is missing (Debian packages, a .venv with pinned Python packages) and skips the rest.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# fonts-crosextra-carlito: Carlito, metric-compatible with Calibri (our xlsx files' default font), so that LibreOffice
# prints columns as wide as Excel does (without it LibreOffice takes DejaVu Sans; the print tests then fail).
# python3-uno, libreoffice-script-provider-python: the workbook proof reads LibreOffice's recalculated values over UNO
# without saving each file (generator/lo_values.py, run by Debian's /usr/bin/python3: the venv cannot import uno).
# chromium-headless-shell: the site's browser tests run in it (tests/site/browsing.py): the same Chromium version without
# the full browser's shell, ~40 % less CPU in those tests (docs/benchmarks.md, testtime8).
APT_PACKAGES := libreoffice-calc-nogui libreoffice-writer-nogui libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-dejavu-core fonts-crosextra-carlito poppler-utils chromium chromium-headless-shell python3-venv python3-uno \
	libreoffice-script-provider-python
STAMP_VENV := $(VENV)/.installed
NO_DONTWRITE := env -u PYTHONDONTWRITEBYTECODE

.PHONY: build test test-full test-quick setup apt venv lint clean

build: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/ibm build

test: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/ruff check generator tests bench
	$(BIN)/python -m tests.site.axe || echo "axe-core nav ielādēts: pieejamības tests to mēģinās vēlreiz"  # npm pack, pinned, into .cache/
	@# loadgroup: a test file (or an xdist_group across files) is one unit, longest first (tests/conftest.py)
	@# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set: each test process otherwise compiles every test
	@# module and its assert rewriting again (~8 s CPU each on a later run; docs/benchmarks.md).
	NO_MKDOCS_2_WARNING=1 $(NO_DONTWRITE) $(BIN)/pytest -n 2 --dist loadgroup

# Every proof on its whole set (IBM_FULL=1: every pilot municipality, every plan length, every random case; D223, D226,
# D292): the same run as `test`, for before a release and after a change to layouts, templates or input checks.
test-full: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/ruff check generator tests bench
	$(BIN)/python -m tests.site.axe || echo "axe-core nav ielādēts: pieejamības tests to mēģinās vēlreiz"
	NO_MKDOCS_2_WARNING=1 IBM_FULL=1 $(NO_DONTWRITE) $(BIN)/pytest -n 2 --dist loadgroup

# A quick subset while working (about 7 minutes on two cores, an estimate: docs/benchmarks.md): no LibreOffice, no
# browser, no slow proofs.
test-quick: setup
	NO_MKDOCS_2_WARNING=1 $(NO_DONTWRITE) $(BIN)/pytest -n 2 --dist loadgroup -m "not slow and not libreoffice and not browser"

setup: apt venv

apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Instalē Debian pakotnes:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# npm fetches axe-core for the accessibility test; a Node.js that ships its own npm is enough.
	@command -v npm >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends npm; }

venv: $(STAMP_VENV)

$(STAMP_VENV): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "Vajag Python 3.11 ($(PY))"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP_VENV)

lint: setup
	$(BIN)/ruff check generator tests bench

clean:
	rm -rf build .pytest_cache
