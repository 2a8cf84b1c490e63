"""Workshop plans: goals, pre-reading and a timed agenda, read from a YAML file per workshop.

A workshop is `chapters/instructors/workshops/<id>.yml`. The plan page and the participants' agenda
handout both render from it, so the two never disagree. `load_workshop` checks that the
steps' minutes add up to the workshop's length, so a timing table that does not add up
stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).resolve().parents[2] / "chapters" / "instructors" / "workshops"
AUDIENCES = ("facilitator", "participants")


class WorkshopError(ValueError):
    """A workshop file that does not describe a workable session."""


@dataclass(frozen=True)
class Step:
    minutes: int
    activity: str
    participants: str  # what participants do (MyST), shown to everyone
    facilitator: str  # what the facilitator does and watches for (MyST), plan page only


@dataclass(frozen=True)
class Workshop:
    id: str
    title: str
    length_minutes: int
    goals: tuple[str, ...]
    pre_reading: tuple[str, ...]  # MyST list items, each with one {doc} link
    steps: tuple[Step, ...]

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
    return sorted(path.stem for path in FOLDER.glob("*.yml"))


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise WorkshopError(f"{where}: {key!r} must be non-empty text; got {value!r}")
    return value.strip()


def _texts(raw: dict[str, Any], key: str, where: str, fewest: int, most: int) -> tuple[str, ...]:
    values = raw.get(key)
    if not isinstance(values, list) or not fewest <= len(values) <= most:
        raise WorkshopError(f"{where}: {key!r} must be a list of {fewest} to {most} texts; got {values!r}")
    return tuple(_text({key: value}, key, where) for value in values)


def parse_workshop(workshop_id: str, raw: Any) -> Workshop:
    """A checked Workshop from the YAML's data; WorkshopError names what is wrong."""
    where = f"workshop {workshop_id!r}"
    if not isinstance(raw, dict):
        raise WorkshopError(f"{where}: expected a mapping at the top level")
    length = raw.get("length_minutes")
    if isinstance(length, bool) or not isinstance(length, int) or not 10 <= length <= 480:
        raise WorkshopError(f"{where}: 'length_minutes' must be a whole number from 10 to 480; got {length!r}")
    raw_steps = raw.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise WorkshopError(f"{where}: 'steps' must be a non-empty list")
    steps = []
    for number, step in enumerate(raw_steps, start=1):
        at = f"{where}, step {number}"
        if not isinstance(step, dict):
            raise WorkshopError(f"{at}: expected a mapping")
        minutes = step.get("minutes")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= length:
            raise WorkshopError(f"{at}: 'minutes' must be a whole number from 1 to {length}; got {minutes!r}")
        steps.append(Step(minutes, _text(step, "activity", at), _text(step, "participants", at), _text(step, "facilitator", at)))
    total = sum(step.minutes for step in steps)
    if total != length:
        raise WorkshopError(f"{where}: the steps take {total} minutes, but the workshop is {length} minutes long")
    return Workshop(
        id=workshop_id,
        title=_text(raw, "title", where),
        length_minutes=length,
        goals=_texts(raw, "goals", where, 2, 5),
        pre_reading=_texts(raw, "pre_reading", where, 1, 8),
        steps=tuple(steps),
    )


def load_workshop(workshop_id: str) -> Workshop:
    """Read and check `<workshop_id>.yml`."""
    path = workshop_path(workshop_id)
    if not path.is_file():
        raise WorkshopError(f"no workshop {workshop_id!r}; known: {known_workshops()}")
    return parse_workshop(workshop_id, yaml.safe_load(path.read_text(encoding="utf-8")))
