"""Is the door still open? A yearly three-state model of careers: the reference model.

Each year a person is in one of three states: a postdoc, faculty, or industry.

- a postdoc becomes faculty with `p_postdoc_faculty`, moves to industry with
  `p_postdoc_industry`, and otherwise stays a postdoc;
- someone in industry becomes faculty with `p_industry_faculty`, else stays;
- a faculty member moves to industry with `p_faculty_industry`, else stays.

Nobody moves into the postdoc state. Starting from a postdoc or from an industry job
at graduation (year 0), the model gives the probability of each state after every
year; the headline outputs are the chances of holding a faculty post after `years`.

No source in this book gives these yearly rates, but its figures bound them: each input's
`evidence` says how, and the defaults lie within those bounds (a moving-back chance well
below the moving-out one; postdocs reaching faculty posts no more often than the book's
shares allow). The model is a Markov chain: a year's move depends only on where you are,
not on how long you have been there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd

from widgets.formatting import format_decimal, format_number, format_percent, format_probability
from widgets.parameters import ILLUSTRATIVE, Evidence, Parameter, Preset, anchor, fields_without_data, validate_all
from widgets.tables import Table

PROBABILITY_HELP = "Write a chance as a decimal: 0.15 means a 15% chance each year."

# What the book's data says about the rates (widgets/calculator_anchors.py, from data/).
SHARES = anchor("postdoc_faculty_share")
RETURN_BOUND = anchor("industry_return_bound")
EXIT_RATIO = anchor("exit_to_return_ratio")
DERIVED = "derived from the AI Index (CRA Taulbee) and the SED"

# No source gives a postdoc's yearly chance of leaving for industry: illustrative.
POSTDOC_TO_INDUSTRY = 0.2
# The most a postdoc's yearly chance of a faculty post can be, with that chance of leaving,
# if no more than SHARES["value"] of postdocs are to reach faculty posts: a/(a+b) <= share.
POSTDOC_TO_FACULTY_BOUND = SHARES["value"] * POSTDOC_TO_INDUSTRY / (1 - SHARES["value"])
# Well under the bound, which counts only one year's recruits as the pool that could return.
INDUSTRY_TO_FACULTY = 0.005


def _percent(x: float) -> str:
    return format_percent(x / 100, 1)


PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "p_postdoc_faculty",
        "Yearly chance a postdoc is hired as faculty",
        0,
        1,
        math.floor(POSTDOC_TO_FACULTY_BOUND * 100) / 100,  # the largest whole percent within the bound
        step=0.01,
        unit="0 to 1",
        help=PROBABILITY_HELP,
        evidence=Evidence(
            f"At most about {format_decimal(POSTDOC_TO_FACULTY_BOUND, 2)} with the default chance of leaving, so that at "
            f"most {format_percent(SHARES['value'])} of postdocs reach faculty posts: of new PhDs, "
            f"{_percent(SHARES['steady_state'])} can hold academic posts in the long run, "
            f"{_percent(SHARES['straight_to_tenure_track'])} go straight to the tenure track, "
            f"{_percent(SHARES['postdoc'])} take postdocs.",
            0,
            POSTDOC_TO_FACULTY_BOUND,
            "Larson et al. and the SED (derived)",
            SHARES["url"],
        ),
    ),
    Parameter(
        "p_postdoc_industry",
        "Yearly chance a postdoc leaves for industry",
        0,
        1,
        POSTDOC_TO_INDUSTRY,
        step=0.01,
        unit="0 to 1",
        help=f"{PROBABILITY_HELP} With the chance above, at most 1 in total.",
        evidence=ILLUSTRATIVE,
    ),
    Parameter(
        "p_industry_faculty",
        "Yearly chance someone in industry is hired as faculty",
        0,
        1,
        INDUSTRY_TO_FACULTY,
        step=0.001,
        unit="0 to 1",
        help=PROBABILITY_HELP,
        evidence=Evidence(
            f"Under {format_percent(RETURN_BOUND['value'], 1)} a year: about {format_number(RETURN_BOUND['hires'])} "
            f"faculty came from industry in {RETURN_BOUND['hires_year']}, against {format_decimal(RETURN_BOUND['recruits'], 0)} "
            f"new computing PhDs joining industry in {RETURN_BOUND['recruits_year']} alone; earlier cohorts could return too.",
            0,
            RETURN_BOUND["value"],
            DERIVED,
            RETURN_BOUND["url"],
        ),
    ),
    Parameter(
        "p_faculty_industry",
        "Yearly chance a faculty member leaves for industry",
        0,
        1,
        # As many times the chance the other way as the evidence suggests.
        round(EXIT_RATIO["value"] * INDUSTRY_TO_FACULTY, 3),
        step=0.001,
        unit="0 to 1",
        help=PROBABILITY_HELP,
        evidence=Evidence(
            f"About {format_number(EXIT_RATIO['value'])} times the chance the other way: in {EXIT_RATIO['year']} about "
            f"{format_number(EXIT_RATIO['departures'])} faculty left for nonacademic jobs and "
            f"{format_number(EXIT_RATIO['hires'])} came from industry, from pools far apart "
            f"({_percent(EXIT_RATIO['industry_percent'])} of new computing PhDs join industry, "
            f"{_percent(EXIT_RATIO['academe_percent'])} academe).",
            0,
            EXIT_RATIO["value"] * RETURN_BOUND["value"],
            DERIVED,
            EXIT_RATIO["url"],
        ),
    ),
    Parameter(
        "years",
        "Years after the PhD",
        1,
        40,
        5,
        step=1,
        integer=True,
        unit="years",
        help="How far ahead to look.",
        evidence=ILLUSTRATIVE,
    ),
)

OUTPUT_LABELS = {
    "faculty_from_postdoc": "Chance of a faculty post, starting as a postdoc",
    "faculty_from_industry": "Chance of a faculty post, starting in industry",
}
OUTPUTS = tuple(OUTPUT_LABELS)

# The table beside the chart, in the page and without JavaScript: frame column -> label.
TABLE_CAPTION = "Chance of a faculty post, year by year"
TABLE_COLUMNS = {
    "year": "Years since PhD",
    "faculty_from_postdoc": "Faculty, starting as a postdoc",
    "faculty_from_industry": "Faculty, starting in industry",
}

STATES = ("postdoc", "faculty", "industry")
# Two postdoc moves may add up to 1 exactly; allow for rounding in typed decimals.
TOLERANCE = 1e-9


class Result(NamedTuple):
    faculty_from_postdoc: float
    faculty_from_industry: float
    postdoc_from_postdoc: float
    industry_from_postdoc: float
    industry_from_industry: float


Distribution = tuple[float, float, float]  # chances of (postdoc, faculty, industry)
Matrix = tuple[Distribution, Distribution, Distribution]  # row: from; column: to


def check(values: Mapping[str, Any]) -> None:
    """The rule that ties two inputs together: a postdoc cannot make both moves in one year."""
    to_faculty, to_industry = values["p_postdoc_faculty"], values["p_postdoc_industry"]
    total = to_faculty + to_industry
    if total > 1 + TOLERANCE:
        raise ValueError(
            "p_postdoc_faculty + p_postdoc_industry must be at most 1 (a postdoc makes at most "
            f"one of the two moves in a year); got {to_faculty!r} + {to_industry!r} = {total!r}"
        )


def validated(inputs: Mapping[str, Any]) -> dict[str, float]:
    """Every input checked on its own (defaults fill gaps), then the cross-field rule."""
    values = validate_all(PARAMETERS, dict(inputs))
    check(values)
    return values


def transition_matrix(
    p_postdoc_faculty: float, p_postdoc_industry: float, p_industry_faculty: float, p_faculty_industry: float
) -> Matrix:
    """One year's moves, rows and columns in the order of STATES."""
    stay_postdoc = 1.0 - p_postdoc_faculty - p_postdoc_industry
    if stay_postdoc < TOLERANCE:  # moves typed to add up to 1 (0.7 + 0.3): nobody stays
        stay_postdoc = 0.0
    return (
        (stay_postdoc, p_postdoc_faculty, p_postdoc_industry),
        (0.0, 1.0 - p_faculty_industry, p_faculty_industry),
        (0.0, p_industry_faculty, 1.0 - p_industry_faculty),
    )


