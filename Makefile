# Two entry points do all set-up on a fresh machine with only Python 3 and make:
#   make run    installs the locked runtime and extracts facts from corpus/ into out/facts.jsonl
#   make test   installs the locked test environment and runs the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: run test evaluate schema bench bench-scaling bench-resume lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements/run.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/run.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: requirements/test.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/test.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/newsfacts extract corpus -o out/facts.jsonl

# PASS/FAIL, then one summary per set (corpus, development, heldout); details only of what fails a
# threshold, never of held-out articles. Every miss: newsfacts evaluate out/facts.jsonl --expected
# corpus --no-recursive --set development [--kind KIND] [--article ID].
evaluate: run
	$(BIN)/newsfacts evaluate out/facts.jsonl --expected corpus --all-sets --thresholds corpus/thresholds.json --errors-only

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

schema: $(VENV)/.run-installed
	$(BIN)/newsfacts schema --out schemas

bench: $(VENV)/.run-installed
	$(BIN)/python benchmarks/throughput.py

# Opt-in, minutes each: one long article at 50k/200k/1M characters; 3,000 articles killed and resumed.
bench-scaling: $(VENV)/.run-installed
	$(BIN)/python benchmarks/scaling.py

bench-resume: $(VENV)/.run-installed
	$(BIN)/python benchmarks/resume.py

# Regenerate the hash-pinned lock files (needs network access to the package index).
lock:
	$(PYTHON) -m uv pip compile pyproject.toml requirements/build.in --generate-hashes --universal \
		--python-version 3.10 -o requirements/run.lock -q
	$(PYTHON) -m uv pip compile pyproject.toml requirements/build.in --extra test --generate-hashes \
		--universal --python-version 3.10 -o requirements/test.lock -q

clean:
	rm -rf $(VENV) out build *.egg-info
