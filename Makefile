# One-Way Street. `make book` and `make test` do all set-up on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
JB     := $(VENV)/bin/jupyter-book
READY  := $(VENV)/.installed
PORT   ?= 8000

.PHONY: book book-student test serve lab generate clean

# The build prints the handouts to PDF with Chromium, so it installs Chromium first if missing,
# and draws the formulas with MathJax in Node (node_modules).
book: $(READY) node_modules/.installed
	bash scripts/install-chromium.sh
	$(JB) build . --warningiserror --nitpick --keep-going
	@echo
	@echo "The book is built: open _build/html/index.html, or run 'make serve' and visit http://127.0.0.1:$(PORT)/"

# The student edition: the same book without the exercises' solutions.
book-student: $(READY) node_modules/.installed
	bash scripts/install-chromium.sh
	OWS_EDITION=student $(JB) build . --path-output _build/student --warningiserror --nitpick --keep-going
	@echo
	@echo "The student edition is built: open _build/student/_build/html/index.html"

test: $(READY) node_modules/.installed
	bash scripts/install-chromium.sh
	$(PY) -m pytest

serve:
	@test -f _build/html/index.html || $(MAKE) book
	@echo "Serving _build/html at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(PY) -m http.server --directory _build/html --bind 127.0.0.1 $(PORT)

# JupyterLab on the chapters, with the settings in .jupyter/ (put on JUPYTER_CONFIG_PATH):
# Jupytext is the default viewer for Markdown, so a double-click opens a chapter as a notebook,
# and every .md reads as MyST (Jupytext would take a page with ::: fences for pandoc Markdown).
lab: $(READY)
	JUPYTER_CONFIG_PATH="$(CURDIR)/.jupyter$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	  $(VENV)/bin/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) chapters

# After changing a calculator's model: rewrite its parameters.js and vectors.json.
generate: $(READY)
	$(PY) -m widgets.generate

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
