// Is the door still open? The JS model, twin of model.py (the same yearly three-state
// chain, checked against vectors.jsonl by tests/js/career_paths.test.mjs). Pure: it runs
// in node and in the browser, with no DOM.
import { OUTPUT_LABELS, PARAMETERS, TABLE_CAPTION, TABLE_COLUMNS } from "./parameters.js";
import { formatProbability, roundHalfUp } from "../formatting.js";

export { OUTPUT_LABELS, PARAMETERS };

export const STATES = ["postdoc", "faculty", "industry"];
const TOLERANCE = 1e-9; // the two postdoc moves may add up to 1 exactly, give or take rounding
export const PAIR = ["p_postdoc_faculty", "p_postdoc_industry"]; // the two moves the rule ties together

/** The rule across fields: a postdoc makes at most one of its two moves in a year. */
export function check(values, changed) {
  const total = values.p_postdoc_faculty + values.p_postdoc_industry;
  if (total <= 1 + TOLERANCE) return null;
  const [toFaculty, toIndustry] = PAIR.map((name) => PARAMETERS.find((p) => p.name === name));
  return {
    name: PAIR.includes(changed) ? changed : toIndustry.name,
    message:
      `${toFaculty.label} and ${toIndustry.label.toLowerCase()} add up to ${roundHalfUp(total, 6)}; ` +
      "together they can be at most 1, because a postdoc makes at most one of the two moves in a year.",
  };
}

/** One year's moves; rows and columns in the order of STATES (row: from, column: to). */
export function transitionMatrix({ p_postdoc_faculty, p_postdoc_industry, p_industry_faculty, p_faculty_industry }) {
  const remainder = 1 - p_postdoc_faculty - p_postdoc_industry;
  const stayPostdoc = remainder < TOLERANCE ? 0 : remainder; // moves typed to add up to 1: nobody stays
  return [
    [stayPostdoc, p_postdoc_faculty, p_postdoc_industry],
    [0, 1 - p_faculty_industry, p_faculty_industry],
    [0, p_industry_faculty, 1 - p_industry_faculty],
  ];
}

function step([postdoc, faculty, industry], matrix) {
  return [0, 1, 2].map((j) => postdoc * matrix[0][j] + faculty * matrix[1][j] + industry * matrix[2][j]);
}

/** Year 0..years: the chances of (postdoc, faculty, industry) for each starting path. */
export function trajectories(values) {
  const matrix = transitionMatrix(values);
  const paths = { postdoc: [[1, 0, 0]], industry: [[0, 0, 1]] };
  for (const path of Object.values(paths)) {
    for (let year = 0; year < values.years; year += 1) path.push(step(path.at(-1), matrix));
  }
  return paths;
}

const probability = (x) => Math.min(1, Math.max(0, x)); // rounding can overshoot [0, 1] by a hair

/** Every output for already-validated inputs (see model.py). */
export function compute(values) {
  const { postdoc, industry } = trajectories(values);
  const [fromPostdoc, fromIndustry] = [postdoc.at(-1), industry.at(-1)];
  return {
    faculty_from_postdoc: probability(fromPostdoc[1]),
    faculty_from_industry: probability(fromIndustry[1]),
    postdoc_from_postdoc: probability(fromPostdoc[0]),
    industry_from_postdoc: probability(fromPostdoc[2]),
    industry_from_industry: probability(fromIndustry[2]),
  };
}

export function formatOutputs(result) {
  return Object.fromEntries(Object.keys(OUTPUT_LABELS).map((name) => [name, formatProbability(result[name])]));
}

/** Year 0..years: the chance of a faculty post from each starting path. */
export function facultySeries(values) {
  const { postdoc, industry } = trajectories(values);
  return {
    years: postdoc.map((_, year) => year),
    fromPostdoc: postdoc.map((d) => probability(d[1])),
    fromIndustry: industry.map((d) => probability(d[1])),
  };
}

/** The chart's numbers as the page's table shows them (`table` in model.py). */
export function table(values) {
  const { years, fromPostdoc, fromIndustry } = facultySeries(values);
  return {
    caption: TABLE_CAPTION,
    columns: Object.values(TABLE_COLUMNS),
    rows: years.map((year, i) => [String(year), formatProbability(fromPostdoc[i]), formatProbability(fromIndustry[i])]),
  };
}
