"""Workshop plans and the recruiter role-play: the book's files load, broken files are refused
with a message that names the file and the entry. (Their rendered pages: tests/build.)"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from instructor_kit import roleplay, workshops

from widgets.recruiter_questions import model as recruiter_model

LENGTHS = {"workshop_60min": 60, "workshop_half_day": 180}  # the book's workshops, in minutes
PLAN = {
    "title": "t",
    "length_minutes": 60,
    "goals": ["a", "b"],
    "pre_reading": ["{doc}`/intro`"],
    "steps": [{"minutes": 30, "activity": "a", "participants": "p", "facilitator": "f"}] * 2,
}
ROLEPLAY = yaml.safe_load(roleplay.SCENARIOS_PATH.read_text(encoding="utf-8"))


def test_the_books_workshops_fill_their_length():
    assert workshops.known_workshops() == sorted(LENGTHS)
    for workshop_id, length in LENGTHS.items():
        workshop = workshops.load_workshop(workshop_id)
        assert workshop.id == workshop_id
        assert workshop.length_minutes == length == sum(step.minutes for step in workshop.steps)
        assert workshop.starts()[0] == 0 and workshop.starts()[-1] == length - workshop.steps[-1].minutes


def test_starts_and_clock():
    assert workshops.parse_workshop("ok", PLAN).starts() == [0, 30]
    assert [workshops.clock(m) for m in (0, 5, 95, 180)] == ["0:00", "0:05", "1:35", "3:00"]


def plan(**changes) -> dict:
    data = copy.deepcopy(PLAN)
    data.update(changes)
    return data


def step(**changes) -> dict:
    return {**PLAN["steps"][0], **changes}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        # the schema
        (plan(steps=[step(minutes="ten"), step()]), "step 1, 'minutes': must be a whole number; got 'ten'"),
        (plan(steps=[step(), step(minutes=True)]), "step 2, 'minutes': must be a whole number; got True"),
        (plan(steps=[step(minutes=0), step(minutes=60)]), "step 1, 'minutes': must be 1 or more; got 0"),
        (plan(steps=[step(), {k: v for k, v in step().items() if k != "facilitator"}]), "step 2, 'facilitator': is missing"),
        (plan(steps=[step(), step(activity=" ")]), "step 2, 'activity': must be non-empty text; got ' '"),
        (plan(steps=[]), "'steps': needs at least 1 item; got 0"),
        (plan(goals=["only one"]), "'goals': needs at least 2 items; got 1"),
        (plan(goals=list("abcdef")), "'goals': may have at most 5 items; got 6"),
        (plan(goals=["a", 7]), "goal 2: must be non-empty text; got 7"),
        (plan(pre_reading=[]), "'pre_reading': needs at least 1 item; got 0"),
        (plan(length_minutes=5), "'length_minutes': must be 10 or more; got 5"),
        (plan(length_minutes="an hour"), "'length_minutes': must be a whole number; got 'an hour'"),
        (plan(room="B12"), "'room': is not a key this file may have"),
        ({k: v for k, v in PLAN.items() if k != "title"}, "'title': is missing"),
        (["a list"], "expected a mapping at the top level"),
        # what a schema cannot say
        (plan(steps=[step(minutes=25)] * 2), "the steps take 50 minutes, but the workshop is 60 minutes long"),
        (plan(steps=[step(minutes=45)] * 2), "the steps take 90 minutes, but the workshop is 60 minutes long"),
    ],
)
def test_broken_workshops_are_refused_with_the_entry_named(raw, message):
    with pytest.raises(workshops.WorkshopError) as error:
        workshops.parse_workshop("broken", raw)
    assert str(error.value).startswith("workshop 'broken'")
    assert message in str(error.value)


def test_a_workshop_files_errors_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(workshops, "FOLDER", tmp_path)
    (tmp_path / "evening.yml").write_text(yaml.safe_dump(plan(goals=["one"], title="")), encoding="utf-8")
    with pytest.raises(workshops.WorkshopError) as error:
        workshops.load_workshop("evening")
    where = f"workshop 'evening' ({tmp_path / 'evening.yml'})"
    assert str(error.value).splitlines() == [
        f"{where}: 'title': must be non-empty text; got ''",
        f"{where}: 'goals': needs at least 2 items; got 1",
    ]
    with pytest.raises(workshops.WorkshopError, match=r"no workshop 'morning'; known: \['evening'\]"):
        workshops.load_workshop("morning")


# --- the role-play -------------------------------------------------------------------------


def test_role_play_scenarios_answer_every_question():
    scenarios = roleplay.load_scenarios()
    assert len(scenarios) >= 2
    for scenario in scenarios:
        assert [question for question, _ in scenario.facts()] == [p.label for p in recruiter_model.PARAMETERS]
        assert "unknown" not in [answer for _, answer in scenario.facts()]
        assert 0 <= float(scenario.score()) <= 100
        assert scenario.fragment().startswith("#rq:")


def scenarios(change) -> dict:
    data = copy.deepcopy(ROLEPLAY)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # the schema
        (lambda d: d.update(scenarios=d["scenarios"][:1]), "'scenarios': needs at least 2 items; got 1"),
        (lambda d: d["scenarios"][1].pop("pitch"), "scenario 'B', 'pitch': is missing"),
        (lambda d: d["scenarios"][0].update(manner=None), "scenario 'A', 'manner': must be non-empty text; got None"),
        (lambda d: d["scenarios"][2].update(answers="all yes"), "scenario 'C', 'answers': input should be a valid dictionary"),
        # the scorecard's model
        (
            lambda d: d["scenarios"][0]["answers"].update(median_papers=-1),
            "scenario 'A', 'answers': median_papers must be a number from 0 to 20",
        ),
        (lambda d: d["scenarios"][1]["answers"].update(salary=1), "scenario 'B', 'answers': unknown parameter(s) ['salary']"),
        (
            lambda d: d["scenarios"][1]["answers"].pop("fixed_term"),
            "scenario 'B', 'answers': every question needs a true answer; missing ['fixed_term']",
        ),
    ],
)
def test_broken_role_plays_are_refused_with_the_scenario_named(change, message):
    with pytest.raises(workshops.WorkshopError) as error:
        roleplay.parse_scenarios(scenarios(change))
    assert str(error.value).startswith("role-play: ")
    assert message in str(error.value)
