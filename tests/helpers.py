"""Helpers every test layer shares (fixtures are in conftest.py); the benchmarks use them too.

Tests never import bench/: what both need lives here.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The book builds into ROOT/_build; OWS_OUTPUT_ROOT moves it (e.g. for parallel checkouts).
OUTPUT_ROOT = Path(os.environ.get("OWS_OUTPUT_ROOT", ROOT))
HTML = OUTPUT_ROOT / "_build" / "html"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Not pages a reader reads: the theme's files, Sphinx's index and search pages, and the short
# links' redirects (go/<name>/, checked where they land: tests/browser/test_handouts_browser.py).
NOT_PAGES = ("_static/", "_sources/", "_images/", "genindex.html", "search.html", "go/")
# Total transfer per page, gzipped (issue 7): pages with charts load plotly.js.
CHART_PAGE_BUDGET = 1024 * 1024
PLAIN_PAGE_BUDGET = 300 * 1024


def book_pages(html: Path) -> list[str]:
    """Every page of the built book a reader can land on, 404 page included."""
    paths = (p.relative_to(html).as_posix() for p in html.rglob("*.html"))
    return sorted(p for p in paths if not p.startswith(NOT_PAGES))


def toc_parts() -> list[tuple[str, list[str]]]:
    """Each part of _toc.yml as (caption, its files in reading order, without suffix)."""
    import yaml

    def files(entries: list[dict]) -> list[str]:
        found = []
        for entry in entries:
            if "file" in entry:
                found.append(entry["file"])
            found += files(entry.get("chapters", []) + entry.get("sections", []))
        return found

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [(part["caption"], files(part["chapters"])) for part in toc["parts"]]


def toc_root() -> str:
    import yaml

    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]


def toc_pages() -> list[str]:
    """The pages the book is built from (_toc.yml), as book_pages names them once built: so
    tests can be listed one per page before the book is built."""
    names = [name for _, files in toc_parts() for name in files]
    return sorted({"index.html", "404.html", f"{toc_root()}.html", *(f"{name}.html" for name in names)})


def slides_pages() -> list[str]:
    """The workshops' slides, which the build writes beside the pages (one per workshop plan)."""
    from instructor_kit.workshops import known_workshops

    return [f"slides/{workshop_id}.html" for workshop_id in known_workshops()]


# --- weight -------------------------------------------------------------------------------


def needs_plotly(page: Path) -> bool:
    text = page.read_text(encoding="utf-8")
    return "data-calculator=" in text or 'class="ows-figure"' in text


def budget_for(page: Path) -> int:
    return CHART_PAGE_BUDGET if needs_plotly(page) else PLAIN_PAGE_BUDGET


@functools.cache
def _gzipped_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), 6))


def transfer(html: Path, base: str, urls: Iterable[str]) -> tuple[int, int, int]:
    """(files, raw bytes, gzipped bytes) of the book's files among the requested URLs;
    `base` is the served book's address (with its path prefix)."""
    prefix = urlparse(base).path.rstrip("/") + "/"
    paths = (unquote(urlparse(url).path) for url in urls if url.startswith(base))
    files = {html / path[len(prefix) :] for path in paths if path.startswith(prefix)}
    files = {f for f in files if f.is_file()}
    return len(files), sum(f.stat().st_size for f in files), sum(_gzipped_size(f) for f in files)


# --- pages in Chromium --------------------------------------------------------------------


@dataclass
class PageProblems:
    """What went wrong while a page was open; every test asserts it stays empty."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return (
            [f"external request: {url}" for url in self.external_requests]
            + [f"console error: {message}" for message in self.console_errors]
            + [f"page error: {message}" for message in self.page_errors]
        )

    def assert_clean(self) -> None:
        assert self.lines() == []


# Every request to a host other than this machine fails in the tests' Chromium, as it would
# offline; guard_page records it. (Routing requests through Playwright to abort them instead
# would switch off the browser's cache: page.route() does, and pages then reload every file.)
BLOCK_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


def open_page(browser: object, width: int = 1280, height: int = 900) -> tuple[object, PageProblems]:
    """A guarded page in a fresh context. Close it with `page.context.close()`."""
    context = browser.new_context(viewport={"width": width, "height": height})
    return guard_page(context.new_page())


def guard_page(page: object) -> tuple[object, PageProblems]:
    """`page`, recording every request to a host other than localhost (the tests' Chromium
    blocks them: BLOCK_OTHER_HOSTS), console errors (with the address they name) and page errors."""
    problems = PageProblems()

    def request(request: object) -> None:
        url = request.url
        if not url.startswith(("data:", "blob:")) and urlparse(url).hostname not in ("127.0.0.1", "localhost"):
            problems.external_requests.append(url)

    def console(message: object) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            problems.console_errors.append(f"{message.text} ({where})" if where else message.text)

    page.on("request", request)
    page.on("console", console)
    page.on("pageerror", lambda e: problems.page_errors.append(str(e)))
    return page, problems


def axe_violations(page: object, rules: object = WCAG_21_AA, within: str | None = None) -> list[str]:
    """axe-core's violations on the open page (or the part matching `within`), as readable
    lines. `rules` is axe's `runOnly`: tags or rule ids."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        # preload: false, or axe re-fetches stylesheets and resolves the theme's @import
        # against the page URL (a 404 in the console). resultTypes: axe details only the
        # violations (the passes are only counted), a fifth less work for the same verdict.
        """async ([runOnly, within]) => (await axe.run(within ? document.querySelector(within) : document,
             {preload: false, runOnly, resultTypes: ['violations']})).violations
           .map(v => `axe ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)""",
        [rules, within],
    )


