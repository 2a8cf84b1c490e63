"""Reading a publication record from BibTeX (widgets/publication_gap/record.py) and
PublicationGap.from_bibtex: what is counted, merged and skipped, and bad input refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.publication_gap import model
from widgets.publication_gap.record import MAX_CHARACTERS, MAX_ENTRIES, read_record, record_counts
from widgets.publication_gap.widget import PublicationGap

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bibtex"
YEAR = 2026  # the reading year, fixed so that "next year" does not move under the tests


def bib(*entries: str) -> str:
    return "\n".join(entries)


def test_scholar_export_counts_peer_reviewed_works_once():
    record = read_record(FIXTURES / "scholar.bib", YEAR)
    kinds = {w.key: w.kind for w in record.works}
    assert kinds["garcia2021thesis"] == "thesis" and kinds["garcia2023calibrated"] == "preprint"
    assert kinds["garcia2024talk"] == "other" and kinds["garcia2019neural"] == "peer-reviewed"  # incollection
    # The arXiv copy and the second WSDM entry (same title, accents and braces aside) merge.
    assert record.duplicates == 2
    assert record.counts() == {2018: 1, 2019: 2, 2020: 1, 2021: 1, 2022: 1}
    assert record.papers_up_to(2021) == 5
    query = next(w for w in record.works if w.key == "garcia2021query")
    assert query.peer_reviewed and query.venue.startswith("Proceedings of the 44th")  # the published copy wins


def test_dblp_crossref_volumes_lend_year_and_venue_and_are_not_works():
    record = read_record(FIXTURES / "dblp.bib", YEAR)
    keys = {w.key for w in record.works}
    assert not any(key.startswith("DBLP:conf/wsdm/2020") or key == "DBLP:conf/emnlp/2019" for key in keys)
    wsdm = next(w for w in record.works if w.key == "DBLP:conf/wsdm/GarciaO20")
    assert (
        wsdm.year == 2020
        and wsdm.venue.startswith("WSDM '20")
        and wsdm.title == "Learning to Rank for Schrödinger-Style Uncertainty in Search"
    )
    assert {w.key: w.kind for w in record.works}["DBLP:journals/corr/abs-2303-04567"] == "preprint"  # CoRR
    assert record.duplicates == 1  # the CoRR copy of the SIGIR paper (same title)


def test_orcid_and_zotero_exports():
    orcid = read_record(FIXTURES / "orcid.bib", YEAR)
    assert [(s.key, s.reason) for s in orcid.skipped] == [("garcia_review", "with no year")]
    assert {w.key: w.kind for w in orcid.works}["garcia_2023_dataset"] == "other"
    zotero = read_record(FIXTURES / "zotero.bib", YEAR)
    kinds = {w.key: w.kind for w in zotero.works}
    assert kinds["garcia_calibrated_2023"] == "preprint"  # @misc with publisher arXiv
    assert kinds["garcia_uncertainty_2020"] == "report" and kinds["garcia_sparse_2016"] == "thesis"
    street = next(w for w in zotero.works if w.key == "garcia_stra_2017")
    assert street.title == "Straße, Škoda and Citroën: query logs from a European car forum"


def test_the_same_work_in_four_exports_counts_alike():
    counts = {name: read_record(FIXTURES / f"{name}.bib", YEAR).counts() for name in ("dblp", "orcid", "zotero")}
    assert counts["dblp"] == counts["orcid"] == {2019: 1, 2020: 1, 2021: 1, 2022: 1}


@pytest.mark.parametrize(
    ("year", "counted", "reason"),
    [
        ("{2019}", True, None),  # braces are BibTeX's grouping, not part of the year
        ("2019a", False, "with a year that is not four digits"),
        ("3019", False, f"with a year outside 1900–{YEAR + 1}"),
        ("19", False, "with a year that is not four digits"),
        ("", False, "with no year"),
    ],
)
def test_years_are_read_never_guessed(year, counted, reason):
    record = read_record(bib(f"@article{{a, title={{T}}, journal={{J}}, year={{{year}}}}}"), YEAR)
    assert (len(record.works) == 1) == counted
    assert [s.reason for s in record.skipped] == ([] if counted else [reason])


def test_a_broken_entry_is_skipped_and_the_rest_read():
    record = read_record(bib("@article{a, title={Broken {brace}, year={2017}}", "@article{b, title={Fine}, year={2016}}"), YEAR)
    assert [w.key for w in record.works] == ["b"]
    assert [s.key for s in record.skipped] == ["a"] and "braces" in record.skipped[0].reason


def test_same_doi_merges_and_hostile_titles_stay_text():
    record = read_record(
        bib(
            "@article{a, title={<script>alert(1)</script>}, journal={J}, year=2020, doi={10.1/X}}",
            "@inproceedings{b, title={<img src=x onerror=alert(1)>}, booktitle={C}, year=2021, doi={https://doi.org/10.1/x}}",
        ),
        YEAR,
    )
    assert record.duplicates == 1 and [w.title for w in record.works] == ["<script>alert(1)</script>"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("%PDF-1.7\n%âãÏÓ\n1 0 obj", "PDF"),
        ("title,year,venue\nA paper,2020,SIGIR\n", "CSV"),
        ("no entries at all,\njust words", "no BibTeX entries"),
        ("@article{a, title={x}, year=2020}\x00\x01", "not a text file"),
        ("@misc{x,}\n" * (MAX_ENTRIES + 1), "at most 5,000"),
        ("@misc{x, note={" + "y" * MAX_CHARACTERS + "}}", "longer than"),
    ],
)
def test_bad_files_are_refused_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        read_record(text, YEAR)


@pytest.mark.parametrize("phd_year", [1949, YEAR + 2, 2019.5, "2019", True])
def test_a_phd_year_out_of_range_is_refused(phd_year):
    with pytest.raises(ValueError, match=f"phd_year must be a whole year from 1950 to {YEAR + 1}"):
        PublicationGap.from_bibtex(FIXTURES / "scholar.bib", phd_year=phd_year, current_year=YEAR)


def test_from_bibtex_sets_papers_at_phd_and_proposes_rates():
    calc = PublicationGap.from_bibtex(FIXTURES / "scholar.bib", phd_year=2021, current_year=YEAR)
    assert calc.papers_at_phd == 5 and calc.years == model.DEFAULTS["years"]
    # Your last three PhD years (2019-2021): 4 works; the full years since (2022-2025): 1.
    assert calc.proposals == {"papers_at_phd": 5, "postdoc_rate": 1.3, "industry_rate": 0.3, "years": 5}
    used = PublicationGap.from_bibtex(
        (FIXTURES / "scholar.bib").read_text(), phd_year=2021, use_proposals=True, current_year=YEAR
    )
    assert (used.postdoc_rate, used.industry_rate, used.years) == (1.3, 0.3, 5)
    assert used.gap == model.compute(**used.inputs).gap


def test_record_counts_is_a_dataframe_by_year():
    frame = record_counts(FIXTURES / "scholar.bib", current_year=YEAR)
    assert frame.index.name == "year" and list(frame.columns) == ["peer_reviewed", "other", "counted"]
    assert frame.loc[2019, "counted"] == 2 and frame.loc[2021, "other"] == 1 and frame.loc[2023, "other"] == 1
    assert record_counts(FIXTURES / "scholar.bib", include_other=True, current_year=YEAR).loc[2023, "counted"] == 1
