# Kniewijs. `make run` and `make test` work from a clean clone with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench bench-load messages install install-test demo clean fuzz fuzz-corpus

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

messages: $(VENV)/.installed
	$(BIN)/python scripts/compile_messages.py

run: install messages
	$(BIN)/kniewijs migrate --noinput
	$(BIN)/kniewijs demo
	@echo ""
	@echo "  Kniewijs draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	@echo ""
	$(BIN)/kniewijs runserver --noreload $(HOST):$(PORT)

# axe-core for the browser tests' accessibility checks, from the npm registry at the locked version.
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/axe/package.json tests/browser/axe/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser/axe --no-audit --no-fund --silent && touch $@; \
	else echo "npm is not installed: the browser tests' accessibility checks will skip (CI fails instead)"; fi

test: install-test messages $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check src tests bench scripts fuzz
	$(BIN)/ruff format --check src tests bench scripts fuzz
	$(BIN)/mypy

format: install-test
	$(BIN)/ruff format src tests bench scripts fuzz
	$(BIN)/ruff check --fix src tests bench scripts fuzz

bench: install-test messages
	$(BIN)/python bench/fit_decode.py
	$(BIN)/python bench/import_export.py
	$(BIN)/python bench/metrics.py

# 50 users against gunicorn with 10 MB imports behind them, then the saturated mix against a bare view (~5 min).
bench-load: install-test messages
	$(BIN)/pip install --quiet -e '.[load]'
	$(BIN)/python bench/load/run.py $(LOAD_ARGS)

# At least 1,000,000 executions per parser (about an hour on one core); outside CI, which runs the corpus.
fuzz: install-test
	$(BIN)/pip install --quiet -e '.[fuzz]'
	$(BIN)/python fuzz/run_all.py $(FUZZ_ARGS)

fuzz-corpus: install
	$(BIN)/python scripts/make_fuzz_corpus.py

clean:
	rm -rf $(VENV) var test-artifacts
