"""Lighthouse on every page of the built book, served gzip-compressed (run by hand).

    make book && .venv/bin/python bench/lighthouse.py [--pages chapters/publications.html ...]

Serves _build/html from a local server that gzips text responses, runs Lighthouse (npm
`lighthouse`, fetched by npx on first use; desktop preset; Debian Chromium) on each page
and prints performance, accessibility, best practices and SEO. Targets (issue 7): every
page performance >= 95, accessibility 100, best practices >= 95, SEO >= 95.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "_ext")]
from chromium import CHROMIUM_ARGS, require_chromium  # noqa: E402
from static_server import published_prefix, serving  # noqa: E402

from tests.helpers import book_pages  # noqa: E402

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}


def run_lighthouse(url: str, report: Path) -> dict[str, int]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--preset=desktop",
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-path={require_chromium()}",
        f"--chrome-flags={flags}",
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
    pages = args.pages or book_pages(html)
    misses = 0
    print(f"{'page':55} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    # Gzipped and cacheable, as any production host serves it.
    prefix = published_prefix(ROOT / "_config.yml")
    with serving(html, prefix, compress=True, cache_seconds=3600) as base, tempfile.TemporaryDirectory() as scratch:
        for page in pages:
            scores = run_lighthouse(f"{base}/{page}", Path(scratch) / "report.json")
            below = [name for name in CATEGORIES if scores[name] < TARGETS[name]]
            misses += bool(below)
            flag = "  below target: " + ", ".join(below) if below else ""
            print(f"{page:55} " + " ".join(f"{scores[name]:5d}" for name in CATEGORIES) + flag)
    print(f"\n{len(pages) - misses} of {len(pages)} pages meet every target")


if __name__ == "__main__":
    main()
