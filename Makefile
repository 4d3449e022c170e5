# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make demo   — creates .venv, installs claimkit, extracts the sample articles in data/raw
#   make test   — creates .venv, installs claimkit with its test extras, runs the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CORE_STAMP := $(VENV)/.core-installed
ALL_STAMP := $(VENV)/.all-installed
CHROMIUM ?= /usr/bin/chromium
SAMPLES := $(wildcard data/raw/*.txt data/raw/*.md data/raw/html/*.html)

.PHONY: demo test eval bench browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The default spaCy model is pinned by the sha256 of its wheel, and installed without dependencies.
$(CORE_STAMP): pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(ALL_STAMP): $(CORE_STAMP)
	$(BIN)/pip install --quiet -e '.[test,eval,batch,review]'
	touch $@

demo: $(CORE_STAMP)
	@mkdir -p data/annotated
	@for f in $(SAMPLES); do \
		name=$$(basename "$$f"); \
		$(BIN)/claimkit extract "$$f" -o "data/annotated/$${name%.*}.json" --summary || exit 1; \
		echo "wrote data/annotated/$${name%.*}.json"; \
	done

# The review page is tested in a real headless Chromium from Debian.
browser:
	@test -x $(CHROMIUM) || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null)

# Speed and memory: claimkit batch (1 and 2 workers, Dask) against plain spaCy on the same 500 articles
bench: $(ALL_STAMP)
	$(BIN)/python bench/bench.py --out bench-out

# Accuracy on MEANTIME and GUM news beside plain spaCy, textacy and dateparser: reports/eval.md and .json
eval: $(ALL_STAMP)
	$(BIN)/python -m claimkit.eval.bench --out reports

test: $(ALL_STAMP) browser
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
