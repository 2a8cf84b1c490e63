"""The evidence chapter's numbers, computed from ``data/`` in one place.

The analysis notebooks in ``chapters/evidence/`` and the chapter "What the data says"
both call these functions, so a chart and a sentence cannot disagree about a number.
Each function returns a small pandas table or a number; the ``*_text`` helpers format
numbers for prose (they are what the chapters glue).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from widgets.data import load

CIS = "Computer and information sciences"
CS = "Computer science"
ALL_SE = "All S&E"

SECTOR_LABELS = {
    "academe": "Academe",
    "industry_or_business": "Industry or business",
    "government": "Government",
    "nonprofit": "Nonprofit",
    "other_or_unknown": "Other or unknown",
}

# Short enough for a menu or an axis on a phone screen; the order is the menu's order.
FIELD_LABELS = {
    CIS: "Computer & info. sciences",
    "Engineering": "Engineering",
    "Mathematics and statistics": "Mathematics & statistics",
    "Physical sciences": "Physical sciences",
    "Biological and biomedical sciences": "Biology & biomedicine",
    ALL_SE: "All science & engineering",
    "All fields": "All fields",
}


# --- formatting for prose ---------------------------------------------------------


def _rounded(value: float, digits: int) -> Decimal:
    """Round half up on the number as written (19.95 -> 20.0), as a reader would."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def percent_text(value: float, digits: int = 1) -> str:
    """A percentage as the book writes it: ``70.3 %``."""
    return f"{_rounded(value, digits)} %"


def count_text(value: float) -> str:
    """A whole number with thousands separators: ``1,385``."""
    return f"{int(_rounded(value, 0)):,}"


def dollars_text(value: float) -> str:
    return f"{count_text(value)} dollars"


def ratio_text(value: float, digits: int = 1) -> str:
    return str(_rounded(value, digits))


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy to show on a page: missing cells read as a dash, not <NA> or NaN."""
    return frame.astype(object).where(frame.notna(), "–")


# --- fact tables ------------------------------------------------------------------


def fact(frame: pd.DataFrame, measure: str, year: int | None = None) -> float:
    """The value of one row of a fact table (``cs_faculty_flows``, ``supply_demand``, ...).

    ``year`` matches ``year_start``; without it the measure must have a single row.
    """
    rows = frame[frame["measure"] == measure]
    if year is not None:
        rows = rows[rows["year_start"] == year]
    if len(rows) != 1:
        raise KeyError(f"expected one row for {measure!r} (year {year}), found {len(rows)}")
    return float(rows["value"].iloc[0])


def fact_years(frame: pd.DataFrame, measure: str) -> list[int]:
    """The years (``year_start``) a measure has a value for, oldest first."""
    return sorted(int(y) for y in frame.loc[frame["measure"] == measure, "year_start"].dropna())


# --- SED Table 2-6: destinations --------------------------------------------------


def destination_shares(field: str) -> pd.DataFrame:
    """One field's sector shares (percent), one row per year, one column per sector."""
    frame = load("sed_destinations")
    rows = frame[frame["field"] == field]
    if rows.empty:
        raise KeyError(f"no destinations for field {field!r}")
    table = rows.pivot(index="year", columns="sector", values="percent")
    return table.reindex(columns=[s for s in SECTOR_LABELS if s in table.columns])


def destination_years() -> list[int]:
    return sorted(load("sed_destinations")["year"].unique().tolist())


def us_commitments(field: str, year: int) -> int:
    """The base of Table 2-6's shares: definite US employment commitments of a field-year."""
    frame = load("sed_destinations")
    counts = frame.loc[(frame["field"] == field) & (frame["year"] == year), "us_employment_commitments"]
    if counts.empty:
        raise KeyError(f"no destinations for {field!r} in {year}")
    return int(counts.iloc[0])


def phd_entry_counts(field: str, year: int) -> pd.DataFrame:
    """Approximate head counts behind Table 2-6's shares: commitments × share.

    Derived, so rounded to whole people; the shares are rounded in the source.
    """
    shares = destination_shares(field).loc[year]
    base = us_commitments(field, year)
    return pd.DataFrame(
        {
            "sector": [SECTOR_LABELS[s] for s in shares.index],
            "percent": shares.to_numpy(),
            "us_commitments": base,
            "people_about": (shares.to_numpy() * base / 100).round().astype(int),
        }
    )


# --- SED Tables 2-1 and 2-3 ---------------------------------------------------------


def doctorates(field: str) -> pd.Series:
    """Doctorate recipients by year (Table 2-1)."""
    frame = load("sed_doctorates")
    return frame[frame["field"] == field].set_index("year")["doctorate_recipients"]


def postdoc_share(field: str) -> pd.Series:
    """Share (percent) of definite commitments that are postdocs, by year (Table 2-3)."""
    frame = load("sed_postdoc_share")
    return frame[frame["field"] == field].set_index("year")["postdoc_percent"]


