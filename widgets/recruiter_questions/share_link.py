"""Links that open the scorecard filled in: the Python twin of `fragmentFor` in share_link.js.

The book uses it for example links; the browser tests follow those links, so the two
sides cannot drift apart unnoticed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from widgets.parameters import validate_all
from widgets.recruiter_questions.model import PARAMETERS

FRAGMENT_PREFIX = "#rq:"


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def fragment_for(answers: dict[str, Any], name: str | None = None) -> str:
    """`#rq:name=...&question=answer&...` for the known answers, in question order."""
    valid = validate_all(PARAMETERS, answers)
    parts = [f"name={quote(name, safe='')}"] if name else []
    parts += [f"{p.name}={quote(_text(valid[p.name]), safe='')}" for p in PARAMETERS if valid[p.name] is not None]
    return FRAGMENT_PREFIX + "&".join(parts)
