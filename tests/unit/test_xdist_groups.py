"""`make test` relies on xdist_group marks: one worker runs every JupyterLab test (one lab at a
time) and the install tests (one venv). With pytest 9.2, pytest-xdist 3.8's loadgroup spreads
grouped tests without a word (pytest-dev/pytest-xdist#1386); this fails if the pins allow it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group("one")


@pytest.mark.parametrize("case", range(6))
def test_case(case):
    pass
"""


def test_tests_of_one_group_run_on_one_worker(tmp_path):
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    options = ["-p", "xdist", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider"]
    command = [sys.executable, "-m", "pytest", *options, "test_grouped.py"]
    # xdist alone: the other installed plugins would only slow the three processes' start.
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    workers = re.findall(r"\[(gw\d+)\] \[\s*\d+%\] PASSED", done.stdout)
    assert len(workers) == 6 and len(set(workers)) == 1, done.stdout
