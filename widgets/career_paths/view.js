// Is the door still open? The view (form, chart, table) for anywidget and the static
// book. The numbers come from model.js.
import { mountCalculator } from "../calculator_ui.js";
import { OUTPUT_LABELS, PAIR, PARAMETERS, check, compute, facultySeries, formatOutputs, table } from "./model.js";
import { NO_DATA_FIELDS, PRESETS, SHARE_PREFIX } from "./parameters.js";

// Okabe-Ito colours, safe for colour-blind readers; the lines differ in dash too.
const FROM_POSTDOC = "#0072B2";
const FROM_INDUSTRY = "#D55E00";

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
    "No source gives these yearly chances; each input's note says what the book's figures allow, and the " +
    "defaults stay within it. Put in your own, as decimals from 0 to 1.",
  parameters: PARAMETERS,
  compute,
  check,
  outputs: Object.entries(OUTPUT_LABELS).map(([name, label]) => ({ name, label, format: (r) => formatOutputs(r)[name] })),
  chart,
  table,
  summary,
  presets: PRESETS,
  noDataFields: NO_DATA_FIELDS,
  sharePrefix: SHARE_PREFIX,
  linkedFields: PAIR,
};

export default {
  render(context) {
    return mountCalculator(context, CALCULATOR);
  },
};
