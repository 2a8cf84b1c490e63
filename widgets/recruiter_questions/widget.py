"""The recruiter-questions scorecard as a Jupyter widget."""

from pathlib import Path

from widgets.calculator_widget import calculator_widget
from widgets.calculators import VIEW_STATE
from widgets.recruiter_questions import model

RecruiterQuestions = calculator_widget(
    "RecruiterQuestions",
    model,
    Path(__file__).with_name("widget.js"),
    doc="""Questions for a recruiter: a scorecard of what the recruiter told you.

    Answers are None (unknown) until set; choices take the answer's value.

    >>> card = RecruiterQuestions(review_counts_papers="no", research_time=20)
    >>> card.score          # 0-100 over the answered questions only
    >>> card.red_flags      # ("Publications do not count in reviews, promotion or salary.", ...)
    >>> card.to_frame()     # one row per question: answer, points, points possible
    """,
    view_state=VIEW_STATE["recruiter-questions"],
)
