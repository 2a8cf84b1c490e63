"""Decision guides: a few questions whose answers lead to further questions or to a suggestion.

A guide is a YAML file beside the chapter that shows it (the book's is
`chapters/deciding/decision_guide.yml`); its id is the file's name. `load_guide` reads and
checks it: every answer must lead somewhere that exists, the questions must never loop, and
every question and suggestion must be reachable. `decision_guide.js` walks it in the browser.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

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


def load_guide(path: Path | str) -> Guide:
    """Read a guide's YAML file and check it; GuideError says what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise GuideError(f"no guide file {str(path)!r}")
    return parse_guide(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))


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
