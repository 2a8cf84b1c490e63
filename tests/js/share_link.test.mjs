// Share links for every calculator: strict reading (unknown keys left out, bad values refused
// with a message, so the input keeps its default) and a round trip for every preset.
import test from "node:test";
import assert from "node:assert/strict";
import { fragmentFor, parseFragment } from "../../widgets/share_link.js";
import * as publicationGap from "../../widgets/publication_gap/parameters.js";
import * as careerPaths from "../../widgets/career_paths/parameters.js";
import * as recruiterQuestions from "../../widgets/recruiter_questions/parameters.js";

const CALCULATORS = { publicationGap, careerPaths, recruiterQuestions };
const link = (m) => ({ prefix: m.SHARE_PREFIX, parameters: m.PARAMETERS });

test("every preset sets every input and survives a link's round trip", () => {
  for (const [name, m] of Object.entries(CALCULATORS)) {
    assert.ok(m.PRESETS.length >= 3, name);
    for (const preset of m.PRESETS) {
      assert.deepEqual(Object.keys(preset.values).sort(), m.PARAMETERS.map((p) => p.name).sort(), preset.id);
      const parsed = parseFragment(fragmentFor(preset.values, link(m)), link(m));
      assert.deepEqual(parsed.problems, [], preset.id);
      const known = Object.fromEntries(Object.entries(preset.values).filter(([, v]) => v !== null));
      assert.deepEqual(parsed.values, known, preset.id);
    }
  }
});

test("a calculator's link is read strictly: unknown keys and bad values are left out with a message", () => {
  const m = publicationGap;
  const parsed = parseFragment("#pg:years=5&bogus=1&industry_rate=abc&postdoc_rate=99&half_life=%3Cb%3E", link(m));
  assert.deepEqual(parsed.values, { years: 5 });
  assert.equal(parsed.problems.length, 4);
  assert.match(parsed.problems[0], /“bogus”: there is no input of that name/);
  assert.match(parsed.problems[1], /industry_rate=“abc”: the value must be a number from 0 to 20; its default is kept/);
  assert.match(parsed.problems[2], /postdoc_rate=“99”/);
  assert.match(parsed.problems[3], /half_life=“<b>”/);
  assert.equal(parseFragment("#cp:years=5", link(m)), null, "another calculator's link is not read");
  assert.equal(parseFragment("#pg:name=x", link(m)).problems.length, 1, "only the scorecard's links carry a name");
});
