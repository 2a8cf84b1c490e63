"""Debian's Chromium, as the build (handout PDFs) and the browser tests start it.

Playwright cannot download its own browser here, so everything drives /usr/bin/chromium;
`scripts/install-chromium.sh` installs it.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = "install it with `bash scripts/install-chromium.sh` (as root, or run `sudo apt-get install chromium`)"
# As root in a closed network, Chromium needs these to start quietly (see the env notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
