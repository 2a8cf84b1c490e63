"""Directives that put a workshop plan (`workshops/<id>.yml`) on a page.

- ```{workshop-goals} workshop_60min``` lists the learning goals.
- ```{workshop-pre-reading} workshop_60min``` is a reading path (`pathways.py`) of the
  pre-reading, with each chapter's reading time and the total.
- ```{workshop-agenda} workshop_60min``` with `:audience: facilitator` (the default) or
  `participants` is the minute-by-minute table: start and end, minutes, activity, what
  participants do and, for the facilitator, what to do and watch for.
- ```{role-cards}``` with `:show: cards` (the default) or `links` gives the recruiter
  role-play's cards, or links that open the scorecard filled in with each card's answers.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from instructor_kit import roleplay, sheets, workshops
from instructor_kit.pathways import ReadingPathDirective

SCORECARD_PAGE = "chapters/recruiting_pitch"


class WorkshopDirective(SphinxDirective):
    """Base: loads the workshop named by the argument and notes the YAML as a dependency."""

    required_arguments = 1

    def workshop(self) -> workshops.Workshop:
        try:
            workshop = workshops.load_workshop(self.arguments[0])
        except workshops.WorkshopError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(workshops.workshop_path(workshop.id)))
        return workshop

    def parse(self, text: str, into: nodes.Element) -> nodes.Element:
        """Parse MyST text from the workshop file into a node."""
        source = str(workshops.workshop_path(self.arguments[0]))
        self.state.nested_parse(StringList(text.splitlines(), source=source), self.content_offset, into)
        return into


class WorkshopGoalsDirective(WorkshopDirective):
    def run(self) -> list[nodes.Node]:
        goals = nodes.bullet_list(classes=["ows-workshop-goals"])
        for goal in self.workshop().goals:
            goals += self.parse(goal, nodes.list_item())
        return [goals]


class WorkshopPreReadingDirective(ReadingPathDirective):
    required_arguments = 1
    has_content = False

    def path_lines(self) -> list[str]:
        try:
            workshop = workshops.load_workshop(self.arguments[0])
        except workshops.WorkshopError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(workshops.workshop_path(workshop.id)))
        return [f"{number}. {item}" for number, item in enumerate(workshop.pre_reading, start=1)]


def _text_entry(text: str) -> nodes.entry:
    return nodes.entry("", nodes.paragraph(text=text))


class WorkshopAgendaDirective(WorkshopDirective):
    option_spec = {"audience": lambda value: directives.choice(value, workshops.AUDIENCES)}

    def run(self) -> list[nodes.Node]:
        workshop = self.workshop()
        for_facilitator = self.options.get("audience", "facilitator") == "facilitator"
        headers = ["Time", "Minutes", "Activity", "What participants do"]
        widths = [10, 8, 22, 60]
        if for_facilitator:
            headers.append("What the facilitator does")
            widths = [9, 8, 17, 33, 33]
        # A bold line rather than a caption: with numfig on, a caption would read "Table 4" on a handout.
        heading = nodes.paragraph(classes=["ows-agenda-title"])
        heading += nodes.strong(text=f"{workshop.title}: {workshop.length_minutes} minutes, step by step")
        table = nodes.table(classes=["ows-agenda"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row("", *(_text_entry(header) for header in headers))
        group += head
        body = nodes.tbody()
        for start, step in zip(workshop.starts(), workshop.steps):
            row = nodes.row()
            row += _text_entry(f"{workshops.clock(start)}–{workshops.clock(start + step.minutes)}")
            row += _text_entry(str(step.minutes))
            row += _text_entry(step.activity)
            row += self.parse(step.participants, nodes.entry())
            if for_facilitator:
                row += self.parse(step.facilitator, nodes.entry())
            body += row
        group += body
        return [heading, table]


class RoleCardsDirective(SphinxDirective):
    option_spec = {"show": lambda value: directives.choice(value, ("cards", "links"))}

    def run(self) -> list[nodes.Node]:
        try:
            scenarios = roleplay.load_scenarios()
        except workshops.WorkshopError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(roleplay.SCENARIOS_PATH))
        if self.options.get("show", "cards") == "cards":
            markup = "".join(sheets.role_card_html(scenario) for scenario in scenarios)
            return [nodes.raw("", f'<div class="ows-role-cards">{markup}</div>', format="html")]
        if SCORECARD_PAGE not in self.env.found_docs:
            raise self.error(f"the scorecard's page {SCORECARD_PAGE!r} is not in the book")
        builder = self.env.app.builder
        page = relative_uri(builder.get_target_uri(self.env.docname), builder.get_target_uri(SCORECARD_PAGE))
        items = "".join(
            f'<li><a href="{html.escape(page + scenario.fragment())}">Open the scorecard with the true answers '
            f"of role card {html.escape(scenario.id)}</a> ({html.escape(scenario.name)}; it scores "
            f"{html.escape(scenario.score())} out of 100).</li>"
            for scenario in scenarios
        )
        return [nodes.raw("", f'<ul class="ows-scenario-links">{items}</ul>', format="html")]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("workshop-goals", WorkshopGoalsDirective)
    app.add_directive("workshop-pre-reading", WorkshopPreReadingDirective)
    app.add_directive("workshop-agenda", WorkshopAgendaDirective)
    app.add_directive("role-cards", RoleCardsDirective)
    return {}
