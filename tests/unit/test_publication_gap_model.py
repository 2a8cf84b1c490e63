"""The reference model: equations, edge cases, properties and validation."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from widgets.formatting import format_number
from widgets.publication_gap import model

PARAMS = {p.name: p for p in model.PARAMETERS}


def values(name: str) -> st.SearchStrategy:
    p = PARAMS[name]
    if p.integer:
        return st.integers(int(p.minimum), int(p.maximum))
    return st.floats(p.minimum, p.maximum, allow_nan=False)


inputs = st.fixed_dictionaries({name: values(name) for name in PARAMS})


def test_defaults_by_hand():
    d = model.DEFAULTS
    p0, r_i, r_p, t, h = (d[n] for n in ("papers_at_phd", "industry_rate", "postdoc_rate", "years", "half_life"))
    r = model.compute()
    assert (r.your_total, r.postdoc_total, r.gap) == pytest.approx((p0 + r_i * t, p0 + r_p * t, (r_p - r_i) * t))
    w = 2 ** (-1 / h)
    # Each year's papers weighted by their age at the application, summed year by year.
    assert r.your_score == pytest.approx(p0 * w**t + sum(r_i * w ** (t - k) for k in range(1, t + 1)))
    assert r.postdoc_score == pytest.approx(p0 * w**t + sum(r_p * w ** (t - k) for k in range(1, t + 1)))
    assert r.recency_ratio == pytest.approx(r.your_score / r.postdoc_score)


def test_zero_years_means_no_gap():
    r = model.compute(years=0)
    assert r.gap == 0 and r.catch_up_years == 0 and r.recency_ratio == 1


def test_zero_record_and_rates_give_no_ratio():
    r = model.compute(papers_at_phd=0, industry_rate=0, postdoc_rate=0)
    assert r.recency_ratio is None and r.catch_up_years == 0
    assert model.format_outputs(r)["recency_ratio"] == "n/a"


def test_never_when_the_postdoc_rate_cannot_reach_the_target():
    r = model.compute(years=15, industry_rate=0, postdoc_rate=0.1)
    assert r.catch_up_years is None
    assert model.format_outputs(r)["catch_up_years"] == "never"


@given(inputs)
def test_catch_up_years_is_the_smallest_sufficient_whole_number(v):
    r = model.compute(**v)
    w = model.recency_weight(v["half_life"])

    def level(x: int) -> float:
        return r.your_score * w**x + v["postdoc_rate"] * (1 - w**x) / (1 - w)

    if r.catch_up_years is None:
        assert v["postdoc_rate"] / (1 - w) <= r.postdoc_score
    else:
        assert level(r.catch_up_years) >= r.postdoc_score
        assert r.catch_up_years == 0 or level(r.catch_up_years - 1) < r.postdoc_score


@given(inputs)
def test_gap_grows_with_years_when_the_postdoc_publishes_faster(v):
    assume(v["postdoc_rate"] - v["industry_rate"] > 1e-6 and v["years"] < 15)  # beyond rounding
    assert model.compute(**{**v, "years": v["years"] + 1}).gap > model.compute(**v).gap


@given(inputs)
def test_equal_rates_need_no_catching_up(v):
    r = model.compute(**{**v, "industry_rate": v["postdoc_rate"]})
    assert r.gap == 0 and r.catch_up_years == 0


@given(inputs)
def test_recency_ratio_within_unit_interval_when_industry_is_slower(v):
    assume(v["industry_rate"] <= v["postdoc_rate"])
    r = model.compute(**v)
    assert r.recency_ratio is None or 0 <= r.recency_ratio <= 1 + 1e-12


@given(inputs)
def test_outputs_are_finite_and_formatted_for_people(v):
    r = model.compute(**v)
    for value in (r.your_total, r.postdoc_total, r.gap, r.your_score, r.postdoc_score):
        assert math.isfinite(value)
    for text in model.format_outputs(r).values():
        assert text and text != "-0" and not any(bad in text for bad in ("nan", "inf", "None"))


@given(inputs)
def test_frame_matches_compute_year_by_year(v):
    frame = model.to_frame(**v)
    assert list(frame.index) == list(range(v["years"] + 1))
    last = frame.iloc[-1]
    r = model.compute(**v)
    assert last["gap"] == pytest.approx(r.gap) and last["postdoc_score"] == pytest.approx(r.postdoc_score)


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("years", -1),
        ("years", 16),
        ("years", 2.5),
        ("years", "2"),
        ("years", True),
        ("papers_at_phd", -0.1),
        ("papers_at_phd", 51),
        ("industry_rate", 20.5),
        ("postdoc_rate", float("nan")),
        ("postdoc_rate", float("inf")),
        ("half_life", 0.4),
        ("half_life", 21),
        ("half_life", None),
    ],
)
def test_out_of_range_input_raises_naming_the_parameter_and_range(name, bad):
    p = PARAMS[name]
    with pytest.raises(ValueError) as error:
        model.compute(**{name: bad})
    assert name in str(error.value) and p.range_text() in str(error.value)


def test_unknown_parameter_raises():
    with pytest.raises(ValueError, match="unknown parameter"):
        model.compute(yeras=3)


@given(inputs)
def test_frame_columns_are_the_outputs_of_the_same_names(v):
    last = model.to_frame(**v).iloc[-1]
    r = model.compute(**v)
    for name in model.FRAME_COLUMNS:
        assert last[name] == getattr(r, name), name


def test_table_labels_the_frame_columns_it_shows():
    frame = model.to_frame(years=3)
    table = model.table(years=3)
    assert table.columns == [model.TABLE_COLUMNS[name] for name in ["year", *frame.columns]]
    assert "weighted score" in table.columns[-1] and "weighted score" in table.columns[-2]
    d = model.DEFAULTS
    you, postdoc = d["papers_at_phd"] + 3 * d["industry_rate"], d["papers_at_phd"] + 3 * d["postdoc_rate"]
    assert table.rows[-1][:4] == ["3", format_number(you), format_number(postdoc), format_number(postdoc - you)]
    assert table.rows[-1][4:] == [format_number(frame["your_score"].iloc[-1]), format_number(frame["postdoc_score"].iloc[-1])]
    assert len(table.rows) == len(frame) == 4


def test_your_weighted_score_falls_as_your_phd_papers_age():
    """The table's point: with little published in industry, your weighted score falls each year."""
    frame = model.to_frame(years=5, industry_rate=0)
    assert frame["your_score"].is_monotonic_decreasing and frame["your_total"].nunique() == 1


@given(inputs)
def test_the_moving_peer_stays_ahead(v):
    r = model.compute(**v)
    if r.catch_up_years is None:
        assert r.moving_gap is None
        return
    w = model.recency_weight(v["half_life"])
    assert r.moving_gap == pytest.approx((r.postdoc_score - r.your_score) * w**r.catch_up_years, rel=1e-9, abs=1e-12)
    if r.postdoc_score > r.your_score:
        assert r.moving_gap > 0  # caught up with where the postdoc stood, never with the postdoc