def step(distribution: Distribution, matrix: Matrix) -> Distribution:
    """Where people stand a year later (the JS model sums in the same order)."""
    postdoc, faculty, industry = distribution
    return tuple(  # type: ignore[return-value]
        postdoc * matrix[0][j] + faculty * matrix[1][j] + industry * matrix[2][j] for j in range(3)
    )


def trajectories(values: Mapping[str, float]) -> dict[str, list[Distribution]]:
    """Year 0..years: the distribution over STATES for each starting path."""
    matrix = transition_matrix(
        values["p_postdoc_faculty"],
        values["p_postdoc_industry"],
        values["p_industry_faculty"],
        values["p_faculty_industry"],
    )
    paths: dict[str, list[Distribution]] = {"postdoc": [(1.0, 0.0, 0.0)], "industry": [(0.0, 0.0, 1.0)]}
    for path in paths.values():
        for _ in range(int(values["years"])):
            path.append(step(path[-1], matrix))
    return paths


def _probability(x: float) -> float:
    """Clamp sums that rounding pushed a hair outside [0, 1]."""
    return min(1.0, max(0.0, x))


def compute(**inputs: Any) -> Result:
    """Validate the inputs (defaults fill gaps) and return the chances after `years`."""
    paths = trajectories(validated(inputs))
    postdoc, industry = paths["postdoc"][-1], paths["industry"][-1]
    return Result(
        faculty_from_postdoc=_probability(postdoc[1]),
        faculty_from_industry=_probability(industry[1]),
        postdoc_from_postdoc=_probability(postdoc[0]),
        industry_from_postdoc=_probability(postdoc[2]),
        industry_from_industry=_probability(industry[2]),
    )


