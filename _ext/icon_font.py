"""Sphinx extension: the theme's icons from a few-kilobyte font instead of 700 KB.

The book theme draws its icons (menu, search, theme switch, admonition marks) with
Font Awesome: a 1.5 MB script that swaps <i> tags for SVGs, or, without the script, the
theme's own CSS and its full 150 KB solid webfont. theme_fixes drops the script; this
extension cuts the webfont down to the glyphs the built book uses and writes it as
_static/ows/icons.woff2, which site.css declares under the same font family so that it
replaces the full font.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fontTools import subset
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

ICON_CLASS = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)\b")
# `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}` and `--pst-icon-bell:"<U+F0F3>"`: a
# glyph is written as a CSS escape or as the character itself.
GLYPH = r'"(\\[0-9a-f]{4,5}|[\ue000-\uf8ff])"'
GLYPH_RULE = re.compile(r"([^{}]+)\{content:" + GLYPH + r"\}")
ICON_VARIABLE = re.compile(r"--pst-icon-[a-z-]+:\s*" + GLYPH)
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
THEME_SCRIPTS = ("_static/scripts/pydata-sphinx-theme.js", "_static/scripts/sphinx-book-theme.js")
FULL_FONT = "_static/vendor/fontawesome/webfonts/fa-solid-900.woff2"
SUBSET_FONT = "_static/ows/icons.woff2"


def icons_used(outdir: Path) -> set[str]:
    """Icon names in the built pages and in the theme's scripts (which add a few at run time)."""
    pages = [page for page in outdir.rglob("*.html") if "_static" not in page.relative_to(outdir).parts]
    names: set[str] = set()
    for file in [*pages, *(outdir / script for script in THEME_SCRIPTS)]:
        if file.is_file():
            names.update(ICON_CLASS.findall(file.read_text(encoding="utf-8")))
    return names


def codepoints(theme_css: str, names: set[str]) -> set[int]:
    """The glyphs the named icons map to, plus every glyph the theme's CSS variables name."""
    points = {_codepoint(glyph) for glyph in ICON_VARIABLE.findall(theme_css)}
    for selectors, glyph in GLYPH_RULE.findall(theme_css):
        classes = {part.strip().removeprefix(".fa-").removesuffix(":before") for part in selectors.split(",")}
        if classes & names:
            points.add(_codepoint(glyph))
    return points


def _codepoint(glyph: str) -> int:
    return int(glyph[1:], 16) if glyph.startswith("\\") else ord(glyph)


def write_subset(full_font: Path, points: set[int], target: Path) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.name_IDs = []  # the names table is not needed to draw glyphs
    font = subset.load_font(str(full_font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)


def build_icon_font(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    theme_css = outdir / THEME_CSS
    if not theme_css.is_file():
        raise ExtensionError(f"icon_font: the theme's stylesheet {THEME_CSS} is missing; has the theme changed?")
    points = codepoints(theme_css.read_text(encoding="utf-8"), icons_used(outdir))
    if not points:
        raise ExtensionError("icon_font: no Font Awesome glyphs found in the theme's stylesheet")
    write_subset(outdir / FULL_FONT, points, outdir / SUBSET_FONT)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", build_icon_font)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
