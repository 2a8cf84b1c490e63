"""HTML for the appendix "Data and methods", generated from the code and data it describes.

Each dataset's entry comes from ``data/datapackage.json`` through ``widgets.data.SCHEMAS``
(columns, types and the checks a file passes), ``data/provenance.csv`` (its sources) and the dataset's section of
``data/README.md`` (what it holds, its population and limits). Each calculator's entry
comes from its model module: the docstring (equations and assumptions), ``PARAMETERS``
and ``OUTPUT_LABELS``. A new dataset or calculator therefore appears in the appendix
without anyone retyping it.
"""

from __future__ import annotations

import html
import re
from types import ModuleType

import pandas as pd
from markdown_it import MarkdownIt

from widgets.data import (
    DATA_DIR,
    PROVENANCE,
    SCHEMAS,
    UNIT_RULES,
    Field,
    TableSchema,
    has_unit_rule,
    load,
    provenance_for,
)
from widgets.tables import table_html

README = DATA_DIR / "README.md"
_HEADING = re.compile(r"^(#{2,3}) (.*)$")
_markdown = MarkdownIt("commonmark").enable("table")

# --- data/README.md ---------------------------------------------------------------


def _sections(text: str) -> list[tuple[int, str, list[str]]]:
    """(level, heading, body lines) for every ## and ### heading of a Markdown file."""
    sections: list[tuple[int, str, list[str]]] = []
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            sections.append((len(match.group(1)), match.group(2), []))
        elif sections:
            sections[-1][2].append(line)
    return sections


def readme_section(name: str, readme_text: str | None = None) -> str:
    """The Markdown that ``data/README.md`` gives a dataset.

    That is the deepest section whose heading names ``<name>.csv`` (a group heading may
    name several files), preceded, for a subsection, by the text of its parent section,
    which says what the files under it share (population, source, layout). Raises
    KeyError if no heading names the file.
    """
    text = README.read_text(encoding="utf-8") if readme_text is None else readme_text
    sections = _sections(text)
    matches = [i for i, (_, heading, _) in enumerate(sections) if f"`{name}.csv`" in heading]
    if not matches:
        raise KeyError(f"data/README.md has no heading naming `{name}.csv`")
    index = max(matches, key=lambda i: sections[i][0])
    level, _, body = sections[index]
    parent = next((s for s in reversed(sections[:index]) if s[0] < level), None) if level == 3 else None
    intro = "\n".join(parent[2]).strip() + "\n\n" if parent else ""
    return intro + "\n".join(body).strip()


# --- datasets -------------------------------------------------------------------------


def _check_text(schema: TableSchema, field: Field) -> str:
    """Every check a column's cells pass, in words: its Table Schema type and constraints,
    the foreign keys it is part of, and the book's own rules (widgets.data)."""
    plain_text = field.type == "string" and field.format == "default" and "enum" not in field.constraints
    checks = [] if plain_text else [field.rule()]
    if field.type == "number":
        checks.append("finite")
    if field.name == "value" and has_unit_rule(schema):
        checks += [f"{words} when the unit is {unit}" for unit, (_, words) in UNIT_RULES.items()]
    if schema.name == PROVENANCE and field.name == "dataset":
        checks.append("names of datasets in data/, separated by “;”")
    for key in schema.foreign_keys:
        reference = SCHEMAS[key.resource].path
        if key.fields == (field.name,):
            checks.append(f"a {key.reference_fields[0]} in {reference}")
        elif len(key.fields) > 1 and field.name == key.fields[-1]:
            checks.append(f"as {reference} gives for the row's {key.fields[0]}")
    return "; ".join(checks)


def _link(url: str) -> str:
    safe = html.escape(url, quote=True)
    return f'<a href="{safe}">{safe}</a>'


