// Shared view for every calculator: the labelled form, validation messages, the
// output slots, the chart and its table. A calculator module supplies its model and
// a few view callbacks; `mountCalculator` does the rest in any host (Jupyter through
// anywidget, or the static book through widgets/host.js).
import { element } from "./dom.js";
import { roundHalfUp } from "./formatting.js";
import { parseInput } from "./parse_input.js";
import { buildScenarioTools } from "./scenario_tools.js";

export { element, parseInput };
export const UNKNOWN_ANSWER = "Unknown / not asked yet";

// Plotly is loaded once per page. The static book's host passes a loader that fetches
// the vendored copy; in Jupyter the kernel sends the same file on request.
function plotlyFromKernel(model) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (message?.type !== "plotly-source") return;
      model.off("msg:custom", onMessage);
      const script = document.createElement("script");
      script.textContent = message.source;
      document.head.appendChild(script);
      resolve(globalThis.Plotly);
    };
    model.on("msg:custom", onMessage);
    model.send({ type: "plotly-request" });
  });
}

/** plotly.js, once `chart` may be drawn: the book's host waits until it comes near the viewport. */
export function loadPlotly(model, host, chart) {
  if (host?.loadPlotly) return host.loadPlotly(chart);
  if (globalThis.Plotly) return Promise.resolve(globalThis.Plotly);
  globalThis.owsPlotly ??= plotlyFromKernel(model);
  return globalThis.owsPlotly;
}

// The Python figures' template uses the same faint grey: it reads on light and dark pages.
const GRID = "rgba(128,128,128,0.25)";

/** A chart layout in the page's text colour (`colour`), with grid lines for light and dark mode. */
export function pageLayout(layout, colour) {
  return {
    ...layout,
    font: { ...layout.font, color: colour },
    xaxis: { gridcolor: GRID, ...layout.xaxis },
    yaxis: { gridcolor: GRID, ...layout.yaxis },
  };
}

let uid = 0;

function buildControl(spec, id) {
  const describedBy = `${id}-help ${id}-error`;
  if (spec.kind !== "choice") {
    const inputmode = spec.integer ? "numeric" : "decimal";
    return element("input", { id, name: spec.name, type: "text", inputmode, autocomplete: "off", "aria-describedby": describedBy });
  }
  const select = element("select", { id, name: spec.name, "aria-describedby": describedBy });
  if (spec.optional) select.append(element("option", { value: "" }, UNKNOWN_ANSWER));
  for (const answer of spec.answers) select.append(element("option", { value: answer.value }, answer.label));
  return select;
}

function helpText(spec) {
  if (spec.kind === "choice") return spec.help;
  const unanswered = spec.optional ? " Leave it empty if you do not know." : "";
  return `${spec.help} Allowed: ${spec.range_text}.${unanswered}`;
}

/** What the book's data says about an input: one line, with its citation link (or "illustrative"). */
function evidenceLine(evidence) {
  const line = element("span", { class: "ows-evidence" });
  line.append(element("span", { class: "ows-evidence-label" }, "Data: "), evidence.text);
  if (evidence.url) {
    line.append(" (", element("a", { href: evidence.url, rel: "noopener noreferrer" }, evidence.source), ")");
  }
  return line;
}

/** What a form control shows for a model value; unanswered (null) is an empty field. */
function controlText(value) {
  return value === null || value === undefined ? "" : String(value);
}

/** A range slider beside a bounded number box, for exploring; the box stays the precise way in. */
function buildSlider(spec, id) {
  return element("input", {
    id: `${id}-slider`,
    type: "range",
    class: "ows-slider",
    "data-slider-for": spec.name,
    min: String(spec.minimum),
    max: String(spec.maximum),
    step: String(spec.step),
    "aria-label": `${spec.label}: slider`,
    "aria-describedby": `${id}-help`,
  });
}

/** Move a slider to a value of the model; unanswered (null) rests at the minimum and says so. */
function syncSlider(slider, value) {
  if (!slider) return;
  const known = value !== null && value !== undefined;
  slider.value = String(known ? value : slider.min);
  if (known) slider.removeAttribute("aria-valuetext");
  else slider.setAttribute("aria-valuetext", "unknown");
}

