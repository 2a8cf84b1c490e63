"""Handouts: parts of a page that print alone, on one or two sheets, and as PDFs.

- ```{handout} recruiter-questions``` (with an optional `:title:`) wraps what prints. On
  paper only the handout appears (`handouts.css`), with a line saying where it comes from;
  `:link: scorecard` adds that short link's address and QR code to it.
  The build prints every handout to `handouts/<name>-a4.pdf` and `-letter.pdf` in the
  built book (`pdf.py`).
- {handout-pdf}`recruiter-questions` links those two PDFs from any page.
- ```{recruiter-question-sheet}``` is the eight questions of the recruiter scorecard with
  space for the answers: the sheet the scorecard prints filled in, here blank.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from browser_assets import asset_url
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.osutil import relative_uri

from instructor_kit.short_links import qr_block
from widgets.recruiter_questions.sheet import sheet_html

logger = logging.getLogger(__name__)

PDF_FOLDER = "handouts"  # inside the built book
PAPER_SIZES = {"a4": "A4", "letter": "Letter"}  # file suffix -> Chromium's paper format
PAPER_LABELS = {"a4": "A4", "letter": "US Letter"}
LICENCE = "CC BY 4.0"
CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
HANDOUT_LINE = re.compile(r"^[`:]{3,}\{handout\} ([a-z0-9-]+)\s*$", re.M)


def declared_handouts() -> dict[str, str]:
    """Handout name -> the page (docname) whose source declares it, read from the sources,
    so that a plan's list of printouts can be checked before the pages are read."""
    found = {}
    for source in sorted(CHAPTERS.rglob("*.md")):
        for name in HANDOUT_LINE.findall(source.read_text(encoding="utf-8")):
            found[name] = source.relative_to(CHAPTERS.parent).with_suffix("").as_posix()
    return found


def pdf_path(name: str, size: str) -> str:
    """Where a handout's PDF lands, relative to the built book's root."""
    return f"{PDF_FOLDER}/{name}-{size}.pdf"


def _handouts(env: BuildEnvironment) -> dict[str, str]:
    """Handout name -> the page that holds it."""
    if not hasattr(env, "ows_handouts"):
        env.ows_handouts = {}
    return env.ows_handouts


def _links(env: BuildEnvironment) -> dict[str, set[str]]:
    """Page -> names of the handouts whose PDFs it links."""
    if not hasattr(env, "ows_handout_links"):
        env.ows_handout_links = {}
    return env.ows_handout_links


class HandoutDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec = {"title": directives.unchanged, "link": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if not name.replace("-", "").isalnum() or name != name.lower():
            raise self.error(f"a handout's name is lower-case letters, digits and hyphens; got {name!r}")
        handouts = _handouts(self.env)
        if handouts.get(name, self.env.docname) != self.env.docname:
            raise self.error(f"handout {name!r} is already on {handouts[name]!r}")
        handouts[name] = self.env.docname
        box = nodes.container(classes=["ows-handout"])
        if "title" in self.options:
            box += nodes.raw("", f'<p class="ows-handout-title">{html.escape(self.options["title"])}</p>', format="html")
        self.state.nested_parse(self.content, self.content_offset, box)
        source = f"From the book One-Way Street (text licensed {LICENCE})."
        if "link" in self.options:
            book = self.config.html_baseurl
            try:
                code = qr_block(book, self.options["link"], "Online:")
            except KeyError as error:
                raise self.error(str(error)) from None
            box += nodes.raw("", f'<div class="ows-handout-source">{code}<p>{html.escape(source)}</p></div>', format="html")
        else:
            box += nodes.raw("", f'<p class="ows-handout-source">{html.escape(source)}</p>', format="html")
        return [box]


class HandoutPdfRole(SphinxRole):
    """Links to a handout's PDFs, one per paper size, relative to the current page."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        _links(self.env).setdefault(self.env.docname, set()).add(name)
        here = self.env.app.builder.get_target_uri(self.env.docname)
        parts: list[nodes.Node] = [nodes.Text("PDF: ")]
        for number, size in enumerate(PAPER_SIZES):
            if number:
                parts.append(nodes.Text(" or "))
            parts.append(nodes.reference("", PAPER_LABELS[size], refuri=relative_uri(here, pdf_path(name, size))))
        return [nodes.inline("", "", *parts, classes=["ows-handout-pdfs"])], []


class RecruiterQuestionSheetDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", sheet_html(), format="html")]


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for name in [name for name, page in _handouts(env).items() if page == docname]:
        del _handouts(env)[name]
    _links(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    _handouts(env).update(_handouts(other))
    _links(env).update(_links(other))


def check_links(app: Sphinx, env: BuildEnvironment) -> None:
    """Every {handout-pdf} names a handout that exists (its PDF would be missing otherwise)."""
    for docname, names in sorted(_links(env).items()):
        for name in sorted(names - set(_handouts(env))):
            logger.warning(f"no handout named {name!r} (known: {sorted(_handouts(env))})", location=docname)


def add_handout_css(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    if "ows-handout" in body or "ows-path-total" in body or "ows-agenda" in body:
        app.add_css_file(asset_url("handouts.css"))
    if "ows-question-sheet" in body:  # its styles live with the scorecard, which prints it too
        app.add_css_file(asset_url("calculator.css"))


def handout_pages(env: BuildEnvironment) -> dict[str, str]:
    """Handout name -> page, for the PDF step."""
    return dict(_handouts(env))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("handout", HandoutDirective)
    app.add_role("handout-pdf", HandoutPdfRole())
    app.add_directive("recruiter-question-sheet", RecruiterQuestionSheetDirective)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-check-consistency", check_links)
    app.connect("html-page-context", add_handout_css)
    return {}
