// Publication gap against a postdoc competitor: the view (form, chart, table) for
// anywidget and the static book. The numbers come from model.js.
import { mountCalculator } from "../calculator_ui.js";
import { formatNumber } from "../formatting.js";
import { OUTPUT_LABELS, PARAMETERS, compute, formatOutputs, records, table } from "./model.js";
import { NO_DATA_FIELDS, PRESETS, SHARE_PREFIX } from "./parameters.js";
import { mountRecordPanel } from "./record_panel.js";

// Okabe-Ito colours, safe for colour-blind readers; the lines differ in dash too.
const YOU = "#D55E00";
const POSTDOC = "#0072B2";

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
  const top = Math.max(result.postdoc_total, result.your_total, 1);
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
          y1: result.postdoc_total,
          line: { color: "#555", width: 2, dash: "dot" },
        },
      ],
      annotations: [
        {
          x: values.years,
          y: (result.your_total + result.postdoc_total) / 2,
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

function summary(values, result) {
  const text = formatOutputs(result);
  return (
    `Line chart of cumulative papers. After ${values.years} years you have ${text.your_total} papers ` +
    `and the postdoc has ${text.postdoc_total}: a gap of ${text.gap}.`
  );
}

export const CALCULATOR = {
  id: "publication-gap",
  title: "Publication gap calculator",
  note:
    "Each input's note says what the book's data says about it; put in your own numbers. Catching up means " +
    "reaching where the postdoc stood at the application: a postdoc who keeps publishing at the same pace " +
    "stays ahead, and the weighted gap only shrinks, halving every half-life.",
  parameters: PARAMETERS,
  compute,
  outputs: Object.entries(OUTPUT_LABELS).map(([name, label]) => ({ name, label, format: (r) => formatOutputs(r)[name] })),
  chart,
  table,
  summary,
  presets: PRESETS,
  noDataFields: NO_DATA_FIELDS,
  sharePrefix: SHARE_PREFIX,
};

let panels = 0;

export default {
  render(context) {
    const stop = mountCalculator(context, CALCULATOR);
    mountRecordPanel(context, `pg-${++panels}`);
    return stop;
  },
};
