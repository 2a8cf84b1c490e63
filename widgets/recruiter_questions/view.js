// Questions for a recruiter: the scorecard's view for anywidget and the book. The shared
// form, outputs and chart come from calculator_ui.js; this module adds what a reader
// needs around them: up to three named offers compared side by side, notes, a print
// view and downloads for the interview, and (in the book) answers in the page address.
import { element, fillTable, loadPlotly, mountCalculator, pageLayout } from "../calculator_ui.js";
import { formatNumber } from "../formatting.js";
import { OUTPUT_LABELS, QUESTIONS, compute, formatOutputs, pointsText, questionRows, table } from "./model.js";
import { MAX_OFFERS, comparisonFigure, comparisonTable, emptyOffer, hasAnswers, inUse } from "./offers.js";
import { MAX_NAME_LENGTH, cleanName, fragmentFor, parseFragment } from "../share_link.js";
import { PRESETS, SHARE_PREFIX } from "./parameters.js";
import { downloadText, toCsv, toMarkdown } from "./export.js";
import { fillSheet, printSheet } from "./interview_sheet.js";

const NOTE_LENGTH = 300; // keeps the printed question list to two pages
const EARNED = "#0072B2";
const NOT_EARNED = "#E69F00";
const UNKNOWN = "rgba(128,128,128,0.35)";

function chart(values, result) {
  const rows = questionRows(values, result);
  const bar = (name, x, color, extra = {}) => ({
    type: "bar",
    orientation: "h",
    name,
    x,
    y: rows.map((row) => row.short),
    customdata: rows.map((row) => `${row.answerText}: ${pointsText(row)} points`),
    hovertemplate: "%{y}<br>%{customdata}<extra></extra>",
    marker: { color, line: { color, width: 1 }, ...extra },
  });
  return {
    data: [
      bar("Points earned", rows.map((row) => row.points ?? 0), EARNED),
      bar("Points not earned", rows.map((row) => (row.points === null ? 0 : row.maxPoints - row.points)), NOT_EARNED),
      bar("Unknown: not counted", rows.map((row) => (row.points === null ? row.maxPoints : 0)), UNKNOWN, {
        pattern: { shape: "/", fgcolor: "#777" },
      }),
    ],
    layout: {
      title: { text: "Where the points come from", font: { size: 16 } },
      barmode: "stack",
      xaxis: { title: { text: "Points" }, rangemode: "tozero" },
      yaxis: { autorange: "reversed", automargin: true },
      legend: { orientation: "h", y: -0.25 },
      margin: { l: 10, r: 20, t: 50, b: 40 },
      height: 400,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
    },
  };
}

function summary(values, result) {
  const answered = QUESTIONS.length - result.unknown_count;
  return (
    `Bar chart of points by question. ${formatNumber(result.points_earned)} of ${formatNumber(result.points_possible)} ` +
    `points earned over ${answered} answered questions; ${result.unknown_count} unknown.`
  );
}

export const CALCULATOR = {
  id: "recruiter-questions",
  title: "Questions for a recruiter",
  note:
    "Answer what you know and leave the rest unknown: unknown questions count neither for nor against. " +
    "The weights are this book's judgement and the thresholds are illustrative; the chapter explains both.",
  parameters: QUESTIONS,
  compute,
  outputs: Object.entries(OUTPUT_LABELS).map(([name, label]) => ({
    name,
    label,
    format: (result) => formatOutputs(result)[name],
    items: name === "red_flags" ? (result) => result.red_flags : undefined,
  })),
  chart,
  table,
  summary,
  presets: PRESETS,
  noDataFields: [],
  sharePrefix: SHARE_PREFIX,
  readsLink: false, // the offers below read #rq: links themselves: a link fills in an offer
};
const LINK = { prefix: SHARE_PREFIX, parameters: QUESTIONS };

let views = 0;

