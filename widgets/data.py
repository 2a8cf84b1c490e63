"""Load the book's curated CSV files from ``data/``, checked against ``data/datapackage.json``.

Every number the book states comes from ``data/`` (or a bibliography entry), so a typo in a
CSV must stop the build rather than reach a chart. The folder is a Frictionless Data Package:
``datapackage.json`` declares each file's columns, types, constraints (required, ranges,
allowed values), primary key and foreign keys (every row's ``source_id`` is a row of
``provenance.csv``). That one declaration serves three purposes:

- ``validate`` checks files against it with the ``frictionless`` library and raises
  ``DataError`` naming the file, the CSV line and the column of each problem;
- ``load`` reads a file into a DataFrame whose dtypes follow the declared types;
- the appendix "Data and methods" documents each dataset from it (``SCHEMAS``).

    >>> from widgets.data import load
    >>> load("sed_destinations").query("field == 'Computer and information sciences'")

Line numbers count the header as line 1, as a text editor shows them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PACKAGE_FILE = DATA_DIR / "datapackage.json"
PROVENANCE = "provenance"
# The book's build validates data/ once and passes the fingerprint of what it checked to the
# notebook kernels it starts, so that they need not import frictionless (about 1 s each).
VALIDATED_ENV = "OWS_VALIDATED_DATA"


class DataError(ValueError):
    """A data file does not match its schema (the message says where)."""


# Words for a reader (error messages, the appendix) for each Table Schema type.
_TYPE_WORDS = {"integer": "a whole number", "number": "a number", "string": "text", "boolean": "True or False"}


@dataclass(frozen=True)
class Field:
    """One column as ``datapackage.json`` declares it: a Table Schema field."""

    name: str
    type: str  # Table Schema type: integer, number, string or boolean
    constraints: Mapping[str, Any]
    format: str = "default"  # for a string: "uri" is a web address

    @property
    def nullable(self) -> bool:
        return not self.constraints.get("required", False)

    @property
    def dtype(self) -> str:
        """The pandas dtype ``load`` gives the column: nullable integers need "Int64",
        and "string" keeps missing text as <NA>."""
        if self.type == "integer":
            return "Int64" if self.nullable else "int64"
        if self.type == "boolean":
            return "boolean" if self.nullable else "bool"
        return {"number": "float64", "string": "string"}[self.type]

    def rule(self) -> str:
        """What a cell must be, in words: "a number from 0 to 100", "one of a, b"."""
        if "enum" in self.constraints:
            return "one of " + ", ".join(map(str, self.constraints["enum"]))
        words = "a web address" if self.format == "uri" else _TYPE_WORDS[self.type]
        low, high = self.constraints.get("minimum"), self.constraints.get("maximum")
        if low is not None and high is not None:
            return f"{words} from {low} to {high}"
        if low is not None:
            return f"{words}, {low} or more"
        if high is not None:
            return f"{words}, {high} or less"
        return words


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSchema:
    """One data file as ``datapackage.json`` declares it."""

    name: str
    title: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    missing_values: tuple[str, ...]  # cell texts that mean "no value"
    true_values: tuple[str, ...]
    false_values: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [field.name for field in self.fields]

    def field(self, name: str) -> Field:
        return next(field for field in self.fields if field.name == name)


def _as_tuple(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _table_schema(resource: Mapping[str, Any]) -> TableSchema:
    schema = resource["schema"]
    booleans = [field for field in schema["fields"] if field["type"] == "boolean"]
    return TableSchema(
        name=resource["name"],
        title=resource.get("title", resource["name"]),
        path=resource["path"],
        fields=tuple(Field(f["name"], f["type"], f.get("constraints", {}), f.get("format", "default")) for f in schema["fields"]),
        primary_key=_as_tuple(schema.get("primaryKey", [])),
        foreign_keys=tuple(
            ForeignKey(_as_tuple(fk["fields"]), fk["reference"]["resource"], _as_tuple(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", [])
        ),
        missing_values=tuple(schema.get("missingValues", [""])),
        true_values=tuple(v for f in booleans for v in f.get("trueValues", ["true"])),
        false_values=tuple(v for f in booleans for v in f.get("falseValues", ["false"])),
    )


# Three rules Table Schema cannot express, enforced by widgets.data_checks and listed in the
# appendix: numbers are finite (Table Schema's number type admits NaN and INF); a ``value``
# column's range follows its row's ``unit`` (a constraint cannot depend on another column);
# ``provenance.dataset`` names datasets of this package (several names joined by ";").
UNIT_RULES: dict[str, tuple[Callable[[float], bool], str]] = {
    "percent": (lambda value: 0 <= value <= 100, "a number from 0 to 100"),
    "count": (lambda value: value >= 0 and value == int(value), "a whole number, 0 or more"),
}


def has_unit_rule(schema: TableSchema) -> bool:
    return {"value", "unit"} <= set(schema.names)


DESCRIPTOR: dict[str, Any] = json.loads(PACKAGE_FILE.read_text(encoding="utf-8"))
SCHEMAS: dict[str, TableSchema] = {r["name"]: _table_schema(r) for r in DESCRIPTOR["resources"]}
DATASETS: tuple[str, ...] = tuple(name for name in SCHEMAS if name != PROVENANCE)
VERIFICATION_LEVELS: tuple[str, ...] = tuple(SCHEMAS[PROVENANCE].field("verification").constraints["enum"])


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read ``data/<name>.csv`` after checking it (and ``provenance.csv``) with ``validate``.

    The columns come in the declared order with the declared types. ``data_dir`` (default:
    the repo's ``data/``) changes where the CSV files are read from, not their schema.
    Raises ``DataError`` naming the file, line and column of each problem.
    """
    name = _dataset_name(name)
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    validate(name, folder)
    return _read_frame(SCHEMAS[name], folder)


