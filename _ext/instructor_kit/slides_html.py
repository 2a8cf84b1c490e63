"""A workshop's deck as one offline HTML page, shown with reveal.js (vendored in `vendor/reveal`).

Keyboard-driven (arrows, space, Esc for the overview, S for the speaker view with the
notes), with no request to any other host. Each step's slide carries `data-step` and
`data-minutes`, so a test can check the deck against its plan.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from instructor_kit.deck import Slide
from instructor_kit.plan_text import Resolver, render

ASSETS = "../_static/ows"  # the slides live in slides/, the book's assets in _static/ows/


def _links(names: tuple[str, ...], resolver: Resolver, qr: Callable[[str], str], titles: Callable[[str], str]) -> str:
    """Each short link as a QR code beside its address, split where it wraps best: the
    book's address, then go/<name> in bold, then what it opens."""
    if not names:
        return ""
    items = []
    for name in names:
        address, href = resolver.go(name)
        book, _, rest = address.rpartition("/go/")
        items.append(
            f'<li>{qr(name)}<p><a class="ows-go" href="{html.escape(href)}"><span>{html.escape(book)}/</span>'
            f"<strong>go/{html.escape(rest)}</strong></a><span>{html.escape(titles(name))}</span></p></li>"
        )
    many = " ows-many" if len(names) > 3 else ""
    return f'<ul class="ows-slide-links{many}">{"".join(items)}</ul>'


def _section(number: int, slide: Slide, resolver: Resolver, qr: Callable[[str], str], titles: Callable[[str], str]) -> str:
    heading = "h1" if slide.kind == "title" else "h2"
    attributes = f'id="slide-{number}" data-kind="{slide.kind}"'
    parts = []
    if slide.step is not None:
        attributes += f' data-step="{slide.step}" data-minutes="{slide.minutes}"'
        parts.append(f'<p class="ows-slide-time">{html.escape(slide.timing())}</p>')
    parts.append(f"<{heading}>{html.escape(slide.title)}</{heading}>")
    if slide.kind == "agenda":
        rows = "".join(
            f'<li><span class="ows-clock">{html.escape(line.split(" ", 1)[0])}</span> {html.escape(line.split(" ", 1)[1])}</li>'
            for line in slide.body
        )
        parts.append(f'<ul class="ows-slide-agenda">{rows}</ul>')
    elif slide.kind == "argument":
        parts.append("<ul>" + "".join(f"<li>{render(point, resolver)}</li>" for point in slide.body) + "</ul>")
    else:
        parts += [f"<p>{render(text, resolver)}</p>" for text in slide.body]
    parts.append(_links(slide.links, resolver, qr, titles))
    if slide.source:
        parts.append(f'<p class="ows-slide-source">Source: {render(slide.source, resolver)}</p>')
    notes = "".join(f"<p>{render(text, resolver)}</p>" for text in slide.notes)
    parts.append(f'<aside class="notes">{notes}</aside>')
    return f"<section {attributes}>{''.join(parts)}</section>"


def deck_html(
    title: str,
    description: str,
    slides: list[Slide],
    resolver: Resolver,
    qr: Callable[[str], str],
    titles: Callable[[str], str],
    plan_href: str,
) -> str:
    """The whole page. `qr(name)` draws a short link's QR code, `titles(name)` says what it opens."""
    sections = "\n".join(_section(number, slide, resolver, qr, titles) for number, slide in enumerate(slides, start=1))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(description)}">
<link rel="icon" href="../_static/favicon.svg">
<link rel="stylesheet" href="{ASSETS}/reveal/reveal.css">
<link rel="stylesheet" href="{ASSETS}/slides.css">
<script src="{ASSETS}/reveal/reveal.js" defer></script>
<script src="{ASSETS}/reveal/notes.js" defer></script>
<script src="{ASSETS}/slides.js" defer></script>
</head>
<body>
<noscript><p class="ows-noscript">These slides need JavaScript. The same plan, step by step, is on
<a href="{html.escape(plan_href)}">the workshop's page</a>.</p></noscript>
<div class="reveal"><div class="slides">
{sections}
</div></div>
</body>
</html>
"""
