# Two commands on a fresh machine: `make book` and `make test`. See README.md.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed
KERNEL := kharkiv
JOBS   ?=
PIP_TOOLS := pip-tools==7.6.2

.PHONY: system setup check-data notebooks html pdf book lint unit test lab lock serve bench bench-loop clean

# The system packages (Debian's chromium, and python3.X-venv where Python lacks ensurepip), checked first on every
# run (milliseconds): installed with apt-get as root or with sudo, else a message saying what to install, before
# any long step. CHROMIUM=/path/to/chromium names another browser.
system:
	@PYTHON=$(PYTHON) sh scripts/system_packages.sh

# Re-installs only when the lock or the package metadata change. Every package comes from requirements.txt with
# its hash checked, exactly as locked: the lock already holds every dependency, so pip does not resolve them again
# (its hash mode rejects an extra asked for by one package of a version pinned older than the newest), and pip check
# then confirms that what is installed is consistent. The package itself is an editable install (which cannot be
# hashed), without dependencies.
# The kernel named for the project is installed into the venv, so notebooks and JupyterLab run in it.
$(STAMP): requirements.txt pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --no-deps --require-hashes -r requirements.txt
	$(PIP) check
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (kharkiv)" >/dev/null
	touch $@

setup: system $(STAMP)

# Re-executes, in parallel (-j, default: the number of cores), only the notebooks whose recorded inputs changed:
# their cells, the data files they read and the kharkiv modules they import. Writes them back only if all succeed.
# Validates data/ first; warns loudly when the source documents are missing (and fails in CI).
check-data: setup
	$(PY) -m kharkiv

notebooks: check-data
	$(PY) scripts/execute_notebooks.py $(if $(JOBS),-j $(JOBS))

# The HTML book and its PDF (headless Chromium prints each page in toc order; pypdf joins them), built into a fresh
# folder and swapped in together only when both succeed; does nothing when nothing they are made from changed;
# refuses notebooks with error outputs; one build at a time (scripts/build_html.py).
html: setup
	$(PY) scripts/build_html.py

pdf: html

book: notebooks html pdf
	@echo "The book is in _build/html/index.html (make serve to read it)."

# ruff lints and checks the format of the package, scripts, tests and notebooks; lint-imports checks the package's
# layers and that no module imports in a cycle (both configured in pyproject.toml).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# The quick tier after an edit: lint, then every test that needs no built book, no kernel and no browser
# (the markers book, browser and slow: pyproject.toml), on the same workers as make test.
unit: lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder -m "not book and not browser and not slow" tests

# Checks the committed notebooks as they are (a stale one fails the freshness test), builds, then tests all of it;
# KHARKIV_REQUIRE_BOOK=1 turns the skip of a test that needs the built book into a failure. On two workers
# (pytest-xdist): the browser checks over one record of the book on one, the notebooks and builds on the other
# (the units of work: tests/conftest.py). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
test: lint check-data html pdf
	KHARKIV_REQUIRE_BOOK=1 $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder --nbval tests notebooks

# JupyterLab in the project's environment, with the "kharkiv" kernel (see README, "Rerun or extend a chapter").
# LAB_ARGS passes options, e.g. make lab LAB_ARGS="--no-browser --port 8890".
LAB_ARGS ?=
lab: setup
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

# Recompiles requirements.txt from requirements.in (exact pins with hashes) with pip-tools in a throwaway venv.
lock:
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp"; \
	"$$tmp/bin/pip" install --quiet --disable-pip-version-check $(PIP_TOOLS); \
	"$$tmp/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras --no-header \
		--no-emit-index-url --no-emit-find-links \
		-o requirements.txt requirements.in

serve: setup
	$(PY) -m http.server --directory _build/html 8000

# Scale benchmark: synthetic data at 1, 10 and 100 times today's size (SCALES="1 10" for fewer).
SCALES ?= 1 10 100
bench: setup
	$(PY) scripts/benchmark.py $(foreach s,$(SCALES),--scale $(s))

# The maintainers' loop, timed in a fresh clone of HEAD: fresh `make book`, no-change `make book`, `make test`,
# `make unit`, each with the machine's load. Takes minutes and loads both cores: run it on an idle machine.
bench-loop: setup
	$(PY) scripts/benchmark.py --loop

clean:
	rm -rf _build
