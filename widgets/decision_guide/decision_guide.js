// A decision guide the reader clicks through: one question at a time, each a group of
// radio buttons in a fieldset, until the answers reach a suggestion with its reasons.
// The guide's words come from a YAML file (see guide.py), embedded in the page as JSON.
// Works by keyboard alone: Tab moves between questions, arrow keys between answers.

/** Follow the answers from the first question: the questions asked so far, and the
 *  recommendation reached (null while a question is still unanswered). */
export function walk(guide, answers) {
  const questions = new Map(guide.questions.map((q) => [q.id, q]));
  const path = [];
  let question = guide.questions[0];
  while (question && !path.includes(question.id)) {
    path.push(question.id);
    const answer = question.answers.find((a) => a.id === answers[question.id]);
    if (!answer) return { path, recommendation: null };
    if (!questions.has(answer.next)) {
      return { path, recommendation: guide.recommendations.find((r) => r.id === answer.next) ?? null };
    }
    question = questions.get(answer.next);
  }
  return { path, recommendation: null };
}

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

let uid = 0;

function buildQuestion(question, prefix) {
  const fieldset = element("fieldset", { class: "ows-guide-step", "data-question": question.id });
  const helpId = `${prefix}-${question.id}-help`;
  fieldset.setAttribute("aria-describedby", helpId);
  const legend = element("legend", {}, question.question);
  const help = element("p", { id: helpId, class: "ows-help" }, question.help);
  fieldset.append(legend, help);
  for (const answer of question.answers) {
    const id = `${prefix}-${question.id}-${answer.id}`;
    const option = element("div", { class: "ows-guide-answer" });
    const input = element("input", { type: "radio", id, name: question.id, value: answer.id });
    option.append(input, element("label", { for: id }, answer.label));
    fieldset.append(option);
  }
  return fieldset;
}

function buildRecommendation(recommendation) {
  const section = element("section", { class: "ows-guide-result", "data-recommendation": recommendation.id });
  const reasons = element("ul");
  for (const reason of recommendation.reasons) reasons.append(element("li", {}, reason));
  section.append(
    element("p", { class: "ows-guide-kicker" }, "Our suggestion"),
    element("p", { class: "ows-guide-title" }, recommendation.title),
    element("p", {}, recommendation.summary),
    element("p", { class: "ows-guide-part" }, "Why"),
    reasons,
    element("p", { class: "ows-guide-part" }, "But keep in mind"),
    element("p", {}, recommendation.caveat),
  );
  return section;
}

/** Replace the guide's fallback list in `el` with the interactive guide. */
export function mountGuide(el, guide) {
  const prefix = `ows-guide-${guide.id}-${++uid}`;
  const answers = {};
  const steps = new Map(guide.questions.map((q) => [q.id, buildQuestion(q, prefix)]));
  const form = element("form", { class: "ows-guide-form", "aria-label": guide.title });
  const result = element("div", { class: "ows-guide-outcome" });
  const status = element("p", { class: "ows-guide-status", role: "status" });
  const restart = element("button", { type: "button", class: "ows-guide-restart" }, "Start again");
  el.replaceChildren(
    element("p", { class: "ows-guide-title" }, guide.title),
    element("p", {}, guide.intro),
    form,
    status,
    result,
    restart,
  );
  el.classList.add("ows-guide");

  let shown = { path: [], recommendation: null };

  // Show the questions on the current path and, at its end, the suggestion. Questions
  // already on the page stay where they are, so the focused answer keeps its focus.
  function update() {
    const next = walk(guide, answers);
    const wanted = next.path.map((id) => steps.get(id));
    let kept = 0;
    while (kept < wanted.length && form.children[kept] === wanted[kept]) kept += 1;
    while (form.children.length > kept) form.lastElementChild.remove();
    form.append(...wanted.slice(kept));
    const reached = next.recommendation;
    if (reached?.id !== shown.recommendation?.id) {
      result.replaceChildren(...(reached ? [buildRecommendation(reached)] : []));
    }
    if (reached && reached.id !== shown.recommendation?.id) {
      status.textContent = `Suggestion below: ${reached.title}`;
    } else if (!reached && next.path.length > shown.path.length) {
      status.textContent = `Next question added below: ${guide.questions.find((q) => q.id === next.path.at(-1)).question}`;
    }
    restart.hidden = next.path.length === 1 && !answers[guide.questions[0].id];
    el.dataset.state = reached ? "done" : "asking";
    shown = next;
  }

  form.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return;
    answers[event.target.name] = event.target.value;
    update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  restart.addEventListener("click", () => {
    for (const key of Object.keys(answers)) delete answers[key];
    for (const step of steps.values()) for (const input of step.querySelectorAll("input")) input.checked = false;
    update();
    status.textContent = "The guide starts again at the first question.";
    steps.get(guide.questions[0].id).querySelector("input").focus();
  });

  update();
  el.dataset.ready = "true";
}

// In Jupyter (anywidget) the guide comes from the widget's `guide` trait (widget.py).
export default {
  render({ model, el }) {
    const guide = model.get("guide");
    el.dataset.guide = guide.id;
    mountGuide(el, guide);
  },
};
