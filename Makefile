# The menu: `make site` builds the reference, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
NODE_DEPS := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site docs serve test lint chromium bench bench-accuracy bench-agreement bench-weight clean

site: $(SITE_DEPS) $(NODE_DEPS)  ## generate docs/ and build site/ (mkdocs --strict)
	$(PY) -m generator site

docs: $(SITE_DEPS) $(NODE_DEPS)  ## generate the Markdown under docs/ only
	$(PY) -m generator docs

# One command, no shell around it: make then runs it directly and passes it the SIGTERM it
# receives, so serve stops its mkdocs child and removes its temporary folder (exit 143).
serve: $(SITE_DEPS) $(NODE_DEPS)  ## http://127.0.0.1:8000, regenerated when a catalog file is saved
	$(PY) -m generator serve

# Hermetic: the suite gets a cache folder of its own, never the developer's .cache/. One
# build fills it first (every entry derived once, in parallel), then every test shares it.
test: $(TEST_DEPS) $(NODE_DEPS) chromium lint  ## the whole suite: lint, types, pytest
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/activations-test-XXXXXX") && \
	trap 'rm -rf "$$scratch"' EXIT && \
	export ACTIVATIONS_CACHE="$$scratch/cache" && \
	$(PY) -m generator docs --docs "$$scratch/docs" && \
	$(PY) -m pytest

lint: $(TEST_DEPS)  ## ruff and mypy
	$(PY) -m ruff check generator tests bench
	$(PY) -m ruff format --check generator tests bench
	$(PY) -m mypy

# The browser tests drive Debian's Chromium through Playwright (no browser is downloaded).
# Checked on every run, so a Chromium removed since the last run is noticed: installed with
# apt-get when we are root, otherwise make stops and says what to install.
chromium:  ## Chromium for the browser tests (apt-get install when missing and root)
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then \
	  :; \
	elif [ "$$(id -u)" -eq 0 ]; then \
	  echo "make: installing Chromium for the browser tests (apt-get)" >&2; \
	  apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium && \
	  { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	    { echo "make: apt-get installed no chromium command" >&2; exit 1; }; }; \
	else \
	  echo "make: Chromium is missing and the browser tests need it." >&2; \
	  echo "      Install it with: sudo apt-get install chromium" >&2; \
	  exit 1; \
	fi

bench: $(SITE_DEPS) $(NODE_DEPS)  ## build times as ratios to mkdocs alone (a few minutes)
	$(PY) bench/build_speed.py

bench-accuracy: $(TEST_DEPS)  ## ULP errors of every NumPy implementation vs naive and PyTorch
	$(PY) bench/accuracy.py

bench-weight: $(TEST_DEPS) $(NODE_DEPS) chromium  ## bytes of a cold load of every page, against the budgets
	$(PY) bench/weight.py

bench-agreement: $(TEST_DEPS)  ## PyTorch, Keras and JAX against every formula: errors vs stated bounds
	$(PY) bench/agreement.py

clean:  ## remove everything generated and installed
	rm -rf docs site .site-* .docs-* .site.lock .docs.lock .cache $(VENV) node_modules test-artifacts .pytest_cache .mypy_cache .ruff_cache .hypothesis

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_DEPS): requirements/site.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	touch $@

$(TEST_DEPS): requirements/site.txt requirements/test.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $(SITE_DEPS) $@

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@
