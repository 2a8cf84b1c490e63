"""Formulas are SVG drawn at build time: named for screen readers, in the text colour, no MathJax."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from math_svg import MathSvgError, TexError, TexToSvg

from tests.browser.test_every_page import book_pages
from tests.helpers import ROOT, open_page

FORMULA_PAGES = ("chapters/publications.html", "chapters/evidence/pipeline.html", "chapters/evidence/what_the_data_says.html")
LOADS = re.compile(r"""\b(?:src|href)=["']([^"']*)["']""", re.I)


class _Formulas(HTMLParser):
    """The <svg> attributes of every formula on a page, and whether it is a display formula."""

    def __init__(self) -> None:
        super().__init__()
        self.formulas: list[tuple[bool, dict[str, str | None]]] = []
        self._display: list[bool] = []  # one entry per open .ows-math wrapper

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if "ows-math" in classes:
            self._display.append("ows-math-display" in classes)
        elif tag == "svg" and self._display:
            self.formulas.append((self._display.pop(), dict(attrs)))


def formulas(page: Path) -> list[tuple[bool, dict[str, str | None]]]:
    parser = _Formulas()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.formulas


def test_formula_pages_hold_named_svg_formulas(built_book: Path):
    for path in FORMULA_PAGES:
        found = formulas(built_book / path)
        assert found, f"{path} shows no formula"
        for _display, svg in found:
            assert svg["role"] == "img", path
            name = svg.get("aria-label") or ""
            # The spoken form ("r sub p"), not TeX source, is the name a screen reader reads.
            assert name.strip() and "\\" not in name and "_" not in name, (path, name)
            assert svg["style"].startswith("vertical-align:"), path  # inline ones sit on the baseline
    publications = formulas(built_book / "chapters/publications.html")
    assert sum(display for display, _ in publications) == 3
    assert sum(not display for display, _ in publications) >= 20


def test_no_page_loads_mathjax_or_keeps_raw_tex(built_book: Path):
    for path in book_pages(built_book):
        text = (built_book / path).read_text(encoding="utf-8")
        assert not [url for url in LOADS.findall(text) if "mathjax" in url.lower()], path
        assert "window.MathJax" not in text and 'class="math notranslate' not in text, path
        assert "ows-math-error" not in text, path
    assert not (built_book / "_static/ows/vendor/mathjax").exists()


def test_formulas_follow_the_text_colour_in_dark_mode(browser, server):
    page, problems = open_page(browser)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/chapters/publications.html", wait_until="networkidle")
    colours = """() => [...document.querySelectorAll('.ows-math svg > g')].map(g => [
        getComputedStyle(g).fill, getComputedStyle(g.closest('p, div')).color,
        g.closest('svg').getBoundingClientRect().width])"""
    light = page.evaluate(colours)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    dark = page.evaluate(colours)
    page.context.close()
    assert len(light) == len(dark) >= 20
    for fill, text_colour, width in light + dark:
        assert fill == text_colour and width > 0
    assert light[0][0] != dark[0][0]
    assert not [url for url in requests if "mathjax" in url.lower()]
    problems.assert_clean()


def test_punctuation_after_an_inline_formula_stays_on_its_line(built_book: Path):
    text = (built_book / "chapters/publications.html").read_text(encoding="utf-8")
    # "... = P_0 + r_p T." in the definition of the postdoc's papers
    assert re.search(
        r'<span class="ows-math-nowrap"><span class="ows-math"><svg[^>]*aria-label="P sub postdoc[^"]*".*?</svg></span>\.</span>',
        text,
    )


def test_renderer_draws_inline_and_display_formulas(tmp_path: Path):
    renderer = TexToSvg(tmp_path / "math_svg.json")
    inline = renderer.render("x^2", display=False)
    display = renderer.render(r"S(r) = \frac{1 - w^{T}}{1 - w}", display=True)
    renderer.close()
    assert inline.startswith("<svg") and 'role="img"' in inline and 'aria-label="x squared"' in inline
    assert re.search(r'style="vertical-align: -?[\d.]+ex;"', inline)
    assert 'aria-label="S of r equals the fraction with numerator 1 minus w to the T power and denominator 1 minus w"' in display
    for svg in (inline, display):
        # Self-contained (no shared <defs> to point at) and drawn in the text colour.
        assert "<use" not in svg and "<defs" not in svg and 'fill="currentColor"' in svg


def test_rebuild_uses_cached_drawings_without_node(tmp_path: Path):
    cache = tmp_path / "math_svg.json"
    first = TexToSvg(cache)
    drawn = first.render("r_p", display=False)
    first.close()
    without_node = TexToSvg(cache, node=str(tmp_path / "no-node-here"))
    assert without_node.render("r_p", display=False) == drawn
    with pytest.raises(MathSvgError, match="Node.js.*npm ci"):
        without_node.render("r_i", display=False)


def test_bad_tex_is_a_tex_error():
    renderer = TexToSvg()
    try:
        with pytest.raises(TexError, match="Missing close brace"):
            renderer.render(r"\frac{1", display=False)
        with pytest.raises(TexError, match=r"Undefined control sequence \\nosuchmacro"):
            renderer.render(r"\nosuchmacro x", display=True)
        assert renderer.render("x", display=False).startswith("<svg")  # the converter carries on
    finally:
        renderer.close()


def build_small_project(tmp_path: Path, markdown: str) -> subprocess.CompletedProcess[str]:
    """sphinx-build -W on a one-page MyST project that draws its formulas with _ext/math_svg.py."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / '_ext')!r})\n"
        'extensions = ["myst_parser", "math_svg"]\n'
        'myst_enable_extensions = ["dollarmath"]\n'
        'html_math_renderer = "svg"\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text(markdown, encoding="utf-8")
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(source), str(tmp_path / "out")]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_bad_tex_fails_the_build_naming_the_document(tmp_path: Path):
    done = build_small_project(tmp_path, "# Formulas\n\nA good one, $x^2$, and a bad one, $\\frac{1$.\n")
    assert done.returncode != 0
    assert re.search(
        r"index\.md:3: (WARNING|ERROR): MathJax cannot draw the formula '\\\\frac\{1': Missing close brace", done.stderr
    ), done.stderr


def test_numbered_equations_keep_their_number_and_link(tmp_path: Path):
    done = build_small_project(tmp_path, "# Formulas\n\n$$a = b\n\nc = d$$ (pair)\n\nSee {eq}`pair`.\n")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<div class="ows-math ows-math-display" id="equation-pair">\s*'
        r'<span class="eqno">\(1\)<a class="headerlink" href="#equation-pair"',
        page,
    )
    assert 'aria-label="2 lines Line 1: a equals b Line 2: c equals d"' in page  # both, aligned in one drawing
    assert 'href="#equation-pair">(1)</a>' in page
