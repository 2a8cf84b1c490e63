// Up to three offers, named by the reader, side by side: one grouped bar chart of the
// points per question and one table. Offer names are the reader's text: the page shows
// them with textContent, and plotly (which reads a little HTML in labels) gets them escaped.
import { QUESTIONS, RULES, compute, formatScore, pointsText, questionRows } from "./model.js";

export const MAX_OFFERS = 3;
const OFFER_COLOURS = ["#0072B2", "#D55E00", "#009E73"]; // Okabe-Ito, as the book's charts

export function emptyOffer(index) {
  return {
    name: `Offer ${index + 1}`,
    values: Object.fromEntries(QUESTIONS.map((q) => [q.name, null])),
    notes: Object.fromEntries(QUESTIONS.map((q) => [q.name, ""])),
  };
}

export function hasAnswers(offer) {
  return Object.values(offer.values).some((value) => value !== null);
}

/** An offer the reader has started: an answer or a note. */
export function inUse(offer) {
  return hasAnswers(offer) || Object.values(offer.notes).some((note) => note.trim() !== "");
}

/** Text for a plotly label, which would otherwise read tags and entities in it. */
export function plotlyText(text) {
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function comparisonFigure(offers) {
  const labels = QUESTIONS.map((q) => RULES[q.name].short);
  const data = offers.map((offer, i) => {
    const result = compute(offer.values);
    const rows = questionRows(offer.values, result);
    return {
      type: "bar",
      orientation: "h",
      name: plotlyText(`${offer.name} (score ${formatScore(result)})`),
      y: labels,
      x: result.points.map((p) => p ?? 0),
      customdata: rows.map((row) => `${pointsText(row)} points (${row.answerText})`),
      hovertemplate: "%{y}: %{customdata}<extra>%{fullData.name}</extra>",
      marker: { color: OFFER_COLOURS[i % OFFER_COLOURS.length] },
    };
  });
  const most = Math.max(...QUESTIONS.map((q) => RULES[q.name].weight));
  return {
    data,
    layout: {
      title: { text: "Points per question, offer by offer", font: { size: 16 } },
      barmode: "group",
      xaxis: { title: { text: "Points earned" }, range: [0, most * 1.05] },
      yaxis: { autorange: "reversed", automargin: true },
      legend: { orientation: "h", y: -0.2 },
      margin: { l: 10, r: 20, t: 50, b: 40 },
      height: 460,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
    },
  };
}

export function comparisonTable(offers) {
  const results = offers.map((offer) => compute(offer.values));
  const perOffer = offers.map((offer, i) => questionRows(offer.values, results[i]));
  const rows = QUESTIONS.map((q, k) => [
    RULES[q.name].short,
    ...perOffer.map((rows) => `${rows[k].answerText} (${pointsText(rows[k])})`),
  ]);
  rows.push(["Score out of 100", ...results.map(formatScore)]);
  rows.push(["Red flags", ...results.map((r) => String(r.red_flags.length))]);
  rows.push(["Unknown questions", ...results.map((r) => String(r.unknown_count))]);
  return { columns: ["Question", ...offers.map((offer) => offer.name)], rows };
}
