"""Questions for a recruiter: turn a recruiter's answers into a scorecard. The reference model.

A student holding an industry research offer hears that the company "encourages
publications". The essay this book follows argues that such a pitch is worth only what
the incentives behind it are worth, and suggests asking for facts instead. The eight
questions below are those facts; each answer earns some of the question's points.

Scoring rule
------------
- Each question has a weight: the points it can earn (they add up to 100).
- A numeric answer earns points in proportion to the answer, up to the value that earns
  them all (`full_at`): points = weight * min(answer / full_at, 1).
- A choice earns points by its position, answers being ordered from the most to the least
  favourable: with k answers, the answer at position i earns weight * (k - 1 - i) / (k - 1)
  (so yes / partly / no earn 1, 1/2 and 0 of the weight).
- An unanswered question (None) counts neither for nor against: the score is
  100 * (points earned) / (points possible), both summed over the answered questions only.
  With nothing answered there is no score (None, shown as "n/a").
- Verdict: the score, rounded to a whole number, falls in one of three bands: 70 or more,
  40 or more, or below 40. The top band also needs an answer to the deciding question
  (review_counts_papers); while it is unknown the verdict stays at most in the middle band.
  The verdict says how many questions are unknown.
- Red flags: an answer that earns less than a quarter of its question's points, except for
  fixed_term, where a permanent post is simply not the exception rather than a warning.
  "No" to review_counts_papers is therefore always a red flag.

The weights are this book's judgement, not a measurement; the reason for each is in
`RULES` (and in the chapter "The recruiting pitch"). The deciding question weighs most,
35 of 100 points, so that a "no" there alone keeps any offer below the top band
(100 - 35 = 65 < 70), as the essay treats it as the question that decides.

Because points only grow along each question's order of answers and the points possible
depend only on which questions are answered, a more favourable answer to any one
question never lowers the score (tested as a property).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pandas as pd

from widgets.formatting import format_decimal, format_number, round_half_up
from widgets.parameters import ILLUSTRATIVE, Answer, AnyParameter, Choice, Evidence, Parameter, Preset, anchor, validate_all
from widgets.publication_gap import model as publication_gap
from widgets.tables import Table

# Answers that earn every point of a count question. The median paper count earns them all
# at the pace the publication-gap calculator gives the postdoc competitor, so the scorecard
# and that calculator rest on the same evidence (a test checks); the other is illustrative.
MEDIAN_PAPERS_FULL_AT = publication_gap.DEFAULTS["postdoc_rate"]
LEFT_FOR_FACULTY_FULL_AT = 3
PUBLISHING_SHARE = anchor("publishing_share")
POSTDOC_RATE = next(p.evidence for p in publication_gap.PARAMETERS if p.name == "postdoc_rate")

PARAMETERS: tuple[AnyParameter, ...] = (
    Parameter(
        "published_last_year",
        "What share of the team published a peer-reviewed paper in the last 12 months?",
        0,
        100,
        None,
        step=5,
        unit="% of the team",
        optional=True,
        help=(
            "Ask: “Could you point me to papers the team published this past year?” "
            "Count people, not papers; in computing, conference papers count."
        ),
        evidence=Evidence(
            f"For scale: in a given year {format_decimal(PUBLISHING_SHARE['low'], 0)}–"
            f"{format_decimal(PUBLISHING_SHARE['high'], 0)}% of {publication_gap.EARLY_CAREER} publish at a top venue; "
            "counting every venue, more do.",
            PUBLISHING_SHARE["low"],
            PUBLISHING_SHARE["high"],
            "CSRankings",
            PUBLISHING_SHARE["url"],
        ),
    ),
    Parameter(
        "median_papers",
        "How many papers does the median researcher publish a year, over the last few years?",
        0,
        20,
        None,
        step=0.5,
        unit="papers a year",
        optional=True,
        help="Ask: “Over the last few years, roughly how many papers a year does a typical researcher here publish?”",
        evidence=Evidence(
            f"{POSTDOC_RATE.text} Full points at {format_number(MEDIAN_PAPERS_FULL_AT)}, "
            "the postdoc's pace in the publication-gap calculator.",
            POSTDOC_RATE.low,
            POSTDOC_RATE.high,
            POSTDOC_RATE.source,
            POSTDOC_RATE.url,
        ),
    ),
    Choice(
        "review_counts_papers",
        "Do publications count in performance reviews, promotion or salary?",
        (Answer("explicitly", "Yes, explicitly"), Answer("informally", "Informally"), Answer("no", "No")),
        optional=True,
        help="Ask: “When promotions and raises are decided, what part do publications play?”",
    ),
    Parameter(
        "research_time",
        "What share of your working time may go to research you can publish?",
        0,
        100,
        None,
        step=5,
        unit="% of working time",
        optional=True,
        help="Ask: “How much of my week could go to work I would be able to publish?”",
        evidence=ILLUSTRATIVE,
    ),
    Choice(
        "prepub_review",
        "How often does internal review (legal, patents, product) block or delay papers?",
        (Answer("rarely", "Rarely"), Answer("sometimes", "Sometimes"), Answer("often", "Often")),
        optional=True,
        help="Ask: “What happens between a finished paper and its submission?”",
    ),
    Choice(
        "fixed_term",
        "Is it a fixed-term post meant as a step to faculty jobs (an industry postdoc)?",
        (Answer("yes", "Yes, fixed-term"), Answer("no", "No, permanent")),
        optional=True,
        help="Ask: “Is this post designed to end after a set term, with faculty jobs as the next step?”",
    ),
    Parameter(
        "left_for_faculty",
        "How many people left this team for faculty jobs in the last 5 years?",
        0,
        50,
        None,
        step=1,
        integer=True,
        optional=True,
        help="Ask: “Has anyone from this team gone on to a faculty job in recent years?”",
        evidence=ILLUSTRATIVE,
    ),
    Choice(
        "academic_ties",
        "Could you keep co-authoring with academics, host students and review for journals or conferences?",
        (Answer("yes", "Yes"), Answer("partly", "Partly"), Answer("no", "No")),
        optional=True,
        help=(
            "Ask: “Could I co-author with university researchers, host students or interns, "
            "and review for my field (in computing, serve on program committees)?”"
        ),
    ),
)
BY_NAME = {p.name: p for p in PARAMETERS}


class Rule(NamedTuple):
    """How one question scores: the book's judgement, with its reason."""

    short: str  # the question in a few words (chart axis, tables)
    weight: float  # points the question can earn
    full_at: float | None  # numeric questions: the answer that earns every point
    red_flag: str | None  # said when the answer earns under RED_FLAG_SHARE of the points
    reason: str


