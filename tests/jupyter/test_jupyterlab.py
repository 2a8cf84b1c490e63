"""The publication-gap widget in a real JupyterLab: the same numbers as the Python model,
and values flow both ways (browser -> Python and Python -> browser)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

from tests.helpers import open_page
from widgets.publication_gap import model
from widgets.publication_gap.record import read_record

# Every JupyterLab test runs on one xdist worker, one server at a time, as a reader runs one lab.
pytestmark = pytest.mark.xdist_group("jupyterlab")

CELLS = [
    "from widgets.publication_gap.widget import PublicationGap\ncalc = PublicationGap(years=5)\ncalc",
    "print('python sees', calc.years, calc.gap, int(calc.papers_at_phd))",
    "calc.years = 3",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def lab_server(root: Path, config_path: Path | None = None) -> Iterator[str]:
    """A JupyterLab server on a free port whose file browser starts at `root`.

    `config_path` goes on JUPYTER_CONFIG_PATH, as `make lab` puts the repository's lab settings.
    The user's own lab settings and saved workspaces (tabs to reopen) are left out, in a
    folder beside `root`, so that only the repository's settings count.
    """
    private = root.parent / f".lab-{root.name}"
    env = dict(os.environ)
    if config_path is not None:
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(config_path), env.get("JUPYTER_CONFIG_PATH")]))
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("jupyter")),
        "lab",
        "--no-browser",
        "--allow-root",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.user_settings_dir={private / 'user-settings'}",
        f"--LabApp.workspaces_dir={private / 'workspaces'}",
    ]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start")
    try:
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # still shutting down kernels on a busy machine
            server.kill()
            server.wait()


@contextmanager
def jupyter_lab(cells: list[str], root: Path) -> Iterator[str]:
    """A JupyterLab server on a free port whose folder holds one notebook, calc.ipynb, with these cells."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / "calc.ipynb")
    with lab_server(root) as base:
        yield base


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[str]:
    with jupyter_lab(CELLS, tmp_path_factory.mktemp("lab")) as base:
        yield base


def open_notebook(page, lab: str) -> None:
    """Open calc.ipynb and wait until its kernel is idle."""
    page.goto(f"{lab}/lab/tree/calc.ipynb")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
    wait_for_idle_kernel(page)


def wait_for_idle_kernel(page, timeout: int = 60000) -> None:
    """Wait until the active notebook's kernel is idle, as the status bar says."""
    page.wait_for_function(
        "document.querySelector('.jp-StatusBar-Widget')?.closest('body').innerText.includes('| Idle')", timeout=timeout
    )


def run_cell(page, index: int) -> None:
    page.keyboard.press("Escape")
    page.locator(".jp-Cell").nth(index).click()
    page.keyboard.press("Shift+Enter")


def test_widget_matches_the_model_and_syncs_both_ways(browser, lab):
    page, problems = open_page(browser)
    open_notebook(page, lab)
    run_cell(page, 0)
    root = page.locator('[data-calculator="publication-gap"][data-ready="true"]')
    root.wait_for(timeout=60000)

    def shown() -> dict[str, str]:
        return {name: root.locator(f'[data-output="{name}"]').inner_text() for name in model.OUTPUTS}

    assert shown() == model.format_outputs(model.compute(years=5))
    assert root.locator(".js-plotly-plot").count() == 1  # plotly.js came from the kernel

    years = root.locator('input[name="years"]')
    years.fill("7")
    years.dispatch_event("change")
    run_cell(page, 1)
    output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
    output.wait_for(timeout=30000)
    assert output.inner_text().strip() == f"python sees 7 {model.compute(years=7).gap} {model.DEFAULTS['papers_at_phd']}"

    run_cell(page, 2)
    page.wait_for_function("() => document.querySelector('[data-calculator] input[name=\"years\"]').value === '3'", timeout=30000)
    assert shown() == model.format_outputs(model.compute(years=3))

    # The same scenario tools as the book, but no share link: a notebook has no page address to share.
    preset = model.PRESETS[0]
    root.locator('select[name="preset"]').select_option(preset.id)
    assert shown() == model.format_outputs(model.compute(**preset.values))
    slider = root.locator('input[type="range"][data-slider-for="years"]')
    slider.focus()
    page.keyboard.press("ArrowRight")
    years_now = preset.values["years"] + 1
    gap_now = model.compute(**{**preset.values, "years": years_now}).gap
    assert root.locator('input[name="years"]').input_value() == str(years_now)
    run_cell(page, 1)
    page.wait_for_function(
        "t => document.querySelectorAll('.jp-Cell')[1].querySelector('.jp-OutputArea-output')?.innerText.trim() === t",
        arg=f"python sees {years_now} {gap_now} {preset.values['papers_at_phd']}",
        timeout=30000,
    )
    assert root.locator("a[data-share-link]").count() == 0

    # The record panel works here too: the parser comes from the kernel, the numbers are Python's.
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "bibtex" / "dblp.bib"
    expected = read_record(fixture)
    page.set_input_files('.pg-record input[name="publication_record"]', fixture)
    page.wait_for_selector(".pg-record[data-attempts]", timeout=30000)
    assert root.locator('[data-output="record_summary"]').inner_text() == expected.summary()
    phd_year = root.locator('.pg-record input[name="phd_year"]')
    phd_year.fill("2021")
    phd_year.dispatch_event("change")
    papers = expected.papers_up_to(2021)
    assert root.locator('.ows-form input[name="papers_at_phd"]').input_value() == str(papers)
    run_cell(page, 1)
    page.wait_for_function(
        "t => document.querySelectorAll('.jp-Cell')[1].querySelector('.jp-OutputArea-output')?.innerText.trim() === t",
        arg=f"python sees {years_now} {gap_now} {papers}",
        timeout=30000,
    )
    problems.assert_clean()
    page.context.close()
