# Karar — `make` alone prints the menu. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test check lint format bench dist clean

help:
	@echo "Karar — decision trees as mind maps"
	@echo ""
	@echo "  make run     create .venv, install Karar and open the built-in map"
	@echo "  make test    create .venv with the test extras and run the whole suite"
	@echo "  make check   lint (ruff, mypy --strict) and the whole suite: run before committing"
	@echo "  make bench   performance benchmarks (tests/perf), printed as a table"
	@echo "  make format  format the code with ruff"
	@echo "  make dist    build a wheel and an sdist into dist/"
	@echo "  make clean   remove .venv and build output"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Karar needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/karar $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

check: lint test

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

bench: $(STAMP)
	$(BIN)/python -m pytest tests/perf -s -p no:cacheprovider --benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name $(PYTEST_ARGS)

dist: $(STAMP)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	@ls -l dist

clean:
	rm -rf $(VENV) build dist src/*.egg-info
