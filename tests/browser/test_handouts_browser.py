"""The instructor kit's pages in Chromium: role-play links and printing a handout alone."""

from __future__ import annotations

from urllib.parse import urljoin

from instructor_kit import roleplay

from tests.helpers import ready_calculator

ROLE_CARDS = "chapters/instructors/handouts/role_cards.html"
QUESTION_SHEET = "chapters/instructors/handouts/recruiter_questions.html"


def test_role_play_links_open_the_scorecard_filled_in(guarded_page, server, built_book):
    page, problems = guarded_page
    scenarios = roleplay.load_scenarios()
    page.goto(f"{server}/{ROLE_CARDS}")
    hrefs = [a.get_attribute("href") for a in page.locator("ul.ows-scenario-links a").all()]
    assert len(hrefs) == len(scenarios)
    for href, scenario in zip(hrefs, scenarios):
        assert href.endswith(scenario.fragment())
        page.goto(urljoin(f"{server}/{ROLE_CARDS}", href))
        root = ready_calculator(page, '[data-calculator="recruiter-questions"]')
        assert root.locator('[data-output="score"]').first.inner_text().strip() == scenario.score()
    problems.assert_clean()


def test_printing_a_handout_page_prints_only_the_handout(guarded_page, server, built_book):
    page, problems = guarded_page
    page.goto(f"{server}/{QUESTION_SHEET}")
    page.emulate_media(media="print")
    assert page.locator(".ows-handout").is_visible()
    assert page.locator(".ows-question-sheet li").first.is_visible()
    for outside in ("article h1", ".ows-handout-pdfs", ".bd-sidebar-primary", ".bd-header", "footer"):
        assert all(not element.is_visible() for element in page.locator(outside).all()), outside
    page.emulate_media(media="screen")
    assert page.locator("article h1").is_visible()
    problems.assert_clean()
