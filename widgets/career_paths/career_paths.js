// Is the door still open? The JS model (the same yearly three-state chain as model.py,
// checked against vectors.json) and its view for anywidget and the book.
import { OUTPUT_LABELS, PARAMETERS } from "./parameters.js";
import { formatPercent, mountCalculator, roundHalfUp } from "../calculator_ui.js";

export const STATES = ["postdoc", "faculty", "industry"];
const TOLERANCE = 1e-9; // the two postdoc moves may add up to 1 exactly, give or take rounding
const PAIR = ["p_postdoc_faculty", "p_postdoc_industry"];

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

/** "62%"; "under 1%" and "over 99%" rather than a false 0 or 100. */
export function formatProbability(p) {
  const percent = roundHalfUp(p * 100);
  if (percent === 0 && p > 0) return "under 1%";
  if (percent === 100 && p < 1) return "over 99%";
  return formatPercent(p);
}

export function formatOutputs(result) {
  return Object.fromEntries(Object.keys(OUTPUT_LABELS).map((name) => [name, formatProbability(result[name])]));
}

// Okabe-Ito colours, safe for colour-blind readers; the lines differ in dash too.
const FROM_POSTDOC = "#0072B2";
const FROM_INDUSTRY = "#D55E00";

function facultySeries(values) {
  const { postdoc, industry } = trajectories(values);
  return {
    years: postdoc.map((_, year) => year),
    fromPostdoc: postdoc.map((d) => probability(d[1])),
    fromIndustry: industry.map((d) => probability(d[1])),
  };
}

function chart(values) {
  const { years, fromPostdoc, fromIndustry } = facultySeries(values);
  const line = (name, y, color, dash) => ({
    type: "scatter",
    mode: values.years > 20 ? "lines" : "lines+markers",
    name,
    x: years,
    y,
    line: { color, dash, width: 3 },
    marker: { color, size: 7 },
    hovertemplate: `${name}: %{y:.0%} after %{x} years<extra></extra>`,
  });
  return {
    data: [
      line("Starting as a postdoc", fromPostdoc, FROM_POSTDOC, "solid"),
      line("Starting in industry", fromIndustry, FROM_INDUSTRY, "dash"),
    ],
    layout: {
      title: { text: "Chance of a faculty post, by year", font: { size: 16 } },
      xaxis: { title: { text: "Years since the PhD" }, rangemode: "tozero" },
      yaxis: { title: { text: "Chance of a faculty post" }, range: [0, 1.05], tickformat: ".0%" },
      legend: { orientation: "h", y: -0.25 },
      margin: { l: 60, r: 20, t: 50, b: 40 },
      height: 360,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
    },
  };
}

function table(values) {
  const { years, fromPostdoc, fromIndustry } = facultySeries(values);
  return {
    columns: ["Years since PhD", "Faculty, starting as a postdoc", "Faculty, starting in industry"],
    rows: years.map((year, i) => [year, formatProbability(fromPostdoc[i]), formatProbability(fromIndustry[i])]),
  };
}

function summary(values, result) {
  const text = formatOutputs(result);
  return (
    `Line chart of the chance of holding a faculty post. After ${values.years} years it is ` +
    `${text.faculty_from_postdoc} starting as a postdoc and ${text.faculty_from_industry} starting in industry.`
  );
}

export const CALCULATOR = {
  id: "career-paths",
  title: "Career paths calculator",
  note:
    "The default chances are illustrative, not estimates: no source gives these yearly rates. " +
    "Put in your own, as decimals from 0 to 1.",
  parameters: PARAMETERS,
  compute,
  check,
  outputs: Object.entries(OUTPUT_LABELS).map(([name, label]) => ({ name, label, format: (r) => formatOutputs(r)[name] })),
  chart,
  table,
  summary,
};

export default {
  render(context) {
    return mountCalculator(context, CALCULATOR);
  },
};
