"""Sphinx extension: the book's index.html, a redirect to its first page.

The book's root page is `intro`, so the site address itself needs an index.html that sends
readers there. sphinx-external-toc writes one only when none exists, as a bare meta tag: no
title, no language and no icon, so browsers ask the server root for /favicon.ico (a 404 in
the console) and assistive tools meet a page without a name. This writes a complete one.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{canonical}">
{icon}</head>
<body>
<p><a href="{target}">{title}: go to the first page</a></p>
</body>
</html>
"""


def write_front_page(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    base = app.config.html_baseurl
    canonical = f"{base.rstrip('/')}/{target}" if base else target
    favicon = app.config.html_favicon
    icon = f'<link rel="icon" href="_static/{escape(Path(favicon).name)}">\n' if favicon else ""
    text = PAGE.format(title=escape(app.config.html_title), target=escape(target), canonical=escape(canonical), icon=icon)
    Path(app.outdir, "index.html").write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_front_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
