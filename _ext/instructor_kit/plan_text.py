"""A workshop plan's texts outside Sphinx: HTML for the slides, plain text for PowerPoint.

Plan texts are MyST, and their pages render them with Sphinx. The slides are written after
the build from the same texts, so this module renders the small part of MyST that plans
use: **bold**, *italic*, {doc} links to pages, {go} short links and the data roles of
`field_data`. Anything else (another role, a stray backtick) raises ValueError, so a slide
never shows raw markup; a test renders every plan's texts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import NamedTuple

from instructor_kit.field_data import postdoc_share_text, postdoc_share_year

TOKEN = re.compile(r"\{(?P<role>[\w-]+)\}`(?P<content>[^`]*)`|\*\*(?P<bold>[^*]+)\*\*|\*(?P<em>[^*\s][^*]*)\*")
DOC_CONTENT = re.compile(r"^(?:(?P<text>[^<]*?)\s*<(?P<target>[^>]+)>|(?P<bare>[^<>]+))$")
DATA_ROLES: dict[str, Callable[[str], str]] = {
    "postdoc-share": postdoc_share_text,
    "postdoc-share-year": postdoc_share_year,
}


class Link(NamedTuple):
    text: str
    href: str


class Resolver(NamedTuple):
    """Where links go, from the slides: a page by docname, a short link by name."""

    page: Callable[[str], Link]  # docname -> (its title, its address from the slides)
    go: Callable[[str], Link]  # name -> (its short address, its address from the slides)


def _literal(text: str, as_html: bool) -> str:
    if "`" in text or re.search(r"\{[\w-]+\}", text):
        raise ValueError(f"plan text has markup the slides cannot render: {text!r}")
    return html.escape(text, quote=False) if as_html else text


def _link(link: Link, as_html: bool, css_class: str) -> str:
    if not as_html:
        return link.text
    return f'<a class="{css_class}" href="{html.escape(link.href)}">{html.escape(link.text)}</a>'


def _role(role: str, content: str, resolver: Resolver, as_html: bool) -> str:
    if role == "doc":
        found = DOC_CONTENT.match(content.strip())
        if found is None:
            raise ValueError(f"a {{doc}} link must be `/path` or `text </path>`; got {content!r}")
        target = (found["target"] or found["bare"]).strip().lstrip("/")
        title, href = resolver.page(target)
        return _link(Link(found["text"] or title, href), as_html, "ows-page")
    if role == "go":
        return _link(resolver.go(content.strip()), as_html, "ows-go")
    if role in DATA_ROLES:
        return _literal(DATA_ROLES[role](content.strip()), as_html)
    raise ValueError(f"role {{{role}}} cannot be rendered on a slide; plans may use {{doc}}, {{go}}, {sorted(DATA_ROLES)}")


def render(text: str, resolver: Resolver, as_html: bool = True) -> str:
    """A plan text as HTML (escaped, with links) or as plain text."""
    out, position = [], 0
    for match in TOKEN.finditer(text):
        out.append(_literal(text[position : match.start()], as_html))
        if match["role"]:
            out.append(_role(match["role"], match["content"], resolver, as_html))
        elif match["bold"]:
            inner = _literal(match["bold"], as_html)
            out.append(f"<strong>{inner}</strong>" if as_html else inner)
        else:
            inner = _literal(match["em"], as_html)
            out.append(f"<em>{inner}</em>" if as_html else inner)
        position = match.end()
    out.append(_literal(text[position:], as_html))
    return "".join(out)


def plain(text: str, resolver: Resolver) -> str:
    return render(text, resolver, as_html=False)
