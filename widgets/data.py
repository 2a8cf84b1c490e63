"""Load the book's curated CSV files from ``data/`` and check them on the way in.

Every number the book states comes from ``data/`` (or a bibliography entry), so a
typo in a CSV must stop the build rather than reach a chart. ``load`` therefore
parses each file against a schema in ``SCHEMAS`` and raises ``DataError`` naming
the file, the CSV line and the column of the first bad cell::

    >>> from widgets.data import load
    >>> load("sed_destinations").query("field == 'Computer and information sciences'")

Line numbers count the header as line 1, as a text editor shows them.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PROVENANCE = "provenance"
VERIFICATION_LEVELS = ("primary", "secondary", "derived")

Check = Literal["percent", "count", "non_negative"]


class DataError(ValueError):
    """A data file does not match its schema (the message says where)."""


@dataclass(frozen=True)
class Column:
    """One CSV column: its Python type, whether it may be empty, and a range check.

    ``check`` is ``"percent"`` (a number in [0, 100]), ``"count"`` (a non-negative
    integer) or ``"non_negative"`` (any number >= 0). ``allowed`` lists the only
    legal values of a text column.
    """

    name: str
    type: type
    nullable: bool = False
    check: Check | None = None
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Schema:
    """The columns of one file, in order, plus the columns that identify a row.

    ``unit_checked`` names a (value, unit) column pair for files that mix units in
    one value column: a row whose unit is ``percent`` must hold a value in
    [0, 100] and a row whose unit is ``count`` a non-negative integer.
    """

    columns: tuple[Column, ...]
    key: tuple[str, ...]
    unit_checked: tuple[str, str] | None = None

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


def _text(name: str, nullable: bool = False, allowed: tuple[str, ...] | None = None) -> Column:
    return Column(name, str, nullable=nullable, allowed=allowed)


SOURCE_ID = _text("source_id")
VERIFICATION = _text("verification", allowed=VERIFICATION_LEVELS)
NOTES = _text("notes", nullable=True)
SED_SECTORS = ("academe", "industry_or_business", "government", "nonprofit", "other_or_unknown")
# Table 9-5 nests several breakdowns in one table; "group" names the breakdown a row
# belongs to, so that shares can be summed within a breakdown and not across them.
CIS_PLAN_GROUPS = (
    "status",
    "postdoc_type",
    "employment_sector",
    "tenure_status",
    "primary_activity",
    "secondary_activity",
    "activity_unknown",
    "location",
    "us_region",
    "same_state",
)

# Small heterogeneous fact tables share one long layout: one number per row with its
# unit, what a percentage is a share of (base), and words like "more than" (qualifier).
FACTS = Schema(
    columns=(
        _text("measure"),
        Column("year_start", int, nullable=True),
        Column("year_end", int, nullable=True),
        Column("value", float, check="non_negative"),
        _text("unit"),
        _text("base", nullable=True),
        _text("qualifier", nullable=True),
        _text("population"),
        VERIFICATION,
        SOURCE_ID,
        NOTES,
    ),
    key=("measure", "year_start", "year_end", "unit", "source_id"),
    unit_checked=("value", "unit"),
)

SCHEMAS: dict[str, Schema] = {
    PROVENANCE: Schema(
        columns=(
            SOURCE_ID,
            _text("dataset"),  # one dataset name, or several separated by ";"
            _text("source_title"),
            _text("table_or_figure"),
            Column("year", int, nullable=True),
            _text("url"),
            VERIFICATION,
            NOTES,
        ),
        key=("source_id",),
    ),
    "sed_destinations": Schema(
        columns=(
            _text("field"),
            Column("year", int),
            _text("sector", allowed=SED_SECTORS),
            Column("percent", float, check="percent"),
            Column("us_employment_commitments", int, check="count"),
            SOURCE_ID,
        ),
        key=("field", "year", "sector"),
    ),
    "sed_postdoc_share": Schema(
        columns=(
            _text("field"),
            Column("year", int),
            Column("definite_commitments", int, check="count"),
            Column("reported_type_of_plan", int, check="count"),
            Column("employment_percent", float, check="percent"),
            Column("postdoc_percent", float, check="percent"),
            SOURCE_ID,
        ),
        key=("field", "year"),
    ),
    "sed_doctorates": Schema(
        columns=(
            _text("field"),
            Column("year", int),
            Column("doctorate_recipients", int, check="count"),
            Column("postgraduation_commitments", int, check="count"),
            Column("definite_commitment_percent", float, check="percent"),
            Column("no_definite_commitment_percent", float, check="percent"),
            SOURCE_ID,
        ),
        key=("field", "year"),
    ),
    "sed_cis_plans_2023": Schema(
        columns=(
            _text("field"),
            Column("n_reporting", int, check="count"),
            _text("group", allowed=CIS_PLAN_GROUPS),
            _text("parent"),
            _text("category"),
            Column("percent", float, check="percent"),
            SOURCE_ID,
        ),
        key=("field", "parent", "category"),
    ),
    "sed_salaries_2023": Schema(
        columns=(
            _text("field"),
            _text("parent_field", nullable=True),
            _text("sector", allowed=("all_sectors",) + SED_SECTORS),
            Column("median_salary_usd", int, check="non_negative"),
            SOURCE_ID,
        ),
        key=("field", "sector"),
    ),
    "ai_phd_destinations": Schema(
        columns=(
            Column("graduation_year", int),
            _text("sector", allowed=("industry", "academia", "government")),
            Column("percent", float, check="percent"),
            _text("report_edition"),
            _text("population"),
            VERIFICATION,
            SOURCE_ID,
            NOTES,
        ),
        key=("graduation_year", "sector"),
    ),
    "cs_faculty_flows": FACTS,
    "supply_demand": FACTS,
    "taulbee_destinations": FACTS,
    "flows_and_interest": FACTS,
    "industry_programmes": Schema(
        columns=(
            _text("programme"),
            _text("fact"),
            Column("value", float, nullable=True, check="non_negative"),
            _text("unit", nullable=True),
            _text("qualifier", nullable=True),
            Column("year", int, nullable=True),
            VERIFICATION,
            SOURCE_ID,
            NOTES,
        ),
        key=("programme", "fact", "year"),
        unit_checked=("value", "unit"),
    ),
    "csrankings_by_academic_age": Schema(
        columns=(
            Column("academic_age", int, check="count"),
            Column("n_authors", int, check="count"),
            Column("median_papers", float, check="non_negative"),
            Column("p25_papers", float, check="non_negative"),
            Column("p75_papers", float, check="non_negative"),
            Column("median_papers_fractional", float, check="non_negative"),
            Column("p25_papers_fractional", float, check="non_negative"),
            Column("p75_papers_fractional", float, check="non_negative"),
            Column("includes_zero_years", bool),
            SOURCE_ID,
        ),
        key=("academic_age", "includes_zero_years"),
    ),
}

DATASETS: tuple[str, ...] = tuple(name for name in SCHEMAS if name != PROVENANCE)

# Nullable integers need pandas' "Int64"; "string" keeps missing text as <NA>.
_DTYPES = {
    (int, False): "int64",
    (int, True): "Int64",
    (float, False): "float64",
    (float, True): "float64",
    (str, False): "string",
    (str, True): "string",
    (bool, False): "bool",
    (bool, True): "boolean",
}

Record = dict[str, object]


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read ``data/<name>.csv``, check it against ``SCHEMAS[name]`` and return it.

    Also checks that every ``source_id`` is a row of ``provenance.csv`` in the same
    folder and that a row's ``verification`` (where the file has one) matches the
    level provenance gives its source. ``data_dir`` defaults to the repo's ``data/``.
    Raises ``DataError`` naming the file, line and column of the first problem.
    """
    name = _dataset_name(name)
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    if name == PROVENANCE:
        return load_provenance(folder)
    records = _read_records(folder, name)
    _check_sources(folder, name, records)
    return _frame(SCHEMAS[name], records)


