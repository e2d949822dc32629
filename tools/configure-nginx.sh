#!/bin/bash
# Configure nginx for building this module as a dynamic module.
#   configure-nginx.sh NGINX_SRC BUILD_DIR MODULE_DIR [extra cc opt]
# NGINX_SRC is Debian's nginx-dev tree (/usr/share/nginx/src, configured
# with its conf_flags so the .so is binary compatible) or a source tree.
set -euo pipefail
src=$1 build=$2 module=$3 ccopt=${4:-}

rm -rf "$build/src"
mkdir -p "$build"
cp -a "$src" "$build/src"

flags=(--with-compat)
if [ -f "$src/conf_flags" ]; then
    # shellcheck disable=SC1090,SC1091
    . "$src/conf_flags"
    flags=("${NGX_CONF_FLAGS[@]}")
fi

cd "$build/src"
./configure "${flags[@]}" \
    --with-cc-opt="-g -O2 -fPIC $ccopt" \
    --with-ld-opt="${ccopt}" \
    --add-dynamic-module="$module" \
    --builddir="$build/objs" > "$build/configure.log" 2>&1 || {
        tail -30 "$build/configure.log" >&2
        exit 1
    }
