// Reads BibTeX files as the browser does (the vendored parser, bibtex.js, record.js) and
// prints what the parity test compares with Python: node tests/js/read_record.mjs YEAR PHD_YEAR FILE...
import { readFileSync } from "node:fs";
import * as parser from "../../widgets/vendor/bibtex-parser.min.js";
import { decodeDisplay, readEntries } from "../../widgets/publication_gap/bibtex.js";
import { counts, proposals, sortEntries, summary, textProblem } from "../../widgets/publication_gap/record.js";

const [currentYear, phdYear, ...files] = process.argv.slice(2);
const result = {};
for (const file of files) {
  const text = readFileSync(file, "utf-8");
  const problem = textProblem(text);
  if (problem) {
    result[file] = { problem };
    continue;
  }
  const { entries, failed } = readEntries(text, parser);
  decodeDisplay(entries, parser);
  const record = sortEntries(entries, Number(currentYear));
  record.skipped.unshift(...failed);
  result[file] = {
    counts: Object.fromEntries(counts(record, false)),
    counts_all: Object.fromEntries(counts(record, true)),
    duplicates: record.duplicates,
    skipped: record.skipped.map((s) => [s.key, s.reason]),
    works: record.works.map((w) => [w.key, w.kind, w.year, w.doi]).sort(),
    proposals: proposals(record, Number(phdYear), false, Number(currentYear)),
    summary: summary(record, false),
    summary_all: summary(record, true),
    titles: Object.fromEntries(record.works.map((w) => [w.key, [w.title, w.venue]])),
  };
}
console.log(JSON.stringify(result));
