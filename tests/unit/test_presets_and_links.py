"""Presets and share links, on the Python side: every preset is a valid full scenario, the
widgets apply presets and reset as the page does, and links are written as the JS reads them."""

from __future__ import annotations

import pytest

from widgets.calculators import CALCULATORS
from widgets.career_paths.widget import CareerPaths
from widgets.parameters import validate_all
from widgets.publication_gap import model as publication_gap
from widgets.publication_gap.widget import PublicationGap
from widgets.recruiter_questions.widget import RecruiterQuestions
from widgets.share_link import fragment_for

PRESETS = [(cid, preset) for cid, model in CALCULATORS.items() for preset in model.PRESETS]


@pytest.mark.parametrize(("calculator_id", "preset"), PRESETS, ids=[f"{c}.{p.id}" for c, p in PRESETS])
def test_every_preset_sets_every_input_to_a_valid_value_and_says_where_it_comes_from(calculator_id, preset):
    model = CALCULATORS[calculator_id]
    assert set(preset.values) == {p.name for p in model.PARAMETERS}
    values = validate_all(model.PARAMETERS, preset.values)
    getattr(model, "check", lambda v: None)(values)
    assert preset.label and len(preset.note) > 20
    assert preset.values != model.DEFAULTS or preset.field  # a field's preset may be the defaults


def test_field_presets_exist_only_where_data_exists():
    for model in CALCULATORS.values():
        fields = {preset.field for preset in model.PRESETS if preset.field}
        assert not fields & set(model.NO_DATA_FIELDS)
    assert publication_gap.NO_DATA_FIELDS and "Engineering" in publication_gap.NO_DATA_FIELDS


@pytest.mark.parametrize("widget_class", [PublicationGap, CareerPaths, RecruiterQuestions])
def test_widgets_apply_presets_and_reset(widget_class):
    widget = widget_class()
    model = widget.calculator_model
    for preset in model.PRESETS:
        widget.use_preset(preset.id)
        assert widget.inputs == validate_all(model.PARAMETERS, preset.values)
        assert widget.outputs == {name: getattr(model.compute(**preset.values), name) for name in model.OUTPUTS}
    widget.reset()
    assert widget.inputs == model.DEFAULTS
    with pytest.raises(ValueError, match="preset must be one of"):
        widget.use_preset("no-such-preset")


def test_links_are_written_as_the_page_reads_them():
    scenario = {"years": 5, "papers_at_phd": 0, "industry_rate": 1.5, "postdoc_rate": 2.0, "half_life": 0.5}
    assert (
        fragment_for("publication-gap", scenario) == "#pg:years=5&papers_at_phd=0&industry_rate=1.5&postdoc_rate=2&half_life=0.5"
    )
    assert fragment_for("recruiter-questions", {"review_counts_papers": "no"}, "Lab & co") == (
        "#rq:name=Lab%20%26%20co&review_counts_papers=no"
    )
    with pytest.raises(ValueError, match="years must be"):
        fragment_for("publication-gap", {"years": 99})
