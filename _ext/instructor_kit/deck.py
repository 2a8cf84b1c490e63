"""A workshop's slide deck, as data: the slides HTML (`slides_html.py`) and the PowerPoint
file (`slides_pptx.py`) both write this list, so the two decks never differ.

The deck is made from the plan alone: a title slide, the agenda, then one slide per step in
order (its time, its minutes, what participants do, its short links), with the argument's
eight slides (`workshops/argument.yml`) after the step that asks for them. Each slide's
speaker notes are what the facilitator says and does.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml
from pydantic import Field

from instructor_kit.workshops import FOLDER, Name, Workshop, WorkshopError, clock
from widgets.content_schema import Entry, Text, parse

ARGUMENT_PATH = FOLDER / "argument.yml"


class ArgumentSlide(Entry):
    title: Text
    points: tuple[Text, ...] = Field(min_length=1, max_length=4)
    notes: Text
    links: tuple[Name, ...] = ()
    source: Text | None = None


class Argument(Entry):
    slides: tuple[ArgumentSlide, ...] = Field(min_length=6, max_length=10)


class Slide(NamedTuple):
    kind: str  # "title", "agenda", "step" or "argument"
    title: str
    body: tuple[str, ...]  # paragraphs (plan texts, MyST)
    notes: tuple[str, ...]  # speaker notes (plan texts)
    links: tuple[str, ...] = ()  # short links, shown with their QR codes
    step: int | None = None  # the step's number in the plan, from 1
    start: int | None = None  # the step's start, in minutes from the beginning
    minutes: int | None = None
    source: str | None = None

    def timing(self) -> str:
        """ "0:13–0:16 · 3 minutes", for a step's slide."""
        if self.step is None:
            return ""
        end = self.start + self.minutes
        return f"{clock(self.start)}–{clock(end)} · {self.minutes} minute{'s' if self.minutes != 1 else ''}"


def load_argument() -> Argument:
    raw = yaml.safe_load(ARGUMENT_PATH.read_text(encoding="utf-8"))
    return parse(Argument, raw, f"argument slides ({ARGUMENT_PATH})", WorkshopError)


def deck(workshop: Workshop, argument: Argument, agenda_link: str) -> list[Slide]:
    """Every slide of the workshop's deck, in order. `agenda_link` is the short link to the
    participants' agenda, shown on the title slide."""
    slides = [
        Slide(
            "title",
            workshop.title,
            ("One-way street? A career workshop on industry, postdoc and faculty careers.",),
            (f"Before you start: {workshop.you_need}", *(f"Goal: {goal}" for goal in workshop.goals)),
            links=(agenda_link,),
        ),
        Slide(
            "agenda",
            "Today",
            tuple(f"{clock(start)} {step.label()}" for start, step in zip(workshop.starts(), workshop.steps)),
            ("Nobody has to share their own plans, offers or circumstances; every scenario is invented.",),
        ),
    ]
    for number, (start, step) in enumerate(zip(workshop.starts(), workshop.steps), start=1):
        slides.append(
            Slide(
                "step",
                step.label(),
                (step.participants,),
                (f"Say: {step.say}", step.facilitator),
                step.links,
                number,
                start,
                step.minutes,
            )
        )
        if step.slides == "argument":
            slides += [Slide("argument", s.title, s.points, (s.notes,), s.links, source=s.source) for s in argument.slides]
    return slides
