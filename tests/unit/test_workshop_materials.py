"""What the workshops hand out, checked without a build: the slide deck made from each plan,
the PowerPoint file, plan texts rendered outside Sphinx, short links, QR codes and the
numbers from data/ in workshop texts. (The built slides, redirects and PDFs: tests/build.)"""

from __future__ import annotations

import io
import re

import pytest
import segno
from instructor_kit import deck, field_data, plan_text, qr, roleplay, short_links, workshops
from instructor_kit.slides_pptx import deck_pptx
from pptx import Presentation

from tests.helpers import toc_pages
from widgets import evidence

BOOK = "https://example.org/book/"
RESOLVER = plan_text.Resolver(
    page=lambda docname: plan_text.Link(f"Title of {docname}", f"../{docname}.html"),
    go=lambda name: plan_text.Link(short_links.short_address(BOOK, name), f"../go/{name}/"),
)
PLANS = workshops.known_workshops()


def plan_deck(workshop_id: str) -> tuple[workshops.Workshop, list[deck.Slide]]:
    workshop = workshops.load_workshop(workshop_id)
    return workshop, deck.deck(workshop, deck.load_argument(), workshop.agenda_link)


# --- the deck --------------------------------------------------------------------------


@pytest.mark.parametrize("workshop_id", PLANS)
def test_the_deck_has_every_step_in_order_with_its_minutes(workshop_id):
    workshop, slides = plan_deck(workshop_id)
    steps = [slide for slide in slides if slide.kind == "step"]
    assert [(s.step, s.title, s.start, s.minutes) for s in steps] == [
        (number, step.label(), start, step.minutes)
        for number, (start, step) in enumerate(zip(workshop.starts(), workshop.steps), start=1)
    ]
    for slide, step in zip(steps, workshop.steps):
        assert slide.notes == (f"Say: {step.say}", step.facilitator)  # the facilitator column, as notes
        assert slide.links == step.links


@pytest.mark.parametrize("workshop_id", PLANS)
def test_the_argument_slides_follow_the_step_that_asks_for_them(workshop_id):
    workshop, slides = plan_deck(workshop_id)
    argument = deck.load_argument().slides
    kinds = [slide.kind for slide in slides]
    at = next(i for i, slide in enumerate(slides) if slide.kind == "step" and workshop.steps[slide.step - 1].slides)
    assert kinds[:2] == ["title", "agenda"]
    assert kinds[at + 1 : at + 1 + len(argument)] == ["argument"] * len(argument)
    assert 6 <= len(argument) <= 10  # "the argument in about eight slides"
    assert kinds.count("argument") == len(argument)


def test_a_slides_timing_reads_as_a_clock():
    slide = deck.Slide("step", "t", (), (), step=2, start=58, minutes=5)
    assert slide.timing() == "0:58–1:03 · 5 minutes"
    assert deck.Slide("argument", "t", (), ()).timing() == ""


@pytest.mark.parametrize("workshop_id", PLANS)
def test_every_text_of_every_deck_renders_as_html_and_as_plain_text(workshop_id):
    _, slides = plan_deck(workshop_id)
    for slide in slides:
        for text in (*slide.body, *slide.notes, *([slide.source] if slide.source else [])):
            rendered = plan_text.render(text, RESOLVER)
            plain = plan_text.plain(text, RESOLVER)
            assert "{" not in plain and "`" not in plain and "**" not in plain, text
            assert "<a " in rendered or "{doc}" not in text


