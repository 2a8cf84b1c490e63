"""Workshop plans: goals, pre-reading, what to print and a timed agenda, read from a YAML file
per workshop.

A workshop is `chapters/instructors/workshops/<id>.yml`. The plan page, the participants'
agenda, the run-sheet and the slides all render from it, so they never disagree. The pydantic
models below check the file's shape (keys, non-empty texts, two to five goals, minutes in
range); `parse_workshop` then checks what a schema cannot say: the steps' minutes add up to
the workshop's length, and every handout or role card a step uses is on the list to print.
`check_references` checks the names a plan uses against what the book has (pages, handouts,
short links, role cards); the build and the tests both call it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, Strict, StringConstraints

from widgets.content_schema import Entry, Minutes, Text, parse

FOLDER = Path(__file__).resolve().parents[2] / "chapters" / "instructors" / "workshops"
NOT_PLANS = ("roleplay", "short_links", "argument")  # the other files in FOLDER
ROLE_CARDS = "role-cards"  # the handout that holds the role-play cards, one card per page

# A short link's or a handout's name: lower-case words joined by hyphens.
Name = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
CardId = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Z]$")]

# Roles a plan's texts may use; plan_text.py renders them outside Sphinx too (slides).
DOC_ROLE = re.compile(r"\{doc\}`(?:[^`<]*<)?(?P<target>[^`>]+)>?`")
GO_ROLE = re.compile(r"\{go\}`(?P<name>[^`]+)`")
# "card A", "cards B or C", "cards A, B and D": the role cards a text names.
CARD_MENTION = re.compile(r"\bcards? (?P<ids>[A-Z](?:(?:, | and | or )[A-Z])*)\b")


class WorkshopError(ValueError):
    """A workshop file that does not describe a workable session."""


class Step(Entry):
    minutes: Minutes
    activity: Text
    part: Text | None = None  # consecutive steps of one activity ("Recruiter role-play")
    say: Text  # what the facilitator says at the switch to this step: the run-sheet's line
    participants: Text  # what participants do (MyST), on the agenda, the plan and the slide
    facilitator: Text  # what the facilitator does and watches for (MyST): the plan and the speaker notes
    slides: Literal["argument"] | None = None  # the argument's slides follow this step's slide
    links: tuple[Name, ...] = ()  # short links the step sends people to (slide: address and QR code)
    handouts: tuple[Name, ...] = ()  # handouts the step uses
    cards: tuple[CardId, ...] = ()  # role cards the step uses

    def label(self) -> str:
        """The step's name in a timeline: "Recruiter role-play: first call"."""
        return f"{self.part}: {self.activity[0].lower()}{self.activity[1:]}" if self.part else self.activity


class Printout(Entry):
    handout: Name
    copies: Text  # "one per participant"
    cards: tuple[CardId, ...] = ()  # for the role cards: which cards (one per page) to print


class Workshop(Entry):
    id: Text  # the file's name, not a key in it
    title: Text
    length_minutes: Annotated[int, Strict(), Field(ge=10, le=480)]
    you_need: Text
    plan_link: Name  # the short links to this plan's page, its participants' agenda and its slides
    agenda_link: Name
    slides_link: Name
    goals: tuple[Text, ...] = Field(min_length=2, max_length=5)
    pre_reading: tuple[Text, ...] = Field(min_length=1, max_length=8)  # MyST list items, each with one {doc} link
    print: tuple[Printout, ...] = Field(min_length=1)
    steps: tuple[Step, ...] = Field(min_length=1)

    def starts(self) -> list[int]:
        """Minute at which each step starts, from 0."""
        starts, elapsed = [], 0
        for step in self.steps:
            starts.append(elapsed)
            elapsed += step.minutes
        return starts

    def texts(self) -> Iterator[tuple[str, str]]:
        """(where, text) for every MyST text in the plan."""
        for number, goal in enumerate(self.goals, start=1):
            yield f"goal {number}", goal
        for number, item in enumerate(self.pre_reading, start=1):
            yield f"pre-reading item {number}", item
        yield "'you_need'", self.you_need
        for number, step in enumerate(self.steps, start=1):
            for key in ("say", "participants", "facilitator"):
                yield f"step {number} ({step.activity}), {key!r}", getattr(step, key)

    def links(self) -> list[str]:
        """Every short link the plan uses, in order of first use."""
        found = [self.plan_link, self.agenda_link, self.slides_link] + [name for step in self.steps for name in step.links]
        found += [m["name"] for _, text in self.texts() for m in GO_ROLE.finditer(text)]
        return list(dict.fromkeys(found))

    def cards(self) -> tuple[str, ...]:
        """The role cards the plan prints."""
        return next((item.cards for item in self.print if item.handout == ROLE_CARDS), ())

    def part_minutes(self, part: str) -> int:
        return sum(step.minutes for step in self.steps if step.part == part)


