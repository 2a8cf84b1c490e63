"""Calculator parameters: one declaration feeds validation, the forms and the JS defaults.

Each calculator declares its inputs as a tuple of parameters: `Parameter` for a number,
`Choice` for one of a few answers. Python validates with `validate`; `widgets.generate`
writes the same declarations into a JS module, so the browser shows the same labels,
ranges, answers, defaults and error messages.

A parameter declared `optional` may be left unanswered: Python uses None for that, the
browser an empty field (or the select's "unknown" option).
"""

from __future__ import annotations

import functools
import json
import math
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar

# The figures from data/ that defaults rest on, written by `python -m widgets.generate`
# (widgets/calculator_anchors.py computes them; an installed package has no data/ to read).
ANCHORS_FILE = Path(__file__).resolve().parent / "anchors.json"


@functools.cache
def _anchors() -> dict[str, dict[str, Any]]:
    return json.loads(ANCHORS_FILE.read_text(encoding="utf-8"))


def anchor(name: str) -> dict[str, Any]:
    """One anchor from anchors.json (see widgets/calculator_anchors.py)."""
    return _anchors()[name]


@dataclass(frozen=True)
class Evidence:
    """What the book's data says about one input, as one short line with a citation link.

    `low` to `high` is the range the data supports (a point if they are equal): the
    default must lie in it (a test checks). Without a range the value is illustrative.
    """

    text: str
    low: float | None = None
    high: float | None = None
    source: str = ""  # the link's words
    url: str = ""

    @property
    def illustrative(self) -> bool:
        return self.low is None or self.high is None

    def covers(self, value: float) -> bool:
        """Whether `value` lies in the supported range (always False when illustrative)."""
        return not self.illustrative and self.low - 1e-12 <= value <= self.high + 1e-12


ILLUSTRATIVE = Evidence("No source; illustrative.")


@dataclass(frozen=True)
class Parameter:
    """One numeric input of a calculator."""

    name: str
    label: str
    minimum: float
    maximum: float
    default: float | None
    step: float = 1.0
    integer: bool = False
    unit: str = ""
    help: str = ""
    optional: bool = False
    evidence: Evidence | None = None  # every calculator input has one (a test checks)

    kind: ClassVar[str] = "number"

    def range_text(self) -> str:
        """The allowed range in words, used in every error message (Python and JS)."""
        kind = "a whole number" if self.integer else "a number"
        return f"{kind} from {_plain(self.minimum)} to {_plain(self.maximum)}"

    def validate(self, value: Any) -> float | None:
        """`value` as a number inside the range (None if optional and unanswered), or ValueError."""
        if value is None and self.optional:
            return None
        unknown = ", or None for unknown" if self.optional else ""
        message = f"{self.name} must be {self.range_text()}{unknown}; got {value!r}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(message)
        if not math.isfinite(value) or not self.minimum <= value <= self.maximum:
            raise ValueError(message)
        if self.integer:
            if not float(value).is_integer():
                raise ValueError(message)
            return int(value)
        return float(value)

    def sample(self, rng: random.Random) -> float | None:
        """A random value on the steps a reader can type (for the test vectors)."""
        if self.optional and rng.random() < UNANSWERED_SHARE:
            return None
        steps = round((self.maximum - self.minimum) / self.step)
        value = self.minimum + rng.randint(0, steps) * self.step
        return int(value) if self.integer else round(value, 6)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind, "range_text": self.range_text()}


@dataclass(frozen=True)
class Answer:
    """One allowed answer of a `Choice`: the value code uses and the words readers see."""

    value: str
    label: str


@dataclass(frozen=True)
class Choice:
    """One input answered by picking from a few answers.

    `answers` are ordered from the most to the least favourable (the calculator's own
    sense of favourable), so a model can score an answer by its position.
    """

    name: str
    label: str
    answers: tuple[Answer, ...]
    default: str | None = None
    help: str = ""
    optional: bool = False

    kind: ClassVar[str] = "choice"

    def __post_init__(self) -> None:
        values = self.values()
        if len(values) < 2 or len(set(values)) != len(values):
            raise ValueError(f"{self.name}: a choice needs two or more distinct answers; got {values}")
        if self.default is not None and self.default not in values:
            raise ValueError(f"{self.name}: default {self.default!r} is not one of {values}")

    def values(self) -> tuple[str, ...]:
        return tuple(answer.value for answer in self.answers)

    def range_text(self) -> str:
        """The allowed answers in words, used in every error message (Python and JS)."""
        quoted = [f"'{value}'" for value in self.values()]
        return f"one of {', '.join(quoted[:-1])} or {quoted[-1]}"

    def rank(self, value: str) -> int:
        """Position of an answer: 0 is the most favourable."""
        return self.values().index(value)

    def validate(self, value: Any) -> str | None:
        """`value` if it is an allowed answer (None if optional and unanswered), or ValueError."""
        if value is None and self.optional:
            return None
        if isinstance(value, str) and value in self.values():
            return value
        unknown = ", or None for unknown" if self.optional else ""
        raise ValueError(f"{self.name} must be {self.range_text()}{unknown}; got {value!r}")

    def sample(self, rng: random.Random) -> str | None:
        """A random answer, or None now and then if optional (for the test vectors)."""
        if self.optional and rng.random() < UNANSWERED_SHARE:
            return None
        return rng.choice(self.values())

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind, "range_text": self.range_text()}


AnyParameter = Parameter | Choice


@dataclass(frozen=True)
class Preset:
    """A named scenario for the preset menu: a value for every input, and a sentence saying
    where the values come from. `field` names the field of study it stands for, if any."""

    id: str
    label: str
    values: dict[str, Any]
    note: str
    field: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# How often a random test vector leaves an optional input unanswered.
UNANSWERED_SHARE = 0.2


def _plain(x: float) -> str:
    """Write 3.0 as "3" and 0.5 as "0.5", as people do."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def fields_without_data(with_data: tuple[str, ...] = ()) -> list[str]:
    """The fields of study the book has data on elsewhere, less those a calculator's presets
    cover: its preset menu says "no data for this field" for each."""
    fields = anchor("fields")
    return [label for label in fields["labels"] if label not in with_data]


def validate(parameter: AnyParameter, value: Any) -> Any:
    """Return `value` checked against the parameter (see each kind's `validate`), or raise ValueError."""
    return parameter.validate(value)


def validate_all(parameters: tuple[AnyParameter, ...], values: dict[str, Any]) -> dict[str, Any]:
    """Validate a full set of inputs; unknown names are an error too."""
    known = {p.name for p in parameters}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; expected {sorted(known)}")
    return {p.name: validate(p, values.get(p.name, p.default)) for p in parameters}
