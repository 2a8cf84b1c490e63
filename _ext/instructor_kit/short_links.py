"""Short links: `<the book's address>/go/<name>`, a static page that sends the browser on to
a page of the book, for a board, a slide or a sheet of paper.

- `chapters/instructors/workshops/short_links.yml` names each link's page; the role cards'
  answer links (`card-a`, ...) are added from the role-play, each opening the scorecard with
  a card's true answers (`#rq:...`).
- The build writes `go/<name>/index.html` for each: a page whose only job is to redirect
  (`<meta http-equiv="refresh">`, with a plain link for browsers that do not follow it).
  Its target is relative, so it works at the published address, under `make serve`, and
  from the files themselves.
- {go}`scorecard` in a page or a workshop plan links the page itself and shows the short
  address, to read aloud or copy from a board.
"""

from __future__ import annotations

import html
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import yaml
from docutils import nodes
from pydantic import RootModel
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.osutil import relative_uri

from instructor_kit import roleplay
from instructor_kit.qr import qr_svg
from instructor_kit.workshops import FOLDER, Name, WorkshopError, known_workshops, load_workshop
from widgets.content_schema import Text, parse

logger = logging.getLogger(__name__)

LINKS_PATH = FOLDER / "short_links.yml"
GO = "go"  # the folder of the redirect pages, in the built book
SCORECARD_TOOL = "chapters/tools/recruiter_scorecard"  # where a card's answer link opens
SLIDES_FOLDER = "slides"


class ShortLink(NamedTuple):
    name: str
    target: str  # a page (docname), or a file the build writes ("slides/workshop_60min.html")
    fragment: str = ""  # "#rq:..." for a role card's true answers

    @property
    def is_page(self) -> bool:
        return not PurePosixPath(self.target).suffix


class _Links(RootModel[dict[Name, Text]]):
    pass


def generated_files() -> set[str]:
    """Files the build writes that a short link may name: each workshop's slides."""
    return {f"{SLIDES_FOLDER}/{workshop_id}.html" for workshop_id in known_workshops()}


def card_link(card_id: str) -> str:
    return f"card-{card_id.lower()}"


def is_card_link(name: str) -> bool:
    """A role card's answer link: shown only after the calls, never on a participant's agenda."""
    return name.startswith("card-")


def load_short_links() -> dict[str, ShortLink]:
    """Every short link by name: the file's, then one per role card."""
    raw = yaml.safe_load(LINKS_PATH.read_text(encoding="utf-8"))
    named = parse(_Links, raw, f"short links ({LINKS_PATH})", WorkshopError).root
    links = {name: ShortLink(name, target.strip("/")) for name, target in named.items()}
    for scenario in roleplay.load_scenarios():
        name = card_link(scenario.id)
        if name in links:
            raise WorkshopError(f"short links ({LINKS_PATH}): {name!r} is the answer link of role card {scenario.id}")
        links[name] = ShortLink(name, SCORECARD_TOOL, scenario.fragment())
    return links


def published_url(book: str, name: str) -> str:
    """The address a QR code holds (with the final slash: no redirect on the way)."""
    return f"{book.rstrip('/')}/{GO}/{name}/"


def short_address(book: str, name: str) -> str:
    """The address as people read and type it: no scheme, no final slash."""
    parts = urlsplit(book)
    return f"{parts.netloc}{parts.path.rstrip('/')}/{GO}/{name}"


def qr_block(book: str, name: str, caption: str) -> str:
    """A short link's QR code beside its address, for pages and the PDFs printed from them."""
    if name not in load_short_links():
        raise KeyError(f"no short link {name!r}")
    address = short_address(book, name)
    code = qr_svg(published_url(book, name), book, f"QR code for {address}")
    return f'<div class="ows-qr-note">{code}<p>{html.escape(caption)}<br><strong>{html.escape(address)}</strong></p></div>'


def target_uri(link: ShortLink, builder: Any) -> str:
    """The link's target, relative to the built book's root, with its fragment."""
    return (builder.get_target_uri(link.target) if link.is_page else link.target) + link.fragment


def link_title(link: ShortLink, env: Any) -> str:
    """What the link opens, in a few words."""
    if link.fragment:
        return f"Role card {link.name.removeprefix('card-').upper()}: the true answers, scored"
    if link.is_page:
        return env.titles[link.target].astext()
    return f"Slides: {load_workshop(PurePosixPath(link.target).stem).title}"


def missing_targets(links: dict[str, ShortLink], pages: set[str]) -> list[str]:
    return [
        f"short link {link.name!r}: no page or file {link.target!r}"
        for link in links.values()
        if link.target not in (pages if link.is_page else generated_files())
    ]


def redirect_html(title: str, href: str, canonical: str, icon: str = "") -> str:
    """The page at go/<name>/. It names the book's icon (`icon`, relative to it): without one,
    a browser asks the server root for /favicon.ico, a 404 on the book's host."""
    escaped = html.escape(href)
    icon_link = f'<link rel="icon" href="{html.escape(icon)}">' if icon else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta name="robots" content="noindex">'
        f'<link rel="canonical" href="{html.escape(canonical)}">{icon_link}'
        f'<meta http-equiv="refresh" content="0; url={escaped}">'
        f'</head><body><p><a href="{escaped}">{html.escape(title)}</a></p></body></html>\n'
    )


def write_redirects(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    links = load_short_links()
    for problem in missing_targets(links, set(app.env.found_docs)):
        logger.warning(problem)
    book = app.config.html_baseurl.rstrip("/")
    for link in links.values():
        target = target_uri(link, app.builder)
        page = Path(app.outdir, GO, link.name, "index.html")
        page.parent.mkdir(parents=True, exist_ok=True)
        canonical = f"{book}/{target.split('#')[0]}"
        icon = f"../../_static/{Path(app.config.html_favicon).name}" if app.config.html_favicon else ""
        page.write_text(redirect_html(link_title(link, app.env), f"../../{target}", canonical, icon), encoding="utf-8")


class GoRole(SphinxRole):
    """{go}`name`: a link to the short link's page, showing its short address."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        links = load_short_links()
        if name not in links:
            message = self.inliner.reporter.error(f"no short link {name!r}; known: {sorted(links)}", line=self.lineno)
            return [], [message]
        self.env.note_dependency(str(LINKS_PATH))
        builder = self.env.app.builder
        here = builder.get_target_uri(self.env.docname)
        uri = relative_uri(here, target_uri(links[name], builder))
        text = short_address(self.config.html_baseurl, name)
        return [nodes.reference("", text, refuri=uri, classes=["ows-go"])], []


def setup(app: Sphinx) -> None:
    app.add_role("go", GoRole())
    app.connect("build-finished", write_redirects)
