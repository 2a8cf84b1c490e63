"""Calculator parameters: one declaration feeds validation, the forms and the JS defaults.

Each calculator declares its inputs as a tuple of `Parameter`. Python validates with
`validate`; `widgets.generate` writes the same declarations into a JS module, so the
browser shows the same labels, ranges, defaults and error messages.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Parameter:
    """One numeric input of a calculator."""

    name: str
    label: str
    minimum: float
    maximum: float
    default: float
    step: float = 1.0
    integer: bool = False
    unit: str = ""
    help: str = ""

    def range_text(self) -> str:
        """The allowed range in words, used in every error message (Python and JS)."""
        kind = "a whole number" if self.integer else "a number"
        return f"{kind} from {_plain(self.minimum)} to {_plain(self.maximum)}"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "range_text": self.range_text()}


def _plain(x: float) -> str:
    """Write 3.0 as "3" and 0.5 as "0.5", as people do."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def validate(parameter: Parameter, value: Any) -> float:
    """Return `value` as a number inside the parameter's range, or raise ValueError."""
    message = f"{parameter.name} must be {parameter.range_text()}; got {value!r}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(message)
    if not math.isfinite(value) or not parameter.minimum <= value <= parameter.maximum:
        raise ValueError(message)
    if parameter.integer:
        if not float(value).is_integer():
            raise ValueError(message)
        return int(value)
    return float(value)


def validate_all(parameters: tuple[Parameter, ...], values: dict[str, Any]) -> dict[str, float]:
    """Validate a full set of inputs; unknown names are an error too."""
    known = {p.name for p in parameters}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; expected {sorted(known)}")
    return {p.name: validate(p, values.get(p.name, p.default)) for p in parameters}
