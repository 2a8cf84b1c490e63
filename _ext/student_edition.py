"""Sphinx extension: the student edition, the same book without the exercises' solutions.

With OWS_EDITION=student in the environment, sphinx-exercise's `hide_solutions` is set, so
every solution is left out (`make book-student`).
"""

from __future__ import annotations

import os
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config


def student_edition(app: Sphinx, config: Config) -> None:
    if os.environ.get("OWS_EDITION") == "student":
        config.hide_solutions = True


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", student_edition)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
