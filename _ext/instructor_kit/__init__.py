"""The instructor kit, as one Sphinx extension (`instructor_kit` in _config.yml's local extensions).

- `pathways`: reading paths with each chapter's reading time and the total.
- `workshops` and `plans`: workshop plans from YAML (goals, pre-reading, what to print, a
  timed agenda, the run-sheet) and the recruiter role-play (`roleplay`, `sheets`).
- `short_links` and `qr`: `/go/<name>` redirect pages, and QR codes of them.
- `field_data`: numbers from data/ in workshop texts.
- `deck`, `slides`, `slides_html`, `slides_pptx`, `plan_text`: each workshop's slides, in the
  browser (reveal.js) and as PowerPoint, made from its plan.
- `handouts` and `pdf`: pages that print alone, and their PDFs, printed by the build.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from instructor_kit import field_data, handouts, pathways, pdf, plans, short_links, slides

    for part in (pathways, field_data, short_links, plans, handouts, slides, pdf):
        part.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
