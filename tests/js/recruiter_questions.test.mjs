// The scorecard's JS model must reproduce the Python model (vectors.jsonl); the address
// parser, the exports and the comparison must treat reader text as text.
import test from "node:test";
import assert from "node:assert/strict";
import { PARAMETERS, SHARE_PREFIX } from "../../widgets/recruiter_questions/parameters.js";
import { compute, formatAnswer, formatOutputs, table } from "../../widgets/recruiter_questions/model.js";
import { MAX_FRAGMENT_LENGTH, fragmentFor, parseFragment as parseAny } from "../../widgets/share_link.js";
import { CSV_COLUMNS, toCsv, toMarkdown } from "../../widgets/recruiter_questions/export.js";
import { comparisonFigure, comparisonTable, emptyOffer, inUse } from "../../widgets/recruiter_questions/offers.js";
import { parseInput } from "../../widgets/calculator_ui.js";
import { readVectors } from "./vectors.mjs";

const vectors = readVectors("recruiter_questions");
const question = (name) => PARAMETERS.find((p) => p.name === name);

function same(actual, expected, name) {
  if (expected === null || typeof expected === "string") return assert.equal(actual, expected, name);
  if (Array.isArray(expected)) {
    assert.equal(actual.length, expected.length, name);
    return expected.forEach((item, i) => same(actual[i], item, `${name}[${i}]`));
  }
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= 1e-9 * scale, `${name}: ${actual} != ${expected}`);
}

test("vectors cover the edge cases", () => {
  const bands = new Set(vectors.cases.map((c) => c.outputs.band));
  assert.deepEqual([...bands].sort(), ["mixed", "none", "strong", "weak"]);
  assert.ok(vectors.cases.some((c) => c.outputs.red_flags.length >= 5));
  assert.ok(vectors.cases.some((c) => c.outputs.unknown_count === 0));
  assert.ok(vectors.cases.some((c) => Object.values(c.inputs).some((v) => v === null) && c.outputs.score !== null));
  assert.ok(vectors.cases.length > 100);
});

test("JS model matches the Python model on every vector", () => {
  for (const { inputs, outputs, formatted } of vectors.cases) {
    const result = compute(inputs);
    for (const [name, expected] of Object.entries(outputs)) same(result[name], expected, `${name} for ${JSON.stringify(inputs)}`);
    assert.deepEqual(formatOutputs(result), formatted, JSON.stringify(inputs));
  }
});

test("JS table matches the Python table, labels and cells", () => {
  const withTables = vectors.cases.filter((c) => c.table);
  assert.ok(withTables.length >= 5);
  for (const { inputs, table: expected } of withTables) assert.deepEqual(table(inputs, compute(inputs)), expected, JSON.stringify(inputs));
});

test("choices and unanswered fields parse like the form reads them", () => {
  const review = question("review_counts_papers");
  assert.deepEqual(parseInput(review, "no"), { value: "no" });
  assert.deepEqual(parseInput(review, ""), { value: null });
  assert.match(parseInput(review, "No").error, /one of 'explicitly', 'informally' or 'no'/);
  const time = question("research_time");
  assert.deepEqual(parseInput(time, "  "), { value: null });
  assert.deepEqual(parseInput(time, "12.5"), { value: 12.5 });
  assert.match(parseInput(time, "101").error, /from 0 to 100/);
  assert.match(parseInput(question("left_for_faculty"), "1.5").error, /whole number/);
  assert.equal(formatAnswer(time, 20), "20% of working time");
  assert.equal(formatAnswer(review, null), "unknown");
  assert.equal(formatAnswer(question("median_papers"), 1), "1 paper a year");
  assert.equal(formatAnswer(question("median_papers"), 2.5), "2.5 papers a year");
});

const LINK = { prefix: SHARE_PREFIX, parameters: PARAMETERS };
const parseFragment = (hash) => parseAny(hash, { ...LINK, named: true, noun: "question" });

test("a fragment round-trips through fragmentFor and parseFragment", () => {
  const values = { ...emptyOffer(0).values, review_counts_papers: "no", median_papers: 0.5, left_for_faculty: 3 };
  const name = "Lab & Co. <research> \"quoted\" 'single'";
  const parsed = parseFragment(fragmentFor(values, { ...LINK, name }));
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.name, name);
  assert.deepEqual(parsed.values, { median_papers: 0.5, review_counts_papers: "no", left_for_faculty: 3 });
});

