"""Shared fixtures: the built book, a local static server, and a guarded Chromium page."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from hypothesis import settings

# Property tests check behaviour, not speed: no per-example deadline on a busy 2-core machine.
settings.register_profile("book", deadline=None)
settings.load_profile("book")

from chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
# The book builds into ROOT/_build; OWS_OUTPUT_ROOT moves it (e.g. for parallel checkouts).
OUTPUT_ROOT = Path(os.environ.get("OWS_OUTPUT_ROOT", ROOT))
HTML = OUTPUT_ROOT / "_build" / "html"


@dataclass
class BuildResult:
    returncode: int
    output: str


@pytest.fixture(scope="session")
def book_build() -> BuildResult:
    """Build the book once per session, exactly as `make book` does."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--path-output", str(OUTPUT_ROOT)]
    command += ["--warningiserror", "--nitpick", "--keep-going"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return BuildResult(done.returncode, done.stdout + done.stderr)


@pytest.fixture(scope="session")
def built_book(book_build: BuildResult) -> Path:
    assert book_build.returncode == 0, f"the book did not build:\n{book_build.output[-4000:]}"
    return HTML


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="session")
def server(built_book: Path) -> Iterator[str]:
    """A plain static server for the built book, on a free localhost port."""
    handler = functools.partial(QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageProblems:
    """What went wrong while a page was open; every test asserts it stays empty."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.external_requests == [], f"requests to other hosts: {self.external_requests}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.page_errors == [], f"page errors: {self.page_errors}"


def open_page(browser: object, width: int = 1280, height: int = 900) -> tuple[object, PageProblems]:
    """A page that aborts (and records) every request to a host other than localhost."""
    problems = PageProblems()
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()

    def guard(route: object) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            problems.external_requests.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda m: problems.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.page_errors.append(str(e)))
    return page, problems


def ready_calculator(page: object, selector: str, timeout: int = 15000) -> object:
    """The calculator matching `selector`, once it has rendered (`data-ready`).

    Its chart is drawn when it nears the viewport, and the first render includes the chart,
    so this scrolls to the chart first, as a reader would.
    """
    page.locator(f"{selector} .ows-chart").first.scroll_into_view_if_needed(timeout=timeout)
    root = page.locator(f'{selector}[data-ready="true"]')
    root.wait_for(timeout=timeout)
    return root


def ready_all_calculators(page: object) -> None:
    """Wait until every calculator on the page has rendered, chart included."""
    for name in page.locator("[data-calculator]").evaluate_all("all => all.map((c) => c.dataset.calculator)"):
        ready_calculator(page, f'[data-calculator="{name}"]')


def draw_all_figures(page: object, timeout: int = 15000) -> int:
    """Scroll to each static figure in turn (they draw when near the viewport) until it is drawn.

    Returns how many figures the page has.
    """
    figures = page.locator(".ows-figure").all()
    for figure in figures:
        figure.scroll_into_view_if_needed()
        figure.locator(".js-plotly-plot").wait_for(timeout=timeout)
    return len(figures)


def tab_to_field(page: object, name: str, most: int = 300) -> None:
    """Press Tab from where focus is until the field `name` has it, and check its focus ring."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            break
    else:
        pytest.fail(f"Tab never reached the {name} field")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused field shows no focus ring"


@pytest.fixture
def guarded_page(browser: object) -> Iterator[tuple[object, PageProblems]]:
    page, problems = open_page(browser)
    yield page, problems
    page.context.close()
