// formatting.js must print every number exactly as formatting.py does (formatting_vectors.jsonl).
import test from "node:test";
import assert from "node:assert/strict";
import { formatDecimal, formatNumber, formatPercent, formatProbability } from "../../widgets/formatting.js";
import { readJsonLines } from "./vectors.mjs";

const cases = readJsonLines("widgets/formatting_vectors.jsonl");

test("the vectors reach the cases where the two could disagree", () => {
  assert.ok(cases.length > 1000);
  const xs = cases.map((c) => c.x);
  for (const x of [0.5, -2.5, 0.005, 0.995, 0.49999999999999994]) assert.ok(xs.includes(x), String(x));
  assert.ok(xs.some((x) => Object.is(x, -0)), "negative zero");
  const probabilities = cases.map((c) => c.probability);
  for (const word of ["under 1%", "over 99%", "0%", "100%"]) assert.ok(probabilities.includes(word), word);
});

test("JS prints every number as Python does", () => {
  for (const c of cases) {
    const shown = {
      x: c.x,
      number: formatNumber(c.x),
      whole: formatDecimal(c.x, 0),
      percent: formatPercent(c.x),
      percent_2: formatPercent(c.x, 2),
    };
    if ("probability" in c) shown.probability = formatProbability(c.x);
    assert.deepEqual(shown, c, `x = ${c.x}`);
  }
});

test("numbers print for people, never as -0, exponents or NaN", () => {
  assert.equal(formatNumber(-0.04), "0");
  assert.equal(formatNumber(12), "12");
  assert.equal(formatNumber(4.25), "4.3");
  assert.equal(formatPercent(0.62), "62%");
  assert.equal(formatPercent(0.0053, 2), "0.53%");
  assert.equal(formatPercent(0.05, 2), "5%");
  for (const c of cases) for (const text of Object.values(c).slice(1)) assert.doesNotMatch(text, /NaN|Infinity|e[+-]|^-0%?$/);
});
