"""Sphinx extension: sitemap.xml listing every page of the book at its published address.

Written from the environment's full list of pages, so an incremental build (which
rewrites only changed pages) still produces a complete sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sphinx.application import Sphinx

LEFT_OUT = {"genindex", "search", "404"}


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    base = app.config.html_baseurl.rstrip("/")
    pages = sorted(name for name in app.env.found_docs if name not in LEFT_OUT)
    urls = "".join(f"  <url><loc>{escape(f'{base}/{name}.html')}</loc></url>\n" for name in pages)
    text = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    )
    Path(app.outdir, "sitemap.xml").write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_sitemap)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
