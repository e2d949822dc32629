#!/bin/bash
# Configure nginx with this module, in a copy of the source tree.
#   configure-nginx.sh NGINX_SRC BUILD_DIR MODULE_DIR [extra cc opt]
# NGINX_SRC is one of
#   - Debian's nginx-dev tree (/usr/share/nginx/src): configured with its
#     conf_flags so that the .so is binary compatible with Debian's nginx;
#   - an nginx release (./configure);
#   - a checkout of the nginx repository (auto/configure).
# Environment:
#   CC                     compiler (default: what configure finds)
#   CONSENT_LINK           dynamic (default: --add-dynamic-module) or static
#                          (--add-module: the module is built into nginx)
#   NGINX_CONFIGURE_FLAGS  further configure flags for a source tree
# Then: make -C BUILD_DIR/src -f BUILD_DIR/objs/Makefile [modules]
set -euo pipefail
src=$1 build=$2 module=$3 ccopt=${4:-}

rm -rf "$build/src"
mkdir -p "$build"
cp -a "$src" "$build/src"

if [ -f "$src/conf_flags" ]; then
    # shellcheck disable=SC1090,SC1091
    . "$src/conf_flags"
    flags=("${NGX_CONF_FLAGS[@]}")
else
    # shellcheck disable=SC2206
    flags=(--with-compat ${NGINX_CONFIGURE_FLAGS:-})
fi

case ${CONSENT_LINK:-dynamic} in
    dynamic) flags+=(--add-dynamic-module="$module") ;;
    static)  flags+=(--add-module="$module") ;;
    *) echo "configure-nginx.sh: CONSENT_LINK is dynamic or static" >&2
       exit 2 ;;
esac

[ -n "${CC:-}" ] && flags+=(--with-cc="$CC")

cd "$build/src"
if [ -x configure ]; then
    configure=./configure
elif [ -f auto/configure ]; then
    configure=auto/configure
else
    echo "configure-nginx.sh: $src has neither configure nor auto/configure" >&2
    exit 2
fi

"$configure" "${flags[@]}" \
    --with-cc-opt="-g -O2 -fPIC $ccopt" \
    --with-ld-opt="${ccopt}" \
    --builddir="$build/objs" > "$build/configure.log" 2>&1 || {
        tail -30 "$build/configure.log" >&2
        exit 1
    }
