"""Sphinx extension: the one place that copies browser files into the built book.

Everything the pages load from us lands under `_static/ows/`:
- from `widgets/`: the kernel-free host, each calculator's bundle (`<folder>/widget.js`, which
  holds its model and view; the modules it is made from stay out), the decision guide's
  module, the stylesheets and the vendored plotly.js, at their paths under `widgets/`;
- from `_ext/`: the book-wide stylesheet (`site.css`, on every page), the formulas' and the
  handouts' stylesheets, and the workshop slides' files (vendored reveal.js, their theme and
  start-up script), at the paths the extensions that use them name.

Jupyter Book injects every `.js` under a folder named `_static/` into every page, so these
files are copied at the end of the build instead of being listed in `html_static_path`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

import widgets

ASSET_DIR = "ows"  # inside the built book's _static/
WIDGETS = Path(widgets.__file__).resolve().parent
EXT = Path(__file__).resolve().parent
# What pages load from widgets/, as glob patterns inside it.
WIDGET_FILES = ("host.js", "*/widget.js", "decision_guide/*.js", "vendor/*.js", "*.css", "*/*.css")
# Build-side stylesheets: source -> path under _static/ows/.
EXT_FILES = {
    EXT / "site.css": "site.css",
    EXT / "math.css": "math.css",
    EXT / "instructor_kit" / "handouts.css": "handouts.css",
    # The workshop slides (instructor_kit/slides.py): vendored reveal.js, its theme and start-up.
    EXT / "instructor_kit" / "slides.css": "slides.css",
    EXT / "instructor_kit" / "slides.js": "slides.js",
    **{path: f"reveal/{path.name}" for path in (EXT / "instructor_kit" / "vendor" / "reveal").glob("*.[cj]s*")},
}


def asset_url(relative: str) -> str:
    """The URL (relative to _static/) under which a file copied here is served."""
    return f"{ASSET_DIR}/{relative}"


def browser_files() -> dict[Path, str]:
    """Source file -> path under _static/ows/."""
    files = {path: path.relative_to(WIDGETS).as_posix() for pattern in WIDGET_FILES for path in WIDGETS.glob(pattern)}
    return {**files, **EXT_FILES}


def copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / ASSET_DIR
    for source, relative in browser_files().items():
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_css_file(asset_url("site.css"))
    # Early, so that the handout PDFs (printed at priority 900) find the stylesheets in place.
    app.connect("build-finished", copy_assets, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
