"""Links that open the scorecard filled in (`#rq:name=...&question=answer`), for the chapter's
example links: widgets/share_link.py does the work, for every calculator."""

from __future__ import annotations

from typing import Any

from widgets import share_link


def fragment_for(answers: dict[str, Any], name: str | None = None) -> str:
    """`#rq:name=...&question=answer&...` for the known answers, in question order."""
    return share_link.fragment_for("recruiter-questions", answers, name)
