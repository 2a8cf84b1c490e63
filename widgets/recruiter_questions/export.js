// The reader's answers and notes as files to take to an interview: Markdown and CSV,
// made in the browser (a Blob and an object URL), so nothing typed leaves the page.
import { compute, formatOutputs, pointsText, questionRows } from "./model.js";
import { MESSAGES } from "./parameters.js";
import { element } from "../calculator_ui.js";
import { roundHalfUp } from "../formatting.js";

export const SOURCE_LINE = MESSAGES.source_line;

export const CSV_COLUMNS = [
  "offer", "offer_score", "question", "asks", "answer", "answer_text", "points", "max_points", "notes",
];

// Backslash-escape what Markdown would read as markup; CommonMark allows it before any
// ASCII punctuation. A line may not start a list, a heading underline or a numbered item.
function markdownLine(line) {
  const escaped = line.replace(/[\\`*_[\]<>|#~&]/g, "\\$&");
  return escaped.replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** Reader text (an offer name, a note) as Markdown that shows exactly what was typed. */
export function markdownText(text, indent = "") {
  return String(text).split(/\r\n|\r|\n/).map(markdownLine).join(`\n${indent}`);
}

function offerMarkdown(offer) {
  const result = compute(offer.values);
  const text = formatOutputs(result);
  const lines = [
    `## ${markdownText(offer.name)}`,
    "",
    `- Score: ${text.score} out of 100 (answered questions only)`,
    `- Verdict: ${text.verdict}`,
    `- Red flags: ${result.red_flags.length ? result.red_flags.join(" ") : text.red_flags}`,
    "",
  ];
  questionRows(offer.values, result).forEach((row, i) => {
    const note = offer.notes[row.name].trim();
    lines.push(
      `${i + 1}. **${row.asks}**`,
      `   ${row.ask}`,
      `   - Answer: ${row.answerText}`,
      `   - Points: ${pointsText(row)}`,
      `   - Notes: ${note ? markdownText(note, "     ") : "none"}`,
    );
  });
  return lines.join("\n");
}

/** The offers' question lists as one Markdown document. */
export function toMarkdown(offers) {
  return ["# Questions for the recruiter", "", SOURCE_LINE, "", offers.map(offerMarkdown).join("\n\n"), ""].join("\n");
}

// Every cell quoted. Reader text that a spreadsheet would run as a formula starts with
// an apostrophe instead.
function csvCell(value, fromReader = false) {
  let text = value === null || value === undefined ? "" : String(value);
  if (fromReader && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The offers' answers as CSV (RFC 4180, CRLF, with a byte-order mark for spreadsheets). */
export function toCsv(offers) {
  const lines = [CSV_COLUMNS.map((c) => csvCell(c)).join(",")];
  for (const offer of offers) {
    const result = compute(offer.values);
    const score = formatOutputs(result).score;
    for (const row of questionRows(offer.values, result)) {
      const points = row.points === null ? "" : roundHalfUp(row.points, 2);
      const cells = [
        csvCell(offer.name, true), csvCell(score), csvCell(row.name), csvCell(row.asks), csvCell(row.answer),
        csvCell(row.answerText), csvCell(points), csvCell(row.maxPoints), csvCell(offer.notes[row.name], true),
      ];
      lines.push(cells.join(","));
    }
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** Save text as a file, made in the browser. */
export function downloadText(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000); // long enough for the browser to start saving
}
