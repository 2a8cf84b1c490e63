"""The book's chart style (template, colours, titles) and chart helpers, used by the notebooks.

Kept free of Sphinx and myst-nb imports: every notebook imports this module, and a kernel
that loads myst-nb's renderer spends seconds importing nbformat's schema validation.
The renderer that puts these figures in the static book is `_ext/figure_renderer.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import plotly.io as pio

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


def style_figure(figure: go.Figure, *, title: str, source: str) -> go.Figure:
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
        {"label": option, "method": "update", "args": [{"visible": [o == option for o in option_of_trace]}]} for option in options
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
