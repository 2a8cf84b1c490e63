// TeX to self-contained SVG at build time, for _ext/math_svg.py.
//
// Reads one JSON object per line on stdin, {"tex": "...", "display": true|false}, and writes
// one JSON object per line on stdout, in the same order: {"svg": "<svg ...>"}, or
// {"error": "..."} when the TeX is wrong. The process stays alive for the whole build.
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { mathjax } = require('mathjax-full/js/mathjax.js');
const { TeX } = require('mathjax-full/js/input/tex.js');
const { SVG } = require('mathjax-full/js/output/svg.js');
const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');
const { STATE } = require('mathjax-full/js/core/MathItem.js');
const { SerializedMmlVisitor } = require('mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js');
const SRE = require('speech-rule-engine');

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const tex = new TeX({
  // Not bussproofs (it needs a browser), nor the two that would draw a mistake in red instead of failing.
  packages: AllPackages.filter((name) => !['bussproofs', 'noerrors', 'noundefined'].includes(name)),
  // Throw instead of drawing the error in red, so the build can report it.
  formatError: (_jax, error) => {
    throw error;
  },
});
// fontCache 'none': every glyph is drawn in place, so an SVG needs no <defs> elsewhere on the page.
const svg = new SVG({ fontCache: 'none' });
const document = mathjax.document('', { InputJax: tex, OutputJax: svg });
const toMathML = new SerializedMmlVisitor();

SRE.setupEngine({ locale: 'en', domain: 'clearspeak', modality: 'speech' });
await SRE.engineReady();

// MathJax already marks the <svg> role="img"; its name is the formula read aloud (ClearSpeak),
// or the TeX itself in the rare case the speech engine has nothing to say.
function convert({ tex: source, display }) {
  const mathml = toMathML.visitTree(document.convert(source, { display, end: STATE.CONVERT }));
  const svgNode = adaptor.firstChild(document.convert(source, { display }));
  adaptor.setAttribute(svgNode, 'aria-label', SRE.toSpeech(mathml).trim() || source);
  return { svg: adaptor.outerHTML(svgNode) };
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  let answer;
  try {
    answer = convert(JSON.parse(line));
  } catch (error) {
    answer = { error: error.message ?? String(error) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
