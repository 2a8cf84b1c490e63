"""Print every handout page to PDF with headless Chromium at the end of the build.

Each page holding a {handout} is opened from a local server over the built book (so it
looks exactly as a reader's print would) and printed on A4 and on US Letter into
`handouts/` in the built book. Links in the PDFs point to the published book, not to the
local server. Without Chromium the build stops at once with how to install it.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from chromium import CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT
from instructor_kit.handouts import PAPER_SIZES, PDF_FOLDER, handout_pages, pdf_path

logger = logging.getLogger(__name__)

MARGIN = {"top": "12mm", "bottom": "12mm", "left": "14mm", "right": "14mm"}
# Point every link at the published book: a PDF outlives the local server it was printed from.
PUBLISHED_LINKS = """(pageUrl) => {
  for (const link of document.querySelectorAll("a[href]")) link.href = new URL(link.getAttribute("href"), pageUrl).href;
}"""


def require_chromium(app: Sphinx) -> None:
    if app.builder.format == "html" and not os.access(CHROMIUM, os.X_OK):  # as the install script tests it
        raise ExtensionError(f"The handout PDFs are printed with Chromium, which is missing ({CHROMIUM}): {INSTALL_HINT}.")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


def _local_html_and_css(route: Any) -> None:
    """Offline and private, like the book: only the local server is asked. Handouts print
    from HTML and CSS alone, so scripts (the theme's, the search index) are not loaded."""
    request = route.request
    if urlparse(request.url).hostname == "127.0.0.1" and request.resource_type != "script":
        route.continue_()
    else:
        route.abort()


def _print_all(outdir: Path, pages: dict[str, str], published: dict[str, str]) -> None:
    """pages: handout name -> page path under outdir; published: name -> the page's public URL."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route("**/*", _local_html_and_css)
            for name, path in sorted(pages.items()):
                page.goto(f"{local}/{path}", wait_until="load")
                page.evaluate(PUBLISHED_LINKS, published[name])
                for size, paper in PAPER_SIZES.items():
                    page.pdf(path=str(outdir / pdf_path(name, size)), format=paper, margin=MARGIN)
            browser.close()
    finally:
        server.shutdown()


def print_handouts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    handouts = handout_pages(app.env)
    outdir = Path(app.outdir)
    folder = outdir / PDF_FOLDER
    folder.mkdir(exist_ok=True)
    wanted = {Path(pdf_path(name, size)).name for name in handouts for size in PAPER_SIZES}
    for stale in folder.glob("*.pdf"):
        if stale.name not in wanted:
            stale.unlink()
    if not handouts:
        return
    base = app.config.html_baseurl.rstrip("/")
    pages = {name: app.builder.get_target_uri(docname) for name, docname in handouts.items()}
    published = {name: f"{base}/{path}" for name, path in pages.items()}
    # A worker thread: Playwright's sync API refuses to run where an asyncio loop is running.
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            pool.submit(_print_all, outdir, pages, published).result()
        except Exception as error:
            raise ExtensionError(f"printing the handout PDFs failed: {error}") from error
    logger.info(f"handouts: printed {len(wanted)} PDFs into {folder}")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", require_chromium)
    app.connect("build-finished", print_handouts, priority=900)  # after the stylesheets are copied
    return {}
