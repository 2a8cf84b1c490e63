// The JS model must reproduce the Python reference model (vectors.jsonl) to 1e-9, and
// reject the same inputs under the rule across fields.
import test from "node:test";
import assert from "node:assert/strict";
import { PARAMETERS, check, compute, formatOutputs, table, transitionMatrix } from "../../widgets/career_paths/model.js";
import { parseInput } from "../../widgets/calculator_ui.js";
import { formatProbability } from "../../widgets/formatting.js";
import { readVectors } from "./vectors.mjs";

const vectors = readVectors("career_paths");

function close(actual, expected, name) {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${name}: ${actual} != ${expected}`);
}

test("vectors cover the edge cases", () => {
  const formatted = vectors.cases.flatMap((c) => Object.values(c.formatted));
  for (const word of ["0%", "100%", "under 1%", "over 99%"]) assert.ok(formatted.includes(word), word);
  assert.ok(vectors.cases.some((c) => c.inputs.years === 1) && vectors.cases.some((c) => c.inputs.years === 40));
  assert.ok(vectors.cases.length > 200 && vectors.rejected.length > 10);
});

test("JS model matches the Python model on every vector", () => {
  for (const { inputs, outputs, formatted } of vectors.cases) {
    assert.equal(check(inputs), null, `accepts ${JSON.stringify(inputs)}`);
    const result = compute(inputs);
    for (const [name, expected] of Object.entries(outputs)) close(result[name], expected, `${name} for ${JSON.stringify(inputs)}`);
    assert.deepEqual(formatOutputs(result), formatted, JSON.stringify(inputs));
  }
});

test("JS table matches the Python table, labels and cells", () => {
  const withTables = vectors.cases.filter((c) => c.table);
  assert.ok(withTables.length >= 5);
  for (const { inputs, table: expected } of withTables) assert.deepEqual(table(inputs, compute(inputs)), expected, JSON.stringify(inputs));
});

test("JS rejects what Python rejects, beside the field the reader changed", () => {
  for (const inputs of vectors.rejected) {
    const problem = check(inputs, "p_postdoc_faculty");
    assert.equal(problem.name, "p_postdoc_faculty");
    assert.match(problem.message, /at most 1/);
    assert.doesNotMatch(problem.message, /NaN|undefined|null|Infinity/);
  }
  const inputs = vectors.rejected[0];
  assert.equal(check(inputs, "p_postdoc_industry").name, "p_postdoc_industry");
  assert.equal(check(inputs, "years").name, "p_postdoc_industry");
});

test("every row of the transition matrix sums to 1", () => {
  for (const { inputs } of vectors.cases) {
    for (const row of transitionMatrix(inputs)) close(row.reduce((a, b) => a + b, 0), 1, JSON.stringify(inputs));
  }
});

test("probabilities print as people read them", () => {
  assert.equal(formatProbability(0), "0%");
  assert.equal(formatProbability(0.004), "under 1%");
  assert.equal(formatProbability(0.005), "1%");
  assert.equal(formatProbability(0.62), "62%");
  assert.equal(formatProbability(0.996), "over 99%");
  assert.equal(formatProbability(1), "100%");
});

test("probability inputs are decimals from 0 to 1", () => {
  const chance = PARAMETERS.find((p) => p.name === "p_industry_faculty");
  assert.deepEqual(parseInput(chance, "0.05"), { value: 0.05 });
  for (const bad of ["", "5%", "20", "-0.1", "1.01", "abc"]) {
    const parsed = parseInput(chance, bad);
    assert.ok(parsed.error && !("value" in parsed), `rejects ${JSON.stringify(bad)}`);
    assert.match(parsed.error, bad === "" ? /from 0 to 1/ : /must be a number from 0 to 1/);
  }
  const years = PARAMETERS.find((p) => p.name === "years");
  assert.match(parseInput(years, "41").error, /whole number from 1 to 40/);
});
