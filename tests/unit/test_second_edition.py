"""The second edition's fixes stay fixed (issue 13): what the chapters' text may no longer say,
where a point has its one home, and the data rows behind numbers that used to be typed.

These read the MyST sources, so they need no build; tests/build/test_second_edition.py checks
the built pages.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT, toc_parts, toc_root
from widgets.data import load
from widgets.evidence import fact

ARGUMENT = [
    "chapters/one_way_street.md",
    "chapters/publications.md",
    "chapters/publication_gap_sensitivity.md",
    "chapters/recruiting_pitch.md",
    "chapters/exceptions.md",
    "chapters/being_the_exception.md",
    "chapters/other_side.md",
]
# The landing page, the Start here part, the argument and "Acting on it".
EDITION_PAGES = [
    "intro.md",
    "chapters/ten_minutes.md",
    "chapters/pathways/phd_student.md",
    "chapters/pathways/postdoc.md",
    *ARGUMENT,
    "chapters/acting_on_it.md",
]
# Build and tool talk belongs in the README and the appendix.
TOOL_PAGES = {"chapters/appendix/data_and_methods.md"}
# Pages that other branches of issues 13 and 15 rewrite (the evidence, the career-paths notebook,
# the instructors' path): their tool talk goes there. Once merged, empty this set.
REWRITTEN_ELSEWHERE: set[str] = set()


def reader_pages() -> list[str]:
    """Every page in _toc.yml, as a source path."""
    return [f"{name}.md" for name in [toc_root(), *(name for _, files in toc_parts() for name in files)]]


def prose(page: str) -> str:
    """A page's text without front matter and code cells (what a reader reads as text)."""
    text = (ROOT / page).read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return re.sub(r"^(`{3,})\{code-cell\}.*?^\1\s*$", "", text, flags=re.S | re.M)


def test_the_page_lists_are_pages_of_the_book():
    pages = set(reader_pages())
    assert set(EDITION_PAGES) <= pages
    assert pages >= TOOL_PAGES | REWRITTEN_ELSEWHERE


BUILD_TALK = re.compile(r"\bsphinx\b|\bmyst\b|\bnpm\b|`make\b|\bmake (?:book|test|lab|serve|generate|handouts)", re.I)


@pytest.mark.parametrize("page", [p for p in reader_pages() if p not in TOOL_PAGES | REWRITTEN_ELSEWHERE])
def test_reader_pages_do_not_talk_about_the_build(page):
    assert BUILD_TALK.findall(prose(page)) == []


def test_pages_rewritten_elsewhere_are_only_excused_while_they_need_it():
    """A page leaves REWRITTEN_ELSEWHERE as soon as it is clean, so the excuse cannot outlive the merge."""
    clean = [page for page in REWRITTEN_ELSEWHERE if not BUILD_TALK.search(prose(page))]
    assert clean == [], f"remove {clean} from REWRITTEN_ELSEWHERE"


# Wording the first edition used that the evidence does not support (issue 13, point 4).
RETIRED = {
    r"a few dozen|in the dozens": "returns are about 64 by the book's own estimate",
    r"steady but modest|at a steady": "the share of hires from industry is not stable from year to year",
    r"about 70 ?%": "a secondary report of Ahmed et al.: only its home compares it with the AI Index figure",
    r"publishes less of what it does": "a count of the most-cited papers measures neither volume nor disclosure",
    r"matter of course": "the essay does not say the exceptions published as a matter of course",
    r"launch to win": "the essay says nothing about launches against paper deadlines",
    r"some researchers in industry": "Salakhutdinov wrote \u201clots of researchers\u201d",
}


# The one page that may use a retired phrase, because it sets it beside its denominators.
HOMES = {r"about 70 ?%": "chapters/evidence/ai_phds.md"}


@pytest.mark.parametrize("page", reader_pages())
def test_retired_phrasing_does_not_come_back(page):
    text = prose(page)
    found = {why for pattern, why in RETIRED.items() if HOMES.get(pattern) != page and re.search(pattern, text, re.I)}
    assert found == set()


def test_evenings_and_weekends_appear_at_most_once_in_the_argument_and_start_pages():
    count = sum(len(re.findall(r"(evenings|nights) and weekends", prose(page), re.I)) for page in EDITION_PAGES)
    assert count <= 1


def test_the_reading_route_is_explained_on_the_landing_page_only():
    assert "reading path" in prose("intro.md").lower() or "pathways/phd_student" in prose("intro.md")
    for page in ARGUMENT:
        assert not re.search(r"^#+ (How to use this guide|If you are a (PhD student|postdoc))", prose(page), re.M), page


def test_salakhutdinov_is_quoted_in_his_words_and_credited_once():
    text = prose("chapters/other_side.md")
    for words in (
        "lots of researchers in industry looking to go back to academia",
        "some profs leaving academia",
        "all the excitement in AI is happening in industry with massive compute",
    ):
        quoted = re.search(r"\"[^\"]*" + re.escape(words) + r"[^\"]*\"", text)
        assert quoted, words
    assert "Russ Salakhutdinov" in text and "{cite}`salakhutdinov2023`" in text
    assert re.search(r"question (Salakhutdinov|he) says he is (often )?asked", text)  # not his claim
    for page in EDITION_PAGES:
        if page != "chapters/other_side.md":
            assert "all the excitement" not in prose(page), page


