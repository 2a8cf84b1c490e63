"""Sphinx extension: execute the book's notebooks in parallel before Sphinx reads them.

myst-nb (execution mode "cache") runs each notebook when Sphinx reads it, one after the
other, and most of that time is a kernel starting and importing. Before the read, this
extension finds the notebooks whose outputs are not in the cache yet and hands them to
jupyter-cache's own parallel executor ("local-parallel": one process per CPU core), which
stores the results in the same cache; myst-nb then finds every notebook cached. A notebook
that fails here is left out of the cache, so myst-nb runs it again during the read and
reports the error as it always does.

Measured on clean builds (2 cores, 14 notebooks), the executor's process pool ran the
notebooks in 46-53 s where a thread pool in the Sphinx process took 59-75 s: the threads
shared one interpreter for the kernels' message traffic.
"""

from __future__ import annotations

import logging as std_logging
import os
import time
from pathlib import Path, PurePosixPath
from typing import Any

from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor
from myst_nb.core.read import create_nb_reader
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _uncached_notebooks(env: BuildEnvironment, docnames: list[str], cache: Any) -> list[tuple[Path, Any]]:
    """(source path, myst-nb's reader format) for each notebook whose outputs are not cached."""
    pending = []
    for docname in docnames:
        path = Path(env.doc2path(docname))
        text = path.read_text(encoding="utf-8")
        reader = create_nb_reader(str(path), env.myst_config, env.mystnb_config, text)
        if reader is None:  # a plain Markdown page
            continue
        notebook = reader.read(text)
        # Leave to myst-nb the notebooks it would not run from the cache.
        mode = notebook.metadata.get(env.mystnb_config.metadata_key, {}).get("execution_mode", "cache")
        excluded = any(PurePosixPath(path.as_posix()).match(p) for p in env.mystnb_config.execution_excludepatterns)
        if mode != "cache" or excluded:
            continue
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            pending.append((path, reader.read_fmt))
    return pending


def execute_ahead(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    config = env.mystnb_config
    if config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path or ".jupyter_cache")
    pending = _uncached_notebooks(env, docnames, cache)
    if len(pending) < 2:
        return  # nothing to run side by side
    # The executor reads each notebook back with the reader myst-nb names (read_fmt), as
    # myst-nb itself stages notebooks, so the cache keys it stores are the ones myst-nb looks up.
    records = [cache.add_nb_to_project(str(path), **({"read_data": read_fmt} if read_fmt else {})) for path, read_fmt in pending]
    workers = min(len(pending), os.cpu_count() or 1)
    logger.info(f"Executing {len(pending)} notebooks on {workers} kernels at a time")
    # The workers report only their own errors: a notebook that fails is myst-nb's to report
    # when it runs it again, as without this extension.
    quiet = std_logging.getLogger("jupyter_cache.parallel")
    quiet.setLevel(std_logging.ERROR)
    executor = "temp-parallel" if config.execution_in_temp else "local-parallel"  # myst-nb's working directory
    start = time.perf_counter()
    result = load_executor(executor, cache, logger=quiet).run_and_cache(
        filter_pks=[record.pk for record in records],
        timeout=config.execution_timeout,
        allow_errors=config.execution_allow_errors,
    )
    logger.info(f"Executed {len(pending)} notebooks in {time.perf_counter() - start:.1f} s ({len(result.succeeded)} succeeded)")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-before-read-docs", execute_ahead)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