def to_frame(**inputs: Any) -> pd.DataFrame:
    """Year-by-year chances of each state, for both starting paths (year 0 = the PhD)."""
    paths = trajectories(validated(inputs))
    rows = [
        {
            "year": year,
            "faculty_from_postdoc": _probability(postdoc[1]),
            "faculty_from_industry": _probability(industry[1]),
            "postdoc_from_postdoc": _probability(postdoc[0]),
            "industry_from_postdoc": _probability(postdoc[2]),
            "industry_from_industry": _probability(industry[2]),
        }
        for year, (postdoc, industry) in enumerate(zip(paths["postdoc"], paths["industry"]))
    ]
    return pd.DataFrame(rows).set_index("year")


def table(**inputs: Any) -> Table:
    """The chart's numbers as the page's table shows them (`table` in model.js)."""
    frame = to_frame(**inputs).reset_index()
    rows = [
        [str(row.year), format_probability(row.faculty_from_postdoc), format_probability(row.faculty_from_industry)]
        for row in frame.itertuples()
    ]
    return Table(TABLE_CAPTION, list(TABLE_COLUMNS.values()), rows)


def format_outputs(result: Result) -> dict[str, str]:
    return {name: format_probability(getattr(result, name)) for name in OUTPUTS}


DEFAULTS = {p.name: p.default for p in PARAMETERS}

# Named scenarios for the preset menu: each sets every input and says where its values come from.
CS = anchor("fields")["with_data"]
_UPPER = round(RETURN_BOUND["value"], 3)
PRESETS: tuple[Preset, ...] = (
    Preset(
        "shut",
        "The essay's one-way street",
        {**DEFAULTS, "p_industry_faculty": 0},
        "Nobody is hired back from industry: the essay's street at its starkest.",
    ),
    Preset(
        "two-way",
        "A two-way street, for comparison",
        {**DEFAULTS, "p_industry_faculty": DEFAULTS["p_faculty_industry"]},
        "Moving back as likely as moving out. The data do not support this; it shows what no one-way street looks like.",
    ),
    Preset(
        "upper-bound",
        "The most the data allow",
        {**DEFAULTS, "p_industry_faculty": _UPPER, "p_faculty_industry": round(EXIT_RATIO["value"] * _UPPER, 3)},
        f"Moving back at the bound, {format_percent(RETURN_BOUND['value'], 1)} a year, as if one year's recruits were "
        "everyone who could return; earlier cohorts make the real chance far smaller.",
    ),
    Preset(
        "cs-defaults",
        f"{CS}: the book's figures",
        dict(DEFAULTS),
        "The defaults: rates within the bounds that computing's faculty flows and the book's shares set.",
        field=CS,
    ),
)
NO_DATA_FIELDS = fields_without_data((CS,))
SHARE_PREFIX = "#cp:"  # a link to a scenario: #cp:p_industry_faculty=0.01&years=10

# Edge cases every implementation must agree on (the test vectors add a random sample).
EDGE_CASES: list[dict[str, float]] = [
    {},  # the defaults
    {"years": 1},
    {"years": 40},
    {"p_industry_faculty": 0},  # the door is shut: never faculty from industry
    {"p_postdoc_faculty": 0.5, "p_postdoc_industry": 0.5},  # the two postdoc moves add up to 1
    {"p_postdoc_faculty": 0.7, "p_postdoc_industry": 0.3},  # 0.7 + 0.3 is a hair under 1 in floats
    {"p_postdoc_faculty": 0.01, "p_postdoc_industry": 0.99, "years": 40},
    {"p_postdoc_faculty": 1, "p_postdoc_industry": 0, "p_faculty_industry": 0},
    {"p_postdoc_faculty": 0, "p_postdoc_industry": 0, "p_industry_faculty": 0, "p_faculty_industry": 0},
    {"p_industry_faculty": 0.001, "years": 2},  # under 1%
    {"p_postdoc_faculty": 0.9, "p_postdoc_industry": 0, "p_faculty_industry": 0, "years": 3},  # over 99%
    {"p_postdoc_faculty": 0, "p_postdoc_industry": 1, "p_industry_faculty": 1, "p_faculty_industry": 1, "years": 39},
]
