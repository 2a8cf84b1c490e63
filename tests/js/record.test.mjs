// The record's rules in the browser (record.js): refused texts, years, kinds, normalised titles.
import test from "node:test";
import assert from "node:assert/strict";
import { kindOf, normalDoi, normalTitle, parsePhdYear, readYear, sortEntries, textProblem } from "../../widgets/publication_gap/record.js";
import { RECORD } from "../../widgets/publication_gap/parameters.js";

test("texts that are not a personal BibTeX record are refused with a reason", () => {
  assert.match(textProblem(""), /empty/);
  assert.match(textProblem("%PDF-1.7\n1 0 obj"), /PDF/);
  assert.match(textProblem("a,b\n1,2"), /CSV/);
  assert.match(textProblem("@misc{x,}\n".repeat(RECORD.max_entries + 1)), /at most 5,000/);
  assert.match(textProblem(`@misc{x, note={${"y".repeat(RECORD.max_characters)}}}`), /longer than/);
  assert.equal(textProblem("@article{a, title={T}, year=2020}"), null);
});

test("years are read, never guessed; a PhD year must lie in 1950 to next year", () => {
  assert.deepEqual(readYear({ year: "{2019}" }, 2026), [2019, ""]);
  assert.deepEqual(readYear({ year: "2019a" }, 2026), [null, "with a year that is not four digits"]);
  assert.deepEqual(readYear({ year: "3019" }, 2026), [null, "with a year outside 1900–2027"]);
  assert.deepEqual(readYear({ date: "2021-06" }, 2026), [2021, ""]);
  assert.deepEqual(readYear({}, 2026), [null, "with no year"]);
  assert.deepEqual(parsePhdYear(" 2021 ", 2026), { value: 2021 });
  for (const bad of ["1949", "2028", "2021.5", "", "twenty"]) assert.match(parsePhdYear(bad, 2026).error, /from 1950 to 2027/);
});

test("kinds, titles and DOIs", () => {
  assert.equal(kindOf("article", {}, "arXiv preprint arXiv:2101.00001"), "preprint");
  assert.equal(kindOf("article", {}, "CoRR"), "preprint");
  assert.equal(kindOf("misc", { publisher: "arXiv" }, ""), "preprint");
  assert.equal(kindOf("incollection", {}, "Advances"), "peer-reviewed");
  assert.equal(kindOf("phdthesis", {}, "U"), "thesis");
  assert.equal(normalTitle('Schr{\\"o}dinger {BERT}'), normalTitle("SCHRÖDINGER bert"));
  assert.equal(normalDoi(" https://doi.org/10.1/AbC "), "10.1/abc");
  const record = sortEntries(
    [
      { type: "misc", key: "pre", fields: { title: "A Result", year: "2019", publisher: "arXiv" }, display: {} },
      { type: "article", key: "pub", fields: { title: "A result", year: "2020", journal: "J" }, display: {} },
    ],
    2026,
  );
  assert.deepEqual(record.works.map((w) => w.key), ["pub"]); // the peer-reviewed copy wins
  assert.equal(record.duplicates, 1);
});
