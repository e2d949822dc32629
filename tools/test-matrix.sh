#!/bin/bash
# The build matrix: the module against the nginx versions people run, with
# gcc and clang, built in (--add-module) and dynamic (--add-dynamic-module),
# each -Werror, and the whole integration suite (prove tests/nginx/) against
# every binary.  Prints TAP: one "build" and one "suite" line per combination.
#
#   debian  Debian's installed nginx (nginx-dev headers): dynamic, gcc + clang
#   trixie  nginx from Debian trixie's source package: static + dynamic,
#           gcc + clang
#   sid     the newest mainline Debian has, from sid's source package, like
#           trixie; when the mirror does not serve sid's source, the module
#           is built against sid's nginx-dev with gcc and clang and loaded
#           into sid's nginx binary (run with sid's C library from a folder)
#
# Sources come through apt from deb-src lines in a private sources file
# under MATRIX_DIR with its own lists and cache (the machine's apt sources and
# state are not touched); the folder is removed at exit.
#
# Environment:
#   MATRIX_VERSIONS  default "debian trixie sid"
#   MATRIX_CC        default "gcc clang"
#   MATRIX_LINK      default "static dynamic" (debian is dynamic only)
#   MATRIX_DIR       default build/matrix
#   MATRIX_MIRROR    default: the Debian mirror of the machine's apt sources
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out=${MATRIX_DIR:-$repo/build/matrix}
versions=${MATRIX_VERSIONS:-debian trixie sid}
compilers=${MATRIX_CC:-gcc clang}
links=${MATRIX_LINK:-static dynamic}
jobs=$(nproc 2>/dev/null || echo 2)

# Source builds get the HTTP modules of Debian's nginx that tests and the
# deployment guide use; the rest of nginx's defaults stay.
export NGINX_CONFIGURE_FLAGS="--with-threads --with-http_ssl_module
    --with-http_v2_module --with-http_realip_module --with-http_addition_module
    --with-http_sub_module --with-http_gunzip_module
    --with-http_gzip_static_module --with-http_auth_request_module
    --with-http_slice_module --with-http_stub_status_module"

# With ccache, the static and the dynamic build of one nginx and compiler
# compile nginx's own sources once.  The cache is made in this run and
# removed with it: nothing carries over to the next run.
ccache=$(command -v ccache || true)
export CCACHE_DIR=$out/ccache CCACHE_BASEDIR=$out CCACHE_NOHASHDIR=1

n=0
failed=0
started=$(date +%s)

tap() {  # tap ok|not-ok DESCRIPTION [LOG]
    n=$((n + 1))
    if [ "$1" = ok ]; then
        echo "ok $n - $2"
    else
        failed=$((failed + 1))
        echo "not ok $n - $2"
        [ -n "${3:-}" ] && [ -f "$3" ] && tail -25 "$3" | sed 's/^/#   /'
    fi
}

skip() {  # skip DESCRIPTION REASON
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}

rm -rf "$out"
mkdir -p "$out"
apt_dir=$out/apt
trap 'rm -rf "$apt_dir" "$CCACHE_DIR"' EXIT

# --- apt with a private sources file -----------------------------------------

