# Two commands on a fresh machine: `make ingest` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DB     ?= archive.db
SRC    ?= seeds
WORKERS ?= 2
STAMP  := $(VENV)/.installed

.PHONY: ingest test serve bench clean-db help debian-packages

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

test: $(STAMP) debian-packages
	$(PY) -m pytest -q

# Debian packages some tests drive: Chromium for the browser test
# (tests/test_browse.py; with CJK fonts, so that screenshots of Korean or
# Chinese pages are readable), and the text browsers and converters whose
# dumps tests/dumps/test_tool_dumps.py cleans.  Installed here when missing
# (apt-get, as root or with sudo); when they cannot be, those tests fail and
# say why.
TOOL_COMMANDS := lynx w3m elinks links html2text

debian-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="chromium fonts-noto-cjk"; \
	for tool in $(TOOL_COMMANDS); do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	[ -z "$$missing" ] && exit 0; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then SUDO=""; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	else echo "WARNING: missing and not installable here (needs apt-get as root or sudo):$$missing; the tests that drive them will fail"; exit 0; fi; \
	echo "installing Debian's$$missing for the tests"; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
	  || echo "WARNING: apt-get install$$missing failed: the tests that drive them will fail"

serve: $(STAMP)
	$(PY) -m pipeline serve --db $(DB)

bench: $(STAMP)
	$(PY) bench/run_all.py

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm $(basename $(DB)).metadata.json
