"""The publication-gap calculator in the static book, in Chromium, with the network blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import assert_evidence_lines, exercise_scenario_tools, draw_all_figures, open_page, ready_calculator, shown_table, tab_to_field, table_without_javascript
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


@pytest.mark.parametrize("bad", ["", "abc", "-1", "16", "2.5", "1e999", "NaN", "<b>5</b>"])
def test_bad_input_keeps_last_result(guarded_page, server, bad):
    page, problems = guarded_page
    root = load(page, server)
    set_inputs(root, {"years": 4})
    before = shown_outputs(root)
    field = root.locator('input[name="years"]')
    set_inputs(root, {"years": bad})
    assert field.get_attribute("aria-invalid") == "true"
    message = page.locator(f"#{field.get_attribute('id')}-error").inner_text()
    assert "from 0 to 15" in message
    assert shown_outputs(root) == before
    assert not BAD_WORDS.search(root.inner_text())
    set_inputs(root, {"years": 3})
    assert field.get_attribute("aria-invalid") is None
    assert page.locator(f"#{field.get_attribute('id')}-error").inner_text() == ""
    assert shown_outputs(root) == model.format_outputs(model.compute(years=3))
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
