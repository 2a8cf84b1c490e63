"""Links that open a calculator with a scenario: the Python twin of `fragmentFor` in share_link.js.

The book writes example links with it, and the browser tests follow links made here, so
the two sides cannot drift apart unnoticed. A fragment is the calculator's prefix (its
model's SHARE_PREFIX, e.g. "#pg:") and `name=value` parts for the known inputs.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from widgets.calculators import CALCULATORS
from widgets.parameters import validate_all


def _text(value: Any) -> str:
    """A value as JavaScript's String() writes it: 5, 0.5, "no"."""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def fragment_for(calculator_id: str, inputs: dict[str, Any], name: str | None = None) -> str:
    """`#pg:years=5&...`: the known inputs (validated, in declaration order), after an optional name."""
    model = CALCULATORS[calculator_id]
    valid = validate_all(model.PARAMETERS, inputs)
    parts = [f"name={quote(name, safe='')}"] if name else []
    parts += [f"{p.name}={quote(_text(valid[p.name]), safe='')}" for p in model.PARAMETERS if valid[p.name] is not None]
    return model.SHARE_PREFIX + "&".join(parts)
