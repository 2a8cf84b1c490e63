"""Validate data/ with frictionless against ``datapackage.json``, and word the problems.

Imported only by ``widgets.data.validate``: frictionless takes about a second to import,
which a notebook that only reads data should not pay.

The descriptor declares almost every rule: types, required cells, ranges, allowed values,
primary keys, and foreign keys to ``provenance.csv`` (a row's ``source_id`` must be a source
there, and the pair (source_id, verification) a pair there, so a row cannot claim a firmer
verification than its source has). Three rules Table Schema cannot express are frictionless
checks here:

- numbers are finite: Table Schema's number type admits NaN and INF;
- a ``value`` column's range follows its row's ``unit`` (a percentage lies in [0, 100], a
  count is a whole number): a constraint cannot depend on another column;
- ``provenance.dataset`` lists datasets of this package: it holds several resource names
  joined by ";", and the names live in the descriptor, not in a schema.

frictionless reports a problem by record number and field; ``problems`` turns each into
``file, line N, column 'c': what is wrong``, where N is the physical line an editor shows.
"""

from __future__ import annotations

import copy
import csv
import math
import re
from pathlib import Path
from typing import Any, ClassVar

import attrs
from frictionless import Check, Checklist, Package, Report, errors

from widgets.data import (
    DATASETS,
    DESCRIPTOR,
    PROVENANCE,
    SCHEMAS,
    UNIT_RULES,
    TableSchema,
    has_unit_rule,
)

MOST_SHOWN = 20  # problems listed in one error message


class NotFiniteError(errors.CellError):
    type = "not-finite"
    title = "Not Finite"
    description = "A number must be finite: not NaN and not infinite."
    template = 'The cell "{cell}" in row "{rowNumber}" and field "{fieldName}" is not finite'


class UnitRangeError(errors.CellError):
    type = "unit-range"
    title = "Out Of Range For Its Unit"
    description = "A value must lie in the range its unit allows."
    template = 'The cell "{cell}" in row "{rowNumber}" and field "{fieldName}" is not {note}'


class UnknownDatasetError(errors.CellError):
    type = "unknown-dataset"
    title = "Unknown Dataset"
    description = "provenance.csv may only name datasets of this data package."
    template = 'The cell "{cell}" in row "{rowNumber}" and field "{fieldName}" names {note}'


@attrs.define(kw_only=True, repr=False)
class finite_numbers(Check):
    type = "finite-numbers"
    Errors: ClassVar[list[type[errors.Error]]] = [NotFiniteError]

    def validate_row(self, row: Any):
        for field in row.fields:
            value = row[field.name]
            if field.type == "number" and value is not None and not math.isfinite(value):
                yield NotFiniteError.from_row(row, note="", field_name=field.name)


@attrs.define(kw_only=True, repr=False)
class unit_range(Check):
    type = "unit-range"
    Errors: ClassVar[list[type[errors.Error]]] = [UnitRangeError]

    def validate_row(self, row: Any):
        value, unit = row["value"], row["unit"]
        if value is None or unit not in UNIT_RULES or not math.isfinite(value):
            return
        allowed, words = UNIT_RULES[unit]
        if not allowed(value):
            yield UnitRangeError.from_row(row, note=f"{words} (its unit is {unit})", field_name="value")


@attrs.define(kw_only=True, repr=False)
class known_datasets(Check):
    type = "known-datasets"
    Errors: ClassVar[list[type[errors.Error]]] = [UnknownDatasetError]

    def validate_row(self, row: Any):
        for name in (row["dataset"] or "").split(";"):
            if name not in DATASETS:
                yield UnknownDatasetError.from_row(row, note=f"{name!r}, which is not a known dataset", field_name="dataset")


def checks_for(schema: TableSchema) -> list[Check]:
    """The custom checks that apply to one file, besides its Table Schema."""
    found: list[Check] = [finite_numbers()]
    if has_unit_rule(schema):
        found.append(unit_range())
    if schema.name == PROVENANCE:
        found.append(known_datasets())
    return found


def problems(folder: Path, names: list[str]) -> list[str]:
    """Every problem of the named files in ``folder``, worded, first line first per file."""
    # The descriptor is the book's; only the files come from ``folder``.
    package = Package(copy.deepcopy(DESCRIPTOR), basepath=str(folder))
    found: list[str] = []
    for name in names:
        schema = SCHEMAS[name]
        if not (folder / schema.path).is_file():
            found.append(f"{schema.path}: no such file in {folder}")
            continue
        report = package.get_resource(name).validate(Checklist(checks=checks_for(schema)))
        found += _describe(schema, folder, report)
    if len(found) > MOST_SHOWN:
        found = found[:MOST_SHOWN] + [f"... and {len(found) - MOST_SHOWN} more problems"]
    return found


# --- wording --------------------------------------------------------------------------


