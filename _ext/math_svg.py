"""Sphinx extension: the book's formulas as SVG drawn at build time, so no page loads MathJax.

MathJax's own TeX-to-SVG converter runs in one Node process per build (_ext/tex_to_svg.mjs,
started at the first formula not already cached). Each formula becomes an inline
<svg role="img" aria-label="..."> whose name is MathJax's spoken form of it; the glyphs are
drawn in currentColor, so they follow the theme's text colour in dark mode. Drawings are
cached per (TeX, display) next to the doctrees, so a rebuild needs Node only for new formulas.

Select it with `html_math_renderer: svg` in the Sphinx config. A formula MathJax cannot read
is a build warning naming the document and line (an error under -W).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from browser_assets import asset_url
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number
from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name("tex_to_svg.mjs")
LOCK = SCRIPT.parent.parent / "package-lock.json"  # pins mathjax-full and its speech engine
RENDERER = "svg"
TRAILING_PUNCTUATION = re.compile(r"[.,;:!?)\]]+")
INSTALL_HINT = "Install the Node packages with `make node_modules/.installed` (runs `npm ci`)."


class TexError(ValueError):
    """MathJax could not read a formula; the message is MathJax's."""


class MathSvgError(SphinxError):
    category = "TeX-to-SVG error"


class TexToSvg:
    """TeX to SVG through one long-lived Node process, with a cache of earlier drawings."""

    def __init__(self, cache_file: Path | None = None, node: str = "node") -> None:
        self.cache_file = cache_file
        self.node = node
        self.version = hashlib.sha256(SCRIPT.read_bytes() + LOCK.read_bytes()).hexdigest()
        self.cache: dict[str, str] = self._load_cache()
        self.changed = False
        self.process: subprocess.Popen[str] | None = None
        self.owner = 0  # pid that started the process: a forked writer must start its own

    def render(self, tex: str, display: bool) -> str:
        """The formula as an <svg> element; TexError if the TeX is wrong."""
        key = json.dumps([tex, display])
        if key not in self.cache:
            answer = self._ask({"tex": tex, "display": display})
            if "error" in answer:
                raise TexError(answer["error"])
            self.cache[key] = answer["svg"]
            self.changed = True
        return self.cache[key]

    def close(self) -> None:
        """Stop Node and keep the drawings for the next build."""
        if self.process is not None and self.owner == os.getpid():
            self.process.stdin.close()
            self.process.wait(timeout=30)
        self.process = None
        if self.cache_file is not None and self.changed:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            self.cache_file.write_text(json.dumps({"version": self.version, "svg": self.cache}), encoding="utf-8")
            self.changed = False

    def _load_cache(self) -> dict[str, str]:
        if self.cache_file is None or not self.cache_file.exists():
            return {}
        stored = json.loads(self.cache_file.read_text(encoding="utf-8"))
        # Drawings from another converter script or package version are redrawn.
        return stored["svg"] if stored.get("version") == self.version else {}

    def _ask(self, request: dict[str, Any]) -> dict[str, str]:
        process = self._running()
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        if not line:
            process.wait(timeout=30)
            stderr = process.stderr.read()
            # Node prints a stack trace; the "Error: Cannot find module ..." line says what went wrong.
            reason = next((text for text in stderr.splitlines() if re.match(r"\w*Error\b", text)), stderr.strip()[-500:])
            raise MathSvgError(f"the TeX-to-SVG converter ({SCRIPT.name}) stopped: {reason}\n{INSTALL_HINT}")
        return json.loads(line)

    def _running(self) -> subprocess.Popen[str]:
        if self.process is None or self.owner != os.getpid():
            if shutil.which(self.node) is None:
                raise MathSvgError(
                    f"the book draws its formulas with Node.js, but {self.node!r} is not on the PATH: "
                    f"install Node.js 20 or later. {INSTALL_HINT}"
                )
            self.process = subprocess.Popen(
                [self.node, str(SCRIPT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            self.owner = os.getpid()
        return self.process


def display_tex(node: nodes.math_block) -> str:
    """The TeX of a display formula, its equations aligned as sphinx.ext.mathjax does."""
    if node["nowrap"]:
        return node.astext()
    parts = [part for part in node.astext().split("\n\n") if part.strip()]
    parts = [rf"\begin{{split}}{part}\end{{split}}" if r"\\" in part else part for part in parts]
    if len(parts) == 1:
        return parts[0]
    return r"\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}"


def draw(translator: HTML5Translator, node: nodes.Element, tex: str, display: bool) -> str:
    """The formula's SVG, or its TeX as code after a warning that names the document."""
    renderer: TexToSvg = translator.builder.app.ows_math_svg  # type: ignore[attr-defined]
    try:
        return renderer.render(tex, display)
    except TexError as error:
        logger.warning(
            "MathJax cannot draw the formula %r: %s",
            tex,
            error,
            location=(translator.builder.current_docname, node.line),
            type="math_svg",
        )
        return f'<code class="ows-math-error">{html.escape(tex)}</code>'


def visit_math(self: HTML5Translator, node: nodes.math) -> None:
    svg = draw(self, node, node.astext(), display=False)
    self.body.append(f'<span class="ows-math">{svg}</span>')
    raise nodes.SkipNode


def visit_displaymath(self: HTML5Translator, node: nodes.math_block) -> None:
    self.body.append(self.starttag(node, "div", CLASS="ows-math ows-math-display"))
    if node["number"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(draw(self, node, display_tex(node), display=True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def keep_punctuation_with_formulas(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A full stop or comma right after an inline formula stays on the formula's line.

    Browsers may break a line after an inline <svg>, which can leave "." alone at the start
    of the next line; the formula and its punctuation go into one unbreakable span.
    """
    if app.builder.format != "html":
        return
    for formula in list(doctree.findall(nodes.math)):
        following = formula.next_node(descend=False, siblings=True)
        match = TRAILING_PUNCTUATION.match(following.astext()) if isinstance(following, nodes.Text) else None
        if match is None:
            continue
        parent = formula.parent
        together = nodes.inline("", "", classes=["ows-math-nowrap"])
        parent.replace(formula, together)
        together += [formula, nodes.Text(match.group())]
        rest = following.astext()[match.end() :]
        if rest:
            parent.replace(following, nodes.Text(rest))
        else:
            parent.remove(following)


def start_renderer(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.ows_math_svg = TexToSvg(Path(app.doctreedir) / "math_svg.json")  # type: ignore[attr-defined]


def stop_renderer(app: Sphinx, exception: Exception | None) -> None:
    renderer: TexToSvg | None = getattr(app, "ows_math_svg", None)
    if renderer is not None:
        renderer.close()


def add_stylesheet(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if 'class="ows-math' in context.get("body", ""):
        app.add_css_file(asset_url("math.css"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_html_math_renderer(RENDERER, (visit_math, None), (visit_displaymath, None))
    app.connect("builder-inited", start_renderer)
    app.connect("build-finished", stop_renderer)
    app.connect("doctree-resolved", keep_punctuation_with_formulas)
    app.connect("html-page-context", add_stylesheet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
