"""Sphinx extension: calculators in the static book.

- The `calculator` directive (```{calculator} publication-gap```) writes the calculator's
  root element with the default scenario's results and table inside, so a printout, a
  reader without JavaScript or a screen reader still gets the numbers.
- The `decision-guide` directive (```{decision-guide} decision```) writes a decision
  guide's questions and suggestions as a list, with the guide as JSON for the host.
- Pages that hold a calculator, a plotly figure, a decision guide or a printable part
  (`ows-printable`) get the kernel-free host (one ES module) and the calculator
  stylesheet; other pages load no script of ours.

The browser files themselves are copied into the built book by `browser_assets`.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from browser_assets import asset_url
from widgets.tables import table_html
from widgets.calculators import CALCULATORS, VIEW_STATE
from widgets.decision_guide import guide as decision_guides



def fallback_html(calculator_id: str) -> str:
    """The default scenario's results as static HTML (replaced when the calculator runs)."""
    model = CALCULATORS[calculator_id]
    formatted = model.format_outputs(model.compute(**model.DEFAULTS))
    items = "".join(
        f'<div class="ows-output"><dt>{html.escape(label)}</dt>'
        f'<dd data-output="{name}">{html.escape(formatted[name])}</dd></div>'
        for name, label in model.OUTPUT_LABELS.items()
    )
    labelled = model.table(**model.DEFAULTS)  # the same labels and cells as the JS table
    table = table_html(labelled.columns, labelled.rows, labelled.caption)
    state = "".join(  # constant markup the view reads; a template is inert without JavaScript
        f'<template data-view-state="{name}">{markup}</template>' for name, markup in VIEW_STATE.get(calculator_id, {}).items()
    )
    return (
        f'<div data-calculator="{calculator_id}" class="ows-calculator">'
        f'<p class="ows-note">The interactive calculator needs JavaScript. These are the results '
        f"for the default scenario, whose values are illustrative.</p>"
        f'<dl class="ows-outputs">{items}</dl>{table}{state}</div>'
    )


def guide_fallback_html(guide: decision_guides.Guide) -> str:
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


class CalculatorDirective(SphinxDirective):
    """```{calculator} publication-gap``` places that calculator on the page."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        calculator_id = self.arguments[0]
        if calculator_id not in CALCULATORS:
            raise self.error(f"unknown calculator {calculator_id!r}; known: {sorted(CALCULATORS)}")
        return [nodes.raw("", fallback_html(calculator_id), format="html")]


class DecisionGuideDirective(SphinxDirective):
    """```{decision-guide} decision_guide.yml``` places the guide in that file (beside the page)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        _, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        try:
            guide = decision_guides.load_guide(path)
        except decision_guides.GuideError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(path)
        return [nodes.raw("", guide_fallback_html(guide), format="html")]


# Markers of page content that the kernel-free host (host.js) brings to life.
HOST_MARKERS = ("data-calculator=", 'class="ows-figure"', "data-guide=", "ows-printable")


def needs_host(body: str) -> bool:
    return any(marker in body for marker in HOST_MARKERS)


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    if needs_host(body):
        app.add_css_file(asset_url("calculator.css"))
        app.add_js_file(asset_url("host.js"), type="module")
    if "data-guide=" in body:
        app.add_css_file(asset_url("decision_guide/decision_guide.css"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("calculator", CalculatorDirective)
    app.add_directive("decision-guide", DecisionGuideDirective)
    app.connect("html-page-context", add_page_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
