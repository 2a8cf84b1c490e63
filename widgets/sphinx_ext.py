"""Sphinx extension: calculators in the static book.

- The `calculator` directive (```{calculator} publication-gap```) writes the calculator's
  root element with the default scenario's results and table inside, so a printout, a
  reader without JavaScript or a screen reader still gets the numbers.
- The `decision-guide` directive (```{decision-guide} decision```) writes a decision
  guide's questions and suggestions as a list, with the guide as JSON for the host.
- Pages that hold a calculator, a plotly figure, a decision guide or a printable part
  (`ows-printable`) get the kernel-free host (one ES module) and the calculator
  stylesheet; other pages load no script of ours.
- The host, the calculator modules and the vendored plotly.js are copied to
  `_static/ows/` in the built book.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from widgets.book import table_html
from widgets.calculators import CALCULATORS
from widgets.decision_guide import guide as decision_guides

PACKAGE = Path(__file__).resolve().parent
ASSET_DIR = "ows"  # inside the built book's _static/


def fallback_html(calculator_id: str) -> str:
    """The default scenario's results as static HTML (replaced when the calculator runs)."""
    model = CALCULATORS[calculator_id]
    formatted = model.format_outputs(model.compute(**model.DEFAULTS))
    items = "".join(
        f'<div class="ows-output"><dt>{html.escape(label)}</dt>'
        f'<dd data-output="{name}">{html.escape(formatted[name])}</dd></div>'
        for name, label in model.OUTPUT_LABELS.items()
    )
    frame = model.to_frame(**model.DEFAULTS).reset_index()
    caption = getattr(model, "FRAME_CAPTION", "Default scenario, year by year")  # a model may name its table
    table = table_html(list(frame.columns), frame.itertuples(index=False), caption)
    return (
        f'<div data-calculator="{calculator_id}" class="ows-calculator">'
        f'<p class="ows-note">The interactive calculator needs JavaScript. These are the results '
        f"for the default scenario, whose values are illustrative.</p>"
        f'<dl class="ows-outputs">{items}</dl>{table}</div>'
    )


class CalculatorDirective(SphinxDirective):
    """```{calculator} publication-gap``` places that calculator on the page."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        calculator_id = self.arguments[0]
        if calculator_id not in CALCULATORS:
            raise self.error(f"unknown calculator {calculator_id!r}; known: {sorted(CALCULATORS)}")
        return [nodes.raw("", fallback_html(calculator_id), format="html")]


class DecisionGuideDirective(SphinxDirective):
    """```{decision-guide} decision``` places the guide `widgets/decision_guide/decision.yml`."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        try:
            guide = decision_guides.load_guide(self.arguments[0])
        except decision_guides.GuideError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(decision_guides.guide_path(guide.id)))
        return [nodes.raw("", decision_guides.fallback_html(guide), format="html")]


# Markers of page content that the kernel-free host (host.js) brings to life.
HOST_MARKERS = ("data-calculator=", 'class="ows-figure"', "data-guide=", "ows-printable")


def needs_host(body: str) -> bool:
    return any(marker in body for marker in HOST_MARKERS)


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    if needs_host(body):
        app.add_css_file(f"{ASSET_DIR}/calculator.css")
        app.add_js_file(f"{ASSET_DIR}/host.js", type="module")
    if "data-guide=" in body:
        app.add_css_file(f"{ASSET_DIR}/decision_guide/decision_guide.css")


def browser_files() -> dict[Path, str]:
    """Source file -> path under _static/ows/, keeping the layout relative imports expect."""
    return {path: path.relative_to(PACKAGE).as_posix() for pattern in ("*.js", "*.css") for path in PACKAGE.rglob(pattern)}


def copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / ASSET_DIR
    for source, relative in browser_files().items():
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("calculator", CalculatorDirective)
    app.add_directive("decision-guide", DecisionGuideDirective)
    app.connect("html-page-context", add_page_assets)
    app.connect("build-finished", copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