def ready_calculator(page: object, selector: str, timeout: int = 15000) -> object:
    """The calculator matching `selector`, once it has rendered (`data-ready`).

    Its chart is drawn when it nears the viewport, and the first render includes the chart,
    so this scrolls to the chart first, as a reader would.
    """
    page.locator(f"{selector} .ows-chart").first.scroll_into_view_if_needed(timeout=timeout)
    root = page.locator(f'{selector}[data-ready="true"]')
    root.wait_for(timeout=timeout)
    return root


def ready_all_calculators(page: object) -> None:
    """Wait until every calculator on the page has rendered, chart included."""
    for name in page.locator("[data-calculator]").evaluate_all("all => all.map((c) => c.dataset.calculator)"):
        ready_calculator(page, f'[data-calculator="{name}"]')


def draw_all_figures(page: object, timeout: int = 15000) -> int:
    """Scroll to each static figure in turn (they draw when near the viewport) until it is drawn.

    Returns how many figures the page has.
    """
    figures = page.locator(".ows-figure").all()
    for figure in figures:
        figure.scroll_into_view_if_needed()
        figure.locator(".js-plotly-plot").wait_for(timeout=timeout)
    return len(figures)


def assert_bad_value_refused(
    page: object, root: object, name: str, bad: str, wants: str, good: object, outputs: Callable
) -> None:
    """Typed into the input `name`, `bad` marks the field invalid with a message that says what
    it takes (`wants`), the outputs (`outputs()`) stay as they were, and the calculator shows no
    NaN, Infinity, undefined or null; then `good` clears the mark and the message."""

    def type_in(value: object) -> None:
        field.fill(str(value))
        field.dispatch_event("change")

    field = root.locator(f'input[name="{name}"]')
    message = page.locator(f"#{field.get_attribute('id')}-error")
    before = outputs()
    type_in(bad)
    assert field.get_attribute("aria-invalid") == "true", bad
    assert wants in message.inner_text(), bad
    assert outputs() == before, bad
    assert not re.search(r"\b(NaN|Infinity|undefined|null)\b", root.inner_text()), bad
    type_in(good)
    assert field.get_attribute("aria-invalid") is None and message.inner_text() == "", bad


def tab_to_field(page: object, name: str, most: int = 300) -> None:
    """Press Tab from where focus is until the field `name` has it, and check its focus ring."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            break
    else:
        pytest.fail(f"Tab never reached the {name} field")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused field shows no focus ring"


def assert_evidence_lines(root: object, parameters: Iterable[object]) -> None:
    """Each numeric input's description (aria-describedby) holds its evidence line, with the
    citation link when it has a source, or the words "illustrative"."""
    for parameter in parameters:
        evidence = getattr(parameter, "evidence", None)
        if getattr(parameter, "kind", "") != "number":
            continue
        field = root.locator(f'.ows-form input[name="{parameter.name}"]')
        described = field.get_attribute("aria-describedby").split()
        texts = [root.locator(f"#{i}").inner_text() for i in described]
        assert any(evidence.text in text for text in texts), (parameter.name, texts)
        links = root.locator(f"#{described[0]} a").evaluate_all(
            "links => links.map((a) => [a.textContent, a.getAttribute('href')])"
        )
        assert links == ([[evidence.source, evidence.url]] if evidence.url else []), (parameter.name, links)


def control_text(value: object) -> str:
    """What a form control shows for a model value, as the page writes it (JS String())."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def shown_inputs(root: object, model: object) -> dict[str, str]:
    return {p.name: root.locator(f'.ows-form [name="{p.name}"]').input_value() for p in model.PARAMETERS}