RED_FLAG_SHARE = 0.25
DECIDING_QUESTION = "review_counts_papers"

RULES: dict[str, Rule] = {
    "published_last_year": Rule(
        "Team published last year",
        15,
        100,
        "Fewer than a quarter of the team published a peer-reviewed paper in the last year.",
        "The essay's first test: a fact about the team you would join, not a description of its culture.",
    ),
    "median_papers": Rule(
        "Median papers a year",
        15,
        MEDIAN_PAPERS_FULL_AT,
        f"The median researcher publishes fewer than {format_number(MEDIAN_PAPERS_FULL_AT * RED_FLAG_SHARE)} papers a year.",
        "The essay's second test: the pace a faculty search will compare you against. Full points at "
        f"{format_number(MEDIAN_PAPERS_FULL_AT)} a year, the postdoc's pace in the publication-gap calculator: the "
        "upper quartile of early-career CS faculty at top venues (CSRankings).",
    ),
    "review_counts_papers": Rule(
        "Papers count in reviews",
        35,
        None,
        "Publications do not count in reviews, promotion or salary.",
        "The deciding question in the essay: without an incentive, papers are written on nights and "
        "weekends. The heaviest weight, so that a 'no' keeps an offer out of the top band.",
    ),
    "research_time": Rule(
        "Time for research",
        10,
        100,
        "Less than a quarter of your working time may go to publishable research.",
        "Time makes publishing possible but does not reward it: permission, not incentive.",
    ),
    "prepub_review": Rule(
        "Papers rarely blocked",
        5,
        None,
        "Internal review often blocks or delays papers.",
        "A paper held up in review misses its deadline; it matters, but less than whether papers are wanted at all.",
    ),
    "fixed_term": Rule(
        "Fixed-term stepping stone",
        10,
        None,
        None,
        "The essay's real exceptions are fixed-term posts built as a step to faculty jobs. A permanent "
        "post earns no points here but is not a red flag in itself.",
    ),
    "left_for_faculty": Rule(
        "People left for faculty jobs",
        5,
        LEFT_FOR_FACULTY_FULL_AT,
        "Nobody has left this team for a faculty job in five years.",
        "Evidence that the way back is used; small teams will have few cases, so a light weight, "
        f"with full points at {LEFT_FOR_FACULTY_FULL_AT} people (illustrative).",
    ),
    "academic_ties": Rule(
        "Academic ties allowed",
        5,
        None,
        "You could not co-author with academics, host interns or serve on program committees.",
        "Ties keep you visible to the people who will read a faculty application; helpful, not decisive.",
    ),
}
TOTAL_POINTS = sum(rule.weight for rule in RULES.values())

