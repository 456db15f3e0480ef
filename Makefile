# Two commands on a fresh machine: `make ingest` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DB     ?= archive.db
SRC    ?= seeds
WORKERS ?= 2
STAMP  := $(VENV)/.installed

.PHONY: ingest test serve bench clean-db help chromium

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

test: $(STAMP) chromium
	$(PY) -m pytest -q

# The browser test (tests/test_browse.py) drives Debian's Chromium (with CJK
# fonts, so that screenshots of Korean or Chinese pages are readable).  Installed
# here when missing (apt-get, as root or with sudo); when it cannot be, the
# test fails and says why.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	  else echo "WARNING: chromium is missing and cannot be installed here (needs apt-get as root or sudo): the browser test will fail"; exit 0; fi; \
	  echo "installing Debian's chromium for the browser test"; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
	    || echo "WARNING: apt-get install chromium failed: the browser test will fail"; }

serve: $(STAMP)
	$(PY) -m pipeline serve --db $(DB)

bench: $(STAMP)
	$(PY) bench/run_all.py

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm $(basename $(DB)).metadata.json
