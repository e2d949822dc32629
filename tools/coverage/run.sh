#!/bin/sh
# make coverage: installs the pinned npm packages when missing, then runs
# coverage.mjs over the real-world pages (docs/coverage.md).
#   COVERAGE_DATA  the realworld-pages directory (default
#                  $CONSENT_DATA/realworld-pages, CONSENT_DATA ../shared/data)
# Arguments go to coverage.mjs (--verbose, --pages ID,..., --json FILE).
set -e
dir=$(cd "$(dirname "$0")" && pwd)
shared=${CONSENT_DATA:-$dir/../../../shared/data}
data=${COVERAGE_DATA:-$shared/realworld-pages}
if [ ! -f "$data/pages.json" ]; then
    echo "coverage: skipped, no real-world pages at $data (CONSENT_DATA)"
    exit 0
fi
if ! command -v node >/dev/null 2>&1; then
    echo "coverage: node is not installed (apt-get install nodejs npm)" >&2
    exit 2
fi
if [ ! -d "$dir/node_modules/parse5" ] || [ ! -d "$dir/node_modules/third-party-web" ] \
    || [ ! -d "$dir/node_modules/tldts" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund --silent
fi
exec node "$dir/coverage.mjs" --data "$data" "$@"
