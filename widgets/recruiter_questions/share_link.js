// A scorecard in the page address, so an instructor can send a link that opens it
// filled in: "#rq:name=Lab%20offer&review_counts_papers=no&research_time=20". The
// fragment never reaches a server. Parsing is strict: each answer goes through the
// same check as the form, and anything unknown, malformed or out of range is left out
// with a message. Messages quote the address's text only shortened and as plain text.
import { parseInput } from "../calculator_ui.js";

export const FRAGMENT_PREFIX = "#rq:";
export const MAX_FRAGMENT_LENGTH = 2000;
export const MAX_NAME_LENGTH = 60;
const MAX_PARTS = 20;
const QUOTE_LENGTH = 40;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text from the address, fit to quote in a message: short, without control characters. */
export function quoteForMessage(text) {
  const clean = String(text).replace(CONTROL_CHARACTERS, " ");
  return `“${clean.length > QUOTE_LENGTH ? `${clean.slice(0, QUOTE_LENGTH)}…` : clean}”`;
}

/** A reader-given offer name, trimmed, or null if it is empty, too long or has control characters. */
export function cleanName(text) {
  const name = String(text ?? "").trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || name.search(CONTROL_CHARACTERS) >= 0) return null;
  return name;
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // a stray "%" that starts no escape
  }
}

/**
 * Read a scorecard from a fragment. null if the fragment is not a scorecard's; otherwise
 * { answers, name, problems }: answers of the questions the fragment got right (null for
 * "unknown"), the offer name or null, and one message for each part that was left out.
 */
export function parseFragment(hash, questions) {
  if (typeof hash !== "string" || !hash.startsWith(FRAGMENT_PREFIX)) return null;
  const answers = {};
  const problems = [];
  let name = null;
  if (hash.length > MAX_FRAGMENT_LENGTH) {
    problems.push(`The link is longer than ${MAX_FRAGMENT_LENGTH} characters, so none of it was used.`);
    return { answers, name, problems };
  }
  const byName = new Map(questions.map((q) => [q.name, q]));
  const parts = hash.slice(FRAGMENT_PREFIX.length).split("&").filter((part) => part !== "");
  if (parts.length > MAX_PARTS) problems.push(`The link has ${parts.length} parts; only the first ${MAX_PARTS} were read.`);
  const seen = new Set();
  for (const part of parts.slice(0, MAX_PARTS)) {
    const at = part.indexOf("=");
    const key = decode(at < 0 ? part : part.slice(0, at));
    const value = at < 0 ? "" : decode(part.slice(at + 1));
    if (key === null || value === null) {
      problems.push(`Left out ${quoteForMessage(part)}: it is not a correctly encoded part of a link.`);
    } else if (at < 0) {
      problems.push(`Left out ${quoteForMessage(key)}: it has no value (write question=answer).`);
    } else if (key !== "name" && !byName.has(key)) {
      problems.push(`Left out ${quoteForMessage(key)}: there is no question of that name.`);
    } else if (seen.has(key)) {
      problems.push(`Left out a second value for ${key}: the first one was kept.`);
    } else if (key === "name") {
      seen.add(key);
      name = cleanName(value);
      if (name === null) {
        problems.push(`Left out the offer name ${quoteForMessage(value)}: a name is 1 to ${MAX_NAME_LENGTH} characters of plain text.`);
      }
    } else {
      seen.add(key);
      const question = byName.get(key);
      const parsed = parseInput(question, value);
      if (parsed.error) problems.push(`Left out ${key}=${quoteForMessage(value)}: the answer must be ${question.range_text}.`);
      else answers[key] = parsed.value;
    }
  }
  return { answers, name, problems };
}

/** The fragment for a scorecard: its name and its known answers (never notes). */
export function fragmentFor(values, name, questions) {
  const parts = name ? [`name=${encodeURIComponent(name)}`] : [];
  for (const question of questions) {
    const value = values[question.name];
    if (value !== null && value !== undefined) parts.push(`${question.name}=${encodeURIComponent(String(value))}`);
  }
  return FRAGMENT_PREFIX + parts.join("&");
}
