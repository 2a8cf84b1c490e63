"""HTML for the role-play cards. The recruiter question sheet is made beside the scorecard
that also prints it (widgets/recruiter_questions/sheet.py); both read the recruiter-questions
model, so a change to a question changes every sheet and card."""

from __future__ import annotations

import html

from instructor_kit.roleplay import Scenario


def role_card_html(scenario: Scenario, answers_link: str, qr: str) -> str:
    """The recruiter's card, printed one per page: the pitch, how to answer, the true
    answers, and the short link (`answers_link`, with its QR code `qr`) that scores them."""
    card = html.escape(scenario.id)
    rows = "".join(f"<tr><td>{html.escape(topic)}</td><td>{html.escape(answer)}</td></tr>" for topic, answer in scenario.facts())
    return (
        f'<section class="ows-role-card" id="card-{card.lower()}" aria-label="Role card {card}">'
        f'<p class="ows-card-title">Role card {card}: you are the recruiter for '
        f"{html.escape(scenario.name)}</p>"
        f"<p><strong>Open with this pitch:</strong> {html.escape(scenario.pitch)}</p>"
        f"<p><strong>How to answer:</strong> {html.escape(scenario.manner)} Answer only what you are asked, "
        "and keep this card hidden.</p>"
        f'<table class="ows-card-facts"><caption>The true answers (invented)</caption>'
        f'<thead><tr><th scope="col">Question about</th><th scope="col">True answer</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<div class="ows-qr-note">{qr}<p>After both calls, these answers in the scorecard: '
        f"<strong>{answers_link}</strong></p></div>"
        "</section>"
    )
