"""Sphinx extension: the kernel-free host on the pages that need it.

Pages that hold a calculator, a plotly figure, a decision guide or a printable part
(`ows-printable`) get the kernel-free host (one ES module) and the calculator stylesheet;
other pages load no script of ours. A chapter places a calculator or a guide with a code
cell that shows the widget; the renderer (`figure_renderer`) writes it into the page.

The browser files themselves are copied into the built book by `browser_assets`.
"""

from __future__ import annotations

from typing import Any

from browser_assets import asset_url
from sphinx.application import Sphinx

# Markers of page content that the kernel-free host (host.js) brings to life.
HOST_MARKERS = ("data-calculator=", 'class="ows-figure"', "data-guide=", "ows-printable")


def needs_host(body: str) -> bool:
    return any(marker in body for marker in HOST_MARKERS)


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    if needs_host(body):
        app.add_css_file(asset_url("calculator.css"))
        app.add_js_file(asset_url("host.js"), type="module")
    if "data-guide=" in body:
        app.add_css_file(asset_url("decision_guide/decision_guide.css"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", add_page_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
