"""Sphinx extension: run a notebook page elsewhere — Binder, Colab, or a downloaded .ipynb.

The book's notebooks are MyST text files. Colab and a plain download need .ipynb, so the
build writes one per notebook page to `_notebooks/<page>.ipynb` (unexecuted, with a first
cell that fetches the book's code and data when it runs in Colab). Each notebook page gets
a short bar of plain links; nothing is loaded from another host.

Binder opens the MyST file itself in JupyterLab (jupytext is installed there); Colab opens
the generated .ipynb from the `gh-pages` branch the publishing workflow pushes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jupytext
import nbformat
from sphinx.application import Sphinx

NOTEBOOK_DIR = "_notebooks"
PUBLISHED_BRANCH = "gh-pages"

COLAB_SETUP = """\
# In Colab, fetch the book's code and data first (this cell does nothing elsewhere).
import os, sys
if "google.colab" in sys.modules and not os.path.exists("{repo}"):
    !git clone --depth 1 {url}
    %pip install --quiet --no-deps -e {repo}
    sys.path.insert(0, "{repo}")
    os.chdir("{repo}/{folder}")"""


def notebook_sources(app: Sphinx) -> dict[str, Path]:
    """docname -> source path of every page written as a MyST text notebook."""
    found = {}
    for docname in app.env.found_docs:
        path = Path(app.env.doc2path(docname))
        if path.suffix == ".md" and "jupytext:" in path.read_text(encoding="utf-8")[:400]:
            found[docname] = path
    return found


def repository(app: Sphinx) -> tuple[str, str, str]:
    """(url, owner/name, branch) from _config.yml's `repository` section."""
    options = app.config.html_theme_options
    url = options.get("repository_url", "").rstrip("/")
    return url, url.split("github.com/")[-1], options.get("repository_branch", "main")


def launch_bar(app: Sphinx, docname: str, source: Path, depth: int) -> str:
    url, slug, branch = repository(app)
    relative = source.relative_to(app.srcdir).as_posix()
    binder = f"https://mybinder.org/v2/gh/{slug}/{branch}?urlpath={quote(f'lab/tree/{relative}', safe='')}"
    colab = f"https://colab.research.google.com/github/{slug}/blob/{PUBLISHED_BRANCH}/{NOTEBOOK_DIR}/{docname}.ipynb"
    download = "../" * depth + f"{NOTEBOOK_DIR}/{docname}.ipynb"
    links = [("Launch in Binder", binder), ("Open in Colab", colab), ("Download the notebook (.ipynb)", download)]
    items = " · ".join(f'<a href="{html.escape(href)}">{label}</a>' for label, href in links)
    return f'<p class="ows-launch"><span>Run this notebook yourself:</span> {items}</p>'


def add_launch_bar(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    sources = app.env.ows_notebooks  # type: ignore[attr-defined]
    if pagename in sources and "body" in context:
        bar = launch_bar(app, pagename, sources[pagename], pagename.count("/"))
        context["body"] = bar + context["body"]


def remember_notebooks(app: Sphinx, env: Any) -> None:
    env.ows_notebooks = notebook_sources(app)


def write_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    url, slug, _ = repository(app)
    for docname, source in app.env.ows_notebooks.items():  # type: ignore[attr-defined]
        notebook = jupytext.read(source)
        folder = source.parent.relative_to(app.srcdir).as_posix()
        setup = COLAB_SETUP.format(repo=slug.split("/")[-1], url=url, folder=folder)
        notebook.cells.insert(0, nbformat.v4.new_code_cell(setup))
        for number, cell in enumerate(notebook.cells):
            cell.id = f"cell-{number}"  # nbformat's ids are random; builds must be reproducible
        target = Path(app.outdir) / NOTEBOOK_DIR / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-updated", remember_notebooks)
    app.connect("html-page-context", add_launch_bar)
    app.connect("build-finished", write_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