function section(title, id) {
  const part = element("section", { class: "rq-section", "aria-labelledby": id });
  part.append(element("h3", { id }, title));
  return part;
}

function button(text, onClick) {
  const node = element("button", { type: "button", class: "rq-button" }, text);
  node.addEventListener("click", onClick);
  return node;
}

/** One radio per offer, and a name field for the offer on screen. */
function buildOfferPicker(prefix, offers) {
  const picker = element("form", { class: "rq-offers", novalidate: "" });
  picker.addEventListener("submit", (event) => event.preventDefault());
  const fieldset = element("fieldset");
  const choices = element("div", { class: "rq-offer-choices" });
  const labels = offers.map((offer, i) => {
    const id = `${prefix}-offer-${i}`;
    const radio = element("input", { type: "radio", name: "offer", id, value: String(i) });
    radio.checked = i === 0;
    const label = element("label", { for: id }, offer.name);
    const choice = element("span", { class: "rq-offer-choice" });
    choice.append(radio, label);
    choices.append(choice);
    return label;
  });
  const nameId = `${prefix}-offer-name`;
  const nameInput = element("input", {
    id: nameId, name: "offer_name", type: "text", maxlength: String(MAX_NAME_LENGTH), autocomplete: "off",
    "aria-describedby": `${nameId}-help ${nameId}-error`,
  });
  const nameError = element("p", { id: `${nameId}-error`, class: "ows-error", "aria-live": "polite" });
  const nameField = element("div", { class: "ows-field" });
  nameField.append(
    element("label", { for: nameId }, "Name of this offer"),
    nameInput,
    element("p", { id: `${nameId}-help`, class: "ows-help" }, "It stays on this page; the comparison, the printout and the files use it."),
    nameError,
  );
  fieldset.append(element("legend", {}, "Which offer are you scoring?"), choices, nameField);
  picker.append(fieldset);
  return { picker, labels, nameInput, nameError };
}

/** A notes box under each question of the form, for the reader's own words. */
function addNoteFields(el, prefix, onNote) {
  const notes = new Map();
  for (const question of QUESTIONS) {
    const field = el.querySelector(`.ows-form [name="${question.name}"]`).closest(".ows-field");
    const id = `${prefix}-note-${question.name}`;
    const label = element("label", { for: id, class: "rq-note-label" }, "Notes");
    label.append(element("span", { class: "rq-hidden-text" }, ` on: ${question.label}`));
    const area = element("textarea", { id, name: `note_${question.name}`, rows: "2", maxlength: String(NOTE_LENGTH) });
    area.addEventListener("input", () => onNote(question.name, area.value));
    field.append(label, area);
    notes.set(question.name, area);
  }
  return notes;
}

/** "Compare offers": a hint, one grouped bar chart and one table. */
function buildComparison(prefix) {
  const part = section("Compare offers", `${prefix}-compare`);
  const hint = element("p", { class: "ows-help" });
  const chart = element("div", { class: "ows-chart rq-compare-chart", role: "figure" }); // "img" may not hold plotly's buttons
  const table = element("table", { class: "rq-compare-table" });
  // The theme's scroll container: in the book it becomes focusable when the table overflows.
  const wrap = element("div", { class: "rq-table-wrap pst-scrollable-table-container" });
  wrap.append(table);
  part.append(hint, chart, wrap);
  return { part, hint, chart, table, wrap };
}

