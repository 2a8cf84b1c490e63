"""Numbers as the book prints a calculator's numbers, in Python. Its twin is formatting.js:
every model, view and chapter formats through one of the two, and a parity test
(formatting_vectors.jsonl) checks that they print the same text for the same number."""

from __future__ import annotations

import math


def round_half_up(x: float, decimals: int = 0) -> float:
    """JavaScript's Math.round(x * 10**d) / 10**d, exactly, so both sides print the same digits.

    Ties go up (towards +infinity), as in V8: take the ceiling and step down if it is more
    than half above. floor(y + 0.5) would misround 0.49999999999999994, where y + 0.5 itself
    rounds up to 1; `whole - 0.5` is exact below 2**52, so this comparison never rounds.
    """
    scaled = x * 10**decimals
    whole = math.ceil(scaled)
    if whole - 0.5 > scaled:
        whole -= 1
    return whole / 10**decimals + 0.0  # + 0.0 turns -0.0 into 0.0


def format_decimal(x: float, decimals: int) -> str:
    """At most `decimals` decimals, without trailing zeros: 4.5, 12, 0.25."""
    text = f"{round_half_up(x, decimals):.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_number(x: float) -> str:
    """One decimal at most, no trailing ".0": 4.5, 12."""
    return format_decimal(x, 1)


def format_percent(ratio: float, decimals: int = 0) -> str:
    """A share as a percentage: 0.62 -> "62%"; with decimals=2, 0.0053 -> "0.53%"."""
    return f"{format_decimal(ratio * 100, decimals)}%"


def format_probability(p: float) -> str:
    """A chance as people read it: "62%"; "under 1%" and "over 99%" rather than a false 0 or 100."""
    percent = round_half_up(p * 100)
    if percent == 0 and p > 0:
        return "under 1%"
    if percent == 100 and p < 1:
        return "over 99%"
    return format_percent(p)
