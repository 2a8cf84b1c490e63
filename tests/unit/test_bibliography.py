"""Every citation in the book resolves to references.bib, and every entry there is cited.

Sphinx reports an unknown key only as a warning on the page that uses it, and says
nothing about entries nobody cites; this test checks both directions for the whole book.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parents[2]
# {cite}`a,b`, {cite:p}`a` and {cite:t}`a` (and the other sphinxcontrib-bibtex roles).
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`\s][^`]*)`")


def cited_keys(text: str) -> set[str]:
    return {key.strip() for keys in CITE.findall(text) for key in keys.split(",") if key.strip()}


def book_pages() -> list[Path]:
    return sorted(ROOT.glob("chapters/**/*.md")) + [ROOT / "intro.md"]


def citations() -> dict[str, set[str]]:
    """Cited key -> the pages that cite it."""
    where: dict[str, set[str]] = {}
    for page in book_pages():
        for key in cited_keys(page.read_text(encoding="utf-8")):
            where.setdefault(key, set()).add(page.relative_to(ROOT).as_posix())
    return where


def bib_keys() -> set[str]:
    return set(parse_file(str(ROOT / "references.bib"), bib_format="bibtex").entries)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("{cite}`lin2018oneway`", {"lin2018oneway"}),
        ("see {cite:p}`a2020,b2021` and {cite:t}`c2022`.", {"a2020", "b2021", "c2022"}),
        ("{cite}`a, b` then {cite}`a`", {"a", "b"}),
        ("`{cite}` alone, or a `code span`", set()),
    ],
)
def test_cite_roles_are_recognised(text, keys):
    assert cited_keys(text) == keys


def test_the_book_cites_something():
    assert len(citations()) >= 10


def test_every_cited_key_is_in_the_bibliography():
    missing = {key: sorted(pages) for key, pages in citations().items() if key not in bib_keys()}
    assert missing == {}, f"cited but not in references.bib: {missing}"


def test_every_bibliography_entry_is_cited():
    uncited = sorted(bib_keys() - set(citations()))
    assert uncited == [], f"in references.bib but cited nowhere: {uncited}"


def test_bibliography_page_lists_the_entries_and_is_in_the_toc():
    page = ROOT / "chapters" / "bibliography.md"
    assert "```{bibliography}" in page.read_text(encoding="utf-8")
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    assert "chapters/bibliography" in files
