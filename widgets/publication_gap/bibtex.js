// BibTeX text as entries, read with the vendored @retorquere/bibtex-parser (widgets/vendor/
// bibtex-parser.min.js, passed in as `parser` once loaded). Its verbatim parser reads the
// grammar (braces, quotes, @string and month macros, # joins) and recovers after a broken
// entry; only titles and venues that hold LaTeX commands go through its full parser, which
// turns them into Unicode, in one batch, and only for display (the panel does it once the
// record is shown): that keeps a 2,000-entry file fast.
import { plainText } from "./record.js";

const DISPLAY_FIELDS = ["title", "journal", "journaltitle", "booktitle", "howpublished", "school", "institution"];
const DECODE_OPTIONS = { sentenceCase: false, english: false, unsupported: "ignore", applyCrossRef: false };
const BROKEN = "could not be read (check its braces and quotes)";

/** The key at the start of an entry's text, or its first characters. */
function blockName(input) {
  const match = String(input).match(/^\s*@\s*[a-zA-Z]+\s*[{(]\s*([^,\s]+)\s*,/);
  return match ? match[1] : String(input).trim().slice(0, 30);
}

/** The parser's text with its own markup (<i>, <sup>, ...) taken out: in LaTeX a typed "<" is "¡", so only its tags are left. */
function withoutMarkup(text) {
  return text.replace(/<\/?[a-z][^>]*>/gi, "").replace(/\s+/g, " ").trim().normalize("NFC");
}

/** { entries: [{type, key, fields, display}], failed: [{key, reason}] }: raw field text, and
 * an empty `display` that `decodeDisplay` fills in (the rules need only the raw text). */
export function readEntries(text, parser) {
  const verbatim = parser.parseVerbatim(text);
  const entries = verbatim.entries
    .filter((entry) => entry.input !== "") // an entry the parser gave up on half way
    .map((entry) => ({
      type: entry.type.toLowerCase(),
      key: entry.key,
      fields: Object.fromEntries(Object.entries(entry.fields).filter(([name]) => !name.includes("+duplicate-"))),
      display: {},
    }));
  // An unknown @string name is not a broken entry: its value stays as the name, as in Python.
  const broken = verbatim.errors.filter((error) => !error.error.startsWith("Unresolved @string reference"));
  const failed = broken.map((error) => ({ key: blockName(error.input), reason: BROKEN }));
  return { entries, failed };
}

/** Fill in each entry's `display`: its titles and venues that hold LaTeX, as Unicode text. */
export function decodeDisplay(entries, parser) {
  const latex = [];
  for (const entry of entries) {
    for (const name of DISPLAY_FIELDS) if (entry.fields[name]?.includes("\\")) latex.push([entry, name]);
  }
  if (!latex.length) return;
  const source = latex.map(([entry, name], i) => `@misc{k${i}, title = {${entry.fields[name]}}}`).join("\n");
  const decoded = new Map(parser.parse(source, DECODE_OPTIONS).entries.map((e) => [e.key, e.fields.title]));
  latex.forEach(([entry, name], i) => {
    const value = decoded.get(`k${i}`);
    entry.display[name] = typeof value === "string" ? withoutMarkup(value) : plainText(entry.fields[name]);
  });
}
