// "Your own record": the publication-gap calculator's import panel. A reader chooses or
// pastes a BibTeX file and gives their PhD year; the panel counts the record by year
// (record.js), shows a bar chart and the works, sets papers_at_phd and proposes rates.
// The parser (widgets/vendor/bibtex-parser.min.js, 110 KB gzipped) is loaded only when a
// record is read: from beside host.js in the book, from the kernel in Jupyter. Nothing is
// sent anywhere: the file is read in the page. Every text from the file is shown as text.
import { element } from "../dom.js";
import { fillTable, loadPlotly, pageLayout } from "../calculator_ui.js";
import { formatNumber } from "../formatting.js";
import { decodeDisplay, readEntries } from "./bibtex.js";
import { counted, counts, listedApart, parsePhdYear, proposals, sortEntries, summary, textProblem } from "./record.js";
import { PARAMETERS, RECORD } from "./parameters.js";

const PARSER = { name: "bibtex-parser", path: "vendor/bibtex-parser.min.js" };
const MAX_BYTES = RECORD.max_characters * 4; // a UTF-8 character is at most 4 bytes
const KINDS = { preprint: "Preprint", thesis: "Thesis", report: "Report", other: "Other" };
const COUNTED_COLOUR = "#0072B2";
const LABELS = Object.fromEntries(PARAMETERS.map((p) => [p.name, p.label]));

function moduleFromKernel(model, name) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.type !== "asset" || message.name !== name) return;
      model.off("msg:custom", onMessage);
      const url = URL.createObjectURL(new Blob([message.source], { type: "text/javascript" }));
      import(/* webpackIgnore: true */ url).then(resolve, reject);
    };
    model.on("msg:custom", onMessage);
    model.send({ type: "asset-request", name });
  });
}

let parser = null;
/** The vendored BibTeX parser, loaded once per page on first use. */
export function loadParser(model, host) {
  parser ??= host?.importModule ? host.importModule(PARSER.path) : moduleFromKernel(model, PARSER.name);
  parser.catch(() => (parser = null)); // a failed load may be retried
  return parser;
}

const idle = () => new Promise((resolve) => (globalThis.requestIdleCallback ?? setTimeout)(resolve));

function field(id, labelText, control, helpText) {
  const wrap = element("div", { class: "ows-field" });
  const help = element("p", { id: `${id}-help`, class: "ows-help" }, helpText);
  const error = element("p", { id: `${id}-error`, class: "ows-error", "aria-live": "polite" });
  control.id = id;
  control.setAttribute("aria-describedby", `${id}-help ${id}-error`);
  wrap.append(element("label", { for: id }, labelText), control, help, error);
  return { wrap, error };
}

function details(title) {
  const part = element("details", { class: "pg-record-list" });
  const summaryLine = element("summary", {}, title);
  part.append(summaryLine);
  return { part, summaryLine };
}