# Verdict bands, best first: (band, lowest rounded score, words).
BANDS: tuple[tuple[str, int, str], ...] = (
    ("strong", 70, "Good signs: publishing looks rewarded here, not only allowed."),
    ("mixed", 40, "Mixed signs: publishing looks possible, but it is not clearly rewarded."),
    ("weak", 0, "Warning signs: little suggests that publishing is rewarded here."),
)
NO_ANSWERS = "No answers yet."
DECIDING_UNKNOWN = "The deciding question, whether papers count in reviews, is still unknown."
NO_FLAGS = "Nothing flagged among the answered questions."
NO_FLAGS_YET = "Nothing flagged yet: no questions answered."
# Under a scorecard's answers wherever they are printed or saved (the sheet, the downloads).
SOURCE_LINE = (
    "From One-Way Street, chapter “The recruiting pitch”. The score counts answered questions only; "
    "the weights are the book's judgement, not a measurement."
)

# Headline outputs, keyed by the page's data-output names; OUTPUTS are all the results the
# widget exposes, under the same names.
OUTPUT_LABELS = {
    "score": "Score out of 100 (answered questions only)",
    "verdict": "Verdict",
    "red_flags": "Red flags",
}
OUTPUTS = ("score", "band", "verdict", "red_flags", "unknown_count", "points")

# The table beside the chart, in the page and without JavaScript: frame column -> label.
TABLE_CAPTION = "The eight questions: answers and the points they earn"
TABLE_COLUMNS = {
    "question": "Question",
    "answer": "Answer",
    "points": "Points earned",
    "max_points": "Points possible",
}


class Result(NamedTuple):
    score: float | None  # 0-100 over the answered questions; None if none is answered
    band: str  # "strong", "mixed", "weak", or "none" when nothing is answered
    verdict: str
    red_flags: tuple[str, ...]  # most important first
    unknown_count: int
    points_earned: float
    points_possible: float
    points: tuple[float | None, ...]  # per question, in PARAMETERS order; None if unknown


def share_of_points(name: str, answer: Any) -> float:
    """The fraction of a question's points an (already valid, not None) answer earns."""
    parameter = BY_NAME[name]
    if isinstance(parameter, Choice):
        return (len(parameter.answers) - 1 - parameter.rank(answer)) / (len(parameter.answers) - 1)
    return min(answer / RULES[name].full_at, 1.0)


def unknown_sentence(unknown: int) -> str:
    total = len(PARAMETERS)
    if unknown == 0:
        return f"All {total} questions answered."
    if unknown == total:
        return f"All {total} questions are unknown."
    return f"{unknown} of {total} questions {'is' if unknown == 1 else 'are'} unknown."


