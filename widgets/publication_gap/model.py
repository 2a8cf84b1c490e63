"""Publication gap against a postdoc competitor: the reference model.

You leave for industry at graduation; a peer with the same record takes a postdoc.
After `years` years you both apply for the same faculty job.

- totals: your_total = P0 + r_i*T, postdoc_total = P0 + r_p*T, gap = postdoc_total - your_total
- committees discount older work: a paper k years old weighs w**k with w = 2**(-1/h),
  so a record's score is S(r) = P0*w**T + r*(1 - w**T)/(1 - w)
- recency_ratio = S(r_i) / S(r_p), or None when the postdoc's score is 0 (or so near 0 that
  the share is too large for a float)
- catch_up_years: the fewest whole years of postdoc-rate output after T that lift your
  score to the postdoc's score at T; None ("never") when that level is reached only in
  the limit or not at all.

Every default is illustrative, not an estimate: see the chapter for the evidence.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import pandas as pd

from widgets.formatting import format_number, format_percent
from widgets.parameters import Parameter, validate_all
from widgets.tables import Table

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "years",
        "Years between PhD and the application",
        0,
        15,
        2,
        step=1,
        integer=True,
        unit="years",
        help="T: how long you are in industry while the peer is a postdoc.",
    ),
    Parameter(
        "papers_at_phd",
        "Papers each of you has at graduation",
        0,
        50,
        6,
        step=1,
        unit="papers",
        help="P0: the same record for both of you.",
    ),
    Parameter(
        "industry_rate",
        "Your papers per year in industry",
        0,
        20,
        0.5,
        step=0.1,
        unit="papers/year",
        help="r_i: what you publish while in industry.",
    ),
    Parameter(
        "postdoc_rate",
        "The postdoc's papers per year",
        0,
        20,
        3,
        step=0.1,
        unit="papers/year",
        help="r_p: what the peer publishes as a postdoc.",
    ),
    Parameter(
        "half_life",
        "Half-life of a paper's weight with a committee",
        0.5,
        20,
        3,
        step=0.5,
        unit="years",
        help="h: after h years a paper counts half as much.",
    ),
)

# Headline outputs (the page's data-output names) and how the page labels them.
OUTPUT_LABELS = {
    "your_total": "Your papers at the application",
    "postdoc_total": "The postdoc's papers",
    "gap": "Gap in papers",
    "recency_ratio": "Your record, weighted for recency, as a share of theirs",
    "catch_up_years": "Years at the postdoc's pace you would need to catch up",
}
OUTPUTS = tuple(OUTPUT_LABELS)
FRAME_COLUMNS = ("your_total", "postdoc_total", "gap", "your_score", "postdoc_score")

# The table beside the chart, in the page and without JavaScript: frame column -> label.
TABLE_CAPTION = "Both records, year by year"
TABLE_COLUMNS = {
    "year": "Years since PhD",
    "your_total": "Your papers",
    "postdoc_total": "The postdoc's papers",
    "gap": "Gap",
}


class Result(NamedTuple):
    your_total: float
    postdoc_total: float
    gap: float
    your_score: float
    postdoc_score: float
    recency_ratio: float | None  # None: the postdoc's score is (nearly) 0, the ratio is undefined
    catch_up_years: int | None  # None: never


def recency_weight(half_life: float) -> float:
    """Yearly factor by which a paper's weight shrinks."""
    return 2.0 ** (-1.0 / half_life)


def recency_score(papers_at_phd: float, rate: float, years: int, weight: float) -> float:
    """S(r): the PhD papers are `years` old; a paper from year k is years-k old."""
    decay = weight**years
    return papers_at_phd * decay + rate * (1.0 - decay) / (1.0 - weight)


def _catch_up_level(start: float, rate: float, extra_years: int, weight: float) -> float:
    decay = weight**extra_years
    return start * decay + rate * (1.0 - decay) / (1.0 - weight)


