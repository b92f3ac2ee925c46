# Karar — `make` alone prints the menu. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What running needs (pip install -e .), then the test extras on top; each redone when
# pyproject.toml (or the version in karar/__init__.py) changes.
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
BUNDLE_STAMP := $(VENV)/.installed-bundle

# A .venv left by a failed first run (python3-venv missing: no pip) or whose python no longer
# runs (the system python it points at was removed) is recreated, not reused.
VENV_OK := $(shell $(BIN)/python -c 'import pip' >/dev/null 2>&1 && echo yes)

# The venv's own pip (no upgrade: it reads pyproject.toml, and upgrading needs the network).
# setuptools notes each editable install of a layout other than plain src/ ("be careful with
# folders named like the package in the working directory": there is none here) as a warning.
PIP_INSTALL = PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet

.DEFAULT_GOAL := help
.PHONY: help run test check lint format bench dist translations clean FORCE
.PHONY: install-desktop uninstall-desktop bundle test-bundle

help:
	@echo "Karar — decision trees as mind maps"
	@echo ""
	@echo "  make run     create .venv, install Karar and open the built-in map"
	@echo "  make test    create .venv with the test extras and run the whole suite"
	@echo "  make check   lint (ruff, mypy --strict) and the whole suite: run before committing"
	@echo "  make bench   performance benchmarks (tests/perf), printed as a table"
	@echo "  make format  format the code with ruff"
	@echo "  make dist    build a wheel and an sdist into dist/"
	@echo "  make install-desktop    menu entry, icons, file type and a karar launcher, for you"
	@echo "  make uninstall-desktop  remove what install-desktop installed"
	@echo "  make bundle       a one-folder bundle that needs no Python: dist/karar/karar"
	@echo "  make test-bundle  build the bundle and check it gives what .venv's karar gives"
	@echo "  make translations  update translations/*.ts from the code, compile the .qm files"
	@echo "  make clean   remove .venv and build output"

ifneq ($(VENV_OK),yes)
$(RUN_STAMP): FORCE
endif
$(RUN_STAMP): pyproject.toml src/karar/__init__.py
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Karar needs Python 3.11 or newer (found $$($(PYTHON) --version 2>&1))"; exit 1; }
ifneq ($(VENV_OK),yes)
	@rm -rf $(VENV)
	@echo "$(PYTHON) -m venv $(VENV)"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "make: could not create $(VENV): on Debian/Ubuntu install python3-venv (as root: apt-get install python3-venv)"; \
	  exit 1; }
endif
	$(PIP_INSTALL) -e .
	@touch $(RUN_STAMP)

$(TEST_STAMP): $(RUN_STAMP)
	$(PIP_INSTALL) -e '.[test]'
	@touch $(TEST_STAMP)

$(BUNDLE_STAMP): $(RUN_STAMP)
	$(PIP_INSTALL) -e '.[bundle]'
	@touch $(BUNDLE_STAMP)

FORCE:

run: $(RUN_STAMP)
	$(BIN)/karar $(ARGS)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

check: lint test

format: $(TEST_STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

bench: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/perf -s -p no:cacheprovider --benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name $(PYTEST_ARGS)

# python -m build (in the test extras): the sdist, then the wheel built from it, so a file the
# sdist lacks is missing from the wheel too (tests/e2e/test_install.py sees it). No isolation:
# it builds offline with the venv's setuptools.
dist: $(TEST_STAMP)
	$(BIN)/python -m build --quiet --no-isolation --outdir dist .
	@ls -l dist

# For the current user (XDG_DATA_HOME, ~/.local/bin); the launcher runs this checkout's .venv.
install-desktop: $(RUN_STAMP)
	@$(BIN)/python packaging/desktop.py install

uninstall-desktop:
	@$(PYTHON) packaging/desktop.py uninstall

# PyInstaller, one folder (packaging/karar.spec): dist/karar/karar runs without Python.
bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/karar.spec
	@du -sh dist/karar

test-bundle: bundle $(TEST_STAMP)
	KARAR_BUNDLE=dist/karar $(BIN)/python -m pytest tests/e2e/test_bundle.py $(PYTEST_ARGS)

# lupdate collects the window's texts (src/karar/ui: the command line stays English) into the
# .ts sources, which a translator fills in (Qt Linguist, or by hand); lrelease compiles them
# into the .qm files the package ships. The .qm files are committed: a fresh clone, a wheel
# and an sdist have them without this step (tests/ui/test_translations.py checks they are
# current). English has only its plural forms (karar_en.ts: -pluralonly).
TS_DIR := translations
QM_DIR := resources/translations
LUPDATE = $(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete -silent src/karar/ui
translations: $(RUN_STAMP)
	$(LUPDATE) -ts $(TS_DIR)/karar_tr.ts
	$(LUPDATE) -pluralonly -ts $(TS_DIR)/karar_en.ts
	$(BIN)/pyside6-lrelease -silent $(TS_DIR)/karar_tr.ts -qm $(QM_DIR)/karar_tr.qm
	$(BIN)/pyside6-lrelease -silent $(TS_DIR)/karar_en.ts -qm $(QM_DIR)/karar_en.qm

clean:
	rm -rf $(VENV) build dist src/*.egg-info