mirror=${MATRIX_MIRROR:-}
if [ -z "$mirror" ]; then
    mirror=$( { sed -n 's/^URIs:[[:space:]]*//p' \
                    /etc/apt/sources.list.d/*.sources 2>/dev/null \
                | tr ' ' '\n'
                awk '$1 == "deb" { for (i = 2; i <= NF; i++)
                                      if ($i ~ /^(https?|file):/) print $i }' \
                    /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
                    2>/dev/null; } | grep -m1 -E '/debian/?$')
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

apt_private() {  # apt_private apt-get|apt-cache ARGS...
    local tool=$1
    shift
    "$tool" -q -o Dir::Etc::SourceList="$apt_dir/sources.list" \
        -o Dir::Etc::SourceParts=/nonexistent \
        -o Dir::State::Lists="$apt_dir/lists" \
        -o Dir::Cache="$apt_dir/cache" \
        -o Dir::State::status=/dev/null \
        -o APT::Sandbox::User=root "$@"
}

apt_ready=no
apt_setup() {
    [ $apt_ready = yes ] && return 0
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    {
        for suite in trixie sid; do
            echo "deb-src [signed-by=$keyring] $mirror $suite main"
        done
        echo "deb [arch=$(dpkg --print-architecture) signed-by=$keyring] $mirror sid main"
    } > "$apt_dir/sources.list"
    apt_private apt-get update > "$out/apt-update.log" 2>&1 || {
        echo "# apt-get update with $apt_dir/sources.list failed:"
        tail -5 "$out/apt-update.log" | sed 's/^/#   /'
        return 1
    }
    apt_ready=yes
}

# fetch_source SUITE DIR: the nginx source tree of SUITE in DIR/tree.  The
# .dsc with Debian's patches when the mirror has it, else the upstream
# tarball (apt checks its hash against the signed Sources index either way).
fetch_source() {
    local suite=$1 dir=$2 dsc orig
    mkdir -p "$dir"
    (cd "$dir" && apt_private apt-get source --download-only "nginx/$suite") \
        > "$dir/fetch.log" 2>&1
    dsc=$(ls "$dir"/nginx_*.dsc 2>/dev/null | head -1)
    orig=$(ls "$dir"/nginx_*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1)
    if [ -n "$dsc" ] && [ -n "$(ls "$dir"/nginx_*.debian.tar.* 2>/dev/null)" ]
    then
        dpkg-source --no-check -x "$dsc" "$dir/tree" >> "$dir/fetch.log" 2>&1 \
            && return 0
    fi
    [ -n "$orig" ] || return 1
    mkdir -p "$dir/tree"
    tar -xf "$orig" -C "$dir/tree" --strip-components=1
}

# --- one build, one suite run -------------------------------------------------

suite() {  # suite NAME NGINX_BIN MODULE(.so or static)
    local name=$1 bin=$2 module=$3 log="$out/$1.prove.log" tests
    if (cd "$repo" && NGINX_BIN=$bin CONSENT_MODULE=$module \
            prove tests/nginx/) > "$log" 2>&1
    then
        tests=$(sed -n 's/^Files=\([0-9]*\), Tests=\([0-9]*\).*/\2 tests in \1 files/p' "$log")
        tap ok "$name: integration suite ($tests)"
    else
        tap not-ok "$name: integration suite" "$log"
    fi
}

# build SRC NAME CC LINK TARGET: configure + make; echoes nothing, sets
# built=yes|no.
build() {
    local src=$1 name=$2 cc=$3 link=$4 target=$5 t0=$SECONDS
    local dir="$out/$name" compiler=$cc
    built=no
    [ -n "$ccache" ] && compiler="$ccache $cc"
    if CC=$compiler CONSENT_LINK=$link \
            "$repo/tools/configure-nginx.sh" "$src" "$dir" "$repo" -Werror \
            > "$out/$name.build.log" 2>&1 \
        && make -j"$jobs" -C "$dir/src" -f "$dir/objs/Makefile" $target \
            >> "$out/$name.build.log" 2>&1
    then
        built=yes
        tap ok "$name: $cc, ${link}, -Werror ($((SECONDS - t0)) s)"
    else
        cat "$dir/configure.log" >> "$out/$name.build.log" 2>/dev/null
        tap not-ok "$name: $cc, $link, -Werror" "$out/$name.build.log"
    fi
}

# The module against an nginx-dev tree, loaded into BIN.
dynamic_against_headers() {  # SRC LABEL BIN
    local src=$1 label=$2 bin=$3 cc name
    for cc in $compilers; do
        name=$label-$cc-dynamic
        build "$src" "$name" "$cc" dynamic modules
        if [ $built = yes ]; then
            suite "$name" "$bin" "$out/$name/objs/ngx_http_consent_module.so"
        else
            tap not-ok "$name: integration suite (not built)"
        fi
    done
}

# nginx and the module from a source tree.
from_source() {  # SRC LABEL
    local src=$1 label=$2 cc link name module
    for cc in $compilers; do
        for link in $links; do
            name=$label-$cc-$link
            build "$src" "$name" "$cc" "$link" build
            if [ $built = no ]; then
                tap not-ok "$name: integration suite (not built)"
                continue
            fi
            module=static
            [ "$link" = dynamic ] \
                && module="$out/$name/objs/ngx_http_consent_module.so"
            suite "$name" "$out/$name/objs/nginx" "$module"
            rm -rf "$out/$name/src"
        done
    done
}

# sid's nginx binary with sid's C library and OpenSSL from a folder: the
# binary needs newer ones than this machine has.
sid_binary() {  # DIR: echoes the path of a wrapper that runs it
    local dir=$1 root=$1/root pkgs ldso libdir
    mkdir -p "$dir/debs" "$root"
    pkgs=$(apt_private apt-cache show nginx/sid 2>/dev/null \
        | sed -n 's/^Depends: //p' | head -1 | tr ',' '\n' \
        | sed 's/[[:space:]]*(.*//; s/^[[:space:]]*//; s/[[:space:]|].*//' \
        | grep -v '^nginx-common$')
    (cd "$dir/debs" && apt_private apt-get download nginx/sid nginx-dev/sid \
        libgcc-s1/sid $(printf '%s/sid ' $pkgs)) > "$dir/fetch.log" 2>&1 \
        || return 1
    for deb in "$dir"/debs/*.deb; do
        dpkg-deb -x "$deb" "$root" || return 1
    done
    ldso=$(find "$root" -name 'ld-linux*.so*' -type f | head -1)
    libdir=$(dirname "$(find "$root" -name 'libc.so.6' | head -1)")
    [ -n "$ldso" ] && [ -x "$root/usr/sbin/nginx" ] || return 1
    cat > "$dir/nginx" << EOF
#!/bin/sh
exec "$ldso" --library-path "$libdir" "$root/usr/sbin/nginx" "\$@"
EOF
    chmod +x "$dir/nginx"
    echo "$dir/nginx"
}

# --- the matrix ---------------------------------------------------------------

for version in $versions; do
    case $version in
    debian)
        v=$(/usr/sbin/nginx -v 2>&1 | sed 's|.*nginx/||')
        echo "# Debian's nginx $v with the dynamic module"
        dynamic_against_headers /usr/share/nginx/src "nginx-$v-debian" \
            /usr/sbin/nginx
        ;;
    trixie|sid)
        if ! apt_setup; then
            tap not-ok "$version: apt sources for the nginx source package"
            continue
        fi
        src="$out/src-$version"
        if fetch_source "$version" "$src"; then
            v=$(sed -n 's/^#define NGINX_VERSION[[:space:]]*"\(.*\)"/\1/p' \
                "$src/tree/src/core/nginx.h")
            echo "# nginx $v from Debian $version's source package"
            from_source "$src/tree" "nginx-$v"
            continue
        fi
        echo "# Debian $version's nginx source is not downloadable here:"
        grep -E '^(E|Err):' "$src/fetch.log" | head -3 | sed 's/^/#   /'
        if [ "$version" = trixie ]; then
            tap not-ok "nginx source of Debian trixie" "$src/fetch.log"
            continue
        fi
        bin=$(sid_binary "$out/sid-binary") || {
            tap not-ok "nginx of Debian sid (binary packages)" \
                "$out/sid-binary/fetch.log"
            continue
        }
        v=$("$bin" -v 2>&1 | sed 's|.*nginx/||')
        echo "# nginx $v: Debian sid's binary and nginx-dev instead"
        for cc in $compilers; do
            skip "nginx-$v-$cc-static" "sid's source package is not served"
        done
        dynamic_against_headers "$out/sid-binary/root/usr/share/nginx/src" \
            "nginx-$v-sid" "$bin"
        ;;
    *)
        tap not-ok "unknown MATRIX_VERSIONS entry $version"
        ;;
    esac
done

echo "1..$n"
echo "# matrix: $n checks, $failed failed, $(( $(date +%s) - started )) s"
[ $failed = 0 ]
