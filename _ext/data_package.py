"""Sphinx extension: check data/ against data/datapackage.json before anything is read.

A bad cell in a CSV stops the build here, with the file, line and column, even when every
notebook comes from the execution cache (whose keys know nothing of data/). The notebook
kernels the build then starts inherit the fingerprint of the files checked, so their
`widgets.data.load` calls need not import frictionless and check the same bytes again.
"""

from __future__ import annotations

import os
import time
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from widgets import data

logger = logging.getLogger(__name__)


def check_data(app: Sphinx) -> None:
    start = time.perf_counter()
    try:
        stamp = data.validate()
    except data.DataError as error:
        raise ExtensionError(f"data/ does not match data/datapackage.json:\n{error}") from None
    os.environ[data.VALIDATED_ENV] = stamp
    logger.info(f"Checked {len(data.SCHEMAS)} data files against data/datapackage.json in {time.perf_counter() - start:.1f} s")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", check_data)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
