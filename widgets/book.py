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
    """Apply the book's style, a short title and a source line (as the subtitle).

    Break a long source with "<br>": plotly does not wrap text, and a line much over
    40 characters is cut off on a phone screen. The top margin grows with the lines.
    """
    source_lines = source.count("<br>") + 1
    return figure.update_layout(
        template=TEMPLATE,
        # Pinned to the top left of the whole figure, so a short title fits a phone screen.
        title={
            "text": title,
            "subtitle": {"text": f"Source: {source}", "font": {"size": 12}},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"l": 8, "t": 8},
        },
        margin={"t": max(64 + 16 * source_lines, figure.layout.margin.t or 0)},
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


def labels_above_bars(figure: go.Figure, gap: float = 0.45) -> go.Figure:
    """Write each category of a horizontal bar chart above its bars, not beside them.

    Long category names beside the bars leave them little room on a phone screen;
    above the bars they can use the chart's full width. Categories run top to bottom
    in the order the traces first list them. ``gap`` is the share of each category's
    band left free for its label.
    """
    categories = list(dict.fromkeys(c for trace in figure.data for c in trace.y))
    figure.update_yaxes(showticklabels=False, autorange="reversed")
    figure.update_layout(bargap=gap)
    for index, category in enumerate(categories):
        figure.add_annotation(
            text=str(category),
            xref="paper",
            x=0,
            xanchor="left",
            y=index - (1 - gap) / 2,  # the top edge of the category's bars
            yanchor="bottom",
            showarrow=False,
        )
    return figure


def add_menu(figure: go.Figure, option_of_trace: Sequence[str], active: str) -> go.Figure:
    """A drop-down menu that shows one option's traces at a time.

    ``option_of_trace[i]`` is the menu choice trace i belongs to. Each choice is a plotly
    "update" button that toggles trace visibility, which plotly.js does by itself, so the
    menu works in the static book without a kernel.
    """
    if len(option_of_trace) != len(figure.data):
        raise ValueError(f"option_of_trace has {len(option_of_trace)} entries for {len(figure.data)} traces")
    options = list(dict.fromkeys(option_of_trace))
    if active not in options:
        raise ValueError(f"active must be one of {options}; got {active!r}")
    for trace, option in zip(figure.data, option_of_trace):
        trace.visible = option == active
    buttons = [
        {"label": option, "method": "update", "args": [{"visible": [o == option for o in option_of_trace]}]}
        for option in options
    ]
    menu = {
        "buttons": buttons,
        "active": options.index(active),
        "direction": "down",
        "showactive": True,
        "x": 0,
        "xanchor": "left",
        "y": 1.02,
        "yanchor": "bottom",
        "pad": {"t": 0, "b": 4},
    }
    return figure.update_layout(updatemenus=[menu])


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


class BookRenderer(NbElementRenderer):
    """myst-nb renderer for this book (selected by `nb_render_plugin: book`)."""

    def render_mime_type(self, data: MimeData) -> list[nodes.Element]:
        if data.mime_type == PLOTLY_MIMETYPE:
            return [nodes.raw("", figure_html(data.content), format="html")]
        return super().render_mime_type(data)

    def render_nb_finalise(self, metadata: dict[str, Any]) -> None:
        """Leave out saved widget state (see the module docstring)."""
