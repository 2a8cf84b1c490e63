// Publication gap against a postdoc competitor: the JS model (the same equations as
// model.py, checked against vectors.json) and its view for anywidget and the book.
import { OUTPUT_LABELS, PARAMETERS } from "./parameters.js";
import { formatNumber, formatPercent, mountCalculator } from "../calculator_ui.js";

export function recencyWeight(halfLife) {
  return 2 ** (-1 / halfLife);
}

export function recencyScore(papersAtPhd, rate, years, weight) {
  const decay = weight ** years;
  return papersAtPhd * decay + (rate * (1 - decay)) / (1 - weight);
}

function catchUpLevel(start, rate, extraYears, weight) {
  const decay = weight ** extraYears;
  return start * decay + (rate * (1 - decay)) / (1 - weight);
}

/** Fewest whole years of postdoc-rate output to reach the rival's score; null = never. */
export function catchUpYears(yourScore, rivalScore, postdocRate, weight) {
  if (yourScore >= rivalScore) return 0;
  const limit = postdocRate / (1 - weight);
  if (limit <= rivalScore) return null;
  let x = Math.max(0, Math.ceil(Math.log((limit - rivalScore) / (limit - yourScore)) / Math.log(weight)));
  while (x > 0 && catchUpLevel(yourScore, postdocRate, x - 1, weight) >= rivalScore) x -= 1;
  while (catchUpLevel(yourScore, postdocRate, x, weight) < rivalScore) x += 1;
  return x;
}

/** Every output for already-validated inputs (see model.py for the equations). */
export function compute({ years, papers_at_phd, industry_rate, postdoc_rate, half_life }) {
  const weight = recencyWeight(half_life);
  const your_total = papers_at_phd + industry_rate * years;
  const rival_total = papers_at_phd + postdoc_rate * years;
  const your_score = recencyScore(papers_at_phd, industry_rate, years, weight);
  const rival_score = recencyScore(papers_at_phd, postdoc_rate, years, weight);
  return {
    your_total,
    rival_total,
    gap: rival_total - your_total,
    your_score,
    rival_score,
    recency_ratio: rival_score > 0 ? your_score / rival_score : null,
    catch_up_years: catchUpYears(your_score, rival_score, postdoc_rate, weight),
  };
}

export function formatOutputs(result) {
  return {
    your_total: formatNumber(result.your_total),
    rival_total: formatNumber(result.rival_total),
    gap: formatNumber(result.gap),
    recency_ratio: result.recency_ratio === null ? "n/a" : formatPercent(result.recency_ratio),
    catch_up_years: result.catch_up_years === null ? "never" : String(result.catch_up_years),
  };
}

// Okabe-Ito colours, safe for colour-blind readers; the lines differ in dash too.
const YOU = "#D55E00";
const POSTDOC = "#0072B2";

function records(values) {
  const years = [...Array(values.years + 1).keys()];
  const you = years.map((t) => values.papers_at_phd + values.industry_rate * t);
  const postdoc = years.map((t) => values.papers_at_phd + values.postdoc_rate * t);
  return { years, you, postdoc };
}

function chart(values, result) {
  const { years, you, postdoc } = records(values);
  const line = (name, y, color, dash) => ({
    type: "scatter",
    mode: "lines+markers",
    name,
    x: years,
    y,
    line: { color, dash, width: 3 },
    marker: { color, size: 7 },
    hovertemplate: `${name}: %{y:.1f} papers after %{x} years<extra></extra>`,
  });
  const top = Math.max(result.rival_total, result.your_total, 1);
  return {
    data: [line("The postdoc", postdoc, POSTDOC, "solid"), line("You, in industry", you, YOU, "dash")],
    layout: {
      title: { text: "Cumulative papers, you vs. the postdoc", font: { size: 16 } },
      xaxis: { title: { text: "Years since the PhD" }, dtick: values.years > 8 ? 2 : 1, rangemode: "tozero" },
      yaxis: { title: { text: "Papers (cumulative)" }, rangemode: "tozero", range: [0, top * 1.15] },
      legend: { orientation: "h", y: -0.25 },
      margin: { l: 60, r: 20, t: 50, b: 40 },
      height: 360,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      shapes: [
        {
          type: "line",
          x0: values.years,
          x1: values.years,
          y0: result.your_total,
          y1: result.rival_total,
          line: { color: "#555", width: 2, dash: "dot" },
        },
      ],
      annotations: [
        {
          x: values.years,
          y: (result.your_total + result.rival_total) / 2,
          text: `gap ${formatNumber(result.gap)}`,
          showarrow: false,
          xanchor: "right",
          xshift: -8,
          font: { size: 13 },
        },
      ],
    },
  };
}

function table(values) {
  const { years, you, postdoc } = records(values);
  return {
    columns: ["Years since PhD", "Your papers", "The postdoc's papers", "Gap"],
    rows: years.map((t, i) => [t, formatNumber(you[i]), formatNumber(postdoc[i]), formatNumber(postdoc[i] - you[i])]),
  };
}

function summary(values, result) {
  const text = formatOutputs(result);
  return (
    `Line chart of cumulative papers. After ${values.years} years you have ${text.your_total} papers ` +
    `and the postdoc has ${text.rival_total}: a gap of ${text.gap}.`
  );
}

export const CALCULATOR = {
  id: "publication-gap",
  title: "Publication gap calculator",
  note: "The defaults are illustrative, not estimates: put in your own numbers.",
  parameters: PARAMETERS,
  compute,
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