/** Draw the comparison of the offers that have answers; resolves once the chart is drawn. */
async function showComparison(view, shown, plotly, colour) {
  view.hint.textContent =
    shown.length < 2
      ? "Choose another offer above and answer its questions to see the offers side by side."
      : `${shown.length} offers side by side. Unknown answers earn no points here and do not count against the score.`;
  // One offer alone is already drawn by the scorecard's own chart above.
  view.chart.hidden = view.wrap.hidden = shown.length < 2;
  if (shown.length < 2) return;
  fillTable(view.table, comparisonTable(shown));
  const scores = shown.map((offer) => `${offer.name}: ${formatOutputs(compute(offer.values)).score}`).join("; ");
  view.chart.setAttribute("aria-label", `Grouped bar chart of points per question. Scores: ${scores}. The table below has the same numbers.`);
  try {
    const { data, layout } = comparisonFigure(shown);
    view.chart.style.minHeight = `${layout.height}px`; // the chart's room, kept while it waits to be drawn
    const Plotly = await plotly();
    if (Plotly === null) return; // a newer redraw has taken over
    await Plotly.react(view.chart, data, pageLayout(layout, colour), { responsive: true, displaylogo: false });
  } catch (error) {
    view.hint.textContent = "The chart could not be drawn here; the table has the same numbers.";
  }
}

/** "Take it to the interview": print and download buttons, and (in the book) a link maker. */
function buildInterviewSection(prefix, actions, makeLink) {
  const part = section("Take it to the interview", `${prefix}-take`);
  const status = element("p", { class: "ows-help", role: "status" });
  const buttons = element("div", { class: "rq-buttons" });
  buttons.append(...actions.map(([text, run]) => button(text, () => run(status))));
  part.append(
    element(
      "p",
      {},
      "Print the questions with your answers and notes, or save them as a file. The files are made in your " +
        "browser: nothing you type here is sent anywhere.",
    ),
    buttons,
    status,
  );
  if (makeLink) {
    const linkId = `${prefix}-link`;
    const output = element("input", { id: linkId, type: "text", readonly: "", class: "rq-link", name: "share_link" });
    const field = element("div", { class: "ows-field rq-link-field", hidden: "" });
    field.append(element("label", { for: linkId }, "Link to this offer's answers (your notes are not in it)"), output);
    buttons.append(
      button("Make a link to these answers", () => {
        output.value = makeLink();
        field.hidden = false;
        output.focus();
        output.select();
      }),
    );
    part.append(field);
  }
  return part;
}

function download(text, filename, type, status) {
  downloadText(text, filename, type);
  status.textContent = `Saved ${filename}, made on this page.`;
}

/** The link status: how many answers a link filled in, and what it left out. */
function linkReport(count, name, problems) {
  const lines = [element("p", {}, `Filled in ${count} answer${count === 1 ? "" : "s"} from the link, as “${name}”.`)];
  if (problems.length) {
    const list = element("ul");
    for (const problem of problems) list.append(element("li", {}, problem));
    lines.push(list);
  }
  return lines;
}

/** Offers, notes, comparison, print, downloads and the page address, around the scorecard.
 * `link` is the scorecard's share link: it names the offer on screen (`link.name`). */
