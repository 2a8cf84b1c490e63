// The question sheet to take to an interview, filled in with one offer's answers and
// notes. Its markup is the printable sheet made once in Python (sheet.py), which the
// handout page prints blank; this module only writes text into its slots (data-slot),
// never markup, so whatever a reader typed prints exactly as typed. The sheet is placed
// at the top level of the page, and the print stylesheet (calculator.css,
// `html.rq-printing`) prints it alone on one or two pages.
import { compute, formatOutputs, pointsText, questionRows } from "./model.js";
import { element } from "../calculator_ui.js";

/** The sheet (`sheetHtml`, from sheet.py) filled in with `offer`: its name, answers, notes and score. */
export function fillSheet(sheetHtml, offer) {
  const template = document.createElement("template");
  template.innerHTML = sheetHtml; // the book's own markup; reader text goes in below as text only
  const sheet = element("section", { class: "rq-sheet" });
  sheet.append(template.content);
  const slot = (within, name) => within.querySelector(`[data-slot="${name}"]`);
  const result = compute(offer.values);
  const text = formatOutputs(result);
  slot(sheet, "offer").textContent = offer.name;
  for (const row of questionRows(offer.values, result)) {
    const item = sheet.querySelector(`[data-question="${row.name}"]`);
    if (row.answer !== null) slot(item, "answer").textContent = `${row.answerText} (${pointsText(row)} points)`;
    const note = offer.notes[row.name].trim();
    if (note) slot(item, "notes").textContent = note; // else the line to write on stays
  }
  slot(sheet, "score").textContent = `${text.score} out of 100. ${text.verdict}`;
  slot(sheet, "red_flags").textContent = text.red_flags;
  slot(sheet, "result").hidden = false;
  return sheet;
}

/** Print the sheet alone; the page returns to normal once the print dialog closes. */
export function printSheet(sheet) {
  for (const old of document.querySelectorAll("body > .rq-sheet")) old.remove();
  document.body.append(sheet);
  document.documentElement.classList.add("rq-printing");
  const restore = () => {
    sheet.remove();
    document.documentElement.classList.remove("rq-printing");
  };
  window.addEventListener("afterprint", restore, { once: true });
  window.print();
}
