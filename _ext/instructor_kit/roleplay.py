"""Recruiter role-play: invented offers whose facts a "recruiter" reads from a card.

Each scenario in `workshops/roleplay.yml` gives a recruiter's opening pitch and the true
answers to the eight questions of the recruiter-questions scorecard. A pydantic schema
checks the file's shape; the answers are checked by the scorecard's own model. A scenario's
link (`#rq:...`, made by the scorecard's `fragment_for`) opens the scorecard filled in with
them, so a pair can compare what they heard with what was true.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import Field

from instructor_kit.workshops import FOLDER, WorkshopError
from widgets.content_schema import Entry, Text, parse
from widgets.parameters import validate_all
from widgets.recruiter_questions import model
from widgets.recruiter_questions.share_link import fragment_for

SCENARIOS_PATH = FOLDER / "roleplay.yml"


class Scenario(Entry):
    id: Text
    name: Text  # the invented offer's name, also shown on the filled-in scorecard
    pitch: Text  # what the recruiter says before any question
    manner: Text  # how the recruiter answers (vague at first, defensive...)
    answers: dict[str, Any]  # the true answers; the scorecard's model checks them (`load_scenarios`)

    def facts(self) -> list[tuple[str, str]]:
        """(the question in a few words, the true answer in words) for each of the eight
        questions, in order: a card names the questions briefly, the candidate asks them in full."""
        return [(model.RULES[p.name].short, model.format_answer(p.name, self.answers[p.name])) for p in model.PARAMETERS]

    def fragment(self) -> str:
        return fragment_for(self.answers, self.name)

    def score(self) -> str:
        return model.format_outputs(model.compute(**self.answers))["score"]


class RolePlay(Entry):
    scenarios: tuple[Scenario, ...] = Field(min_length=2)  # one for each partner to play


def parse_scenarios(raw: Any, where: str = "role-play") -> tuple[Scenario, ...]:
    """Scenarios from the YAML's data: the shape by schema, the answers by the scorecard's model."""
    scenarios = []
    for scenario in parse(RolePlay, raw, where, WorkshopError).scenarios:
        at = f"{where}: scenario {scenario.id!r}, 'answers'"
        try:
            valid = validate_all(model.PARAMETERS, scenario.answers)
        except ValueError as error:
            raise WorkshopError(f"{at}: {error}") from None
        missing = [name for name, value in valid.items() if value is None]
        if missing:  # the recruiter must be able to answer whatever the partner asks
            raise WorkshopError(f"{at}: every question needs a true answer; missing {missing}")
        scenarios.append(scenario.model_copy(update={"answers": valid}))
    return tuple(scenarios)


def load_scenarios() -> tuple[Scenario, ...]:
    raw = yaml.safe_load(SCENARIOS_PATH.read_text(encoding="utf-8"))
    return parse_scenarios(raw, f"role-play ({SCENARIOS_PATH})")
