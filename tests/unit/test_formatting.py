"""The Python formatter: how the book prints a calculator's numbers (formatting.js is checked
against the same cases in tests/js/formatting.test.mjs)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.formatting import format_decimal, format_number, format_percent, format_probability, round_half_up


@pytest.mark.parametrize(
    ("x", "text"), [(4.5, "4.5"), (12.0, "12"), (-0.04, "0"), (0.25, "0.3"), (2.449, "2.4"), (-2.25, "-2.2"), (100.0, "100")]
)
def test_number_formatting(x, text):
    assert format_number(x) == text


@pytest.mark.parametrize(
    ("ratio", "decimals", "text"), [(0.62, 0, "62%"), (0.615, 0, "62%"), (0.0053, 2, "0.53%"), (0.05, 2, "5%"), (0, 0, "0%")]
)
def test_percent_formatting(ratio, decimals, text):
    assert format_percent(ratio, decimals) == text


@pytest.mark.parametrize(
    ("p", "text"),
    [(0, "0%"), (1e-9, "under 1%"), (0.004999, "under 1%"), (0.005, "1%"), (0.615, "62%"), (0.995, "over 99%"), (1, "100%")],
)
def test_probability_formatting(p, text):
    assert format_probability(p) == text


@pytest.mark.parametrize(("x", "rounded"), [(0.5, 1), (-0.5, 0), (2.5, 3), (-2.5, -2), (0.49999999999999994, 0), (-0.3, 0)])
def test_ties_go_up_as_in_javascript(x, rounded):
    assert round_half_up(x) == rounded
    assert str(round_half_up(x)) != "-0.0"


@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(0, 3))
def test_decimals_are_at_most_asked_for_and_never_trailing_zeros(x, decimals):
    text = format_decimal(x, decimals)
    fraction = text.partition(".")[2]
    assert len(fraction) <= decimals and not fraction.endswith("0")
    assert text != "-0" and "e" not in text
    assert float(text) == pytest.approx(x, abs=0.5 * 10**-decimals + 1e-9 * abs(x))
