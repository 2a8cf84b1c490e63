"""The career-paths calculator as a Jupyter widget."""

from pathlib import Path

from widgets.calculator_widget import calculator_widget
from widgets.career_paths import model

CareerPaths = calculator_widget(
    "CareerPaths",
    model,
    Path(__file__).with_name("widget.js"),
    doc="""Is the door still open? Chances of a faculty post from two starting paths.

    >>> calc = CareerPaths(years=10)
    >>> calc.faculty_from_industry   # chance of a faculty post after 10 years, starting in industry
    >>> calc.to_frame()              # year-by-year chances for both starting paths

    The two postdoc moves may add up to at most 1. To change both at once, hold the
    checks until both are set:

    >>> with calc.hold_trait_notifications():
    ...     calc.p_postdoc_faculty, calc.p_postdoc_industry = 0.6, 0.3
    """,
)
