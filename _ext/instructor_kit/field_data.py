"""Numbers from data/ in workshop texts, never typed: {postdoc-share}`Physical sciences`
is the latest share of new doctorates with definite plans who took a postdoc in that field
(NSF Survey of Earned Doctorates, `data/sed_postdoc_share.csv`), and
{postdoc-share-year}`Physical sciences` the year it is for. The slides render the same
roles through `postdoc_share_text` and `postdoc_share_year`."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from widgets import evidence
from widgets.data import DATA_DIR

SOURCE = DATA_DIR / "sed_postdoc_share.csv"


def _latest(field: str) -> tuple[int, float]:
    shares = evidence.postdoc_share(field)
    if shares.empty:
        raise ValueError(f"field must be one of the fields in sed_postdoc_share.csv; got {field!r}")
    year = int(shares.index.max())
    return year, float(shares[year])


def postdoc_share_text(field: str) -> str:
    """ "48.3 %": the field's latest postdoc share, as the evidence chapters write it."""
    return evidence.percent_text(_latest(field)[1])


def postdoc_share_year(field: str) -> str:
    return str(_latest(field)[0])


class _DataRole(SphinxRole):
    def value(self, field: str) -> str:
        raise NotImplementedError

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.env.note_dependency(str(SOURCE))  # new figures rebuild the page
        try:
            text = self.value(self.text.strip())
        except ValueError as error:
            return [], [self.inliner.reporter.error(str(error), line=self.lineno)]
        return [nodes.inline("", text, classes=["ows-data-value"])], []


class PostdocShareRole(_DataRole):
    def value(self, field: str) -> str:
        return postdoc_share_text(field)


class PostdocShareYearRole(_DataRole):
    def value(self, field: str) -> str:
        return postdoc_share_year(field)


def setup(app: Sphinx) -> None:
    app.add_role("postdoc-share", PostdocShareRole())
    app.add_role("postdoc-share-year", PostdocShareYearRole())
