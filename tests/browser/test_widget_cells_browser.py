"""A chapter's cell may give its calculator inputs (`PublicationGap(years=5)`): the book's page
then starts from them, with the network blocked. The page is the built chapter with its
calculator written as the renderer writes such a cell's output."""

from __future__ import annotations

from figure_renderer import fallback_html

from tests.helpers import ready_calculator
from widgets.publication_gap import model

PAGE = "chapters/publications.html"
INPUTS = {"years": 5, "industry_rate": 1}


def serve_with_cell_inputs(page, server: str) -> None:
    """Serve the chapter with its (default) calculator replaced by one whose cell set INPUTS."""

    def swap(route) -> None:
        response = route.fetch()
        body = response.text()
        default = fallback_html("publication-gap")
        assert body.count(default) == 1, "the built chapter no longer holds the default calculator"
        route.fulfill(response=response, body=body.replace(default, fallback_html("publication-gap", INPUTS)))

    page.route(f"{server}/{PAGE}", swap)


def test_the_calculator_starts_from_the_cells_inputs_and_stays_live(guarded_page, server):
    page, problems = guarded_page
    serve_with_cell_inputs(page, server)
    page.goto(f"{server}/{PAGE}")
    root = ready_calculator(page, '[data-calculator="publication-gap"]')

    def shown() -> dict[str, str]:
        return {name: root.locator(f'[data-output="{name}"]').inner_text() for name in model.OUTPUTS}

    scenario = {**model.DEFAULTS, **INPUTS}
    for name, value in scenario.items():
        assert root.locator(f'input[name="{name}"]').input_value() == model.format_number(value)
    assert shown() == model.format_outputs(model.compute(**INPUTS))
    assert root.locator("table tbody tr").count() == INPUTS["years"] + 1

    years = root.locator('input[name="years"]')
    years.fill("7")
    years.dispatch_event("change")
    assert shown() == model.format_outputs(model.compute(**{**INPUTS, "years": 7}))
    problems.assert_clean()
