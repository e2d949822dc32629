#!/bin/sh
# Install the Debian packages a build or test needs, only those missing.
#   deps.sh build|test|bench|deb
# NO_APT=1 skips.
set -e
[ "${NO_APT:-0}" = 1 ] && exit 0
pkgs="nginx nginx-dev libjansson-dev libpcre2-dev libssl-dev zlib1g-dev \
      libpsl-dev gcc make"
case "$1" in
    test) pkgs="$pkgs perl valgrind clang libclang-rt-14-dev rsyslog \
                chromium nodejs curl dpkg-dev ccache" ;;
    deb) pkgs="$pkgs dpkg-dev debhelper fakeroot" ;;
    bench) pkgs="$pkgs wrk libnginx-mod-http-subs-filter clang curl bc" ;;
esac
missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing (NO_APT=1 skips)"
if [ "$(id -u)" != 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
