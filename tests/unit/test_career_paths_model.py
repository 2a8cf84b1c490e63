"""The career-paths reference model: equations, properties, the rule across fields, validation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from widgets.career_paths import model

PARAMS = {p.name: p for p in model.PARAMETERS}
CHANCE = st.floats(0, 1, allow_nan=False)


@st.composite
def inputs(draw: st.DrawFn) -> dict[str, float]:
    """Valid inputs: four chances (the two postdoc moves adding up to at most 1) and years."""
    to_faculty = draw(CHANCE)
    to_industry = draw(st.floats(0, 1 - to_faculty, allow_nan=False))
    return {
        "p_postdoc_faculty": to_faculty,
        "p_postdoc_industry": to_industry,
        "p_industry_faculty": draw(CHANCE),
        "p_faculty_industry": draw(CHANCE),
        "years": draw(st.integers(1, 40)),
    }


def test_defaults_by_hand():
    # One year: the chances are the yearly rates themselves.
    r = model.compute(years=1)
    assert r.faculty_from_postdoc == model.DEFAULTS["p_postdoc_faculty"]
    assert r.faculty_from_industry == model.DEFAULTS["p_industry_faculty"]
    # Two years from a postdoc: hired in year 1 and stayed, or hired in year 2 (either route).
    a, b, c, d = (
        model.DEFAULTS[n] for n in ("p_postdoc_faculty", "p_postdoc_industry", "p_industry_faculty", "p_faculty_industry")
    )
    r = model.compute(years=2)
    assert r.faculty_from_postdoc == pytest.approx(a * (1 - d) + (1 - a - b) * a + b * c)
    assert r.faculty_from_industry == pytest.approx(c * (1 - d) + (1 - c) * c)
    # The default horizon, by matrix powers (numpy, not the model's own loop).
    years = model.DEFAULTS["years"]
    power = np.linalg.matrix_power(np.array([[1 - a - b, a, b], [0, 1 - d, d], [0, c, 1 - c]]), years)
    r = model.compute()
    assert (r.faculty_from_postdoc, r.faculty_from_industry) == pytest.approx((power[0, 1], power[2, 1]))


@given(inputs())
def test_transition_rows_are_probabilities_that_sum_to_one(v):
    matrix = model.transition_matrix(
        v["p_postdoc_faculty"], v["p_postdoc_industry"], v["p_industry_faculty"], v["p_faculty_industry"]
    )
    for row in matrix:
        assert all(0 <= x <= 1 for x in row)
        assert sum(row) == pytest.approx(1, abs=model.TOLERANCE)


@given(inputs())
def test_outputs_are_probabilities_and_each_path_sums_to_one(v):
    r = model.compute(**v)
    assert all(0 <= x <= 1 for x in r)
    assert r.faculty_from_postdoc + r.postdoc_from_postdoc + r.industry_from_postdoc == pytest.approx(1)
    assert r.faculty_from_industry + r.industry_from_industry == pytest.approx(1)
    for text in model.format_outputs(r).values():
        assert text.endswith("%") and not any(bad in text for bad in ("nan", "inf", "None", "-"))


@given(inputs())
def test_industry_path_matches_the_two_state_closed_form(v):
    c, d = v["p_industry_faculty"], v["p_faculty_industry"]
    assume(c + d > 1e-6)
    expected = c / (c + d) * (1 - (1 - c - d) ** v["years"])
    assert model.compute(**v).faculty_from_industry == pytest.approx(expected, abs=1e-9)


@given(inputs())
def test_a_shut_door_stays_shut(v):
    r = model.compute(**{**v, "p_industry_faculty": 0})
    assert r.faculty_from_industry == 0
    assert model.format_outputs(r)["faculty_from_industry"] == "0%"


@given(inputs(), CHANCE)
def test_more_hiring_from_industry_never_lowers_either_chance(v, other):
    # Holds while someone in industry is no likelier to be faculty next year than a
    # faculty member is to stay (p_industry_faculty + p_faculty_industry <= 1).
    low, high = sorted((v["p_industry_faculty"], other))
    assume(high + v["p_faculty_industry"] <= 1)
    before = model.compute(**{**v, "p_industry_faculty": low})
    after = model.compute(**{**v, "p_industry_faculty": high})
    assert after.faculty_from_industry >= before.faculty_from_industry - 1e-12
    assert after.faculty_from_postdoc >= before.faculty_from_postdoc - 1e-12


def test_monotonicity_needs_its_condition():
    # When everyone moves every year, hiring more from industry can lower the chance at a
    # given year: people hired in year 1 all leave in year 2.
    common = {"p_faculty_industry": 1, "years": 2}
    assert model.compute(**common, p_industry_faculty=1).faculty_from_industry == 0
    assert model.compute(**common, p_industry_faculty=0.5).faculty_from_industry == pytest.approx(0.25)


@given(inputs())
def test_frame_matches_compute_year_by_year(v):
    frame = model.to_frame(**v)
    assert list(frame.index) == list(range(v["years"] + 1))
    assert frame.iloc[0].to_dict() == {
        "faculty_from_postdoc": 0,
        "faculty_from_industry": 0,
        "postdoc_from_postdoc": 1,
        "industry_from_postdoc": 0,
        "industry_from_industry": 1,
    }
    for year in (1, v["years"]):
        assert frame.loc[year].to_dict() == model.compute(**{**v, "years": year})._asdict()


@pytest.mark.parametrize(("to_faculty", "to_industry"), [(0.6, 0.5), (1, 0.01), (0.51, 0.5)])
def test_the_two_postdoc_moves_may_not_exceed_one(to_faculty, to_industry):
    for call in (model.compute, model.to_frame):
        with pytest.raises(ValueError) as error:
            call(p_postdoc_faculty=to_faculty, p_postdoc_industry=to_industry)
        assert "p_postdoc_faculty" in str(error.value) and "p_postdoc_industry" in str(error.value)
        assert "at most 1" in str(error.value)


@pytest.mark.parametrize(("to_faculty", "to_industry"), [(0.5, 0.5), (0.7, 0.3), (0.15, 0.85), (1, 0)])
def test_the_two_postdoc_moves_may_add_up_to_exactly_one(to_faculty, to_industry):
    r = model.compute(p_postdoc_faculty=to_faculty, p_postdoc_industry=to_industry)
    assert r.postdoc_from_postdoc == 0


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("p_postdoc_faculty", -0.01),
        ("p_postdoc_faculty", 1.5),
        ("p_postdoc_industry", 20),
        ("p_industry_faculty", float("nan")),
        ("p_faculty_industry", "0.1"),
        ("p_faculty_industry", None),
        ("years", 0),
        ("years", 41),
        ("years", 2.5),
        ("years", True),
    ],
)
def test_out_of_range_input_raises_naming_the_parameter_and_range(name, bad):
    with pytest.raises(ValueError) as error:
        model.compute(**{name: bad})
    assert name in str(error.value) and PARAMS[name].range_text() in str(error.value)


def test_unknown_parameter_raises():
    with pytest.raises(ValueError, match="unknown parameter"):
        model.compute(p_faculty=0.1)


def test_table_shows_the_frame_as_the_page_prints_chances():
    frame = model.to_frame()
    table = model.table()
    assert table.columns == [model.TABLE_COLUMNS[name] for name in ["year", "faculty_from_postdoc", "faculty_from_industry"]]
    assert table.rows[0] == ["0", "0%", "0%"]
    last = model.format_outputs(model.compute())
    assert table.rows[-1] == [str(frame.index[-1]), last["faculty_from_postdoc"], last["faculty_from_industry"]]
