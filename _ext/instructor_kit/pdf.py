"""Print every handout page to PDF with headless Chromium: at the end of the build, or later
with `make handouts` (`python -m instructor_kit.pdf _build/html`, with _ext/ on the path).

Each page holding a {handout} is opened from the book's static server (so it looks exactly
as a reader's print would) and printed on A4 and on US Letter into `handouts/` in the built
book. Links in the PDFs point to the published book, not to the local server. The build
writes `handouts/handouts.json` (which page holds which handout, and its published address),
which is all a later print needs. Without Chromium the build says so in one line and leaves
the PDFs out; the rest of the book builds as usual.
"""

from __future__ import annotations

import argparse
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from chromium import CHROMIUM_ARGS, find_chromium, require_chromium
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from static_server import serving

from instructor_kit.handouts import PAPER_SIZES, PDF_FOLDER, handout_pages, pdf_path

logger = logging.getLogger(__name__)

MANIFEST = f"{PDF_FOLDER}/handouts.json"
MARGIN = {"top": "12mm", "bottom": "12mm", "left": "14mm", "right": "14mm"}
# Point every link at the published book: a PDF outlives the local server it was printed from.
PUBLISHED_LINKS = """(pageUrl) => {
  for (const link of document.querySelectorAll("a[href]")) link.href = new URL(link.getAttribute("href"), pageUrl).href;
}"""


def _local_html_and_css(route: Any) -> None:
    """Offline and private, like the book: only the local server is asked. Handouts print
    from HTML and CSS alone, so scripts (the theme's, the search index) are not loaded."""
    request = route.request
    if urlparse(request.url).hostname == "127.0.0.1" and request.resource_type != "script":
        route.continue_()
    else:
        route.abort()


def print_pdfs(outdir: Path, chromium: str) -> int:
    """Print every handout the manifest lists; returns how many PDFs were written."""
    from playwright.sync_api import sync_playwright

    handouts = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    folder = outdir / PDF_FOLDER
    wanted = {Path(pdf_path(name, size)).name for name in handouts for size in PAPER_SIZES}
    for stale in folder.glob("*.pdf"):
        if stale.name not in wanted:
            stale.unlink()
    if not handouts:
        return 0
    with serving(outdir) as local, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", _local_html_and_css)
        for name, where in sorted(handouts.items()):
            page.goto(f"{local}/{where['page']}", wait_until="load")
            page.evaluate(PUBLISHED_LINKS, where["published"])
            for size, paper in PAPER_SIZES.items():
                page.pdf(path=str(outdir / pdf_path(name, size)), format=paper, margin=MARGIN)
        browser.close()
    return len(wanted)


def write_manifest(app: Sphinx, outdir: Path) -> None:
    base = app.config.html_baseurl.rstrip("/")
    manifest = {}
    for name, docname in sorted(handout_pages(app.env).items()):
        page = app.builder.get_target_uri(docname)
        manifest[name] = {"page": page, "published": f"{base}/{page}"}
    (outdir / PDF_FOLDER).mkdir(exist_ok=True)
    (outdir / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def print_handouts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    write_manifest(app, outdir)
    chromium = find_chromium()
    if chromium is None:
        logger.info("handouts: no Chromium, so no PDFs; install it (scripts/install-chromium.sh), then run `make handouts`")
        return
    # A worker thread: Playwright's sync API refuses to run where an asyncio loop is running.
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            printed = pool.submit(print_pdfs, outdir, chromium).result()
        except Exception as error:
            raise ExtensionError(f"printing the handout PDFs failed: {error}") from error
    logger.info(f"handouts: printed {printed} PDFs into {outdir / PDF_FOLDER}")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", print_handouts, priority=900)  # after the stylesheets are copied
    return {}


def main() -> None:
    parser = argparse.ArgumentParser(description="Print the handout PDFs of a built book.")
    parser.add_argument("html", type=Path, nargs="?", default=Path("_build/html"), help="the built book")
    args = parser.parse_args()
    if not (args.html / MANIFEST).is_file():
        parser.error(f"{args.html / MANIFEST} is missing: build the book first (`make book`)")
    try:
        chromium = require_chromium()
    except RuntimeError as error:
        parser.exit(1, f"{error}\n")
    print(f"printed {print_pdfs(args.html, chromium)} PDFs into {args.html / PDF_FOLDER}")


if __name__ == "__main__":
    main()
