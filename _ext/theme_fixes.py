"""Sphinx extension: fixes to what the book theme and Jupyter Book put on every page.

- Jupyter Book always loads sphinx-thebe, whose config script is injected twice (a page
  error) and names a CDN. The book runs no live code, so its files are dropped.
- The sidebar's expand/collapse toggles are <summary> elements holding only an icon;
  they get an accessible name.
- Citation lists use role="doc-biblioentry", deprecated in ARIA and not a valid child of
  role="list"; entries become role="listitem".
- The theme's templates load Font Awesome's 1.5 MB icon script and, on every page, the
  search index for an as-you-type search the book does not enable. Both are dropped from
  the rendered pages: icons come from the theme's CSS and a small font (icon_font.py), and
  the search page loads its own index. Icon tags are hidden from screen readers, as the
  script would have done.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx

ICON_ONLY_TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_TOGGLE = '<summary aria-label="Show or hide the sections of this chapter"><span class="toctree-toggle" role="presentation">'


FONT_AWESOME_SCRIPT = re.compile(r'\s*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>')
SEARCH_SCRIPTS = re.compile(r'\s*<script src="[^"]*(?:searchtools|language_data|searchindex)\.js"></script>')
ICON_TAG = re.compile(r'<i class="([^"]*\bfa-[^"]*)"(?![^>]*aria-hidden)')


def clean_page(html: str, pagename: str) -> str:
    html = FONT_AWESOME_SCRIPT.sub("", html)
    if pagename != "search":
        html = SEARCH_SCRIPTS.sub("", html)
    return ICON_TAG.sub(r'<i class="\1" aria-hidden="true"', html)


def _filter_rendered_pages(app: Sphinx) -> None:
    """Sphinx has no event for a rendered page, so the builder's template renderer is wrapped."""
    if app.builder.format != "html":
        return
    templates = app.builder.templates
    render = templates.render

    def render_page(template: str, context: dict[str, Any]) -> str:
        return clean_page(render(template, context), context.get("pagename", ""))

    templates.render = render_page


def _is_thebe(asset: Any) -> bool:
    return "thebe" in str(asset.filename or "") or "THEBE" in str(asset.attributes.get("body", ""))


def _name_sidebar_toggles(generate: Any) -> Any:
    def generate_with_names(*args: Any, **kwargs: Any) -> Markup:
        return Markup(str(generate(*args, **kwargs)).replace(ICON_ONLY_TOGGLE, NAMED_TOGGLE))

    return generate_with_names


def fix_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    context["script_files"] = [js for js in context.get("script_files", []) if not _is_thebe(js)]
    context["css_files"] = [css for css in context.get("css_files", []) if "thebe" not in str(css.filename)]
    if "generate_toctree_html" in context:
        context["generate_toctree_html"] = _name_sidebar_toggles(context["generate_toctree_html"])
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _filter_rendered_pages)
    app.connect("html-page-context", fix_page, priority=900)  # after the theme fills the context
    return {"parallel_read_safe": True, "parallel_write_safe": True}
