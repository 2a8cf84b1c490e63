"""The decision guide as a Jupyter widget: the book's front end (`decision_guide.js`) in a notebook."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.book_output import GUIDE_MIMETYPE
from widgets.decision_guide.guide import load_guide

HERE = Path(__file__).resolve().parent


class DecisionGuide(anywidget.AnyWidget):
    """A decision guide read from its YAML file, clicked through in the notebook.

    >>> DecisionGuide("decision_guide.yml")   # the file beside the notebook
    """

    _esm = HERE / "decision_guide.js"
    _css = HERE / "decision_guide.css"
    guide = traitlets.Dict().tag(sync=True)

    def __init__(self, path: str | Path, **kwargs: Any) -> None:
        self.path = Path(path)  # as given: relative to the notebook, which the book resolves too
        # The same JSON the book embeds in its page.
        super().__init__(guide=json.loads(load_guide(self.path).as_json()), **kwargs)

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
        # Beside the live view, what the book draws in its place (widgets/book_output.py).
        mimebundle = super()._repr_mimebundle_(**kwargs)
        if mimebundle is not None:
            mimebundle[0][GUIDE_MIMETYPE] = {"guide": self.path.as_posix()}
        return mimebundle
