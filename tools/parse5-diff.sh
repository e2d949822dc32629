#!/bin/sh
# Differential check of the scanner's foreign-content model against parse5
# (npm, MIT), a complete WHATWG tree builder: every start tag's namespace,
# and the elements whose start tag the scanner missed.  Installs parse5 into
# build/parse5-diff with npm when missing.  Not part of make test (needs
# the npm registry); docs/filter.md has the figures.
#   tools/parse5-diff.sh real [DIR]          the real-world pages
#   tools/parse5-diff.sh realistic SEED N    icon markup with defects
#   tools/parse5-diff.sh random SEED N       random foreign-content markup
set -e
cd "$(dirname "$0")/.."
out=build/parse5-diff
make --no-print-directory build/core/libconsent.a >/dev/null
mkdir -p "$out"
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Ingx_consent_module/core \
    tools/parse5-diff/scan_ns.c build/core/libconsent.a -o "$out/scan_ns"
if [ ! -d "$out/node_modules/parse5" ]; then
    (cd "$out" && npm install --no-save --silent parse5@7 >/dev/null)
fi
cp tools/parse5-diff/diff.mjs "$out/diff.mjs"
mode=${1:-real}
shift || true
if [ "$mode" = real ]; then
    set -- "${1:-../shared/data/realworld-pages}"
fi
exec node "$out/diff.mjs" "$out/scan_ns" "$mode" "$@"
