"""HTML for the printable sheets that come from a model: the recruiter question sheet and
the role-play cards. Both read the recruiter-questions model, so a change to a question
changes every sheet."""

from __future__ import annotations

import html

from instructor_kit.roleplay import Scenario
from widgets.parameters import AnyParameter, Choice
from widgets.recruiter_questions import model


def _blank(kind: str = "") -> str:
    """A line to write on (decorative: screen readers skip it)."""
    return f'<span class="ows-blank {kind}" aria-hidden="true"></span>'


def _answer_html(parameter: AnyParameter) -> str:
    if isinstance(parameter, Choice):
        choices = "".join(f'<span class="ows-choice">{html.escape(a.label)}</span>' for a in parameter.answers)
        return f'<span class="ows-choices">{choices}<span class="ows-choice">Not known</span></span>'
    return f"{_blank('ows-blank-short')} {html.escape(parameter.unit)}"


def question_sheet_html() -> str:
    """The eight questions, how to ask each, and space for the answer and notes."""
    items = "".join(
        "<li>"
        f'<p class="ows-sheet-question">{html.escape(p.label)}</p>'
        f'<p class="ows-sheet-ask">{html.escape(p.help)}</p>'
        f'<p class="ows-sheet-answer"><strong>Answer:</strong> {_answer_html(p)}</p>'
        f'<p class="ows-sheet-notes"><strong>Notes:</strong> {_blank()}</p>'
        "</li>"
        for p in model.PARAMETERS
    )
    fields = (
        f'<p class="ows-sheet-fields"><span><strong>Offer or team:</strong> {_blank()}</span>'
        f"<span><strong>Whom I asked:</strong> {_blank()}</span>"
        f"<span><strong>Date:</strong> {_blank('ows-blank-short')}</span></p>"
    )
    return f'<div class="ows-question-sheet">{fields}<ol class="ows-sheet-questions">{items}</ol></div>'


def role_card_html(scenario: Scenario) -> str:
    """The recruiter's card: the pitch, how to answer, and the true answers."""
    rows = "".join(
        f"<tr><td>{html.escape(question)}</td><td>{html.escape(answer)}</td></tr>" for question, answer in scenario.facts()
    )
    return (
        f'<section class="ows-role-card" aria-label="Role card {html.escape(scenario.id)}">'
        f'<p class="ows-card-title">Role card {html.escape(scenario.id)}: you are the recruiter for '
        f"{html.escape(scenario.name)}</p>"
        f"<p><strong>Open with this pitch:</strong> {html.escape(scenario.pitch)}</p>"
        f"<p><strong>How to answer:</strong> {html.escape(scenario.manner)} Answer only what you are asked; "
        "keep this card out of your partner's sight.</p>"
        f'<table class="ows-card-facts"><caption>The true answers (invented for practice)</caption>'
        f'<thead><tr><th scope="col">Question</th><th scope="col">True answer</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        "</section>"
    )
