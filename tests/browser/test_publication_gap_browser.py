"""The publication-gap calculator in the static book, in Chromium, with the network blocked."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import (
    assert_bad_value_refused,
    assert_evidence_lines,
    draw_all_figures,
    exercise_scenario_tools,
    open_page,
    ready_calculator,
    shown_table,
    tab_to_field,
    table_without_javascript,
)
from widgets.formatting import format_number
from widgets.generate import read_vectors
from widgets.publication_gap import model

PAGE = "chapters/publications.html"
ROOT_SELECTOR = '[data-calculator="publication-gap"]'
BAD_WORDS = re.compile(r"\b(NaN|Infinity|undefined|null)\b")
VECTORS = read_vectors(Path(model.__file__).with_name("vectors.jsonl"))["cases"]


def load(page, server: str) -> object:
    page.goto(f"{server}/{PAGE}")
    return ready_calculator(page, ROOT_SELECTOR)


def shown_outputs(root) -> dict[str, str]:
    return {name: root.locator(f'[data-output="{name}"]').inner_text() for name in model.OUTPUTS}


def set_inputs(root, values: dict[str, float]) -> None:
    for name, value in values.items():
        root.locator(f'input[name="{name}"]').fill(str(value))
        root.locator(f'input[name="{name}"]').dispatch_event("change")


def chart_series(page) -> dict[str, list[float]]:
    return page.evaluate(
        """() => {
        const chart = document.querySelector('[data-calculator="publication-gap"] .js-plotly-plot');
        return Object.fromEntries(chart.data.map((trace) => [trace.name, trace.y]));
    }"""
    )


def test_renders_default_scenario(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    assert shown_outputs(root) == model.format_outputs(model.compute())
    for parameter in model.PARAMETERS:
        field = root.locator(f'input[name="{parameter.name}"]')
        assert field.input_value() == format_number(parameter.default)
        label = root.locator(f'label[for="{field.get_attribute("id")}"]')
        assert parameter.label in label.inner_text()
    assert "illustrative" in root.inner_text()
    assert_evidence_lines(root, model.PARAMETERS)
    series = chart_series(page)
    expected = model.to_frame()
    assert series["The postdoc"] == expected["postdoc_total"].tolist()
    assert series["You, in industry"] == expected["your_total"].tolist()
    problems.assert_clean()


def test_outputs_and_chart_follow_inputs(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    for case in VECTORS[::25]:
        set_inputs(root, case["inputs"])
        assert shown_outputs(root) == case["formatted"], case["inputs"]
        page.wait_for_function(
            "n => document.querySelector('[data-calculator=\"publication-gap\"] .js-plotly-plot').data[0].x.length === n",
            arg=case["inputs"]["years"] + 1,
        )
        series = chart_series(page)
        assert series["The postdoc"][-1] == pytest.approx(case["outputs"]["postdoc_total"])
        assert series["You, in industry"][-1] == pytest.approx(case["outputs"]["your_total"])
    problems.assert_clean()


def test_keyboard_alone(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    # Focus starts at the top of the page; Tab must reach the calculator through the page.
    tab_to_field(page, "years")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    page.keyboard.press("Tab")  # leaving the field commits the change
    assert shown_outputs(root) == model.format_outputs(model.compute(years=5))
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")
    assert root.locator('input[name="years"]').input_value() == "6"
    assert shown_outputs(root) == model.format_outputs(model.compute(years=6))
    problems.assert_clean()


BAD_YEARS = ["", "abc", "-1", "16", "2.5", "1e999", "NaN", "<b>5</b>"]


def test_bad_input_keeps_last_result(guarded_page, server):
    """Each bad value typed in turn on one page: the field says what it takes, the outputs keep
    the last good result, and a good value clears the message."""
    page, problems = guarded_page
    root = load(page, server)
    for bad in BAD_YEARS:
        set_inputs(root, {"years": 4})
        assert_bad_value_refused(page, root, "years", bad, "from 0 to 15", 3, lambda: shown_outputs(root))
        assert shown_outputs(root) == model.format_outputs(model.compute(years=3)), bad
    problems.assert_clean()


def test_never_and_not_applicable_are_words(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    set_inputs(root, {"years": 15, "industry_rate": 0, "postdoc_rate": 0.1})
    assert shown_outputs(root)["catch_up_years"] == "never"
    set_inputs(root, {"papers_at_phd": 0, "postdoc_rate": 0})
    assert shown_outputs(root)["recency_ratio"] == "n/a"
    assert not BAD_WORDS.search(root.inner_text())
    problems.assert_clean()


def test_narrow_screen(browser, server, tmp_path):
    page, problems = open_page(browser, width=360, height=740)
    root = load(page, server)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    box = root.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    set_inputs(root, {"years": 7})
    assert shown_outputs(root) == model.format_outputs(model.compute(years=7))
    problems.assert_clean()
    page.context.close()


def test_the_chart_follows_dark_mode(browser, server):
    """In dark mode the chart's text takes the page's light text colour and its grid stays faint."""
    page, problems = open_page(browser)
    page.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    root = load(page, server)
    text, tick, grids = root.evaluate(
        """(el) => [getComputedStyle(el).color,
                    getComputedStyle(el.querySelector('.xtick text')).fill,
                    [...el.querySelectorAll('path.xgrid, path.ygrid')].map((p) => [p.style.stroke, p.style.strokeOpacity])]"""
    )
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert tick == text
    assert grids and all(grid == ["rgb(128, 128, 128)", "0.25"] for grid in grids), grids[:3]
    problems.assert_clean()
    page.context.close()


def test_without_javascript_shows_default_numbers(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{PAGE}")
    root = page.locator(ROOT_SELECTOR)
    assert shown_outputs(root) == model.format_outputs(model.compute())
    assert root.locator("table tbody tr").count() == model.DEFAULTS["years"] + 1
    context.close()


def test_sensitivity_notebook_draws_its_figures(guarded_page, server):
    page, problems = guarded_page
    page.goto(f"{server}/chapters/publication_gap_sensitivity.html")
    assert draw_all_figures(page) == 2
    traces = page.evaluate("[...document.querySelectorAll('.ows-figure .js-plotly-plot')].map(d => d.data.length)")
    assert traces == [5, 5]
    problems.assert_clean()


def test_the_table_reads_the_same_with_and_without_javascript(browser, guarded_page, server):
    """One declaration of the table's labels (model.TABLE_COLUMNS) and cells: the page's table
    after the calculator runs and the no-JavaScript table both show the model's table."""
    page, problems = guarded_page
    root = load(page, server)
    expected = list(model.table(**model.DEFAULTS))
    assert list(shown_table(root.locator("details.ows-table table"))) == expected
    problems.assert_clean()
    assert list(table_without_javascript(browser, f"{server}/{PAGE}", ROOT_SELECTOR)) == expected


