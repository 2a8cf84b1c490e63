"""Decision guides: the real guide is complete, and broken guides are refused with a reason."""

from __future__ import annotations

import copy
import html
import json

import pytest
import yaml
from figure_renderer import guide_fallback_html as fallback_html

from tests.helpers import ROOT
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


def test_every_reason_says_whose_claim_it_is():
    """Each reason opens by naming its voice: the essay's argument, this book's (or this guide's)
    judgement, or evidence the book collects. A bare claim such as "Moving from a postdoc to
    industry stays easy." fails, even when a later sentence cites the essay."""
    voices = ("essay", "this book", "this guide", "evidence this book collects")
    for recommendation in GUIDE.recommendations:
        for reason in recommendation.reasons:
            first_sentence = reason.split(". ")[0].lower()
            assert any(voice in first_sentence for voice in voices), (recommendation.id, reason)


def test_fallback_lists_every_question_answer_and_suggestion():
    page = fallback_html(GUIDE)
    for question in GUIDE.questions:
        assert html.escape(question.question) in page
        for answer in question.answers:
            assert html.escape(answer.label) in page
    for recommendation in GUIDE.recommendations:
        for text in (recommendation.title, recommendation.summary, recommendation.caveat, *recommendation.reasons):
            assert html.escape(text) in page
        assert (
            f'href="#ows-guide-decision_guide-{recommendation.id}"' in page
            and f'id="ows-guide-decision_guide-{recommendation.id}"' in page
        )


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
        # what the schema catches: missing keys, wrong types, empty text, too few items
        (
            lambda d: d["questions"][0]["answers"][0].update(id=True),
            "question 'interest', answer 1, 'id': must be non-empty text; got True",
        ),
        (lambda d: d["questions"][1].update(help="   "), "question 'fixed-term', 'help': must be non-empty text; got '   '"),
        (lambda d: d["recommendations"][0].pop("caveat"), "recommendation 'go-freely', 'caveat': is missing"),
        (
            lambda d: d["recommendations"][0].update(caveats="typo"),
            "recommendation 'go-freely', 'caveats': is not a key this file may have",
        ),
        (
            lambda d: d["questions"][0].update(answers=d["questions"][0]["answers"][:1]),
            "question 'interest', 'answers': needs at least 2 items; got 1",
        ),
        (
            lambda d: d["recommendations"][1].update(reasons=[]),
            "recommendation 'take-postdoc', 'reasons': needs at least 1 item; got 0",
        ),
        (lambda d: d.update(questions=[]), "guide 'broken': 'questions': needs at least 1 item; got 0"),
        # what only check_guide can see
        (lambda d: d["questions"][0]["answers"][0].update(next="nowhere"), "leads to unknown 'nowhere'"),
        (lambda d: d["questions"][-1]["answers"][0].update(next=d["questions"][0]["id"]), "loops back"),
        (lambda d: d["recommendations"].append({**d["recommendations"][0], "id": "orphan"}), "nothing leads to ['orphan']"),
        (lambda d: d["recommendations"].append(dict(d["recommendations"][0])), "an id is used twice: ['go-freely']"),
        (
            lambda d: d["questions"][0]["answers"][1].update(id=d["questions"][0]["answers"][0]["id"]),
            "question 'interest' needs answers with distinct ids",
        ),
    ],
)
def test_broken_guides_are_refused_with_a_reason(change, message):
    with pytest.raises(GuideError) as error:
        parse_guide("broken", broken(change))
    assert str(error.value).startswith("guide 'broken'")
    assert message in str(error.value)


def test_errors_name_the_file_and_list_every_problem(tmp_path):
    data = broken(lambda d: (d["recommendations"][0].pop("caveat"), d["questions"][0].update(help=7)))
    path = tmp_path / "my_guide.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(GuideError) as error:
        load_guide(path)
    assert str(error.value).splitlines() == [
        f"guide 'my_guide' ({path}): question 'interest', 'help': must be non-empty text; got 7",
        f"guide 'my_guide' ({path}): recommendation 'go-freely', 'caveat': is missing",
    ]


def test_a_missing_guide_file_is_named():
    with pytest.raises(GuideError, match="no guide file .*no-such-guide.yml"):
        load_guide(ROOT / "no-such-guide.yml")


def test_worked_numbers_are_the_calculators_defaults_filled_in():
    from widgets.career_paths import model as career_paths
    from widgets.publication_gap import model as publication_gap

    texts = [text for r in GUIDE.recommendations for text in r.reasons]
    assert not any("{" in text for text in texts)
    gap = publication_gap.format_outputs(publication_gap.compute())
    paths = career_paths.format_outputs(career_paths.compute())
    assert any(f"the postdoc has {gap['postdoc_total']} papers to your {gap['your_total']}" in t for t in texts)
    assert any(f"{paths['faculty_from_industry']} of people starting in industry" in t for t in texts)
    raw_reasons = [text for r in RAW["recommendations"] for text in r["reasons"]]
    assert any("{publication-gap.postdoc_total}" in text for text in raw_reasons)  # glued, not typed


def test_an_unknown_worked_number_is_refused():
    broken = copy.deepcopy(RAW)
    broken["intro"] = "After {publication-gap.no_such_output} years"
    with pytest.raises(GuideError, match=r"no calculator number \{publication-gap.no_such_output\}"):
        parse_guide("broken", broken)
