// Questions for a recruiter: the JS model, twin of model.py. The same scoring rule (see
// its docstring), with the weights, thresholds and words read from the generated
// parameters.js, and checked against vectors.jsonl by tests/js/recruiter_questions.test.mjs.
// Pure: it runs in node and in the browser, with no DOM.
import { BANDS, MESSAGES, OUTPUT_LABELS, PARAMETERS, SCORING, TABLE_CAPTION, TABLE_COLUMNS } from "./parameters.js";
import { formatDecimal, formatNumber, roundHalfUp } from "../formatting.js";

export { OUTPUT_LABELS };

export const RULES = Object.fromEntries(SCORING.map((rule) => [rule.name, rule]));
export const QUESTIONS = PARAMETERS;

/** The fraction of a question's points an answer (not null) earns. */
export function shareOfPoints(question, answer) {
  if (question.kind === "choice") {
    const last = question.answers.length - 1;
    return (last - question.answers.findIndex((a) => a.value === answer)) / last;
  }
  return Math.min(answer / RULES[question.name].full_at, 1);
}

export function unknownSentence(unknown) {
  const total = QUESTIONS.length;
  if (unknown === 0) return `All ${total} questions answered.`;
  if (unknown === total) return `All ${total} questions are unknown.`;
  return `${unknown} of ${total} questions ${unknown === 1 ? "is" : "are"} unknown.`;
}

function verdictFor(score, unknown, decidingKnown) {
  if (score === null) return { band: "none", verdict: `${MESSAGES.no_answers} ${unknownSentence(unknown)}` };
  const rounded = roundHalfUp(score);
  let chosen = BANDS.find((b) => rounded >= b.lowest);
  if (chosen.band === "strong" && !decidingKnown) chosen = BANDS[1];
  const sentences = [chosen.words, unknownSentence(unknown)];
  if (!decidingKnown) sentences.push(MESSAGES.deciding_unknown);
  return { band: chosen.band, verdict: sentences.join(" ") };
}

/** Every output for already-validated answers (null = unknown). */
export function compute(values) {
  const points = [];
  const flagged = [];
  let earned = 0;
  let possible = 0;
  for (const question of QUESTIONS) {
    const answer = values[question.name] ?? null;
    const rule = RULES[question.name];
    if (answer === null) {
      points.push(null);
      continue;
    }
    const share = shareOfPoints(question, answer);
    points.push(rule.weight * share);
    earned += rule.weight * share;
    possible += rule.weight;
    if (rule.red_flag !== null && share < MESSAGES.red_flag_share) flagged.push(rule);
  }
  const unknown = points.filter((p) => p === null).length;
  const score = possible > 0 ? (100 * earned) / possible : null;
  const decidingKnown = (values[MESSAGES.deciding_question] ?? null) !== null;
  flagged.sort((a, b) => b.weight - a.weight); // stable: heavier questions first
  return {
    score,
    ...verdictFor(score, unknown, decidingKnown),
    red_flags: flagged.map((rule) => rule.red_flag),
    unknown_count: unknown,
    points_earned: earned,
    points_possible: possible,
    points,
  };
}

export function formatScore(result) {
  return result.score === null ? "n/a" : formatDecimal(result.score, 0);
}

export function formatOutputs(result) {
  let flags = result.red_flags.join(" ");
  if (result.red_flags.length === 0) flags = result.score === null ? MESSAGES.no_flags_yet : MESSAGES.no_flags;
  return { score: formatScore(result), verdict: result.verdict, red_flags: flags };
}

/** An answer as people read it: "Informally", "20% of working time", "unknown". */
export function formatAnswer(question, answer) {
  if (answer === null || answer === undefined) return "unknown";
  if (question.kind === "choice") return question.answers.find((a) => a.value === answer).label;
  if (!question.unit) return formatNumber(answer);
  const space = question.unit.startsWith("%") ? "" : " ";
  const unit = answer === 1 ? question.unit.replace("papers", "paper") : question.unit; // "1 paper a year"
  return `${formatNumber(answer)}${space}${unit}`;
}

/** One row per question: what it asks, the answer and the points (as model.to_frame). */
export function questionRows(values, result) {
  return QUESTIONS.map((question, i) => ({
    name: question.name,
    question,
    short: RULES[question.name].short,
    asks: question.label,
    ask: question.help,
    answer: values[question.name] ?? null,
    answerText: formatAnswer(question, values[question.name] ?? null),
    points: result.points[i],
    maxPoints: RULES[question.name].weight,
  }));
}

/** "3 of 15", or "not counted" for an unknown answer: a question's points in words. */
export function pointsText(row) {
  return row.points === null ? "not counted" : `${formatNumber(row.points)} of ${formatNumber(row.maxPoints)}`;
}

/** The chart's numbers as the page's table shows them (`table` in model.py). */
export function table(values, result) {
  return {
    caption: TABLE_CAPTION,
    columns: Object.values(TABLE_COLUMNS),
    rows: questionRows(values, result).map((row) => [
      row.short,
      row.answerText,
      row.points === null ? "not counted" : formatNumber(row.points),
      formatNumber(row.maxPoints),
    ]),
  };
}