def one_home(label: str) -> list[str]:
    return [page for page in reader_pages() if f"({label})=" in (ROOT / page).read_text(encoding="utf-8")]


def test_the_pools_argument_has_one_home_that_other_pages_link_to():
    assert one_home("pools-argument") == ["chapters/one_way_street.md"]
    for page in EDITION_PAGES:
        text = prose(page)
        if page != "chapters/one_way_street.md" and re.search(r"\bpools?\b", text):
            assert "{ref}`pools-argument`" in text, page


def test_the_return_rate_caveat_has_one_home_in_the_evidence():
    assert one_home("return-rate-caveat") == ["chapters/evidence/two_way_flow.md"]
    for page in EDITION_PAGES:
        text = prose(page)
        if re.search(r"denominator", text):
            assert "{ref}`return-rate-caveat`" in text or page == "chapters/one_way_street.md", page


# Digits a reader may see typed in these pages: years and year ranges, dates, names of things.
ALLOWED_DIGITS = re.compile(
    r"(?:19|20)\d\d(?:[–-](?:19|20)\d\d)?|\d{1,2} (?:January|September) (?:19|20)\d\d|Offer [23]|Table 6-7|100 most-cited"
)


@pytest.mark.parametrize("page", EDITION_PAGES)
def test_numbers_are_glued_not_typed(page):
    text = prose(page)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", "", text)  # roles: glued values, citations, links
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", "", text, flags=re.S)  # formulas
    text = re.sub(r"\]\([^)]*\)|`[^`]*`|^:label: .*$|^\d+\. ", "", text, flags=re.M)  # links, code, labels, list numbers
    typed = [m.group(0) for m in re.finditer(r"\S*\d\S*", ALLOWED_DIGITS.sub("", text))]
    assert typed == []


def test_the_ten_minute_page_takes_the_eight_questions_from_the_model():
    source = (ROOT / "chapters/ten_minutes.md").read_text(encoding="utf-8")
    assert "from widgets.recruiter_questions.model import PARAMETERS" in source


def test_the_checklist_in_acting_on_it_follows_the_eight_questions():
    from widgets.recruiter_questions.model import PARAMETERS

    text = prose("chapters/acting_on_it.md")
    items = re.findall(r"^- \{glue:text\}`q(\d)`", text, re.M)
    assert [int(n) for n in items] == list(range(1, len(PARAMETERS) + 1))


def test_advice_is_marked_as_the_books():
    exceptions = prose("chapters/exceptions.md")
    mixed = next(p for p in exceptions.split("\n\n") if "less favourable" in p)
    assert "book's advice" in mixed
    acting = prose("chapters/acting_on_it.md")
    assert acting.count("The book's advice") >= 5


# --- data rows behind numbers the first edition typed -------------------------------------
# Values as recorded in /work/shared/SOURCES.md.


def test_csrankings_summary_figures_are_data_rows():
    rates = load("publication_rates")
    assert fact(rates, "top-venue papers per year, median") == 1
    assert fact(rates, "top-venue papers per year, 75th percentile") == 3
    assert fact(rates, "top-venue papers per year, 90th percentile") == 4  # "the top 10 % publish 4 or more"
    assert fact(rates, "top-venue papers per year, mean") == 2.17
    assert fact(rates, "top-venue papers per year divided by their authors, median") == 0.5
    assert fact(rates, "years of a faculty career with any top-venue paper") == 57
    recent = rates[rates["measure"] == "top-venue papers per year, mean (indicative)"].iloc[0]
    assert (recent["value"], recent["qualifier"]) == (2.9, "about")
    assert "indicative" in recent["notes"]


def test_the_publications_chapter_glues_the_csrankings_figures():
    text = prose("chapters/publications.md")
    for name in ("rate_median", "rate_p25", "rate_p75", "rate_p90", "rate_mean", "rate_recent_mean", "years_with_paper"):
        assert f"{{glue:text}}`{name}`" in text, name
    paragraph = next(p for p in text.split("\n\n") if "rate_mean" in p)
    # It ends with what it means for the calculator: that sentence is the paragraph's last.
    assert "**For the calculator**" in paragraph
    assert ". " not in paragraph.rsplit("**For the calculator**", 1)[1]


def test_most_cited_ai_papers_are_data_rows_and_say_what_they_measure():
    output = load("ai_research_output")
    industry = [fact(output, "most-cited AI papers from industry", year) for year in (2021, 2022, 2023)]
    academia = [fact(output, "most-cited AI papers from academia", year) for year in (2021, 2022, 2023)]
    assert (industry, academia) == ([17, 19, 7], [34, 27, 42])
    assert fact(output, "notable AI models from industry", 2024) == 90
    assert output["notes"].dropna().str.contains("not a count of all papers").any()
    text = prose("chapters/other_side.md")
    assert "It does not measure how many papers industry publishes" in text
