// Read a JSON Lines file of test vectors written by `python -m widgets.generate`.
import { readFileSync } from "node:fs";

/** Every line of `relative` (from the repository root) as an object. */
export function readJsonLines(relative) {
  const text = readFileSync(new URL(`../../${relative}`, import.meta.url), "utf-8");
  return text.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line));
}

/** A calculator's vectors.jsonl: accepted cases, and inputs the model rejects. */
export function readVectors(folder) {
  const lines = readJsonLines(`widgets/${folder}/vectors.jsonl`);
  return { cases: lines.filter((line) => !line.rejected), rejected: lines.filter((line) => line.rejected).map((line) => line.inputs) };
}
