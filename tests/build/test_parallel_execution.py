"""_ext/parallel_execution.py: notebooks run ahead of Sphinx's read, into myst-nb's cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

CONF = """
import sys
sys.path.insert(0, "{ext}")
extensions = ["myst_nb", "parallel_execution"]
nb_execution_mode = "cache"
nb_execution_cache_path = "{cache}"
nb_execution_raise_on_error = True
"""

NOTEBOOK = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
---
# {title}

```{{code-cell}} ipython3
print("{title} says", 6 * 7)
```
"""


def write_project(root: Path, titles: list[str], extra_conf: str = "") -> Path:
    source = root / "source"
    source.mkdir()
    (source / "conf.py").write_text(CONF.format(cache=root / "cache", ext=ROOT / "_ext") + extra_conf, encoding="utf-8")
    pages = [f"nb{i}" for i in range(len(titles))]
    (source / "index.md").write_text("# Index\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n", encoding="utf-8")
    for page, title in zip(pages, titles):
        (source / f"{page}.md").write_text(NOTEBOOK.format(title=title), encoding="utf-8")
    return source


def sphinx_build(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """A verbose build, so that myst-nb logs whether it executed or found each notebook."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-v", str(source), str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_every_notebook_is_cached_before_sphinx_reads_it(tmp_path: Path):
    titles = ["First", "Second", "Third"]
    done = sphinx_build(write_project(tmp_path, titles), tmp_path / "html")
    assert done.returncode == 0, done.stderr
    assert "Executing 3 notebooks on" in done.stdout
    assert done.stdout.count("Using cached notebook") == 3
    assert "Executing notebook using" not in done.stdout  # myst-nb ran none itself
    for i, title in enumerate(titles):
        assert f"{title} says 42" in (tmp_path / "html" / f"nb{i}.html").read_text(encoding="utf-8")


def test_a_failing_notebook_is_still_reported_by_myst_nb(tmp_path: Path):
    source = write_project(tmp_path, ["Fine", "Broken"])
    broken = source / "nb1.md"
    broken.write_text(broken.read_text(encoding="utf-8") + '\n```{code-cell} ipython3\nraise RuntimeError("boom")\n```\n')
    done = sphinx_build(source, tmp_path / "html")
    assert done.returncode != 0
    assert "Executing notebook failed" in done.stderr + done.stdout
    assert "Using cached notebook" in done.stdout  # the fine one came from the cache


def test_notebooks_excluded_from_execution_are_left_alone(tmp_path: Path):
    source = write_project(tmp_path, ["One", "Two", "Three"], 'nb_execution_excludepatterns = ["nb2.md"]\n')
    done = sphinx_build(source, tmp_path / "html")
    assert done.returncode == 0, done.stderr
    assert "Executing 2 notebooks on" in done.stdout
    assert "Three says 42" not in (tmp_path / "html" / "nb2.html").read_text(encoding="utf-8")
