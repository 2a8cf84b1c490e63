"""HTML for the role-play cards. The recruiter question sheet is made beside the scorecard
that also prints it (widgets/recruiter_questions/sheet.py); both read the recruiter-questions
model, so a change to a question changes every sheet and card."""

from __future__ import annotations

import html

from instructor_kit.roleplay import Scenario


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
