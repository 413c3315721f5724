# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# relasi.db is the database every relasi command uses by default, so the README's tour needs no --db
DB     ?= relasi.db

.PHONY: demo test install install-dev lint bench bench-quick eval browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/relasi ingest examples --db $(DB)
	$(BIN)/relasi stats --db $(DB)
	$(BIN)/relasi events --db $(DB) --limit 25
	@echo
	@echo "Put relasi on the PATH:  source $(VENV)/bin/activate   then try the README's tour, or:"
	@echo "Open the dashboard on the demo data:  relasi serve   then visit http://127.0.0.1:8765/"

browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: browser tests will be skipped"

test: install-dev browser
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check src tests bench

eval: install
	$(BIN)/relasi eval ../shared/gold/dev

# every benchmark at the sizes bench/README.md reports (the 100,000-article memory run takes about an hour on
# two cores); bench-quick runs the memory benchmark on 1,000 articles instead and the pipeline on 1,000
# plain-text documents, in under five minutes on two cores
bench: install-dev
	$(BIN)/python bench/run_all.py --scale-sizes 10000,100000

bench-quick: install-dev
	$(BIN)/python bench/run_all.py --quick --scale-sizes 1000

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
