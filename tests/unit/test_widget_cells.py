"""One cell serves both readers: a widget's output carries, beside its view, what the book
draws in its place, and the book's renderer turns that into the kernel-free calculator or
guide (with its no-JS fallback)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import nbformat
import pytest
from bs4 import BeautifulSoup
from figure_renderer import FigureRenderer, fallback_html, guide_fallback_html
from myst_nb.core.render import MimeData

from tests.helpers import ROOT
from widgets.book_output import CALCULATOR_MIMETYPE, GUIDE_MIMETYPE
from widgets.calculators import CALCULATORS
from widgets.career_paths.widget import CareerPaths
from widgets.decision_guide.guide import load_guide
from widgets.decision_guide.widget import DecisionGuide
from widgets.publication_gap import model as publication_gap
from widgets.publication_gap.widget import PublicationGap
from widgets.recruiter_questions.widget import RecruiterQuestions

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGETS = {"publication-gap": PublicationGap, "recruiter-questions": RecruiterQuestions, "career-paths": CareerPaths}
DECIDING = ROOT / "chapters" / "deciding"


def output_data(widget) -> dict:
    data, _metadata = widget._repr_mimebundle_()
    return data


def render(mime_type: str, content: dict, source=DECIDING / "deciding.md") -> tuple[str, list[str]]:
    """What the book's renderer writes for one mimetype of an output, and its warnings."""
    warnings: list[str] = []
    logger = SimpleNamespace(warning=lambda message, **_: warnings.append(message))
    renderer = FigureRenderer(SimpleNamespace(document={"source": str(source)}, sphinx_env=None), logger)
    written = renderer.render_mime_type(MimeData(mime_type, content, line=1))
    return "".join(node.astext() for node in written), warnings


def test_every_calculator_has_a_widget_here():
    assert set(WIDGETS) == set(CALCULATORS)


@pytest.mark.parametrize("calculator_id", sorted(WIDGETS))
def test_a_default_widget_becomes_the_default_calculator(calculator_id):
    data = output_data(WIDGETS[calculator_id]())
    assert WIDGET_VIEW in data  # what JupyterLab draws
    assert data[CALCULATOR_MIMETYPE] == {"calculator": calculator_id, "inputs": {}}
    # A notebook can store the output as it is.
    nbformat.validate(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", data=data)])])
    )
    page, warnings = render(CALCULATOR_MIMETYPE, data[CALCULATOR_MIMETYPE])
    assert page == fallback_html(calculator_id) and warnings == []
    assert "data-inputs" not in page and "the default scenario" in page


def test_a_widget_with_its_own_inputs_starts_the_book_there():
    # half_life=3 is the default: only the inputs that differ travel, so later defaults still apply.
    data = output_data(PublicationGap(years=5, industry_rate=1, half_life=publication_gap.DEFAULTS["half_life"]))
    assert data[CALCULATOR_MIMETYPE] == {"calculator": "publication-gap", "inputs": {"years": 5, "industry_rate": 1}}
    page, _ = render(CALCULATOR_MIMETYPE, data[CALCULATOR_MIMETYPE])
    root = BeautifulSoup(page, "html.parser").select_one('[data-calculator="publication-gap"]')
    assert json.loads(root["data-inputs"]) == {"years": 5, "industry_rate": 1}
    expected = publication_gap.format_outputs(publication_gap.compute(years=5, industry_rate=1))
    assert {dd["data-output"]: dd.get_text() for dd in root.select("dd[data-output]")} == expected
    assert len(root.select("table tbody tr")) == 5 + 1  # years 0..5
    assert "the scenario this page sets" in root.get_text()


def test_an_output_from_before_a_rename_is_refused_with_a_reason():
    page, warnings = render(CALCULATOR_MIMETYPE, {"calculator": "publication-gap", "inputs": {"yeers": 5}})
    assert page == "" and "yeers" in warnings[0]
    page, warnings = render(CALCULATOR_MIMETYPE, {"calculator": "no-such-calculator", "inputs": {}})
    assert page == "" and "no-such-calculator" in warnings[0]


def test_the_guide_widget_reads_its_file_beside_the_notebook(monkeypatch):
    monkeypatch.chdir(DECIDING)  # a kernel runs in the notebook's folder
    guide = DecisionGuide("decision_guide.yml")
    assert guide.guide == json.loads(load_guide(DECIDING / "decision_guide.yml").as_json())
    data = output_data(guide)
    assert WIDGET_VIEW in data and data[GUIDE_MIMETYPE] == {"guide": "decision_guide.yml"}
    # The book finds the same file beside the chapter, wherever the build runs.
    monkeypatch.chdir(ROOT)
    page, warnings = render(GUIDE_MIMETYPE, data[GUIDE_MIMETYPE])
    assert page == guide_fallback_html(load_guide(DECIDING / "decision_guide.yml")) and warnings == []


def test_a_missing_guide_file_is_reported():
    page, warnings = render(GUIDE_MIMETYPE, {"guide": "no_such_guide.yml"})
    assert page == "" and "no_such_guide.yml" in warnings[0]