def exercise_scenario_tools(page: object, root: object, model: object, expect: object, link_status: bool = True) -> None:
    """One visit, many cases: every preset sets every input and says so; a field without data
    says so and changes nothing; reset restores the defaults; the share link holds the scenario
    (and, where `link_status`, following it restores it, and a bad link is refused input by
    input with a message); every slider is labelled, follows its box and works from the keyboard.
    `expect(root, values)` asserts the outputs shown for `values`."""
    from widgets.share_link import fragment_for

    menu = root.locator('select[name="preset"]')
    status = root.locator(".ows-tools-status")
    assert root.locator(f'label[for="{menu.get_attribute("id")}"]').inner_text() == "Scenario"
    for preset in model.PRESETS:
        menu.select_option(preset.id)
        assert shown_inputs(root, model) == {name: control_text(value) for name, value in preset.values.items()}
        assert preset.label in status.inner_text() and preset.note in status.inner_text()
        assert "every input is set" in status.inner_text()
        expect(root, preset.values)
    last = shown_inputs(root, model)
    for field_name in model.NO_DATA_FIELDS:
        menu.select_option(f"no-data:{field_name}")
        assert "No data for this field" in status.inner_text() and field_name in status.inner_text()
        assert shown_inputs(root, model) == last
    root.get_by_role("button", name="Reset to the defaults").click()
    assert shown_inputs(root, model) == {name: control_text(value) for name, value in model.DEFAULTS.items()}
    assert menu.input_value() == "" and "back to its default" in status.inner_text()
    expect(root, model.DEFAULTS)

    calculator_id = root.get_attribute("data-calculator")
    first = model.PRESETS[0]
    menu.select_option(first.id)
    link = root.locator("a[data-share-link]")
    href = link.get_attribute("href")
    name = "Offer 1" if model.SHARE_PREFIX == "#rq:" else None
    assert href.endswith(fragment_for(calculator_id, first.values, name)), href
    if link_status:
        root.get_by_role("button", name="Reset to the defaults").click()
        page.goto(href)  # the same page: the address's fragment changes
        page.wait_for_function("() => location.hash === ''")
        assert shown_inputs(root, model) == {n: control_text(v) for n, v in first.values.items()}
        assert "from the link" in status.inner_text()
        expect(root, first.values)
        # A bad link: the unknown key is left out, the bad value keeps its default, the good one is used.
        numeric = [p for p in model.PARAMETERS if getattr(p, "kind", "") == "number"]
        good, bad = numeric[0], numeric[-1]
        good_value = good.minimum
        page.goto(f"{href.split('#')[0]}{model.SHARE_PREFIX}{good.name}={control_text(good_value)}&bogus=1&{bad.name}=abc")
        page.wait_for_function("() => location.hash === ''")
        messages = status.locator("li").all_inner_texts()
        assert len(messages) == 2 and "bogus" in messages[0] and f"{bad.name}=“abc”" in messages[1], messages
        scenario = {**model.DEFAULTS, good.name: good_value}
        assert shown_inputs(root, model) == {n: control_text(v) for n, v in scenario.items()}
        expect(root, scenario)

    root.get_by_role("button", name="Reset to the defaults").click()
    for parameter in model.PARAMETERS:
        if getattr(parameter, "kind", "") != "number":
            continue
        slider = root.locator(f'input[type="range"][data-slider-for="{parameter.name}"]')
        box = root.locator(f'.ows-form input[name="{parameter.name}"]')
        assert parameter.label in slider.get_attribute("aria-label")
        start = parameter.default if parameter.default is not None else parameter.minimum
        assert float(slider.input_value()) == start
        slider.focus()
        page.keyboard.press("ArrowRight")
        moved = round(start + parameter.step, 6)
        assert box.input_value() == control_text(moved)
        expect(root, {**model.DEFAULTS, parameter.name: moved})
        page.keyboard.press("ArrowLeft")
        box.fill(control_text(parameter.maximum))
        box.dispatch_event("change")
        assert float(slider.input_value()) == parameter.maximum
        box.fill(control_text(parameter.default))
        box.dispatch_event("change")


def shown_table(table: object) -> tuple[str, list[str], list[list[str]]]:
    """A table's caption, column labels and cells as text (whether or not it is on screen)."""
    return table.evaluate(
        """(t) => [t.caption?.textContent ?? "", [...t.tHead.rows[0].cells].map((c) => c.textContent),
                   [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent))]"""
    )


def table_without_javascript(browser: object, url: str, root_selector: str) -> tuple[str, list[str], list[list[str]]]:
    """The no-JavaScript table of the calculator at `root_selector` on the page at `url`."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        return shown_table(page.locator(f"{root_selector} > table"))
    finally:
        context.close()
