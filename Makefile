# One-Way Street. `make book` and `make test` do all set-up on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
JB     := $(VENV)/bin/jupyter-book
READY  := $(VENV)/.installed
PORT   ?= 8000

# Test workers (pytest-xdist), one per core: on 2 cores, 3 workers were no faster than 2 (5 min 15 s
# against 4 min 20 s, bench/test_time.py), as Chromium and the book builds keep every core busy.
TEST_WORKERS ?= 2

.PHONY: book book-student handouts test test-fast lint serve lab generate clean

# The build prints the handouts to PDF with Chromium, so it installs Chromium first if missing
# (without it the book still builds, and says so), and draws the formulas with MathJax in Node.
book: $(READY) node_modules/.installed
	-bash scripts/install-chromium.sh
	$(JB) build . --warningiserror --nitpick --keep-going
	@echo
	@echo "The book is built: open _build/html/index.html, or run 'make serve' and visit http://127.0.0.1:$(PORT)/one-way-street/"

# The student edition: the same book without the exercises' solutions.
book-student: $(READY) node_modules/.installed
	-bash scripts/install-chromium.sh
	OWS_EDITION=student $(JB) build . --path-output _build/student --warningiserror --nitpick --keep-going
	@echo
	@echo "The student edition is built: open _build/student/_build/html/index.html"

# Print the handout PDFs of a book built without Chromium (the build prints them when it can).
handouts: $(READY)
	@test -f _build/html/index.html || $(MAKE) book
	bash scripts/install-chromium.sh
	PYTHONPATH=_ext $(PY) -m instructor_kit.pdf _build/html

# Everything: the unit, js, build, browser and jupyter layers (tests/README.md).
test: $(READY) node_modules/.installed
	bash scripts/install-chromium.sh
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The unit and JS layers only: no build, no browser.
test-fast: $(READY) node_modules/.installed
	$(PY) -m pytest tests/unit tests/js

lint: $(READY)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The book under its published path (/one-way-street/), as GitHub Pages serves it.
serve: $(READY)
	@test -f _build/html/index.html || $(MAKE) book
	PYTHONPATH=_ext $(PY) -m static_server _build/html --port $(PORT)

# JupyterLab on the chapters, with the settings in .jupyter/ (put on JUPYTER_CONFIG_PATH):
# Jupytext is the default viewer for Markdown, so a double-click opens a chapter as a notebook,
# and every .md reads as MyST (Jupytext would take a page with ::: fences for pandoc Markdown).
lab: $(READY)
	JUPYTER_CONFIG_PATH="$(CURDIR)/.jupyter$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	  $(VENV)/bin/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) chapters

# After changing a calculator's model or browser code: rewrite its parameters.js and
# vectors.jsonl, then its bundle widget.js (esbuild; `npm run watch` keeps it current).
generate: $(READY) node_modules/.installed
	$(PY) -m widgets.generate
	npm run --silent bundle

$(READY): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf _build
