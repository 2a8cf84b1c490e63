"""The printable question sheet: the one renderer of the recruiter questions on paper.

The handout page prints it as it is, blank, with no script (its PDF is printed with
scripts blocked). The scorecard prints the same markup filled in with a reader's offer:
it gets this HTML (in the book from a `<template>` beside the calculator, in Jupyter from
a synced trait) and only writes text into the slots marked `data-slot` (interview_sheet.js),
so a reader's words never become markup.
"""

from __future__ import annotations

import html

from widgets.parameters import AnyParameter, Choice
from widgets.recruiter_questions import model

TITLE = "Questions for the recruiter"
INTRO = (
    "Ask for facts rather than impressions, and write down what you hear, in the recruiter's words "
    "where you can. Tick one answer where there is a choice. A question you could not ask stays "
    "unknown: it counts neither for nor against the offer."
)
NOT_KNOWN = "Not known"


def _blank(kind: str = "") -> str:
    """A line to write on (decorative: screen readers skip it)."""
    classes = f"ows-blank {kind}".strip()
    return f'<span class="{classes}" aria-hidden="true"></span>'


def _blank_answer(parameter: AnyParameter) -> str:
    """Boxes to tick for a choice, or a line and the unit for a number."""
    if isinstance(parameter, Choice):
        labels = [answer.label for answer in parameter.answers] + [NOT_KNOWN]
        boxes = "".join(f'<span class="ows-choice">{html.escape(label)}</span>' for label in labels)
        return f'<span class="ows-choices">{boxes}</span>'
    return f"{_blank('ows-blank-short')} {html.escape(parameter.unit)}"


def _question(parameter: AnyParameter) -> str:
    return (
        f'<li data-question="{parameter.name}">'
        f'<p class="ows-sheet-question">{html.escape(parameter.label)}</p>'
        f'<p class="ows-sheet-ask">{html.escape(parameter.help)}</p>'
        f'<p class="ows-sheet-answer"><strong>Answer:</strong> <span data-slot="answer">{_blank_answer(parameter)}</span></p>'
        f'<p class="ows-sheet-notes"><strong>Notes:</strong> <span data-slot="notes">{_blank()}</span></p>'
        "</li>"
    )


def sheet_html() -> str:
    """The eight questions, how to ask each, room for the answers and notes, and a hidden
    part for the score that only a filled-in sheet shows."""
    fields = (
        '<p class="ows-sheet-fields">'
        f'<span><strong>Offer or team:</strong> <span data-slot="offer">{_blank()}</span></span>'
        f"<span><strong>Whom I asked:</strong> {_blank()}</span>"
        f"<span><strong>Date:</strong> {_blank('ows-blank-short')}</span></p>"
    )
    result = (
        '<div class="ows-sheet-result" data-slot="result" hidden>'
        '<p><strong>Score so far:</strong> <span data-slot="score"></span></p>'
        '<p><strong>Red flags:</strong> <span data-slot="red_flags"></span></p>'
        f'<p class="ows-sheet-source">{html.escape(model.SOURCE_LINE)}</p>'
        "</div>"
    )
    return (
        '<div class="ows-question-sheet">'
        f'<p class="ows-sheet-title">{html.escape(TITLE)}</p>'
        f'<p class="ows-sheet-intro">{html.escape(INTRO)}</p>'
        f"{fields}"
        f'<ol class="ows-sheet-questions">{"".join(_question(p) for p in model.PARAMETERS)}</ol>'
        f"{result}</div>"
    )
