# Everything a fresh machine needs, from a Python 3.11+ with venv and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup assets build-packages test-packages build run serve lint test test-fast clean

# Debian tools (command:package). The build draws the ontology diagram with Graphviz
# (dot); the tests also drive real clients: rapper (raptor2-utils) dereferences URIs,
# roqet (rasqal-utils) queries the SPARQL endpoint, chromium runs the end-to-end tests
# through Playwright.
BUILD_TOOLS := dot:graphviz
TEST_TOOLS := $(BUILD_TOOLS) rapper:raptor2-utils roqet:rasqal-utils chromium:chromium pdftotext:poppler-utils

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Browser assets the server serves itself (query editor, Swagger UI), pinned in the lock
# file; npm runs here only, never at run time. No install scripts are needed (or run).
ASSETS := server/assets
ASSETS_STAMP := $(ASSETS)/node_modules/.installed

$(ASSETS_STAMP): $(ASSETS)/package.json $(ASSETS)/package-lock.json
	cd $(ASSETS) && npm ci --no-audit --no-fund --ignore-scripts
	touch $(ASSETS_STAMP)

assets: $(ASSETS_STAMP)

setup: $(STAMP) assets

build: setup build-packages
	$(BIN)/intmk build

run: build serve

serve: setup
	$(BIN)/intmk serve --host $${INTMK_HOST:-0.0.0.0} --port $${INTMK_PORT:-8000}

# Installs with apt-get those of $(1) whose command is missing (as root, or with sudo).
define debian_packages
	@missing=""; for tool in $(1); do \
		command -v $${tool%%:*} >/dev/null || missing="$$missing $${tool#*:}"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi
endef

build-packages:
	$(call debian_packages,$(BUILD_TOOLS))

test-packages:
	$(call debian_packages,$(TEST_TOOLS))

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy mapping server cli tests

test: lint test-packages
	$(BIN)/pytest

# The inner loop: everything but the slowest suites (browser, fuzzing, property tests,
# schemathesis, slow clients, the tests that run many builds, the OWL RL reasoner);
# `make test` runs them all.
SLOW_TESTS := browser schemathesis parser_properties parser_fuzz build_safety bad_input \
	many_documents slow_clients reasoner
test-fast: setup test-packages
	$(BIN)/pytest -q -x $(foreach name,$(SLOW_TESTS),--ignore=tests/test_$(name).py)

clean:
	rm -rf $(VENV) data/graph data/.builds $(ASSETS)/node_modules
