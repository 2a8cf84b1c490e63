"""Where Chromium is, for the build (handout PDFs), the tests and the benchmarks.

Playwright cannot download its own browser here, so everything drives an installed
Chromium: the one named by $CHROMIUM, else the first of chromium, chromium-browser and
google-chrome on $PATH, else Debian's /usr/bin/chromium. `scripts/install-chromium.sh`
installs Debian's.
"""

from __future__ import annotations

import os
import shutil

ON_PATH = ("chromium", "chromium-browser", "google-chrome")
DEBIAN = "/usr/bin/chromium"
INSTALL_HINT = "install it with `bash scripts/install-chromium.sh` (as root), or set CHROMIUM to its path"
# As root in a closed network, Chromium needs these to start quietly.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """The path of the Chromium to drive, or None if there is none."""
    named = os.environ.get("CHROMIUM")
    if named:
        found = shutil.which(named)
        return found if found else None
    for name in ON_PATH:
        if found := shutil.which(name):
            return found
    return DEBIAN if os.access(DEBIAN, os.X_OK) else None


def require_chromium() -> str:
    """The Chromium to drive; RuntimeError with how to install it if there is none."""
    found = find_chromium()
    if found is None:
        named = os.environ.get("CHROMIUM")
        where = f"CHROMIUM={named!r} is not an executable" if named else f"none of {', '.join(ON_PATH)} on PATH, nor {DEBIAN}"
        raise RuntimeError(f"Chromium is missing ({where}): {INSTALL_HINT}.")
    return found
