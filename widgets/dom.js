// The one helper every browser module uses to make elements. Text goes in as text
// (textContent), never as HTML, so a reader's or a file's words cannot become markup.

export function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}
