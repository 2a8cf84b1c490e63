// What a reader typed for one calculator input, checked against its declaration (the
// generated parameters.js): the form, the sliders and share links all read values this way.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Parse what a reader typed for one parameter: {value} or {error: message}. */
export function parseInput(spec, raw) {
  const text = String(raw ?? "").trim();
  const problem = { error: `${spec.label} must be ${spec.range_text}.` };
  if (text === "" && spec.optional) return { value: null }; // left unanswered: unknown
  if (spec.kind === "choice") return spec.answers.some((a) => a.value === text) ? { value: text } : problem;
  if (text === "") return { error: `Enter ${spec.range_text}.` };
  if (!NUMBER.test(text)) return problem;
  const value = Number(text);
  if (!Number.isFinite(value) || value < spec.minimum || value > spec.maximum) return problem;
  if (spec.integer && !Number.isInteger(value)) return problem;
  return { value };
}
