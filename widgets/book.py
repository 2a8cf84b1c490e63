"""Book-wide chart style and the myst-nb renderer that puts plotly figures in the static book.

In a notebook, plotly shows figures as its own mimetype (JupyterLab draws it). myst-nb
would drop that mimetype, so `BookRenderer` turns it into a placeholder holding the
figure's JSON and a data table; `host.js` draws it with the one vendored plotly.js.
The renderer also leaves out saved ipywidgets state: the book's calculators run on the
kernel-free host, and that state would pull in require.js and a CDN.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"

# Okabe & Ito's palette: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

pio.templates["one_way_street"] = go.layout.Template(
    layout=go.Layout(
        colorway=PALETTE,
        font={"family": "system-ui, sans-serif", "size": 14},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        xaxis={"gridcolor": "rgba(128,128,128,0.25)", "zeroline": False},
        yaxis={"gridcolor": "rgba(128,128,128,0.25)", "zeroline": False},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2},
        margin={"l": 60, "r": 20, "t": 60, "b": 40},
        hoverlabel={"namelength": -1},
    )
)
TEMPLATE = "plotly_white+one_way_street"


def book_figure(figure: go.Figure, *, title: str, source: str) -> go.Figure:
    """Apply the book's style, a short title and a source line (as the subtitle)."""
    return figure.update_layout(
        template=TEMPLATE,
        title={"text": title, "subtitle": {"text": f"Source: {source}", "font": {"size": 12}}},
        margin={"t": 80},
    )


def table_html(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A plain, escaped HTML table; the first cell of each row is its header."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in columns)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{html.escape(str(row[0]))}</th>']
        cells += [f"<td>{html.escape(_cell(value))}</td>" for value in row[1:]]
        body.append(f"<tr>{''.join(cells)}</tr>")
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _values(array: Any) -> list[Any]:
    """A trace's x or y as a list; plotly encodes numpy arrays as base64 ("bdata")."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array) if array is not None else []


def _title(layout: dict[str, Any]) -> str:
    title = layout.get("title", "")
    return str(title.get("text", "") if isinstance(title, dict) else title)


def figure_table(figure: dict[str, Any]) -> str:
    """The numbers behind a figure's x/y traces, one column per trace."""
    traces = [t for t in figure.get("data", []) if "x" in t and "y" in t]
    if not traces:
        return ""
    xs: list[Any] = []
    columns: list[dict[Any, Any]] = []
    for trace in traces:
        x, y = _values(trace["x"]), _values(trace["y"])
        xs += [value for value in x if value not in xs]
        columns.append(dict(zip(x, y)))
    layout = figure.get("layout", {})
    x_title = layout.get("xaxis", {}).get("title", {})
    x_name = x_title.get("text", "x") if isinstance(x_title, dict) else str(x_title or "x")
    names = [t.get("name") or f"series {i + 1}" for i, t in enumerate(traces)]
    rows = [[x] + [column.get(x) for column in columns] for x in xs]
    return table_html([x_name, *names], rows)


def figure_html(figure: dict[str, Any]) -> str:
    """Placeholder the book's host draws, with the data table as its text alternative."""
    spec = {"data": figure.get("data", []), "layout": figure.get("layout", {})}
    # "</" inside a <script> would end it early; JSON allows the escaped form.
    payload = json.dumps(spec, separators=(",", ":")).replace("</", "<\\/")
    title = _title(spec["layout"]) or "Chart"
    table = figure_table(figure)
    details = f"<details><summary>Show the chart's numbers as a table</summary>{table}</details>" if table else ""
    return (
        f'<figure class="ows-figure">'
        f'<div class="ows-plot" role="img" aria-label="{html.escape(title)}: the table below has its numbers"></div>'
        f'<script type="application/json" class="ows-figure-data">{payload}</script>'
        f"{details}</figure>"
    )


class BookRenderer(NbElementRenderer):
    """myst-nb renderer for this book (selected by `nb_render_plugin: book`)."""

    def render_mime_type(self, data: MimeData) -> list[nodes.Element]:
        if data.mime_type == PLOTLY_MIMETYPE:
            return [nodes.raw("", figure_html(data.content), format="html")]
        return super().render_mime_type(data)

    def render_nb_finalise(self, metadata: dict[str, Any]) -> None:
        """Leave out saved widget state (see the module docstring)."""
