"""Directives that put a workshop plan (`workshops/<id>.yml`) on a page.

- ```{workshop-goals} workshop_60min``` lists the learning goals.
- ```{workshop-pre-reading} workshop_60min``` is a reading path (`pathways.py`) of the
  pre-reading, with each chapter's reading time and the total.
- ```{workshop-agenda} workshop_60min``` is the minute-by-minute table, for the `facilitator`
  (the default: what participants do and what the facilitator does), the `participants`
  (where each step's short link goes: the slides say what to do) or the `run-sheet` (what
  to say at each switch).
- ```{workshop-print} workshop_60min``` lists what to print, how many, and which pages.
- ```{run-sheet} workshop_60min``` is the facilitator's one page: what to bring and print,
  the timeline with what to say at each switch, and the short links.
- ```{role-cards}``` gives the role-play's cards, one per printed page, each with the short
  link that scores its true answers.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from instructor_kit import roleplay, sheets, short_links, workshops
from instructor_kit.handouts import declared_handouts
from instructor_kit.pathways import ReadingPathDirective
from instructor_kit.qr import qr_svg
from instructor_kit.short_links import qr_block

logger = logging.getLogger(__name__)
COLUMNS = {  # agenda audience -> (headers, widths)
    "facilitator": (["Time", "Minutes", "Activity", "What participants do", "What the facilitator does"], [9, 7, 16, 32, 36]),
    "participants": (["Time", "Minutes", "Activity", "Short link"], [12, 10, 48, 30]),
    "run-sheet": (["Time", "Minutes", "Activity", "Say at the switch"], [10, 8, 27, 55]),
}
AGENDA_AUDIENCES = tuple(COLUMNS)


def card_pages(cards: tuple[str, ...]) -> str:
    """'cards A, B and D (pages 1, 2 and 4)': role cards print one per page, in file order."""
    order = [scenario.id for scenario in roleplay.load_scenarios()]
    pages = [str(order.index(card) + 1) for card in cards]

    def listed(words: list[str]) -> str:
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"

    return f"card{'s' if len(cards) > 1 else ''} {listed(list(cards))} (page{'s' if len(pages) > 1 else ''} {listed(pages)})"


class WorkshopDirective(SphinxDirective):
    """Base: loads the workshop named by the argument and notes the YAML as a dependency."""

    required_arguments = 1

    def workshop(self) -> workshops.Workshop:
        try:
            workshop = workshops.load_workshop(self.arguments[0])
        except workshops.WorkshopError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(workshops.workshop_path(workshop.id)))
        self.env.note_dependency(str(roleplay.SCENARIOS_PATH))
        self.env.note_dependency(str(short_links.LINKS_PATH))
        return workshop

    def parse(self, text: str, into: nodes.Element) -> nodes.Element:
        """Parse MyST text from the workshop file into a node."""
        source = str(workshops.workshop_path(self.arguments[0]))
        self.state.nested_parse(StringList(text.splitlines(), source=source), self.content_offset, into)
        return into

    def parse_lines(self, lines: list[str], classes: list[str]) -> nodes.container:
        return self.parse("\n".join(lines), nodes.container(classes=classes))

    def printouts(self, workshop: workshops.Workshop) -> list[tuple[workshops.Printout, str]]:
        """Each printout with a MyST link to its handout's page, and the role cards' pages."""
        handouts = declared_handouts()
        found = []
        for item in workshop.print:
            if item.handout not in handouts:
                raise self.error(f"no handout {item.handout!r}; known: {sorted(handouts)}")
            pages = f", {card_pages(item.cards)}" if item.cards else ""
            found.append((item, f"{{doc}}`/{handouts[item.handout]}`{pages}"))
        return found

    def agenda(self, workshop: workshops.Workshop, audience: str) -> nodes.table:
        """The timeline table, with the columns the audience needs (`COLUMNS`)."""
        headers, widths = COLUMNS[audience]
        table = nodes.table(classes=["ows-agenda", f"ows-agenda-{audience}"])
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
            row += _text_entry(step.label())
            if audience == "participants":  # the slides say what to do; the sheet says where to go
                row += _text_entry(", ".join(f"go/{name}" for name in step.links if not short_links.is_card_link(name)))
            else:
                row += self.parse(step.say if audience == "run-sheet" else step.participants, nodes.entry())
            if audience == "facilitator":
                row += self.parse(step.facilitator, nodes.entry())
            body += row
        group += body
        return table


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
    option_spec = {"audience": lambda value: directives.choice(value, AGENDA_AUDIENCES)}

    def run(self) -> list[nodes.Node]:
        workshop = self.workshop()
        # A bold line rather than a caption: with numfig on, a caption would read "Table 4" on a handout.
        heading = nodes.paragraph(classes=["ows-agenda-title"])
        heading += nodes.strong(text=f"{workshop.title}: {workshop.length_minutes} minutes, step by step")
        audience = self.options.get("audience", "facilitator")
        nodes_out: list[nodes.Node] = [heading, self.agenda(workshop, audience)]
        if audience == "participants":
            address = short_links.short_address(self.config.html_baseurl, "")
            nodes_out.append(nodes.paragraph(text=f"A short link go/… is the address {address}…", classes=["ows-agenda-note"]))
        return nodes_out


class WorkshopPrintDirective(WorkshopDirective):
    """What to print: each handout's page, how many copies, which pages, and its PDFs."""

    def run(self) -> list[nodes.Node]:
        lines = [f"- {link}: {item.copies} ({{handout-pdf}}`{item.handout}`)" for item, link in self.printouts(self.workshop())]
        return [self.parse_lines(lines, ["ows-workshop-print"])]