def sources_html(name: str) -> str:
    """The provenance rows of the sources a dataset uses, as a list with links.

    A list rather than a table: titles, notes and addresses are long, and a six-column
    table of them does not fit a phone screen.
    """
    items = []
    for source in provenance_for(name).itertuples(index=False):
        year = "undated" if pd.isna(source.year) else str(source.year)
        notes = f" {html.escape(source.notes)}." if source.notes else ""
        items.append(
            f"<li><strong>{html.escape(source.source_title)}</strong> ({year}), "
            f"{html.escape(source.table_or_figure)}. Verification: <em>{html.escape(source.verification)}</em>."
            f"{notes} {_link(source.url)}</li>"
        )
    return f'<p>Sources of <code>{name}.csv</code>:</p><ul class="ows-sources">{"".join(items)}</ul>'


def dataset_html(name: str) -> str:
    """One dataset's entry: description, size, verification, population, checks and sources."""
    frame = load(name)
    levels = sorted(set(provenance_for(name)["verification"]))
    facts = [f"<strong>Rows:</strong> {len(frame):,}", f"<strong>Verification:</strong> {', '.join(levels)}"]
    if "population" in frame.columns:
        populations = sorted(set(frame["population"].dropna()))
        facts.append("<strong>Population, as the sources state it:</strong> " + "; ".join(map(html.escape, populations)))
    schema = SCHEMAS[name]
    checks = table_html(
        ["Column", "Type", "May be empty", "Checked on loading"],
        [[field.name, field.type, "yes" if field.nullable else "no", _check_text(schema, field)] for field in schema.fields],
        caption=f"Columns of {name}.csv as data/datapackage.json declares them",
    )
    key = ", ".join(f"<code>{column}</code>" for column in schema.primary_key)
    facts.append(f"<strong>Key:</strong> {key} (no two rows share {'it' if len(schema.primary_key) == 1 else 'them'})")
    # The README's own tables scroll sideways inside their box on a narrow screen.
    description = (
        _markdown.render(readme_section(name))
        .replace("<table>", '<div class="ows-scroll"><table>')
        .replace("</table>", "</table></div>")
    )
    return (
        f'<section class="ows-dataset" id="dataset-{name}">'
        f"<h3><code>{name}.csv</code></h3>"
        f"{description}<p>{'. '.join(facts)}.</p>"
        f'<div class="ows-scroll">{checks}</div>'
        f"{sources_html(name)}"
        "</section>"
    )


# --- calculators ----------------------------------------------------------------------


def _default_text(parameter: object) -> str:
    """The default in words; a value is labelled illustrative (no default here has a source)."""
    default = getattr(parameter, "default", None)
    if default is None:
        return "Default: unanswered"
    answers = {answer.value: answer.label for answer in getattr(parameter, "answers", ())}
    shown = answers.get(default, f"{default:g}" if isinstance(default, (int, float)) else str(default))
    return f"Illustrative default: {html.escape(shown)}"


def calculator_html(calculator_id: str, model: ModuleType) -> str:
    """One calculator's entry: its model's docstring, inputs and headline outputs."""
    doc = (model.__doc__ or "").strip()
    title, _, rest = doc.partition("\n")
    # A list, not a table: six columns of sentences do not fit a phone screen.
    inputs = "".join(
        f"<dt><code>{p.name}</code>: {html.escape(p.label)}</dt>"
        f"<dd>Allowed: {html.escape(p.range_text())}. {_default_text(p)}."
        + (f" Unit: {html.escape(p.unit)}." if getattr(p, "unit", "") else "")
        + (f" {html.escape(p.help)}" if p.help else "")
        + "</dd>"
        for p in model.PARAMETERS
    )
    outputs = table_html(["Name", "What the page shows"], model.OUTPUT_LABELS.items(), caption="Headline outputs")
    return (
        f'<section class="ows-calculator-doc" id="calculator-{calculator_id}">'
        f"<h3><code>{calculator_id}</code>: {html.escape(title.strip())}</h3>"
        f"<p>Model: <code>{html.escape(model.__name__)}</code>. Its documentation, as written in the code:</p>"
        f'<pre class="ows-docstring">{html.escape(rest.strip())}</pre>'
        f'<p>Inputs:</p><dl class="ows-inputs">{inputs}</dl>'
        f'<div class="ows-scroll">{outputs}</div>'
        "</section>"
    )
