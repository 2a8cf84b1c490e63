"""Workshop plans and the recruiter role-play: the book's files load, fit their time and name
only what exists; broken files are refused with a message that names the file and the entry.
(Their rendered pages, slides and PDFs: tests/build.)"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from instructor_kit import roleplay, short_links, workshops
from instructor_kit.handouts import declared_handouts

from tests.helpers import toc_pages
from widgets.recruiter_questions import model as recruiter_model

LENGTHS = {"workshop_60min": 60, "workshop_half_day": 180}  # the book's workshops, in minutes
PLAN = {
    "title": "t",
    "length_minutes": 60,
    "you_need": "a room",
    "plan_link": "plan-60",
    "agenda_link": "agenda-60",
    "slides_link": "slides-60",
    "goals": ["a", "b"],
    "pre_reading": ["{doc}`/intro`"],
    "print": [{"handout": "role-cards", "copies": "one set per pair", "cards": ["A", "B"]}],
    "steps": [{"minutes": 30, "activity": "a", "say": "s", "participants": "p", "facilitator": "f"}] * 2,
}
ROLE_PLAY = "Recruiter role-play"
ROLEPLAY = yaml.safe_load(roleplay.SCENARIOS_PATH.read_text(encoding="utf-8"))


def test_the_books_workshops_fill_their_length():
    assert workshops.known_workshops() == sorted(LENGTHS)
    for workshop_id, length in LENGTHS.items():
        workshop = workshops.load_workshop(workshop_id)
        assert workshop.id == workshop_id
        assert workshop.length_minutes == length == sum(step.minutes for step in workshop.steps)
        assert workshop.starts()[0] == 0 and workshop.starts()[-1] == length - workshop.steps[-1].minutes


def book_plans() -> list[workshops.Workshop]:
    return [workshops.load_workshop(workshop_id) for workshop_id in LENGTHS]


def test_the_role_play_fits_its_time():
    """Pairing, reading the cards, two calls, entering the answers and a debrief: 20 to 22
    minutes in the one-hour plan, and at least that in the half day."""
    one_hour, half_day = book_plans()
    assert 20 <= one_hour.part_minutes(ROLE_PLAY) <= 22
    assert half_day.part_minutes(ROLE_PLAY) >= 20
    for workshop in (one_hour, half_day):
        steps = [step.activity for step in workshop.steps if step.part == ROLE_PLAY]
        assert steps == ["Read the cards", "First call", "Second call", "The true answers", "Debrief"]


def test_the_one_hour_plan_works_one_calculator_in_groups_and_demonstrates_the_other():
    one_hour = workshops.load_workshop("workshop_60min")
    calculators = {"gap", "paths"}
    in_groups = [step for step in one_hour.steps if "in groups" in step.activity]
    assert len(in_groups) == 1
    worked = calculators & set(in_groups[0].links)
    assert len(worked) == 1
    demos = [step for step in one_hour.steps if "demonstrate" in step.facilitator.lower()]
    assert [calculators & set(step.links) for step in demos] == [calculators - worked]


def test_every_step_has_a_facilitator_action_and_a_line_to_say():
    for workshop in book_plans():
        for each in workshop.steps:
            assert each.facilitator.strip() and each.say.strip(), (workshop.id, each.activity)
            assert each.facilitator != each.participants, (workshop.id, each.activity)


def test_every_page_handout_link_and_card_a_plan_names_exists():
    known = {
        "pages": {page.removesuffix(".html") for page in toc_pages()},
        "handouts": set(declared_handouts()),
        "links": set(short_links.load_short_links()),
        "cards": {scenario.id for scenario in roleplay.load_scenarios()},
    }
    for workshop in book_plans():
        assert workshops.check_references(workshop, **known) == []
        assert workshop.links() and workshop.cards()  # so that the check had something to check


def test_a_reference_to_something_missing_is_reported():
    broken = workshops.parse_workshop("w", plan(steps=[step(participants="See {doc}`/nowhere` at {go}`nowhere`."), step()]))
    known = {"pages": {"intro"}, "handouts": {"role-cards"}, "links": {"plan-60", "agenda-60", "slides-60"}, "cards": {"A"}}
    assert workshops.check_references(broken, **known) == [
        "workshop 'w': step 1 (a), 'participants' links the page '/nowhere', which the book does not have",
        "workshop 'w': the short link 'nowhere' does not exist",
        "workshop 'w': 'print' lists role card B, which the role-play does not have",
    ]


def test_one_device_per_pair_agrees_with_the_steps():
    for workshop in book_plans():
        assert "one laptop or phone with a browser per pair" in workshop.you_need
        for where, text in workshop.texts():
            for sentence in re.split(r"(?<=[.;:])\s", text):
                if re.search(r"\b(device|laptop|phone)\b", sentence):
                    assert "pair" in sentence, (workshop.id, where, sentence)


def test_the_pre_reading_short_link_opens_the_plans_pre_reading():
    target = short_links.load_short_links()["read"].target
    for workshop in book_plans():
        assert workshop.pre_reading[0].startswith(f"{{doc}}`/{target}`")


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
        (plan(steps=[step(), step(say=" ")]), "step 2, 'say': must be non-empty text; got ' '"),
        (
            plan(steps=[step(links=["Scorecard"]), step()]),
            "step 1, link 1: string should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'; got 'Scorecard'",
        ),
        (plan(steps=[step(cards=["a"]), step()]), "step 1, card 1: string should match pattern '^[A-Z]$'; got 'a'"),
        (plan(steps=[step(handouts=["feedback"]), step()]), "step 1 uses the handout 'feedback', which 'print' does not list"),
        (plan(steps=[step(cards=["C"]), step()]), "step 1 uses role card C, which 'print' does not list"),
        (
            plan(steps=[step(facilitator="Compare cards A and C."), step()]),
            "step 1 (a), 'facilitator' names role card C, which 'print' does not list",
        ),
        (
            plan(steps=[step(minutes=20, part="x"), step(minutes=20), step(minutes=20, part="x")]),
            "the steps of 'x' are not consecutive",
        ),
        (plan(print=[]), "'print': needs at least 1 item; got 0"),
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
    (tmp_path / "evening.yml").write_text(yaml.safe_dump(plan(steps=[step(minutes=25)] * 2)), encoding="utf-8")
    with pytest.raises(workshops.WorkshopError, match=re.escape(f"{where}: the steps take 50 minutes")):
        workshops.load_workshop("evening")
    with pytest.raises(workshops.WorkshopError, match=r"no workshop 'morning'; known: \['evening'\]"):
        workshops.load_workshop("morning")


# --- the role-play -------------------------------------------------------------------------


def test_role_play_scenarios_answer_every_question():
    scenarios = roleplay.load_scenarios()
    assert len(scenarios) >= 2
    for scenario in scenarios:
        shorts = [recruiter_model.RULES[p.name].short for p in recruiter_model.PARAMETERS]
        assert [question for question, _ in scenario.facts()] == shorts
        assert "unknown" not in [answer for _, answer in scenario.facts()]
        assert 0 <= float(scenario.score()) <= 100
        assert scenario.fragment().startswith("#rq:")


def test_role_cards_cover_other_fields():
    """Besides computing offers, a card for a biotech or pharma lab and one for physics."""
    names = [scenario.name for scenario in roleplay.load_scenarios()]
    assert any("biotech" in name or "pharma" in name for name in names), names
    assert any("physics" in name for name in names), names


def test_the_eight_questions_are_field_neutral_with_computing_examples_marked():
    """Computing's own words (conferences, program committees) appear only as an example
    for computing, so the questions read right in any field."""
    for parameter in recruiter_model.PARAMETERS:
        for text in (parameter.label, parameter.help):
            for term in ("program committee", "conference paper"):
                if term in text:
                    assert "in computing" in text, text
    assert "interns" not in recruiter_model.BY_NAME["academic_ties"].label


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
