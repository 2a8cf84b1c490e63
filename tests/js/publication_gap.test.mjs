// The JS model must reproduce the Python reference model (vectors.jsonl) to 1e-9.
import test from "node:test";
import assert from "node:assert/strict";
import { PARAMETERS, compute, formatOutputs, table } from "../../widgets/publication_gap/model.js";
import { parseInput } from "../../widgets/calculator_ui.js";
import { readVectors } from "./vectors.mjs";

const vectors = readVectors("publication_gap");

function close(actual, expected, name) {
  if (expected === null) return assert.equal(actual, null, name);
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= 1e-9 * scale, `${name}: ${actual} != ${expected}`);
}

test("vectors cover the edge cases", () => {
  const catchUps = vectors.cases.map((c) => c.outputs.catch_up_years);
  assert.ok(catchUps.includes(null), "a case where catching up never happens");
  assert.ok(catchUps.includes(0), "a case where no catching up is needed");
  assert.ok(vectors.cases.some((c) => c.inputs.years === 0), "T = 0");
  assert.ok(vectors.cases.length > 100);
});

test("JS model matches the Python model on every vector", () => {
  for (const { inputs, outputs, formatted } of vectors.cases) {
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

test("input parsing accepts the range and rejects the rest with a message", () => {
  const years = PARAMETERS.find((p) => p.name === "years");
  assert.deepEqual(parseInput(years, " 5 "), { value: 5 });
  for (const bad of ["", "abc", "-1", "16", "2.5", "1e3", "NaN", "Infinity", "5 years"]) {
    const parsed = parseInput(years, bad);
    assert.ok(parsed.error && !("value" in parsed), `rejects ${JSON.stringify(bad)}`);
    assert.doesNotMatch(parsed.error, /NaN|undefined|null|Infinity/);
  }
  const rate = PARAMETERS.find((p) => p.name === "industry_rate");
  assert.deepEqual(parseInput(rate, "0.5"), { value: 0.5 });
  assert.match(parseInput(rate, "21").error, /from 0 to 20/);
});
