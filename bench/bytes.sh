#!/bin/bash
# The bytes the module adds to an HTML page, per case: a first visit (no
# decision), after a decision (the cookie of "reject_all"), and the
# preferences layer consent.js fetches on demand; and what one blocked
# YouTube embed adds (its click-to-load placeholder).  Real nginx on loopback,
# curl; gzip off so that the numbers are the markup's own.
#   bench/bytes.sh            prints a Markdown table
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/build/bench-bytes
rm -rf "$out"
mkdir -p "$out/html" "$out/logs" "$out/tmp"

printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head>\n<body><p>Hello</p></body></html>\n' \
    > "$out/html/page.html"
sed 's|<p>Hello</p>|<p>Hello</p><iframe width="560" height="315" src="https://www.youtube.com/embed/x" title="v"></iframe>|' \
    "$out/html/page.html" > "$out/html/embed.html"
head -c 48 /dev/urandom | base64 > "$out/consent.key"

port=$(perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalAddr =>
    "127.0.0.1", LocalPort => 0, Listen => 1) or die; print $s->sockport')
user=""
[ "$(id -u)" = 0 ] && user="user root;"

cat > "$out/nginx.conf" <<CONF
load_module $repo/build/ngx_http_consent_module.so;
$user
worker_processes 1;
daemon off;
pid $out/nginx.pid;
error_log $out/logs/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    default_type text/html;
    client_body_temp_path $out/tmp;
    root $out/html;
    consent_secret $out/consent.key;
    server {
        listen 127.0.0.1:$port;
        location /plain/ { alias $out/html/; }
        location / { consent on; }
        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
    }
}
CONF

/usr/sbin/nginx -p "$out/" -e "$out/logs/error.log" -c "$out/nginx.conf" &
nginx_pid=$!
trap 'kill -QUIT $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null || true' EXIT
base=http://127.0.0.1:$port
for _ in $(seq 1 100); do
    curl -fso /dev/null "$base/plain/page.html" && break
    sleep 0.1
done

size() { curl -fs -H 'Accept-Language: en' "$@" | wc -c; }

plain=$(size "$base/plain/page.html")
first=$(size "$base/page.html")
curl -fs -o /dev/null -c "$out/jar" -H 'Content-Type: application/json' \
    -H "Origin: $base" -d '{"action":"reject_all"}' "$base/_consent/"
after=$(size -b "$out/jar" "$base/page.html")
embed_plain=$(size "$base/plain/embed.html")
embed=$(size "$base/embed.html")
prefs=$(size "$base/_consent/preferences")
js=$(size "$base/_consent/consent.js")
css=$(size "$base/_consent/consent.css")

echo "| Case | Bytes | Added to the page |"
echo "|---|---:|---:|"
echo "| plain page | $plain | |"
echo "| first visit (banner) | $first | $((first - plain)) |"
echo "| after a decision (settings control) | $after | $((after - plain)) |"
echo "| first visit, one blocked YouTube embed (banner, placeholder, inert frame) | $embed | $((embed - embed_plain)) |"
echo "| preferences, on demand (GET /_consent/preferences) | $prefs | |"
echo "| consent.js / consent.css (cached, versioned) | $js / $css | |"
