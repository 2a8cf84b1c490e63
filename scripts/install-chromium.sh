#!/usr/bin/env bash
# The build (handout PDFs) and the browser tests drive Debian's Chromium (Playwright cannot
# download its own browser here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install chromium' and try again." >&2
  exit 1
fi
echo "Installing Debian's chromium for the handout PDFs and the browser tests..."
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
