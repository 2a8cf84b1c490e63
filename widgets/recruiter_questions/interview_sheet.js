// The question list to take to an interview: each question, a polite way to ask it, the
// reader's answer and notes (or lines to write on), and the score so far. It is built
// when the reader asks to print, placed at the top level of the page, and the print
// stylesheet (calculator.css, `html.rq-printing`) prints it alone on one or two pages.
import { compute, formatOutputs, pointsText, questionRows } from "./scorecard.js";
import { element } from "../calculator_ui.js";
import { SOURCE_LINE } from "./export.js";

function labelled(label, content, className) {
  const line = element("p", { class: className });
  line.append(element("strong", {}, `${label}: `), content);
  return line;
}

// An unanswered question: its answers to circle, or a line to write a number on.
function blankAnswer(row) {
  const part = element("span");
  if (row.question.kind === "choice") {
    part.append(element("span", { class: "rq-sheet-options" }, row.question.answers.map((a) => a.label).join("  /  ")));
  } else {
    part.append(element("span", { class: "rq-sheet-blank" }), ` ${row.question.unit}`);
  }
  return part;
}

/** The printable sheet for one offer (all reader text goes in as text, never as HTML). */
export function buildSheet(offer) {
  const result = compute(offer.values);
  const text = formatOutputs(result);
  const sheet = element("section", { class: "rq-sheet" });
  sheet.append(
    element("h1", {}, `Questions for the recruiter: ${offer.name}`),
    element(
      "p",
      { class: "rq-sheet-intro" },
      "Ask for facts rather than impressions, and write down what you hear. A question you could not ask " +
        "stays unknown: it counts neither for nor against the offer.",
    ),
  );
  const list = element("ol");
  for (const row of questionRows(offer.values, result)) {
    const note = offer.notes[row.name].trim();
    const answer = row.answer === null ? blankAnswer(row) : document.createTextNode(`${row.answerText} (${pointsText(row)} points)`);
    const item = element("li");
    item.append(
      element("p", { class: "rq-sheet-question" }, row.asks),
      element("p", { class: "rq-sheet-ask" }, row.ask),
      labelled("Answer", answer, "rq-sheet-answer"),
      labelled("Notes", note ? document.createTextNode(note) : element("span", { class: "rq-sheet-blank" }), "rq-sheet-notes"),
    );
    list.append(item);
  }
  sheet.append(
    list,
    labelled("Score so far", document.createTextNode(`${text.score} out of 100. ${text.verdict}`), "rq-sheet-summary"),
    labelled("Red flags", document.createTextNode(text["red-flags"]), "rq-sheet-summary"),
    element("p", { class: "rq-sheet-source" }, SOURCE_LINE),
  );
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
