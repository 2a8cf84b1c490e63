"""The publication-gap calculator as a Jupyter widget."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from widgets.calculator_widget import calculator_widget
from widgets.publication_gap import model
from widgets.publication_gap.record import check_phd_year, read_record


def from_bibtex(
    cls: type,
    path_or_text: str | Path,
    phd_year: int,
    include_other: bool = False,
    use_proposals: bool = False,
    current_year: int | None = None,
    **inputs: Any,
) -> Any:
    """A calculator set from a publication record, as the book's import panel sets it:
    papers_at_phd from the record, and (with use_proposals) the rates it proposes."""
    check_phd_year(phd_year, current_year)
    record = read_record(path_or_text, current_year)
    proposals = record.proposals(phd_year, include_other, current_year)
    chosen = proposals if use_proposals else {"papers_at_phd": proposals["papers_at_phd"]}
    calc = cls(**{**inputs, **chosen})
    calc.record, calc.proposals = record, proposals
    return calc


PublicationGap = calculator_widget(
    "PublicationGap",
    model,
    Path(__file__).with_name("widget.js"),
    doc="""Publication gap against a postdoc competitor.

    >>> calc = PublicationGap(years=5)
    >>> calc.gap            # papers the postdoc is ahead at the application
    >>> calc.to_frame()     # year-by-year records of both careers

    From your own publication record (a BibTeX file or its text):

    >>> calc = PublicationGap.from_bibtex("me.bib", phd_year=2021)
    >>> calc.papers_at_phd  # your distinct peer-reviewed works up to 2021
    >>> calc.proposals      # rates taken from the record; use_proposals=True sets them too
    >>> calc.record.summary()
    """,
    methods={"from_bibtex": classmethod(from_bibtex)},
)