/** Mount the panel after the calculator in `el`; `currentYear` is this year, from the clock. */
export function mountRecordPanel({ model, el, host }, prefix, currentYear = new Date().getFullYear()) {
  const section = element("section", { class: "pg-record", "aria-labelledby": `${prefix}-record-title` });
  section.append(
    element("h3", { id: `${prefix}-record-title` }, "Your own record"),
    element(
      "p",
      {},
      "Read your publication list from a BibTeX file, as Google Scholar, DBLP, ORCID, Zotero or JabRef export it, " +
        "and set the calculator from it. Everything happens in this browser: the file is not uploaded or sent anywhere.",
    ),
  );
  const form = element("form", { class: "pg-record-form", novalidate: "" });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("keydown", (event) => event.key.startsWith("Arrow") && event.stopPropagation()); // not JupyterLab's
  const fileInput = element("input", { type: "file", name: "publication_record", accept: ".bib,.bibtex,.txt,text/plain,text/x-bibtex" });
  const textInput = element("textarea", { name: "publication_record_text", rows: "4", spellcheck: "false" });
  const yearInput = element("input", { type: "text", name: "phd_year", inputmode: "numeric", autocomplete: "off" });
  const file = field(`${prefix}-record-file`, "BibTeX file", fileInput, `Up to ${RECORD.max_characters / 1e6} MB and ${RECORD.max_entries.toLocaleString("en-US")} entries.`);
  const text = field(`${prefix}-record-text`, "Or paste BibTeX here", textInput, "Then choose “Read the pasted text”.");
  const year = field(`${prefix}-phd-year`, "Year of your PhD", yearInput, `A year from ${RECORD.first_phd_year} to ${currentYear + 1}.`);
  const read = element("button", { type: "button", class: "ows-button" }, "Read the pasted text");
  const otherBox = element("input", { type: "checkbox", name: "include_other", id: `${prefix}-include-other` });
  const other = element("div", { class: "pg-record-toggle" });
  other.append(otherBox, element("label", { for: otherBox.id }, "Count preprints, theses, reports and other works too"));
  form.append(file.wrap, text.wrap, read, year.wrap, other);
  const problem = element("p", { class: "ows-error pg-record-problem", role: "alert" });
  const summaryLine = element("p", { "data-output": "record_summary", role: "status" });
  const result = element("div", { class: "pg-record-result", hidden: "" });
  const chart = element("div", { class: "ows-chart pg-record-chart", role: "figure" });
  const proposed = element("div", { class: "pg-proposals" });
  const counted_ = details("Works counted");
  const apart = details("Works listed apart");
  const skipped = details("Entries skipped");
  const countedTable = element("table");
  const apartTable = element("table");
  const skippedList = element("ul");
  counted_.part.append(countedTable);
  apart.part.append(apartTable);
  skipped.part.append(skippedList);
  result.append(chart, proposed, counted_.part, apart.part, skipped.part);
  section.append(form, problem, summaryLine, result);
  el.append(section);

  let record = null; // the last record read well: a bad file leaves it (and the calculator) as it was
  let phdYear = null;
  let busy = 0;
  let attempts = 0; // counted on the panel (data-attempts) when a reading ends, well or not
  const finished = () => (section.dataset.attempts = String(++attempts));

  function setInputs(values) {
    for (const [name, value] of Object.entries(values)) model.set(name, value);
    model.save_changes();
  }

  function showProposals(includeOther) {
    proposed.replaceChildren();
    if (phdYear === null) {
      proposed.append(element("p", {}, "Enter the year of your PhD to set the calculator from your record."));
      return;
    }
    const values = proposals(record, phdYear, includeOther, currentYear);
    setInputs({ papers_at_phd: values.papers_at_phd });
    const first = phdYear - RECORD.recent_phd_years + 1;
    const lines = [
      [`${LABELS.papers_at_phd}: ${formatNumber(values.papers_at_phd)}`, `set from your works up to ${phdYear}`],
      [`${LABELS.postdoc_rate}: ${formatNumber(values.postdoc_rate)}`, `your own pace in ${first}–${phdYear}, as a postdoc peer's`],
    ];
    if ("industry_rate" in values) {
      lines.push([`${LABELS.industry_rate}: ${formatNumber(values.industry_rate)}`, `your pace in ${phdYear + 1}–${currentYear - 1}`]);
      lines.push([`${LABELS.years}: ${values.years}`, `years since your PhD`]);
    }
    const list = element("ul");
    for (const [what, why] of lines) {
      const item = element("li", {}, `${what} `);
      item.append(element("span", { class: "pg-from-record" }, `(taken from your record: ${why})`));
      list.append(item);
    }
    const use = element("button", { type: "button", class: "ows-button" }, "Use these rates too");
    use.addEventListener("click", () => {
      const { papers_at_phd, ...rates } = values;
      setInputs(rates);
      use.textContent = "Rates set from your record";
    });
    proposed.append(element("p", {}, "From your record:"), list, use);
  }

  async function drawChart(includeOther) {
    const perYear = counts(record, includeOther);
    const words = includeOther ? "Your works per year" : "Your peer-reviewed works per year";
    chart.setAttribute("aria-label", `Bar chart. ${words}: ${perYear.map(([y, n]) => `${y}: ${n}`).join(", ") || "none"}. The table below lists the works.`);
    const layout = {
      title: { text: words, font: { size: 16 } },
      xaxis: { title: { text: "Year" }, dtick: perYear.length > 12 ? 2 : 1 },
      yaxis: { title: { text: "Works" }, rangemode: "tozero", dtick: Math.max(1, ...perYear.map(([, n]) => n)) <= 10 ? 1 : undefined },
      margin: { l: 60, r: 20, t: 50, b: 50 },
      height: 300,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      shapes: phdYear === null ? [] : [{ type: "line", x0: phdYear + 0.5, x1: phdYear + 0.5, yref: "paper", y0: 0, y1: 1, line: { color: "#555", dash: "dot" } }],
      annotations: phdYear === null ? [] : [{ x: phdYear + 0.5, yref: "paper", y: 1, text: "PhD", showarrow: false, xanchor: "left" }],
    };
    const data = [{ type: "bar", name: words, x: perYear.map(([y]) => y), y: perYear.map(([, n]) => n), marker: { color: COUNTED_COLOUR } }];
    chart.style.minHeight = `${layout.height}px`;
    try {
      const Plotly = await loadPlotly(model, host, chart);
      await Plotly.react(chart, data, pageLayout(layout, getComputedStyle(el).color), { responsive: true, displaylogo: false });
      chart.dataset.drawn = String(Number(chart.dataset.drawn ?? 0) + 1); // for tests and benchmarks
    } catch {
      chart.replaceChildren(element("p", {}, "The chart could not be drawn here; the table below lists the works."));
    }
  }

  // The tables are filled when opened (a 2,000-entry record makes 6,000 cells), and again
  // when the record or the toggle changes while they are open.
  function fillTables() {
    const includeOther = otherBox.checked;
    if (counted_.part.open) {
      const rows = counted(record, includeOther).map((w) => [w.title || "(no title)", w.venue, String(w.year)]);
      fillTable(countedTable, { caption: "", columns: ["Title", "Venue", "Year"], rows });
    }
    if (apart.part.open) {
      const rows = listedApart(record).map((w) => [w.title || "(no title)", KINDS[w.kind], String(w.year)]);
      fillTable(apartTable, { caption: "", columns: ["Title", "Kind", "Year"], rows });
    }
    if (skipped.part.open) skippedList.replaceChildren(...record.skipped.map((s) => element("li", {}, `${s.key || "(no key)"}: ${s.reason}`)));
  }
  for (const part of [counted_.part, apart.part, skipped.part]) part.addEventListener("toggle", () => record && fillTables());

  function render() {
    const includeOther = otherBox.checked;
    summaryLine.textContent = summary(record, includeOther);
    counted_.summaryLine.textContent = `Works counted (${counted(record, includeOther).length})`;
    apart.summaryLine.textContent = `Works listed apart${includeOther ? ", counted too" : ", not counted"} (${listedApart(record).length})`;
    skipped.summaryLine.textContent = `Entries skipped (${record.skipped.length})`;
    fillTables();
    result.hidden = false;
    showProposals(includeOther);
    drawChart(includeOther); // when the chart nears the viewport, as every chart in the book
  }

  function refuse(message) {
    problem.textContent = `${message} ${record ? "The record read before is still used." : "Nothing was read."}`;
    finished();
  }

  async function readText(textToRead) {
    const turn = ++busy;
    problem.textContent = "";
    const issue = textProblem(textToRead);
    if (issue) return refuse(issue);
    summaryLine.textContent = "Reading your record…";
    let parsed;
    try {
      parsed = readEntries(textToRead, await loadParser(model, host));
    } catch {
      summaryLine.textContent = record ? summary(record, otherBox.checked) : "";
      return refuse("The BibTeX reader could not read this text.");
    }
    if (turn !== busy) return; // a newer file is being read
    if (parsed.entries.length === 0) {
      summaryLine.textContent = record ? summary(record, otherBox.checked) : "";
      return refuse(`No entry could be read (${parsed.failed.length} broken: check the braces and quotes).`);
    }
    const sorted = () => {
      const read = sortEntries(parsed.entries, currentYear);
      read.skipped.unshift(...parsed.failed);
      return read;
    };
    record = sorted();
    render();
    finished();
    // Titles and venues written in LaTeX are turned into Unicode once the record is shown:
    // only the tables show them, and counting needs only the raw text.
    const module = await loadParser(model, host);
    await idle();
    if (turn !== busy) return;
    decodeDisplay(parsed.entries, module);
    record = sorted();
    fillTables();
    section.dataset.decoded = String(turn);
  }

  fileInput.addEventListener("change", async () => {
    const chosen = fileInput.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      const megabytes = formatNumber(chosen.size / 1e6);
      return refuse(`The file is ${megabytes} MB, more than the ${RECORD.max_characters / 1e6} MB a personal record needs, so it was not read.`);
    }
    readText(await chosen.text());
  });
  read.addEventListener("click", () => readText(textInput.value));
  otherBox.addEventListener("change", () => record && render());
  yearInput.addEventListener("change", () => {
    const parsed = parsePhdYear(yearInput.value, currentYear);
    if (parsed.error) {
      yearInput.setAttribute("aria-invalid", "true");
      year.error.textContent = parsed.error;
      return; // the calculator keeps what the last good year set
    }
    yearInput.removeAttribute("aria-invalid");
    year.error.textContent = "";
    if (parsed.value === phdYear) return; // the same year again (a blur after typing): redrawing would swallow a click
    phdYear = parsed.value;
    if (record) render();
  });
  return section;
}