def load_provenance(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read and check ``data/provenance.csv``: one row per source, keyed by ``source_id``."""
    return load(PROVENANCE, data_dir)


def provenance_for(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the provenance rows of the sources a dataset actually uses."""
    used = set(load(name, data_dir)["source_id"])
    provenance = load_provenance(data_dir)
    return provenance[provenance["source_id"].isin(used)].reset_index(drop=True)


# --- checking -----------------------------------------------------------------------

_checked: set[tuple[str, str]] = set()  # (fingerprint, dataset) pairs found valid in this process


def fingerprint(data_dir: Path | str | None = None) -> str:
    """A hash of the descriptor and every data file in the folder: what a check vouches for."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    digest = hashlib.sha256(PACKAGE_FILE.read_bytes())
    for schema in SCHEMAS.values():
        path = folder / schema.path
        digest.update(schema.path.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"(absent)") + b"\0")
    return digest.hexdigest()


def validate(name: str | None = None, data_dir: Path | str | None = None) -> str:
    """Check one dataset and ``provenance.csv`` (or, with no name, every file) against
    ``datapackage.json`` with frictionless, plus the few rules in ``widgets.data_checks``.

    Raises ``DataError`` listing the problems, each as ``file, line N, column 'c': what``.
    Returns the folder's ``fingerprint``; files with a fingerprint already checked in this
    process, or by the build that started it (``OWS_VALIDATED_DATA``), are not read again.
    """
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    names = [PROVENANCE] if name in (None, PROVENANCE) else [PROVENANCE, _dataset_name(name)]
    if name is None:
        names += DATASETS
    stamp = fingerprint(folder)
    if stamp == os.environ.get(VALIDATED_ENV) or all((stamp, n) in _checked for n in names):
        return stamp
    # frictionless takes about a second to import: only when something is to be checked.
    from widgets import data_checks

    problems = data_checks.problems(folder, names)
    if problems:
        raise DataError("\n".join(problems))
    _checked.update((stamp, n) for n in names)
    return stamp


def _dataset_name(name: str) -> str:
    name = name.removesuffix(".csv")
    if name not in SCHEMAS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(SCHEMAS)}")
    return name


def _read_frame(schema: TableSchema, folder: Path) -> pd.DataFrame:
    """The file as a DataFrame with each column's declared dtype (validated beforehand)."""
    return pd.read_csv(
        folder / schema.path,
        dtype={field.name: field.dtype for field in schema.fields},
        # Only the declared missing values are missing: pandas would also read "NA" as missing.
        keep_default_na=False,
        na_values=list(schema.missing_values),
        true_values=list(schema.true_values) or None,
        false_values=list(schema.false_values) or None,
        encoding="utf-8",
    )