class RunSheetDirective(WorkshopDirective):
    """The facilitator's page: bring, print, the timeline with what to say, the short links."""

    def run(self) -> list[nodes.Node]:
        workshop = self.workshop()
        book = self.config.html_baseurl
        printed = "; ".join(f"{link}, {item.copies}" for item, link in self.printouts(workshop))
        intro = self.parse_lines([f"**Bring:** {workshop.you_need}", "", f"**Print:** {printed}."], ["ows-run-sheet-intro"])
        names = [
            name for name in workshop.links() if name not in (workshop.plan_link, workshop.agenda_link, workshop.slides_link)
        ]
        go = short_links.short_address(book, "")
        links_line = self.parse_lines(
            [f"**Short links** ({go}…): " + ", ".join(f"**{name}**" for name in names) + "."], ["ows-run-sheet-links"]
        )
        codes = qr_block(book, workshop.slides_link, "The slides:") + qr_block(book, workshop.plan_link, "The full plan:")
        return [
            intro,
            self.agenda(workshop, "run-sheet"),
            links_line,
            nodes.raw("", f'<div class="ows-qr-row">{codes}</div>', format="html"),
        ]


class RoleCardsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        try:
            scenarios = roleplay.load_scenarios()
        except workshops.WorkshopError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(roleplay.SCENARIOS_PATH))
        book = self.config.html_baseurl
        cards = []
        for scenario in scenarios:
            link = short_links.card_link(scenario.id)
            code = qr_svg(short_links.published_url(book, link), book, f"QR code for the true answers of role card {scenario.id}")
            cards.append(sheets.role_card_html(scenario, html.escape(short_links.short_address(book, link)), code))
        return [nodes.raw("", f'<div class="ows-role-cards">{"".join(cards)}</div>', format="html")]


def check_plans(app: Sphinx, env: BuildEnvironment) -> None:
    """Every page, handout, short link and role card a plan names exists (a warning stops the build)."""
    known = {
        "pages": set(env.found_docs),
        "handouts": set(declared_handouts()),
        "links": set(short_links.load_short_links()),
        "cards": {scenario.id for scenario in roleplay.load_scenarios()},
    }
    for workshop_id in workshops.known_workshops():
        for problem in workshops.check_references(workshops.load_workshop(workshop_id), **known):
            logger.warning(problem)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("workshop-goals", WorkshopGoalsDirective)
    app.add_directive("workshop-pre-reading", WorkshopPreReadingDirective)
    app.add_directive("workshop-agenda", WorkshopAgendaDirective)
    app.add_directive("workshop-print", WorkshopPrintDirective)
    app.add_directive("run-sheet", RunSheetDirective)
    app.add_directive("role-cards", RoleCardsDirective)
    app.connect("env-check-consistency", check_plans)
    return {}
