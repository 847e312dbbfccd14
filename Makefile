# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export OMP_NUM_THREADS ?= 2
export HF_HUB_OFFLINE := 1

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) -e ".[dev]"
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/passionpath data starter --if-empty
	$(BIN)/passionpath community demo --people 300 --if-empty
	$(BIN)/passionpath match examples/profiles/maya.json --top 5
	$(BIN)/passionpath serve

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/eval_interests.py
	$(BIN)/python benchmarks/eval_classify.py
	$(BIN)/python benchmarks/bench_cv.py
	$(BIN)/python benchmarks/eval_related.py
	$(BIN)/python benchmarks/eval_explore.py
	$(BIN)/python benchmarks/eval_selfmatch.py
	$(BIN)/python benchmarks/eval_personas.py
	$(BIN)/python benchmarks/eval_plans.py
	$(BIN)/python benchmarks/bench_match.py
	$(BIN)/python benchmarks/bench_match_cli.py
	$(BIN)/python benchmarks/bench_find.py
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_contacts.py
	$(BIN)/python benchmarks/eval_vcard_parsers.py
	$(BIN)/python benchmarks/bench_community.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
