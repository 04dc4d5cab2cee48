# make demo: install into .venv, ingest the seed corpus, print the Hamas–Russia timeline.
# make test: install into .venv, set up Chromium and PostgreSQL (scripts/test-setup.sh), run
#            every test; stops with one line saying what to install when it cannot.
# make test-fast: the edit loop; leaves out slow marks, the browser and PostgreSQL.
PYTHON ?= python3
SHARED ?= ../shared
DEMO_DB ?= demo.db
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast lint clean

# The demo needs dyad alone; the tests add pytest, ruff, Playwright and the fuzzers.
$(VENV)/.installed: pyproject.toml
	@echo "== creating $(VENV) and installing dyad with spaCy, its English model and the web app (pip)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --progress-bar on -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	@echo "== installing the test tools into $(VENV): pytest, ruff, Playwright, hypothesis, atheris (pip)"
	$(BIN)/pip install --progress-bar on -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	@echo "== ingesting $(SHARED)/corpus/seed into $(DEMO_DB)"
	$(BIN)/dyad ingest $(SHARED)/corpus/seed --db $(DEMO_DB)
	$(BIN)/dyad timeline Hamas Russia --db $(DEMO_DB)
	@echo
	@echo "Next, in this shell:"
	@echo "  . $(VENV)/bin/activate                # puts dyad on your PATH (deactivate undoes it)"
	@echo "  dyad profile Hamas --db $(DEMO_DB)"
	@echo "  dyad quotes Hamas --db $(DEMO_DB)"
	@echo "  dyad serve --db $(DEMO_DB)              # the web app on http://127.0.0.1:8000"
	@echo "  dyad ingest $(SHARED)/data/polnear/dev/text --meta $(SHARED)/data/polnear/metadata.tsv --db polnear.db"
	@echo "  dyad --help"

test: $(VENV)/.installed-dev
	DYAD_SHARED=$(SHARED) PYTHON=$(BIN)/python scripts/test-setup.sh $(BIN)/pytest -q

# Only "slow" is a marker; the browser tests are one file; DYAD_TEST_PG=skip leaves
# PostgreSQL out (unset, the PostgreSQL tests stop the run instead of skipping quietly).
test-fast: $(VENV)/.installed-dev
	DYAD_SHARED=$(SHARED) DYAD_TEST_PG=skip $(BIN)/pytest -q -m "not slow" \
		--ignore=tests/web/test_web_browser.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
