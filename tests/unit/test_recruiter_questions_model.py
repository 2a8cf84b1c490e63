"""The recruiter-questions scorecard: scoring rule, properties, red flags, validation, DataFrame."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.parameters import Choice
from widgets.recruiter_questions import model
from widgets.recruiter_questions.share_link import fragment_for

QUESTIONS = {p.name: p for p in model.PARAMETERS}
NO_REVIEW_FLAG = "Publications do not count in reviews, promotion or salary."


def answer_values(name: str) -> st.SearchStrategy:
    """Every valid answer to one question (not None)."""
    p = QUESTIONS[name]
    if isinstance(p, Choice):
        return st.sampled_from(p.values())
    if p.integer:
        return st.integers(int(p.minimum), int(p.maximum))
    return st.floats(p.minimum, p.maximum, allow_nan=False)


answers = st.fixed_dictionaries({name: st.none() | answer_values(name) for name in QUESTIONS})


def favourability(name: str, answer) -> float:
    """Order of answers, larger is more favourable, written independently of the model."""
    p = QUESTIONS[name]
    return -p.rank(answer) if isinstance(p, Choice) else answer


def test_weights_add_up_to_100_and_the_deciding_question_weighs_most():
    weights = {name: rule.weight for name, rule in model.RULES.items()}
    assert sum(weights.values()) == model.TOTAL_POINTS == 100
    assert max(weights, key=weights.get) == model.DECIDING_QUESTION
    assert set(model.RULES) == set(QUESTIONS)
    # A "no" to the deciding question alone keeps a perfect offer out of the top band.
    capped = model.compute(**{**model.BEST, "review_counts_papers": "no"})
    assert capped.score == 100 - weights[model.DECIDING_QUESTION] < model.BANDS[0][1]
    assert capped.band == "mixed"


def test_every_rule_has_a_reason_and_numbers_have_a_full_points_answer():
    for name, rule in model.RULES.items():
        assert rule.reason and rule.short
        assert (rule.full_at is None) == isinstance(QUESTIONS[name], Choice)


def test_nothing_answered_has_no_score():
    result = model.compute()
    assert result.score is None and result.band == "none" and result.red_flags == ()
    assert result.unknown_count == 8 and result.points == (None,) * 8
    assert model.format_outputs(result) == {
        "score": "n/a",
        "verdict": "No answers yet. All 8 questions are unknown.",
        "red_flags": "Nothing flagged yet: no questions answered.",
    }


def test_scoring_rule_by_hand():
    # Review "informally": half of 35; research time 40 %: 40 % of 10; review rarely delays: all of 5.
    result = model.compute(review_counts_papers="informally", research_time=40, prepub_review="rarely")
    assert result.points_earned == pytest.approx(17.5 + 4 + 5)
    assert result.points_possible == 35 + 10 + 5
    assert result.score == pytest.approx(100 * 26.5 / 50)
    assert result.band == "mixed" and result.unknown_count == 5 and result.red_flags == ()
    assert model.format_outputs(result)["score"] == "53"
    assert "5 of 8 questions are unknown." in result.verdict


def test_counts_earn_points_up_to_their_threshold():
    assert model.compute(median_papers=1).score == pytest.approx(50)
    assert model.compute(median_papers=model.MEDIAN_PAPERS_FULL_AT).score == 100
    assert model.compute(median_papers=20).score == 100
    assert model.compute(left_for_faculty=1).score == pytest.approx(100 / 3)


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        ({"review_counts_papers": "explicitly", "fixed_term": "no", "academic_ties": "no"}, "strong"),  # 70
        ({"review_counts_papers": "informally", "fixed_term": "no", "academic_ties": "partly"}, "mixed"),  # 40
        (model.EDGE_CASES[-3], "strong"),  # 69.5 rounds to 70
        (model.EDGE_CASES[-2], "mixed"),  # 39.5 rounds to 40
        ({"review_counts_papers": "no"}, "weak"),
        ({**model.BEST, "review_counts_papers": None}, "mixed"),  # top score, deciding question unknown
    ],
)
def test_verdict_bands_use_the_rounded_score(answers, band):
    result = model.compute(**answers)
    assert result.band == band
    words = dict((b, w) for b, _, w in model.BANDS)[band]
    assert result.verdict.startswith(words)


@pytest.mark.parametrize(
    ("unknown", "sentence"),
    [
        (0, "All 8 questions answered."),
        (1, "1 of 8 questions is unknown."),
        (3, "3 of 8 questions are unknown."),
        (8, "All 8 questions are unknown."),
    ],
)
def test_the_verdict_counts_unknown_questions_in_words(unknown, sentence):
    assert model.unknown_sentence(unknown) == sentence


def test_the_verdict_says_when_the_deciding_question_is_unknown():
    assert model.DECIDING_UNKNOWN in model.compute(research_time=100).verdict
    assert model.DECIDING_UNKNOWN not in model.compute(review_counts_papers="no").verdict


@settings(deadline=None)  # properties, not timings: the machine is shared
@given(answers, st.sampled_from(sorted(QUESTIONS)), st.data())
def test_a_more_favourable_answer_never_lowers_the_score(v, name, data):
    a, b = data.draw(answer_values(name)), data.draw(answer_values(name))
    worse, better = sorted([a, b], key=lambda x: favourability(name, x))
    low, high = model.compute(**{**v, name: worse}), model.compute(**{**v, name: better})
    assert high.score >= low.score - 1e-12
    ranks = {"weak": 0, "mixed": 1, "strong": 2}
    assert ranks[high.band] >= ranks[low.band]
    assert len(high.red_flags) <= len(low.red_flags)


@settings(deadline=None)  # properties, not timings: the machine is shared
@given(answers)
def test_unknown_answers_count_neither_for_nor_against(v):
    result = model.compute(**v)
    answered = [name for name in QUESTIONS if v[name] is not None]
    assert result.unknown_count == 8 - len(answered)
    assert model.unknown_sentence(result.unknown_count) in result.verdict
    if not answered:
        assert result.score is None
        return
    possible = sum(model.RULES[name].weight for name in answered)
    assert result.points_possible == possible
    assert result.score == pytest.approx(100 * sum(p for p in result.points if p is not None) / possible)
    # An unknown question is neutral: the score lies between its worst and best answer.
    for name in QUESTIONS:
        if v[name] is None:
            worst = model.compute(**{**v, name: model.WORST[name]}).score
            best = model.compute(**{**v, name: model.BEST[name]}).score
            assert worst - 1e-9 <= result.score <= best + 1e-9, name


@settings(deadline=None)  # properties, not timings: the machine is shared
@given(answers)
def test_score_is_between_0_and_100_and_printed_without_nan(v):
    result = model.compute(**v)
    if result.score is not None:
        assert 0 <= result.score <= 100
        assert 0 <= int(model.format_outputs(result)["score"]) <= 100
    for p, points in zip(model.PARAMETERS, result.points):
        assert points is None or 0 <= points <= model.RULES[p.name].weight
        assert points is None or math.isfinite(points)
    for text in model.format_outputs(result).values():
        assert text and not any(bad in text for bad in ("nan", "NaN", "inf", "None", "null", "undefined"))


@settings(deadline=None)  # properties, not timings: the machine is shared
@given(answers)
def test_red_flags_follow_the_quarter_rule(v):
    result = model.compute(**v)
    assert (NO_REVIEW_FLAG in result.red_flags) == (v["review_counts_papers"] == "no")
    expected = {
        rule.red_flag
        for (name, rule), points in zip(model.RULES.items(), result.points)
        if points is not None and rule.red_flag and points < rule.weight * model.RED_FLAG_SHARE
    }
    assert set(result.red_flags) == expected
    if NO_REVIEW_FLAG in result.red_flags:
        assert result.red_flags[0] == NO_REVIEW_FLAG  # the heaviest question comes first


def test_a_permanent_post_is_not_a_red_flag():
    assert model.compute(fixed_term="no").red_flags == ()


@pytest.mark.parametrize(
    ("name", "bad", "allowed"),
    [
        ("review_counts_papers", "maybe", "one of 'explicitly', 'informally' or 'no'"),
        ("review_counts_papers", "No", "one of 'explicitly', 'informally' or 'no'"),
        ("prepub_review", 1, "one of 'rarely', 'sometimes' or 'often'"),
        ("fixed_term", True, "one of 'yes' or 'no'"),
        ("academic_ties", "", "one of 'yes', 'partly' or 'no'"),
        ("published_last_year", 101, "a number from 0 to 100"),
        ("published_last_year", -1, "a number from 0 to 100"),
        ("median_papers", float("nan"), "a number from 0 to 20"),
        ("research_time", "20", "a number from 0 to 100"),
        ("left_for_faculty", 1.5, "a whole number from 0 to 50"),
        ("left_for_faculty", float("inf"), "a whole number from 0 to 50"),
    ],
)
def test_bad_answers_raise_naming_the_question_and_the_allowed_answers(name, bad, allowed):
    with pytest.raises(ValueError) as error:
        model.compute(**{name: bad})
    assert name in str(error.value) and allowed in str(error.value) and "None for unknown" in str(error.value)


def test_unknown_question_raises():
    with pytest.raises(ValueError, match="unknown parameter"):
        model.compute(review_counts_paper="no")


def test_a_choice_needs_distinct_answers_and_a_valid_default():
    answers = QUESTIONS["fixed_term"].answers
    with pytest.raises(ValueError, match="distinct"):
        Choice("x", "X?", (answers[0], answers[0]))
    with pytest.raises(ValueError, match="default"):
        Choice("x", "X?", answers, default="perhaps")


@settings(deadline=None)  # properties, not timings: the machine is shared
@given(answers)
def test_frame_has_one_row_per_question_and_matches_compute(v):
    frame = model.to_frame(**v)
    result = model.compute(**v)
    assert list(frame.index) == list(QUESTIONS)
    assert frame["max_points"].sum() == 100
    assert frame["points"].sum() == pytest.approx(result.points_earned)  # NaN (unknown) is skipped
    assert frame.loc[frame["counted"], "max_points"].sum() == result.points_possible
    assert (frame.loc[~frame["counted"], "answer"] == "unknown").all()


def test_answers_read_as_people_write_them():
    assert model.format_answer("research_time", 20) == "20% of working time"
    assert model.format_answer("median_papers", 1.5) == "1.5 papers a year"
    assert model.format_answer("median_papers", 1) == "1 paper a year"
    assert model.format_answer("left_for_faculty", 1) == "1"
    assert model.format_answer("review_counts_papers", "informally") == "Informally"
    assert model.format_answer("fixed_term", None) == "unknown"


def test_share_links_list_known_answers_in_question_order():
    link = fragment_for({"research_time": 20, "review_counts_papers": "no", "median_papers": 0.5}, "A & B <lab>")
    assert link == "#rq:name=A%20%26%20B%20%3Clab%3E&median_papers=0.5&review_counts_papers=no&research_time=20"
    assert fragment_for({}) == "#rq:"
    with pytest.raises(ValueError, match="research_time"):
        fragment_for({"research_time": 200})
