"""Lighthouse on every page of the built book, served gzip-compressed (run by hand).

    make book && .venv/bin/python bench/lighthouse.py [--pages chapters/publications.html ...]

Serves _build/html from a local server that gzips text responses, runs Lighthouse (npm
`lighthouse`, fetched by npx on first use; desktop preset; Debian Chromium) on each page
and prints performance, accessibility, best practices and SEO. Targets (issue 7): every
page performance >= 95, accessibility 100, best practices >= 95, SEO >= 95.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench import reader_pages  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".ipynb")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (as any production host does)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def run_lighthouse(url: str, report: Path) -> dict[str, int]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "npx", "--yes", LIGHTHOUSE, url, "--preset=desktop", "--quiet", "--output=json",
        f"--output-path={report}", f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}",
    ]
    subprocess.run(command, check=True, capture_output=True)
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", nargs="*", help="page paths under the built html (default: every page)")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built book (default: _build/html)")
    args = parser.parse_args()
    html = args.html
    pages = args.pages or reader_pages(html)
    handler = functools.partial(GzipHandler, directory=str(html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    misses = 0
    print(f"{'page':55} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    with tempfile.TemporaryDirectory() as scratch:
        for page in pages:
            scores = run_lighthouse(f"{base}/{page}", Path(scratch) / "report.json")
            below = [name for name in CATEGORIES if scores[name] < TARGETS[name]]
            misses += bool(below)
            flag = "  below target: " + ", ".join(below) if below else ""
            print(f"{page:55} " + " ".join(f"{scores[name]:5d}" for name in CATEGORIES) + flag)
    httpd.shutdown()
    print(f"\n{len(pages) - misses} of {len(pages)} pages meet every target")


if __name__ == "__main__":
    main()
