"""Data tables for chapter pages that stay readable on a phone.

A wide table would push the page sideways on a narrow screen, so the table sits in a
region that scrolls on its own. The region is focusable and labelled, so keyboard
users can scroll it too (axe's "scrollable-region-focusable" rule).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from IPython.display import HTML

from widgets.book import table_html


def scrollable_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str) -> HTML:
    """An HTML table (first cell of each row is its header) inside a scrollable, labelled region."""
    if not caption:
        raise ValueError("caption: a non-empty caption is required; it also labels the scroll region")
    label = html.escape(caption)
    table = table_html(columns, rows, caption)
    return HTML(f'<div class="ows-table-scroll" role="region" aria-label="{label}" tabindex="0" '
                f'style="overflow-x: auto; max-width: 100%;">{table}</div>')