test("hostile fragments are left out with a message, never trusted", () => {
  assert.equal(parseFragment("#section-2"), null, "other fragments are not ours");
  const script = encodeURIComponent("<script>alert(1)</script>");
  const cases = [
    [`#rq:research_time=${script}`, /research_time=“<script>alert\(1\)<\/script>”: the answer must be a number from 0 to 100/],
    [`#rq:${script}=1`, /Left out “<script>alert\(1\)<\/script>”: there is no question of that name/],
    ["#rq:review_counts_papers=%22no%22", /the answer must be one of/],
    ["#rq:research_time=200", /from 0 to 100/],
    ["#rq:research_time=NaN", /from 0 to 100/],
    ["#rq:research_time=1e2", /from 0 to 100/],
    ["#rq:left_for_faculty=1.5", /whole number/],
    ["#rq:research_time=%E0%A4%A", /not a correctly encoded part/],
    ["#rq:research_time", /has no value/],
    ["#rq:__proto__=1", /no question of that name/],
    ["#rq:research_time=20&research_time=30", /second value for research_time/],
    [`#rq:name=${"x".repeat(61)}`, /a name is 1 to 60 characters/],
    ["#rq:name=a%0Ab", /a name is 1 to 60 characters/],
  ];
  for (const [hash, message] of cases) {
    const parsed = parseFragment(hash);
    assert.equal(parsed.problems.length, 1, hash);
    assert.match(parsed.problems[0], message, hash);
    assert.ok(parsed.problems[0].length < 200, "messages quote reader text only shortened");
  }
  assert.deepEqual(parseFragment("#rq:research_time=20&research_time=30").values, { research_time: 20 });
  assert.equal(Object.getPrototypeOf(parseFragment("#rq:__proto__=1").values), Object.prototype);
  const long = parseFragment(`#rq:name=${"y".repeat(MAX_FRAGMENT_LENGTH)}`);
  assert.deepEqual(long.values, {});
  assert.match(long.problems[0], /longer than 2000 characters/);
  const many = parseFragment(`#rq:${Array(25).fill("research_time=5").join("&")}`);
  assert.match(many.problems[0], /only the first 20 were read/);
});

const offer = (name, values, notes = {}) => ({
  name,
  values: { ...emptyOffer(0).values, ...values },
  notes: { ...emptyOffer(0).notes, ...notes },
});

// A small RFC 4180 reader, to check that every cell comes back exactly.
function readCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

test("CSV quotes every cell, keeps reader text exact and defuses formulas", () => {
  const note = 'She said "maybe", then:\nask again, later';
  const text = toCsv([offer("=SUM(A1)", { review_counts_papers: "no", research_time: 20 }, { research_time: note })]);
  assert.ok(text.startsWith("\ufeff") && text.endsWith("\r\n"));
  const rows = readCsv(text.slice(1));
  assert.deepEqual(rows[0], CSV_COLUMNS);
  assert.equal(rows.length, 1 + PARAMETERS.length);
  const time = rows.find((r) => r[2] === "research_time");
  assert.deepEqual(time, ["'=SUM(A1)", "4", "research_time", question("research_time").label, "20", "20% of working time", "2", "10", note]);
  const review = rows.find((r) => r[2] === "review_counts_papers");
  assert.deepEqual(review.slice(4, 8), ["no", "No", "0", "35"]);
  assert.deepEqual(rows.find((r) => r[2] === "fixed_term").slice(4, 7), ["", "unknown", ""]);
  assert.doesNotMatch(text, /NaN|undefined|null/);
});

test("Markdown shows reader text as typed, not as markup", () => {
  const text = toMarkdown([offer("# <b>Lab</b> *one*", { review_counts_papers: "informally" }, { fixed_term: "- not a list\n1. nor this [link](x)" })]);
  assert.match(text, /^## \\# \\<b\\>Lab\\<\/b\\> \\\*one\\\*$/m);
  assert.match(text, /Notes: \\- not a list\n {5}1\\\. nor this \\\[link\\\]\(x\)/);
  assert.match(text, /Score: 50 out of 100/);
  assert.match(text, /Answer: Informally/);
  assert.doesNotMatch(text, /NaN|undefined|null/);
});

test("the comparison names offers as text and escapes them for plotly", () => {
  const offers = [offer("<img src=x onerror=alert(1)>", { review_counts_papers: "no" }), offer("B & C", { fixed_term: "yes" })];
  const figure = comparisonFigure(offers);
  assert.equal(figure.data.length, 2);
  assert.equal(figure.data[0].name, "&lt;img src=x onerror=alert(1)&gt; (score 0)");
  assert.equal(figure.data[1].name, "B &amp; C (score 100)");
  assert.deepEqual(figure.data[1].x, compute(offers[1].values).points.map((p) => p ?? 0));
  const table = comparisonTable(offers);
  assert.deepEqual(table.columns, ["Question", "<img src=x onerror=alert(1)>", "B & C"]);
  assert.deepEqual(table.rows.at(-3), ["Score out of 100", "0", "100"]);
  assert.ok(inUse(offer("x", {}, { median_papers: "a note" })) && !inUse(emptyOffer(2)));
});
