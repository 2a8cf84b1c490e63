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
- moving_gap: catching up reaches where the postdoc stood at T, but a postdoc who keeps
  publishing at r_p moves on. Both of you publishing at r_p after T, the weighted gap
  (S(r_p) - S(r_i)) shrinks by w a year, halving every half-life, and never closes:
  moving_gap is what is left of it after catch_up_years (None when that is never).

Each input's declaration says what the book's data says about it (`evidence`), and the
defaults are taken from that evidence where it exists; the others are illustrative.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import pandas as pd

from widgets.formatting import format_number, format_percent
from widgets.parameters import ILLUSTRATIVE, Evidence, Parameter, Preset, anchor, fields_without_data, validate_all
from widgets.publication_gap import record
from widgets.tables import Table

# What the book's data says about each input (widgets/calculator_anchors.py, from data/).
ESSAY = anchor("essay")
IN_YEARS_WITH_A_PAPER = anchor("rate_in_years_with_a_paper")
IN_EVERY_YEAR = anchor("rate_in_every_year")


def _faculty_rates(rates: dict[str, float]) -> str:
    """'median 1, middle half 1-2 a year': early-career CS faculty, from the CSRankings anchor."""
    low, high = rates["median_low"], rates["median_high"]
    median = format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
    return f"median {median}, middle half {format_number(rates['low'])}–{format_number(rates['high'])} a year"


EARLY_CAREER = "CS faculty {}–{} years after their first top-venue paper".format(*IN_YEARS_WITH_A_PAPER["ages"])
TOP_VENUES_ONLY = "Top venues only: counting every venue, output is higher."

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "years",
        "Years between PhD and the application",
        0,
        15,
        ESSAY["years_away"],  # the essay's example
        step=1,
        integer=True,
        unit="years",
        help="T: how long you are in industry while the peer is a postdoc.",
        evidence=Evidence(
            f"The essay's example: {ESSAY['years_away']} years in industry before applying.",
            ESSAY["years_away"],
            ESSAY["years_away"],
            "the essay",
            ESSAY["url"],
        ),
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
        evidence=ILLUSTRATIVE,
    ),
    Parameter(
        "industry_rate",
        "Your papers per year in industry",
        0,
        20,
        # No data on industry researchers: the middle of what faculty show counting their
        # years without a top-venue paper.
        (IN_EVERY_YEAR["low"] + IN_EVERY_YEAR["high"]) / 2,
        step=0.1,
        unit="papers/year",
        help="r_i: what you publish while in industry.",
        evidence=Evidence(
            f"No data on industry researchers. For scale, {EARLY_CAREER}, counting years without one: "
            f"{_faculty_rates(IN_EVERY_YEAR)}.",
            IN_EVERY_YEAR["low"],
            IN_EVERY_YEAR["high"],
            "CSRankings",
            IN_EVERY_YEAR["url"],
        ),
    ),
    Parameter(
        "postdoc_rate",
        "The postdoc's papers per year",
        0,
        20,
        # The upper quartile: faculty searches are won by the more productive postdocs.
        IN_YEARS_WITH_A_PAPER["high"],
        step=0.1,
        unit="papers/year",
        help="r_p: what the peer publishes as a postdoc.",
        evidence=Evidence(
            f"{EARLY_CAREER}, in years with one: {_faculty_rates(IN_YEARS_WITH_A_PAPER)}. {TOP_VENUES_ONLY}",
            IN_YEARS_WITH_A_PAPER["low"],
            IN_YEARS_WITH_A_PAPER["high"],
            "CSRankings",
            IN_YEARS_WITH_A_PAPER["url"],
        ),
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
        evidence=ILLUSTRATIVE,
    ),
)

# Headline outputs (the page's data-output names) and how the page labels them.
OUTPUT_LABELS = {
    "your_total": "Your papers at the application",
    "postdoc_total": "The postdoc's papers",
    "gap": "Gap in papers",
    "recency_ratio": "Your record, weighted for recency, as a share of theirs",
    "catch_up_years": "Years at the postdoc's pace you would need to catch up",
    "moving_gap": "Weighted gap left by then to a postdoc who kept publishing",
}
OUTPUTS = tuple(OUTPUT_LABELS)
FRAME_COLUMNS = ("your_total", "postdoc_total", "gap", "your_score", "postdoc_score")

