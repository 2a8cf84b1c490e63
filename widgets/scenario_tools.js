// Around a calculator's form: a menu of named scenarios (`select[name="preset"]`), a reset
// button, and, in the static book, a link to the scenario on screen (`a[data-share-link]`)
// and the reading of such links from the page address. A line below says what each did.
// The calculator (calculator_ui.js) passes `apply(values)`, which fills in the form and
// recomputes, and calls `update(values)` after each recompute and `edited()` when the
// reader changes an input by hand.
import { element } from "./dom.js";
import { fragmentFor, parseFragment } from "./share_link.js";

const NO_DATA = "no-data:"; // the menu value of a field of study without data

function presetMenu(id, spec) {
  const select = element("select", { id, name: "preset" });
  select.append(element("option", { value: "" }, "Choose a scenario…"));
  const general = spec.presets.filter((preset) => !preset.field);
  const byField = spec.presets.filter((preset) => preset.field);
  for (const preset of general) select.append(element("option", { value: preset.id }, preset.label));
  if (byField.length || spec.noDataFields.length) {
    const group = element("optgroup", { label: "By field of study" });
    for (const preset of byField) group.append(element("option", { value: preset.id }, preset.label));
    for (const field of spec.noDataFields) group.append(element("option", { value: NO_DATA + field }, `${field}: no data`));
    select.append(group);
  }
  return select;
}

function report(status, lines, items = []) {
  const parts = lines.map((line) => element("p", {}, line));
  if (items.length) {
    const list = element("ul");
    for (const item of items) list.append(element("li", {}, item));
    parts.push(list);
  }
  status.replaceChildren(...parts);
}

/**
 * Build the tools for one calculator. spec: { id, parameters, presets, noDataFields,
 * sharePrefix, shareName() (optional: a name to put in links), linkedFields (inputs a
 * rule ties together), check(values) (optional), readsLink (default true) }.
 * Returns { tools, status, start(), update(values), edited(), refreshLink(), stop() }: `start`
 * reads a link in the page address once the calculator is ready.
 */
export function buildScenarioTools({ spec, prefix, inBook, apply }) {
  const defaults = Object.fromEntries(spec.parameters.map((p) => [p.name, p.default]));
  const tools = element("div", { class: "ows-tools", role: "group", "aria-label": `${spec.title}: scenarios` });
  const status = element("div", { class: "ows-tools-status", role: "status" });
  const menuId = `${prefix}-preset`;
  const menu = presetMenu(menuId, spec);
  const menuField = element("div", { class: "ows-preset" });
  menuField.append(element("label", { for: menuId }, "Scenario"), menu);
  const reset = element("button", { type: "button", class: "ows-button" }, "Reset to the defaults");
  tools.append(menuField, reset);
  let link = null;
  if (inBook) {
    link = element("a", { class: "ows-share-link", "data-share-link": "", href: "#" }, "Link to this scenario");
    tools.append(link);
  }

  const withData = [...new Set(spec.presets.map((preset) => preset.field).filter(Boolean))];
  menu.addEventListener("change", () => {
    const choice = menu.value;
    if (choice.startsWith(NO_DATA)) {
      const covered = withData.length ? ` The figures behind these inputs cover ${withData.join(", ")} only.` : "";
      return report(status, [`No data for this field (${choice.slice(NO_DATA.length)}).${covered} Your inputs are unchanged.`]);
    }
    const preset = spec.presets.find((p) => p.id === choice);
    if (!preset) return;
    apply({ ...preset.values });
    report(status, [`Scenario “${preset.label}”: every input is set. ${preset.note}`]);
  });
  reset.addEventListener("click", () => {
    menu.value = "";
    apply({ ...defaults });
    report(status, ["Every input is back to its default."]);
  });

  let shown = null;
  function refreshLink() {
    if (!link || !shown) return;
    const name = spec.shareName?.() ?? null;
    const base = location.href.split("#")[0];
    link.href = base + fragmentFor(shown, { prefix: spec.sharePrefix, parameters: spec.parameters, name });
  }

  // A link such as #pg:years=5 opens the calculator with those inputs; what it gets wrong is
  // left out, with a message, and keeps its default.
  function loadFromAddress() {
    const parsed = parseFragment(location.hash, { prefix: spec.sharePrefix, parameters: spec.parameters });
    if (parsed === null) return;
    const values = { ...defaults, ...parsed.values };
    const problems = [...parsed.problems];
    const broken = spec.check?.(values) ?? null;
    if (broken) {
      for (const name of spec.linkedFields ?? []) values[name] = defaults[name];
      problems.push(`Left out ${(spec.linkedFields ?? []).join(" and ")}: ${broken.message} They keep their defaults.`);
    }
    menu.value = "";
    apply(values);
    const count = Object.keys(parsed.values).length - (broken ? (spec.linkedFields ?? []).filter((n) => n in parsed.values).length : 0);
    report(status, [`Set ${count} input${count === 1 ? "" : "s"} from the link; the others keep their defaults.`], problems);
    // Clear the address, so that following the same link again reads it again.
    history.replaceState(history.state, "", location.pathname + location.search);
  }
  const readsLink = inBook && spec.readsLink !== false;

  return {
    tools,
    status,
    start() {
      if (!readsLink) return;
      loadFromAddress();
      window.addEventListener("hashchange", loadFromAddress);
    },
    update(values) {
      shown = values;
      refreshLink();
    },
    edited() {
      menu.value = "";
    },
    refreshLink,
    stop() {
      if (readsLink) window.removeEventListener("hashchange", loadFromAddress);
    },
  };
}