# --- new AI PhDs (AI Index, secondary) -------------------------------------------------

AI_SECTORS = ("industry", "academia", "government")


def ai_phd_shares() -> pd.DataFrame:
    """Shares (percent) of new AI PhDs by sector, one row per graduation year.

    They are shares of every new AI PhD counted, so a year's sectors add up to less than
    100: the rest went to other or unknown destinations, which the sources do not give.
    """
    frame = load("ai_phd_destinations")
    return frame.pivot(index="graduation_year", columns="sector", values="percent").reindex(columns=list(AI_SECTORS))


def ai_industry_share_of_known(year: int) -> float:
    """Industry's share (percent) of the new AI PhDs of ``year`` who went to industry, academia
    or government: the same year on a denominator without the other or unknown destinations."""
    shares = ai_phd_shares()
    if year not in shares.index or shares.loc[year].isna().any():
        raise KeyError(f"no industry, academia and government shares of new AI PhDs for {year}")
    return float(100 * shares.loc[year, "industry"] / shares.loc[year].sum())


# --- the pipeline -------------------------------------------------------------------

# The three rows of Table 9-5 whose product is the share of new doctorates who go
# straight to a tenure-track post: (group, parent, category).
TENURE_TRACK_STEPS = (
    ("status", "All reporting", "Definite employment plans"),
    ("employment_sector", "Definite employment plans", "Academe"),
    ("tenure_status", "Definite employment plans > Academe", "In tenure track faculty position"),
)


def tenure_track_inputs(field: str = CS) -> pd.DataFrame:
    """The inputs of the straight-to-tenure-track share, one row per step, with the running product."""
    plans = load("sed_cis_plans_2023")
    plans = plans[plans["field"] == field]
    rows = []
    for group, parent, category in TENURE_TRACK_STEPS:
        match = plans[(plans["group"] == group) & (plans["parent"] == parent) & (plans["category"] == category)]
        if len(match) != 1:
            raise KeyError(f"Table 9-5 has no single row {category!r} under {parent!r} for {field!r}")
        rows.append({"step": category, "share_of": parent.split(" > ")[-1], "percent": float(match["percent"].iloc[0])})
    table = pd.DataFrame(rows)
    table["cumulative_percent"] = 100 * (table["percent"] / 100).cumprod()
    return table


def tenure_track_share(field: str = CS) -> float:
    """Percent of doctorates reporting who had a definite tenure-track post at graduation."""
    return float(tenure_track_inputs(field)["cumulative_percent"].iloc[-1])


def n_reporting(field: str = CS) -> int:
    plans = load("sed_cis_plans_2023")
    return int(plans.loc[plans["field"] == field, "n_reporting"].iloc[0])


# --- the two-way flow at faculty level ------------------------------------------------

FACULTY_FLOWS = {
    # direction: (count measure, share measure)
    "Hired from industry": ("new faculty hires", "new hires from industry"),
    "Left for nonacademic jobs": ("faculty departures", "faculty departures to nonacademic roles"),
}


def faculty_flow_year() -> int:
    """The latest year with all four inputs of the faculty-level flows."""
    flows = load("cs_faculty_flows")
    years = [set(fact_years(flows, m)) for pair in FACULTY_FLOWS.values() for m in pair]
    common = set.intersection(*years)
    if not common:
        raise KeyError("no year has every input of the faculty-level flows")
    return max(common)


def faculty_flows(year: int | None = None) -> pd.DataFrame:
    """Faculty moving each way in one year: a count times a share, inputs shown."""
    flows = load("cs_faculty_flows")
    year = faculty_flow_year() if year is None else year
    rows = []
    for direction, (count_measure, share_measure) in FACULTY_FLOWS.items():
        count = fact(flows, count_measure, year)
        share = fact(flows, share_measure, year)
        rows.append(
            {
                "direction": direction,
                "count_measure": count_measure,
                "count": int(count),
                "share_measure": share_measure,
                "percent": share,
                "people_about": count * share / 100,
            }
        )
    return pd.DataFrame(rows)


# --- salaries -------------------------------------------------------------------------


def salaries(fields: list[str], sectors: list[str]) -> pd.DataFrame:
    """Median salaries (USD a year), one row per field, one column per sector (Table 6-7)."""
    frame = load("sed_salaries_2023")
    table = frame.pivot(index="field", columns="sector", values="median_salary_usd").loc[fields, sectors]
    if table.isna().any().any():
        missing = [f"{f} / {s}" for f in fields for s in sectors if pd.isna(table.loc[f, s])]
        raise KeyError(f"Table 6-7 has no median salary for {', '.join(missing)}")
    return table.astype(int)


def salary(field: str, sector: str) -> int:
    frame = load("sed_salaries_2023")
    value = frame.loc[(frame["field"] == field) & (frame["sector"] == sector), "median_salary_usd"]
    if value.empty:
        raise KeyError(f"no median salary for {field!r} in {sector!r}")
    return int(value.iloc[0])
