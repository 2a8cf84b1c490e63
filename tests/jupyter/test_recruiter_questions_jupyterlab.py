"""The scorecard widget in a real JupyterLab: answers (and unknowns) flow both ways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import open_page
from tests.jupyter.test_jupyterlab import jupyter_lab, open_notebook, run_cell
from widgets.recruiter_questions import model

# Every JupyterLab test runs on one xdist worker, one server at a time, as a reader runs one lab.
pytestmark = pytest.mark.xdist_group("jupyterlab")

CELLS = [
    "from widgets.recruiter_questions.widget import RecruiterQuestions\n"
    "card = RecruiterQuestions(review_counts_papers='no')\ncard",
    "print('python sees', card.review_counts_papers, card.research_time, card.score)",
    "card.research_time = 30\ncard.review_counts_papers = None",
]


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[str]:
    with jupyter_lab(CELLS, tmp_path_factory.mktemp("lab")) as base:
        yield base


def test_scorecard_syncs_answers_and_unknowns_both_ways(browser, lab):
    page, problems = open_page(browser)
    open_notebook(page, lab)
    run_cell(page, 0)
    root = page.locator('[data-calculator="recruiter-questions"][data-ready="true"]')
    root.wait_for(timeout=60000)

    def shown(name: str) -> str:
        return root.locator(f'[data-output="{name}"]').inner_text()

    assert shown("score") == model.format_outputs(model.compute(review_counts_papers="no"))["score"]
    # The scorecard's chart; the comparison waits for a second offer with answers.
    assert root.locator(".js-plotly-plot").count() == 1
    assert root.locator(".rq-compare-chart").is_hidden()
    assert root.get_by_role("button", name="Make a link to these answers").count() == 0  # no page address here

    root.locator('select[name="review_counts_papers"]').select_option("informally")
    time = root.locator('input[name="research_time"]')
    time.fill("20")
    time.dispatch_event("change")
    run_cell(page, 1)
    output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
    output.wait_for(timeout=30000)
    score = model.compute(review_counts_papers="informally", research_time=20).score
    assert output.inner_text().strip() == f"python sees informally 20.0 {score}"

    run_cell(page, 2)
    page.wait_for_function(
        "() => document.querySelector('[data-calculator] input[name=\"research_time\"]').value === '30'"
        " && document.querySelector('[data-calculator] select[name=\"review_counts_papers\"]').value === ''",
        timeout=30000,
    )
    expected = model.format_outputs(model.compute(research_time=30))
    assert shown("score") == expected["score"] and shown("verdict") == expected["verdict"]
    problems.assert_clean()
    page.context.close()