def verdict_for(score: float | None, unknown: int, deciding_known: bool) -> tuple[str, str]:
    """The band and the verdict's words for a score (see the module docstring)."""
    if score is None:
        return "none", f"{NO_ANSWERS} {unknown_sentence(unknown)}"
    rounded = round_half_up(score)
    band, words = next((b, w) for b, lowest, w in BANDS if rounded >= lowest)
    if band == "strong" and not deciding_known:
        band, words = BANDS[1][0], BANDS[1][2]
    sentences = [words, unknown_sentence(unknown)]
    if not deciding_known:
        sentences.append(DECIDING_UNKNOWN)
    return band, " ".join(sentences)


def compute(**inputs: Any) -> Result:
    """Validate the answers (None = unknown; unnamed questions are unknown) and score them."""
    answers = validate_all(PARAMETERS, inputs)
    points: list[float | None] = []
    earned = possible = 0.0
    flagged: list[tuple[float, str]] = []
    for parameter in PARAMETERS:
        answer, rule = answers[parameter.name], RULES[parameter.name]
        if answer is None:
            points.append(None)
            continue
        share = share_of_points(parameter.name, answer)
        points.append(rule.weight * share)
        earned += rule.weight * share
        possible += rule.weight
        if rule.red_flag is not None and share < RED_FLAG_SHARE:
            flagged.append((rule.weight, rule.red_flag))
    unknown = points.count(None)
    score = 100 * earned / possible if possible > 0 else None
    band, verdict = verdict_for(score, unknown, answers[DECIDING_QUESTION] is not None)
    flagged.sort(key=lambda flag: -flag[0])  # stable: heavier questions first, then question order
    return Result(
        score=score,
        band=band,
        verdict=verdict,
        red_flags=tuple(text for _, text in flagged),
        unknown_count=unknown,
        points_earned=earned,
        points_possible=possible,
        points=tuple(points),
    )


def format_answer(name: str, answer: Any) -> str:
    """An answer as people read it: "Informally", "20% of working time", "unknown"."""
    parameter = BY_NAME[name]
    if answer is None:
        return "unknown"
    if isinstance(parameter, Choice):
        return next(a.label for a in parameter.answers if a.value == answer)
    if not parameter.unit:
        return format_number(answer)
    space = "" if parameter.unit.startswith("%") else " "  # "20% of the team", "1.5 papers a year"
    unit = parameter.unit.replace("papers", "paper", 1) if answer == 1 else parameter.unit  # "1 paper a year"
    return f"{format_number(answer)}{space}{unit}"


def format_outputs(result: Result) -> dict[str, str]:
    """The headline outputs as the page shows them (keys are data-output names)."""
    score = "n/a" if result.score is None else format_decimal(result.score, 0)
    if result.red_flags:
        flags = " ".join(result.red_flags)
    else:
        flags = NO_FLAGS_YET if result.score is None else NO_FLAGS
    return {"score": score, "verdict": result.verdict, "red_flags": flags}


def to_frame(**inputs: Any) -> pd.DataFrame:
    """One row per question: the answer, the points it earns and the points it could earn."""
    answers = validate_all(PARAMETERS, inputs)
    result = compute(**answers)
    rows = [
        {
            "question": p.name,
            "asks": p.label,
            "answer": format_answer(p.name, answers[p.name]),
            "points": result.points[i],
            "max_points": RULES[p.name].weight,
            "counted": answers[p.name] is not None,
        }
        for i, p in enumerate(PARAMETERS)
    ]
    return pd.DataFrame(rows).astype({"points": float}).set_index("question")


def points_text(points: float | None) -> str:
    """A question's points in a table: "7.5", or "not counted" for an unknown answer."""
    return "not counted" if pd.isna(points) else format_number(points)  # the frame holds NaN for unknown


def table(**inputs: Any) -> Table:
    """The chart's numbers as the page's table shows them (`table` in model.js)."""
    frame = to_frame(**inputs)
    rows = [
        [RULES[name].short, row.answer, points_text(row.points), format_number(row.max_points)]
        for name, row in zip(frame.index, frame.itertuples())
    ]
    return Table(TABLE_CAPTION, list(TABLE_COLUMNS.values()), rows)


