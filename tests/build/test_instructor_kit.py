"""The instructor kit: chapter skeletons, reading times, reading paths, workshop timings,
handout PDFs (page by page), run-sheets, slides, short links, QR codes, the Tools pages and
the student edition.

The built pages are parsed rather than the sources wherever the reader sees the result,
so that a directive that renders wrongly fails here even when its input is right.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import segno
from bs4 import BeautifulSoup
from chapter_meta import WORDS_PER_MINUTE
from instructor_kit import roleplay, short_links, workshops
from instructor_kit.handouts import PAPER_SIZES, pdf_path
from pptx import Presentation
from pypdf import PdfReader

from tests.book_builds import BuildResult
from tests.helpers import ROOT
from widgets.recruiter_questions import model as recruiter_model

# Loading and checking the workshop and role-play files needs no build: tests/unit/test_workshops.py.

PATHWAYS = ["chapters/pathways/phd_student.html", "chapters/pathways/postdoc.html", "chapters/pathways/instructor.html"]
WORKSHOP_PAGES = {"workshop_60min": 60, "workshop_half_day": 180}  # workshop -> its length in minutes
AGENDAS = {  # page with a timing table -> the workshop it shows
    "chapters/instructors/workshop_60min.html": "workshop_60min",
    "chapters/instructors/workshop_half_day.html": "workshop_half_day",
    "chapters/instructors/handouts/agenda_60min.html": "workshop_60min",
    "chapters/instructors/handouts/agenda_half_day.html": "workshop_half_day",
    "chapters/instructors/handouts/run_sheet_60min.html": "workshop_60min",
    "chapters/instructors/handouts/run_sheet_half_day.html": "workshop_half_day",
}
PRE_READING = [page for page in AGENDAS if "run_sheet" not in page]  # pages that show the pre-reading
HANDOUTS = {  # handout name -> its page
    "run-sheet-60min": "chapters/instructors/handouts/run_sheet_60min.html",
    "run-sheet-half-day": "chapters/instructors/handouts/run_sheet_half_day.html",
    "recruiter-questions": "chapters/instructors/handouts/recruiter_questions.html",
    "role-cards": "chapters/instructors/handouts/role_cards.html",
    "decision-worksheet": "chapters/instructors/handouts/decision_worksheet.html",
    "agenda-60min": "chapters/instructors/handouts/agenda_60min.html",
    "agenda-half-day": "chapters/instructors/handouts/agenda_half_day.html",
    "feedback": "chapters/instructors/handouts/feedback_form.html",
}
# A recount of a chapter's source differs from the build's count of the rendered page: the
# page shows section numbers, linked chapters' titles, citation labels ("Lin (2018)"),
# "Solution to Exercise 2" headings and glued values where the source has paths, keys and
# names. Measured on every chapter, the two agree within 7%; 10% leaves room for new text
# while still failing if the count took in code, outputs or raw HTML (many times more).
WORD_TOLERANCE = 0.10
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def soup(html: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser")


def box_pages(html: Path) -> dict[str, BeautifulSoup]:
    """Pages that carry an assign-or-cite box, by path."""
    pages = {}
    for path in sorted(html.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "ows-chapter-meta" in text:
            pages[path.relative_to(html).as_posix()] = BeautifulSoup(text, "html.parser")
    return pages


def section_items(page: BeautifulSoup, section_id: str, list_tag: str) -> list:
    section = page.find("section", id=section_id)
    assert section is not None, f"no section #{section_id}"
    found = section.find(list_tag)
    assert found is not None, f"no <{list_tag}> in #{section_id}"
    return found.find_all("li", recursive=False)


# --- chapters: the skeleton and the reading time ---------------------------------------


def test_every_chapter_has_objectives_questions_and_exercises_with_solutions(built_book):
    """Pages at the top of a numbered part are chapters; their companion notebooks are not."""
    chapters = {
        path: page
        for path, page in box_pages(built_book).items()
        if page.select_one(".ows-chapter-meta")["data-level"] == "chapter"
    }
    assert len(chapters) >= 8, sorted(chapters)
    problems = {}
    for path, page in chapters.items():
        objectives = len(section_items(page, "what-you-will-be-able-to-do", "ul"))
        questions = len(section_items(page, "questions-for-discussion", "ol"))
        exercises = page.select("div.exercise")
        solutions = page.select("div.solution")
        found = []
        if not 2 <= objectives <= 4:
            found.append(f"{objectives} objectives")
        if not 3 <= questions <= 5:
            found.append(f"{questions} discussion questions")
        if len(exercises) < 2 or len(solutions) != len(exercises):
            found.append(f"{len(exercises)} exercises, {len(solutions)} solutions")
        if any("dropdown" not in s["class"] for s in solutions):
            found.append("a solution that is not collapsed")
        if found:
            problems[path] = found
    assert problems == {}


def source_words(text: str) -> int:
    """Words a reader would read, recounted from a chapter's MyST source."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
    text = re.sub(r"^(`{3,})\{code-cell\}.*?^\1\s*$", "", text, flags=re.S | re.M)  # code cells
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)  # display maths
    text = re.sub(r"^(`{3,}|:{3,})\{(calculator|decision-guide|solution|include)\}.*$", "", text, flags=re.M)
    text = re.sub(r"^(`{3,}|:{3,})(\{[\w-]+\})?", "", text, flags=re.M)  # fences; an exercise keeps its title
    text = re.sub(r"^:[\w-]+:.*$", "", text, flags=re.M)  # directive options
    text = re.sub(r"\{cite(?::\w+)?\}`([^`]*)`", lambda m: " Author 2000 " * len(m.group(1).split(",")), text)
    # A glued number reads as about two words ("70.3 %", "1,385": the box's count splits at the point or comma).
    text = re.sub(r"\{glue(?::\w+)?\}`[^`]*`", " value value ", text)
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)(?:<[^>]*>)?`", r" \1 ", text)  # other roles: their text
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return len(re.findall(r"[\w’'-]+", text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("---\ntitle: x\n---\nTwo words", 2),
        ("One\n```{code-cell} ipython3\nprint('not prose at all')\n```\nTwo", 2),
        ("See [the essay](https://example.org/a/b) {cite}`lin2018oneway`.", 5),
        ("```{exercise} A title\n:label: ex-a-1\n\nDo it.\n```", 4),
    ],
)
def test_source_words_counts_prose_only(text, words):
    assert source_words(text) == words


def test_reading_times_match_the_chapters_words(built_book):
    pages = box_pages(built_book)
    assert len(pages) >= 10
    problems = {}
    for path, page in pages.items():
        box = page.select_one(".ows-chapter-meta")
        words, minutes = int(box["data-words"]), int(box["data-minutes"])
        recount = source_words((ROOT / path).with_suffix(".md").read_text(encoding="utf-8"))
        if minutes != max(1, math.ceil(words / WORDS_PER_MINUTE)):
            problems[path] = f"{minutes} min for {words} words"
        elif abs(words - recount) > WORD_TOLERANCE * recount:
            problems[path] = f"the page counts {words} words, the source {recount}"
        elif f"about {minutes} min" not in box.get_text():
            problems[path] = "the box does not show its minutes"
    assert problems == {}


# --- reading paths -----------------------------------------------------------------------


def chapter_minutes(html: Path, page_path: str, href: str) -> int:
    target = (html / page_path).parent / unquote(urlparse(href).path)
    box = BeautifulSoup(target.resolve().read_text(encoding="utf-8"), "html.parser").select_one(".ows-chapter-meta")
    assert box is not None, f"{href} has no reading time"
    return int(box["data-minutes"])


@pytest.mark.parametrize("page_path", [*PATHWAYS, *PRE_READING])
def test_a_reading_path_totals_its_chapters_own_reading_times(built_book, page_path):
    page = soup(built_book, page_path)
    total = page.select_one(".ows-path-total")
    assert total is not None
    items = total.find_next(["ol", "ul"]).find_all("li", recursive=False)
    assert len(items) >= (2 if page_path in PATHWAYS else 1)
    minutes = []
    for item in items:
        link, time = item.find("a", class_="internal"), item.select_one(".ows-path-time")
        assert link is not None and time is not None, item
        shown = int(time["data-minutes"])
        assert shown == chapter_minutes(built_book, page_path, link["href"]), link["href"]
        assert f"about {shown} min" in time.get_text()
        minutes.append(shown)
    assert int(total["data-minutes"]) == sum(minutes)
    hours, rest = divmod(sum(minutes), 60)
    assert (f"{hours} hour" if hours else f"{rest} minutes") in total.get_text()


def test_each_pathway_says_what_to_do_after_reading(built_book):
    for page_path in PATHWAYS:
        section = soup(built_book, page_path).find("section", id="after-reading")
        assert section is not None and len(section.find_all("li")) >= 3, page_path


def test_instructor_pages_are_within_two_clicks_of_the_landing_page(built_book):
    def links(page: str) -> set[str]:
        article = soup(built_book, page).find("article")
        found = set()
        for anchor in article.find_all("a", href=True):
            url = urlparse(anchor["href"])
            if not url.scheme and url.path.endswith(".html"):
                found.add(urlparse(urljoin(page, url.path)).path)
        return found

    reached = {"intro.html"}  # the landing page (index.html only redirects to it)
    frontier = {"intro.html"}
    for _ in range(2):
        frontier = {target for page in frontier for target in links(page)} - reached
        reached |= frontier
    kit = {
        p.relative_to(built_book).as_posix()
        for folder in ("chapters/instructors", "chapters/pathways")
        for p in (built_book / folder).rglob("*.html")
    }
    assert len(kit) >= 11
    assert kit - reached == set()


# --- workshops -----------------------------------------------------------------------------


def clock_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@pytest.mark.parametrize(("page_path", "workshop_id"), AGENDAS.items())
def test_workshop_timings_add_up_to_the_session_length(built_book, page_path, workshop_id):
    table = soup(built_book, page_path).select_one("table.ows-agenda")
    assert table is not None
    headers = [th.get_text(strip=True) for th in table.find("thead").find_all("th")]
    assert headers[:3] == ["Time", "Minutes", "Activity"]
    elapsed = 0
    for row in table.find("tbody").find_all("tr"):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        start, end = (clock_minutes(part) for part in cells[0].split("–"))
        minutes = int(cells[1])
        assert (start, end) == (elapsed, elapsed + minutes), cells[:3]
        elapsed += minutes
    assert elapsed == WORKSHOP_PAGES[workshop_id]


@pytest.mark.parametrize("page_path", PRE_READING)
def test_the_pre_reading_takes_at_most_15_minutes(built_book, page_path):
    total = soup(built_book, page_path).select_one(".ows-path-total")
    assert 1 <= int(total["data-minutes"]) <= 15


def test_workshop_plans_have_goals_pre_reading_slides_run_sheet_and_what_to_print(built_book):
    for workshop_id in WORKSHOP_PAGES:
        workshop = workshops.load_workshop(workshop_id)
        page = soup(built_book, f"chapters/instructors/{workshop_id}.html")
        goals = page.select("ul.ows-workshop-goals > li")
        assert len(goals) == len(workshop.goals) >= 2
        hrefs = [a["href"] for a in page.find("article").find_all("a", href=True)]
        for needed in (
            f"slides/{workshop_id}.html",
            f"slides/{workshop_id}.pptx",
            "facilitator_notes.html",
            "feedback_form.html",
        ):
            assert any(href.endswith(needed) for href in hrefs), (workshop_id, needed)
        assert any(re.search(r"run_sheet_[a-z0-9_]+\.html$", href) for href in hrefs)
        printed = page.select(".ows-workshop-print li")
        assert len(printed) == len(workshop.print)
        for item, line in zip(workshop.print, printed):
            assert item.copies in line.get_text(" ", strip=True)
            assert line.find("a", href=re.compile(rf"{item.handout}-a4\.pdf$")) is not None


def test_the_facilitator_notes_cover_the_sensitive_moments(built_book):
    text = soup(built_book, "chapters/instructors/facilitator_notes.html").find("article").get_text(" ", strip=True)
    for needed in ("Common questions", "Students on visas", "Caregivers", "Students with offers in hand", "no legal"):
        assert needed in text, needed


def test_the_landing_pages_line_for_instructors_matches_the_plans(built_book):
    intro = soup(built_book, "intro.html").find("article")
    line = next(p for p in intro.find_all("p") if p.get_text().startswith("If you teach or advise"))
    targets = [a["href"] for a in line.find_all("a", href=True)]
    assert targets == ["chapters/pathways/instructor.html"]  # no other sequence for a session
    assert "one-hour" in line.get_text() and "half-day" in line.get_text()


# --- handouts ----------------------------------------------------------------------------


def test_the_question_sheet_has_the_scorecards_eight_questions(built_book):
    sheet = soup(built_book, HANDOUTS["recruiter-questions"]).select_one(".ows-handout .ows-question-sheet")
    questions = [p.get_text(strip=True) for p in sheet.select("li .ows-sheet-question")]
    assert questions == [p.label for p in recruiter_model.PARAMETERS]
    assert len(questions) == 8
    assert len(sheet.select("li .ows-sheet-answer")) == len(sheet.select("li .ows-sheet-notes")) == 8


def test_the_worksheet_handout_is_the_deciding_chapters_worksheet(built_book):
    chapter = soup(built_book, "chapters/deciding/deciding.html").select_one(".ows-worksheet ol")
    handout = soup(built_book, HANDOUTS["decision-worksheet"]).select_one(".ows-handout ol")
    texts = [[li.get_text(" ", strip=True) for li in found.find_all("li")] for found in (chapter, handout)]
    assert len(texts[0]) >= 5
    assert texts[0] == texts[1]


def expected_pages(name: str) -> range:
    """Run-sheets and the question sheet fit on one page; the role cards print one card a
    page; the rest take one or two."""
    if name.startswith("run-sheet") or name == "recruiter-questions":
        return range(1, 2)
    if name == "role-cards":
        cards = len(roleplay.load_scenarios())
        return range(cards, cards + 1)
    return range(1, 3)


def page_words(printed: Path) -> list[int]:
    return [len(re.findall(r"[\w’'-]+", page.extract_text())) for page in PdfReader(printed).pages]


@pytest.mark.parametrize("name", HANDOUTS)
def test_every_handout_pdf_exists_and_has_its_number_of_pages(built_book, name):
    assert soup(built_book, HANDOUTS[name]).select_one(".ows-handout") is not None
    for size in PAPER_SIZES:
        printed = built_book / pdf_path(name, size)
        assert printed.is_file(), printed
        content = printed.read_bytes()
        assert content.startswith(b"%PDF-")
        assert len(PAGE_OBJECT.findall(content)) in expected_pages(name), (
            f"{printed.name}: {len(PAGE_OBJECT.findall(content))} pages"
        )
        assert b"127.0.0.1" not in content  # links point to the published book, not the build's server


# A page of a handout carries content: more than a footer (the source line, about 25 words
# with its short address) or one question spilled over (the issue found 11 words).
MIN_WORDS_ON_A_PAGE = 60


@pytest.mark.parametrize("name", HANDOUTS)
def test_every_page_of_every_handout_pdf_carries_content(built_book, name):
    for size in PAPER_SIZES:
        words = page_words(built_book / pdf_path(name, size))
        assert min(words) >= MIN_WORDS_ON_A_PAGE, f"{name}-{size}: words per page {words}"


def test_the_page_check_fails_on_a_page_with_almost_nothing_on_it(built_book, tmp_path):
    """The check above reads text page by page: a PDF whose second page holds only a footer fails it."""
    from pypdf import PdfWriter

    source = PdfReader(built_book / pdf_path("decision-worksheet", "a4"))
    writer = PdfWriter()
    writer.add_page(source.pages[0])
    writer.add_blank_page()
    writer.write(tmp_path / "spilled.pdf")
    assert page_words(tmp_path / "spilled.pdf")[1] < MIN_WORDS_ON_A_PAGE


def test_role_cards_print_one_card_a_page_and_the_plans_name_the_right_pages(built_book):
    scenarios = roleplay.load_scenarios()
    for size in PAPER_SIZES:
        pages = [page.extract_text() for page in PdfReader(built_book / pdf_path("role-cards", size)).pages]
        assert len(pages) == len(scenarios)
        for number, (text, scenario) in enumerate(zip(pages, scenarios), start=1):
            assert re.findall(r"Role card ([A-Z]):", text) == [scenario.id], f"page {number}"
            assert short_links.short_address("https://x/", f"card-{scenario.id.lower()}").split("/", 1)[1] in text.replace(
                "\n", ""
            )
    order = [scenario.id for scenario in scenarios]
    for workshop_id in WORKSHOP_PAGES:
        workshop = workshops.load_workshop(workshop_id)
        line = next(
            li.get_text(" ", strip=True)
            for li in soup(built_book, f"chapters/instructors/{workshop_id}.html").select(".ows-workshop-print li")
            if "role-cards-a4.pdf" in str(li)
        )
        pages = [str(order.index(card) + 1) for card in workshop.cards()]
        assert re.search(r"pages? " + r"\D+".join(pages) + r"\)", line), line


def test_the_worksheet_leaves_room_to_write(built_book):
    """Every question of the worksheet has lines to write on, and the printed sheet uses its
    pages: the lines take most of the paper, not the questions."""
    handout = soup(built_book, HANDOUTS["decision-worksheet"]).select_one(".ows-handout")
    assert "ows-worksheet-lines" in str(handout)
    for size in PAPER_SIZES:
        words = page_words(built_book / pdf_path("decision-worksheet", size))
        assert len(words) == 2 and sum(words) < 400, words  # ten questions over two pages


@pytest.mark.parametrize("workshop_id", WORKSHOP_PAGES)
def test_the_run_sheet_has_the_timeline_what_to_say_what_to_print_and_the_short_links(built_book, workshop_id):
    workshop = workshops.load_workshop(workshop_id)
    page = f"chapters/instructors/handouts/run_sheet_{workshop_id.removeprefix('workshop_')}.html"
    sheet = soup(built_book, page).select_one(".ows-handout")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in sheet.select("table.ows-agenda tbody tr")]
    # (Sphinx sets apostrophes as ’.)
    assert [(row[2], row[3].replace("’", "'")) for row in rows] == [(step.label(), step.say) for step in workshop.steps]
    text = sheet.get_text(" ", strip=True)
    for item in workshop.print:
        assert item.copies in text
    names = [name for name in workshop.links() if name not in (workshop.plan_link, workshop.agenda_link, workshop.slides_link)]
    assert [strong.get_text() for strong in sheet.select(".ows-run-sheet-links strong")][1:] == names
    codes = [svg["data-url"] for svg in sheet.select("svg.ows-qr")]
    book = short_links.published_url(BOOK, "")[: -len("go//")]
    assert codes == [short_links.published_url(book, workshop.slides_link), short_links.published_url(book, workshop.plan_link)]
    for size in PAPER_SIZES:
        text = (
            PdfReader(built_book / pdf_path(f"run-sheet-{workshop_id.removeprefix('workshop_').replace('_', '-')}", size))
            .pages[0]
            .extract_text()
        )
        assert workshop.steps[-1].say.split(",")[0] in text.replace("\n", " ")


def test_the_handouts_page_links_every_handout_pdf(built_book):
    page_path = "chapters/instructors/handouts/index.html"
    targets = {
        (built_book / page_path).parent.joinpath(a["href"]).resolve()
        for a in soup(built_book, page_path).find("article").find_all("a", href=re.compile(r"\.pdf$"))
    }
    expected = {(built_book / pdf_path(name, size)).resolve() for name in HANDOUTS for size in PAPER_SIZES}
    assert expected <= targets
    assert set((built_book / "handouts").glob("*.pdf")) == {path for path in expected}


# --- slides -------------------------------------------------------------------------------


@pytest.mark.parametrize("workshop_id", WORKSHOP_PAGES)
def test_each_html_deck_follows_its_plan(built_book, workshop_id):
    """Every step, in order, with its minutes and its times; its short links; the facilitator's
    words as speaker notes."""
    workshop = workshops.load_workshop(workshop_id)
    page = soup(built_book, f"slides/{workshop_id}.html")
    sections = page.select(".reveal .slides > section")
    steps = [section for section in sections if section.get("data-step")]
    assert [int(section["data-step"]) for section in steps] == list(range(1, len(workshop.steps) + 1))
    for section, start, step in zip(steps, workshop.starts(), workshop.steps):
        assert int(section["data-minutes"]) == step.minutes
        assert section.find("h2").get_text() == step.label()
        timing = section.select_one(".ows-slide-time").get_text()
        assert timing == f"{workshops.clock(start)}–{workshops.clock(start + step.minutes)} · {step.minutes} minutes"
        assert [svg["data-url"].rstrip("/").rsplit("/", 1)[1] for svg in section.select("svg.ows-qr")] == list(step.links)
        notes = section.select_one("aside.notes").get_text(" ", strip=True)
        assert step.say in notes
    assert sum(int(section["data-minutes"]) for section in steps) == workshop.length_minutes
    assert len([s for s in sections if s["data-kind"] == "argument"]) == 8


@pytest.mark.parametrize("workshop_id", WORKSHOP_PAGES)
def test_each_powerpoint_deck_follows_its_plan(built_book, workshop_id):
    workshop = workshops.load_workshop(workshop_id)
    presentation = Presentation(str(built_book / f"slides/{workshop_id}.pptx"))
    found = []
    for slide in presentation.slides:
        body = slide.placeholders[1].text_frame.text
        timing = re.match(r"(\d+:\d\d)–(\d+:\d\d) · (\d+) minutes?", body)
        if timing:
            found.append((slide.shapes.title.text, int(timing[3])))
            assert slide.notes_slide.notes_text_frame.text.startswith("Say: ")
    assert found == [(step.label(), step.minutes) for step in workshop.steps]


# --- short links and QR codes ----------------------------------------------------------------

BOOK = "https://one-way-street.github.io/one-way-street/"


def test_the_published_address_is_the_configured_one():
    import yaml

    assert yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["html"]["baseurl"] == BOOK


def test_every_short_link_is_a_redirect_to_its_page(built_book):
    links = short_links.load_short_links()
    assert sorted(path.name for path in (built_book / "go").iterdir()) == sorted(links)
    for name, link in links.items():
        page = (built_book / "go" / name / "index.html").read_text(encoding="utf-8")
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page)[1].replace("&amp;", "&")
        path, _, fragment = target.partition("#")
        assert (built_book / "go" / name / path).resolve().is_file(), (name, target)
        assert ("#" + fragment if fragment else "") == link.fragment
        icon = re.search(r'<link rel="icon" href="([^"]+)">', page)  # or the browser asks for /favicon.ico
        assert icon and (built_book / "go" / name / icon[1]).resolve().is_file(), name


def test_every_qr_code_in_the_book_draws_a_short_address_of_the_book(built_book):
    pages = [*built_book.glob("chapters/instructors/**/*.html"), *built_book.glob("slides/*.html")]
    found = 0
    for page in pages:
        for svg in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("svg.ows-qr"):
            url = svg["data-url"]
            assert url.startswith(f"{BOOK}go/") and url.endswith("/"), (page, url)
            assert url.removeprefix(f"{BOOK}go/").rstrip("/") in short_links.load_short_links()
            drawn = svg.find("path", class_="qrline")["d"]
            assert f'd="{drawn}"' in segno.make(url, error="m").svg_inline(border=2), (page, url)
            found += 1
    assert found >= 30


# --- the Tools part -------------------------------------------------------------------------

TOOLS = {  # page -> (what the page holds, the chapter it links)
    "chapters/tools/recruiter_scorecard.html": ('[data-calculator="recruiter-questions"]', "recruiting_pitch.html"),
    "chapters/tools/publication_gap.html": ('[data-calculator="publication-gap"]', "publications.html"),
    "chapters/tools/career_paths.html": ('[data-calculator="career-paths"]', "deciding/deciding.html"),
    "chapters/tools/decision_guide.html": ("[data-guide]", "deciding/deciding.html"),
}


@pytest.mark.parametrize("page_path", TOOLS)
def test_a_tool_page_is_a_paragraph_the_tool_and_a_link_to_its_chapter(built_book, page_path):
    selector, chapter = TOOLS[page_path]
    article = soup(built_book, page_path).find("article")
    assert len(article.select(selector)) == 1
    paragraphs = [p for p in article.find_all("p", recursive=True) if not p.find_parent(class_="cell")]
    assert 2 <= len(paragraphs) <= 3
    assert any(a["href"].endswith(chapter) for a in paragraphs[-1].find_all("a", href=True))


def test_the_scorecard_is_the_first_thing_on_its_page(built_book):
    """Under the page's title and the heading above it (which keeps headings in order for its
    own), nothing comes before the scorecard. (The bar of notebook links sits above the title.)"""
    article = soup(built_book, "chapters/tools/recruiter_scorecard.html").find("article")
    article.select_one(".ows-launch").decompose()
    first = next(
        element
        for element in article.find_all(["p", "div", "ul", "ol", "table"])
        if element.get_text(strip=True) and not element.find(["h1", "h2"])
    )
    cell = first if "cell" in first.get("class", []) else first.find_parent(class_="cell")
    assert cell is not None and cell.select_one('[data-calculator="recruiter-questions"]') is not None


# --- the student edition -------------------------------------------------------------------


@pytest.fixture(scope="module")
def student_book(student_build: tuple[Path, BuildResult]) -> tuple[Path, BuildResult]:
    """The book built with OWS_EDITION=student, and with no Chromium to print the handouts
    (tests/book_builds.py builds it from the normal build's notebook cache)."""
    html, result = student_build
    assert result.returncode == 0, f"the student edition did not build:\n{result.output[-4000:]}"
    return html, result


def test_the_student_edition_has_the_exercises_but_no_solutions(built_book, student_book):
    def count(html: Path, marker: str) -> int:
        return sum(page.read_text(encoding="utf-8").count(marker) for page in html.rglob("*.html"))

    html, _ = student_book
    exercise, solution = '<div class="exercise admonition"', '<div class="solution'
    assert count(built_book, solution) >= 16  # the normal edition has them, so this test can fail
    assert count(html, exercise) == count(built_book, exercise)
    assert count(html, solution) == 0


def test_without_chromium_the_book_builds_says_so_once_and_make_handouts_prints_later(student_book):
    html, result = student_book
    said = [line for line in result.output.splitlines() if "Chromium" in line]
    assert len(said) == 1 and "make handouts" in said[0], said
    assert list((html / "handouts").glob("*.pdf")) == []
    done = subprocess.run(
        [sys.executable, "-m", "instructor_kit.pdf", str(html)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
    )
    assert done.returncode == 0, done.stderr
    printed = {path.name for path in (html / "handouts").glob("*.pdf")}
    assert printed == {Path(pdf_path(name, size)).name for name in HANDOUTS for size in PAPER_SIZES}
