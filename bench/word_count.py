"""Count the words of the built book, page by page, against the second edition's targets (run by hand).

    .venv/bin/python bench/word_count.py                        # the book in _build/html
    .venv/bin/python bench/word_count.py --html /tmp/out/_build/html

Build the book first. For every page in _toc.yml it counts the words of the built page's
article (`<article class="bd-article">` in `_build/html/<page>.html`) and prints a table by
part, the totals for the whole book and for the part "The argument", the reading paths'
minutes, and whether each target of issue 13 is met:

- the whole book <= 28,000 words;
- the argument part <= 11,000 words;
- the PhD-student reading path <= 60 minutes, by the book's own reading-time count (the
  total that `{reading-path}` prints from each chapter's box, `_ext/chapter_meta.py`);
- the ten-minute page (`chapters/ten_minutes`) <= 1,500 words.

The counting rule. A word is what `_ext/chapter_meta.py` counts (`[\\w’'-]+`), so the totals
here and the reading times on the pages use one definition. Counted: everything a reader
reads as text in the article, which includes headings, lists, tables written in the page,
admonitions, exercises and their (collapsed) solutions, glossary and bibliography entries.
Not counted:

- code cells, whatever their tags: the code and everything it outputs (calculators,
  figures, tables made by code, hidden or removed inputs), i.e. every `div.cell`;
- other code and literal blocks (`pre`, `div.highlight`), formulas (drawn as SVG), scripts
  and styles;
- what the build adds around the text: the reading-time and "assign or cite" box
  (`.ows-chapter-meta`), the run-this-notebook links (`.ows-launch`) and the "#" heading links.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[\w’'-]+")  # as in _ext/chapter_meta.py
NOT_COUNTED = "div.cell, pre, div.highlight, svg, script, style, .ows-chapter-meta, .ows-launch, a.headerlink"

ARGUMENT_PART = "The argument"
STUDENT_PATH = "chapters/pathways/phd_student"
TEN_MINUTE_PAGE = "chapters/ten_minutes"
BOOK_LIMIT, ARGUMENT_LIMIT, STUDENT_MINUTES_LIMIT, TEN_MINUTE_LIMIT = 28_000, 11_000, 60, 1_500


def toc_parts(toc_file: Path) -> list[tuple[str, list[str]]]:
    """(part caption, its pages in reading order) from _toc.yml; the root page is its own part."""

    def files(entries: list[dict]) -> list[str]:
        found = []
        for entry in entries:
            if "file" in entry:
                found.append(entry["file"])
            found += files(entry.get("chapters", []) + entry.get("sections", []))
        return found

    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    return [("Landing page", [toc["root"]])] + [(part["caption"], files(part["chapters"])) for part in toc["parts"]]


def article(page: Path) -> BeautifulSoup:
    found = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
    if found is None:
        raise ValueError(f"{page} has no <article>: is it a page of the built book?")
    return found


def words(page: Path) -> int:
    """Words of a built page's article text, by the rule in this module's docstring."""
    text = article(page)
    for element in text.select(NOT_COUNTED):
        element.decompose()
    return len(WORD.findall(text.get_text(" ")))


def path_minutes(page: Path) -> list[int]:
    """The total minutes of each reading path on a page, as the page prints them."""
    return [int(total["data-minutes"]) for total in article(page).select(".ows-path-total")]


def verdict(value: int, limit: int) -> str:
    return f"{value:,} against <= {limit:,}: {'met' if value <= limit else 'NOT met'}"


def report(html: Path) -> bool:
    """Print the table and the targets; True when every target is met."""
    counts: dict[str, int] = {}
    print(f"{'page':58} {'words':>7}")
    for caption, pages in toc_parts(ROOT / "_toc.yml"):
        print(f"\n{caption}")
        for name in pages:
            counts[name] = words(html / f"{name}.html")
            print(f"  {name:56} {counts[name]:>7,}")
        print(f"  {'(part total)':56} {sum(counts[name] for name in pages):>7,}")

    parts = dict(toc_parts(ROOT / "_toc.yml"))
    book = sum(counts.values())
    argument = sum(counts[name] for name in parts.get(ARGUMENT_PART, []))
    student = path_minutes(html / f"{STUDENT_PATH}.html") if STUDENT_PATH in counts else []
    print(f"\nWhole book: {book:,} words; the argument part: {argument:,} words")
    print(f"PhD-student reading path: {' and '.join(f'{m} min' for m in student) or 'no path'}")

    checks = [
        ("whole book, words", book, BOOK_LIMIT),
        (f"part {ARGUMENT_PART!r}, words", argument, ARGUMENT_LIMIT),
        # A page may offer a short and a full route: the longest must be within the limit.
        ("PhD-student path, minutes", max(student, default=STUDENT_MINUTES_LIMIT + 1), STUDENT_MINUTES_LIMIT),
        ("ten-minute page, words", counts.get(TEN_MINUTE_PAGE, TEN_MINUTE_LIMIT + 1), TEN_MINUTE_LIMIT),
    ]
    print("\nTargets (issue 13)")
    for name, value, limit in checks:
        missing = name.startswith("ten-minute") and TEN_MINUTE_PAGE not in counts
        print(f"  {name:32} {'no such page: NOT met' if missing else verdict(value, limit)}")
    return all(value <= limit for _, value, limit in checks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built book (default: _build/html)")
    args = parser.parse_args()
    return 0 if report(args.html) else 1


if __name__ == "__main__":
    sys.exit(main())