def _records(path: Path) -> tuple[list[str], dict[int, int]]:
    """The header, and the physical line on which each record starts (record 1 = header).

    frictionless numbers records; a quoted cell may span lines, so the csv module's
    ``line_num`` is what gives the line an editor shows.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header, lines, start = [], {}, 1
        for number, cells in enumerate(reader, start=1):
            if number == 1:
                header = cells
            lines[number] = start
            start = reader.line_num + 1
    return header, lines


def _header_problem(schema: TableSchema, header: list[str]) -> str:
    file = schema.path
    missing = [name for name in schema.names if name not in header]
    if missing:
        return f"{file}, line 1, column {missing[0]!r}: missing from the header"
    extra = [label for label in header if label not in schema.names]
    if extra:
        return f"{file}, line 1, column {extra[0]!r}: is not in the schema"
    repeated = [label for label in header if header.count(label) > 1]
    if repeated:
        return f"{file}, line 1, column {repeated[0]!r}: is repeated"
    return f"{file}, line 1: the columns must come in the declared order: {', '.join(schema.names)}"


def _reference_value(folder: Path, fk_resource: str, key_field: str, key: str, wanted: str) -> str:
    """The ``wanted`` cell of the row of another file whose ``key_field`` is ``key``."""
    with (folder / SCHEMAS[fk_resource].path).open(newline="", encoding="utf-8") as handle:
        return next((row[wanted] for row in csv.DictReader(handle) if row[key_field] == key), "")


# When frictionless reports several problems in one cell, the first of these explains it.
_PRIORITY = ["missing-cell", "extra-cell", "type-error", "constraint-error"]


def _describe(schema: TableSchema, folder: Path, report: Report) -> list[str]:
    file = schema.path
    found = [error for task in report.tasks for error in task.errors] + list(report.errors)
    header, lines = _records(folder / file)
    if any(isinstance(error, errors.HeaderError) for error in found):
        return [_header_problem(schema, header)]  # every row's cells are misread after it
    failed_single_keys = {(e.row_number, e.field_names[0]) for e in found if e.type == "foreign-key" and len(e.field_names) == 1}
    worded: dict[tuple[int, int], str] = {}  # (line, column position) -> problem
    ranked = sorted(found, key=lambda e: _PRIORITY.index(e.type) if e.type in _PRIORITY else len(_PRIORITY))
    for error in ranked:
        if not isinstance(error, errors.RowError):
            worded.setdefault((0, 0), f"{file}: {error.message}")
            continue
        line = lines.get(error.row_number, error.row_number)
        if error.type == "foreign-key":
            column, text = _foreign_key_problem(schema, folder, error, failed_single_keys)
            if column is None:
                continue
        elif error.type == "primary-key":
            column, text = _primary_key_problem(schema, header, lines, error)
            if column is None:
                continue
        elif error.type == "blank-row":
            column, text = None, "the line is blank"
        elif error.type in ("missing-cell", "extra-cell"):
            column, text = error.field_name, f"the row has {len(error.cells)} cells, the header {len(header)}"
        elif isinstance(error, errors.CellError):
            column, text = error.field_name, _cell_problem(schema, header, error)
        else:
            column, text = None, error.message
        position = schema.names.index(column) if column in schema.names else len(schema.names)
        where = f"{file}, line {line}" + (f", column {column!r}" if column else "")
        worded.setdefault((line, position), f"{where}: {text}")
    return [worded[key] for key in sorted(worded)]


def _raw(error: Any, header: list[str], name: str) -> str:
    """A cell of the error's row as written in the file ("" if the row is cut short)."""
    position = header.index(name)
    return error.cells[position] if position < len(error.cells) else ""


def _cell_problem(schema: TableSchema, header: list[str], error: Any) -> str:
    field = schema.field(error.field_name)
    # The cell as written in the file (a custom check's error holds the parsed value).
    cell = _raw(error, header, field.name)
    if error.type == "constraint-error" and cell == "" and not field.nullable:
        return "value is missing (the column may not be empty)"
    if error.type == "not-finite":
        return f"{cell!r} is not a finite number"
    if error.type == "unit-range":
        return f"{cell!r} is not {error.note}"
    if error.type == "unknown-dataset":
        return error.note
    return f"{cell!r} is not {field.rule()}"


def _foreign_key_problem(schema: TableSchema, folder: Path, error: Any, failed: set[tuple[int, str]]) -> tuple[str | None, str]:
    fields, values, reference = error.field_names, error.field_cells, error.reference_name
    if len(fields) == 1:
        return fields[0], f"{values[0]!r} is not a {error.reference_field_names[0]} in {SCHEMAS[reference].path}"
    if (error.row_number, fields[0]) in failed:
        return None, ""  # the key itself is unknown, and that is already reported
    # A composite key whose first part exists: the other part disagrees with the reference.
    expected = _reference_value(folder, reference, error.reference_field_names[0], values[0], error.reference_field_names[-1])
    return fields[-1], f"{values[-1]!r}, but {SCHEMAS[reference].path} marks {fields[0]} {values[0]!r} as {expected!r}"


def _primary_key_problem(schema: TableSchema, header: list[str], lines: dict[int, int], error: Any) -> tuple[str | None, str]:
    key = {name: _raw(error, header, name) for name in schema.primary_key}
    if not any(key.values()):
        return None, ""  # a blank or cut-short row, reported as such
    # frictionless notes the first row with the same key as "the same as in the row at position N".
    first = re.search(r"position (\d+)", error.note)
    since = f" (first on line {lines.get(int(first.group(1)))})" if first else ""
    return schema.primary_key[0], f"duplicate row for {key}{since}"
