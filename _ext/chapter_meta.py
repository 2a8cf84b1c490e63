"""Sphinx extension: reading time and an "assign or cite this chapter" box on every chapter.

Every page in a numbered part of the table of contents gets the box, and any other page whose
front matter says `reading-time: true`. Its reading time is
computed from the words on the built page (prose, not code or outputs), so it is never
typed by hand and stays true as the text changes. The box gives an instructor what a
syllabus needs: the title, the stable URL, the reading time and a citation. A page at the
top level of a numbered part is a chapter (data-level="chapter"); a page nested under one
(a companion notebook) is a section (data-level="section"); a page that asks for the box is a
page (data-level="page"). Parts number their chapters
only (`numbered: 1` in _toc.yml), so pages are found from the table of contents, not from
their section numbers. Other extensions (the reading paths) ask `page_words` for the same
count the box shows.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

WORDS_PER_MINUTE = 200
BOOK_TITLE = "One-Way Street: an evidence-based guide to industry, postdoc and faculty careers"
SKIPPED = (nodes.literal_block, nodes.raw, nodes.comment, nodes.math_block)


def prose_words(doctree: nodes.Node) -> int:
    """Words a reader reads: text outside code, raw HTML, comments and cell outputs."""

    def count(node: nodes.Node) -> int:
        if isinstance(node, SKIPPED):
            return 0
        if isinstance(node, nodes.Element) and "cell_output" in node.get("classes", []):
            return 0
        if isinstance(node, nodes.Text):
            return len(re.findall(r"[\w’'-]+", node.astext()))
        return sum(count(child) for child in node.children)

    return count(doctree)


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def box_html(title: str, url: str, words: int, author: str, year: str, level: str = "chapter") -> str:
    minutes = reading_minutes(words)
    citation = f"{author} ({year}). {title}. In {BOOK_TITLE}. {url}"
    return (
        f'<div class="ows-chapter-meta" data-level="{level}" data-words="{words}" data-minutes="{minutes}">'
        f'<p class="ows-reading-time">Reading time: about {minutes} min ({words:,} words)</p>'
        f'<details class="ows-assign"><summary>Assign or cite this chapter</summary><dl>'
        f"<dt>Title</dt><dd>{html.escape(title)}</dd>"
        f'<dt>Stable URL</dt><dd><a href="{html.escape(url)}">{html.escape(url)}</a></dd>'
        f"<dt>Reading time</dt><dd>about {minutes} min ({words:,} words)</dd>"
        f"<dt>Citation</dt><dd>{html.escape(citation)}</dd>"
        f"</dl></details></div>"
    )


def numbered_pages(env: BuildEnvironment) -> dict[str, str]:
    """Every page of a numbered part: "chapter" for the part's own entries, "section" for
    the pages nested under them (the root document's toctrees are the parts)."""
    levels: dict[str, str] = {}
    for part in env.get_doctree(env.config.root_doc).findall(addnodes.toctree):
        if not part.get("numbered"):
            continue
        for _title, chapter in part["entries"]:
            levels[chapter] = "chapter"
            nested = list(env.toctree_includes.get(chapter, ()))
            while nested:
                section = nested.pop()
                levels[section] = "section"
                nested += env.toctree_includes.get(section, ())
    return levels


def _levels(app: Sphinx) -> dict[str, str]:
    """`numbered_pages`, worked out once per build (the table of contents is complete by
    the time pages are written)."""
    if not hasattr(app, "ows_page_levels"):
        # A page outside the numbered parts may ask for the box in its front matter
        # (`reading-time: true`): the ten-minute page, which workshops assign as pre-reading.
        # (Sphinx keeps a notebook's front-matter values as strings.)
        asked = {name: "page" for name, meta in app.env.metadata.items() if str(meta.get("reading-time")).lower() == "true"}
        app.ows_page_levels = {**asked, **numbered_pages(app.env)}
    return app.ows_page_levels


def _counted(app: Sphinx) -> dict[str, int]:
    """Words per page as counted for the box during this build (kept on the app, not the
    pickled environment, so that a count never outlives the text it was made from)."""
    if not hasattr(app, "ows_page_words"):
        app.ows_page_words = {}
    return app.ows_page_words


def page_words(app: Sphinx, docname: str) -> int:
    """The words the page's box counts. A page not written yet is resolved now, which
    runs the same count (`add_chapter_meta`), so both always agree."""
    if docname not in _counted(app):
        if docname not in _levels(app):
            raise ValueError(f"{docname!r} is not in a numbered part nor asks for a reading time, so it has none")
        app.env.get_and_resolve_doctree(docname, app.builder)
    return _counted(app)[docname]


def add_chapter_meta(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    level = _levels(app).get(docname)
    if level is None:  # not in a numbered part: not a chapter
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title = section[0].astext()
    url = f"{app.config.html_baseurl.rstrip('/')}/{docname}.html"
    words = _counted(app)[docname] = prose_words(doctree)
    box = box_html(title, url, words, app.config.author, app.config.copyright, level)
    section.insert(1, nodes.raw("", box, format="html"))


def forget_old_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Take the page titles' section numbers away before they are assigned again. Sphinx
    never removes a number from a page that is no longer numbered, and sphinx-external-toc
    then fails on it (KeyError) when a build reuses an environment made with other numbering."""
    app.ows_old_numbers = {doc: title.attributes.pop("secnumber", None) for doc, title in env.titles.items()}
    return []


def renumbered_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose title number changed (or went): written again, so none keeps an old number."""
    old = getattr(app, "ows_old_numbers", {})
    return [doc for doc, title in env.titles.items() if title.get("secnumber") != old.get(doc)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-updated", forget_old_numbers, priority=100)  # before the toctree collector (500)
    app.connect("env-get-updated", renumbered_pages, priority=900)  # after it
    app.connect("doctree-resolved", add_chapter_meta)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
