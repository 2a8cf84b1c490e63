"""The book builds with warnings as errors, and the built pages load nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path

from calculator_directives import needs_host

# Tags that make the browser load something; <link rel="canonical"> and <a> only name a URL.
EXTERNAL_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["'](?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|prefetch|manifest))[^>]*\bhref=["'](?:https?:)?//""",
    re.I,
)


# Sphinx's own warnings ("file:line: WARNING: ..."); kernels log other lines with "WARNING |".
SPHINX_WARNING = re.compile(r"(^|: )WARNING: ", re.M)


def test_book_builds_without_warnings(book_build):
    assert book_build.returncode == 0, book_build.output[-4000:]
    assert not SPHINX_WARNING.search(book_build.output), book_build.output[-4000:]


def test_pages_reference_no_external_assets(built_book: Path):
    offenders = {}
    for page in built_book.rglob("*.html"):
        hits = EXTERNAL_ASSET.findall(page.read_text(encoding="utf-8"))
        if hits:
            offenders[page.relative_to(built_book).as_posix()] = hits[:3]
    assert offenders == {}


def test_plotly_is_vendored_once_and_only_where_charts_are(built_book: Path):
    for page in built_book.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert ("ows/host.js" in text) == needs_host(text), page
        assert "cdn.plot.ly" not in text and "Plotly.newPlot" not in text, page
    assert (built_book / "_static/ows/vendor/plotly-book.min.js").stat().st_size > 500_000


def test_no_widget_state_or_require_js_in_pages(built_book: Path):
    for page in built_book.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "widget-state+json" not in text and "require.min.js" not in text, page


def test_publishing_files(built_book: Path):
    """Sitemap, Open Graph tags, a 404 page for the published path, and .ipynb for Colab."""
    sitemap = (built_book / "sitemap.xml").read_text(encoding="utf-8")
    assert "chapters/publications.html" in sitemap
    page = (built_book / "chapters/publications.html").read_text(encoding="utf-8")
    assert '<meta property="og:title"' in page and '<meta property="og:url"' in page
    not_found = (built_book / "404.html").read_text(encoding="utf-8")
    assert 'href="/one-way-street/_static/' in not_found
    notebook = built_book / "_notebooks/chapters/publication_gap_sensitivity.ipynb"
    assert '"cell_type": "code"' in notebook.read_text(encoding="utf-8")
    sensitivity = (built_book / "chapters/publication_gap_sensitivity.html").read_text(encoding="utf-8")
    assert "Open in Colab" in sensitivity and "_notebooks/chapters/publication_gap_sensitivity.ipynb" in sensitivity


def test_the_front_page_sends_readers_to_the_first_page(built_book: Path):
    """index.html is a named, English page that redirects to intro.html and names its icon
    (without one, browsers ask for /favicon.ico and log a 404)."""
    page = (built_book / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<title>One-Way Street</title>" in page
    assert '<meta http-equiv="refresh" content="0; url=intro.html">' in page
    assert '<link rel="canonical" href="https://one-way-street.github.io/one-way-street/intro.html">' in page
    icon = re.search(r'<link rel="icon" href="([^"]+)">', page)
    assert icon and (built_book / icon.group(1)).is_file()


def test_icons_come_from_a_small_font_not_font_awesome_js(built_book: Path):
    """Every icon the pages use has its glyph in the book's subset font; no page loads the
    1.5 MB icon script, and only the search page loads the search index."""
    from fontTools.ttLib import TTFont
    from icon_font import SUBSET_FONT, THEME_CSS, codepoints, icons_used

    font = built_book / SUBSET_FONT
    assert font.stat().st_size < 10_000
    glyphs = set(TTFont(font).getBestCmap())
    needed = codepoints((built_book / THEME_CSS).read_text(encoding="utf-8"), icons_used(built_book))
    assert {0xF0C9, 0xF002} <= needed  # the menu and search icons at least
    solid = set(TTFont(built_book / "_static/vendor/fontawesome/webfonts/fa-solid-900.woff2").getBestCmap())
    assert needed & solid <= glyphs
    for page in built_book.rglob("*.html"):
        if "_static" in page.relative_to(built_book).parts:
            continue  # the theme's template sources, copied as they are
        text = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, page
        assert ("searchindex.js" in text) == (page.name == "search.html" and page.parent == built_book), page
        assert re.search(r'<i class="[^"]*\bfa-(?![^>]*aria-hidden="true")', text) is None, page
