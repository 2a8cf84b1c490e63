"""Decision guides: a few questions whose answers lead to further questions or to a suggestion.

A guide is a YAML file beside the chapter that shows it (the book's is
`chapters/deciding/decision_guide.yml`); its id is the file's name. `load_guide` reads it
into the pydantic models below, which check its shape (keys, non-empty texts, at least two
answers a question), and then `check_guide` checks what a schema cannot: every answer must
lead somewhere that exists, the questions must never loop, and every question and suggestion
must be reachable. `decision_guide.js` walks it in the browser.

A text may quote a calculator's default scenario as `{publication-gap.gap}` (an output or an
input, by the calculator's id and its name): the number is filled in when the guide is read,
as a chapter glues it, so the guide never states a number by hand.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from widgets.content_schema import Entry, Text, parse
from widgets.formatting import format_number


class GuideError(ValueError):
    """A guide file that does not describe a working guide."""


# The shape of a guide file. What a schema cannot say (ids unique, answers lead somewhere,
# no loops, nothing unreachable) is `check_guide`'s job.


class Answer(Entry):
    id: Text
    label: Text
    next: Text  # a question's id or a recommendation's id


class Question(Entry):
    id: Text
    question: Text
    help: Text
    answers: tuple[Answer, ...] = Field(min_length=2)


class Recommendation(Entry):
    id: Text
    title: Text
    summary: Text
    reasons: tuple[Text, ...] = Field(min_length=1)
    caveat: Text


class Guide(Entry):
    id: Text  # the file's name, not a key in it
    title: Text
    intro: Text
    questions: tuple[Question, ...] = Field(min_length=1)  # the first is where every reader starts
    recommendations: tuple[Recommendation, ...] = Field(min_length=1)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def as_json(self) -> str:
        """The guide for the browser; "</" is escaped so it can sit inside a <script>."""
        return self.model_dump_json().replace("</", "<\\/")


Route = tuple[tuple[tuple[str, str], ...], str]  # ((question id, answer id), ...), recommendation id


def load_guide(path: Path | str) -> Guide:
    """Read a guide's YAML file and check it; GuideError says what is wrong, and where."""
    path = Path(path)
    if not path.is_file():
        raise GuideError(f"no guide file {str(path)!r}")
    return parse_guide(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")), source=str(path))


WORKED_NUMBER = re.compile(r"\{([a-z]+(?:-[a-z]+)*)\.([a-z_]+)\}")


def default_number(calculator_id: str, name: str) -> str:
    """A calculator's default input or output `name`, as its page prints it; KeyError if none."""
    from widgets.calculators import CALCULATORS  # the models, only for guides that quote them

    model = CALCULATORS[calculator_id]
    if name in model.DEFAULTS:
        return format_number(model.DEFAULTS[name])
    return model.format_outputs(model.compute())[name]


def fill_numbers(data: Any, where: str) -> Any:
    """`data` with every `{calculator.name}` in its texts replaced by that default number."""
    if isinstance(data, dict):
        return {key: fill_numbers(value, where) for key, value in data.items()}
    if isinstance(data, list):
        return [fill_numbers(item, where) for item in data]
    if not isinstance(data, str):
        return data

    def number(match: re.Match[str]) -> str:
        try:
            return default_number(*match.groups())
        except KeyError:
            raise GuideError(f"{where}: no calculator number {match.group(0)}") from None

    return WORKED_NUMBER.sub(number, data)


def parse_guide(guide_id: str, data: Any, source: str | None = None) -> Guide:
    """Build a Guide from plain data (as read from YAML) and check it.

    Errors name the guide (and ``source``, its file) and the entry: a question, answer or
    recommendation by its id, or by its number if it has none.
    """
    where = f"guide {guide_id!r}" + (f" ({source})" if source else "")
    if not isinstance(data, dict):
        raise GuideError(f"{where}: expected a mapping at the top level")
    if "id" in data:
        raise GuideError(f"{where}: 'id' is the file's name, not a key in it")
    guide = parse(Guide, {"id": guide_id, **fill_numbers(data, where)}, where, GuideError)
    check_guide(guide, where)
    return guide


def check_guide(guide: Guide, where: str | None = None) -> None:
    """Unique ids, answers that lead somewhere, no loops, nothing unreachable."""
    where = where or f"guide {guide.id!r}"
    ids = [q.id for q in guide.questions] + [r.id for r in guide.recommendations]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise GuideError(f"{where}: an id is used twice: {repeated}")
    for question in guide.questions:
        answer_ids = [a.id for a in question.answers]
        if len(set(answer_ids)) != len(answer_ids):
            raise GuideError(f"{where}: question {question.id!r} needs answers with distinct ids; got {answer_ids}")
        for answer in question.answers:
            if answer.next not in ids:
                raise GuideError(f"{where}: answer {answer.id!r} of question {question.id!r} leads to unknown {answer.next!r}")
    found = routes(guide, where)
    reached = {step for steps, _ in found for step, _ in steps} | {end for _, end in found}
    unreachable = [i for i in ids if i not in reached]
    if unreachable:
        raise GuideError(f"{where}: nothing leads to {unreachable}")


def routes(guide: Guide, where: str | None = None) -> list[Route]:
    """Every way through the guide, from the first question to a recommendation."""
    found: list[Route] = []

    def walk(question: Question, steps: tuple[tuple[str, str], ...]) -> None:
        if any(question.id == asked for asked, _ in steps):
            raise GuideError(f"{where or f'guide {guide.id!r}'} loops back to question {question.id!r}")
        for answer in question.answers:
            taken = (*steps, (question.id, answer.id))
            following = guide.question(answer.next)
            if following is None:
                found.append((taken, answer.next))
            else:
                walk(following, taken)

    walk(guide.questions[0], ())
    return found
