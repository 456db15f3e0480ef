# Two commands on a fresh machine: `make ingest` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DB     ?= archive.db
SRC    ?= seeds
WORKERS ?= 2
STAMP  := $(VENV)/.installed

.PHONY: ingest test serve bench clean-db help

help:
	@echo "make ingest [SRC=dir DB=file]  set up, then clean SRC into the archive DB"
	@echo "make test                      run the test suite"
	@echo "make serve [DB=file]           browse the archive in Datasette"
	@echo "make bench                     print quality and speed figures on ../shared/bench"

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

ingest: $(STAMP)
	$(PY) -m pipeline ingest $(SRC) --db $(DB) --workers $(WORKERS)

test: $(STAMP)
	$(PY) -m pytest -q

serve: $(STAMP)
	$(PY) -m pipeline serve --db $(DB)

bench: $(STAMP)
	$(PY) bench/run_all.py

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm $(basename $(DB)).metadata.json
