"""Every calculator, by the id the book and the DOM use (`data-calculator="ID"`)."""

from types import ModuleType

from widgets.career_paths import model as career_paths
from widgets.publication_gap import model as publication_gap
from widgets.recruiter_questions import model as recruiter_questions
from widgets.recruiter_questions.sheet import sheet_html

CALCULATORS: dict[str, ModuleType] = {
    "publication-gap": publication_gap,
    "recruiter-questions": recruiter_questions,
    "career-paths": career_paths,
}

# Constant markup a calculator's view reads besides its inputs, as `model.get(name)`: a
# read-only synced trait in Jupyter, a <template data-view-state="name"> in the static book.
VIEW_STATE: dict[str, dict[str, str]] = {
    "recruiter-questions": {"sheet_html": sheet_html()},  # the printable sheet it fills in
}
