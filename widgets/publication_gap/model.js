// Publication gap against a postdoc competitor: the JS model, twin of model.py (the same
// equations, checked against vectors.jsonl by tests/js/publication_gap.test.mjs). Pure:
// it runs in node and in the browser, with no DOM.
import { OUTPUT_LABELS, PARAMETERS, TABLE_CAPTION, TABLE_COLUMNS } from "./parameters.js";
import { formatNumber, formatPercent } from "../formatting.js";

export { OUTPUT_LABELS, PARAMETERS };

export function recencyWeight(halfLife) {
  return 2 ** (-1 / halfLife);
}

export function recencyScore(papersAtPhd, rate, years, weight) {
  const decay = weight ** years;
  return papersAtPhd * decay + (rate * (1 - decay)) / (1 - weight);
}

function catchUpLevel(start, rate, extraYears, weight) {
  const decay = weight ** extraYears;
  return start * decay + (rate * (1 - decay)) / (1 - weight);
}

/** Fewest whole years of postdoc-rate output to reach the postdoc's score; null = never. */
export function catchUpYears(yourScore, postdocScore, postdocRate, weight) {
  if (yourScore >= postdocScore) return 0;
  const limit = postdocRate / (1 - weight);
  if (limit <= postdocScore) return null;
  let x = Math.max(0, Math.ceil(Math.log((limit - postdocScore) / (limit - yourScore)) / Math.log(weight)));
  while (x > 0 && catchUpLevel(yourScore, postdocRate, x - 1, weight) >= postdocScore) x -= 1;
  while (catchUpLevel(yourScore, postdocRate, x, weight) < postdocScore) x += 1;
  return x;
}

/** Your score as a share of the postdoc's; null when theirs is (nearly) 0 and the share undefined. */
function recencyRatio(yourScore, postdocScore) {
  const ratio = postdocScore > 0 ? yourScore / postdocScore : null;
  // A postdoc score of about 1e-308 makes the share too large to print as a percentage.
  return ratio !== null && Number.isFinite(ratio * 100) ? ratio : null;
}

/** Every output for already-validated inputs (see model.py for the equations). */
export function compute({ years, papers_at_phd, industry_rate, postdoc_rate, half_life }) {
  const weight = recencyWeight(half_life);
  const your_total = papers_at_phd + industry_rate * years;
  const postdoc_total = papers_at_phd + postdoc_rate * years;
  const your_score = recencyScore(papers_at_phd, industry_rate, years, weight);
  const postdoc_score = recencyScore(papers_at_phd, postdoc_rate, years, weight);
  const catch_up_years = catchUpYears(your_score, postdoc_score, postdoc_rate, weight);
  return {
    your_total,
    postdoc_total,
    gap: postdoc_total - your_total,
    your_score,
    postdoc_score,
    recency_ratio: recencyRatio(your_score, postdoc_score),
    catch_up_years,
    // A postdoc who keeps publishing moves on: the weighted gap only shrinks, by `weight` a year.
    moving_gap: catch_up_years === null ? null : (postdoc_score - your_score) * weight ** catch_up_years,
  };
}

/** The headline outputs as people read them: "4.5", "62%", "never", "n/a". */
export function formatOutputs(result) {
  return {
    your_total: formatNumber(result.your_total),
    postdoc_total: formatNumber(result.postdoc_total),
    gap: formatNumber(result.gap),
    recency_ratio: result.recency_ratio === null ? "n/a" : formatPercent(result.recency_ratio),
    catch_up_years: result.catch_up_years === null ? "never" : String(result.catch_up_years),
    moving_gap: result.moving_gap === null ? "n/a" : formatNumber(result.moving_gap),
  };
}

/** Both records, year 0 (the PhD) to the application: papers, and scores weighted for recency. */
export function records(values) {
  const years = [...Array(values.years + 1).keys()];
  const weight = recencyWeight(values.half_life);
  const you = years.map((t) => values.papers_at_phd + values.industry_rate * t);
  const postdoc = years.map((t) => values.papers_at_phd + values.postdoc_rate * t);
  const yourScore = years.map((t) => recencyScore(values.papers_at_phd, values.industry_rate, t, weight));
  const postdocScore = years.map((t) => recencyScore(values.papers_at_phd, values.postdoc_rate, t, weight));
  return { years, you, postdoc, yourScore, postdocScore };
}

/** The chart's numbers as the page's table shows them (`table` in model.py). */
export function table(values) {
  const { years, you, postdoc, yourScore, postdocScore } = records(values);
  return {
    caption: TABLE_CAPTION,
    columns: Object.values(TABLE_COLUMNS),
    rows: years.map((t, i) =>
      [String(t), ...[you[i], postdoc[i], postdoc[i] - you[i], yourScore[i], postdocScore[i]].map(formatNumber)],
    ),
  };
}
