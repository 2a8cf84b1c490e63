"""Generated browser files are current, and the JS models pass their node tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from widgets.generate import generated_files

ROOT = Path(__file__).resolve().parents[2]


def test_generated_files_are_up_to_date():
    stale = [str(path) for path, text in generated_files().items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], f"run `make generate`: stale {stale}"


def test_js_models_reproduce_the_python_vectors():
    done = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout
