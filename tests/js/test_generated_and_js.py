"""Generated browser files are current, and the JS models pass their node tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from widgets.calculators import CALCULATORS
from widgets.generate import generated_files

ROOT = Path(__file__).resolve().parents[2]
WIDGETS = ROOT / "widgets"


def test_generated_files_are_up_to_date():
    stale = [str(path) for path, text in generated_files().items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], f"run `make generate`: stale {stale}"


def test_committed_bundles_are_what_esbuild_makes_now(tmp_path):
    """widget.js is committed (pip ships it; Jupyter and the book load it): it must be a fresh
    esbuild bundle of its view.js and everything that imports, or an edit never reaches readers."""
    done = subprocess.run(["node", "scripts/bundle.mjs", "--outdir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    fresh = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.js"))
    assert fresh == sorted(f"{calculator_id.replace('-', '_')}/widget.js" for calculator_id in CALCULATORS)
    stale = [
        name for name in fresh if (WIDGETS / name).read_text(encoding="utf-8") != (tmp_path / name).read_text(encoding="utf-8")
    ]
    assert stale == [], f"run `make generate` (or `npm run bundle`): stale {stale}"


def test_js_models_reproduce_the_python_vectors():
    done = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout
