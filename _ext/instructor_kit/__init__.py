"""The instructor kit, as one Sphinx extension (`instructor_kit` in _config.yml's local extensions).

- `pathways`: reading paths with each chapter's reading time and the total.
- `workshops` and `plans`: workshop plans from YAML (goals, pre-reading, timed agenda)
  and the recruiter role-play (`roleplay`, `sheets`).
- `handouts` and `pdf`: pages that print alone, and their PDFs, printed by the build.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from instructor_kit import handouts, pathways, pdf, plans

    for part in (pathways, plans, handouts, pdf):
        part.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
