"""Two builds of the same sources give the same files; the second one is clean, so it also
runs every notebook top to bottom in a fresh kernel (the build stops on any error), and its
outputs must equal the first build's."""

from __future__ import annotations

import re
from pathlib import Path

from jupyter_cache import get_cache

from tests.helpers import ROOT

# Files Sphinx writes about the build itself, not the book.
IGNORED = {".buildinfo", "objects.inv"}
# Sphinx adds "?v=<checksum>" to asset links only when the asset is already in the output
# folder as pages are written: so on rebuilds, not on a first build.
ASSET_DIGEST = re.compile(rb"\?v=[0-9a-f]{8}")
# Chromium stamps each PDF with its creation time and a random document id.
PDF_VOLATILE = re.compile(rb"/(?:CreationDate|ModDate) \(D:[^)]*\)|/ID \[<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>\]")


def tree(html: Path) -> dict[str, bytes]:
    files = {p.relative_to(html).as_posix(): p.read_bytes() for p in html.rglob("*") if p.is_file() and p.name not in IGNORED}
    return {name: normalise(name, data) for name, data in files.items()}


def normalise(name: str, data: bytes) -> bytes:
    if name.endswith(".pdf"):
        return PDF_VOLATILE.sub(b"", data)
    return ASSET_DIGEST.sub(b"", data) if name.endswith(".html") else data


def text_notebooks() -> list[Path]:
    return sorted(p for p in ROOT.glob("chapters/**/*.md") if "jupytext:" in p.read_text(encoding="utf-8")[:400])


def test_two_clean_builds_are_identical(built_book, second_build):
    second, done = second_build
    assert done.returncode == 0, done.output[-3000:]
    # Every notebook ran in this build and succeeded (only a successful run is cached).
    cache = get_cache(second.parent / ".jupyter_cache")
    executed = {Path(record.uri) for record in cache.list_project_records() if cache.get_cached_project_nb(record.uri)}
    assert executed == set(text_notebooks()) and len(executed) >= 10
    first, second = tree(built_book), tree(second)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []
