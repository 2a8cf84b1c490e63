#!/usr/bin/env bash
# The handout PDFs and the browser tests drive an installed Chromium (Playwright cannot
# download its own browser here). Found as _ext/chromium.py finds it: $CHROMIUM, then
# chromium, chromium-browser or google-chrome on PATH, then /usr/bin/chromium. If none is
# there, as root this installs Debian's; otherwise it says how and exits 1.
set -euo pipefail
if [ -n "${CHROMIUM:-}" ] && command -v "$CHROMIUM" >/dev/null; then exit 0; fi
for name in chromium chromium-browser google-chrome /usr/bin/chromium; do
  if command -v "$name" >/dev/null; then exit 0; fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM to its path) and try again." >&2
  exit 1
fi
echo "Installing Debian's chromium for the handout PDFs and the browser tests..."
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
