"""Sphinx extension: execute the book's notebooks in parallel before Sphinx reads them.

myst-nb (execution mode "cache") runs each notebook when Sphinx reads it, one after the
other, and most of that time is a kernel starting and importing. Before the read, this
extension finds the notebooks whose outputs are not in the cache yet, runs them on as many
kernels as there are CPU cores, and stores the results in the same jupyter-cache; myst-nb
then finds every notebook cached. A notebook that fails here is left out of the cache, so
myst-nb runs it again during the read and reports the error as it always does.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors.utils import single_nb_execution
from myst_nb.core.read import create_nb_reader
from nbformat import NotebookNode
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _uncached_notebooks(env: BuildEnvironment, docnames: list[str], cache: Any) -> list[tuple[Path, NotebookNode, Any]]:
    """(source path, notebook as myst-nb reads it, reader format) for each notebook to run."""
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
            pending.append((path, notebook, reader.read_fmt))
    return pending


def execute_ahead(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    config = env.mystnb_config
    if config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path or ".jupyter_cache")
    pending = _uncached_notebooks(env, docnames, cache)
    if len(pending) < 2:
        return  # nothing to run side by side
    workers = min(len(pending), os.cpu_count() or 1)
    logger.info(f"Executing {len(pending)} notebooks on {workers} kernels at a time")

    def run(item: tuple[Path, NotebookNode, Any]) -> Any:
        path, notebook, _ = item
        # Same working directory and limits as myst-nb's own execution.
        return single_nb_execution(
            notebook,
            cwd=str(path.parent),
            allow_errors=config.execution_allow_errors,
            timeout=config.execution_timeout,
            meta_override=True,
        )

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run, pending))
    logger.info(f"Executed {len(pending)} notebooks in {time.perf_counter() - start:.1f} s")
    for (path, notebook, read_fmt), result in zip(pending, results):
        if result.err is not None:
            continue  # myst-nb runs it again and reports the error
        record = cache.add_nb_to_project(str(path), **({"read_data": read_fmt} if read_fmt else {}))
        bundle = CacheBundleIn(notebook, record.uri, data={"execution_seconds": result.time})
        cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-before-read-docs", execute_ahead)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
