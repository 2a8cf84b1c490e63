"""The scorecard as a Jupyter widget: answers set and read from Python, validation, DataFrame."""

from __future__ import annotations

import json
import subprocess

import pytest
import traitlets

from widgets.recruiter_questions import model
from widgets.recruiter_questions.sheet import sheet_html
from widgets.recruiter_questions.widget import RecruiterQuestions


def test_answers_start_unknown_and_outputs_follow_them():
    card = RecruiterQuestions()
    assert card.inputs == {p.name: None for p in model.PARAMETERS}
    assert card.score is None and card.band == "none"
    card.review_counts_papers = "no"
    card.research_time = 20
    expected = model.compute(review_counts_papers="no", research_time=20)
    assert card.score == pytest.approx(expected.score)
    assert card.verdict == expected.verdict
    assert tuple(card.red_flags) == expected.red_flags
    assert card.unknown_count == 6
    card.review_counts_papers = None  # back to unknown
    assert card.score == pytest.approx(model.compute(research_time=20).score)


def test_to_frame_gives_the_points_per_question():
    card = RecruiterQuestions(review_counts_papers="informally", median_papers=1)
    frame = card.to_frame()
    assert frame.loc["review_counts_papers", "points"] == 17.5
    assert frame.loc["median_papers", "points"] == 7.5
    assert frame.equals(model.to_frame(review_counts_papers="informally", median_papers=1))


def test_answers_are_synced_traits_and_outputs_read_only():
    card = RecruiterQuestions(fixed_term="yes")
    state = card.get_state()
    assert state["fixed_term"] == "yes" and state["academic_ties"] is None
    json.dumps({name: state[name] for name in model.DEFAULTS})  # plain JSON for the front end
    with pytest.raises(traitlets.TraitError, match="read-only"):
        card.score = 100


@pytest.mark.parametrize(
    ("name", "bad", "allowed"),
    [
        ("review_counts_papers", "sometimes", "'explicitly', 'informally' or 'no'"),
        ("fixed_term", 1, "'yes' or 'no'"),
        ("research_time", 120, "from 0 to 100"),
        ("left_for_faculty", 2.5, "a whole number from 0 to 50"),
    ],
)
def test_bad_answers_raise_value_error_and_keep_the_last_result(name, bad, allowed):
    card = RecruiterQuestions(review_counts_papers="informally")
    before = card.outputs
    with pytest.raises(ValueError) as error:
        setattr(card, name, bad)
    assert name in str(error.value) and allowed in str(error.value)
    assert card.outputs == before


def test_bundled_module_loads_in_node(tmp_path):
    """anywidget gets the bundle, one module with no imports; it must load and score like Python."""
    bundle = tmp_path / "bundle.mjs"
    bundle.write_text(RecruiterQuestions()._esm)
    script = (
        f"const m = await import({str(bundle)!r});"
        "if (typeof m.default.render !== 'function') throw new Error('no render');"
        "console.log(JSON.stringify(m.CALCULATOR.compute({review_counts_papers: 'no', research_time: 20}).score));"
    )
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == pytest.approx(model.compute(review_counts_papers="no", research_time=20).score)
    assert "import " not in bundle.read_text()


def test_the_view_gets_the_printable_sheet_it_fills_in():
    """The same sheet markup as the handout, synced once, read-only: the view fills its slots."""
    card = RecruiterQuestions()
    assert card.sheet_html == sheet_html() and card.get_state()["sheet_html"] == sheet_html()
    with pytest.raises(traitlets.TraitError, match="read-only"):
        card.sheet_html = "<p>other</p>"
