#!/bin/bash
# make bench: ngx_consent against plain nginx in one run, every figure a
# ratio to plain nginx measured in the same interleaved rounds:
#   - the 80 KB tracker page, static, one worker: nothing granted, all
#     granted (with consent_cache, and without it: *_nocache), and nginx's
#     sub_filter and subs_filter doing a little of it;
#   - the same page without trackers;
#   - the page proxied from a local upstream (a second nginx, strong ETag),
#     with and without consent_cache;
#   - four workers with more connections;
# then the bytes the module adds per page (and per UI case, bench/bytes.sh),
# the core rewriter's throughput
# and the worker's memory for a 50 MB response.  wrk keeps connections
# alive (HTTP/1.1).  Prints a Markdown table (also build/bench/results.md).
#   DURATION=10 ROUNDS=3 CONNECTIONS=8 bench/run.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/build/bench
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
conns=${CONNECTIONS:-8}
mkdir -p "$out/html" "$out/logs" "$out/tmp" "$out/up/logs"

page=$repo/bench/page.html
[ -f "$page" ] || { echo "bench: $page is missing" >&2; exit 1; }
cp "$page" "$out/html/page.html"
head -c 48 /dev/urandom | base64 > "$out/consent.key"

# the page without its trackers: what a site that has none pays
perl -0pe 's{<script\b.*?</script>\s*}{}gs; s{<(iframe|ins|noscript)\b.*?</\1>\s*}{}gs;
           s{<img [^>]*facebook[^>]*>\s*}{}g' "$page" > "$out/html/notrack.html"

# a 50 MB page: the realistic page repeated
perl -e '
    local $/; open my $in, "<", $ARGV[0] or die; my $b = <$in>;
    my $i = index($b, "<main>"); my $j = index($b, "</main>");
    my $chunk = substr($b, $i, $j - $i);
    open my $o, ">", $ARGV[1] or die;
    print $o substr($b, 0, $j); my $n = length $b;
    while ($n < 50 * 1024 * 1024) { print $o $chunk; $n += length $chunk }
    print $o substr($b, $j);' "$page" "$out/html/big.html"

port() {
    perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalAddr =>
        "127.0.0.1", LocalPort => 0, Listen => 1) or die; print $s->sockport'
}
P_PLAIN=$(port); P_CONSENT=$(port); P_SUB=$(port); P_SUBS=$(port)
P_UP=$(port); P_PPROXY=$(port); P_CPROXY=$(port)
P_NOCACHE=$(port); P_CPROXY_NOCACHE=$(port)
P_PLAIN4=$(port); P_CONSENT4=$(port)

user=""
[ "$(id -u)" = 0 ] && user="user root;"

# the upstream of the proxied scenario: a second nginx, one worker
cat > "$out/up/nginx.conf" <<CONF
$user
worker_processes 1;
daemon off;
pid $out/up/nginx.pid;
error_log $out/up/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    root $out/html;
    server { listen 127.0.0.1:$P_UP; keepalive_requests 100000; }
}
CONF

common="
    access_log off;
    sendfile off;
    default_type text/html;
    client_body_temp_path $out/tmp;
    root $out/html;
    consent_secret $out/consent.key;
    keepalive_requests 100000;
"

