"""Every page of the built book: private, error-free, accessible, and its links resolve."""

from __future__ import annotations

import contextlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.test_evidence_browser import PAGES as EVIDENCE_PAGES
from tests.browser.test_evidence_browser import clipped_chart_text, evidence_problems
from tests.helpers import (
    axe_violations,
    book_pages,
    budget_for,
    draw_all_figures,
    ready_all_calculators,
    slides_pages,
    toc_pages,
    transfer,
)

# One test per page, listed from the table of contents and the workshop plans (their slides)
# so that the tests exist before the book is built; the first test checks that the built book
# has exactly these pages.
PAGES = sorted(toc_pages() + slides_pages())


def test_every_built_page_is_checked(built_book):
    assert book_pages(built_book) == PAGES
    assert len(PAGES) >= 5


REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def visit(page, server: str, html: Path, page_path: str) -> None:
    """Open a page as a reader does: a redirect (the front page) is followed to where it sends."""
    url = f"{server}/{page_path}"
    redirect = REDIRECT.search((html / page_path).read_text(encoding="utf-8"))
    if redirect is None:
        page.goto(url, wait_until="load")
        return
    with page.expect_navigation(url=f"**/{redirect.group(1)}", wait_until="load"):
        page.goto(url)


def check_page(page, problems, server: str, html: Path, page_path: str) -> list[str]:
    """Everything wrong with one page, as readable lines (empty when the page is fine)."""
    requested: list[str] = []  # from the browser's cache too: the weights count every file
    page.on("request", lambda request: requested.append(request.url))
    visit(page, server, html, page_path)
    ready_all_calculators(page)
    draw_all_figures(page)
    found = axe_violations(page)
    if re.search(r"\b(NaN|undefined)\b", page.locator("body").inner_text()):
        found.append("NaN or undefined on the page")
    evidence = page_path in EVIDENCE_PAGES
    if evidence:
        found += evidence_problems(page, page_path)
    page.set_viewport_size({"width": 360, "height": 740})  # a phone: nothing may widen the page
    # Charts follow the new width after plotly's resize handler runs.
    wide = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    with contextlib.suppress(PlaywrightTimeout):  # still too wide: reported below
        page.wait_for_function(f"({wide}) <= 0", timeout=3000)
    overflow = page.evaluate(wide)
    if overflow > 0:
        found.append(f"scrolls sideways by {overflow}px at 360px wide")
    if evidence:
        found += clipped_chart_text(page)
    # Issue 7's budgets: everything the page loaded, gzipped as a server would send it.
    _, _, weight = transfer(html, server, requested)
    if weight > (budget := budget_for(html / page_path)):
        found.append(f"weighs {weight // 1024} KB gzipped, over its {budget // 1024} KB budget")
    found += [f"dark mode: {line}" for line in dark_mode_contrast(page)]
    return found + problems.lines()


def dark_mode_contrast(page) -> list[str]:
    """axe's colour-contrast rule on the page reloaded in dark mode, as a reader who chose it
    sees it from the first paint. (Switching the theme on the open page instead left axe judging
    the search button's text against a background still fading.) The reload comes from the
    browser's cache, so it costs less than a visit of its own."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    page.reload(wait_until="load")
    ready_all_calculators(page)
    if page.evaluate("document.documentElement.dataset.theme") != "dark":
        return ["the page did not open in dark mode"]
    return axe_violations(page, ["color-contrast"])


@pytest.mark.parametrize("page_path", PAGES)
def test_the_page_is_private_error_free_and_accessible(guarded_page, server, built_book, page_path):
    """No request to another host, no console or page error, zero axe (WCAG 2.1 A/AA) violations,
    no sideways scrolling on a phone-sized screen, within its weight budget, and enough contrast
    in dark mode too; on an evidence page, complete charts, no missing values and no chart
    text cut off on a phone (test_evidence_browser.py)."""
    assert check_page(*guarded_page, server, built_book, page_path) == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for key in ("href", "src"):
            if tag in ("a", "link", "script", "img") and values.get(key):
                self.links.append(values[key])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _is_scenario(page: Path, fragment: str) -> bool:
    """A scorecard scenario ("#rq:question=answer&..."), read by the page's recruiter-questions calculator."""
    return fragment.startswith("rq:") and 'data-calculator="recruiter-questions"' in page.read_text(encoding="utf-8")


def test_internal_links_and_anchors_resolve(built_book):
    pages = [page for page in built_book.rglob("*.html") if "_static" not in page.parts and page.name != "404.html"]
    parsed = {page: _parse(page) for page in pages}
    broken = []
    for page, links in parsed.items():
        for link in links.links:
            url = urlparse(link)
            if url.scheme or url.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_book)} -> {link}")
            elif url.fragment and target.suffix == ".html" and not _is_scenario(target, unquote(url.fragment)):
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_book)} -> {link} (no such anchor)")
    assert broken == []
