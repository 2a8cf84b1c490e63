"""Turn a calculator's ES module and its relative imports into one module for anywidget.

In the book the browser follows `import ... from "./x.js"` itself. anywidget loads a
widget's `_esm` from a string, where relative imports cannot resolve, so each such
import line is replaced by the imported file's text (once per file). Imported modules
must therefore have only named exports, and no two may export the same name.
"""

from __future__ import annotations

import re
from pathlib import Path

IMPORT = re.compile(r'^import\s*\{[^}]*\}\s*from\s*"(\.{1,2}/[^"]+)";\s*$', re.MULTILINE)
VENDORED_PLOTLY = Path(__file__).resolve().parent / "vendor" / "plotly-book.min.js"


def bundle(entry: Path) -> str:
    """The text of `entry` with its relative imports inlined, recursively."""
    seen: set[Path] = set()

    def inline(path: Path) -> str:
        path = path.resolve()
        if path in seen:
            return ""
        seen.add(path)
        text = path.read_text(encoding="utf-8")
        return IMPORT.sub(lambda m: inline(path.parent / m.group(1)), text)

    return inline(entry)