def test_presets_reset_share_links_and_sliders(guarded_page, server):
    """One visit: every preset, the field notes, reset, the link and strict link reading, the sliders."""
    page, problems = guarded_page
    root = load(page, server)

    def expect(root, values):
        assert shown_outputs(root) == model.format_outputs(model.compute(**values)), values

    exercise_scenario_tools(page, root, model, expect)
    assert not BAD_WORDS.search(root.inner_text())
    problems.assert_clean()


RECORDS = Path(__file__).resolve().parents[1] / "fixtures" / "bibtex"
PANEL = f"{ROOT_SELECTOR} .pg-record"


def read_into_panel(page, folder: Path, name: str, content: bytes) -> None:
    """Choose a file in the panel, as a reader does, and wait until the panel has dealt with it.
    The file is written to `folder` first: Chromium then reads it from disk, which for a
    10 MB file is much faster than sending its bytes to the browser."""
    panel = page.locator(PANEL)
    before = panel.get_attribute("data-attempts") or "0"
    (folder / name).write_bytes(content)
    page.set_input_files(f'{PANEL} input[name="publication_record"]', folder / name)
    page.wait_for_function(
        "([s, n]) => (document.querySelector(s).dataset.attempts ?? '0') !== n", arg=[PANEL, before], timeout=30000
    )


def record_state(page) -> tuple[str, str]:
    """What a failed import must leave alone: the record's summary and the calculator's input."""
    return (
        page.locator(f'{PANEL} [data-output="record_summary"]').inner_text(),
        page.locator(f'{ROOT_SELECTOR} .ows-form input[name="papers_at_phd"]').input_value(),
    )