# The table beside the chart, in the page and without JavaScript: frame column -> label.
TABLE_CAPTION = (
    "Both records, year by year. A weighted score counts each paper less as it ages (half after one "
    "half-life), so it can fall while the number of papers grows."
)
TABLE_COLUMNS = {
    "year": "Years since PhD",
    "your_total": "Your papers",
    "postdoc_total": "The postdoc's papers",
    "gap": "Gap",
    "your_score": "Your weighted score",
    "postdoc_score": "The postdoc's weighted score",
}


class Result(NamedTuple):
    your_total: float
    postdoc_total: float
    gap: float
    your_score: float
    postdoc_score: float
    recency_ratio: float | None  # None: the postdoc's score is (nearly) 0, the ratio is undefined
    catch_up_years: int | None  # None: never
    moving_gap: float | None  # None: you never catch up


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
    # A postdoc score of about 1e-308 makes the share too large to print as a percentage.
    if ratio is not None and not math.isfinite(ratio * 100):
        ratio = None
    catch_up = catch_up_years(your_score, postdoc_score, r_p, w)
    return Result(
        your_total=your_total,
        postdoc_total=postdoc_total,
        gap=postdoc_total - your_total,
        your_score=your_score,
        postdoc_score=postdoc_score,
        recency_ratio=ratio,
        catch_up_years=catch_up,
        moving_gap=None if catch_up is None else (postdoc_score - your_score) * w**catch_up,
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
    rows = [[str(row.year), *(format_number(getattr(row, name)) for name in FRAME_COLUMNS)] for row in frame.itertuples()]
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
        "moving_gap": "n/a" if result.moving_gap is None else format_number(result.moving_gap),
    }


DEFAULTS = {p.name: p.default for p in PARAMETERS}

# Named scenarios for the preset menu: each sets every input and says where its values come from.
CS = anchor("fields")["with_data"]
PRESETS: tuple[Preset, ...] = (
    Preset(
        "essay",
        "The essay's case",
        {**DEFAULTS, "industry_rate": IN_EVERY_YEAR["low"]},
        f"The essay's example: {ESSAY['years_away']} years in a job where papers are not rewarded, so none at "
        f"top venues ({format_number(IN_EVERY_YEAR['low'])} a year), against a postdoc at the upper quartile of "
        "early-career faculty.",
    ),
    Preset(
        "publishing-lab",
        "An industry lab that publishes",
        {**DEFAULTS, "industry_rate": DEFAULTS["postdoc_rate"]},
        "A lab that rewards papers, where you keep the postdoc's pace: the gap is gone, as in the essay's exceptions.",
    ),
    Preset(
        "five-years",
        "Five years away",
        {**DEFAULTS, "years": 5},
        "The defaults, but applying after 5 years rather than the essay's 2 (illustrative).",
    ),
    Preset(
        "cs-median",
        f"{CS}: the median postdoc",
        {**DEFAULTS, "postdoc_rate": IN_YEARS_WITH_A_PAPER["median_high"]},
        f"The postdoc publishes like the median of {EARLY_CAREER}, in years with one "
        f"({format_number(IN_YEARS_WITH_A_PAPER['median_high'])} a year, CSRankings); no data covers industry "
        "researchers, so your rate stays at the default.",
        field=CS,
    ),
)
NO_DATA_FIELDS = fields_without_data((CS,))
SHARE_PREFIX = "#pg:"  # a link to a scenario: #pg:years=5&industry_rate=1

# The limits and rules of reading a publication record (record.py), for record.js.
BROWSER_CONSTANTS = {
    "RECORD": {
        "max_characters": record.MAX_CHARACTERS,
        "max_entries": record.MAX_ENTRIES,
        "first_phd_year": record.PHD_YEARS[0],
        "first_year": record.FIRST_YEAR,
        "recent_phd_years": record.RECENT_PHD_YEARS,
    },
}

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
    {"years": 1, "papers_at_phd": 0, "industry_rate": 1, "postdoc_rate": 1.1e-308},  # share as a percentage overflows: n/a
]
