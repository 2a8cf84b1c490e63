"""Every MyST text notebook runs top to bottom in a fresh kernel, under nbmake.

nbmake does not collect `.md` notebooks, so each is converted with jupytext first.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[2]


def text_notebooks() -> list[Path]:
    return sorted(p for p in ROOT.glob("chapters/**/*.md") if "jupytext:" in p.read_text(encoding="utf-8")[:400])


def test_the_book_has_notebooks():
    assert len(text_notebooks()) >= 2


@pytest.mark.parametrize("source", text_notebooks(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_runs_in_a_fresh_kernel(source, tmp_path):
    # nbmake runs a notebook in its own folder, as Jupyter does: the files beside the chapter
    # (a guide's YAML) come along, so relative paths resolve as they do for a reader.
    for neighbour in source.parent.iterdir():
        if neighbour.is_file() and neighbour.suffix != ".md":
            shutil.copy(neighbour, tmp_path)
    notebook = tmp_path / source.with_suffix(".ipynb").name
    jupytext.write(jupytext.read(source), notebook)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbmake", "--nbmake-timeout=300", "-q", "-p", "no:cacheprovider", str(notebook)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:]
