"""The book builds a test run needs, run in the background from the moment tests are collected.

Three builds serve the tests: the book itself (what `make book` makes, into ROOT/_build), a
second clean build (the reproducible-build check) and the student edition without Chromium.
A clean build costs about 50 CPU-seconds, two thirds of them running notebooks. Waiting
for the book inside the first test that needs it left the other worker idle; here one
process starts the builds the collected tests need as soon as collection ends, one after
another (the student edition reuses the book's notebook cache), while the workers run the
tests that need no build. A fixture waits for its build's record: exit code and output.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock

from tests.helpers import OUTPUT_ROOT, ROOT

# The fixture that stands for each build, in the order the builds run.
FIXTURES = {"book": "book_build", "student": "student_build", "second": "second_build"}
WAIT_SECONDS = 30 * 60  # a builder that died without a record fails the waiting tests after this


@dataclass
class BuildResult:
    returncode: int
    output: str


_running: list[subprocess.Popen] = []  # the build under way
_builder: list[threading.Thread] = []  # the thread running the builds, in the worker that started them


def build_book(output_root: Path, env: dict[str, str] | None = None) -> BuildResult:
    """`jupyter-book build` with the flags `make book` uses, into output_root/_build."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--path-output", str(output_root)]
    command += ["--warningiserror", "--nitpick", "--keep-going"]
    # A session of its own, so that finish() can stop the build's kernels with it.
    build = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    _running.append(build)
    try:
        output, _ = build.communicate()
    finally:
        _running.remove(build)
    return BuildResult(build.returncode, output)


def finish(interrupted: bool) -> None:
    """At the end of this process's session: let the builds end, as tests in other workers may
    still wait for them (xdist ends a worker once no test is left to give it), or, when the run
    was interrupted, stop them."""
    if interrupted:
        for build in list(_running):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(build.pid, signal.SIGTERM)
    for thread in _builder:
        thread.join()


def output_root(name: str, shared: Path) -> Path:
    """Where a build writes its _build folder: the book where `make book` puts it, the others apart."""
    return OUTPUT_ROOT if name == "book" else shared / name


def run(name: str, shared: Path) -> BuildResult:
    if name == "book":
        return build_book(OUTPUT_ROOT)
    if name == "second":  # clean, so it runs every notebook again in a fresh kernel
        return build_book(output_root(name, shared))
    # The student edition, printed without Chromium. The notebooks are the same in both
    # editions, so it starts from the book's execution cache rather than running them again.
    root = output_root(name, shared)
    cache = OUTPUT_ROOT / "_build" / ".jupyter_cache"
    if cache.is_dir():
        shutil.copytree(cache, root / "_build" / ".jupyter_cache", dirs_exist_ok=True)
    env = {**os.environ, "OWS_EDITION": "student", "CHROMIUM": str(ROOT / "no-such-chromium")}
    return build_book(root, env=env)


def shared_dir(config: object) -> Path:
    """A folder every xdist worker of this run shares: the run's base temporary folder (pytest's
    own, the parent of each worker's), or the run's own one without xdist."""
    base = config._tmp_path_factory.getbasetemp()  # the tmp_path_factory fixture's object
    return base.parent if hasattr(config, "workerinput") else base


def record_path(name: str, shared: Path) -> Path:
    return shared / f"{name}-build.json"


def _run_all(names: list[str], shared: Path) -> None:
    for name in names:
        try:
            result = run(name, shared)
        except Exception:  # a record all the same, so that no test waits for ever
            result = BuildResult(-1, traceback.format_exc())
        partial = record_path(name, shared).with_suffix(".part")
        partial.write_text(json.dumps(asdict(result)), encoding="utf-8")
        partial.replace(record_path(name, shared))  # whole or absent, never half written


def start(shared: Path, fixtures_used: set[str]) -> None:
    """Start, once per test run (the first xdist worker to get here), the builds whose fixtures
    the collected tests use. The thread runs in that worker, which waits for it before it ends."""
    names = [name for name, fixture in FIXTURES.items() if fixture in fixtures_used]
    if not names:
        return
    with FileLock(str(shared / "builds.lock")):
        started = shared / "builds-started"
        if started.exists():
            return
        started.touch()
    builder = threading.Thread(target=_run_all, args=(names, shared), name="book-builds", daemon=True)
    _builder.append(builder)
    builder.start()


def wait_for(name: str, shared: Path) -> BuildResult:
    """The build's result, once its record is written."""
    record = record_path(name, shared)
    deadline = time.monotonic() + WAIT_SECONDS
    while not record.is_file():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the {name} build wrote no record in {WAIT_SECONDS} s")
        time.sleep(0.5)
    return BuildResult(**json.loads(record.read_text(encoding="utf-8")))
