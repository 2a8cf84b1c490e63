"""Pydantic building blocks for the book's YAML content files, and readable errors.

The decision guide (`widgets.decision_guide.guide`), the workshop plans and the role-play
(`_ext/instructor_kit`) declare their files' shape as pydantic models built from these
pieces: which keys are required, their types, non-empty text, list lengths, number ranges.
What a schema cannot say (answers lead to existing questions, minutes add up) stays in each
module's own checks. `parse` turns pydantic's errors into one message per problem that names
the file and the entry, e.g. ``guide 'decision_guide': question 'interest', answer 2, 'id':
must be non-empty text; got True``.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
)

# Text, stripped, not empty. Strict: YAML reads a bare yes, no or 12 as a boolean or a
# number, and such a value must fail loudly rather than become "True".
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
# A whole number of minutes (strict: not a boolean, not "10").
Minutes = Annotated[int, Strict(), Field(ge=1, le=480)]


class Entry(BaseModel):
    """An entry of a content file: immutable, and an unknown key is an error (a typo)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


Model = TypeVar("Model", bound=BaseModel)

# How an item of a list is named in a message: "steps" -> "step 3".
_ITEM_NAMES = {"pre_reading": "pre-reading item", "reasons": "reason", "goals": "goal"}


def parse(model: type[Model], data: Any, where: str, error: type[Exception]) -> Model:
    """``model`` validated from ``data``, or ``error`` with every problem on its own line."""
    try:
        return model.model_validate(data)
    except ValidationError as invalid:
        raise error("\n".join(f"{where}: {problem}" for problem in problems(invalid, data))) from None


def problems(invalid: ValidationError, data: Any) -> list[str]:
    return [f"{_place(found['loc'], data)}{_what(found)}" for found in invalid.errors()]


def _place(loc: tuple[Any, ...], data: Any) -> str:
    """'question 'interest', answer 2, 'id': ' for loc ("questions", 0, "answers", 1, "id")."""
    parts: list[str] = []
    node, key = data, None
    for step in loc:
        if isinstance(step, int) and isinstance(key, str):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            name = _ITEM_NAMES.get(key, key.removesuffix("s"))
            label = item.get("id") if isinstance(item, dict) else None
            parts[-1] = f"{name} {label!r}" if isinstance(label, str) and label.strip() else f"{name} {step + 1}"
            node = item
        else:
            parts.append(repr(step))
            node = node.get(step) if isinstance(node, dict) else None
        key = step
    return ", ".join(parts) + ": " if parts else ""


def _what(found: Any) -> str:
    kind, got = found["type"], found.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a key this file may have"
    if kind in ("string_type", "string_too_short"):
        return f"must be non-empty text; got {got!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number; got {got!r}"
    if kind == "model_type":
        return f"must be a mapping of keys to values; got {got!r}"
    limits = found.get("ctx", {})
    if kind == "too_short":
        return f"needs at least {_items(limits['min_length'])}; got {limits['actual_length']}"
    if kind == "too_long":
        return f"may have at most {_items(limits['max_length'])}; got {limits['actual_length']}"
    if kind == "greater_than_equal":
        return f"must be {limits['ge']} or more; got {got!r}"
    if kind == "less_than_equal":
        return f"must be {limits['le']} or less; got {got!r}"
    return f"{found['msg'][0].lower()}{found['msg'][1:]}; got {got!r}"


def _items(count: int) -> str:
    return f"{count} item" + ("" if count == 1 else "s")
