"""The career-paths calculator in the static book, in Chromium, with the network blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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
from widgets.career_paths import model
from widgets.generate import read_vectors

PAGE = "chapters/deciding/deciding.html"
ROOT_SELECTOR = '[data-calculator="career-paths"]'
BAD_WORDS = re.compile(r"\b(NaN|Infinity|undefined|null)\b")
VECTORS = read_vectors(Path(model.__file__).with_name("vectors.jsonl"))
SERIES = {"Starting as a postdoc": "faculty_from_postdoc", "Starting in industry": "faculty_from_industry"}


def load(page, server: str) -> object:
    page.goto(f"{server}/{PAGE}")
    return ready_calculator(page, ROOT_SELECTOR)


def shown_outputs(root) -> dict[str, str]:
    return {name: root.locator(f'[data-output="{name}"]').inner_text() for name in model.OUTPUTS}


def set_inputs(root, values: dict[str, object]) -> None:
    for name, value in values.items():
        field = root.locator(f'input[name="{name}"]')
        field.fill(str(value))
        field.dispatch_event("change")


def chart_series(page) -> dict[str, list[float]]:
    return page.evaluate(
        """() => {
        const chart = document.querySelector('[data-calculator="career-paths"] .js-plotly-plot');
        return Object.fromEntries(chart.data.map((trace) => [trace.name, trace.y]));
    }"""
    )


def wait_for_chart_years(page, years: int) -> None:
    page.wait_for_function(
        "n => document.querySelector('[data-calculator=\"career-paths\"] .js-plotly-plot')?.data?.[0].x.length === n",
        arg=years + 1,
    )


def test_renders_default_scenario(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    assert shown_outputs(root) == model.format_outputs(model.compute())
    for parameter in model.PARAMETERS:
        field = root.locator(f'input[name="{parameter.name}"]')
        assert float(field.input_value()) == parameter.default
        label = root.locator(f'label[for="{field.get_attribute("id")}"]')
        assert parameter.label in label.inner_text()
    assert "illustrative" in root.inner_text()
    assert_evidence_lines(root, model.PARAMETERS)
    wait_for_chart_years(page, model.DEFAULTS["years"])
    frame = model.to_frame()
    for trace, column in SERIES.items():
        assert chart_series(page)[trace] == pytest.approx(frame[column].tolist(), abs=1e-12)
    problems.assert_clean()


def test_outputs_and_chart_follow_inputs(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    for case in VECTORS["cases"][::20]:
        set_inputs(root, case["inputs"])
        assert shown_outputs(root) == case["formatted"], case["inputs"]
        wait_for_chart_years(page, case["inputs"]["years"])
        series = chart_series(page)
        for trace, column in SERIES.items():
            assert series[trace][-1] == pytest.approx(case["outputs"][column], abs=1e-12)
    problems.assert_clean()


def test_keyboard_alone(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    tab_to_field(page, "p_industry_faculty")
    page.keyboard.press("Control+A")
    page.keyboard.type("0.1")
    page.keyboard.press("Tab")  # leaving the field commits the change
    assert shown_outputs(root) == model.format_outputs(model.compute(p_industry_faculty=0.1))
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")
    stepped = round(0.1 + next(p.step for p in model.PARAMETERS if p.name == "p_industry_faculty"), 6)
    assert root.locator('input[name="p_industry_faculty"]').input_value() == str(stepped)
    assert shown_outputs(root) == model.format_outputs(model.compute(p_industry_faculty=stepped))
    problems.assert_clean()


BAD_PROBABILITIES = ["", "abc", "-0.1", "1.5", "20%", "1e999", "NaN", "<b>1</b>"]
BAD_YEARS = ["0", "41", "2.5"]


def test_bad_input_keeps_last_result(guarded_page, server):
    """Each bad probability, then each bad number of years, typed in turn on one page: the field
    says what it takes, the outputs keep the last good result, and a good value clears it."""
    page, problems = guarded_page
    root = load(page, server)
    for bad in BAD_PROBABILITIES:
        set_inputs(root, {"p_faculty_industry": 0.1})
        assert_bad_value_refused(page, root, "p_faculty_industry", bad, "from 0 to 1", 0.05, lambda: shown_outputs(root))
        assert shown_outputs(root) == model.format_outputs(model.compute(p_faculty_industry=0.05)), bad
    for bad in BAD_YEARS:
        assert_bad_value_refused(page, root, "years", bad, "whole number from 1 to 40", 10, lambda: shown_outputs(root))
    problems.assert_clean()


def test_the_two_postdoc_moves_may_not_exceed_one(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    wait_for_chart_years(page, model.DEFAULTS["years"])
    before, chart_before = shown_outputs(root), chart_series(page)
    changed = root.locator('input[name="p_postdoc_faculty"]')
    other = root.locator('input[name="p_postdoc_industry"]')
    set_inputs(root, {"p_postdoc_faculty": 0.9})  # 0.9 + the default 0.2 > 1
    assert changed.get_attribute("aria-invalid") == "true"
    assert other.get_attribute("aria-invalid") is None
    message = page.locator(f"#{changed.get_attribute('id')}-error").inner_text()
    assert "at most 1" in message and "1.1" in message
    assert shown_outputs(root) == before and chart_series(page) == chart_before
    assert not BAD_WORDS.search(root.inner_text())
    # Fixing the other field clears the message and computes with both values.
    set_inputs(root, {"p_postdoc_industry": 0.1})
    assert changed.get_attribute("aria-invalid") is None
    assert page.locator(f"#{changed.get_attribute('id')}-error").inner_text() == ""
    assert shown_outputs(root) == model.format_outputs(model.compute(p_postdoc_faculty=0.9, p_postdoc_industry=0.1))
    # The message sits beside whichever of the two fields the reader changed.
    set_inputs(root, {"p_postdoc_industry": 0.5})
    assert other.get_attribute("aria-invalid") == "true" and changed.get_attribute("aria-invalid") is None
    problems.assert_clean()


def test_narrow_screen(browser, server):
    page, problems = open_page(browser, width=360, height=740)
    root = load(page, server)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    box = root.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    set_inputs(root, {"years": 12})
    assert shown_outputs(root) == model.format_outputs(model.compute(years=12))
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


def test_model_notebook_draws_its_figures(guarded_page, server):
    page, problems = guarded_page
    page.goto(f"{server}/chapters/deciding/career_paths_model.html")
    assert draw_all_figures(page) == 2
    traces = page.evaluate("[...document.querySelectorAll('.ows-figure .js-plotly-plot')].map(d => d.data.length)")
    assert traces == [3, 2]
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
    # A link that breaks the rule across the two postdoc moves: both keep their defaults, with a message.
    page.goto(f"{server}/{PAGE}{model.SHARE_PREFIX}p_postdoc_faculty=0.9&p_postdoc_industry=0.5&years=12")
    page.wait_for_function("() => location.hash === ''")
    messages = root.locator(".ows-tools-status li").all_inner_texts()
    assert len(messages) == 1 and "p_postdoc_faculty and p_postdoc_industry" in messages[0] and "at most 1" in messages[0]
    expect(root, {**model.DEFAULTS, "years": 12})
    assert not BAD_WORDS.search(root.inner_text())
    problems.assert_clean()
