"""The decision guide and the worksheet on the "Deciding" page, in Chromium, with the network blocked."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT, axe_violations, open_page, ready_calculator
from widgets.decision_guide.guide import load_guide, routes

PAGE = "chapters/deciding/deciding.html"
GUIDE = load_guide(ROOT / "chapters" / "deciding" / "decision_guide.yml")
TITLES = {r.id: r.title for r in GUIDE.recommendations}
OBJECTIVES = "section#what-you-will-be-able-to-do > h2"  # (the theme prints its own page title)


def load(page, server: str) -> object:
    page.goto(f"{server}/{PAGE}")
    root = page.locator('[data-guide="decision_guide"][data-ready="true"]')
    root.wait_for(timeout=15000)
    return root


def asked(root) -> list[str]:
    return root.locator("fieldset[data-question]").evaluate_all("nodes => nodes.map((n) => n.dataset.question)")


def suggestion(root) -> str | None:
    result = root.locator("[data-recommendation]")
    return result.get_attribute("data-recommendation") if result.count() else None


def answer(root, question: str, value: str) -> None:
    root.locator(f'input[name="{question}"][value="{value}"]').check()


def test_starts_with_the_first_question_only(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    assert asked(root) == [GUIDE.questions[0].id]
    legend = root.locator("fieldset legend").first.inner_text()
    assert legend == GUIDE.questions[0].question
    assert suggestion(root) is None
    assert root.get_by_role("button", name="Start again").is_hidden()
    problems.assert_clean()


def test_every_route_reaches_its_suggestion(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    for steps, expected in routes(GUIDE):
        for question, value in steps:
            answer(root, question, value)
        assert asked(root) == [question for question, _ in steps]
        assert suggestion(root) == expected, steps
        assert TITLES[expected] in root.locator("[data-recommendation]").inner_text()
        root.get_by_role("button", name="Start again").click()
        assert asked(root) == [GUIDE.questions[0].id] and suggestion(root) is None
    problems.assert_clean()


def test_keyboard_alone_reaches_a_suggestion_and_starts_again(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "interest":
            break
    else:
        pytest.fail("Tab never reached the guide's first question")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") not in ("none", "")
    page.keyboard.press("ArrowDown")  # the second answer: "Yes, or I am not sure"
    assert page.evaluate("document.activeElement.value") == "maybe"
    page.keyboard.press("Tab")  # into the next question
    assert page.evaluate("document.activeElement.name") == "fixed-term"
    page.keyboard.press("Space")  # its first answer: could get a fixed-term post
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "afford"
    page.keyboard.press("Space")  # could live with it
    assert suggestion(root) == "take-postdoc"
    assert "Suggestion below" in root.get_by_role("status").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Start again"
    page.keyboard.press("Enter")
    assert asked(root) == [GUIDE.questions[0].id] and suggestion(root) is None
    assert page.evaluate("document.activeElement.name") == "interest"
    assert root.locator("input:checked").count() == 0
    problems.assert_clean()


def test_changing_an_earlier_answer_drops_the_later_questions(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    for question, value in [("interest", "maybe"), ("fixed-term", "cannot"), ("incentives", "allowed")]:
        answer(root, question, value)
    assert suggestion(root) == "industry-narrow"
    answer(root, "interest", "never")
    assert asked(root) == ["interest"] and suggestion(root) == "go-freely"
    answer(root, "interest", "maybe")  # the earlier answers are remembered
    assert asked(root) == ["interest", "fixed-term", "incentives"] and suggestion(root) == "industry-narrow"
    problems.assert_clean()


def test_without_javascript_the_guide_is_a_readable_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{PAGE}")
    text = page.locator('[data-guide="decision_guide"]').inner_text()
    for question in GUIDE.questions:
        assert question.question in text
    for recommendation in GUIDE.recommendations:
        assert recommendation.title in text and recommendation.caveat in text
    assert page.locator(".ows-worksheet li").count() >= 8
    context.close()


def test_worksheet_prints_alone(guarded_page, server):
    page, problems = guarded_page
    load(page, server)
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print only this section").click()
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    assert page.locator(".ows-worksheet").is_visible()
    for hidden in ('[data-guide="decision_guide"]', '[data-calculator="career-paths"]', OBJECTIVES, ".ows-print-button"):
        assert page.locator(hidden).first.is_hidden(), hidden
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(OBJECTIVES).is_visible()
    assert page.locator(".ows-print-hidden").count() == 0
    problems.assert_clean()


def test_whole_page_prints_with_the_worksheet_on_a_new_page(guarded_page, server):
    page, problems = guarded_page
    load(page, server)
    page.emulate_media(media="print")
    assert page.locator(".ows-worksheet").evaluate("n => getComputedStyle(n).breakBefore") == "page"
    assert page.locator(OBJECTIVES).is_visible() and page.locator(".ows-print-button").is_hidden()
    problems.assert_clean()


@pytest.mark.parametrize("width", [1280, 360])
def test_no_accessibility_violations(browser, server, width):
    page, problems = open_page(browser, width=width, height=900)
    root = load(page, server)
    ready_calculator(page, '[data-calculator="career-paths"]')
    answer(root, "interest", "maybe")
    answer(root, "fixed-term", "can")
    answer(root, "afford", "can")  # a suggestion on the page, so axe checks it too
    violations = axe_violations(page)
    assert violations == []
    problems.assert_clean()
    page.context.close()
