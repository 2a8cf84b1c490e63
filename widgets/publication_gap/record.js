// Your own publication record, read from BibTeX: the rules of record.py, in the browser.
// Pure (no DOM, no parser): it sorts entries {type, key, fields, display} that bibtex.js
// reads with the vendored parser. See record.py for the rules; a parity test checks that
// both sides count the same fixture files alike.
import { RECORD } from "./parameters.js";

const PEER_REVIEWED = new Set(["article", "inproceedings", "conference", "incollection"]);
const PREPRINT_VENUE = /\b(arxiv|corr|biorxiv|medrxiv|ssrn|chemrxiv|psyarxiv|preprints?|research square)\b/i;
const THESES = new Set(["phdthesis", "mastersthesis", "thesis"]);
const REPORTS = new Set(["techreport", "report"]);
const PREPRINT_TYPES = new Set(["unpublished", "preprint"]);
const INHERITED = ["year", "date", "booktitle", "journal"];
const VENUE_FIELDS = ["journal", "journaltitle", "booktitle", "howpublished", "school", "institution"];
const ENTRY_START = /@\s*[a-zA-Z]+\s*[{(]/g;

/** Refuse what is not a BibTeX file a person could have; null if the text may be read. */
export function textProblem(text) {
  if (!text.trim()) return "The BibTeX text is empty.";
  if (text.startsWith("%PDF-")) return "This is a PDF file, not BibTeX: export your publication list as BibTeX (.bib).";
  if (text.includes("\u0000")) return "This is not a text file: export your publication list as BibTeX (.bib).";
  if (text.length > RECORD.max_characters) {
    return `The BibTeX text is longer than ${RECORD.max_characters.toLocaleString("en-US")} characters: that is more than a personal record.`;
  }
  const entries = (text.match(ENTRY_START) ?? []).length;
  if (entries > RECORD.max_entries) {
    return `The file has ${entries.toLocaleString("en-US")} entries; at most ${RECORD.max_entries.toLocaleString("en-US")} are read.`;
  }
  if (entries === 0) {
    const looksLike = text.split(/\r?\n/)[0].includes(",") ? " (it looks like a CSV file)" : "";
    return `No BibTeX entries found${looksLike}: a BibTeX entry starts like @article{key, …`;
  }
  return null;
}

/** A PhD year typed by the reader: {value} or {error}. */
export function parsePhdYear(text, currentYear) {
  const last = currentYear + 1;
  const trimmed = String(text ?? "").trim();
  const year = /^\d{4}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(year >= RECORD.first_phd_year && year <= last)) {
    return { error: `The year of your PhD must be a whole year from ${RECORD.first_phd_year} to ${last}.` };
  }
  return { value: year };
}

const NON_ASCII = /[^\x00-\x7f]/;

export function normalTitle(title) {
  let plain = plainText(title);
  if (NON_ASCII.test(plain)) plain = plain.normalize("NFKD").replace(/\p{M}/gu, ""); // accents set aside
  return plain.replace(/\\([a-zA-Z]+|.)/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

export function normalDoi(doi) {
  return doi.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, "").trim().toLowerCase();
}

/** A field for display: braces dropped, spaces collapsed (bibtex.js decodes LaTeX into `display`). */
export function plainText(value) {
  return value.replaceAll("{", "").replaceAll("}", "").replace(/\s+/g, " ").trim();
}

/** [year, ""] or [null, why it is not usable]. */
export function readYear(fields, currentYear) {
  let raw = (fields.year ?? "").trim();
  if (!raw && (fields.date ?? "").trim()) {
    const match = plainText(fields.date).match(/^(\d{4})(-\d{2}(-\d{2})?)?$/);
    if (!match) return [null, "with a date that is not a year"];
    raw = match[1];
  }
  if (!raw) return [null, "with no year"];
  const text = plainText(raw);
  if (!/^\d{4}$/.test(text)) return [null, "with a year that is not four digits"];
  const year = Number(text);
  if (year < RECORD.first_year || year > currentYear + 1) return [null, `with a year outside ${RECORD.first_year}–${currentYear + 1}`];
  return [year, ""];
}

export function kindOf(type, fields, venue) {
  if (PEER_REVIEWED.has(type)) return PREPRINT_VENUE.test(venue) ? "preprint" : "peer-reviewed";
  const server = [venue, ...["eprinttype", "archiveprefix", "publisher"].map((name) => fields[name] ?? "")].join(" ");
  if (PREPRINT_TYPES.has(type) || ((type === "misc" || type === "online") && PREPRINT_VENUE.test(server))) return "preprint";
  if (THESES.has(type)) return "thesis";
  if (REPORTS.has(type)) return "report";
  return "other";
}

/** Apply the rules to parsed entries: { works, duplicates, skipped } (record.py: `sort_entries`). */
export function sortEntries(entries, currentYear) {
  const byKey = new Map(entries.filter((e) => e.key).map((e) => [e.key.toLowerCase(), e]));
  const crossref = (entry) => (entry.fields.crossref ?? "").trim().toLowerCase();
  const volumes = new Set(entries.map(crossref).filter((key) => byKey.has(key)));
  const skipped = [];
  const candidates = [];
  entries.forEach((entry, order) => {
    if (volumes.has(entry.key.toLowerCase())) return; // a proceedings volume the others name
    const fields = { ...entry.fields };
    const display = { ...entry.display };
    const parent = byKey.get(crossref(entry));
    if (parent) {
      for (const name of INHERITED) {
        if ((fields[name] ?? "").trim()) continue;
        const from = parent.fields[name] ? name : name === "booktitle" && parent.fields.title ? "title" : null;
        if (from) {
          fields[name] = parent.fields[from];
          if (parent.display?.[from] !== undefined) display[name] = parent.display[from];
        }
      }
    }
    const [year, why] = readYear(fields, currentYear);
    if (year === null) return skipped.push({ key: entry.key, reason: why });
    const venueField = VENUE_FIELDS.find((name) => (fields[name] ?? "").trim());
    const venue = venueField ? plainText(fields[venueField]) : "";
    const work = {
      key: entry.key,
      kind: kindOf(entry.type, fields, venue),
      year,
      title: display.title ?? plainText(fields.title ?? ""),
      venue: venueField ? (display[venueField] ?? venue) : "",
      doi: normalDoi(fields.doi ?? ""),
      normal: normalTitle(fields.title ?? ""),
    };
    candidates.push([work.kind === "peer-reviewed" ? 0 : 1, year, order, work]);
  });
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const seen = new Set();
  const works = [];
  let duplicates = 0;
  for (const [, , , work] of candidates) {
    const keys = [...(work.normal ? [`title:${work.normal}`] : []), ...(work.doi ? [`doi:${work.doi}`] : [])];
    if (keys.some((key) => seen.has(key))) duplicates += 1;
    else works.push(work);
    for (const key of keys) seen.add(key);
  }
  const byTitle = (a, b) => a.year - b.year || (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0);
  return { works: works.sort(byTitle), duplicates, skipped };
}

export const counted = (record, includeOther) => record.works.filter((w) => includeOther || w.kind === "peer-reviewed");
export const listedApart = (record) => record.works.filter((w) => w.kind !== "peer-reviewed");

/** Counted works per year, from the first year with one to the last: [[year, count], ...]. */
export function counts(record, includeOther) {
  const years = counted(record, includeOther).map((w) => w.year);
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => [first + i, years.filter((y) => y === first + i).length]);
}

const roundTenth = (x) => Math.round(x * 10) / 10;

/** Inputs taken from the record (record.py: `Record.proposals`). */
export function proposals(record, phdYear, includeOther, currentYear) {
  const works = counted(record, includeOther);
  const first = phdYear - RECORD.recent_phd_years + 1;
  const recent = works.filter((w) => w.year >= first && w.year <= phdYear).length;
  const result = {
    papers_at_phd: Math.min(50, works.filter((w) => w.year <= phdYear).length),
    postdoc_rate: Math.min(20, roundTenth(recent / RECORD.recent_phd_years)),
  };
  const fullYears = currentYear - 1 - phdYear;
  if (fullYears >= 1) {
    const since = works.filter((w) => w.year > phdYear && w.year < currentYear).length;
    result.industry_rate = Math.min(20, roundTenth(since / fullYears));
    result.years = Math.min(15, currentYear - phdYear);
  }
  return result;
}

const plural = (n, one, many) => (n === 1 ? one : many);

/** How many works were counted, duplicates merged and entries skipped, and why (record.py: `Record.summary`). */
export function summary(record, includeOther) {
  const parts = [
    `Counted ${counted(record, includeOther).length} ${includeOther ? "works" : "peer-reviewed works"}`,
    `merged ${record.duplicates} ${plural(record.duplicates, "duplicate", "duplicates")}`,
  ];
  if (record.skipped.length) {
    const reasons = [...new Set(record.skipped.map((s) => s.reason))].sort();
    const why = reasons.map((r) => `${record.skipped.filter((s) => s.reason === r).length} ${r}`).join("; ");
    parts.push(`skipped ${record.skipped.length} ${plural(record.skipped.length, "entry", "entries")} (${why})`);
  } else {
    parts.push("skipped no entries");
  }
  const apart = listedApart(record).length;
  if (apart && !includeOther) parts.push(`listed ${apart} other ${plural(apart, "work", "works")} apart (preprints, theses, reports and the like)`);
  return `${parts.join(", ")}.`;
}
