"""Each workshop's slides, made from its plan at the end of the build: `slides/<id>.html`
(reveal.js, in the browser) and `slides/<id>.pptx` (PowerPoint), from one deck (`deck.py`).

{slides}`workshop_60min` links both from a page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole
from sphinx.util.osutil import relative_uri

from instructor_kit import workshops
from instructor_kit.deck import ARGUMENT_PATH, deck, load_argument
from instructor_kit.plan_text import Link, Resolver
from instructor_kit.qr import qr_png, qr_svg
from instructor_kit.short_links import (
    SLIDES_FOLDER,
    link_title,
    load_short_links,
    published_url,
    short_address,
    target_uri,
)
from instructor_kit.slides_html import deck_html
from instructor_kit.slides_pptx import deck_pptx


def slides_path(workshop_id: str, suffix: str) -> str:
    """Where a deck lands, relative to the built book's root."""
    return f"{SLIDES_FOLDER}/{workshop_id}.{suffix}"


def resolver_from_slides(app: Sphinx) -> Resolver:
    """Links as the slides need them: relative to slides/, titles from the built pages."""
    links = load_short_links()
    builder, book = app.builder, app.config.html_baseurl

    def page(docname: str) -> Link:
        if docname not in app.env.titles:
            raise ValueError(f"no page {docname!r} in the book")
        return Link(app.env.titles[docname].astext(), f"../{builder.get_target_uri(docname)}")

    def go(name: str) -> Link:
        if name not in links:
            raise ValueError(f"no short link {name!r}; known: {sorted(links)}")
        return Link(short_address(book, name), f"../{target_uri(links[name], builder)}")

    return Resolver(page, go)


def write_slides(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    book = app.config.html_baseurl
    links = load_short_links()
    resolver = resolver_from_slides(app)
    argument = load_argument()
    folder = Path(app.outdir, SLIDES_FOLDER)
    folder.mkdir(exist_ok=True)
    for workshop_id in workshops.known_workshops():
        workshop = workshops.load_workshop(workshop_id)
        slides = deck(workshop, argument, workshop.agenda_link)
        title = f"Slides: {workshop.title} · One-Way Street"
        description = (
            f"The slides of the {workshop.title.lower()} from One-Way Street, with speaker notes: "
            "the argument, a recruiter role-play and group work."
        )
        page = deck_html(
            title,
            description,
            slides,
            resolver,
            qr=lambda name: qr_svg(published_url(book, name), book, f"QR code for {short_address(book, name)}"),
            titles=lambda name: link_title(links[name], app.env),
            plan_href=f"../{app.builder.get_target_uri(f'chapters/instructors/{workshop_id}')}",
        )
        (folder / f"{workshop_id}.html").write_text(page, encoding="utf-8")
        pptx = deck_pptx(
            title,
            slides,
            resolver,
            png=lambda name: qr_png(published_url(book, name), book),
            address=lambda name: short_address(book, name),
            year=int(str(app.config.copyright)[:4]),
        )
        (folder / f"{workshop_id}.pptx").write_bytes(pptx)


class SlidesRole(SphinxRole):
    """{slides}`workshop_60min`: "slides (S shows the speaker notes; or as PowerPoint)", both linked."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        workshop_id = self.text.strip()
        if workshop_id not in workshops.known_workshops():
            message = f"no workshop {workshop_id!r}; known: {workshops.known_workshops()}"
            return [], [self.inliner.reporter.error(message, line=self.lineno)]
        self.env.note_dependency(str(ARGUMENT_PATH))
        here = self.env.app.builder.get_target_uri(self.env.docname)
        html_link = nodes.reference("", "slides", refuri=relative_uri(here, slides_path(workshop_id, "html")))
        pptx_link = nodes.reference("", "PowerPoint", refuri=relative_uri(here, slides_path(workshop_id, "pptx")))
        parts = [html_link, nodes.Text(" (S shows the speaker notes; or as "), pptx_link, nodes.Text(")")]
        return [nodes.inline("", "", *parts, classes=["ows-slides-links"])], []


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_role("slides", SlidesRole())
    app.connect("build-finished", write_slides)
    return {}