def test_importing_a_publication_record(guarded_page, server, tmp_path):
    """One visit, every case: a Scholar file read as Python reads it, the calculator set from
    it, shared and reset; a pasted Zotero file; then each bad input refused with a message,
    the last good record kept, and nothing executed or sent."""
    from widgets.publication_gap.record import read_record

    page, problems = guarded_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    root = load(page, server)
    assert not any("bibtex-parser" in url for url in requested), "the parser loads only when a record is read"
    panel = page.locator(PANEL)
    panel.scroll_into_view_if_needed()
    assert "not uploaded or sent anywhere" in panel.inner_text()

    scholar = (RECORDS / "scholar.bib").read_bytes()
    expected = read_record(RECORDS / "scholar.bib")
    read_into_panel(page, tmp_path, "scholar.bib", scholar)
    summary = panel.locator('[data-output="record_summary"]')
    assert summary.inner_text() == expected.summary()
    lists = panel.locator("details")
    lists.first.locator("summary").click()  # the tables are filled when opened (on its toggle event)
    expect(lists.first.locator("tbody tr")).to_have_count(len(expected.counted()))
    lists.nth(2).locator("summary").click()
    assert root.locator('.ows-form input[name="papers_at_phd"]').input_value() == format_number(model.DEFAULTS["papers_at_phd"])

    year = panel.locator('input[name="phd_year"]')
    year.fill("2021")
    year.dispatch_event("change")
    proposals = expected.proposals(2021)
    assert root.locator('.ows-form input[name="papers_at_phd"]').input_value() == format_number(proposals["papers_at_phd"])
    assert panel.locator(".pg-proposals li").count() == len(proposals)
    assert all("taken from your record" in item for item in panel.locator(".pg-proposals li").all_inner_texts())
    panel.get_by_role("button", name="Use these rates too").click()
    scenario = {**model.DEFAULTS, **proposals}
    assert shown_outputs(root) == model.format_outputs(model.compute(**scenario))
    panel.locator('input[name="include_other"]').check()
    assert summary.inner_text() == expected.summary(include_other=True)
    panel.locator('input[name="include_other"]').uncheck()
    href = root.locator("a[data-share-link]").get_attribute("href")
    assert f"papers_at_phd={proposals['papers_at_phd']}" in href and f"postdoc_rate={proposals['postdoc_rate']}" in href
    root.get_by_role("button", name="Reset to the defaults").click()
    assert shown_outputs(root) == model.format_outputs(model.compute())

    zotero = (RECORDS / "zotero.bib").read_text(encoding="utf-8")
    panel.locator('textarea[name="publication_record_text"]').fill(zotero)
    before = panel.get_attribute("data-attempts")
    panel.get_by_role("button", name="Read the pasted text").click()
    page.wait_for_function("([s, n]) => document.querySelector(s).dataset.attempts !== n", arg=[PANEL, before])
    assert summary.inner_text() == read_record(zotero).summary()
    good = record_state(page)

    problem = panel.locator(".pg-record-problem")
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
    csv = b"title,venue,year\nQuery expansion with BERT,SIGIR,2021\n"
    unbalanced = b"@article{a, title={Broken {brace}, journal={J}, year={2019}\n"
    big = b"@misc{x, note={" + b"y" * (10 * 1024 * 1024) + b"}}"
    many = b"@misc{k, title={t}, year=2020}\n" * 20_000
    bad_files = [
        ("empty.bib", b"", "empty"),
        ("paper.bib", pdf, "PDF"),
        ("list.bib", csv, "CSV"),
        ("broken.bib", unbalanced, "No entry could be read"),
        ("huge.bib", big, "10.5 MB"),
        ("many.bib", many, "20,000 entries; at most 5,000"),
    ]
    for name, content, message in bad_files:
        read_into_panel(page, tmp_path, name, content)
        assert message in problem.inner_text(), (name, problem.inner_text())
        assert "still used" in problem.inner_text()
        assert record_state(page) == good, name

    hostile = (
        "@article{a, title={<script>window.__pwned=1</script>}, journal={J}, year=2019}\n"
        "@inproceedings{b, title={<img src=x onerror=window.__pwned=2>}, booktitle={<b>C</b>}, year={{2019}}}\n"
        "@article{c, title={Odd year}, journal={J}, year={2019a}}\n"
        "@article{d, title={From the future}, journal={J}, year=3019}\n"
    )
    read_into_panel(page, tmp_path, "hostile.bib", hostile.encode())
    assert problem.inner_text() == ""
    assert summary.inner_text() == read_record(hostile).summary()
    cells = lists.first.locator("tbody").inner_text()
    assert "<script>window.__pwned=1</script>" in cells and "<img src=x onerror=window.__pwned=2>" in cells
    skipped = lists.nth(2).locator("li").all_inner_texts()
    assert skipped == ["c: with a year that is not four digits", f"d: with a year outside 1900–{datetime.date.today().year + 1}"]
    assert panel.locator("img, script, b").count() == 0
    page.wait_for_timeout(300)  # give anything injected a moment to run
    assert page.evaluate("window.__pwned") is None

    papers = root.locator('.ows-form input[name="papers_at_phd"]').input_value()
    next_year = datetime.date.today().year + 1
    for bad in ["1949", str(next_year + 1), "20x1", ""]:
        year.fill(bad)
        year.dispatch_event("change")
        assert year.get_attribute("aria-invalid") == "true", bad
        assert f"from 1950 to {next_year}" in panel.locator(f"#{year.get_attribute('id')}-error").inner_text()
        assert root.locator('.ows-form input[name="papers_at_phd"]').input_value() == papers
    assert not BAD_WORDS.search(panel.inner_text())
    assert sum("bibtex-parser" in url for url in requested) == 1
    problems.assert_clean()  # no request left the page, no console or page errors
