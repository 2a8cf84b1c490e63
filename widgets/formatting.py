"""Numbers as the pages print them. The JS helpers in calculator_ui.js do the same,
so a result reads identically in Python, in Jupyter and in the static book."""

from __future__ import annotations

import math


def round_half_up(x: float, decimals: int = 0) -> float:
    """JavaScript's Math.round(x * 10**d) / 10**d, so both sides print the same digits."""
    scale = 10**decimals
    return math.floor(x * scale + 0.5) / scale + 0.0  # + 0.0 turns -0.0 into 0.0


def format_number(x: float) -> str:
    """One decimal at most, no trailing ".0": 4.5, 12 (formatNumber in JS)."""
    rounded = round_half_up(x, 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}"


def format_percent(ratio: float) -> str:
    """A share as a whole percentage: 0.62 -> "62%" (formatPercent in JS)."""
    return f"{int(round_half_up(ratio * 100))}%"
