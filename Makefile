# vngov — two commands: `make reports` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= data/sample
SHARED ?= ../shared

.PHONY: setup build reports baselines test bench score clean

# A second run does nothing: the stamp is newer than pyproject.toml.
setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# Tables of $(CORPUS) as Parquet under data/processed/<corpus key>/ (name + hash of its path; data/sample → sample).
build: setup
	$(BIN)/vngov build $(CORPUS)

# One report per locality and per period under reports/<corpus key>/, HTML beside each, index.html.
# Reports whose slice of the store, notebook, parameters and vngov code/lexicons are unchanged are not re-executed.
reports: build
	$(BIN)/vngov reports $(CORPUS)

# Refresh the nbval baselines (reports/sample/) after an intended change, then commit them.
# Removing the manifest makes every sample report execute again.
baselines: setup
	$(BIN)/vngov build data/sample
	rm -f reports/sample/manifest.json
	$(BIN)/vngov reports data/sample

# Unit tests on 2 cores, then nbval: data/sample is built into a temporary store and the
# committed reports/sample/**/*.ipynb are re-executed against it (not regenerated first).
test: setup
	MPLBACKEND=Agg $(BIN)/python -m pytest -q -n 2 tests
	$(BIN)/python tests/nbval_run.py

# Whole builds of a 10,000-article corpus made on the fly (1 and 2 processes, cache, memory),
# underthesea.ner as the baseline; then each extractor's rate on the dev corpus.
bench: setup
	$(BIN)/python -m vngov.bench --build 10000
	$(BIN)/python -m vngov.bench

# Accuracy on the dev set (../shared) and on the three held-out sets shipped in tests/.
score: setup
	$(BIN)/vngov extract $(SHARED)/eval/dev/corpus --jsonl data/dev.jsonl
	$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/dev/gold.jsonl data/dev.jsonl
	$(BIN)/vngov extract tests/holdout/corpus --jsonl data/holdout.jsonl
	$(PYTHON) $(SHARED)/eval/score.py tests/holdout/gold.jsonl data/holdout.jsonl
	$(BIN)/vngov extract tests/holdout_blind/corpus --jsonl data/holdout_blind.jsonl
	$(PYTHON) $(SHARED)/eval/score.py tests/holdout_blind/gold.jsonl data/holdout_blind.jsonl
	$(BIN)/vngov extract tests/holdout_blind2/corpus --jsonl data/holdout_blind2.jsonl
	$(PYTHON) $(SHARED)/eval/score.py tests/holdout_blind2/gold.jsonl data/holdout_blind2.jsonl

clean:
	rm -rf $(VENV) data/processed
