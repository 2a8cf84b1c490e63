// Numbers as the book prints a calculator's numbers, in the browser. Its twin is
// formatting.py: every model, view and chapter formats through one of the two, and
// tests/js/formatting.test.mjs checks them against formatting_vectors.jsonl.

/** Math.round(x * 10**decimals) / 10**decimals: ties go up, as round_half_up in Python. */
export function roundHalfUp(x, decimals = 0) {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale + 0; // + 0 turns -0 into 0
}

/** At most `decimals` decimals, without trailing zeros: 4.5, 12, 0.25. */
export function formatDecimal(x, decimals) {
  const text = roundHalfUp(x, decimals).toFixed(decimals);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** One decimal at most, no trailing ".0": 4.5, 12. */
export function formatNumber(x) {
  return formatDecimal(x, 1);
}

/** A share as a percentage: 0.62 -> "62%"; with decimals = 2, 0.0053 -> "0.53%". */
export function formatPercent(ratio, decimals = 0) {
  return `${formatDecimal(ratio * 100, decimals)}%`;
}

/** A chance as people read it: "62%"; "under 1%" and "over 99%" rather than a false 0 or 100. */
export function formatProbability(p) {
  const percent = roundHalfUp(p * 100);
  if (percent === 0 && p > 0) return "under 1%";
  if (percent === 100 && p < 1) return "over 99%";
  return formatPercent(p);
}
