"""A BibTeX file gives the same record in the browser's code and in Python: the fixtures are
read by node with the vendored parser, bibtex.js and record.js (tests/js/read_record.mjs),
and by bibtexparser and record.py, and every count, merge, skip, kind and proposal agrees."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from widgets.publication_gap.record import read_record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "bibtex").glob("*.bib"))
YEAR, PHD_YEAR = 2026, 2021


@pytest.fixture(scope="module")
def browser_side() -> dict:
    command = ["node", "tests/js/read_record.mjs", str(YEAR), str(PHD_YEAR), *(str(f) for f in FIXTURES)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def python_side(path: Path) -> dict:
    record = read_record(path, YEAR)
    return {
        "counts": {str(year): n for year, n in record.counts().items()},
        "counts_all": {str(year): n for year, n in record.counts(True).items()},
        "duplicates": record.duplicates,
        "skipped": [[s.key, s.reason] for s in record.skipped],
        "works": sorted([w.key, w.kind, w.year, w.doi] for w in record.works),
        "proposals": record.proposals(PHD_YEAR, current_year=YEAR),
        "summary": record.summary(),
        "summary_all": record.summary(True),
        "titles": {w.key: [w.title, w.venue] for w in record.works},
    }


def test_there_are_fixtures_in_every_exporters_style():
    assert {f.stem for f in FIXTURES} >= {"scholar", "dblp", "orcid", "zotero"}


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_python_and_the_browser_read_the_same_record(browser_side, fixture):
    js, py = browser_side[str(fixture)], python_side(fixture)
    assert py["works"], "a fixture with no works tests nothing"
    for name in ("counts", "counts_all", "duplicates", "skipped", "works", "proposals", "summary", "summary_all"):
        assert js[name] == py[name], name
    # Titles and venues as shown: LaTeX decoded to the same Unicode by both decoders.
    assert js["titles"] == py["titles"]