DEFAULTS = {p.name: p.default for p in PARAMETERS}

# Three hypothetical offers (no real company's answers): the chapter's examples and the
# preset menu's scenarios. Questions an offer leaves out are unknown.
PRESETS: tuple[Preset, ...] = (
    Preset(
        "permission",
        "A permission-only offer",
        {
            **DEFAULTS,
            "published_last_year": 30,
            "median_papers": 0.5,
            "review_counts_papers": "no",
            "research_time": 20,
            "prepub_review": "sometimes",
            "fixed_term": "no",
            "left_for_faculty": 0,
            "academic_ties": "partly",
        },
        "Hypothetical: publishing is encouraged, but papers do not count in reviews.",
    ),
    Preset(
        "industry-postdoc",
        "An industry postdoc",
        {
            **DEFAULTS,
            "published_last_year": 90,
            "median_papers": 3,
            "review_counts_papers": "explicitly",
            "research_time": 90,
            "prepub_review": "rarely",
            "fixed_term": "yes",
            "left_for_faculty": 4,
            "academic_ties": "yes",
        },
        "Hypothetical: a fixed-term post built as a step to faculty jobs.",
    ),
    Preset(
        "half-known",
        "A half-known offer",
        {**DEFAULTS, "review_counts_papers": "informally", "research_time": 50, "published_last_year": 60},
        "Hypothetical: three answers known, five still to ask.",
    ),
)
NO_DATA_FIELDS: list[str] = []  # an offer's answers are about a team, not a field
SHARE_PREFIX = "#rq:"

# Constants the JS model reads from the generated parameters.js (one source of truth).
BROWSER_CONSTANTS = {
    "SCORING": [{"name": name, **RULES[name]._asdict()} for name in BY_NAME],
    "BANDS": [{"band": band, "lowest": lowest, "words": words} for band, lowest, words in BANDS],
    "MESSAGES": {
        "red_flag_share": RED_FLAG_SHARE,
        "deciding_question": DECIDING_QUESTION,
        "no_answers": NO_ANSWERS,
        "deciding_unknown": DECIDING_UNKNOWN,
        "no_flags": NO_FLAGS,
        "no_flags_yet": NO_FLAGS_YET,
        "source_line": SOURCE_LINE,
    },
}

BEST = {p.name: (p.answers[0].value if isinstance(p, Choice) else p.maximum) for p in PARAMETERS}
WORST = {p.name: (p.answers[-1].value if isinstance(p, Choice) else p.minimum) for p in PARAMETERS}

# Edge cases every implementation must agree on (the test vectors add a random sample).
EDGE_CASES: list[dict[str, Any]] = [
    {},  # nothing answered: no score
    BEST,
    WORST,
    {"review_counts_papers": "no"},
    {**BEST, "review_counts_papers": "no"},  # the deciding "no" caps the score at 65
    {**BEST, "review_counts_papers": None},  # top score, but the deciding question is unknown
    {**BEST, "review_counts_papers": "informally"},
    {"published_last_year": 100},
    {"median_papers": 20, "left_for_faculty": 50},
    {"median_papers": 0.5, "published_last_year": 25, "research_time": 25},  # just not red flags
    {"median_papers": 0.4, "published_last_year": 20, "research_time": 20, "left_for_faculty": 0},
    {"fixed_term": "no"},  # worst answer, yet no red flag
    {"review_counts_papers": "explicitly", "fixed_term": "no", "academic_ties": "no"},  # exactly 70: strong
    {"review_counts_papers": "informally", "fixed_term": "no", "academic_ties": "partly"},  # exactly 40: mixed
    {
        **WORST,
        "median_papers": 10,
        "review_counts_papers": "explicitly",
        "research_time": 20,
        "prepub_review": "rarely",
        "fixed_term": "yes",
        "academic_ties": "partly",
    },  # 69.5 rounds up: strong
    {**WORST, "review_counts_papers": "explicitly", "research_time": 20, "prepub_review": "sometimes"},  # 39.5: mixed
    {"review_counts_papers": "informally", "research_time": 35},  # 47.8
]
