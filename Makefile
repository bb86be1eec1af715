# Two commands on a fresh machine: `make book` and `make test`. See README.md.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
JB     := $(VENV)/bin/jupyter-book

.PHONY: setup notebooks html book lint test serve bench clean

# Re-installs only when the pins or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP)

# Re-executes only the notebooks whose inputs (their own cells, data/, kharkiv/) changed.
notebooks: setup
	$(PY) scripts/execute_notebooks.py

html: setup
	$(JB) build . --builder html -n -W --keep-going

book: notebooks html
	@echo "The book is in _build/html/index.html (make serve to read it)."

# ruff lints and checks the format of the package, scripts, tests and notebooks (config in pyproject.toml).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Checks the committed notebooks as they are (a stale one fails the freshness test), builds, then tests.
test: lint html
	$(PY) -m pytest --nbval tests notebooks

serve: setup
	$(PY) -m http.server --directory _build/html 8000

bench: setup
	$(PY) scripts/benchmark.py

clean:
	rm -rf _build
