"""Fixtures every layer shares: the book's builds (run once per test run, in the background:
book_builds.py), the book's static server, Chromium, and a guarded page. Helpers that are not
fixtures are in helpers.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM_ARGS, require_chromium
from hypothesis import settings
from static_server import published_prefix, serving

from tests import book_builds
from tests.book_builds import BuildResult
from tests.helpers import BLOCK_OTHER_HOSTS, HTML, ROOT, PageProblems, guard_page

# Property tests check behaviour, not speed: no per-example deadline on a busy 2-core machine.
settings.register_profile("book", deadline=None)
settings.load_profile("book")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the builds the collected tests need (tests/book_builds.py), while tests run."""
    if not session.config.option.collectonly:
        used = {name for item in session.items for name in getattr(item, "fixturenames", ())}
        book_builds.start(book_builds.shared_dir(session.config), used)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    book_builds.finish(interrupted=exitstatus == pytest.ExitCode.INTERRUPTED or bool(session.shouldstop))


@pytest.fixture(scope="session")
def book_build(pytestconfig: pytest.Config) -> BuildResult:
    """The book, built once per test run exactly as `make book` builds it."""
    return book_builds.wait_for("book", book_builds.shared_dir(pytestconfig))


@pytest.fixture(scope="session")
def second_build(pytestconfig: pytest.Config) -> tuple[Path, BuildResult]:
    """A second clean build of the book, elsewhere: its html folder and its result."""
    shared = book_builds.shared_dir(pytestconfig)
    return book_builds.output_root("second", shared) / "_build" / "html", book_builds.wait_for("second", shared)


@pytest.fixture(scope="session")
def student_build(pytestconfig: pytest.Config) -> tuple[Path, BuildResult]:
    """The student edition, built with no Chromium: its html folder and its result."""
    shared = book_builds.shared_dir(pytestconfig)
    return book_builds.output_root("student", shared) / "_build" / "html", book_builds.wait_for("student", shared)


@pytest.fixture(scope="session")
def built_book(book_build: BuildResult) -> Path:
    assert book_build.returncode == 0, f"the book did not build:\n{book_build.output[-4000:]}"
    return HTML


@pytest.fixture(scope="session")
def server(built_book: Path) -> Iterator[str]:
    """The built book served under its published path, as its host serves it; the address
    has no trailing slash (`f"{server}/chapters/x.html"`). Browsers may keep files for a
    minute: every test opens pages of the same build."""
    with serving(built_book, prefix=published_prefix(ROOT / "_config.yml"), cache_seconds=60) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=[*CHROMIUM_ARGS, BLOCK_OTHER_HOSTS])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def module_context(browser: object) -> Iterator[object]:
    """One browser context for a test module: its pages share the HTTP cache and compiled
    scripts, so each test's page opens faster than in a context of its own. The book keeps
    no state in the browser but the theme's mode (cleared after each guarded page), so tests
    stay independent."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def guarded_page(module_context: object) -> Iterator[tuple[object, PageProblems]]:
    page, problems = guard_page(module_context.new_page())
    yield page, problems
    # The theme's mode (a test may choose dark) is kept in the origin's storage: the next page starts afresh.
    if not page.is_closed():
        page.evaluate("() => { try { localStorage.clear(); } catch {} }")
        page.close()
