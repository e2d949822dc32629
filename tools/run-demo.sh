#!/bin/sh
# make run: the demo site with the module on http://127.0.0.1:8080.
set -e
repo=$(cd "$(dirname "$0")/.." && pwd)
run=$repo/build/run
mkdir -p "$run/tmp"

for k in consent audit; do
    [ -s "$run/$k.key" ] || {
        head -c 48 /dev/urandom | base64 > "$run/$k.key"
        echo "run: generated a secret in $run/$k.key"
    }
done

cp "$repo/examples/nginx.conf" "$run/nginx.conf"
cp "$repo/build/ngx_http_consent_module.so" "$run/"
ln -sfn "$repo/examples/site" "$run/site"
[ "$(id -u)" = 0 ] && sed -i 's/^daemon off;/user root;\ndaemon off;/' \
    "$run/nginx.conf"

cat <<MSG

  ngx_consent demo: http://127.0.0.1:8080/
    the page carries GA4, GTM, Meta Pixel, Hotjar, Clarity, AdSense,
    a YouTube embed and a tracking pixel: view its source to see them inert
  privacy policy:   http://127.0.0.1:8080/privacy
  consent state:    http://127.0.0.1:8080/_consent/state
  audit log:        $run/audit.log
    verify it:      build/consent-audit verify --key $run/audit.key $run/audit.log
  Ctrl-C stops.

MSG
exec /usr/sbin/nginx -p "$run/" -e stderr -c "$run/nginx.conf"
