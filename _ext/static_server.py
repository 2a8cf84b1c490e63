"""The one static server for the built book: the build, the tests, the benchmarks and
`make serve` all use it.

- `prefix` serves the book under a path, as its host does: under the published path
  (`/one-way-street/` on GitHub Pages) the 404 page's links, which start with that path,
  work locally too. A request outside the prefix gets the 404 page; `/` redirects to it.
- A folder asked for without its final slash is redirected to it (`/go/scorecard` to
  `/go/scorecard/`), as GitHub Pages and other static hosts do, so that the relative links
  of its `index.html` resolve.
- A missing file gets the book's `404.html` with status 404, as GitHub Pages sends it.
- `compress` gzips text files for clients that accept it, as a production host does
  (Lighthouse measures the book that way).
- `cache_seconds` lets a browser keep files without asking again (the tests open the same
  pages many times); `make serve` keeps it at 0 so a rebuilt page is seen at once.

Run as a module (with _ext/ on the path, as `make serve` does) it serves a folder until Ctrl-C:
    python -m static_server _build/html --port 8000
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".ipynb")


class BookHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of one folder, under a path prefix; see the module docstring."""

    def __init__(self, *args: Any, prefix: str, compress: bool, cache_seconds: int, **kwargs: Any) -> None:
        self.prefix = prefix
        self.compress = compress
        self.cache_seconds = cache_seconds
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", f"max-age={self.cache_seconds}" if self.cache_seconds else "no-cache")
        super().end_headers()

    def _file(self) -> Path | None:
        """The file a request asks for, or None if there is none (outside the prefix too)."""
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        target = Path(self.directory, path[len(self.prefix) :].lstrip("/"))
        if target.is_dir():
            target = target / "index.html"
        root = Path(self.directory).resolve()
        resolved = target.resolve()
        return resolved if resolved.is_file() and resolved.is_relative_to(root) else None

    def _body(self, status: int, file: Path) -> io.BytesIO:
        body = file.read_bytes()
        encoded = self.compress and file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if encoded:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        if self.prefix != "/" and urlsplit(self.path).path in ("", "/"):
            self.send_response(302)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return None
        file = self._file()
        address = urlsplit(self.path)
        if file is not None and file.name == "index.html" and not address.path.endswith(("/", ".html")):
            self.send_response(301)
            self.send_header("Location", address._replace(path=address.path + "/").geturl())
            self.end_headers()
            return None
        if file is not None:
            return self._body(200, file)
        missing_page = Path(self.directory, "404.html")
        if missing_page.is_file():
            return self._body(404, missing_page)
        self.send_error(404)
        return None


def _normalised(prefix: str) -> str:
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


@contextmanager
def serving(directory: Path, prefix: str = "/", compress: bool = False, cache_seconds: int = 0, port: int = 0) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 in a background thread; yields the book's address
    (with the prefix, without a trailing slash: `f"{address}/chapters/x.html"`)."""
    prefix = _normalised(prefix)
    handler = functools.partial(
        BookHandler, directory=str(directory), prefix=prefix, compress=compress, cache_seconds=cache_seconds
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()


def published_prefix(config: Path) -> str:
    """The path of the published address, from _config.yml's `html.baseurl`."""
    import yaml

    baseurl = yaml.safe_load(config.read_text(encoding="utf-8")).get("html", {}).get("baseurl", "")
    return _normalised(urlsplit(baseurl).path)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built book until Ctrl-C.")
    parser.add_argument("directory", type=Path, help="the built book, e.g. _build/html")
    parser.add_argument("--prefix", help="serve under this path (default: the published one, from _config.yml)")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    if not (args.directory / "index.html").is_file():
        parser.error(f"{args.directory} holds no built book (no index.html): run `make book` first")
    prefix = args.prefix or published_prefix(Path(__file__).resolve().parent.parent / "_config.yml")
    with serving(args.directory, prefix=prefix, port=args.port) as address:
        print(f"Serving {args.directory} at {address}/ (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
