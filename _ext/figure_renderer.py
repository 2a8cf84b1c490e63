"""The myst-nb renderer that puts plotly figures in the static book.

In a notebook, plotly shows figures as its own mimetype (JupyterLab draws it). myst-nb
would drop that mimetype, so `FigureRenderer` turns it into a placeholder holding the
figure's JSON and a data table; `host.js` draws it with the one vendored plotly.js.
The renderer also leaves out saved ipywidgets state: the book's calculators run on the
kernel-free host, and that state would pull in require.js and a CDN.
"""

from __future__ import annotations

import base64
import html
import json
from typing import Any

import numpy as np
from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

from widgets.tables import table_html

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"


def _values(array: Any) -> list[Any]:
    """A trace's x or y as a list; plotly encodes numpy arrays as base64 ("bdata")."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array) if array is not None else []


def _title(layout: dict[str, Any]) -> str:
    title = layout.get("title", "")
    return str(title.get("text", "") if isinstance(title, dict) else title)


def _axis_title(layout: dict[str, Any], axis: str) -> str:
    title = layout.get(axis, {}).get("title", {})
    return str(title.get("text", axis[0]) if isinstance(title, dict) else title or axis[0])


def _active_option(layout: dict[str, Any]) -> str:
    """The label of the menu choice a figure opens with ("" if it has no menu)."""
    for menu in layout.get("updatemenus", []):
        buttons = menu.get("buttons", [])
        if buttons:
            return str(buttons[menu.get("active", 0)].get("label", ""))
    return ""


def figure_table(figure: dict[str, Any]) -> str:
    """The numbers behind a figure's x/y traces, one column per trace.

    Only the traces drawn when the chart opens are listed (a menu hides the others;
    the table's caption names the menu choice). Horizontal bars are keyed by their
    y (category) values.
    """
    traces = [t for t in figure.get("data", []) if "x" in t and "y" in t and t.get("visible", True) is not False]
    if not traces:
        return ""
    layout = figure.get("layout", {})
    horizontal = all(t.get("orientation") == "h" for t in traces)
    key_axis, value_axis = ("y", "x") if horizontal else ("x", "y")
    keys: list[Any] = []
    columns: list[dict[Any, Any]] = []
    for trace in traces:
        key, value = _values(trace[key_axis]), _values(trace[value_axis])
        keys += [k for k in key if k not in keys]
        # Values are measurements: print whole numbers as floats are, with separators.
        columns.append({k: float(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in zip(key, value)})
    names = [t.get("name") or f"series {i + 1}" for i, t in enumerate(traces)]
    rows = [[k] + [column.get(k) for column in columns] for k in keys]
    option = _active_option(layout)
    caption = f"Numbers for: {option}" if option else ""
    return table_html([_axis_title(layout, f"{key_axis}axis"), *names], rows, caption)


def figure_html(figure: dict[str, Any]) -> str:
    """Placeholder the book's host draws, with the data table as its text alternative."""
    spec = {"data": figure.get("data", []), "layout": figure.get("layout", {})}
    # "</" inside a <script> would end it early; JSON allows the escaped form.
    # Sorted keys: a figure read back from the execution cache prints as a fresh one does.
    payload = json.dumps(spec, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
    title = _title(spec["layout"]) or "Chart"
    table = figure_table(figure)
    details = f"<details><summary>Show the chart's numbers as a table</summary>{table}</details>" if table else ""
    return (
        f'<figure class="ows-figure" aria-label="{html.escape(title)}: the table below has its numbers">'
        f'<div class="ows-plot"></div>'
        f'<script type="application/json" class="ows-figure-data">{payload}</script>'
        f"{details}</figure>"
    )


class FigureRenderer(NbElementRenderer):
    """myst-nb renderer for this book (selected by `nb_render_plugin: ows_figures`)."""

    def render_mime_type(self, data: MimeData) -> list[nodes.Element]:
        if data.mime_type == PLOTLY_MIMETYPE:
            return [nodes.raw("", figure_html(data.content), format="html")]
        return super().render_mime_type(data)

    def render_nb_finalise(self, metadata: dict[str, Any]) -> None:
        """Leave out saved widget state (see the module docstring)."""
