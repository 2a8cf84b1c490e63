"""Decision guides: a few questions whose answers lead to further questions or to a suggestion.

A guide is a YAML file beside this module (`<id>.yml`). `load_guide` reads and checks it:
every answer must lead somewhere that exists, the questions must never loop, and every
question and suggestion must be reachable. The book embeds the guide as JSON for
`decision_guide.js` to walk, inside `fallback_html`, which lists every question and
suggestion for readers without JavaScript (and for print).
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).resolve().parent


class GuideError(ValueError):
    """A guide file that does not describe a working guide."""


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    next: str  # a question's id or a recommendation's id


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    help: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    summary: str
    reasons: tuple[str, ...]
    caveat: str


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]  # the first is where every reader starts
    recommendations: tuple[Recommendation, ...]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def as_json(self) -> str:
        """The guide for the browser; "</" is escaped so it can sit inside a <script>."""
        return json.dumps(asdict(self), separators=(",", ":")).replace("</", "<\\/")


Route = tuple[tuple[tuple[str, str], ...], str]  # ((question id, answer id), ...), recommendation id


def guide_path(guide_id: str) -> Path:
    return FOLDER / f"{guide_id}.yml"


def load_guide(guide_id: str) -> Guide:
    """Read `<guide_id>.yml` and check it; GuideError says what is wrong."""
    path = guide_path(guide_id)
    if not path.is_file():
        known = sorted(p.stem for p in FOLDER.glob("*.yml"))
        raise GuideError(f"no guide {guide_id!r}; known: {known}")
    return parse_guide(guide_id, yaml.safe_load(path.read_text(encoding="utf-8")))


def parse_guide(guide_id: str, data: Any) -> Guide:
    """Build a Guide from plain data (as read from YAML) and check it."""
    try:
        guide = Guide(
            id=guide_id,
            title=_text(data, "title"),
            intro=_text(data, "intro"),
            questions=tuple(
                Question(
                    id=_text(q, "id"),
                    question=_text(q, "question"),
                    help=_text(q, "help"),
                    answers=tuple(Answer(_text(a, "id"), _text(a, "label"), _text(a, "next")) for a in q["answers"]),
                )
                for q in data["questions"]
            ),
            recommendations=tuple(
                Recommendation(
                    id=_text(r, "id"),
                    title=_text(r, "title"),
                    summary=_text(r, "summary"),
                    reasons=tuple(_string(reason, "a reason") for reason in r["reasons"]),
                    caveat=_text(r, "caveat"),
                )
                for r in data["recommendations"]
            ),
        )
    except (KeyError, TypeError) as error:
        raise GuideError(f"guide {guide_id!r}: missing or malformed entry {error}") from None
    check_guide(guide)
    return guide


def _text(entry: Any, key: str) -> str:
    return _string(entry[key], f"{key} in {entry!r}")


def _string(value: Any, where: str) -> str:
    # YAML reads a bare yes/no as a boolean: insist on text so such ids fail loudly.
    if not isinstance(value, str) or not value.strip():
        raise GuideError(f"expected non-empty text, got {value!r}: {where}")
    return value.strip()


def check_guide(guide: Guide) -> None:
    """Unique ids, answers that lead somewhere, no loops, nothing unreachable."""
    question_ids = [q.id for q in guide.questions]
    recommendation_ids = [r.id for r in guide.recommendations]
    ids = question_ids + recommendation_ids
    if not guide.questions or not guide.recommendations:
        raise GuideError(f"guide {guide.id!r} needs at least one question and one recommendation")
    if len(set(ids)) != len(ids):
        raise GuideError(f"guide {guide.id!r}: an id is used twice in {ids}")
    for question in guide.questions:
        answer_ids = [a.id for a in question.answers]
        if len(answer_ids) < 2 or len(set(answer_ids)) != len(answer_ids):
            raise GuideError(f"question {question.id!r} needs two or more answers with distinct ids")
        for answer in question.answers:
            if answer.next not in ids:
                raise GuideError(f"answer {answer.id!r} of question {question.id!r} leads to unknown {answer.next!r}")
    reached = {step for steps, end in routes(guide) for step, _ in steps} | {end for _, end in routes(guide)}
    unreachable = [i for i in ids if i not in reached]
    if unreachable:
        raise GuideError(f"guide {guide.id!r}: nothing leads to {unreachable}")


def routes(guide: Guide) -> list[Route]:
    """Every way through the guide, from the first question to a recommendation."""
    found: list[Route] = []

    def walk(question: Question, steps: tuple[tuple[str, str], ...]) -> None:
        if any(question.id == asked for asked, _ in steps):
            raise GuideError(f"guide {guide.id!r} loops back to question {question.id!r}")
        for answer in question.answers:
            taken = (*steps, (question.id, answer.id))
            following = guide.question(answer.next)
            if following is None:
                found.append((taken, answer.next))
            else:
                walk(following, taken)

    walk(guide.questions[0], ())
    return found


def fallback_html(guide: Guide) -> str:
    """The guide as a readable list: every question with where each answer leads, then
    every suggestion with its reasons. decision_guide.js replaces it with the interactive
    guide; without JavaScript, and in print, it is the guide."""
    anchor = {q.id: f"ows-guide-{guide.id}-{q.id}" for q in guide.questions}
    anchor |= {r.id: f"ows-guide-{guide.id}-{r.id}" for r in guide.recommendations}
    number = {q.id: i for i, q in enumerate(guide.questions, start=1)}
    esc = html.escape

    def target(next_id: str) -> str:
        if next_id in number:
            return f'go to <a href="#{anchor[next_id]}">question {number[next_id]}</a>'
        title = next(r.title for r in guide.recommendations if r.id == next_id)
        return f'see the suggestion <a href="#{anchor[next_id]}">{esc(title)}</a>'

    questions = "".join(
        f'<li id="{anchor[q.id]}"><p class="ows-guide-question">{esc(q.question)}</p>'
        f'<p class="ows-help">{esc(q.help)}</p><ul>'
        + "".join(f"<li>{esc(a.label)} Then {target(a.next)}.</li>" for a in q.answers)
        + "</ul></li>"
        for q in guide.questions
    )
    suggestions = "".join(
        f'<li id="{anchor[r.id]}"><p class="ows-guide-question">{esc(r.title)}</p><p>{esc(r.summary)}</p>'
        "<p>Why:</p><ul>" + "".join(f"<li>{esc(reason)}</li>" for reason in r.reasons) + "</ul>"
        f"<p>But: {esc(r.caveat)}</p></li>"
        for r in guide.recommendations
    )
    return (
        f'<div data-guide="{esc(guide.id)}" class="ows-guide">'
        f'<script type="application/json" class="ows-guide-data">{guide.as_json()}</script>'
        f'<p class="ows-guide-title">{esc(guide.title)}</p><p>{esc(guide.intro)}</p>'
        '<p class="ows-note">The interactive guide needs JavaScript. Here are its questions and '
        "suggestions as a list: start at question 1 and follow your answers.</p>"
        f'<p class="ows-guide-part">Questions</p><ol class="ows-guide-list">{questions}</ol>'
        f'<p class="ows-guide-part">Suggestions</p><ul class="ows-guide-list">{suggestions}</ul></div>'
    )