function mountExtras({ model, el, host }, link) {
  const prefix = `rq-${++views}`;
  const inBook = host?.book === true; // only the book's page address is the reader's to use
  const offers = Array.from({ length: MAX_OFFERS }, (_, i) => emptyOffer(i));
  let active = 0; // the offer the form shows; the model holds its answers
  const modelValues = () => Object.fromEntries(QUESTIONS.map((q) => [q.name, model.get(q.name) ?? null]));
  offers[active].values = modelValues();

  const { picker, labels, nameInput, nameError } = buildOfferPicker(prefix, offers);
  nameInput.value = offers[active].name;
  link.name = () => offers[active].name;
  const notes = addNoteFields(el, prefix, (name, text) => (offers[active].notes[name] = text));
  const linkStatus = element("div", { class: "rq-link-status", role: "status" });
  const comparison = buildComparison(prefix);
  const started = () => {
    const inUseNow = offers.filter(inUse);
    return inUseNow.length ? inUseNow : [offers[active]];
  };
  // The printable sheet's markup (sheet.py): a synced trait in Jupyter, a template in the book.
  // A host that passes none gets no print button rather than a broken one.
  const sheetHtml = model.get("sheet_html");
  const print = sheetHtml ? [["Print this offer's question list", () => printSheet(fillSheet(sheetHtml, offers[active]))]] : [];
  const interview = buildInterviewSection(
    prefix,
    [
      ...print,
      ["Download answers (Markdown)", (status) => download(toMarkdown(started()), "recruiter-questions.md", "text/markdown;charset=utf-8", status)],
      ["Download answers (CSV)", (status) => download(toCsv(started()), "recruiter-questions.csv", "text/csv;charset=utf-8", status)],
    ],
    inBook && (() => location.href.split("#")[0] + fragmentFor(offers[active].values, { ...LINK, name: offers[active].name })),
  );
  el.prepend(picker, linkStatus);
  el.append(comparison.part, interview);

  // Keep the comparison current; answers set together redraw once, and only the last draws.
  let pending = false;
  let drawing = 0;
  function refresh() {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const turn = ++drawing;
      const plotly = () => loadPlotly(model, host, comparison.chart).then((Plotly) => (turn === drawing ? Plotly : null));
      showComparison(comparison, offers.filter(hasAnswers), plotly, getComputedStyle(el).color);
    });
  }

  function onAnswer() {
    offers[active].values = modelValues();
    refresh();
  }
  const events = QUESTIONS.map((q) => `change:${q.name}`);
  for (const event of events) model.on(event, onAnswer);

  function showOffer(index, values) {
    active = index;
    picker.querySelector(`input[value="${index}"]`).checked = true;
    labels[index].textContent = offers[index].name;
    nameInput.value = offers[index].name;
    nameInput.removeAttribute("aria-invalid");
    nameError.textContent = "";
    for (const [name, area] of notes) area.value = offers[index].notes[name];
    const target = { ...values }; // model events below rewrite offers[index].values as they go
    for (const question of QUESTIONS) model.set(question.name, target[question.name]);
    model.save_changes();
    offers[index].values = target;
    refresh();
  }

  picker.addEventListener("change", (event) => {
    if (event.target.name === "offer") showOffer(Number(event.target.value), offers[Number(event.target.value)].values);
  });
  nameInput.addEventListener("input", () => {
    const name = cleanName(nameInput.value);
    if (name === null) {
      nameInput.setAttribute("aria-invalid", "true");
      nameError.textContent = `Give the offer a name of 1 to ${MAX_NAME_LENGTH} characters.`;
      return;
    }
    nameInput.removeAttribute("aria-invalid");
    nameError.textContent = "";
    offers[active].name = name;
    labels[active].textContent = name;
    link.tools.refreshLink();
    refresh();
  });

  // A link such as #rq:review_counts_papers=no&research_time=20 fills in an offer: the
  // first one not yet started, else the one on screen.
  function loadFromAddress() {
    const parsed = parseFragment(location.hash, { ...LINK, named: true, noun: "question" });
    if (parsed === null) return;
    const free = offers.findIndex((offer) => !inUse(offer));
    const index = free >= 0 ? free : active;
    if (parsed.name !== null) offers[index].name = parsed.name;
    showOffer(index, { ...emptyOffer(index).values, ...parsed.values });
    linkStatus.replaceChildren(...linkReport(Object.keys(parsed.values).length, offers[index].name, parsed.problems));
    // Clear the address, so that following the same link again fills it in again.
    history.replaceState(history.state, "", location.pathname + location.search);
    el.scrollIntoView();
  }
  if (inBook) {
    loadFromAddress();
    window.addEventListener("hashchange", loadFromAddress);
  }
  refresh();

  return () => {
    for (const event of events) model.off(event, onAnswer);
    if (inBook) window.removeEventListener("hashchange", loadFromAddress);
  };
}

export default {
  render(context) {
    const link = { name: () => null };
    const stopScorecard = mountCalculator(context, { ...CALCULATOR, shareName: () => link.name() });
    link.tools = stopScorecard.tools;
    const stopExtras = mountExtras(context, link);
    return () => {
      stopScorecard();
      stopExtras();
    };
  },
};
