// Kernel-free host for the static book. It gives each <div data-calculator="ID"> a
// Map-backed stand-in for anywidget's model (get/set/on/off/save_changes) and mounts the
// same bundle Jupyter uses (<folder>/widget.js, made by `npm run bundle`: one request
// instead of a chain of imports), draws the book's plotly figures, starts decision guides
// (<div data-guide="ID">) and gives printable sections a print button. plotly.js is the
// vendored copy beside this file, loaded once, only on pages that need it and only when a
// chart comes near the viewport.
const PLOTLY_URL = new URL("vendor/plotly-book.min.js", import.meta.url);

let plotly = null;
function loadPlotly() {
  plotly ??= new Promise((resolve, reject) => {
    if (globalThis.Plotly) return resolve(globalThis.Plotly);
    const script = document.createElement("script");
    script.src = PLOTLY_URL.href;
    script.async = true;
    script.onload = () => resolve(globalThis.Plotly);
    script.onerror = () => reject(new Error("plotly.js did not load"));
    document.head.append(script);
  });
  return plotly;
}

export class PageModel {
  constructor(values) {
    this.values = new Map(Object.entries(values));
    this.listeners = new Map();
  }
  get(name) {
    return this.values.get(name);
  }
  set(name, value) {
    if (this.values.get(name) === value) return;
    this.values.set(name, value);
    for (const callback of this.listeners.get(`change:${name}`) ?? []) callback();
  }
  on(event, callback) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(callback);
  }
  off(event, callback) {
    this.listeners.get(event)?.delete(callback);
  }
  save_changes() {} // nothing to sync without a kernel
  send() {}
}

function showProblem(el, text) {
  const message = document.createElement("p");
  message.className = "ows-error";
  message.textContent = text;
  el.prepend(message);
}

async function mountCalculator(el) {
  const id = el.dataset.calculator;
  if (!/^[a-z]+(-[a-z]+)*$/.test(id)) return showProblem(el, "Unknown calculator.");
  const folder = id.replaceAll("-", "_");
  try {
    const module = await import(`./${folder}/widget.js`);
    const defaults = Object.fromEntries(module.CALCULATOR.parameters.map((p) => [p.name, p.default]));
    // The inputs the chapter's cell set (e.g. PublicationGap(years=5)); only known names.
    const given = Object.entries(JSON.parse(el.dataset.inputs ?? "{}")).filter(([name]) => name in defaults);
    const values = { ...defaults, ...Object.fromEntries(given) };
    // Constant markup the view reads (Jupyter syncs it as a trait), kept in the page by the build.
    for (const template of el.querySelectorAll("template[data-view-state]")) values[template.dataset.viewState] = template.innerHTML;
    // `book: true` tells a view it runs in the static book (anywidget passes a `host` of its own).
    // Its form and results are built at once; each chart waits until it nears the viewport.
    // importModule loads a file shipped beside this host (a vendored module a view needs only on use).
    const host = {
      loadPlotly: (chart) => whenNearViewport(chart).then(loadPlotly),
      importModule: (path) => import(new URL(path, import.meta.url).href),
      book: true,
    };
    module.default.render({ model: new PageModel(values), el, host });
  } catch (error) {
    const scenario = el.dataset.inputs ? "the scenario this page sets" : "the default scenario";
    showProblem(el, `The calculator could not start; the numbers below are for ${scenario}.`);
  }
}

// A chart is drawn when it comes near the viewport, so a page whose charts are further
// down loads plotly.js (the book's heaviest file) only for a reader who scrolls to them.
const nearViewport = new WeakMap(); // element -> promise, so redraws share one observer
function whenNearViewport(el) {
  if (!nearViewport.has(el)) {
    nearViewport.set(el, new Promise((resolve) => {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          resolve();
        },
        { rootMargin: "500px 0px" },
      );
      observer.observe(el);
    }));
  }
  return nearViewport.get(el);
}

async function drawFigure(figure) {
  const target = figure.querySelector(".ows-plot");
  await whenNearViewport(figure);
  try {
    const { data, layout } = JSON.parse(figure.querySelector("script.ows-figure-data").textContent);
    const Plotly = await loadPlotly();
    const font = { ...layout.font, color: getComputedStyle(figure).color };
    await Plotly.newPlot(target, data, { ...layout, font }, { responsive: true, displaylogo: false });
  } catch (error) {
    showProblem(figure, "The chart could not be drawn here; the table below has the same numbers.");
  }
}

async function mountGuide(el) {
  try {
    const guide = JSON.parse(el.querySelector("script.ows-guide-data").textContent);
    const module = await import("./decision_guide/decision_guide.js");
    module.mountGuide(el, guide);
  } catch (error) {
    showProblem(el, "The guide could not start; its questions and suggestions are listed below.");
  }
}

// A printable part of a page (a worksheet) gets a button that prints it alone: the rest
// of the page is marked for the print stylesheet to leave out, and unmarked afterwards.
function printOnly(part) {
  const marked = [];
  for (let node = part; node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node) {
        sibling.classList.add("ows-print-hidden");
        marked.push(sibling);
      }
    }
  }
  window.addEventListener("afterprint", () => marked.forEach((n) => n.classList.remove("ows-print-hidden")), { once: true });
  window.print();
}

function addPrintButton(part) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "ows-print-button";
  button.textContent = "Print only this section";
  button.addEventListener("click", () => printOnly(part));
  part.prepend(button);
}

document.querySelectorAll("[data-calculator]").forEach(mountCalculator);
document.querySelectorAll(".ows-figure").forEach(drawFigure);
document.querySelectorAll("[data-guide]").forEach(mountGuide);
document.querySelectorAll(".ows-printable").forEach(addPrintButton);
