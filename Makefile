# vngov — two commands: `make reports` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= data/sample
SHARED ?= ../shared

.PHONY: setup build reports test bench score clean

# A second run does nothing: the stamp is newer than pyproject.toml.
setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

build: setup
	$(BIN)/vngov build $(CORPUS)

reports: build
	$(BIN)/vngov reports $(CORPUS)

test: setup
	MPLBACKEND=Agg $(BIN)/python -m pytest -q -n 2 tests
	MPLBACKEND=Agg $(BIN)/python -m tests.nbval_run

bench: setup
	$(BIN)/python -m vngov.bench

score: setup
	$(BIN)/vngov extract $(SHARED)/eval/dev/corpus --jsonl data/dev.jsonl
	$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/dev/gold.jsonl data/dev.jsonl

clean:
	rm -rf $(VENV) data/processed
