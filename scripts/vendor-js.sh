#!/usr/bin/env bash
# Copy the dashboard's JavaScript libraries from npm into src/accord/web/static/vendor/.
# The copies are committed, so accord serves them itself: no CDN, no build step, works
# offline. Run this only to upgrade a library: edit package.json, then
#   npm install && scripts/vendor-js.sh && git add src/accord/web/static/vendor package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund --ignore-scripts
out=src/accord/web/static/vendor
rm -rf "$out"
mkdir -p "$out/licenses"

copy() {  # copy PACKAGE FILE [TARGET]: one file, with the package's licence beside it
  local pkg=$1 file=$2 target=${3:-$(basename "$2")}
  # Drop sourceMappingURL comments: the maps are not vendored and browsers would ask for them.
  sed -e '/^\/\/# sourceMappingURL=/d' -e 's#/\*\# sourceMappingURL=[^*]*\*/##' \
    "node_modules/$pkg/$file" > "$out/$target"
  cp "node_modules/$pkg/LICENSE" "$out/licenses/$pkg.LICENSE"
  [ ! -f "node_modules/$pkg/NOTICE" ] || cp "node_modules/$pkg/NOTICE" "$out/licenses/$pkg.NOTICE"
}

copy htmx.org dist/htmx.min.js
copy cytoscape dist/cytoscape.min.js
copy d3 dist/d3.min.js
copy topojson-client dist/topojson-client.min.js
copy world-atlas countries-110m.json
copy swagger-ui-dist swagger-ui-bundle.js
copy swagger-ui-dist swagger-ui.css

{
  echo "Vendored from npm by scripts/vendor-js.sh; licences in licenses/."
  for pkg in htmx.org cytoscape d3 topojson-client world-atlas swagger-ui-dist; do
    node -p "const p = require('./node_modules/$pkg/package.json'); p.name + ' ' + p.version + ' (' + p.license + ')'"
  done
} > "$out/VERSIONS.txt"
cat "$out/VERSIONS.txt"
