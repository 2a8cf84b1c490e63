"""A workshop's deck as an editable PowerPoint file (python-pptx), for an office to brand and
extend: the default template's layouts (title, title and content), so a new theme or slide
master restyles every slide; the speaker notes in the notes pages; QR codes as pictures.

Two builds write the same bytes: the document's dates are fixed and the zip entries carry
one fixed time.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches, Pt

from instructor_kit.deck import Slide
from instructor_kit.plan_text import Resolver, plain

TITLE_LAYOUT, CONTENT_LAYOUT = 0, 1  # in python-pptx's default template
QR_SIZE = Inches(1.25)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _add_qr_codes(slide, names: tuple[str, ...], png: Callable[[str], bytes]) -> None:
    """A row of QR codes along the bottom, each captioned with its link's name."""
    for index, name in enumerate(names):
        left, top = Inches(0.5) + index * Inches(1.5), Inches(5.3)
        slide.shapes.add_picture(io.BytesIO(png(name)), left, top, QR_SIZE, QR_SIZE)
        caption = slide.shapes.add_textbox(left, top + QR_SIZE, QR_SIZE, Inches(0.4)).text_frame
        caption.text = f"go/{name}"
        caption.paragraphs[0].runs[0].font.size = Pt(11)


def _fill(body, paragraphs: list[tuple[str, bool]], size: int) -> None:
    frame = body.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    for index, (text, bold) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = text
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold


def deck_pptx(
    title: str,
    slides: list[Slide],
    resolver: Resolver,
    png: Callable[[str], bytes],
    address: Callable[[str], str],
    year: int,
) -> bytes:
    """The .pptx file's bytes. `png(name)` is a short link's QR code, `address(name)` its short address."""
    presentation = Presentation()
    for deck_slide in slides:
        layout = presentation.slide_layouts[TITLE_LAYOUT if deck_slide.kind == "title" else CONTENT_LAYOUT]
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = deck_slide.title
        body = slide.placeholders[1]
        paragraphs: list[tuple[str, bool]] = []
        if deck_slide.step is not None:
            paragraphs.append((deck_slide.timing(), True))
        paragraphs += [(plain(text, resolver), False) for text in deck_slide.body]
        paragraphs += [(address(name), True) for name in deck_slide.links]
        if deck_slide.source:
            paragraphs.append((f"Source: {plain(deck_slide.source, resolver)}", False))
        # Room for the QR codes below. (Set all four: a placeholder that sets one inherits none.)
        left, top, width = body.left, body.top, body.width
        if deck_slide.kind == "title":
            body.left, body.top, body.width, body.height = left, top, width, Inches(1.0)
        elif deck_slide.links:
            body.left, body.top, body.width, body.height = left, Inches(1.6), width, Inches(3.6)
        _fill(body, paragraphs, 18 if deck_slide.kind in ("agenda", "title") else 22)
        _add_qr_codes(slide, deck_slide.links, png)
        notes = slide.notes_slide.notes_text_frame
        notes.text = "\n".join(plain(text, resolver) for text in deck_slide.notes)
    properties = presentation.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = "One-Way Street"
    properties.created = properties.modified = datetime.datetime(year, 1, 1)
    properties.revision = 1
    buffer = io.BytesIO()
    presentation.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(package: bytes) -> bytes:
    """The same zip with one fixed time on every entry, so that two builds match byte for byte."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(zipfile.ZipInfo(entry.filename, ZIP_TIME), source.read(entry.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()