cat > "$out/nginx.conf" <<CONF
load_module $repo/build/ngx_http_consent_module.so;
load_module /usr/lib/nginx/modules/ngx_http_subs_filter_module.so;
$user
worker_processes 1;
daemon off;
pid $out/nginx.pid;
error_log $out/logs/error.log warn;
events { worker_connections 1024; }
http {
    $common

    upstream up {
        server 127.0.0.1:$P_UP;
        keepalive 32;
    }

    server { listen 127.0.0.1:$P_PLAIN; }

    server {
        listen 127.0.0.1:$P_CONSENT;
        consent on;
        consent_cache max=1000;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:$P_NOCACHE;
        consent on;
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:$P_PPROXY;
        location / {
            proxy_pass http://up;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }

    server {
        listen 127.0.0.1:$P_CPROXY;
        consent on;
        consent_cache max=1000;
        location / {
            proxy_pass http://up;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:$P_CPROXY_NOCACHE;
        consent on;
        location / {
            proxy_pass http://up;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
        location /_consent/ { consent_api; }
    }

    server {
        listen 127.0.0.1:$P_SUB;
        sub_filter_once off;
        sub_filter '<body>' '<body><div id="consent-banner">Cookies? <form method="post" action="/_consent/"><button>Accept all</button></form></div>';
        sub_filter 'src="https://www.googletagmanager.com/' 'type="text/plain" data-src="https://www.googletagmanager.com/';
        sub_filter 'src="https://connect.facebook.net/' 'data-src="https://connect.facebook.net/';
        sub_filter 'src="https://static.hotjar.com/' 'data-src="https://static.hotjar.com/';
        sub_filter 'src="https://www.clarity.ms/' 'data-src="https://www.clarity.ms/';
        sub_filter 'src="https://pagead2.googlesyndication.com/' 'data-src="https://pagead2.googlesyndication.com/';
        sub_filter 'src="https://www.youtube.com/embed/' 'data-src="https://www.youtube.com/embed/';
        sub_filter 'src="https://www.facebook.com/tr' 'data-src="https://www.facebook.com/tr';
        sub_filter 'src="https://www.google-analytics.com/' 'data-src="https://www.google-analytics.com/';
    }

    server {
        listen 127.0.0.1:$P_SUBS;
        subs_filter '<body>' '<body><div id="consent-banner">Cookies? <form method="post" action="/_consent/"><button>Accept all</button></form></div>' o;
        subs_filter 'src="(https://www\.googletagmanager\.com/[^"]*)"' 'type="text/plain" data-src="\$1"' gr;
        subs_filter 'src="(https://connect\.facebook\.net/[^"]*)"' 'data-src="\$1"' gr;
        subs_filter 'src="(https://static\.hotjar\.com/[^"]*)"' 'data-src="\$1"' gr;
        subs_filter 'src="(https://www\.clarity\.ms/[^"]*)"' 'data-src="\$1"' gr;
        subs_filter 'src="(https://pagead2\.googlesyndication\.com/[^"]*)"' 'data-src="\$1"' gr;
        subs_filter 'src="(https://www\.youtube\.com/embed/[^"]*)"' 'data-src="\$1"' gr;
        subs_filter 'src="(https://www\.facebook\.com/tr[^"]*)"' 'data-src="\$1"' gr;
        subs_filter 'src="(https://www\.google-analytics\.com/[^"]*)"' 'data-src="\$1"' gr;
    }
}
CONF

# four workers: plain and the module
mkdir -p "$out/w4/logs"
cat > "$out/w4/nginx.conf" <<CONF
load_module $repo/build/ngx_http_consent_module.so;
$user
worker_processes 4;
daemon off;
pid $out/w4/nginx.pid;
error_log $out/w4/logs/error.log warn;
events { worker_connections 1024; }
http {
    $common

    server { listen 127.0.0.1:$P_PLAIN4; }

    server {
        listen 127.0.0.1:$P_CONSENT4;
        consent on;
        consent_cache max=1000;
        location /_consent/ { consent_api; }
    }
}
CONF

pids=()
for conf in up/nginx.conf nginx.conf w4/nginx.conf; do
    prefix=$out/$(dirname "$conf")/
    /usr/sbin/nginx -p "$prefix" -e "$prefix/logs/error.log" \
        -c "$out/$conf" &
    pids+=($!)
done
trap 'for p in "${pids[@]}"; do kill -QUIT $p 2>/dev/null; done; wait' EXIT

for p in $P_UP $P_PLAIN $P_CONSENT $P_SUB $P_SUBS $P_PPROXY $P_CPROXY \
         $P_PLAIN4 $P_CONSENT4 $P_NOCACHE $P_CPROXY_NOCACHE
do
    for _ in $(seq 1 100); do
        curl -fso /dev/null "http://127.0.0.1:$p/page.html" && break
        sleep 0.1
    done
done
worker=$(pgrep -P "${pids[1]}" | head -1)

# sanity: the module did rewrite the page, directly and proxied
for p in $P_CONSENT $P_CPROXY $P_CONSENT4 $P_NOCACHE $P_CPROXY_NOCACHE; do
    case $(curl -fs "http://127.0.0.1:$p/page.html") in
        *data-src=*) ;;
        *) echo "bench: the module did not rewrite the page ($p)" >&2
           exit 1 ;;
    esac
done

# a decision granting everything, from the module's own endpoint
granted=$(curl -fs -D - -o /dev/null -X POST -d action=accept_all \
    -H "Origin: http://127.0.0.1:$P_CONSENT" \
    "http://127.0.0.1:$P_CONSENT/_consent/" \
    | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
[ -n "$granted" ] || { echo "bench: no consent cookie" >&2; exit 1; }

# scenario: name port path cookie threads connections baseline
# (consent_cache in consent, consent_granted, consent_notrack, consent_proxy
# and consent_4w; the *_nocache ones run the rewriter on every request)
cases="
plain            $P_PLAIN    page.html    -  1 $conns  -
consent          $P_CONSENT  page.html    -  1 $conns  plain
consent_granted  $P_CONSENT  page.html    g  1 $conns  plain
consent_nocache  $P_NOCACHE  page.html    -  1 $conns  plain
consent_granted_nocache $P_NOCACHE page.html g 1 $conns plain
sub_filter       $P_SUB      page.html    -  1 $conns  plain
subs_filter      $P_SUBS     page.html    -  1 $conns  plain
plain_notrack    $P_PLAIN    notrack.html -  1 $conns  -
consent_notrack  $P_CONSENT  notrack.html -  1 $conns  plain_notrack
plain_proxy      $P_PPROXY   page.html    -  1 $conns  -
consent_proxy    $P_CPROXY   page.html    -  1 $conns  plain_proxy
consent_proxy_nocache $P_CPROXY_NOCACHE page.html - 1 $conns plain_proxy
plain_4w         $P_PLAIN4   page.html    -  2 $((conns * 4)) -
consent_4w       $P_CONSENT4 page.html    -  2 $((conns * 4)) plain_4w
"

names=$(echo "$cases" | awk 'NF { print $1 }')

rps() {
    local port path cookie threads c
    read -r _ port path cookie threads c _ <<< "$(echo "$cases" \
        | awk -v n="$1" '$1 == n')"
    if [ "$cookie" = g ]; then
        wrk -t"$threads" -c"$c" -d"${duration}s" -H "Cookie: $granted" \
            "http://127.0.0.1:$port/$path"
    else
        wrk -t"$threads" -c"$c" -d"${duration}s" \
            "http://127.0.0.1:$port/$path"
    fi | awk '/Requests\/sec/ { print $2 }'
}

# Rounds interleave the servers so that a slow spell of this shared machine
# hits all of them; each server's median over the rounds is reported.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A R
for name in $names; do
    rps "$name" > /dev/null      # warm up
done
for round in $(seq 1 "$rounds"); do
    for name in $names; do
        R[$name]="${R[$name]:-} $(rps "$name")"
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 }
    END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A M
for name in $names; do
    M[$name]=$(echo "${R[$name]}" | median)
done

# bytes per page as sent
size() {
    if [ -n "${3:-}" ]; then
        curl -fs -H "Cookie: $3" "http://127.0.0.1:$1/$2" | wc -c
    else
        curl -fs "http://127.0.0.1:$1/$2" | wc -c
    fi
}
plain_size=$(size "$P_PLAIN" page.html)
none_size=$(size "$P_CONSENT" page.html)
all_size=$(size "$P_CONSENT" page.html "$granted")
notrack_plain=$(size "$P_PLAIN" notrack.html)
notrack_size=$(size "$P_CONSENT" notrack.html)

# worker memory for the 50 MB response, streamed through the module
hwm_before=$(awk '/VmHWM/ { print $2 }' "/proc/$worker/status")
bytes=$(curl -fs "http://127.0.0.1:$P_CONSENT/big.html" | wc -c)
hwm_after=$(awk '/VmHWM/ { print $2 }' "/proc/$worker/status")
rss_after=$(awk '/VmRSS/ { print $2 }' "/proc/$worker/status")

ui_bytes=$("$repo/bench/bytes.sh")

core=$("$repo/bench/run-core.sh" "$page" \
    "$repo/ngx_consent_module/assets/policy.json" 3 2>&1 | tail -n 5)

{
    echo "Page: bench/page.html ($plain_size bytes), wrk -t1 -c$conns -d${duration}s"
    echo "(4 workers: -t2 -c$((conns * 4))), keep-alive, median of $rounds"
    echo "interleaved rounds, $(date -u +%F), load average $load_before"
    echo "before and $load_after after ($(nproc) CPUs)"
    echo
    echo "| scenario | requests/s (median) | vs its plain | rounds |"
    echo "|---|---:|---:|---|"
    echo "$cases" | while read -r name _ _ _ _ _ base; do
        [ -n "$name" ] || continue
        if [ "$base" = - ]; then
            ratio=100
        else
            ratio=$(echo "${M[$name]} * 100 / ${M[$base]}" | bc -l)
        fi
        printf '| %s | %.0f | %.0f%% | %s |\n' "$name" "${M[$name]}" \
            "$ratio" "$(echo ${R[$name]} | sed 's/ /, /g')"
    done
    echo
    echo "Bytes added per page: $((none_size - plain_size)) with nothing"
    echo "granted ($none_size sent), $((all_size - plain_size)) with everything"
    echo "granted, $((notrack_size - notrack_plain)) on the page without trackers."
    echo
    echo "50 MB response through the module: $bytes bytes sent; worker peak"
    echo "RSS ${hwm_before} kB before, ${hwm_after} kB after (RSS now ${rss_after} kB)."
    echo
    echo "Bytes the consent UI adds to a page (bench/bytes.sh, built-in policy):"
    echo
    echo "$ui_bytes"
    if [ -n "$core" ]; then
        echo
        echo "Core rewriter, one core (bench/run-core.sh bench/page.html):"
        echo '```'
        echo "$core"
        echo '```'
    fi
} | tee "$out/results.md"
