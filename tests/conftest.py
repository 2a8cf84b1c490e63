"""Fixtures every layer shares: the built book (built once, even across xdist workers), the
book's static server, Chromium, and a guarded page. Helpers that are not fixtures are in
helpers.py."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from chromium import CHROMIUM_ARGS, require_chromium
from filelock import FileLock
from hypothesis import settings
from static_server import published_prefix, serving

from tests.helpers import HTML, OUTPUT_ROOT, ROOT, PageProblems, guard_page

# Property tests check behaviour, not speed: no per-example deadline on a busy 2-core machine.
settings.register_profile("book", deadline=None)
settings.load_profile("book")


@dataclass
class BuildResult:
    returncode: int
    output: str


def build_book(output_root: Path, *extra: str, env: dict[str, str] | None = None) -> BuildResult:
    """`jupyter-book build` with the flags `make book` uses, into output_root/_build."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--path-output", str(output_root)]
    command += ["--warningiserror", "--nitpick", "--keep-going", *extra]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    return BuildResult(done.returncode, done.stdout + done.stderr)


@pytest.fixture(scope="session")
def book_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> BuildResult:
    """Build the book once per test run, exactly as `make book` does. Under xdist the first
    worker builds and the others wait for it, then read its result."""
    if worker_id == "master":
        return build_book(OUTPUT_ROOT)
    shared = tmp_path_factory.getbasetemp().parent
    with FileLock(str(shared / "book_build.lock")):
        record = shared / "book_build.json"
        if record.is_file():
            return BuildResult(**json.loads(record.read_text(encoding="utf-8")))
        result = build_book(OUTPUT_ROOT)
        record.write_text(json.dumps(asdict(result)), encoding="utf-8")
        return result


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
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def module_context(browser: object) -> Iterator[object]:
    """One browser context for a test module: its pages share the HTTP cache and compiled
    scripts, so each test's page opens faster than in a context of its own. The book keeps
    no state in the browser (only the theme's mode, which tests of dark mode set in their own
    context), so tests stay independent."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def guarded_page(module_context: object) -> Iterator[tuple[object, PageProblems]]:
    page, problems = guard_page(module_context.new_page())
    yield page, problems
    page.close()
