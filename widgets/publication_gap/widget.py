"""The publication-gap calculator as a Jupyter widget."""

from pathlib import Path

from widgets.calculator_widget import calculator_widget
from widgets.publication_gap import model

PublicationGap = calculator_widget(
    "PublicationGap",
    model,
    Path(__file__).with_name("widget.js"),
    doc="""Publication gap against a postdoc competitor.

    >>> calc = PublicationGap(years=5)
    >>> calc.gap            # papers the postdoc is ahead at the application
    >>> calc.to_frame()     # year-by-year records of both careers
    """,
)
