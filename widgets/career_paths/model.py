"""Is the door still open? A yearly three-state model of careers: the reference model.

Each year a person is in one of three states: a postdoc, faculty, or industry.

- a postdoc becomes faculty with `p_postdoc_faculty`, moves to industry with
  `p_postdoc_industry`, and otherwise stays a postdoc;
- someone in industry becomes faculty with `p_industry_faculty`, else stays;
- a faculty member moves to industry with `p_faculty_industry`, else stays.

Nobody moves into the postdoc state. Starting from a postdoc or from an industry job
at graduation (year 0), the model gives the probability of each state after every
year; the headline outputs are the chances of holding a faculty post after `years`.

Every default is illustrative, not an estimate: no source in this book gives these
yearly rates (the chapter explains why). The model is a Markov chain: a year's move
depends only on where you are, not on how long you have been there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd

from widgets.formatting import format_probability
from widgets.parameters import Parameter, validate_all
from widgets.tables import Table

PROBABILITY_HELP = "Write a chance as a decimal: 0.15 means a 15% chance each year."

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "p_postdoc_faculty",
        "Yearly chance a postdoc is hired as faculty",
        0,
        1,
        0.2,
        step=0.01,
        unit="0 to 1",
        help=PROBABILITY_HELP,
    ),
    Parameter(
        "p_postdoc_industry",
        "Yearly chance a postdoc leaves for industry",
        0,
        1,
        0.2,
        step=0.01,
        unit="0 to 1",
        help=f"{PROBABILITY_HELP} With the chance above, at most 1 in total.",
    ),
    Parameter(
        "p_industry_faculty",
        "Yearly chance someone in industry is hired as faculty",
        0,
        1,
        0.02,
        step=0.01,
        unit="0 to 1",
        help=PROBABILITY_HELP,
    ),
    Parameter(
        "p_faculty_industry",
        "Yearly chance a faculty member leaves for industry",
        0,
        1,
        0.02,
        step=0.01,
        unit="0 to 1",
        help=PROBABILITY_HELP,
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
