"""Your own publication record, read from BibTeX: the Python twin of record.js.

The browser reads a .bib file with @retorquere/bibtex-parser, Python with bibtexparser;
from the entries they return (type, key and raw field text), both sides apply the same
rules, so a file gives the same counts in the book and in Jupyter (a parity test checks):

- peer-reviewed works (article, inproceedings, conference, incollection) are counted by
  year; an article in a preprint server (arXiv, CoRR, bioRxiv, ...) is a preprint;
- preprints, theses, reports and everything else are listed apart, and counted only
  when asked (`include_other`);
- a volume that other entries name with `crossref` lends them its year and venue and is
  not a work itself;
- an entry without a usable year (four digits, 1900 to next year; `date` is read when
  `year` is missing) is skipped, with the reason; nothing is guessed;
- duplicates (the same DOI, or the same title once accents, case, braces, LaTeX commands
  and punctuation are set aside) count once: a peer-reviewed work wins over a preprint,
  then the earlier year, then the earlier entry in the file.

    >>> from widgets.publication_gap.record import read_record, counts_frame
    >>> record = read_record("my.bib")
    >>> counts_frame(record)          # works per year, as a DataFrame
    >>> record.papers_up_to(2021)     # papers_at_phd for a PhD in 2021
"""

from __future__ import annotations

import datetime
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from widgets.formatting import round_half_up

# Limits a file must keep to, in the browser and here: a large record is some hundreds of
# entries; anything far beyond is not a personal record and is refused rather than slow.
MAX_CHARACTERS = 2_000_000
MAX_ENTRIES = 5_000
PHD_YEARS = (1950, None)  # (first, last): None is next year
FIRST_YEAR = 1900  # the earliest publication year read
RECENT_PHD_YEARS = 3  # the postdoc's proposed pace: your own last three PhD years

PEER_REVIEWED = {"article", "inproceedings", "conference", "incollection"}
PREPRINT_VENUE = re.compile(r"\b(arxiv|corr|biorxiv|medrxiv|ssrn|chemrxiv|psyarxiv|preprints?|research square)\b", re.I)
THESES = {"phdthesis", "mastersthesis", "thesis"}
REPORTS = {"techreport", "report"}
PREPRINT_TYPES = {"unpublished", "preprint"}
# Fields a volume lends the entries that name it with crossref, when they lack them.
INHERITED = ("year", "date", "booktitle", "journal")
VENUE_FIELDS = ("journal", "journaltitle", "booktitle", "howpublished", "school", "institution")
DISPLAY_FIELDS = ("title", *VENUE_FIELDS)  # decoded from LaTeX for display when they hold a command
ENTRY_START = re.compile(r"@\s*[a-zA-Z]+\s*[{(]")


@dataclass(frozen=True)
class Work:
    key: str
    kind: str  # "peer-reviewed", "preprint", "thesis", "report" or "other"
    year: int
    title: str
    venue: str
    doi: str  # normalised: lower case, no resolver prefix; "" if none

    @property
    def peer_reviewed(self) -> bool:
        return self.kind == "peer-reviewed"


@dataclass(frozen=True)
class Skipped:
    key: str
    reason: str


