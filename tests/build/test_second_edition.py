"""The second edition on the built pages (issue 13): the reader's map, the ten-minute page, the
length targets by the book's own reading-time count, and numbers stated once."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from tests.helpers import book_pages, toc_parts
from widgets import evidence
from widgets.recruiter_questions.model import PARAMETERS

ARGUMENT_WORDS_LIMIT = 11_000  # issue 13: the argument chapters together
STUDENT_PATH_MINUTES_LIMIT = 60


def article(html: Path, page: str) -> BeautifulSoup:
    found = BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser").find("article")
    assert found is not None, page
    return found


def internal_links(html: Path, page: str, within: BeautifulSoup | None = None) -> list[str]:
    """The book pages a page's article links to, in order, as paths from the book's root."""
    links = []
    for anchor in (within or article(html, page)).find_all("a", href=True):
        url = urlparse(anchor["href"])
        if not url.scheme and url.path.endswith(".html"):
            links.append(urlparse(urljoin(page, url.path)).path)
    return links


def part_pages(caption: str) -> list[str]:
    return next([f"{name}.html" for name in files] for part, files in toc_parts() if part == caption)


def test_no_page_title_carries_a_number_that_follows_its_parents_sections(built_book):
    for page in book_pages(built_book):
        heading = BeautifulSoup((built_book / page).read_text(encoding="utf-8"), "html.parser").find("h1")
        number = heading.find("span", class_="section-number") if heading else None
        assert number is None or re.fullmatch(r"\d+\. ", number.get_text()), (page, number)


def test_the_landing_page_sends_readers_to_the_ten_minute_page_first_and_links_acting_on_it(built_book):
    links = internal_links(built_book, "intro.html")
    reference = {"chapters/about.html", "chapters/bibliography.html"}  # the essay's citation and credit
    chapters = [link for link in links if link.startswith("chapters/") and link not in reference]
    assert chapters[0] == "chapters/ten_minutes.html"
    assert "chapters/acting_on_it.html" in links


def test_start_here_holds_the_ten_minute_page_and_the_reading_paths():
    assert part_pages("Start here") == [
        "chapters/ten_minutes.html",
        "chapters/pathways/phd_student.html",
        "chapters/pathways/postdoc.html",
    ]


def test_the_student_path_keeps_the_recruiting_pitch_on_its_short_route(built_book):
    page = "chapters/pathways/phd_student.html"
    short_route = next(p for p in article(built_book, page).find_all("p") if "Short of time" in p.get_text())
    assert {"chapters/ten_minutes.html", "chapters/recruiting_pitch.html"} <= set(internal_links(built_book, page, short_route))
    assert "chapters/acting_on_it.html" in internal_links(built_book, page)


def test_the_ten_minute_page_shows_the_scorecards_eight_questions_and_links_the_tools(built_book):
    page = "chapters/ten_minutes.html"
    questions = article(built_book, page).select("ol.ows-ten-minute-questions > li > strong")
    assert [q.get_text() for q in questions] == [p.label for p in PARAMETERS]
    links = set(internal_links(built_book, page))
    assert {"chapters/recruiting_pitch.html", "chapters/deciding/deciding.html"} <= links


def test_the_argument_and_the_student_path_stay_within_their_length(built_book):
    """By the book's own count: the words in each chapter's box and the path's total minutes."""
    words = 0
    for page in part_pages("The argument"):
        box = article(built_book, page).select_one(".ows-chapter-meta")
        words += int(box["data-words"])
    assert words <= ARGUMENT_WORDS_LIMIT
    total = article(built_book, "chapters/pathways/phd_student.html").select_one(".ows-path-total")
    assert int(total["data-minutes"]) <= STUDENT_PATH_MINUTES_LIMIT


def test_a_headline_pair_of_numbers_is_stated_on_one_page_only(built_book):
    """A reader who starts at the beginning reads 'x % to industry, y % to academe' and the two
    salaries in the prose of one page, not in consecutive chapters (the first edition stated each
    twice). Tables made from the data (the salaries by field in Acting on it) are reference, not prose."""
    pages = ["intro.html", *part_pages("Start here"), *part_pages("The argument"), "chapters/acting_on_it.html"]
    texts = {}
    for page in pages:
        text = article(built_book, page)
        for output in text.select("div.cell"):
            output.decompose()
        texts[page] = text.get_text(" ")
    shares = evidence.destination_shares(evidence.CIS).iloc[-1]
    sectors = ("industry_or_business", "academe")
    destinations = tuple(evidence.percent_text(shares[sector]) for sector in sectors)
    salaries = tuple(f"{evidence.salary(evidence.CIS, sector):,}" for sector in sectors)
    for pair in (destinations, salaries):
        stating = [page for page, text in texts.items() if all(number in text for number in pair)]
        assert len(stating) <= 1, (pair, stating)
