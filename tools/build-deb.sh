#!/bin/bash
# Build the Debian package libnginx-mod-http-consent into OUTDIR.
#   build-deb.sh OUTDIR
# dpkg-buildpackage writes next to the source tree, so the tree (without
# build/ and .git) is copied to OUTDIR/src first: the .deb lands in OUTDIR.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)

rm -rf "$out/src" "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
mkdir -p "$out/src"
tar -C "$repo" --exclude=./build --exclude=./.git \
    --exclude=./tests/browser/node_modules -cf - . | tar -C "$out/src" -xf -

(cd "$out/src" && dpkg-buildpackage -b -us -uc) > "$out/build.log" 2>&1 || {
    tail -40 "$out/build.log" >&2
    exit 1
}
rm -rf "$out/src"
for deb in "$out"/libnginx-mod-http-consent_*.deb; do
    echo "$deb"
    dpkg-deb -c "$deb" | awk '{ print "    " $NF }'
done