@dataclass
class Record:
    """What a BibTeX file holds, sorted into works counted, works listed apart and entries skipped."""

    works: list[Work] = field(default_factory=list)  # distinct works, peer-reviewed and not, by year
    duplicates: int = 0  # entries merged into a work listed here
    skipped: list[Skipped] = field(default_factory=list)

    def counted(self, include_other: bool = False) -> list[Work]:
        return [w for w in self.works if include_other or w.peer_reviewed]

    def listed_apart(self) -> list[Work]:
        return [w for w in self.works if not w.peer_reviewed]

    def counts(self, include_other: bool = False) -> dict[int, int]:
        """Counted works per year, from the first year with one to the last."""
        years = [w.year for w in self.counted(include_other)]
        if not years:
            return {}
        return {year: years.count(year) for year in range(min(years), max(years) + 1)}

    def papers_up_to(self, phd_year: int, include_other: bool = False) -> int:
        """papers_at_phd: distinct counted works up to and including the PhD year."""
        return sum(1 for w in self.counted(include_other) if w.year <= phd_year)

    def proposals(self, phd_year: int, include_other: bool = False, current_year: int | None = None) -> dict[str, float]:
        """Inputs taken from the record: papers at the PhD, your own pace in your last PhD
        years as the postdoc's rate, your pace in the full years since the PhD as your
        industry rate, and the years since the PhD (the last two only once a year has passed)."""
        this_year = current_year or datetime.date.today().year
        works = self.counted(include_other)
        first = phd_year - RECENT_PHD_YEARS + 1
        recent = sum(1 for w in works if first <= w.year <= phd_year)
        proposals: dict[str, float] = {
            "papers_at_phd": min(50, self.papers_up_to(phd_year, include_other)),
            "postdoc_rate": min(20, round_half_up(recent / RECENT_PHD_YEARS, 1)),
        }
        full_years = this_year - 1 - phd_year
        if full_years >= 1:
            since = sum(1 for w in works if phd_year < w.year < this_year)
            proposals["industry_rate"] = min(20, round_half_up(since / full_years, 1))
            proposals["years"] = min(15, this_year - phd_year)
        return proposals

    def summary(self, include_other: bool = False) -> str:
        """How many works were counted, duplicates merged and entries skipped, and why."""
        counted = len(self.counted(include_other))
        kind = "works" if include_other else "peer-reviewed works"
        parts = [f"Counted {counted} {kind}", f"merged {self.duplicates} duplicate{'' if self.duplicates == 1 else 's'}"]
        reasons = sorted({s.reason for s in self.skipped})
        if self.skipped:
            why = "; ".join(f"{sum(s.reason == r for s in self.skipped)} {r}" for r in reasons)
            parts.append(f"skipped {len(self.skipped)} entr{'y' if len(self.skipped) == 1 else 'ies'} ({why})")
        else:
            parts.append("skipped no entries")
        apart = len(self.listed_apart())
        if apart and not include_other:
            parts.append(f"listed {apart} other work{'' if apart == 1 else 's'} apart (preprints, theses, reports and the like)")
        return ", ".join(parts) + "."


# --- reading ------------------------------------------------------------------------


def check_phd_year(phd_year: Any, current_year: int | None = None) -> int:
    """The PhD year if it is a whole year from 1950 to next year, or ValueError naming the range."""
    last = (current_year or datetime.date.today().year) + 1
    if isinstance(phd_year, bool) or not isinstance(phd_year, int) or not PHD_YEARS[0] <= phd_year <= last:
        raise ValueError(f"phd_year must be a whole year from {PHD_YEARS[0]} to {last}; got {phd_year!r}")
    return phd_year


def check_text(text: str) -> None:
    """Refuse what is not a BibTeX file a person could have: empty, binary, a PDF, too large."""
    if not text.strip():
        raise ValueError("the BibTeX text is empty")
    if text.startswith("%PDF-"):
        raise ValueError("this is a PDF file, not BibTeX: export your publication list as BibTeX (.bib)")
    if "\x00" in text:
        raise ValueError("this is not a text file: export your publication list as BibTeX (.bib)")
    if len(text) > MAX_CHARACTERS:
        raise ValueError(f"the BibTeX text is longer than {MAX_CHARACTERS:,} characters: that is more than a personal record")
    entries = len(ENTRY_START.findall(text))
    if entries > MAX_ENTRIES:
        raise ValueError(f"the file has {entries:,} entries; at most {MAX_ENTRIES:,} are read")
    if entries == 0:
        looks_like = " (it looks like a CSV file)" if "," in text.splitlines()[0] else ""
        raise ValueError(f"no BibTeX entries found{looks_like}: a BibTeX entry starts like @article{{key, ...")


def _text_of(path_or_text: str | Path) -> str:
    """The text of a file (a Path, or a one-line string that names a file or ends in .bib) or the text itself."""
    one_line = isinstance(path_or_text, str) and "\n" not in path_or_text and "@" not in path_or_text
    if isinstance(path_or_text, Path) or (one_line and (Path(path_or_text).is_file() or path_or_text.endswith(".bib"))):
        return Path(path_or_text).read_text(encoding="utf-8", errors="replace")
    return path_or_text


