"""`pip install .` (not editable) into a fresh venv gives a working `widgets` package: its
models, widget classes and browser files (bundles, CSS, plotly.js, generated files) are all
in the installed package, and each calculator renders from those files alone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
from static_server import serving

from tests.helpers import ROOT, open_page, ready_calculator

# One worker makes the venv for all three tests (pytest-xdist would otherwise make one per worker).
pytestmark = pytest.mark.xdist_group("install")

CALCULATORS = {  # data-calculator id -> the widget class
    "publication-gap": "widgets.publication_gap.widget:PublicationGap",
    "career-paths": "widgets.career_paths.widget:CareerPaths",
    "recruiter-questions": "widgets.recruiter_questions.widget:RecruiterQuestions",
}

WIDGET_CHECK = textwrap.dedent(
    """
    import importlib, json, sys
    import widgets
    report = {"package": widgets.__file__, "widgets": {}}
    for calculator_id, where in json.loads(sys.argv[1]).items():
        module, name = where.split(":")
        widget = getattr(importlib.import_module(module), name)()
        bundle = widget._repr_mimebundle_()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        report["widgets"][calculator_id] = {
            "mimetypes": sorted(data),
            "esm": len(str(widget._esm)),
            "css": len(str(widget._css)),
            "frame_rows": len(widget.to_frame()),
            "outputs": {k: v for k, v in widget.outputs.items() if v is not None},
        }
    print(json.dumps(report))
    """
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the project installed from a copy of its sources (as an sdist holds
    them), so nothing from this checkout is importable there but what the package installed.
    The pinned dependencies, pip included, come from this environment: a .pth file names its
    site-packages (Python does not run the .pth files inside it, so its editable install of
    widgets stays out)."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "widgets", source / "widgets", ignore=shutil.ignore_patterns("__pycache__"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True
    ).stdout.strip()
    Path(site, "pinned-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", str(source)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    return venv


def test_the_installed_package_declares_what_it_needs(installed: Path):
    done = subprocess.run([installed / "bin" / "python", "-m", "pip", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_widget_works_from_the_installed_package(installed: Path, tmp_path: Path):
    done = subprocess.run(
        [installed / "bin" / "python", "-c", WIDGET_CHECK, json.dumps(CALCULATORS)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert Path(report["package"]).is_relative_to(installed)  # not this checkout
    for calculator_id, widget in report["widgets"].items():
        assert "application/vnd.jupyter.widget-view+json" in widget["mimetypes"], calculator_id
        assert widget["esm"] > 1000 and widget["css"] > 100, calculator_id
        assert widget["frame_rows"] >= 1 and widget["outputs"], calculator_id


def test_each_calculator_renders_from_the_installed_files(installed: Path, tmp_path: Path, browser):
    """The installed package's host.js mounts each calculator's bundle and draws its chart with
    the installed plotly.js, as the static book does (a page holding only the three roots)."""
    package = Path(
        subprocess.run(
            [installed / "bin" / "python", "-c", "import widgets; print(widgets.__file__)"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=True,
        ).stdout.strip()
    ).parent
    site = tmp_path / "site"
    site.mkdir()
    shutil.copytree(package, site / "widgets")  # the installed files, served as the book serves its copy
    roots = "".join(f'<div data-calculator="{calculator_id}"></div>' for calculator_id in CALCULATORS)
    (site / "index.html").write_text(
        # An empty icon: a page without one makes the browser ask for /favicon.ico (a 404 error).
        f'<!DOCTYPE html><html lang="en"><head><title>Installed widgets</title><link rel="icon" href="data:,">'
        f'<link rel="stylesheet" href="widgets/calculator.css"></head><body><main>{roots}</main>'
        f'<script type="module" src="widgets/host.js"></script></body></html>',
        encoding="utf-8",
    )
    page, problems = open_page(browser)
    try:
        with serving(site) as address:
            page.goto(f"{address}/index.html")
            for calculator_id in CALCULATORS:
                root = ready_calculator(page, f'[data-calculator="{calculator_id}"]')
                assert root.locator(".js-plotly-plot").count() >= 1, calculator_id
                assert root.locator("[data-output]").count() >= 2, calculator_id
        problems.assert_clean()
    finally:
        page.context.close()
