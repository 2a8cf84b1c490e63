"""The instructor kit's pages in Chromium: short links, printing a handout alone, and the
slides driven by the keyboard with their speaker notes."""

from __future__ import annotations

import re

from instructor_kit import roleplay, short_links, workshops

from tests.helpers import ready_calculator

QUESTION_SHEET = "chapters/instructors/handouts/recruiter_questions.html"
SCORECARD = "chapters/tools/recruiter_scorecard.html"


def test_a_role_cards_short_link_opens_the_scorecard_filled_in(guarded_page, server, built_book):
    """Typed as on the card, without the final slash: the server adds it, as a static host does."""
    page, problems = guarded_page
    for scenario in roleplay.load_scenarios():
        page.goto(f"{server}/go/{short_links.card_link(scenario.id)}")
        page.wait_for_url(re.compile(re.escape(SCORECARD) + r"$|" + re.escape(SCORECARD) + "#"))
        root = ready_calculator(page, '[data-calculator="recruiter-questions"]')
        assert root.locator('[data-output="score"]').first.inner_text().strip() == scenario.score()
    problems.assert_clean()


def test_every_short_link_lands_on_its_page(guarded_page, server, built_book):
    page, problems = guarded_page
    for name, link in short_links.load_short_links().items():
        if link.fragment:
            continue  # the role cards' links: above
        page.goto(f"{server}/go/{name}", wait_until="commit")
        target = f"{link.target}.html" if link.is_page else link.target
        # Landed once the page's document is read; its charts and images are not this test's.
        page.wait_for_url(f"{server}/{target}", wait_until="domcontentloaded")
        assert page.title()
    problems.assert_clean()


def test_printing_a_handout_page_prints_only_the_handout(guarded_page, server, built_book):
    page, problems = guarded_page
    page.goto(f"{server}/{QUESTION_SHEET}")
    page.emulate_media(media="print")
    assert page.locator(".ows-handout").is_visible()
    assert page.locator(".ows-question-sheet li").first.is_visible()
    assert page.locator(".ows-handout svg.ows-qr").is_visible()
    for outside in ("article h1", ".ows-handout-pdfs", ".bd-sidebar-primary", ".bd-header", "footer"):
        assert all(not element.is_visible() for element in page.locator(outside).all()), outside
    page.emulate_media(media="screen")
    assert page.locator("article h1").is_visible()
    problems.assert_clean()


def current_slide(page) -> str:
    return page.locator(".reveal .slides > section.present").get_attribute("id")


def test_the_slides_go_by_keyboard_and_show_the_notes_in_the_speaker_view(guarded_page, server, built_book):
    page, problems = guarded_page
    workshop = workshops.load_workshop("workshop_60min")
    page.goto(f"{server}/slides/workshop_60min.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert current_slide(page) == "slide-1"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert current_slide(page) == "slide-3"
    step = page.locator(".reveal .slides > section.present")
    assert step.get_attribute("data-step") == "1"
    assert step.locator("h2").inner_text() == workshop.steps[0].label()
    # Only the slide shown can take the keyboard's focus.
    assert page.evaluate("[...document.querySelectorAll('.reveal .slides > section')].filter((s) => !s.inert).length") == 1
    page.keyboard.press("End")
    assert page.locator(".reveal .slides > section.present").get_attribute("data-step") == str(len(workshop.steps))
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes .value')?.textContent.includes('Say:')")
    notes = speaker.locator(".speaker-controls-notes .value").inner_text()
    assert workshop.steps[0].say.replace("'", "’") in notes.replace("'", "’")
    speaker.close()
    problems.assert_clean()