def parse_entries(text: str) -> tuple[list[dict[str, Any]], list[Skipped]]:
    """BibTeX text as entries {type, key, fields} (field names in lower case, raw values),
    and the blocks bibtexparser could not read."""
    import bibtexparser  # only when a record is read
    from bibtexparser import model
    from bibtexparser.middlewares import RemoveEnclosingMiddleware

    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # a broken block is reported below, not logged
    library = bibtexparser.parse_string(text)
    strings = {key.lower(): string.value for key, string in library.strings_dict.items()}
    blocks: list[tuple[int, model.Entry]] = [(entry.start_line, entry) for entry in library.entries]
    failed: list[Skipped] = []
    for block in library.failed_blocks:
        if isinstance(block, model.DuplicateBlockKeyBlock):
            # A key used twice (Scholar exports do this): still an entry, read as the parse
            # stack reads the others (@string names resolved, then the enclosing braces removed).
            entry = block.ignore_error_block
            for f in entry.fields:
                if f.value.lower() in strings:
                    f.value = strings[f.value.lower()]
            blocks.append((block.start_line, RemoveEnclosingMiddleware().transform_entry(entry, library)))
        else:
            failed.append(Skipped(_block_name(block.raw), "could not be read (check its braces and quotes)"))
    entries = []
    for _, entry in sorted(blocks, key=lambda pair: pair[0]):
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        display = {name: decode_latex(value) for name, value in fields.items() if name in DISPLAY_FIELDS and "\\" in value}
        entries.append({"type": entry.entry_type.lower(), "key": entry.key, "fields": fields, "display": display})
    return entries, failed


def decode_latex(value: str) -> str:
    """LaTeX as Unicode text, for display only (pylatexenc; the browser uses its parser's decoder)."""
    from pylatexenc.latex2text import LatexNodes2Text

    text = re.sub(r"\s+", " ", LatexNodes2Text().latex_to_text(value)).strip()
    return unicodedata.normalize("NFC", text)


def _block_name(raw: str) -> str:
    """An unreadable block's key, if one can be seen at its start, else its first characters."""
    match = re.match(r"\s*@\s*[a-zA-Z]+\s*[{(]\s*([^,\s]+)\s*,", raw)
    return match.group(1) if match else raw.strip()[:30]


def read_record(path_or_text: str | Path, current_year: int | None = None) -> Record:
    """A BibTeX file (a path) or its text, sorted into works, duplicates and skipped entries."""
    text = _text_of(path_or_text)
    check_text(text)
    entries, failed = parse_entries(text)
    record = sort_entries(entries, current_year)
    record.skipped[:0] = failed
    return record


# --- the rules both sides share ------------------------------------------------------------

_COMMAND = re.compile(r"\\([a-zA-Z]+|.)")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
_DOI_PREFIX = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.I)


def normal_title(title: str) -> str:
    """A title for spotting duplicates: accents, LaTeX commands, braces, case and punctuation set aside."""
    decomposed = unicodedata.normalize("NFKD", plain_text(title))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALPHANUMERIC.sub(" ", _COMMAND.sub("", plain).lower()).strip()


def normal_doi(doi: str) -> str:
    return _DOI_PREFIX.sub("", doi.strip()).strip().lower()


def plain_text(value: str) -> str:
    """A field for display: braces dropped, spaces collapsed (LaTeX is decoded elsewhere)."""
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def read_year(fields: dict[str, str], current_year: int) -> tuple[int | None, str]:
    """(year, "") or (None, why it is not usable)."""
    raw = fields.get("year", "").strip()
    if not raw and fields.get("date", "").strip():
        date = plain_text(fields["date"])
        match = re.fullmatch(r"(\d{4})(-\d{2}(-\d{2})?)?", date)
        if not match:
            return None, "with a date that is not a year"
        raw = match.group(1)
    if not raw:
        return None, "with no year"
    year_text = plain_text(raw)
    if not re.fullmatch(r"\d{4}", year_text):
        return None, "with a year that is not four digits"
    year = int(year_text)
    if not FIRST_YEAR <= year <= current_year + 1:
        return None, f"with a year outside {FIRST_YEAR}–{current_year + 1}"
    return year, ""