def catch_up_years(your_score: float, postdoc_score: float, postdoc_rate: float, weight: float) -> int | None:
    """Smallest whole x >= 0 with your score after x postdoc-rate years >= postdoc_score."""
    if your_score >= postdoc_score:
        return 0
    limit = postdoc_rate / (1.0 - weight)
    if limit <= postdoc_score:
        return None
    # Closed form, then a direct check either side, so rounding in the logarithms
    # cannot move the answer by one year.
    x = max(0, math.ceil(math.log((limit - postdoc_score) / (limit - your_score)) / math.log(weight)))
    while x > 0 and _catch_up_level(your_score, postdoc_rate, x - 1, weight) >= postdoc_score:
        x -= 1
    while _catch_up_level(your_score, postdoc_rate, x, weight) < postdoc_score:
        x += 1
    return x


def compute(**inputs: Any) -> Result:
    """Validate the inputs (defaults fill gaps) and return every output."""
    v = validate_all(PARAMETERS, inputs)
    years, p0 = v["years"], v["papers_at_phd"]
    r_i, r_p = v["industry_rate"], v["postdoc_rate"]
    w = recency_weight(v["half_life"])
    your_total = p0 + r_i * years
    postdoc_total = p0 + r_p * years
    your_score = recency_score(p0, r_i, years, w)
    postdoc_score = recency_score(p0, r_p, years, w)
    ratio = your_score / postdoc_score if postdoc_score > 0 else None
    if ratio is not None and not math.isfinite(ratio):  # a postdoc score of about 1e-320
        ratio = None
    return Result(
        your_total=your_total,
        postdoc_total=postdoc_total,
        gap=postdoc_total - your_total,
        your_score=your_score,
        postdoc_score=postdoc_score,
        recency_ratio=ratio,
        catch_up_years=catch_up_years(your_score, postdoc_score, r_p, w),
    )


def to_frame(**inputs: Any) -> pd.DataFrame:
    """Year-by-year records of both careers, from graduation (year 0) to the application;
    the columns are the outputs of the same names, for an application in that year."""
    v = validate_all(PARAMETERS, inputs)
    rows = []
    for year in range(v["years"] + 1):
        result = compute(**{**v, "years": year})
        rows.append({"year": year, **{name: getattr(result, name) for name in FRAME_COLUMNS}})
    return pd.DataFrame(rows).set_index("year")


def table(**inputs: Any) -> Table:
    """The chart's numbers as the page's table shows them (`table` in model.js)."""
    frame = to_frame(**inputs).reset_index()
    rows = [
        [str(row.year), format_number(row.your_total), format_number(row.postdoc_total), format_number(row.gap)]
        for row in frame.itertuples()
    ]
    return Table(TABLE_CAPTION, list(TABLE_COLUMNS.values()), rows)


def format_outputs(result: Result) -> dict[str, str]:
    """The headline outputs as people read them: "4.5", "62%", "never", "n/a"."""
    ratio = "n/a" if result.recency_ratio is None else format_percent(result.recency_ratio)
    years = "never" if result.catch_up_years is None else str(result.catch_up_years)
    return {
        "your_total": format_number(result.your_total),
        "postdoc_total": format_number(result.postdoc_total),
        "gap": format_number(result.gap),
        "recency_ratio": ratio,
        "catch_up_years": years,
    }


DEFAULTS = {p.name: p.default for p in PARAMETERS}

# Edge cases every implementation must agree on (the test vectors add a random sample).
EDGE_CASES: list[dict[str, float]] = [
    {},  # the defaults
    {"years": 0},
    {"industry_rate": 3, "postdoc_rate": 3},
    {"industry_rate": 0, "postdoc_rate": 0},
    {"industry_rate": 0, "postdoc_rate": 0, "papers_at_phd": 0},  # no ratio: n/a
    {"years": 15, "industry_rate": 0, "postdoc_rate": 0.1},  # never catches up
    {"years": 15, "industry_rate": 20, "postdoc_rate": 0},
    {"half_life": 0.5, "years": 15},
    {"half_life": 20, "years": 15, "papers_at_phd": 50},
    {"years": 1, "papers_at_phd": 5e-324, "industry_rate": 1, "postdoc_rate": 0, "half_life": 2},  # share overflows: n/a
]
