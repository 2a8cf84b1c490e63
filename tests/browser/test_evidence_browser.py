"""The evidence pages in the static book, in Chromium, with the network blocked.

Each page draws as many charts as its notebook makes, the charts fit a phone screen with no
text cut off, and no page shows NaN, null, undefined, Infinity or <NA>: checked by
`evidence_problems` and `clipped_chart_text` on the one visit every page gets
(test_every_page.py). Here: plotly.js loads late, and the destinations chart's field menu.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT, draw_all_figures
from widgets.evidence import FIELD_LABELS, SECTOR_LABELS, destination_shares

EVIDENCE = sorted((ROOT / "chapters" / "evidence").glob("*.md"))
PAGES = [f"chapters/evidence/{path.stem}.html" for path in EVIDENCE] + ["chapters/appendix/data_and_methods.html"]
DESTINATIONS = "chapters/evidence/destinations_by_field.html"
BAD_WORDS = re.compile(r"\b(?:NaN|Infinity|undefined|null)\b|<NA>")
PLOTS = ".ows-figure .js-plotly-plot"


def charts_made_by(source: Path) -> int:
    """How many charts a notebook makes: every chart goes through style_figure once."""
    return len(re.findall(r"^style_figure\(", source.read_text(encoding="utf-8"), flags=re.M))


def page_text(page) -> str:
    """The article's text, including collapsed tables, without the figures' JSON."""
    return page.evaluate(
        """() => {
        const article = document.querySelector('article').cloneNode(true);
        article.querySelectorAll('script, style').forEach((node) => node.remove());
        return article.textContent;
    }"""
    )


def visible_traces(page) -> list[dict]:
    return page.evaluate(
        # _fullData holds plotly's decoded arrays (data may still hold the base64 form).
        f"""() => document.querySelector('{PLOTS}')._fullData
            .filter((trace) => trace.visible === true)
            .map((trace) => ({{ name: trace.name, x: Array.from(trace.x), y: Array.from(trace.y) }}))"""
    )


def choose(page, option: str) -> None:
    """Open the chart's drop-down menu and click one of its choices, as a reader would."""
    page.locator(".updatemenu-header").click()
    page.locator(".updatemenu-dropdown-button").filter(has_text=re.compile(f"^{re.escape(option)}$")).click()


def test_plotly_loads_only_when_a_chart_comes_near(guarded_page, server):
    page, problems = guarded_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/chapters/evidence/pipeline.html", wait_until="networkidle")
    first_chart = page.evaluate("document.querySelector('.ows-figure').getBoundingClientRect().top - innerHeight")
    assert first_chart > 500  # further down than the distance at which charts start loading
    assert not any("plotly" in url for url in requested)
    draw_all_figures(page)
    assert sum("plotly-book" in url for url in requested) == 1
    problems.assert_clean()


def test_the_chapter_links_every_notebook(guarded_page, server):
    page, problems = guarded_page
    page.goto(f"{server}/chapters/evidence/what_the_data_says.html")
    hrefs = page.eval_on_selector_all("article a.reference.internal", "links => links.map((a) => a.getAttribute('href'))")
    for source in EVIDENCE:
        if source.stem != "what_the_data_says":
            assert any(href.startswith(f"{source.stem}.html") for href in hrefs), source.stem
    problems.assert_clean()


def test_menu_switches_fields(guarded_page, server):
    page, problems = guarded_page
    page.goto(f"{server}/{DESTINATIONS}")
    draw_all_figures(page)
    seen = []
    for field, label in FIELD_LABELS.items():
        choose(page, label)
        page.wait_for_function(
            "label => document.querySelector('.updatemenu-header').textContent === label", arg=label, timeout=5000
        )
        traces = visible_traces(page)
        expected = destination_shares(field)
        assert [trace["name"] for trace in traces] == [SECTOR_LABELS[s] for s in expected.columns]
        for trace, sector in zip(traces, expected.columns):
            column = expected[sector].dropna()
            assert trace["x"] == column.index.tolist()
            assert trace["y"] == pytest.approx(column.tolist())
        seen.append([trace["y"] for trace in traces])
    assert all(a != b for a, b in zip(seen, seen[1:])), "two menu choices showed the same lines"
    problems.assert_clean()


def test_destinations_table_names_its_field(guarded_page, server):
    page, problems = guarded_page
    page.goto(f"{server}/{DESTINATIONS}")
    table = page.locator(".ows-figure details table")
    opening = FIELD_LABELS["Computer and information sciences"]
    assert table.locator("caption").text_content() == f"Numbers for: {opening}"
    headers = table.locator("thead th").all_text_contents()
    assert headers[1:] == list(SECTOR_LABELS.values())
    assert table.locator("tbody tr").count() == len(destination_shares("Computer and information sciences"))
    problems.assert_clean()


def chart_problems(page, source: Path) -> list[str]:
    """As many charts as the notebook makes, each with data, a title, a source line, labelled
    axes and its numbers as a table."""
    expected = charts_made_by(source)
    found = page.locator(".ows-figure").count()
    if found != expected:
        return [f"{found} charts where the notebook makes {expected}"]
    problems = []
    for plot in page.evaluate(f"[...document.querySelectorAll('{PLOTS}')].map((d) => [d.data.length, d.layout])"):
        traces, layout = plot
        title = layout.get("title", {})
        if not traces:
            problems.append("a chart with no data")
        if not title.get("text") or not title.get("subtitle", {}).get("text", "").startswith("Source: "):
            problems.append(f"a chart without a title or a source line: {title}")
        if not (layout["xaxis"].get("title", {}).get("text") and layout["yaxis"].get("title", {}).get("text")):
            problems.append(f"a chart with an unlabelled axis: {title.get('text')}")
    if (tables := page.locator(".ows-figure details table").count()) != expected:
        problems.append(f"{tables} chart tables for {expected} charts")
    return problems


def evidence_problems(page, path: str) -> list[str]:
    """An evidence page, open at full width with its figures drawn: its charts (for a chapter
    made by a notebook), and no NaN, null, undefined, Infinity or <NA> in its text, collapsed
    tables included."""
    source = ROOT / Path(path).with_suffix(".md")
    problems = chart_problems(page, source) if source.parent.name == "evidence" else []
    text = page_text(page)
    if len(text) < 1000:
        problems.append(f"only {len(text)} characters of text")
    return problems + [f"shows {word!r}" for word in BAD_WORDS.findall(text)]


def clipped_chart_text(page) -> list[str]:
    """Titles, source lines, menus and axis titles drawn outside their chart, once plotly has
    redrawn every chart for the page's (phone) width."""
    fits = "(d) => d._fullLayout.width <= document.documentElement.clientWidth"
    page.wait_for_function(f"[...document.querySelectorAll('{PLOTS}')].every({fits})", timeout=5000)
    return page.evaluate(
        f"""() => [...document.querySelectorAll('{PLOTS}')].flatMap((plot) => {{
            const box = plot.getBoundingClientRect();
            return [...plot.querySelectorAll('.gtitle, .gtitle-subtitle, .updatemenu-header, .xtitle, .ytitle, .annotation-text')]
                .filter((node) => {{
                    const r = node.getBoundingClientRect();
                    return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
                }})
                .map((node) => `chart text cut off at 360px wide: ${{node.textContent}}`);
        }})"""
    )