def kind_of(entry_type: str, fields: dict[str, str], venue: str) -> str:
    """What a work is: "peer-reviewed", "preprint", "thesis", "report" or "other"."""
    if entry_type in PEER_REVIEWED:
        return "preprint" if PREPRINT_VENUE.search(venue) else "peer-reviewed"
    server = " ".join([venue, *(fields.get(name, "") for name in ("eprinttype", "archiveprefix", "publisher"))])
    if entry_type in PREPRINT_TYPES or (entry_type in {"misc", "online"} and PREPRINT_VENUE.search(server)):
        return "preprint"
    if entry_type in THESES:
        return "thesis"
    if entry_type in REPORTS:
        return "report"
    return "other"


def sort_entries(entries: list[dict[str, Any]], current_year: int | None = None) -> Record:
    """Apply the rules in the module's docstring to parsed entries (record.js: `sortEntries`)."""
    this_year = current_year or datetime.date.today().year
    by_key = {entry["key"].lower(): entry for entry in entries if entry["key"]}
    volumes = {
        entry["fields"]["crossref"].strip().lower()
        for entry in entries
        if entry["fields"].get("crossref", "").strip().lower() in by_key
    }
    record = Record()
    candidates: list[tuple[int, int, int, str, Work]] = []
    for order, entry in enumerate(entries):
        if entry["key"].lower() in volumes:
            continue  # a proceedings volume the others name: not a work of yours
        fields = dict(entry["fields"])
        display = dict(entry.get("display", {}))
        parent = by_key.get(fields.get("crossref", "").strip().lower())
        if parent is not None:
            for name in INHERITED:
                if fields.get(name, "").strip():
                    continue
                lent = (
                    name
                    if parent["fields"].get(name)
                    else "title"
                    if name == "booktitle" and parent["fields"].get("title")
                    else None
                )
                if lent:
                    fields[name] = parent["fields"][lent]
                    if lent in parent.get("display", {}):
                        display[name] = parent["display"][lent]
        year, why = read_year(fields, this_year)
        if year is None:
            record.skipped.append(Skipped(entry["key"], why))
            continue
        venue_field = next((n for n in VENUE_FIELDS if fields.get(n, "").strip()), None)
        venue = plain_text(fields[venue_field]) if venue_field else ""
        work = Work(
            key=entry["key"],
            kind=kind_of(entry["type"], fields, venue),
            year=year,
            title=display.get("title", plain_text(fields.get("title", ""))),
            venue=display.get(venue_field, venue) if venue_field else "",
            doi=normal_doi(fields.get("doi", "")),
        )
        normal = normal_title(fields.get("title", ""))
        candidates.append((0 if work.peer_reviewed else 1, year, order, normal, work))
    seen: set[str] = set()
    kept: list[Work] = []
    for *_, normal, work in sorted(candidates, key=lambda c: c[:3]):
        keys = {f"title:{normal}"} if normal else set()
        if work.doi:
            keys.add(f"doi:{work.doi}")
        if keys & seen:
            record.duplicates += 1
        else:
            kept.append(work)
        seen |= keys
    record.works = sorted(kept, key=lambda w: (w.year, w.title.lower()))
    return record


def counts_frame(record: Record, include_other: bool = False) -> pd.DataFrame:
    """Works per year as a DataFrame (index: year; columns: peer_reviewed, other, counted)."""
    counted = record.counts(include_other)
    years = sorted(set(counted) | {w.year for w in record.works})
    if not years:
        return pd.DataFrame(columns=["peer_reviewed", "other", "counted"], index=pd.Index([], name="year"), dtype=int)
    span = range(years[0], years[-1] + 1)
    rows = [
        {
            "year": year,
            "peer_reviewed": sum(1 for w in record.works if w.year == year and w.peer_reviewed),
            "other": sum(1 for w in record.works if w.year == year and not w.peer_reviewed),
            "counted": counted.get(year, 0),
        }
        for year in span
    ]
    return pd.DataFrame(rows).set_index("year")


def record_counts(path_or_text: str | Path, include_other: bool = False, current_year: int | None = None) -> pd.DataFrame:
    """A BibTeX file's works per year, as a pandas DataFrame (see `counts_frame`)."""
    return counts_frame(read_record(path_or_text, current_year), include_other)
