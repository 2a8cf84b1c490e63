"""Workshop plans: goals, pre-reading and a timed agenda, read from a YAML file per workshop.

A workshop is `chapters/instructors/workshops/<id>.yml`. The plan page and the participants' agenda
handout both render from it, so the two never disagree. The pydantic models below check the
file's shape (keys, non-empty texts, two to five goals, minutes in range); `parse_workshop`
then checks that the steps' minutes add up to the workshop's length, so a timing table that
does not add up stops the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import Field, Strict

from widgets.content_schema import Entry, Minutes, Text, parse

FOLDER = Path(__file__).resolve().parents[2] / "chapters" / "instructors" / "workshops"
AUDIENCES = ("facilitator", "participants")


class WorkshopError(ValueError):
    """A workshop file that does not describe a workable session."""


# The shape of a workshop file; that the steps fill the session exactly is `parse_workshop`'s check.


class Step(Entry):
    minutes: Minutes
    activity: Text
    participants: Text  # what participants do (MyST), shown to everyone
    facilitator: Text  # what the facilitator does and watches for (MyST), plan page only


class Workshop(Entry):
    id: Text  # the file's name, not a key in it
    title: Text
    length_minutes: Annotated[int, Strict(), Field(ge=10, le=480)]
    goals: tuple[Text, ...] = Field(min_length=2, max_length=5)
    pre_reading: tuple[Text, ...] = Field(min_length=1, max_length=8)  # MyST list items, each with one {doc} link
    steps: tuple[Step, ...] = Field(min_length=1)

    def starts(self) -> list[int]:
        """Minute at which each step starts, from 0."""
        starts, elapsed = [], 0
        for step in self.steps:
            starts.append(elapsed)
            elapsed += step.minutes
        return starts


def clock(minutes: int) -> str:
    """Minutes from the start as a clock reading: 95 -> "1:35"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def workshop_path(workshop_id: str) -> Path:
    return FOLDER / f"{workshop_id}.yml"


def known_workshops() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.yml") if path.stem != "roleplay")


def parse_workshop(workshop_id: str, raw: Any, source: str | None = None) -> Workshop:
    """A checked Workshop from the YAML's data; WorkshopError names the file and the entry."""
    where = f"workshop {workshop_id!r}" + (f" ({source})" if source else "")
    if not isinstance(raw, dict):
        raise WorkshopError(f"{where}: expected a mapping at the top level")
    if "id" in raw:
        raise WorkshopError(f"{where}: 'id' is the file's name, not a key in it")
    workshop = parse(Workshop, {"id": workshop_id, **raw}, where, WorkshopError)
    total = sum(step.minutes for step in workshop.steps)
    if total != workshop.length_minutes:
        raise WorkshopError(
            f"{where}: the steps take {total} minutes, but the workshop is {workshop.length_minutes} minutes long"
        )
    return workshop


def load_workshop(workshop_id: str) -> Workshop:
    """Read and check `<workshop_id>.yml`."""
    path = workshop_path(workshop_id)
    if not path.is_file():
        raise WorkshopError(f"no workshop {workshop_id!r}; known: {known_workshops()}")
    return parse_workshop(workshop_id, yaml.safe_load(path.read_text(encoding="utf-8")), source=str(path))
