"""Tests for data/ and widgets.data: the data package, provenance, ranges and spot values.

Spot values are copied from /work/shared/SOURCES.md (the project's verified facts);
if one of these fails, the CSV and SOURCES.md disagree and one of them is wrong.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.data import (
    DATA_DIR,
    DATASETS,
    DESCRIPTOR,
    PACKAGE_FILE,
    SCHEMAS,
    VALIDATED_ENV,
    VERIFICATION_LEVELS,
    DataError,
    ForeignKey,
    fingerprint,
    load,
    load_provenance,
    provenance_for,
    validate,
)

CIS = "Computer and information sciences"
PROVENANCE_COLUMNS = ["source_id", "dataset", "source_title", "table_or_figure", "year", "url", "verification", "notes"]


def value_of(frame: pd.DataFrame, **where: object) -> object:
    """The single 'value'-like cell of the one row matching all conditions."""
    mask = pd.Series(True, index=frame.index)
    for column, wanted in where.items():
        mask &= frame[column] == wanted
    rows = frame[mask]
    assert len(rows) == 1, f"expected one row for {where}, found {len(rows)}"
    return rows.iloc[0]


# --- every file loads and matches its schema ------------------------------------


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_file_loads_with_schema_columns(name: str) -> None:
    frame = load(name)
    assert list(frame.columns) == SCHEMAS[name].names
    assert len(frame) > 0


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_header_matches_schema_exactly(name: str) -> None:
    with (DATA_DIR / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == SCHEMAS[name].names


def test_provenance_has_the_required_columns() -> None:
    assert SCHEMAS["provenance"].names == PROVENANCE_COLUMNS


def test_load_accepts_csv_suffix_and_rejects_unknown_names() -> None:
    assert len(load("sed_destinations.csv")) == len(load("sed_destinations"))
    with pytest.raises(KeyError):
        load("no_such_dataset")


def test_every_data_file_has_a_schema() -> None:
    on_disk = {path.stem for path in DATA_DIR.glob("*.csv")}
    assert on_disk == set(SCHEMAS)


# --- the data package -----------------------------------------------------------------


def test_every_csv_in_data_is_a_resource_of_the_package() -> None:
    on_disk = {path.name for path in DATA_DIR.glob("*.csv")}
    assert on_disk == {resource["path"] for resource in DESCRIPTOR["resources"]}
    assert {resource["name"] for resource in DESCRIPTOR["resources"]} == set(SCHEMAS)


def test_the_package_validates_as_a_whole() -> None:
    # What `frictionless validate data/datapackage.json` does: the descriptor, every file's
    # types and constraints, primary keys and foreign keys.
    from frictionless import validate as frictionless_validate

    report = frictionless_validate(str(PACKAGE_FILE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(SCHEMAS)
    # ...and the book's own rules on top (widgets.data_checks) hold for every file.
    assert validate(data_dir=DATA_DIR) == fingerprint(DATA_DIR)


@pytest.mark.parametrize("name", DATASETS)
def test_every_data_row_must_cite_its_source_in_provenance(name: str) -> None:
    schema = SCHEMAS[name]
    assert ForeignKey(("source_id",), "provenance", ("source_id",)) in schema.foreign_keys
    if "verification" in schema.names:  # and may not claim another verification than its source
        pair = ("source_id", "verification")
        assert ForeignKey(pair, "provenance", pair) in schema.foreign_keys


def test_reading_data_does_not_import_frictionless() -> None:
    # Notebooks import widgets.data; frictionless costs about a second to import.
    code = "import sys, widgets.data, widgets.evidence; print('frictionless' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_files_the_build_checked_are_not_checked_again(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = fingerprint(broken)
    set_cell(broken, "sed_destinations", 3, "percent", "100.5")
    # The build vouched for other bytes: these are checked, and refused.
    monkeypatch.setenv(VALIDATED_ENV, checked)
    with pytest.raises(DataError, match=r"^sed_destinations\.csv, line 3, column 'percent'"):
        load("sed_destinations", data_dir=broken)
    # Had the build checked exactly these bytes, a kernel it started would trust them.
    monkeypatch.setenv(VALIDATED_ENV, fingerprint(broken))
    assert load("sed_destinations", data_dir=broken)["percent"].max() == 100.5


def test_the_build_stops_at_a_bad_file_and_vouches_for_good_ones(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import data_package  # the build's hook (_ext/)
    from sphinx.errors import ExtensionError

    import widgets.data

    monkeypatch.setattr(widgets.data, "DATA_DIR", broken)
    monkeypatch.setenv(VALIDATED_ENV, "")  # restored after the test; the hook sets it
    data_package.check_data(None)
    assert os.environ[VALIDATED_ENV] == fingerprint(broken)
    set_cell(broken, "sed_doctorates", 4, "doctorate_recipients", "many")
    with pytest.raises(ExtensionError, match=r"sed_doctorates\.csv, line 4, column 'doctorate_recipients': 'many'"):
        data_package.check_data(None)


def test_every_problem_is_listed_first_line_first(broken: Path) -> None:
    set_cell(broken, "sed_destinations", 20, "percent", "abc")
    set_cell(broken, "sed_destinations", 4, "sector", "academia")
    with pytest.raises(DataError) as error:
        load("sed_destinations", data_dir=broken)
    lines = str(error.value).splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        "sed_destinations.csv, line 4, column 'sector'",
        "sed_destinations.csv, line 20, column 'percent'",
    ]


# --- provenance -------------------------------------------------------------------


def sources_used() -> dict[str, set[str]]:
    """source_id -> the datasets whose rows cite it."""
    used: dict[str, set[str]] = {}
    for name in DATASETS:
        for source_id in load(name)["source_id"]:
            used.setdefault(source_id, set()).add(name)
    return used


@pytest.mark.parametrize("name", DATASETS)
def test_every_source_id_is_in_provenance(name: str) -> None:
    known = set(load_provenance()["source_id"])
    assert set(load(name)["source_id"]) <= known


def test_every_provenance_row_is_used() -> None:
    assert set(load_provenance()["source_id"]) == set(sources_used())


def test_provenance_dataset_column_lists_the_datasets_that_use_it() -> None:
    used = sources_used()
    for row in load_provenance().itertuples():
        assert set(row.dataset.split(";")) == used[row.source_id], row.source_id


def test_verification_values_are_legal() -> None:
    assert set(load_provenance()["verification"]) <= set(VERIFICATION_LEVELS)
    for name in DATASETS:
        frame = load(name)
        if "verification" in frame:
            assert set(frame["verification"]) <= set(VERIFICATION_LEVELS), name


def test_provenance_urls_look_like_urls() -> None:
    for url in load_provenance()["url"]:
        assert url.startswith(("http://", "https://")), url


def test_provenance_for_returns_the_sources_of_a_dataset() -> None:
    rows = provenance_for("cs_faculty_flows")
    assert set(rows["source_id"]) == set(load("cs_faculty_flows")["source_id"])
    assert set(provenance_for("sed_destinations")["source_id"]) == {"sed_2023_table_2_6"}


@pytest.mark.parametrize("name", DATASETS)
def test_values_from_secondary_sources_are_marked_secondary(name: str) -> None:
    levels = dict(zip(load_provenance()["source_id"], load_provenance()["verification"]))
    frame = load(name)
    from_secondary = frame["source_id"].map(levels) == "secondary"
    if from_secondary.any():
        assert "verification" in frame, f"{name} uses a secondary source but has no verification column"
        assert (frame.loc[from_secondary, "verification"] == "secondary").all()


def test_all_ai_phd_destinations_rows_are_secondary() -> None:
    frame = load("ai_phd_destinations")
    assert (frame["verification"] == "secondary").all()
    assert set(provenance_for("ai_phd_destinations")["verification"]) == {"secondary"}


def test_conflicting_77_percent_peak_is_not_included() -> None:
    frame = load("ai_phd_destinations")
    assert not (frame["percent"] == 77).any()
    assert not frame["notes"].fillna("").str.contains("77").any()


# --- ranges -------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_loaded_values_respect_the_declared_constraints(name: str) -> None:
    schema, frame = SCHEMAS[name], load(name)
    for field in schema.fields:
        values = frame[field.name].dropna()
        if not field.nullable:
            assert len(values) == len(frame), field.name
        if "minimum" in field.constraints:
            assert (values >= field.constraints["minimum"]).all(), field.name
        if "maximum" in field.constraints:
            assert (values <= field.constraints["maximum"]).all(), field.name
        if "enum" in field.constraints:
            assert set(values) <= set(field.constraints["enum"]), field.name
        if field.type == "integer":
            assert pd.api.types.is_integer_dtype(frame[field.name]), field.name


@pytest.mark.parametrize("name", [name for name in SCHEMAS if {"value", "unit"} <= set(SCHEMAS[name].names)])
def test_values_respect_their_unit(name: str) -> None:
    frame = load(name)
    assert frame.loc[frame["unit"] == "percent", "value"].between(0, 100).all()
    counts = frame.loc[frame["unit"] == "count", "value"]
    assert ((counts >= 0) & (counts == counts.round())).all()


# --- internal consistency of the SED tables -----------------------------------------


def test_sed_destination_sectors_sum_to_100() -> None:
    frame = load("sed_destinations")
    groups = frame.groupby(["field", "year"])["percent"].agg(["sum", "count"])
    # The extract has no nonprofit or other/unknown share for Mathematics and
    # statistics in 1993 (the cells are absent in the source copy), so its three
    # sectors sum to less than 100. Check only field-years with all five sectors,
    # and pin down that this is the only incomplete one.
    complete = groups[groups["count"] == 5]
    assert list(groups[groups["count"] != 5].index) == [("Mathematics and statistics", 1993)]
    assert ((complete["sum"] - 100).abs() <= 0.2).all(), complete[(complete["sum"] - 100).abs() > 0.2]


def test_sed_plan_and_commitment_shares_are_complementary() -> None:
    doctorates = load("sed_doctorates")
    total = doctorates["definite_commitment_percent"] + doctorates["no_definite_commitment_percent"]
    assert ((total - 100).abs() <= 0.2).all()
    plans = load("sed_postdoc_share")
    assert (((plans["employment_percent"] + plans["postdoc_percent"]) - 100).abs() <= 0.2).all()


def test_cis_plan_breakdowns_sum_to_100() -> None:
    frame = load("sed_cis_plans_2023")
    # Only these breakdowns partition their parent. tenure_status leaves out an
    # unknown remainder, us_region rows are shares of everyone with a location (they
    # sum to about the United States share, not to 100), and activity_unknown and
    # same_state are single rows.
    partitions = ["status", "postdoc_type", "employment_sector", "primary_activity", "secondary_activity", "location"]
    sums = frame[frame["group"].isin(partitions)].groupby(["field", "group"])["percent"].sum()
    assert len(sums) == 2 * len(partitions)
    assert ((sums - 100).abs() <= 0.2).all(), sums


# --- spot values against SOURCES.md ---------------------------------------------------


def test_spot_values_sed_destinations() -> None:
    frame = load("sed_destinations")
    cis_2023 = frame[(frame["field"] == CIS) & (frame["year"] == 2023)].set_index("sector")["percent"]
    assert cis_2023["industry_or_business"] == 70.3
    assert cis_2023["academe"] == 21.6
    assert value_of(frame, field=CIS, year=1993, sector="academe")["percent"] == 46.9
    assert value_of(frame, field=CIS, year=2023, sector="academe")["us_employment_commitments"] == 1385
    assert value_of(frame, field="All S&E", year=2023, sector="industry_or_business")["percent"] == 59.9
    assert value_of(frame, field="Engineering", year=2023, sector="academe")["percent"] == 9.7
    assert value_of(frame, field="Mathematics and statistics", year=1993, sector="academe")["percent"] == 73.8
    assert value_of(frame, field="Mathematics and statistics", year=2023, sector="industry_or_business")["percent"] == 62.7


def test_spot_values_sed_postdoc_share_and_doctorates() -> None:
    plans = load("sed_postdoc_share")
    cis = plans[plans["field"] == CIS].sort_values("year")["postdoc_percent"].tolist()
    assert cis == [16.0, 14.2, 21.2, 25.3, 23.2, 19.1, 20.6]
    all_se = plans[plans["field"] == "All S&E"].sort_values("year")["postdoc_percent"].tolist()
    assert all_se == [42.2, 39.8, 45.6, 47.2, 48.8, 46.1, 41.9]
    doctorates = load("sed_doctorates")
    counts = doctorates[doctorates["field"] == CIS].sort_values("year")["doctorate_recipients"].tolist()
    assert counts == [880, 927, 866, 1787, 1843, 2000, 2687]


def test_spot_values_cis_plans_and_salaries() -> None:
    plans = load("sed_cis_plans_2023")
    assert value_of(plans, field="Computer science", category="Definite employment plans")["n_reporting"] == 1436
    assert value_of(plans, field=CIS, category="Industry or business")["percent"] == 69.5
    assert value_of(plans, field="Computer science", category="In tenure track faculty position")["percent"] == 58.2
    salaries = load("sed_salaries_2023")
    assert value_of(salaries, field=CIS, sector="industry_or_business")["median_salary_usd"] == 170000
    assert value_of(salaries, field=CIS, sector="academe")["median_salary_usd"] == 100000
    assert value_of(salaries, field="Science and engineering", sector="academe")["median_salary_usd"] == 75000


def test_spot_values_secondary_and_fact_tables() -> None:
    ai = load("ai_phd_destinations")
    assert value_of(ai, graduation_year=2011, sector="industry")["percent"] == 40.9
    assert value_of(ai, graduation_year=2024, sector="academia")["percent"] == 31.59
    supply = load("supply_demand")
    assert value_of(supply, source_id="larson_2014_r0", unit="ratio")["value"] == 7.8
    assert value_of(supply, measure="advertised tenure-track positions")["value"] == 865
    taulbee = load("taulbee_destinations")
    assert value_of(taulbee, measure="new PhDs going straight to industry", year_start=2009)["value"] == 755
    flows = load("flows_and_interest")
    moved = value_of(flows, measure="AI researchers moving from universities to companies")
    assert (moved["value"], moved["qualifier"]) == (400, "more than")


def test_derived_values_follow_from_their_inputs() -> None:
    plans = load("sed_cis_plans_2023")
    cs = plans[plans["field"] == "Computer science"].set_index("category")["percent"]
    share = cs["Definite employment plans"] * cs["Academe"] * cs["In tenure track faculty position"] / 100**2
    derived = value_of(load("supply_demand"), source_id="derived_cs_tt_from_phd_2023")["value"]
    assert round(share, 1) == derived == 7.2

    flows = load("cs_faculty_flows")
    hires = value_of(flows, measure="new faculty hires", year_start=2022)["value"]
    from_industry = value_of(flows, measure="new hires from industry", year_start=2022)["value"]
    departures = value_of(flows, measure="faculty departures", year_start=2022)["value"]
    to_nonacademic = value_of(flows, measure="faculty departures to nonacademic roles", year_start=2022)["value"]
    estimates = flows[flows["verification"] == "derived"].set_index("measure")["value"]
    assert estimates["new faculty hires from industry (estimate)"] == round(hires * from_industry / 100)
    assert estimates["faculty departures to nonacademic roles (estimate)"] == round(departures * to_nonacademic / 100)


# --- malformed copies raise DataError naming file, line and column -------------------


def copy_data(target: Path) -> Path:
    """Copy data/*.csv into a scratch folder the test may break."""
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, target / path.name)
    return target


def rewrite(path: Path, edit) -> None:
    """Apply edit(rows) to a CSV's rows (header included) and write it back."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(folder: Path, name: str, line: int, column: str, text: str) -> None:
    """Overwrite one cell; ``line`` counts the header as line 1."""

    def edit(rows: list[list[str]]) -> None:
        rows[line - 1][rows[0].index(column)] = text

    rewrite(folder / f"{name}.csv", edit)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


@pytest.mark.parametrize(
    ("name", "line", "column", "text", "reason"),
    [
        ("sed_destinations", 14, "percent", "abc", "'abc' is not a number"),
        ("sed_destinations", 3, "percent", "100.5", "'100.5' is not a number from 0 to 100"),
        ("sed_destinations", 7, "percent", "-0.1", "is not a number from 0 to 100"),
        ("sed_destinations", 10, "percent", "NaN", "is not a number from 0 to 100"),
        ("sed_destinations", 9, "us_employment_commitments", "-5", "'-5' is not a whole number, 0 or more"),
        ("sed_salaries_2023", 4, "median_salary_usd", "1.5e3", "is not a whole number, 0 or more"),
        ("csrankings_by_academic_age", 5, "median_papers", "inf", "'inf' is not a finite number"),
        ("sed_doctorates", 4, "doctorate_recipients", "12.5", "'12.5' is not a whole number"),
        ("sed_destinations", 5, "source_id", "nowhere", "'nowhere' is not a source_id in provenance.csv"),
        ("sed_destinations", 6, "sector", "academia", "'academia' is not one of academe, industry_or_business,"),
        ("sed_destinations", 8, "field", "", "value is missing"),
        ("ai_phd_destinations", 2, "verification", "primary", "'primary', but provenance.csv marks source_id"),
        ("supply_demand", 3, "verification", "secondary", "provenance.csv marks source_id"),
        ("cs_faculty_flows", 6, "value", "140", "'140' is not a number from 0 to 100 (its unit is percent)"),
        ("cs_faculty_flows", 2, "value", "733.5", "is not a whole number, 0 or more (its unit is count)"),
        ("industry_programmes", 3, "value", "-1", "is not a number, 0 or more"),
        ("csrankings_by_academic_age", 3, "includes_zero_years", "maybe", "not True or False"),
        ("provenance", 4, "url", "ncses.nsf.gov/pubs/nsf24336", "'ncses.nsf.gov/pubs/nsf24336' is not a web address"),
        ("provenance", 2, "verification", "checked", "is not one of primary, secondary, derived"),
        ("provenance", 2, "dataset", "sed_destinations;nope", "'nope', which is not a known dataset"),
        (
            "provenance",
            3,
            "source_id",
            "sed_2023_table_2_1",
            "duplicate row for {'source_id': 'sed_2023_table_2_1'} (first on line 2)",
        ),
    ],
)
def test_malformed_cell_raises_data_error(broken: Path, name: str, line: int, column: str, text: str, reason: str) -> None:
    set_cell(broken, name, line, column, text)
    with pytest.raises(DataError) as error:
        load(name, data_dir=broken)
    message = str(error.value)
    assert message.startswith(f"{name}.csv, line {line}, column {column!r}: "), message
    assert reason in message


def test_missing_column_raises_data_error(broken: Path) -> None:
    def drop_percent(rows: list[list[str]]) -> None:
        index = rows[0].index("percent")
        for row in rows:
            del row[index]

    rewrite(broken / "sed_destinations.csv", drop_percent)
    with pytest.raises(DataError, match=r"^sed_destinations\.csv, line 1, column 'percent': missing from the header"):
        load("sed_destinations", data_dir=broken)


def test_unknown_extra_column_raises_data_error(broken: Path) -> None:
    def add_column(rows: list[list[str]]) -> None:
        for index, row in enumerate(rows):
            row.append("colour" if index == 0 else "blue")

    rewrite(broken / "sed_doctorates.csv", add_column)
    with pytest.raises(DataError, match=r"^sed_doctorates\.csv, line 1, column 'colour': is not in the schema"):
        load("sed_doctorates", data_dir=broken)


def test_short_row_raises_data_error(broken: Path) -> None:
    rewrite(broken / "sed_doctorates.csv", lambda rows: rows[4].pop())
    with pytest.raises(DataError, match=r"^sed_doctorates\.csv, line 5, column 'source_id': the row has 6 cells, the header 7"):
        load("sed_doctorates", data_dir=broken)


def test_duplicate_row_raises_data_error(broken: Path) -> None:
    rewrite(broken / "sed_postdoc_share.csv", lambda rows: rows.append(list(rows[3])))
    with pytest.raises(DataError, match=r"^sed_postdoc_share\.csv, line 51, column 'field': duplicate row.*line 4"):
        load("sed_postdoc_share", data_dir=broken)


def test_line_numbers_count_physical_lines_of_multiline_cells(broken: Path) -> None:
    # A quoted note that spans two lines pushes every later record down one line.
    set_cell(broken, "supply_demand", 2, "notes", "first line\nsecond line")
    set_cell(broken, "supply_demand", 4, "value", "oops")
    with pytest.raises(DataError, match=r"^supply_demand\.csv, line 5, column 'value': 'oops' is not a number"):
        load("supply_demand", data_dir=broken)


@settings(max_examples=25, deadline=None)
@given(
    st.one_of(
        st.floats(min_value=100, exclude_min=True, allow_infinity=False),
        st.floats(max_value=0, exclude_max=True, allow_infinity=False),
    ),
    st.integers(min_value=2, max_value=244),
)
def test_any_out_of_range_percentage_is_caught(bad: float, line: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name in ("provenance", "sed_destinations"):
            shutil.copy(DATA_DIR / f"{name}.csv", folder)
        set_cell(folder, "sed_destinations", line, "percent", repr(bad))
        with pytest.raises(DataError, match=rf"^sed_destinations\.csv, line {line}, column 'percent': "):
            load("sed_destinations", data_dir=folder)


def test_readme_lists_every_file_with_its_row_count() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `(\w+)\.csv` \| (\d+) \|", readme, flags=re.MULTILINE))
    assert set(listed) == set(SCHEMAS)
    for name, rows in listed.items():
        assert len(load(name)) == int(rows), name
