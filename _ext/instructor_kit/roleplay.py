"""Recruiter role-play: invented offers whose facts a "recruiter" reads from a card.

Each scenario in `workshops/roleplay.yml` gives a recruiter's opening pitch and the true
answers to the eight questions of the recruiter-questions scorecard. The answers are
checked by the scorecard's own model, and a scenario's link (`#rq:...`, made by the
scorecard's `fragment_for`) opens the scorecard filled in with them, so a pair can
compare what they heard with what was true.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from instructor_kit.workshops import FOLDER, WorkshopError
from widgets.recruiter_questions import model
from widgets.recruiter_questions.share_link import fragment_for
from widgets.parameters import validate_all

SCENARIOS_PATH = FOLDER / "roleplay.yml"


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str  # the invented offer's name, also shown on the filled-in scorecard
    pitch: str  # what the recruiter says before any question
    manner: str  # how the recruiter answers (vague at first, defensive...)
    answers: dict[str, Any]  # the true answers, as the model validates them

    def facts(self) -> list[tuple[str, str]]:
        """(question, true answer in words) for each of the eight questions, in order."""
        return [(p.label, model.format_answer(p.name, self.answers[p.name])) for p in model.PARAMETERS]

    def fragment(self) -> str:
        return fragment_for(self.answers, self.name)

    def score(self) -> str:
        return model.format_outputs(model.compute(**self.answers))["score"]


def load_scenarios() -> tuple[Scenario, ...]:
    raw = yaml.safe_load(SCENARIOS_PATH.read_text(encoding="utf-8"))
    scenarios = []
    for item in raw.get("scenarios", []):
        where = f"role-play scenario {item.get('id')!r}"
        try:
            valid = validate_all(model.PARAMETERS, item.get("answers") or {})
        except ValueError as error:
            raise WorkshopError(f"{where}: {error}") from None
        missing = [name for name, value in valid.items() if value is None]
        if missing:  # the recruiter must be able to answer every question
            raise WorkshopError(f"{where}: every question needs a true answer; missing {missing}")
        scenarios.append(Scenario(item["id"], item["name"], item["pitch"].strip(), item["manner"].strip(), valid))
    if len(scenarios) < 2:
        raise WorkshopError("roleplay.yml needs at least two scenarios, one for each partner to play")
    return tuple(scenarios)
