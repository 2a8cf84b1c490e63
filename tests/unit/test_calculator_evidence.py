"""Every calculator input says what the book's data says about it, and the defaults and the
scorecard's thresholds sit inside that evidence.

The anchors (widgets/anchors.json) are recomputed here from the CSV files with the csv module
alone, so a slip in widgets/calculator_anchors.py cannot vouch for itself.
"""

from __future__ import annotations

import csv
import json

import pytest

from widgets import parameters
from widgets.calculators import CALCULATORS
from widgets.career_paths import model as career_paths
from widgets.data import DATA_DIR
from widgets.parameters import Parameter
from widgets.publication_gap import model as publication_gap
from widgets.recruiter_questions import model as recruiter_questions

NUMERIC = [(cid, p) for cid, model in CALCULATORS.items() for p in model.PARAMETERS if isinstance(p, Parameter)]
IDS = [f"{cid}.{p.name}" for cid, p in NUMERIC]
MAX_LINE = 260  # "one short line"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("calculator_id", "parameter"), NUMERIC, ids=IDS)
def test_every_numeric_input_has_evidence_or_says_it_is_illustrative(calculator_id, parameter):
    evidence = parameter.evidence
    assert evidence is not None, f"{calculator_id}.{parameter.name} has no evidence line"
    assert 0 < len(evidence.text) <= MAX_LINE
    if evidence.illustrative:
        assert "illustrative" in evidence.text.lower()
        assert evidence.url == "" and evidence.source == ""
    else:
        assert evidence.url.startswith("https://") and evidence.source
        assert evidence.low <= evidence.high
        assert "illustrative" not in evidence.text.lower()


@pytest.mark.parametrize(("calculator_id", "parameter"), NUMERIC, ids=IDS)
def test_every_default_lies_inside_its_evidence(calculator_id, parameter):
    evidence = parameter.evidence
    if evidence.illustrative or parameter.default is None:
        return
    assert evidence.covers(parameter.default), (
        f"{calculator_id}.{parameter.name}: default {parameter.default} is outside {evidence.low}–{evidence.high}"
    )


def test_the_check_itself_catches_a_default_outside_its_range():
    outside = parameters.Evidence("a range", 1, 2, "a source", "https://example.org")
    assert outside.covers(1) and outside.covers(2) and not outside.covers(3)
    assert not parameters.ILLUSTRATIVE.covers(1)


def test_anchors_match_the_csv_files():
    """The CSRankings anchors, from the CSV by hand: quartiles over the early-career ages."""
    anchors = json.loads(parameters.ANCHORS_FILE.read_text(encoding="utf-8"))
    low_age, high_age = anchors["rate_in_years_with_a_paper"]["ages"]
    table = [r for r in rows("csrankings_by_academic_age") if low_age <= int(r["academic_age"]) <= high_age]
    for name, zeros in (("rate_in_years_with_a_paper", "False"), ("rate_in_every_year", "True")):
        some = [r for r in table if r["includes_zero_years"] == zeros]
        assert len(some) == high_age - low_age + 1
        assert anchors[name]["low"] == min(float(r["p25_papers"]) for r in some)
        assert anchors[name]["high"] == max(float(r["p75_papers"]) for r in some)
    authors = {(r["academic_age"], r["includes_zero_years"]): int(r["n_authors"]) for r in table}
    shares = [100 * authors[(age, "False")] / authors[(age, "True")] for age, _ in authors]
    assert anchors["publishing_share"]["low"] == pytest.approx(min(shares))
    assert anchors["publishing_share"]["high"] == pytest.approx(max(shares))


def test_the_postdoc_default_is_the_upper_quartile_and_the_caveat_is_stated():
    postdoc = next(p for p in publication_gap.PARAMETERS if p.name == "postdoc_rate")
    assert postdoc.default == postdoc.evidence.high
    assert "top venues only" in postdoc.evidence.text.lower()
    industry = next(p for p in publication_gap.PARAMETERS if p.name == "industry_rate")
    assert industry.default < postdoc.default


def test_scorecard_thresholds_rest_on_the_same_evidence_as_the_calculator_defaults():
    median = recruiter_questions.BY_NAME["median_papers"]
    postdoc = next(p for p in publication_gap.PARAMETERS if p.name == "postdoc_rate")
    # Full points for a team that publishes at the postdoc competitor's pace, inside its evidence.
    assert recruiter_questions.RULES["median_papers"].full_at == publication_gap.DEFAULTS["postdoc_rate"]
    assert median.evidence.covers(recruiter_questions.RULES["median_papers"].full_at)
    assert (median.evidence.low, median.evidence.high, median.evidence.url) == (
        postdoc.evidence.low,
        postdoc.evidence.high,
        postdoc.evidence.url,
    )
    # A red flag only below what early-career faculty show: fewer of the team publishing in a
    # year than the smallest share of faculty who publish at a top venue.
    published = recruiter_questions.BY_NAME["published_last_year"]
    rule = recruiter_questions.RULES["published_last_year"]
    assert rule.full_at * recruiter_questions.RED_FLAG_SHARE <= published.evidence.low


def test_career_path_defaults_keep_the_street_one_way_and_match_the_shares():
    d = career_paths.DEFAULTS
    assert d["p_industry_faculty"] < d["p_faculty_industry"]
    ratio = parameters.anchor("exit_to_return_ratio")["value"]
    assert d["p_faculty_industry"] == pytest.approx(ratio * d["p_industry_faculty"], abs=0.0005)
    # No horizon puts more postdocs in faculty posts than the book's shares allow.
    share = parameters.anchor("postdoc_faculty_share")["value"]
    frame = career_paths.to_frame(**{**d, "years": 40})
    assert frame["faculty_from_postdoc"].max() <= share
    # The move back is well under 1 % a year, as the chapter's estimate implies.
    assert d["p_industry_faculty"] < 0.01 < parameters.anchor("industry_return_bound")["value"]
