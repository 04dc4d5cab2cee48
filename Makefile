# make demo: install into .venv, ingest the seed corpus, print the Hamas–Russia timeline.
# make test: install into .venv if needed, run the test suite.
# make test-fast: the edit loop; leaves out slow marks, the browser and PostgreSQL.
PYTHON ?= python3
SHARED ?= ../shared
DEMO_DB ?= demo.db
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/dyad ingest $(SHARED)/corpus/seed --db $(DEMO_DB)
	$(BIN)/dyad timeline Hamas Russia --db $(DEMO_DB)

test: $(VENV)/.installed
	DYAD_SHARED=$(SHARED) $(BIN)/pytest -q

# Only "slow" is a marker; the browser tests are one file, and PostgreSQL runs only
# when DYAD_TEST_PG names a server, so an empty one leaves it out.
test-fast: $(VENV)/.installed
	DYAD_SHARED=$(SHARED) DYAD_TEST_PG= $(BIN)/pytest -q -m "not slow" \
		--ignore=tests/web/test_web_browser.py

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
