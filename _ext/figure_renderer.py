"""The myst-nb renderer that puts plotly figures, calculators and decision guides in the static book.

In a notebook, plotly shows figures as its own mimetype (JupyterLab draws it). myst-nb
would drop that mimetype, so `FigureRenderer` turns it into a placeholder holding the
figure's JSON and a data table; `host.js` draws it with the one vendored plotly.js.

A chapter places a calculator or a decision guide with a code cell that shows the widget
(`PublicationGap()`, `DecisionGuide("decision_guide.yml")`). Beside the widget view, its
output carries a small mimetype of ours (widgets/book_output.py), which `_config.yml` makes
the html builder prefer: the renderer writes the calculator's root element with the cell's
scenario (results and table inside), or the guide's questions and suggestions as a list,
so a printout, a reader without JavaScript or a screen reader still gets them, and
`host.js` brings them to life.

The renderer also leaves out saved ipywidgets state: the book's calculators run on the
kernel-free host, and that state would pull in require.js and a CDN.
"""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any

import numpy as np
from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

from widgets.book_output import CALCULATOR_MIMETYPE, GUIDE_MIMETYPE
from widgets.calculators import CALCULATORS, VIEW_STATE
from widgets.decision_guide.guide import Guide, GuideError, load_guide
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


def fallback_html(calculator_id: str, inputs: dict[str, Any] | None = None) -> str:
    """A scenario's results as static HTML (replaced when the calculator runs): the default
    scenario, or the one set by `inputs` (those that differ from the defaults), which the
    root also carries (`data-inputs`) for host.js to start from."""
    model = CALCULATORS[calculator_id]
    scenario = {**model.DEFAULTS, **(inputs or {})}
    described = "the scenario this page sets" if inputs else "the default scenario"
    started = f' data-inputs="{html.escape(json.dumps(inputs, sort_keys=True))}"' if inputs else ""
    formatted = model.format_outputs(model.compute(**scenario))
    items = "".join(
        f'<div class="ows-output"><dt>{html.escape(label)}</dt><dd data-output="{name}">{html.escape(formatted[name])}</dd></div>'
        for name, label in model.OUTPUT_LABELS.items()
    )
    labelled = model.table(**scenario)  # the same labels and cells as the JS table
    table = table_html(labelled.columns, labelled.rows, labelled.caption)
    state = "".join(  # constant markup the view reads; a template is inert without JavaScript
        f'<template data-view-state="{name}">{markup}</template>' for name, markup in VIEW_STATE.get(calculator_id, {}).items()
    )
    return (
        f'<div data-calculator="{calculator_id}"{started} class="ows-calculator">'
        f'<p class="ows-note">The interactive calculator needs JavaScript. These are the results '
        f"for {described}, whose values are illustrative.</p>"
        f'<dl class="ows-outputs">{items}</dl>{table}{state}</div>'
    )


def guide_fallback_html(guide: Guide) -> str:
    """The guide as a readable list: every question with where each answer leads, then
    every suggestion with its reasons. decision_guide.js replaces it with the interactive
    guide; without JavaScript, and in print, it is the guide."""
    anchor = {q.id: f"ows-guide-{guide.id}-{q.id}" for q in guide.questions}
    anchor |= {r.id: f"ows-guide-{guide.id}-{r.id}" for r in guide.recommendations}
    number = {q.id: i for i, q in enumerate(guide.questions, start=1)}
    esc = html.escape

    def target(next_id: str) -> str:
        if next_id in number:
            return f'go to <a href="#{anchor[next_id]}">question {number[next_id]}</a>'
        title = next(r.title for r in guide.recommendations if r.id == next_id)
        return f'see the suggestion <a href="#{anchor[next_id]}">{esc(title)}</a>'

    questions = "".join(
        f'<li id="{anchor[q.id]}"><p class="ows-guide-question">{esc(q.question)}</p>'
        f'<p class="ows-help">{esc(q.help)}</p><ul>'
        + "".join(f"<li>{esc(a.label)} Then {target(a.next)}.</li>" for a in q.answers)
        + "</ul></li>"
        for q in guide.questions
    )
    suggestions = "".join(
        f'<li id="{anchor[r.id]}"><p class="ows-guide-question">{esc(r.title)}</p><p>{esc(r.summary)}</p>'
        "<p>Why:</p><ul>" + "".join(f"<li>{esc(reason)}</li>" for reason in r.reasons) + "</ul>"
        f"<p>But: {esc(r.caveat)}</p></li>"
        for r in guide.recommendations
    )
    return (
        f'<div data-guide="{esc(guide.id)}" class="ows-guide">'
        f'<script type="application/json" class="ows-guide-data">{guide.as_json()}</script>'
        f'<p class="ows-guide-title">{esc(guide.title)}</p><p>{esc(guide.intro)}</p>'
        '<p class="ows-note">The interactive guide needs JavaScript. Here are its questions and '
        "suggestions as a list: start at question 1 and follow your answers.</p>"
        f'<p class="ows-guide-part">Questions</p><ol class="ows-guide-list">{questions}</ol>'
        f'<p class="ows-guide-part">Suggestions</p><ul class="ows-guide-list">{suggestions}</ul></div>'
    )


class FigureRenderer(NbElementRenderer):
    """myst-nb renderer for this book (selected by `nb_render_plugin: ows_figures`)."""

    def render_mime_type(self, data: MimeData) -> list[nodes.Element]:
        if data.mime_type == PLOTLY_MIMETYPE:
            return [nodes.raw("", figure_html(data.content), format="html")]
        if data.mime_type == CALCULATOR_MIMETYPE:
            return self.render_calculator(data)
        if data.mime_type == GUIDE_MIMETYPE:
            return self.render_guide(data)
        return super().render_mime_type(data)

    def render_calculator(self, data: MimeData) -> list[nodes.Element]:
        calculator_id, inputs = data.content.get("calculator"), data.content.get("inputs", {})
        model = CALCULATORS.get(calculator_id)
        unknown = sorted(set(inputs) - set(model.DEFAULTS)) if model else []
        if model is None or unknown:
            # An output cached before a calculator or an input was renamed: run the notebook again.
            self.logger.warning(
                f"unknown calculator or inputs in {data.content!r}: {unknown}", subtype="calculator", line=data.line
            )
            return []
        return [nodes.raw("", fallback_html(calculator_id, inputs), format="html")]

    def render_guide(self, data: MimeData) -> list[nodes.Element]:
        path = Path(self.source).parent / data.content["guide"]  # relative to the notebook, as in its kernel
        try:
            guide = load_guide(path)
        except GuideError as error:
            self.logger.warning(str(error), subtype="decision_guide", line=data.line)
            return []
        if self.renderer.sphinx_env is not None:
            self.renderer.sphinx_env.note_dependency(str(path))  # an edited guide rebuilds the page
        return [nodes.raw("", guide_fallback_html(guide), format="html")]

    def render_nb_finalise(self, metadata: dict[str, Any]) -> None:
        """Leave out saved widget state (see the module docstring)."""