def load_provenance(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read and check ``data/provenance.csv``: one row per source, keyed by ``source_id``."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    records = _read_records(folder, PROVENANCE)
    file = f"{PROVENANCE}.csv"
    for record in records:
        for dataset in str(record["dataset"]).split(";"):
            if dataset not in DATASETS:
                raise DataError(
                    _where(file, record["_line"], "dataset") + f"{dataset!r} is not a known dataset"
                )
    return _frame(SCHEMAS[PROVENANCE], records)


def provenance_for(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the provenance rows of the sources a dataset actually uses."""
    used = set(load(name, data_dir)["source_id"])
    provenance = load_provenance(data_dir)
    return provenance[provenance["source_id"].isin(used)].reset_index(drop=True)


# --- reading and checking -------------------------------------------------------


def _dataset_name(name: str) -> str:
    name = name.removesuffix(".csv")
    if name not in SCHEMAS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(SCHEMAS)}")
    return name


def _where(file: str, line: object, column: str) -> str:
    return f"{file}, line {line}, column {column!r}: "


def _read_records(folder: Path, name: str) -> list[Record]:
    """Parse every cell of one file; each record keeps its CSV line under ``_line``."""
    schema = SCHEMAS[name]
    file = f"{name}.csv"
    header, rows = _read_csv(folder / file)
    _check_header(file, header, schema)
    by_name = {column.name: column for column in schema.columns}
    records = []
    for line, cells in rows:
        if len(cells) != len(header):
            raise DataError(f"{file}, line {line}: expected {len(header)} fields, found {len(cells)}")
        record: Record = {"_line": line}
        for column_name, raw in zip(header, cells):
            record[column_name] = _parse(file, line, by_name[column_name], raw)
        if schema.unit_checked:
            _check_unit(file, line, record, *schema.unit_checked)
        records.append(record)
    _check_unique(file, schema, records)
    return records


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return the header and (line number, cells) pairs.

    The csv module's ``line_num`` gives the physical line where each record starts,
    so line numbers stay right even if a quoted cell spans several lines.
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = []
        start = reader.line_num + 1
        for cells in reader:
            if cells:  # a blank line is not a record
                rows.append((start, cells))
            start = reader.line_num + 1
    return header, rows


def _check_header(file: str, header: list[str], schema: Schema) -> None:
    for name in schema.names:
        if name not in header:
            raise DataError(_where(file, 1, name) + "missing from the header")
    for name in header:
        if name not in schema.names:
            raise DataError(_where(file, 1, name) + "is not in the schema")
    if len(set(header)) != len(header):
        raise DataError(f"{file}, line 1: a column name is repeated")


def _parse(file: str, line: int, column: Column, raw: str) -> object:
    """Turn one cell's text into a typed value, or raise DataError saying why not."""
    where = _where(file, line, column.name)
    if raw.strip() == "":
        if column.nullable:
            return None
        raise DataError(where + "value is missing (the column may not be empty)")
    value = _convert(where, column.type, raw)
    if column.allowed is not None and value not in column.allowed:
        raise DataError(where + f"{raw!r} is not one of {', '.join(column.allowed)}")
    if column.check is not None:
        _check_range(where, column.check, raw, value)
    return value


def _convert(where: str, kind: type, raw: str) -> object:
    if kind is str:
        return raw
    if kind is bool:
        if raw.strip().lower() not in ("true", "false"):
            raise DataError(where + f"{raw!r} is not True or False")
        return raw.strip().lower() == "true"
    try:
        number = float(raw)
    except ValueError:
        raise DataError(where + f"{raw!r} is not a number") from None
    if not math.isfinite(number):
        raise DataError(where + f"{raw!r} is not a finite number")
    if kind is int:
        if not number.is_integer():
            raise DataError(where + f"{raw!r} is not a whole number")
        return int(number)
    return number


def _check_range(where: str, check: Check, raw: str, value: object) -> None:
    number = float(value)  # type: ignore[arg-type]
    if check == "percent" and not 0 <= number <= 100:
        raise DataError(where + f"{raw!r} is not a percentage in [0, 100]")
    if check == "count" and (number < 0 or not number.is_integer()):
        raise DataError(where + f"{raw!r} is not a non-negative integer count")
    if check == "non_negative" and number < 0:
        raise DataError(where + f"{raw!r} is negative")


def _check_unit(file: str, line: int, record: Record, value_name: str, unit_name: str) -> None:
    """Range-check a mixed value column by the unit written beside each value."""
    value, unit = record[value_name], record[unit_name]
    if value is None:
        return
    where = _where(file, line, value_name)
    if unit == "percent":
        _check_range(where, "percent", repr(value), value)
    elif unit == "count":
        _check_range(where, "count", repr(value), value)


def _check_unique(file: str, schema: Schema, records: list[Record]) -> None:
    seen: dict[tuple[object, ...], object] = {}
    for record in records:
        key = tuple(record[name] for name in schema.key)
        if key in seen:
            raise DataError(
                _where(file, record["_line"], schema.key[0])
                + f"duplicate row for {dict(zip(schema.key, key))} (first on line {seen[key]})"
            )
        seen[key] = record["_line"]


def _check_sources(folder: Path, name: str, records: list[Record]) -> None:
    """Every source_id must be in provenance; a row's verification must match it."""
    provenance = load_provenance(folder)
    levels = dict(zip(provenance["source_id"], provenance["verification"]))
    file = f"{name}.csv"
    for record in records:
        source_id = record["source_id"]
        if source_id not in levels:
            raise DataError(
                _where(file, record["_line"], "source_id")
                + f"{source_id!r} is not a source_id in provenance.csv"
            )
        stated = record.get("verification")
        if stated is not None and stated != levels[source_id]:
            raise DataError(
                _where(file, record["_line"], "verification")
                + f"{stated!r}, but provenance.csv marks source {source_id!r} as {levels[source_id]!r}"
            )


def _frame(schema: Schema, records: list[Record]) -> pd.DataFrame:
    """Build a DataFrame with the schema's column order and pandas dtypes."""
    columns = {
        column.name: pd.Series(
            [record[column.name] for record in records],
            dtype=_DTYPES[(column.type, column.nullable)],
        )
        for column in schema.columns
    }
    return pd.DataFrame(columns)
