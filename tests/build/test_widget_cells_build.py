"""In the built book, a cell that shows a widget became the kernel-free calculator or guide:
no page holds a widget view (which would show nothing without a kernel)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.helpers import ROOT
from tests.jupyter.test_chapters_jupyterlab import SHOWN  # the chapters that place widgets
from widgets.decision_guide.guide import load_guide

GUIDE_ID = load_guide(ROOT / "chapters" / "deciding" / "decision_guide.yml").id


def test_widget_cells_became_calculators_and_guides(built_book: Path):
    for page in built_book.rglob("*.html"):
        assert "application/vnd.jupyter.widget-view+json" not in page.read_text(encoding="utf-8"), page
    for chapter, shown in SHOWN.items():
        html = BeautifulSoup((built_book / "chapters" / chapter).with_suffix(".html").read_text(encoding="utf-8"), "html.parser")
        found = [node.get("data-calculator") or node.get("data-guide") for node in html.select("[data-calculator], [data-guide]")]
        assert found == [GUIDE_ID if thing == "guide" else thing for thing in shown], chapter
        for node in html.select("[data-calculator], [data-guide]"):
            assert "cell_output" in node.parent["class"], chapter  # placed by a cell, input hidden
            assert "tag_remove-input" in node.parent.parent["class"], chapter
