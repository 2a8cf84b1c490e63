"""Reading paths: an ordered list of chapters with each one's reading time and the total.

````
```{reading-path}
1. {doc}`../one_way_street`: the claim, and whom it is for.
2. {doc}`../publications`: the mechanism, with a calculator.
```
````

Every list item links one page of a numbered part. The reading times are not typed: once
the pages are resolved, each item gets the minutes shown in that page's own box
(`chapter_meta.page_words`) and the list gets their sum, so a path's total always
equals the sum of its chapters' reading times.
"""

from __future__ import annotations

import html

from chapter_meta import page_words, reading_minutes
from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import docname_join, logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


class reading_path(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A list of linked pages, waiting for their reading times (set in `fill_reading_paths`)."""


def duration_text(minutes: int) -> str:
    """95 -> "1 hour 35 minutes"; 40 -> "40 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def linked_doc(item: nodes.Element, current: str) -> str | None:
    """The docname of the first {doc} link in a list item."""
    for xref in item.findall(addnodes.pending_xref):
        if xref.get("reftype") == "doc":
            target = xref["reftarget"]
            return target.lstrip("/") if target.startswith("/") else docname_join(current, target)
    return None


class ReadingPathDirective(SphinxDirective):
    """```{reading-path}``` around a list whose items each link one chapter with {doc}."""

    has_content = True

    def path_lines(self) -> list[str]:
        return list(self.content)

    def run(self) -> list[nodes.Node]:
        node = reading_path()
        self.set_source_info(node)
        self.state.nested_parse(StringList(self.path_lines(), source=self.get_source_info()[0]), self.content_offset, node)
        lists = [child for child in node.children if isinstance(child, (nodes.enumerated_list, nodes.bullet_list))]
        if len(node.children) != 1 or len(lists) != 1:
            raise self.error("a reading path holds exactly one list, one linked chapter per item")
        docnames = []
        for number, item in enumerate(lists[0].children, start=1):
            docname = linked_doc(item, self.env.docname)
            if docname is None:
                raise self.error(f"item {number} of the reading path links no chapter with {{doc}}")
            docnames.append(docname)
            if docname in self.env.found_docs:  # a missing page is reported by the {doc} link itself
                self.env.note_dependency(self.env.doc2path(docname))  # its words set this page's times
        node["docnames"] = docnames
        return [node]


def _raw(markup: str) -> nodes.raw:
    return nodes.raw("", markup, format="html")


def fill_reading_paths(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give each item its page's reading time and the path its total, then unwrap the list."""
    for path in list(doctree.findall(reading_path)):
        items = path.children[0].children
        total = 0
        for item, target in zip(items, path["docnames"]):
            try:
                minutes = reading_minutes(page_words(app, target))
            except ValueError as error:
                logger.warning(f"reading path: {error}", location=path)
                continue
            total += minutes
            paragraph = next(iter(item.findall(nodes.paragraph)))
            paragraph += _raw(
                f' <span class="ows-path-time" data-doc="{html.escape(target)}" data-minutes="{minutes}">'
                f"(about {minutes} min)</span>"
            )
        summary = _raw(
            f'<p class="ows-path-total" data-minutes="{total}"><strong>Time it takes:</strong> about '
            f"{duration_text(total)} of reading, the sum of the chapters’ own reading times.</p>"
        )
        path.replace_self([summary, *path.children])


def setup(app: Sphinx) -> None:
    app.add_node(reading_path)
    app.add_directive("reading-path", ReadingPathDirective)
    app.connect("doctree-resolved", fill_reading_paths)
