"""Each chapter that shows a calculator or the decision guide, opened the way a reader would:
in a JupyterLab on the chapters with the repository's lab settings (as `make lab` starts it),
double-click the chapter, Run All, then change an input (or answer a question) and see the
outputs follow. A page without code opens as a notebook too."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import jupytext
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.helpers import ROOT, PageProblems, open_page
from tests.jupyter.test_jupyterlab import lab_server, wait_for_idle_kernel
from widgets.calculators import CALCULATORS
from widgets.decision_guide.guide import load_guide

# Every JupyterLab test runs on one xdist worker, one server at a time, as a reader runs one lab.
pytestmark = pytest.mark.xdist_group("jupyterlab")

CHAPTERS = ROOT / "chapters"
LAB_SETTINGS = ROOT / ".jupyter"  # what `make lab` puts on JUPYTER_CONFIG_PATH
# Each chapter that places a widget, and what it shows (calculator ids, "guide").
SHOWN = {
    "publications.md": ["publication-gap"],
    "recruiting_pitch.md": ["recruiter-questions"],
    "deciding/deciding.md": ["guide", "career-paths"],
    "tools/recruiter_scorecard.md": ["recruiter-questions"],
    "tools/publication_gap.md": ["publication-gap"],
    "tools/career_paths.md": ["career-paths"],
    "tools/decision_guide.md": ["guide"],
}
# One input to change per calculator: (field, new value, the inputs the outputs should then reflect).
CHANGES = {
    "publication-gap": ("years", "7", {"years": 7}),
    "career-paths": ("years", "12", {"years": 12}),
    "recruiter-questions": ("review_counts_papers", "no", {"review_counts_papers": "no"}),
}
GUIDE = load_guide(CHAPTERS / "deciding" / "decision_guide.yml")


def widget_cells() -> set[str]:
    """Chapters with a code cell that shows a widget (its output is the calculator in the book)."""
    found = set()
    for path in CHAPTERS.rglob("*.md"):
        for cell in jupytext.read(path, fmt="md:myst").cells:
            if cell.cell_type == "code" and "remove-input" in cell.metadata.get("tags", []) and ".widget import" in cell.source:
                found.add(path.relative_to(CHAPTERS).as_posix())
    return found


def test_every_chapter_that_places_a_widget_is_opened_below():
    assert widget_cells() == set(SHOWN)


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[str]:
    # A copy: running and autosaving in JupyterLab must not touch the chapters themselves.
    root = tmp_path_factory.mktemp("lab") / "chapters"
    shutil.copytree(CHAPTERS, root)
    with lab_server(root, config_path=LAB_SETTINGS) as base:
        yield base


def double_click(page, name: str) -> None:
    """Double-click an entry of the file browser's current folder."""
    item = page.locator(".jp-DirListing-item").filter(
        has=page.locator(".jp-DirListing-itemText", has_text=re.compile(f"^{re.escape(name)}$"))
    )
    item.dblclick()


# The folder the file browser shows: the last breadcrumb, or "" at the top.
SHOWN_FOLDER = "() => [...document.querySelectorAll('.jp-BreadCrumbs-item')].map((item) => item.textContent.trim()).pop() || ''"


def enter_folder(page, name: str, attempts: int = 3) -> None:
    """Double-click a folder and wait until the file browser shows it. On a busy machine a
    double-click can land while the listing redraws (it refreshes by itself) and be lost, as
    it can for a reader, who would double-click again: so does this, up to `attempts` times."""
    for attempt in range(attempts):
        double_click(page, name)
        try:
            page.wait_for_function(f"(name) => ({SHOWN_FOLDER})() === name", arg=name, timeout=10000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


def open_chapter(page, chapter: str) -> object:
    """From the file browser's top folder, double-click down to the chapter; the notebook it opens."""
    page.locator(".jp-BreadCrumbs-home").click()
    page.wait_for_function(f"() => ({SHOWN_FOLDER})() === ''", timeout=10000)
    *folders, name = chapter.split("/")
    for folder in folders:
        enter_folder(page, folder)
    double_click(page, name)
    title = chapter.rsplit("/", 1)[-1]
    page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text=title).wait_for(timeout=60000)
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    notebook.locator(".jp-Cell").first.wait_for(timeout=60000)
    return notebook


