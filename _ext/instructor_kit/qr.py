"""QR codes, drawn at build time with segno, for the book's own addresses only.

A code is an inline SVG (for pages, slides and the PDFs printed from pages) or a PNG (for
the PowerPoint slides). Its address is kept beside it in `data-url`, so a test can draw the
address again and compare. A code for any address outside the book is refused: the kit
sends people nowhere else.
"""

from __future__ import annotations

import html
import io

import segno


def _code(url: str, book: str) -> segno.QRCode:
    if not url.startswith(book):
        raise ValueError(f"a QR code must point into the book ({book}); got {url!r}")
    return segno.make(url, error="m")


def qr_svg(url: str, book: str, label: str) -> str:
    """An inline SVG of the QR code for `url`, named for screen readers by `label`.
    Black on white whatever the theme, with a quiet zone, as scanners need."""
    svg = _code(url, book).svg_inline(border=2, dark="#000", light="#fff", omitsize=True, svgclass="ows-qr")
    attributes = f'role="img" aria-label="{html.escape(label)}" data-url="{html.escape(url)}"'
    return svg.replace("<svg ", f"<svg {attributes} ", 1)


def qr_png(url: str, book: str) -> bytes:
    """The QR code for `url` as a PNG (for the PowerPoint slides)."""
    buffer = io.BytesIO()
    _code(url, book).save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()
