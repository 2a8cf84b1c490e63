#!/usr/bin/env bash
# Rebuild widgets/vendor/plotly-book.min.js: plotly.js with only the traces the book draws
# (scatter, part of the core, and bar). Run by hand when updating plotly.js; keep the version
# in step with the pinned Python `plotly` (requirements.txt). Needs npm and network access
# to the npm registry; works in a scratch folder.
set -euo pipefail
PLOTLY_VERSION=4.1.1
ESBUILD_VERSION=0.28.2
target="$(cd "$(dirname "$0")/.." && pwd)/widgets/vendor/plotly-book.min.js"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
echo '{"private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error "plotly.js@$PLOTLY_VERSION" "esbuild@$ESBUILD_VERSION"
cat > entry.js <<'JS'
var Plotly = require("plotly.js/lib/core");
Plotly.register([require("plotly.js/lib/bar")]);
module.exports = Plotly;
JS
# An IIFE that sets the global `Plotly`, as the dist bundles do; `global` is Node's name for window.
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2018 \
  --define:global=window --legal-comments=eof \
  --banner:js="/* plotly.js v$PLOTLY_VERSION (core and bar traces), MIT licence (plotly-LICENSE.txt); built by scripts/build-plotly.sh */" \
  --outfile="$target"
# plotly's registry names maplibre's stylesheet for map traces, so esbuild writes it beside the
# bundle; the book registers no map traces and never loads it.
rm -f "${target%.js}.css"
echo "wrote $target ($(wc -c < "$target") bytes)"