function buildField(spec, prefix) {
  const id = `${prefix}-${spec.name}`;
  const field = element("div", { class: "ows-field" });
  const label = element("label", { for: id }, spec.label);
  if (spec.unit) label.append(" ", element("span", { class: "ows-unit" }, `(${spec.unit})`));
  const input = buildControl(spec, id);
  const slider = spec.kind === "number" ? buildSlider(spec, id) : null;
  const control = element("div", { class: "ows-control" });
  control.append(input, ...(slider ? [slider] : []));
  const help = element("p", { id: `${id}-help`, class: "ows-help" }, helpText(spec));
  if (spec.evidence) help.append(" ", evidenceLine(spec.evidence));
  const error = element("p", { id: `${id}-error`, class: "ows-error", "aria-live": "polite" });
  field.append(label, control, help, error);
  return { field, input, slider, error };
}

function stepInput(spec, input, direction) {
  const parsed = parseInput(spec, input.value);
  if (parsed.error || parsed.value === null) return false;
  const next = Math.min(spec.maximum, Math.max(spec.minimum, parsed.value + direction * spec.step));
  input.value = String(roundHalfUp(next, 6));
  return true;
}

// An output with `items(result)` shows a list when there are items, else its text.
function showOutput(slot, output, result) {
  const items = output.items?.(result) ?? [];
  if (items.length === 0) return (slot.textContent = output.format(result));
  const list = element("ul");
  for (const item of items) list.append(element("li", {}, item));
  slot.replaceChildren(list);
}

export function fillTable(table, { caption, columns, rows }) {
  const head = element("thead");
  const headRow = element("tr");
  for (const column of columns) headRow.append(element("th", { scope: "col" }, column));
  head.append(headRow);
  const body = element("tbody");
  for (const row of rows) {
    const tr = element("tr");
    row.forEach((cell, i) => tr.append(element(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}, String(cell))));
    body.append(tr);
  }
  table.replaceChildren(...(caption ? [element("caption", {}, caption)] : []), head, body);
}

/**
 * Mount a calculator on `el`.
 * spec: { id, title, note, parameters, compute(values) -> result,
 *         outputs: [{name, label, format(result), items(result) -> [text] (optional: a list)}],
 *         chart(values, result) -> {data, layout},
 *         table(values, result) -> {caption, columns, rows}, summary(values, result) -> text,
 *         check(values, changed) -> {name, message} or null (optional: a rule across fields,
 *         shown beside the named field), and for the scenario tools (scenario_tools.js):
 *         presets, noDataFields, sharePrefix, linkedFields, shareName(), readsLink }
 * Returns a function that stops it, with `.tools` (the scenario tools) on it.
 */
