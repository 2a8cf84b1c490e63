"""HTML tables for chapter pages and the static book: plain and escaped, and readable on a phone.

A wide table would push the page sideways on a narrow screen, so the table sits in a
region that scrolls on its own. The region is focusable and labelled, so keyboard
users can scroll it too (axe's "scrollable-region-focusable" rule).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
from IPython.display import HTML


class Table(NamedTuple):
    """A calculator's table as people read it: labelled columns and rows of formatted text.
    The static book prints it without JavaScript; the JS model makes the same one."""

    caption: str
    columns: list[str]
    rows: list[list[str]]


def table_html(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A plain, escaped HTML table; the first cell of each row is its header."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in columns)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{html.escape(str(row[0]))}</th>']
        cells += [f"<td>{html.escape(_cell(value))}</td>" for value in row[1:]]
        body.append(f"<tr>{''.join(cells)}</tr>")
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def scrollable_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str) -> HTML:
    """An HTML table (first cell of each row is its header) inside a scrollable, labelled region."""
    if not caption:
        raise ValueError("caption: a non-empty caption is required; it also labels the scroll region")
    label = html.escape(caption)
    table = table_html(columns, rows, caption)
    return HTML(
        f'<div class="ows-table-scroll" role="region" aria-label="{label}" tabindex="0" '
        f'style="overflow-x: auto; max-width: 100%;">{table}</div>'
    )