def clock(minutes: int) -> str:
    """Minutes from the start as a clock reading: 95 -> "1:35"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def workshop_path(workshop_id: str) -> Path:
    return FOLDER / f"{workshop_id}.yml"


def known_workshops() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.yml") if path.stem not in NOT_PLANS)


def _checks(workshop: Workshop) -> Iterator[str]:
    total = sum(step.minutes for step in workshop.steps)
    if total != workshop.length_minutes:
        yield f"the steps take {total} minutes, but the workshop is {workshop.length_minutes} minutes long"
    printed = {item.handout for item in workshop.print}
    for number, step in enumerate(workshop.steps, start=1):
        for handout in step.handouts:
            if handout not in printed:
                yield f"step {number} uses the handout {handout!r}, which 'print' does not list"
        for card in step.cards:
            if card not in workshop.cards():
                yield f"step {number} uses role card {card}, which 'print' does not list"
    for where, text in workshop.texts():
        for mention in CARD_MENTION.finditer(text):
            for card in re.findall(r"[A-Z]", mention["ids"]):
                if card not in workshop.cards():
                    yield f"{where} names role card {card}, which 'print' does not list"
    parts = [step.part for step in workshop.steps if step.part]
    for part in set(parts):
        runs = [i for i, step in enumerate(workshop.steps) if step.part == part]
        if runs != list(range(runs[0], runs[-1] + 1)):
            yield f"the steps of {part!r} are not consecutive"


def parse_workshop(workshop_id: str, raw: Any, source: str | None = None) -> Workshop:
    """A checked Workshop from the YAML's data; WorkshopError names the file and the entry."""
    where = f"workshop {workshop_id!r}" + (f" ({source})" if source else "")
    if not isinstance(raw, dict):
        raise WorkshopError(f"{where}: expected a mapping at the top level")
    if "id" in raw:
        raise WorkshopError(f"{where}: 'id' is the file's name, not a key in it")
    workshop = parse(Workshop, {"id": workshop_id, **raw}, where, WorkshopError)
    problems = list(_checks(workshop))
    if problems:
        raise WorkshopError("\n".join(f"{where}: {problem}" for problem in problems))
    return workshop


def load_workshop(workshop_id: str) -> Workshop:
    """Read and check `<workshop_id>.yml`."""
    path = workshop_path(workshop_id)
    if not path.is_file():
        raise WorkshopError(f"no workshop {workshop_id!r}; known: {known_workshops()}")
    return parse_workshop(workshop_id, yaml.safe_load(path.read_text(encoding="utf-8")), source=str(path))


def check_references(workshop: Workshop, *, pages: set[str], handouts: set[str], links: set[str], cards: set[str]) -> list[str]:
    """What a plan names that the book does not have: pages ({doc}), handouts, short links
    and role cards. Empty when every reference resolves."""
    problems = []
    for where, text in workshop.texts():
        for match in DOC_ROLE.finditer(text):
            if match["target"].lstrip("/") not in pages:
                problems.append(f"{where} links the page {match['target']!r}, which the book does not have")
    for name in workshop.links():
        if name not in links:
            problems.append(f"the short link {name!r} does not exist")
    for item in workshop.print:
        if item.handout not in handouts:
            problems.append(f"'print' lists the handout {item.handout!r}, which does not exist")
    for card in workshop.cards():
        if card not in cards:
            problems.append(f"'print' lists role card {card}, which the role-play does not have")
    return [f"workshop {workshop.id!r}: {problem}" for problem in problems]
