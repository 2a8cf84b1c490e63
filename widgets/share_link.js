// A calculator's inputs in the page address, so a link opens it with the same scenario:
// "#pg:years=5&industry_rate=1", "#rq:name=Lab%20offer&review_counts_papers=no". The
// fragment never reaches a server. Parsing is strict: each value goes through the same
// check as the form, and anything unknown, malformed or out of range is left out with a
// message (the input keeps its default). Messages quote the address's text only
// shortened and as plain text. The Python twin is widgets/share_link.py.
import { parseInput } from "./parse_input.js";

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

/** A reader-given name, trimmed, or null if it is empty, too long or has control characters. */
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

// How messages name an input and its value: a scorecard asks questions and gets answers.
const WORDS = {
  input: { thing: "input", value: "the value", fallback: "; its default is kept" },
  question: { thing: "question", value: "the answer", fallback: "" },
};

/**
 * Read a scenario from a fragment. null if the fragment does not start with `prefix`;
 * otherwise { values, name, problems }: the values the fragment got right (null for an
 * optional input left unknown), the scenario's name (only if `named`) or null, and one
 * message for each part that was left out.
 */
export function parseFragment(hash, { prefix, parameters, named = false, noun = "input" }) {
  if (typeof hash !== "string" || !hash.startsWith(prefix)) return null;
  const words = WORDS[noun];
  const values = {};
  const problems = [];
  let name = null;
  if (hash.length > MAX_FRAGMENT_LENGTH) {
    problems.push(`The link is longer than ${MAX_FRAGMENT_LENGTH} characters, so none of it was used.`);
    return { values, name, problems };
  }
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const parts = hash.slice(prefix.length).split("&").filter((part) => part !== "");
  if (parts.length > MAX_PARTS) problems.push(`The link has ${parts.length} parts; only the first ${MAX_PARTS} were read.`);
  const seen = new Set();
  for (const part of parts.slice(0, MAX_PARTS)) {
    const at = part.indexOf("=");
    const key = decode(at < 0 ? part : part.slice(0, at));
    const value = at < 0 ? "" : decode(part.slice(at + 1));
    const isName = named && key === "name";
    if (key === null || value === null) {
      problems.push(`Left out ${quoteForMessage(part)}: it is not a correctly encoded part of a link.`);
    } else if (at < 0) {
      problems.push(`Left out ${quoteForMessage(key)}: it has no value (write ${words.thing}=value).`);
    } else if (!isName && !byName.has(key)) {
      problems.push(`Left out ${quoteForMessage(key)}: there is no ${words.thing} of that name.`);
    } else if (seen.has(key)) {
      problems.push(`Left out a second value for ${key}: the first one was kept.`);
    } else if (isName) {
      seen.add(key);
      name = cleanName(value);
      if (name === null) {
        problems.push(`Left out the name ${quoteForMessage(value)}: a name is 1 to ${MAX_NAME_LENGTH} characters of plain text.`);
      }
    } else {
      seen.add(key);
      const parameter = byName.get(key);
      const parsed = parseInput(parameter, value);
      if (parsed.error) {
        problems.push(`Left out ${key}=${quoteForMessage(value)}: ${words.value} must be ${parameter.range_text}${words.fallback}.`);
      } else {
        values[key] = parsed.value;
      }
    }
  }
  return { values, name, problems };
}

/** The fragment for a scenario: its name (if any) and its known values, in declaration order. */
export function fragmentFor(values, { prefix, parameters, name = null }) {
  const parts = name ? [`name=${encodeURIComponent(name)}`] : [];
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (value !== null && value !== undefined) parts.push(`${parameter.name}=${encodeURIComponent(String(value))}`);
  }
  return prefix + parts.join("&");
}