@pytest.mark.parametrize("workshop_id", PLANS)
def test_the_powerpoint_file_has_the_decks_slides_notes_and_codes(workshop_id):
    workshop, slides = plan_deck(workshop_id)
    codes: list[str] = []

    def png(name: str) -> bytes:
        codes.append(name)
        return qr.qr_png(short_links.published_url(BOOK, name), BOOK)

    made = deck_pptx("t", slides, RESOLVER, png, lambda name: short_links.short_address(BOOK, name), 2026)
    presentation = Presentation(io.BytesIO(made))
    assert len(presentation.slides) == len(slides)
    step_numbers = iter(range(1, len(workshop.steps) + 1))
    for made_slide, slide in zip(presentation.slides, slides):
        assert made_slide.shapes.title.text == slide.title
        notes = made_slide.notes_slide.notes_text_frame.text
        assert notes == "\n".join(plan_text.plain(text, RESOLVER) for text in slide.notes)
        pictures = [shape for shape in made_slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == len(slide.links)
        if slide.kind == "step":
            assert slide.step == next(step_numbers)
            assert slide.timing() in made_slide.placeholders[1].text_frame.text
    assert codes == [name for slide in slides for name in slide.links]


@pytest.mark.parametrize("workshop_id", PLANS)
def test_the_powerpoint_slides_keep_every_shape_on_the_slide_and_apart(workshop_id):
    _, slides = plan_deck(workshop_id)
    png = lambda name: qr.qr_png(short_links.published_url(BOOK, name), BOOK)  # noqa: E731
    made = deck_pptx("t", slides, RESOLVER, png, lambda name: short_links.short_address(BOOK, name), 2026)
    presentation = Presentation(io.BytesIO(made))
    width, height = presentation.slide_width, presentation.slide_height
    for number, slide in enumerate(presentation.slides, start=1):
        boxes = [(shape.left, shape.top, shape.left + shape.width, shape.top + shape.height) for shape in slide.shapes]
        for left, top, right, bottom in boxes:
            assert 0 <= left < right <= width and 0 <= top < bottom <= height, number
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, f"slide {number}: shapes overlap"


def test_the_powerpoint_file_is_the_same_bytes_every_time():
    _, slides = plan_deck("workshop_60min")

    def make() -> bytes:
        png = lambda name: qr.qr_png(short_links.published_url(BOOK, name), BOOK)  # noqa: E731
        return deck_pptx("t", slides, RESOLVER, png, lambda name: short_links.short_address(BOOK, name), 2026)

    assert make() == make()


# --- plan texts outside Sphinx ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "as_html", "plain"),
    [
        ("See {doc}`/chapters/a`.", 'See <a class="ows-page" href="../chapters/a.html">Title of chapters/a</a>.', None),
        (
            "See {doc}`this page </chapters/a>`.",
            'See <a class="ows-page" href="../chapters/a.html">this page</a>.',
            "See this page.",
        ),
        (
            "Open {go}`gap`.",
            'Open <a class="ows-go" href="../go/gap/">example.org/book/go/gap</a>.',
            "Open example.org/book/go/gap.",
        ),
        ("**Bold** and *it* <b>", "<strong>Bold</strong> and <em>it</em> &lt;b&gt;", "Bold and it <b>"),
    ],
)
def test_plan_texts_render_links_emphasis_and_escape_the_rest(text, as_html, plain):
    assert plan_text.render(text, RESOLVER) == as_html
    if plain is not None:
        assert plan_text.plain(text, RESOLVER) == plain


def test_a_data_role_renders_the_number_from_data():
    field = "Physical sciences"
    shares = evidence.postdoc_share(field)
    year = int(shares.index.max())
    expected = f"In {year}, {evidence.percent_text(shares[year])}."
    assert plan_text.plain(f"In {{postdoc-share-year}}`{field}`, {{postdoc-share}}`{field}`.", RESOLVER) == expected


@pytest.mark.parametrize("text", ["a {cite}`lin2018oneway` b", "a stray ` b", "{term}`x`"])
def test_markup_the_slides_cannot_render_is_refused(text):
    with pytest.raises(ValueError, match="cannot"):
        plan_text.render(text, RESOLVER)


def test_an_unknown_field_is_refused_with_the_parameter_named():
    with pytest.raises(ValueError, match="field must be one of the fields in sed_postdoc_share.csv; got 'Alchemy'"):
        field_data.postdoc_share_text("Alchemy")


# --- short links and QR codes ----------------------------------------------------------------


def test_every_short_link_opens_a_page_of_the_book_or_a_deck():
    links = short_links.load_short_links()
    pages = {page.removesuffix(".html") for page in toc_pages()}
    assert short_links.missing_targets(links, pages) == []
    assert short_links.missing_targets({"x": short_links.ShortLink("x", "chapters/nowhere")}, pages) == [
        "short link 'x': no page or file 'chapters/nowhere'"
    ]
    assert {"scorecard", "guide", "gap", "paths"} <= set(links)
    for name in links:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name


def test_each_role_card_has_a_named_link_to_its_true_answers():
    links = short_links.load_short_links()
    for scenario in roleplay.load_scenarios():
        link = links[f"card-{scenario.id.lower()}"]
        assert (link.target, link.fragment) == (short_links.SCORECARD_TOOL, scenario.fragment())
        assert len(short_links.short_address(BOOK, link.name)) < 40  # not the 250-character fragment


def test_short_addresses():
    assert short_links.published_url(BOOK, "gap") == "https://example.org/book/go/gap/"
    assert short_links.short_address(BOOK, "gap") == "example.org/book/go/gap"
    assert short_links.short_address("https://example.org", "gap") == "example.org/go/gap"


def test_a_qr_code_draws_its_address_and_only_the_books():
    url = short_links.published_url(BOOK, "scorecard")
    svg = qr.qr_svg(url, BOOK, "QR code for the scorecard")
    assert 'role="img"' in svg and 'aria-label="QR code for the scorecard"' in svg
    assert re.search(r'data-url="([^"]+)"', svg)[1] == url
    drawn = re.search(r'class="qrline" stroke="#000" d="([^"]+)"', svg)[1]
    again = segno.make(url, error="m").svg_inline(border=2, dark="#000", light="#fff", omitsize=True)
    assert f'd="{drawn}"' in again
    assert f'd="{drawn}"' not in segno.make(url + "x", error="m").svg_inline(border=2, omitsize=True)
    assert qr.qr_png(url, BOOK).startswith(b"\x89PNG")
    for elsewhere in ("https://example.com/", "https://example.org/other/go/gap/", "http://example.org/book/go/gap/"):
        with pytest.raises(ValueError, match="a QR code must point into the book"):
            qr.qr_svg(elsewhere, BOOK, "x")
        with pytest.raises(ValueError, match="a QR code must point into the book"):
            qr.qr_png(elsewhere, BOOK)
