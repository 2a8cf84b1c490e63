"""widgets.evidence, the chart helpers in widgets.book and the appendix generator.

The derived rows in data/ were computed by hand when the data was curated; here the
notebooks' own arithmetic must agree with them.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from figure_renderer import figure_table

from widgets import appendix, evidence
from widgets.calculators import CALCULATORS
from widgets.chart_style import add_menu, labels_above_bars
from widgets.data import DATASETS, load, provenance_for


def as_json(figure: go.Figure) -> dict:
    return json.loads(pio.to_json(figure))


# --- the evidence numbers --------------------------------------------------------------


def test_tenure_track_product_matches_the_derived_row():
    inputs = evidence.tenure_track_inputs(evidence.CS)
    assert inputs["percent"].tolist() == [62.3, 19.8, 58.2]  # SOURCES.md [D]: 0.623 x 0.198 x 0.582
    published = evidence.fact(load("supply_demand"), "tenure-track faculty straight from the PhD")
    assert evidence.tenure_track_share(evidence.CS) == pytest.approx(published, abs=0.05)
    assert inputs["cumulative_percent"].is_monotonic_decreasing


def test_faculty_flows_match_the_derived_rows():
    flows = evidence.faculty_flows().set_index("direction")
    derived = load("cs_faculty_flows").query("verification == 'derived'")
    year = evidence.faculty_flow_year()
    assert set(derived["year_start"]) == {year}
    assert round(flows.loc["Hired from industry", "people_about"]) == evidence.fact(
        derived, "new faculty hires from industry (estimate)"
    )
    assert round(flows.loc["Left for nonacademic jobs", "people_about"]) == evidence.fact(
        derived, "faculty departures to nonacademic roles (estimate)"
    )
    assert flows["count"].tolist() == [915, 405]
    assert flows["percent"].tolist() == [7, 16.3]


def test_ai_phd_shares_leave_out_unknown_destinations():
    shares = evidence.ai_phd_shares()
    assert list(shares.columns) == list(evidence.AI_SECTORS)
    assert (shares.sum(axis=1) < 100).all()  # the rest went to other or unknown destinations
    assert shares.loc[2020, "industry"] == 60.24


def test_the_2020_ai_phd_figures_agree_on_known_destinations():
    """The AI Index's 60.24 % counts every new AI PhD; Ahmed et al.'s secondary "about 70 %"
    gives no denominator. ai_phds.md says the two agree once unknown destinations are left out."""
    study = load("flows_and_interest").query("measure == 'new AI PhDs taking industry jobs'").set_index("year_start")
    assert set(study["verification"]) == {"secondary"} and study.loc[2020, "qualifier"] == "about"
    assert "denominator" in study.loc[2020, "population"]
    known = evidence.ai_industry_share_of_known(2020)
    assert known > evidence.ai_phd_shares().loc[2020, "industry"]
    assert abs(known - study.loc[2020, "value"]) < 1


def test_known_destination_share_needs_all_three_sectors():
    with pytest.raises(KeyError, match="2011"):
        evidence.ai_industry_share_of_known(2011)  # no government share that year
    with pytest.raises(KeyError, match="1990"):
        evidence.ai_industry_share_of_known(1990)


def test_phd_entry_counts_add_up_to_the_commitments():
    counts = evidence.phd_entry_counts(evidence.CIS, 2023)
    assert counts["us_commitments"].unique().tolist() == [1385]
    assert abs(counts["people_about"].sum() - 1385) <= len(counts)  # rounding, one person a row at most


def test_every_menu_field_has_destinations():
    for field in evidence.FIELD_LABELS:
        shares = evidence.destination_shares(field)
        assert shares.index.tolist() == evidence.destination_years()
        assert shares.notna().any().all()


def test_unknown_lookups_name_what_is_missing():
    with pytest.raises(KeyError, match="no destinations for field 'Astrology'"):
        evidence.destination_shares("Astrology")
    with pytest.raises(KeyError, match="expected one row"):
        evidence.fact(load("cs_faculty_flows"), "new hires from industry")  # several years
    with pytest.raises(KeyError, match="Computer and information sciences / other_or_unknown"):
        evidence.salaries([evidence.CIS], ["other_or_unknown"])


def test_salaries_are_whole_dollars():
    table = evidence.salaries([evidence.CIS], ["academe", "industry_or_business"])
    assert table.loc[evidence.CIS].tolist() == [100000, 170000]


@pytest.mark.parametrize(
    ("function", "value", "text"),
    [
        (evidence.percent_text, 70.3, "70.3 %"),
        (evidence.count_text, 1385, "1,385"),
        (evidence.dollars_text, 170000, "170,000 dollars"),
        (evidence.ratio_text, 3.254, "3.3"),
        (evidence.percent_text, 19.95, "20.0 %"),  # half up on the written digits, not the binary float
        (evidence.count_text, 64.5, "65"),
    ],
)
def test_prose_formats(function, value, text):
    assert function(value) == text


# --- chart helpers ------------------------------------------------------------------------


def menu_figure() -> go.Figure:
    figure = go.Figure()
    for option in ("A", "B"):
        for series in ("one", "two"):
            figure.add_scatter(x=[2000, 2001], y=[len(option + series), 1.5], name=series)
    return add_menu(figure, ["A", "A", "B", "B"], active="B")


def test_menu_buttons_show_one_option_each():
    figure = menu_figure()
    assert [trace.visible for trace in figure.data] == [False, False, True, True]
    (menu,) = figure.layout.updatemenus
    assert menu.active == 1
    masks = {button.label: button.args[0]["visible"] for button in menu.buttons}
    assert masks == {"A": [True, True, False, False], "B": [False, False, True, True]}
    assert all(button.method == "update" for button in menu.buttons)


def test_menu_rejects_mismatched_options():
    with pytest.raises(ValueError, match="option_of_trace has 1 entries for 2 traces"):
        add_menu(go.Figure([go.Scatter(x=[1], y=[1]), go.Scatter(x=[1], y=[1])]), ["A"], active="A")
    with pytest.raises(ValueError, match="active must be one of"):
        add_menu(go.Figure([go.Scatter(x=[1], y=[1])]), ["A"], active="Z")


def test_table_lists_the_opening_choice_only():
    table = figure_table(as_json(menu_figure()))
    assert "<caption>Numbers for: B</caption>" in table
    assert table.count('<th scope="col">') == 3  # x, one, two: the hidden traces are left out
    assert "<td>4</td>" in table and "<td>3</td>" not in table  # B's values, not A's


def test_table_keys_horizontal_bars_by_category():
    figure = go.Figure(go.Bar(x=[100000, 170000], y=["Academe", "Industry"], orientation="h", name="Median"))
    figure.update_layout(yaxis_title="Sector", xaxis_title="Dollars")
    table = figure_table(as_json(figure))
    assert '<th scope="col">Sector</th>' in table
    assert '<th scope="row">Academe</th><td>100,000</td>' in table


def test_labels_above_bars_label_every_category_once():
    figure = go.Figure()
    figure.add_bar(x=[1, 2], y=["first", "second"], orientation="h")
    figure.add_bar(x=[3, 4], y=["first", "second"], orientation="h")
    labels_above_bars(figure)
    assert [a.text for a in figure.layout.annotations] == ["first", "second"]
    assert figure.layout.yaxis.showticklabels is False
    tops = [a.y for a in figure.layout.annotations]
    assert tops[0] < 0 < tops[1] < 1  # just above each category's bars (the axis runs downwards)


# --- the appendix ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_every_dataset_is_described(name):
    description = appendix.readme_section(name)
    assert len(description) > 100
    entry = appendix.dataset_html(name)
    for source in provenance_for(name).itertuples():
        assert source.url.replace("&", "&amp;") in entry
    for column in load(name).columns:
        assert f'<th scope="row">{column}</th>' in entry


def test_readme_section_includes_its_parents_text():
    readme = (
        "## Group of `x.csv` and `w.csv`\n\nShared words.\n\n| a | b |\n|---|---|\n\n"
        "### `x.csv`\n\nOwn words.\n\n## `y.csv`\n\nOther."
    )
    assert appendix.readme_section("x", readme) == "Shared words.\n\n| a | b |\n|---|---|\n\nOwn words."
    assert appendix.readme_section("y", readme) == "Other."
    assert appendix.readme_section("w", readme).startswith("Shared words.")  # only the group names it
    with pytest.raises(KeyError, match="`z.csv`"):
        appendix.readme_section("z", readme)


def test_fact_tables_get_their_own_limits():
    assert "Limits:" in appendix.readme_section("cs_faculty_flows")
    assert "Larson et al. (2014) R0" in appendix.readme_section("supply_demand")


@pytest.mark.parametrize("calculator_id", CALCULATORS)
def test_every_calculator_is_described(calculator_id):
    model = CALCULATORS[calculator_id]
    entry = appendix.calculator_html(calculator_id, model)
    for parameter in model.PARAMETERS:
        assert f"<dt><code>{parameter.name}</code>" in entry
        assert parameter.range_text().replace("'", "&#x27;") in entry
    for name in model.OUTPUT_LABELS:
        assert f'<th scope="row">{name}</th>' in entry
    assert "ows-docstring" in entry


def test_for_display_shows_a_dash_for_missing_cells():
    supply = evidence.for_display(load("supply_demand"))
    r0 = supply[supply["measure"] == "R0: PhDs a professor graduates over a career"].iloc[0]
    assert r0["year_start"] == "–" and r0["value"] == 7.8
    assert "<NA>" not in supply.to_html() and "NaN" not in supply.to_html()
