"""Chapter data tables scroll on their own on narrow screens and stay keyboard-reachable."""

from __future__ import annotations

import pytest

from widgets.tables import scrollable_table


def test_table_sits_in_a_focusable_labelled_scroll_region():
    markup = scrollable_table(["Field", "Share"], [["Physics & maths", 11.5]], caption="Shares <2023>").data
    assert markup.startswith('<div class="ows-table-scroll" role="region" aria-label="Shares &lt;2023&gt;" tabindex="0"')
    assert "overflow-x: auto" in markup
    assert '<th scope="row">Physics &amp; maths</th><td>11.5</td>' in markup
    assert "<caption>Shares &lt;2023&gt;</caption>" in markup


def test_a_table_without_a_caption_is_refused():
    with pytest.raises(ValueError, match="caption"):
        scrollable_table(["Field"], [["x"]], caption="")