export function mountCalculator({ model, el, host }, spec) {
  const prefix = `ows-${spec.id}-${++uid}`;
  const root = el; // the book's <div data-calculator>, or anywidget's container in Jupyter
  root.dataset.calculator = spec.id;
  root.classList.add("ows-calculator");
  const form = element("form", { class: "ows-form", "aria-label": `${spec.title}: inputs`, novalidate: "" });
  const fields = new Map();
  for (const parameter of spec.parameters) {
    const built = buildField(parameter, prefix);
    fields.set(parameter.name, { ...built, spec: parameter });
    form.append(built.field);
  }
  const note = element("p", { class: "ows-note" }, spec.note);
  const outputs = element("dl", { class: "ows-outputs", "aria-live": "polite" });
  const slots = new Map();
  for (const output of spec.outputs) {
    const item = element("div", { class: "ows-output" });
    const value = element("dd", { "data-output": output.name });
    item.append(element("dt", {}, output.label), value);
    outputs.append(item);
    slots.set(output.name, value);
  }
  const chart = element("div", { class: "ows-chart", role: "figure" }); // "img" may not hold plotly's buttons
  const details = element("details", { class: "ows-table" });
  const table = element("table");
  details.append(element("summary", {}, "Show the chart's numbers as a table"), table);
  const status = element("p", { class: "ows-status", role: "status" });
  const scenarios = buildScenarioTools({ spec, prefix, inBook: host?.book === true, apply });
  root.replaceChildren(scenarios.tools, scenarios.status, form, note, outputs, chart, status, details);

  let drawn = null; // the values the page shows now: the last valid inputs
  let pushing = false; // true while the form's own values go to the model

  function readModel() {
    const values = {};
    for (const parameter of spec.parameters) values[parameter.name] = model.get(parameter.name);
    return values;
  }

  async function show(values) {
    const result = spec.compute(values);
    drawn = values;
    for (const output of spec.outputs) showOutput(slots.get(output.name), output, result);
    const caption = spec.table(values, result);
    fillTable(table, caption);
    scenarios.update(values);
    const summary = spec.summary(values, result);
    chart.setAttribute("aria-label", summary);
    try {
      const { data, layout } = spec.chart(values, result);
      chart.style.minHeight = `${layout.height}px`; // the chart's room, kept while it waits to be drawn
      const Plotly = await loadPlotly(model, host, chart);
      if (drawn !== values) return; // a newer change has already redrawn
      const colour = getComputedStyle(root).color; // readable in dark mode too
      await Plotly.react(chart, data, pageLayout(layout, colour), { responsive: true, displaylogo: false });
      status.textContent = "";
    } catch (error) {
      status.textContent = "The chart could not be drawn here; the table below has the same numbers.";
    }
    root.dataset.ready = "true";
  }

  function same(a, b) {
    return a && spec.parameters.every((p) => a[p.name] === b[p.name]);
  }

  // Validate every field, then the spec's rule across fields (if any); on success push
  // the values to the model and redraw. `changed` names the field the reader just edited.
  function submit(showErrors, changed) {
    const values = {};
    let valid = true;
    for (const [name, { input, slider, error, spec: parameter }] of fields) {
      const parsed = parseInput(parameter, input.value);
      if (parsed.error) {
        valid = false;
        if (showErrors) {
          input.setAttribute("aria-invalid", "true");
          error.textContent = parsed.error;
        }
      } else {
        input.removeAttribute("aria-invalid");
        error.textContent = "";
        values[name] = parsed.value;
        if (name === changed && document.activeElement !== slider) syncSlider(slider, parsed.value);
      }
    }
    if (!valid) return;
    const problem = spec.check?.(values, changed) ?? null;
    if (problem) {
      const { input, error } = fields.get(problem.name);
      input.setAttribute("aria-invalid", "true");
      error.textContent = problem.message;
      return;
    }
    if (same(drawn, values)) return;
    pushing = true; // the form is the source: the model's change events need not redraw it
    for (const [name, value] of Object.entries(values)) model.set(name, value);
    pushing = false;
    model.save_changes();
    show(values);
  }

  // The reader's own edits (not a preset's or a link's) leave the chosen scenario.
  const edited = (event) => event.isTrusted && scenarios.edited();
  form.addEventListener("input", (event) => {
    if (event.target.dataset.sliderFor) return; // the slider's own listener below
    edited(event);
    submit(false, event.target.name);
  });
  form.addEventListener("change", (event) => {
    if (event.target.dataset.sliderFor) return;
    edited(event);
    submit(true, event.target.name);
  });
  for (const [name, { input, slider, spec: parameter }] of fields) {
    slider?.addEventListener("input", (event) => {
      edited(event);
      input.value = String(roundHalfUp(Number(slider.value), parameter.integer ? 0 : 6));
      slider.removeAttribute("aria-valuetext");
      submit(true, name);
    });
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(true);
  });
  // Keys that move within a control are the control's: a host's own shortcuts (JupyterLab's
  // notebook moves between cells on arrow keys) must not take them.
  const CONTROL_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
  form.addEventListener("keydown", (event) => {
    if (CONTROL_KEYS.has(event.key)) event.stopPropagation();
    const field = fields.get(event.target.name);
    if (!field || field.spec.kind === "choice" || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    if (stepInput(field.spec, field.input, event.key === "ArrowUp" ? 1 : -1)) {
      edited(event);
      submit(true, field.spec.name);
    }
  });

  /** Put a whole scenario in the form (a preset, a reset, a link) and recompute. */
  function apply(values) {
    for (const [name, { input, slider, error }] of fields) {
      input.value = controlText(values[name]);
      syncSlider(slider, values[name]);
      input.removeAttribute("aria-invalid");
      error.textContent = "";
    }
    submit(true);
  }

  // Values set from outside (Python in Jupyter, a record read in the panel) update the form
  // and the results, and leave the scenario the preset menu names.
  function onModelChange() {
    if (pushing) return;
    const values = readModel();
    if (same(drawn, values)) return;
    scenarios.edited();
    for (const [name, { input, slider, error }] of fields) {
      input.value = controlText(values[name]);
      syncSlider(slider, values[name]);
      input.removeAttribute("aria-invalid");
      error.textContent = "";
    }
    show(values);
  }
  const events = spec.parameters.map((p) => `change:${p.name}`);
  for (const event of events) model.on(event, onModelChange);

  for (const [name, { input, slider }] of fields) {
    input.value = controlText(model.get(name));
    syncSlider(slider, model.get(name));
  }
  show(readModel());
  scenarios.start();
  const stop = () => {
    for (const event of events) model.off(event, onModelChange);
    scenarios.stop();
  };
  stop.tools = scenarios;
  return stop;
}
