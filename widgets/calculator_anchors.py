"""The numbers from ``data/`` that the calculators' defaults and the scorecard's thresholds rest on.

Each anchor is a small dict: the figure(s) a calculator input is checked against, and where
they come from (``source_id``, ``url``, ``verification`` from ``provenance.csv``). The models
cannot read ``data/`` (an installed package has no such folder), so ``python -m
widgets.generate`` writes these anchors to ``widgets/anchors.json``, which the models' parameter
declarations read (``widgets.parameters.anchor``); a test fails while that file is stale.

Run ``python -m widgets.calculator_anchors`` to print them.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from widgets import evidence
from widgets.data import load, load_provenance

# "Early career" in the CSRankings table: academic ages 1 to 5, the years after a person's
# first top-venue paper, when people are postdocs or new faculty. Age 0 is left out: by
# definition everyone has a top-venue paper that year.
EARLY_CAREER_AGES = (1, 5)

# The essay's own example (a citation, not data): two years in industry before applying.
ESSAY = {
    "years_away": 2,
    "source": "Lin, the essay",
    "url": "https://github.com/lintool/guide/blob/master/industry-one-way-street.md",
    "verification": "primary",
}

Anchor = dict[str, Any]


def _source(source_id: str) -> Anchor:
    row = load_provenance().set_index("source_id").loc[source_id]
    return {"source_id": source_id, "url": str(row["url"]), "verification": str(row["verification"])}


def _early_career(includes_zero_years: bool) -> pd.DataFrame:
    frame = load("csrankings_by_academic_age")
    low, high = EARLY_CAREER_AGES
    rows = frame[(frame["includes_zero_years"] == includes_zero_years) & frame["academic_age"].between(low, high)]
    if len(rows) != high - low + 1:
        raise KeyError(f"csrankings_by_academic_age lacks some academic ages {low}-{high}")
    return rows


def early_career_rate(includes_zero_years: bool) -> Anchor:
    """Top-venue papers a year of early-career CS faculty: the medians and the widest
    interquartile range over the early-career ages (per-age quartiles are all the data has)."""
    rows = _early_career(includes_zero_years)
    return {
        "ages": list(EARLY_CAREER_AGES),
        "median_low": float(rows["median_papers"].min()),
        "median_high": float(rows["median_papers"].max()),
        "low": float(rows["p25_papers"].min()),
        "high": float(rows["p75_papers"].max()),
        **_source(str(rows["source_id"].iloc[0])),
    }


def early_career_publishing_share() -> Anchor:
    """Share (percent) of early-career CS faculty with a top-venue paper in a given year:
    people with a paper that year over everyone of that academic age."""
    with_paper = _early_career(False).set_index("academic_age")["n_authors"]
    everyone = _early_career(True).set_index("academic_age")["n_authors"]
    shares = 100 * with_paper / everyone
    return {
        "ages": list(EARLY_CAREER_AGES),
        "low": float(shares.min()),
        "high": float(shares.max()),
        **_source("csrankings_2017_by_academic_age"),
    }


def _cs_postdoc_percent() -> float:
    plans = load("sed_cis_plans_2023")
    row = plans[(plans["field"] == evidence.CS) & (plans["category"] == "Definite postdoctoral training plans")]
    return float(row["percent"].iloc[0])


def postdoc_faculty_share() -> Anchor:
    """The most of a cohort's postdocs who can end up in faculty posts, by the book's shares:
    of all new PhDs about `steady_state` percent can hold academic posts in the long run
    (Larson et al., US engineering) and `straight_to_tenure_track` percent of CS doctorates
    go straight to the tenure track (SED 2023); the rest, over the `postdoc` percent who take
    a postdoc, caps the postdocs' share (an upper bound: some faculty come from industry)."""
    steady = evidence.fact(load("supply_demand"), "share of new PhDs who can take academic positions in steady state")
    straight = evidence.tenure_track_share(evidence.CS)
    postdoc = _cs_postdoc_percent()
    return {
        "steady_state": steady,
        "straight_to_tenure_track": straight,
        "postdoc": postdoc,
        "value": (steady - straight) / postdoc,
        **_source("larson_2014_r0"),
        "verification": "derived",  # arithmetic across three sources and two populations
    }


def _cis_industry_recruits(year: int = 2023) -> float:
    """New CIS doctorates with a definite US industry job in one year (commitments x share)."""
    sed = load("sed_destinations").set_index(["field", "year", "sector"])
    row = sed.loc[(evidence.CIS, year, "industry_or_business")]
    return float(row["percent"] / 100 * row["us_employment_commitments"])


def industry_return_bound() -> Anchor:
    """An upper bound on the yearly chance that a PhD in industry is hired as faculty: the
    faculty hired from industry in a year over one year's new industry recruits, as if one
    cohort were everyone who could return (every earlier cohort is in the pool too)."""
    flows = load("cs_faculty_flows")
    year = evidence.faculty_flow_year()
    hires = evidence.fact(flows, "new faculty hires from industry (estimate)", year)
    recruits = _cis_industry_recruits()
    return {
        "hires": hires,
        "hires_year": year,
        "recruits": recruits,
        "recruits_year": 2023,
        "value": hires / recruits,
        **_source("derived_faculty_flows_2022"),
    }


def exit_to_return_ratio() -> Anchor:
    """How many times likelier a year's move from faculty to industry is than the move back:
    the two flows' counts (about equal) times the ratio of the pools they come from, taken
    as the ratio of new CIS PhDs going to industry and to academe (SED 2023)."""
    flows = load("cs_faculty_flows")
    year = evidence.faculty_flow_year()
    hires = evidence.fact(flows, "new faculty hires from industry (estimate)", year)
    departures = evidence.fact(flows, "faculty departures to nonacademic roles (estimate)", year)
    shares = evidence.destination_shares(evidence.CIS).loc[2023]
    industry, academe = float(shares["industry_or_business"]), float(shares["academe"])
    return {
        "hires": hires,
        "departures": departures,
        "year": year,
        "industry_percent": industry,
        "academe_percent": academe,
        "value": departures / hires * industry / academe,
        **_source("derived_faculty_flows_2022"),
    }


def fields_of_study() -> list[str]:
    """The fields the book has other data on (SED), as its menus name them: the per-field
    presets say "no data for this field" for each but computer science."""
    fields = set(load("sed_destinations")["field"])
    return [label for field, label in evidence.FIELD_LABELS.items() if field in fields and not field.startswith("All")]


def anchors() -> dict[str, Anchor]:
    """Every anchor, by the name the models' declarations use."""
    return {
        "fields": {"labels": fields_of_study(), "with_data": evidence.FIELD_LABELS[evidence.CIS]},
        "essay": dict(ESSAY),
        "rate_in_years_with_a_paper": early_career_rate(includes_zero_years=False),
        "rate_in_every_year": early_career_rate(includes_zero_years=True),
        "publishing_share": early_career_publishing_share(),
        "postdoc_faculty_share": postdoc_faculty_share(),
        "industry_return_bound": industry_return_bound(),
        "exit_to_return_ratio": exit_to_return_ratio(),
    }


if __name__ == "__main__":
    print(json.dumps(anchors(), indent=2))