def run_all(page, notebook) -> None:
    """Run → Run All Cells, and wait until every code cell has run."""
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator(".lm-Menu-item", has=page.get_by_text("Run All Cells", exact=True)).click()
    page.wait_for_function(
        """(notebook) => [...notebook.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
             .every((prompt) => /\\[\\d+\\]/.test(prompt.textContent))""",
        arg=notebook.element_handle(),
        timeout=180000,
    )
    assert notebook.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def wait_for_outputs(page, root, wanted: dict[str, str]) -> None:
    """Wait until the calculator's outputs read `wanted` (output name -> text)."""
    page.wait_for_function(
        """([root, wanted]) => Object.entries(wanted)
             .every(([name, text]) => root.querySelector(`[data-output='${name}']`).innerText === text)""",
        arg=[root.element_handle(), wanted],
        timeout=30000,
    )


def check_calculator(page, notebook, calculator_id: str) -> None:
    model = CALCULATORS[calculator_id]
    # The first is the book's (a chapter may show more further down, for Jupyter readers).
    root = notebook.locator(f'[data-calculator="{calculator_id}"][data-ready="true"]').first
    root.wait_for(timeout=60000)
    # As a reader would: JupyterLab lays out only the cells near the viewport.
    root.scroll_into_view_if_needed()

    def expected(**inputs) -> dict[str, str]:
        formatted = model.format_outputs(model.compute(**{**model.DEFAULTS, **inputs}))
        return {name: formatted[name] for name in model.OUTPUT_LABELS}

    wait_for_outputs(page, root, expected())
    name, value, inputs = CHANGES[calculator_id]
    field = root.locator(f'[name="{name}"]')
    if field.evaluate("(node) => node.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)
        field.dispatch_event("change")
    assert expected(**inputs) != expected()  # the change moves the outputs
    wait_for_outputs(page, root, expected(**inputs))


def check_guide(notebook) -> None:
    root = notebook.locator(f'[data-guide="{GUIDE.id}"][data-ready="true"]')
    root.wait_for(timeout=60000)
    root.scroll_into_view_if_needed()

    def asked() -> list[str]:
        return root.locator("fieldset[data-question]").evaluate_all("nodes => nodes.map((n) => n.dataset.question)")

    first = GUIDE.questions[0]
    assert asked() == [first.id] and root.locator("[data-recommendation]").count() == 0
    # The answer that ends the guide at once, and one that leads to another question.
    for answer in first.answers:
        root.locator(f'input[name="{first.id}"][value="{answer.id}"]').check()
        if GUIDE.question(answer.next):
            assert asked() == [first.id, answer.next]
        else:
            assert root.locator("[data-recommendation]").get_attribute("data-recommendation") == answer.next


@pytest.fixture(scope="module")
def lab_page(browser, lab) -> Iterator[tuple[object, PageProblems, list[str]]]:
    """JupyterLab open in one tab for the module's tests (loading it is the slow part), with
    the responses that had an error status, to name them if any."""
    page, problems = open_page(browser)
    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.goto(f"{lab}/lab")
    page.locator(".jp-DirListing-item").first.wait_for(timeout=60000)
    yield page, problems, failed
    page.context.close()


def test_each_chapter_opens_as_a_notebook_and_its_widgets_respond(lab_page):
    page, problems, failed = lab_page
    for chapter, shown in SHOWN.items():
        notebook = open_chapter(page, chapter)
        wait_for_idle_kernel(page)  # the chapter names its kernel, which starts at once
        run_all(page, notebook)
        for thing in shown:
            if thing == "guide":
                check_guide(notebook)
            else:
                check_calculator(page, notebook, thing)
    assert failed == []
    problems.assert_clean()


def test_a_page_without_code_opens_as_a_notebook_too(lab_page):
    """A handout: prose with ::: fences, which Jupytext alone would read as pandoc Markdown
    (and fail without pandoc). It opens as a notebook; as it names no kernel, JupyterLab asks
    for one, and the reader may choose none."""
    page, problems, failed = lab_page
    notebook = open_chapter(page, "instructors/handouts/decision_worksheet.md")
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text("Select Kernel", exact=True).wait_for(timeout=30000)
    dialog.get_by_role("button", name="No Kernel").click()
    dialog.wait_for(state="detached", timeout=30000)
    assert notebook.locator(".jp-MarkdownCell h1").first.inner_text().startswith("Decision worksheet")
    assert failed == []
    problems.assert_clean()
