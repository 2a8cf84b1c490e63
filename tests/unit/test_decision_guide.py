"""Decision guides: the real guide is complete, and broken guides are refused with a reason."""

from __future__ import annotations

import copy
import html
import json

import pytest
import yaml

from figure_renderer import guide_fallback_html as fallback_html
from tests.conftest import ROOT
from widgets.decision_guide.guide import GuideError, load_guide, parse_guide, routes

GUIDE_FILE = ROOT / "chapters" / "deciding" / "decision_guide.yml"

GUIDE = load_guide(GUIDE_FILE)
RAW = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))


def test_every_route_ends_in_a_suggestion_and_every_suggestion_is_reachable():
    found = routes(GUIDE)
    assert {end for _, end in found} == {r.id for r in GUIDE.recommendations}
    asked = {question for steps, _ in found for question, _ in steps}
    assert asked == {q.id for q in GUIDE.questions}
    for steps, _ in found:
        assert steps[0][0] == GUIDE.questions[0].id


def test_the_essays_advice_is_in_the_guide():
    # Certain about never wanting a faculty post: go; able to take a fixed-term post: take it.
    by_route = {steps: end for steps, end in routes(GUIDE)}
    assert by_route[(("interest", "never"),)] == "go-freely"
    assert by_route[(("interest", "maybe"), ("fixed-term", "can"), ("afford", "can"))] == "take-postdoc"
    for recommendation in GUIDE.recommendations:
        assert recommendation.reasons and recommendation.caveat


def test_fallback_lists_every_question_answer_and_suggestion():
    page = fallback_html(GUIDE)
    for question in GUIDE.questions:
        assert html.escape(question.question) in page
        for answer in question.answers:
            assert html.escape(answer.label) in page
    for recommendation in GUIDE.recommendations:
        for text in (recommendation.title, recommendation.summary, recommendation.caveat, *recommendation.reasons):
            assert html.escape(text) in page
        assert f'href="#ows-guide-decision_guide-{recommendation.id}"' in page and f'id="ows-guide-decision_guide-{recommendation.id}"' in page


def test_embedded_json_round_trips_and_cannot_end_its_script():
    tricky = copy.deepcopy(RAW)
    tricky["intro"] = "A </script> inside the text"
    guide = parse_guide("tricky", tricky)
    assert "</script>" not in guide.as_json()
    assert json.loads(guide.as_json())["intro"] == "A </script> inside the text"


def broken(change) -> dict:
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["questions"][0]["answers"][0].update(next="nowhere"), "leads to unknown 'nowhere'"),
        (lambda d: d["questions"][-1]["answers"][0].update(next=d["questions"][0]["id"]), "loops back"),
        (lambda d: d["recommendations"].append({**d["recommendations"][0], "id": "orphan"}), "nothing leads to ['orphan']"),
        (lambda d: d["recommendations"].append(dict(d["recommendations"][0])), "used twice"),
        (lambda d: d["questions"][0]["answers"][0].update(id=True), "expected non-empty text, got True"),
        (lambda d: d["questions"][0].update(answers=d["questions"][0]["answers"][:1]), "two or more answers"),
        (lambda d: d["recommendations"][0].pop("caveat"), "missing or malformed"),
    ],
)
def test_broken_guides_are_refused_with_a_reason(change, message):
    with pytest.raises(GuideError) as error:
        parse_guide("broken", broken(change))
    assert message in str(error.value)


def test_a_missing_guide_file_is_named():
    with pytest.raises(GuideError, match="no guide file .*no-such-guide.yml"):
        load_guide(ROOT / "no-such-guide.yml")
