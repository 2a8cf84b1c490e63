"""Benchmark the book: build times, page weight and calculator latency (run by hand).

    .venv/bin/python bench/bench.py            # everything
    .venv/bin/python bench/bench.py --no-build # weights and latency of the current _build/html
    .venv/bin/python bench/bench.py --no-build --html /tmp/out/_build/html

Prints: clean build time (with notebook execution, empty cache), no-change rebuild time,
each page's bytes (the HTML plus every JS, CSS, font and data file the page loads in
Chromium once every chart on it is drawn, raw and gzipped), and each calculator's input-to-updated-chart latency
(median of 25 changes). Targets (DESIGN.md): clean build <= 60 s on 2 cores; latency <= 50 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
sys.path[:0] = [str(ROOT), str(ROOT / "_ext")]
from chromium import CHROMIUM_ARGS, require_chromium  # noqa: E402
from static_server import published_prefix, serving  # noqa: E402

from tests.helpers import book_pages, budget_for, draw_all_figures, ready_all_calculators, ready_calculator, transfer  # noqa: E402

# Each value must differ from the one before it (and the first from the default), or the
# chart has nothing to redraw.
CALCULATOR_PAGES = {
    "publication-gap": ("chapters/publications.html", "years", ["1", "5", "9", "14"]),
    "career-paths": ("chapters/deciding/deciding.html", "years", ["12", "20", "33", "5"]),
    "recruiter-questions": ("chapters/recruiting_pitch.html", "research_time", ["10", "40", "70", "95"]),
}


def build(output_root: Path) -> float:
    start = time.perf_counter()
    command = [str(JUPYTER_BOOK), "build", str(ROOT), "--path-output", str(output_root), "-W", "-n", "--keep-going"]
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def page_weights(browser, html: Path, base: str) -> list[tuple[str, int, int, int]]:
    """(page, files loaded, raw bytes, gzipped bytes) for every page of the book."""
    rows = []
    for relative in book_pages(html):
        page = browser.new_page()
        urls: set[str] = set()
        page.on("request", lambda request, urls=urls: urls.add(request.url))
        page.goto(f"{base}/{relative}", wait_until="networkidle")
        # Charts load plotly.js when a reader scrolls near them: weigh the page as one who reads it all.
        ready_all_calculators(page)
        draw_all_figures(page)
        page.wait_for_load_state("networkidle")
        page.close()
        count, raw, packed = transfer(html, base, urls)
        rows.append((relative, count, raw, packed))
    return rows


LATENCY_JS = """
async ([selector, name, value]) => {
  const root = document.querySelector(selector);
  const input = root.querySelector(`[name="${name}"]`);
  const chart = root.querySelector('.js-plotly-plot');
  const drawn = new Promise((resolve) => chart.once('plotly_afterplot', resolve));
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await drawn;
  await new Promise(requestAnimationFrame);  // until the frame with the new chart is painted
  return performance.now() - start;
}
"""


def latencies(browser, base: str) -> dict[str, list[float]]:
    results = {}
    for calculator, (path, name, values) in CALCULATOR_PAGES.items():
        page = browser.new_page()
        page.goto(f"{base}/{path}")
        selector = f'[data-calculator="{calculator}"]'
        ready_calculator(page, selector)  # scrolls to its chart, which is drawn when near
        samples = [page.evaluate(LATENCY_JS, [selector, name, values[i % len(values)]]) for i in range(25)]
        results[calculator] = samples
        page.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="measure an existing build only")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the build --no-build measures")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    html = args.html
    if not args.no_build:
        with tempfile.TemporaryDirectory() as scratch:
            clean = build(Path(scratch))
            rebuild = build(Path(scratch))
            html = Path(scratch) / "_build" / "html"
            shutil.copytree(html, ROOT / "_build" / "bench-html", dirs_exist_ok=True)
        html = ROOT / "_build" / "bench-html"
        print(f"clean build (with execution, empty cache): {clean:6.1f} s   target <= 60 s")
        print(f"no-change rebuild:                         {rebuild:6.1f} s")
    with serving(html, prefix=published_prefix(ROOT / "_config.yml")) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        print(f"\n{'page':55} {'files':>5} {'raw KB':>9} {'gzip KB':>9}  budget (gzip)")
        for relative, count, raw, packed in page_weights(browser, html, base):
            budget = budget_for(html / relative)
            verdict = "ok" if packed <= budget else "OVER"
            print(f"{relative:55} {count:5d} {raw / 1024:9.1f} {packed / 1024:9.1f}  {verdict} (<= {budget // 1024} KB)")
        print("\ninput change -> outputs and chart updated (ms, 25 changes)")
        for calculator, samples in latencies(browser, base).items():
            print(f"{calculator:20} median {statistics.median(samples):6.1f}  max {max(samples):6.1f}   target <= 50 ms")
        browser.close()


if __name__ == "__main__":
    main()
