"""Measure the calculators' three targets in Chromium (run by hand, on a built book).

    .venv/bin/python bench/calculators.py            # _build/html
    .venv/bin/python bench/calculators.py --html DIR --runs 21

Prints:
- importing a 2,000-entry BibTeX file into the publication-gap calculator: from the file
  input's change event to the record's summary, the calculator's inputs and the per-year
  chart updated (the first import also loads the parser; the median is over the others).
  Target: <= 200 ms median. Also the time until the titles written in LaTeX are decoded for
  the works' table, which the panel does once the record is shown.
- dragging a slider: from a slider's input event to the updated chart, for every bounded
  input of every calculator, as a drag fires them. Target: <= 50 ms median.
- each calculator page's weight, gzipped, once its charts are drawn (the parser must not be
  loaded), and after an import (with the parser). Target: <= 1 MB gzipped.

The 2,000-entry file is made here (`synthetic_record`): a mix of what the exporters write,
with LaTeX accents, braced words, arXiv copies, duplicates, crossref'd volumes, entries
without a year.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "_ext")]
from chromium import CHROMIUM_ARGS, require_chromium  # noqa: E402
from static_server import published_prefix, serving  # noqa: E402

from tests.helpers import ready_all_calculators, ready_calculator, transfer  # noqa: E402

CALCULATOR_PAGES = {
    "publication-gap": "chapters/publications.html",
    "career-paths": "chapters/deciding/deciding.html",
    "recruiter-questions": "chapters/recruiting_pitch.html",
}
BUDGET = 1024 * 1024
WORDS = ["retrieval", "ranking", "neural", "sparse", "dense", "query", "expansion", "learning", "evaluation", "robust"]
ACCENTED = [r"Schr{\"o}dinger", r"na{\"\i}ve", r"caf{\'e}", r"{\v{S}}koda", r"Stra{\ss}e", r"Citro{\"e}n"]


def entry(kind: str, key: str, **fields: str) -> str:
    """One BibTeX entry; empty fields are left out."""
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@{kind}{{{key},\n{body}\n}}"


def synthetic_record(entries: int = 2000, seed: int = 7) -> str:
    """A large, realistic BibTeX file: the styles of Scholar, DBLP (with crossref) and Zotero."""
    rng = random.Random(seed)
    parts = []
    for i in range(entries):
        words = rng.sample(WORDS, 5)
        if rng.random() < 0.1:
            words[1] = rng.choice(ACCENTED)
        if rng.random() < 0.3:
            words[0] = "{" + words[0].upper() + "}"
        title = " ".join(words) + f" {i}"
        year = "" if rng.random() < 0.02 else str(rng.randint(1995, 2025))
        doi = f"10.1000/{i if rng.random() > 0.05 else i - 1}"  # some duplicates by DOI
        kind = rng.random()
        if kind < 0.09:  # DBLP: the venue and year may come from a crossref'd volume
            parts.append(entry("inproceedings", f"p{i}", title=title, crossref=f"vol{i % 40}", doi=doi, year=year))
        elif kind < 0.45:
            parts.append(entry("inproceedings", f"p{i}", title=title, booktitle="Proceedings of SIGIR", doi=doi, year=year))
        elif kind < 0.75:
            parts.append(entry("article", f"p{i}", title=title, journal="ACM Trans. Inf. Syst.", doi=doi, year=year))
        elif kind < 0.9:
            parts.append(entry("article", f"p{i}", title=title, journal=f"arXiv preprint arXiv:2101.{i:05d}", year=year))
        elif kind < 0.95:
            parts.append(entry("incollection", f"p{i}", title=title, booktitle="Advances", year=year))
        else:
            parts.append(entry("techreport", f"p{i}", title=title, institution="U", year=year))
    parts += [entry("proceedings", f"vol{v}", title=f"Proceedings of Conference {v}", year=str(2000 + v % 25)) for v in range(40)]
    return "\n\n".join(parts) + "\n"


IMPORT_JS = """
async ([path]) => {
  const panel = document.querySelector('.pg-record');
  const input = panel.querySelector('input[name="publication_record"]');
  const chart = panel.querySelector('.pg-record-chart');
  const attempts = panel.dataset.attempts ?? '0';
  const drawn = chart.dataset.drawn ?? '0';
  let start = 0;
  input.addEventListener('change', () => { start = performance.now(); }, { capture: true, once: true });
  const decoded = panel.dataset.decoded;
  window.__benchReady = new Promise((resolve) => {
    const check = () => (panel.dataset.attempts !== attempts && chart.dataset.drawn !== drawn)
      ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(check);
    check();
  });
  window.__benchDecoded = new Promise((resolve) => {
    const check = () => (panel.dataset.decoded !== decoded) ? resolve(performance.now() - start) : setTimeout(check, 5);
    check();
  });
}
"""

SLIDER_JS = """
async ([selector, name, value]) => {
  const root = document.querySelector(selector);
  const slider = root.querySelector(`input[type="range"][data-slider-for="${name}"]`);
  const chart = root.querySelector('.ows-chart.js-plotly-plot');
  const drawn = new Promise((resolve) => chart.once('plotly_afterplot', resolve));
  const start = performance.now();
  slider.value = value;
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  await drawn;
  await new Promise(requestAnimationFrame);  // until the frame with the new chart is painted
  return performance.now() - start;
}
"""


def import_latencies(browser, base: str, folder: Path, runs: int) -> tuple[float, list[float], list[float], set[str]]:
    """(the first import in ms, the later imports in ms, the later imports until the titles
    are decoded in ms, every URL the page requested)."""
    files = []
    for n in range(2):  # two files in turn, so every import changes what is shown
        path = folder / f"record-{n}.bib"
        path.write_text(synthetic_record(seed=7 + n), encoding="utf-8")
        files.append(path)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    urls: set[str] = set()
    page.on("request", lambda request: urls.add(request.url))
    page.goto(f"{base}/{CALCULATOR_PAGES['publication-gap']}")
    ready_calculator(page, '[data-calculator="publication-gap"]')
    page.locator(".pg-record").scroll_into_view_if_needed()
    year = page.locator('.pg-record input[name="phd_year"]')
    year.fill("2015")
    year.dispatch_event("change")
    samples, decoded = [], []
    for i in range(runs + 1):
        page.evaluate(IMPORT_JS, [str(files[i % 2])])
        page.set_input_files('.pg-record input[name="publication_record"]', files[i % 2])
        samples.append(page.evaluate("window.__benchReady"))
        decoded.append(page.evaluate("window.__benchDecoded"))
        page.locator(".pg-record-chart").scroll_into_view_if_needed()
    page.close()
    return samples[0], samples[1:], decoded[1:], urls


def slider_latencies(browser, base: str) -> dict[str, list[float]]:
    from widgets.calculators import CALCULATORS

    results = {}
    for calculator, path in CALCULATOR_PAGES.items():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/{path}")
        selector = f'[data-calculator="{calculator}"]'
        ready_calculator(page, selector)
        samples = []
        for parameter in CALCULATORS[calculator].PARAMETERS:
            if getattr(parameter, "kind", "") != "number":
                continue
            start = parameter.default if parameter.default is not None else parameter.minimum
            # A drag: small steps away from the start and back, each a new value.
            steps = [start + k * parameter.step for k in (1, 2, 3, 4, 5, 4, 3, 2, 1, 0)]
            for value in steps:
                value = min(parameter.maximum, max(parameter.minimum, value))
                samples.append(page.evaluate(SLIDER_JS, [selector, parameter.name, str(round(value, 6))]))
        results[calculator] = samples
        page.close()
    return results


def page_weight(browser, html: Path, base: str, path: str) -> tuple[int, bool]:
    """(gzipped bytes once the page's charts are drawn, whether the parser was loaded)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    urls: set[str] = set()
    page.on("request", lambda request: urls.add(request.url))
    page.goto(f"{base}/{path}", wait_until="networkidle")
    ready_all_calculators(page)  # scrolls to each calculator's chart, which loads plotly.js
    page.wait_for_load_state("networkidle")
    page.close()
    return transfer(html, base, urls)[2], any("bibtex-parser" in url for url in urls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built book")
    parser.add_argument("--runs", type=int, default=15, help="imports to time after the first")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with serving(args.html, prefix=published_prefix(ROOT / "_config.yml")) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        with tempfile.TemporaryDirectory() as scratch:
            first, later, decoded, urls = import_latencies(browser, base, Path(scratch), args.runs)
        print("import of a 2,000-entry BibTeX file -> summary, inputs and chart updated (ms)")
        print(f"  first (loads the parser) {first:7.1f}")
        median = statistics.median(later)
        print(f"  median of {len(later):2d}             {median:7.1f}  max {max(later):7.1f}   target <= 200 ms")
        print(f"  ... until titles decoded {statistics.median(decoded):7.1f}  (median; the works' table only)")
        print("\nslider input -> chart updated (ms, every bounded input, 10 steps each)")
        for calculator, samples in slider_latencies(browser, base).items():
            print(f"  {calculator:20} median {statistics.median(samples):6.1f}  max {max(samples):6.1f}   target <= 50 ms")
        print("\ncalculator pages, gzipped, charts drawn (KB)")
        for path in CALCULATOR_PAGES.values():
            packed, parser_loaded = page_weight(browser, args.html, base, path)
            lazy = "parser not loaded" if not parser_loaded else "PARSER LOADED"
            verdict = "ok" if packed <= BUDGET else "OVER"
            print(f"  {path:40} {packed / 1024:8.1f}  {verdict} (<= 1024 KB), {lazy}")
        with_parser = transfer(args.html, base, urls)[2]
        verdict = "ok" if with_parser <= BUDGET else "OVER"
        label = CALCULATOR_PAGES["publication-gap"] + " after an import"
        print(f"  {label:40} {with_parser / 1024:8.1f}  {verdict} (<= 1024 KB)")
        browser.close()


if __name__ == "__main__":
    main()
