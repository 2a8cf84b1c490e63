#!/usr/bin/env bash
# Rebuild widgets/vendor/bibtex-parser.min.js: @retorquere/bibtex-parser (the parser behind
# Better BibTeX for Zotero) as one self-contained ES module, which the publication-gap
# calculator loads only when a reader imports a record. It exports `parse` (entries with
# LaTeX turned into Unicode) and `parseVerbatim` (the library's verbatim parser: the same
# grammar, @string and month macros, error recovery, raw field text). Run by hand when
# updating the parser; needs npm and the npm registry; works in a scratch folder.
set -euo pipefail
PARSER_VERSION=9.0.29
ESBUILD_VERSION=0.28.2
target="$(cd "$(dirname "$0")/.." && pwd)/widgets/vendor/bibtex-parser.min.js"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
echo '{"private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error "@retorquere/bibtex-parser@$PARSER_VERSION" "esbuild@$ESBUILD_VERSION"
cat > entry.mjs <<'JS'
export { parse } from "@retorquere/bibtex-parser";
// The verbatim parser is a module of the package that its "exports" map does not list.
export { parse as parseVerbatim } from "./node_modules/@retorquere/bibtex-parser/dist/esm/verbatim.js";
JS
npx esbuild entry.mjs --bundle --minify --format=esm --target=es2020 --legal-comments=eof \
  --banner:js="/* @retorquere/bibtex-parser v$PARSER_VERSION (ISC licence, bibtex-parser-LICENSE.txt) and its dependencies; built by scripts/build-bibtex-parser.sh */" \
  --outfile="$target"
cp node_modules/@retorquere/bibtex-parser/LICENSE "$(dirname "$target")/bibtex-parser-LICENSE.txt"
echo "wrote $target ($(wc -c < "$target") bytes)"
