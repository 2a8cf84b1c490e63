"""The evidence and deciding pages, as built: each number scoped, said once, and not misnamed.

Issue 13, point 4: the faculty-level balance is one year's estimate and says so beside the
earlier shares and the two-to-one researcher flow; the return-rate caveat has one home; a
point estimate is not called a bound; a study's "about 70 %" sits beside the AI Index's
60.24 % with both denominators; and the book's repeated pairs appear on one of these pages
only. Expected values come from data/ through the same helpers the chapters glue with.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import ROOT
from widgets import evidence
from widgets.data import load
from widgets.evidence import CIS, count_text, dollars_text, fact, percent_text

# The pages this edition's evidence part owns (the argument chapters join once edited).
PAGES = [
    "chapters/evidence/what_the_data_says.html",
    "chapters/evidence/destinations_by_field.html",
    "chapters/evidence/ai_phds.html",
    "chapters/evidence/pipeline.html",
    "chapters/evidence/two_way_flow.html",
    "chapters/evidence/salaries.html",
    "chapters/deciding/deciding.html",
    "chapters/deciding/career_paths_model.html",
    "chapters/glossary.html",
    "chapters/about.html",
    "chapters/appendix/data_and_methods.html",
]
GUIDE = ROOT / "chapters" / "deciding" / "decision_guide.yml"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def prose(built_book: Path, page: str) -> list[str]:
    """The page's paragraphs and list items as a reader reads them: no code, no cell outputs."""
    article = BeautifulSoup((built_book / page).read_text(encoding="utf-8"), "html.parser").select_one("article")
    for node in article.select("script, style, pre, .cell_input, .cell_output"):
        node.decompose()
    return [" ".join(block.get_text(" ").split()) for block in article.select("p, li, td")]


def sentences(paragraphs: list[str]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in SENTENCE_END.split(paragraph)]


def paragraph_with(paragraphs: list[str], *needles: str) -> str:
    found = [p for p in paragraphs if all(needle in p for needle in needles)]
    assert found, f"no paragraph holds all of {needles}"
    return found[0]


def from_industry() -> dict[int, float]:
    flows = load("cs_faculty_flows")
    rows = flows[flows["measure"] == "new hires from industry"]
    return dict(zip(rows["year_start"].astype(int), rows["value"]))


def test_a_balance_of_flows_is_always_scoped_to_its_year(built_book):
    year = str(evidence.faculty_flow_year())
    balance = re.compile(r"balanced|about the same size|roughly the same", re.I)
    for page in PAGES:
        for sentence in sentences(prose(built_book, page)):
            if balance.search(sentence):
                assert year in sentence, f"{page}: {sentence!r}"


def test_the_faculty_estimate_stands_beside_the_earlier_shares_and_the_researcher_flow(built_book):
    paragraphs = prose(built_book, "chapters/evidence/two_way_flow.html")
    hired, left = evidence.faculty_flows()["people_about"]
    shares = from_industry()
    year = evidence.faculty_flow_year()
    estimate = paragraph_with(paragraphs, count_text(hired), count_text(left))
    for earlier in (2018, 2019):
        assert f"{percent_text(shares[earlier], 0)} in {earlier}" in estimate
    assert percent_text(shares[year], 0) in estimate
    # The 2:1 researcher flow is set against the faculty balance, with the years that separate them.
    moves = load("flows_and_interest")
    researchers_year = evidence.fact_years(moves, "AI researchers moving from universities to companies")[-1]
    out = count_text(fact(moves, "AI researchers moving from universities to companies", researchers_year))
    back = count_text(fact(moves, "AI researchers moving from companies to universities", researchers_year))
    paragraph_with(paragraphs, out, back, str(researchers_year), str(year))
    reconciled = paragraph_with(paragraphs, "contradict")
    assert str(researchers_year) in reconciled and percent_text(shares[researchers_year], 0) in reconciled


def test_the_return_rate_caveat_has_one_home_that_the_others_link_to(built_book):
    anchor = 'id="return-rate-caveat"'
    homes = [page for page in PAGES if anchor in (built_book / page).read_text(encoding="utf-8")]
    assert homes == ["chapters/evidence/two_way_flow.html"]
    for page in ("chapters/evidence/what_the_data_says.html", "chapters/deciding/deciding.html"):
        assert "two_way_flow.html#return-rate-caveat" in (built_book / page).read_text(encoding="utf-8"), page
    caveat = [s for page in PAGES for s in sentences(prose(built_book, page)) if "denominator" in s and "industry" in s]
    assert len({s for s in caveat if "no source" in s}) == 1, caveat


def test_a_point_estimate_is_not_called_a_bound(built_book):
    hired = count_text(fact(load("cs_faculty_flows"), "new faculty hires from industry (estimate)", 2022))
    paragraphs = [p for p in prose(built_book, "chapters/deciding/deciding.html") if f"about {hired}" in p]
    assert paragraphs, "the deciding chapter no longer states the estimate"
    for paragraph in paragraphs:
        assert "bound" not in paragraph, paragraph
        assert any("point estimate" in s for s in sentences([paragraph]) if f"about {hired}" in s), paragraph


def test_the_two_ai_phd_figures_for_2020_carry_their_denominators(built_book):
    paragraphs = prose(built_book, "chapters/evidence/ai_phds.html")
    shares = evidence.ai_phd_shares().loc[2020]
    study = fact(load("flows_and_interest"), "new AI PhDs taking industry jobs", 2020)
    both = paragraph_with(paragraphs, percent_text(shares["industry"], 2), percent_text(study, 0))
    assert "denominator" in both and "secondary" in both
    assert percent_text(100 - shares.sum()) in both  # the other or unknown destinations
    assert percent_text(evidence.ai_industry_share_of_known(2020)) in both


@pytest.mark.parametrize(
    "pair",
    [
        (  # the 2023 CIS split between industry and academe
            percent_text(evidence.destination_shares(CIS).loc[2023, "industry_or_business"]),
            percent_text(evidence.destination_shares(CIS).loc[2023, "academe"]),
        ),
        (  # the 2023 CIS median starting salaries
            dollars_text(evidence.salary(CIS, "industry_or_business")),
            dollars_text(evidence.salary(CIS, "academe")),
        ),
    ],
    ids=["cis-split", "cis-salaries"],
)
def test_a_repeated_pair_appears_on_one_page_only(built_book, pair):
    pages = [page for page in PAGES if all(value in " ".join(prose(built_book, page)) for value in pair)]
    assert len(pages) == 1, pages


def test_evenings_and_weekends_once(built_book):
    guide = yaml.safe_load(GUIDE.read_text(encoding="utf-8"))
    guide_text = " ".join(" ".join(r["reasons"] + [r["summary"], r["caveat"]]) for r in guide["recommendations"])
    pages_text = " ".join(" ".join(prose(built_book, page)) for page in PAGES)
    assert (guide_text + " " + pages_text).count("evenings and weekends") <= 1
