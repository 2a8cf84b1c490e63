"""Every calculator, by the id the book and the DOM use (`data-calculator="ID"`)."""

from types import ModuleType

from widgets.career_paths import model as career_paths
from widgets.publication_gap import model as publication_gap
from widgets.recruiter_questions import model as recruiter_questions

CALCULATORS: dict[str, ModuleType] = {
    "publication-gap": publication_gap,
    "recruiter-questions": recruiter_questions,
    "career-paths": career_paths,
}
