# unmask — one target per habit. Every target creates .venv and installs what it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check bench lock clean

$(STAMP): pyproject.toml requirements.lock requirements-nodeps.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -r requirements-nodeps.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

## make demo: simulate a network with hostile campaigns, ingest, train, scan, serve on :8000
demo: $(STAMP)
	UNMASK_DATA_DIR=$${UNMASK_DATA_DIR:-.unmask/demo} $(BIN)/unmask demo

## make test: the whole suite (servers and browsers skip with a reason when absent)
test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

## make check: lint, format, strict typing and architecture contracts
check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

## make bench: benchmarks; JSON results in bench-results/, figures in docs/benchmarks.md
bench: $(STAMP)
	mkdir -p bench-results
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

## make lock: re-pin every dependency (needs uv)
lock:
	uv pip compile pyproject.toml --extra test --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .unmask bench-results
