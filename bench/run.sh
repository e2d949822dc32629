#!/bin/bash
# make bench: plain nginx, ngx_consent, sub_filter and subs_filter serving the
# same realistic 80 KB page with trackers, one worker, wrk on loopback, all
# in one run; then the core rewriter's throughput, the worker's memory
# for a 50 MB response and the bytes the UI adds per case (bench/bytes.sh).
# Prints a Markdown table (also build/bench/results.md).
#   DURATION=10 ROUNDS=3 CONNECTIONS=8 bench/run.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/build/bench
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
conns=${CONNECTIONS:-8}
mkdir -p "$out/html" "$out/logs" "$out/tmp"

page=$repo/bench/page.html
[ -f "$page" ] || { echo "bench: $page is missing" >&2; exit 1; }
cp "$page" "$out/html/page.html"
head -c 48 /dev/urandom | base64 > "$out/consent.key"

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

user=""
[ "$(id -u)" = 0 ] && user="user root;"

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
    access_log off;
    sendfile off;
    default_type text/html;
    client_body_temp_path $out/tmp;
    root $out/html;
    consent_secret $out/consent.key;

    server { listen 127.0.0.1:$P_PLAIN; }

    server {
        listen 127.0.0.1:$P_CONSENT;
        consent on;
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

/usr/sbin/nginx -p "$out/" -e "$out/logs/error.log" -c "$out/nginx.conf" &
nginx_pid=$!
trap 'kill -QUIT $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null || true' EXIT
for p in $P_PLAIN $P_CONSENT $P_SUB $P_SUBS; do
    for _ in $(seq 1 100); do
        curl -fso /dev/null "http://127.0.0.1:$p/page.html" && break
        sleep 0.1
    done
done
worker=$(pgrep -P "$nginx_pid" | head -1)

# sanity: the module did rewrite the page
rewritten=$(curl -fs "http://127.0.0.1:$P_CONSENT/page.html")
case $rewritten in
    *data-src=*) ;;
    *) echo "bench: the module did not rewrite the page" >&2; exit 1 ;;
esac

port_of() {
    case $1 in
        plain) echo "$P_PLAIN" ;; consent) echo "$P_CONSENT" ;;
        sub_filter) echo "$P_SUB" ;; subs_filter) echo "$P_SUBS" ;;
    esac
}

rps() {
    wrk -t1 -c"$conns" -d"${duration}s" "http://127.0.0.1:$1/page.html" \
        | awk '/Requests\/sec/ { print $2 }'
}

# Rounds interleave the servers so that a slow spell of this shared machine
# hits all of them; each server's median over the rounds is reported.
declare -A R
for name in plain consent sub_filter subs_filter; do
    rps "$(port_of $name)" > /dev/null      # warm up
done
for round in $(seq 1 "$rounds"); do
    for name in plain consent sub_filter subs_filter; do
        R[$name]="${R[$name]:-} $(rps "$(port_of $name)")"
    done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 }
    END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A M
for name in plain consent sub_filter subs_filter; do
    M[$name]=$(echo "${R[$name]}" | median)
done

# worker memory for the 50 MB response, streamed through the module
hwm_before=$(awk '/VmHWM/ { print $2 }' "/proc/$worker/status")
bytes=$(curl -fs "http://127.0.0.1:$P_CONSENT/big.html" | wc -c)
hwm_after=$(awk '/VmHWM/ { print $2 }' "/proc/$worker/status")
rss_after=$(awk '/VmRSS/ { print $2 }' "/proc/$worker/status")

ui_bytes=$("$repo/bench/bytes.sh")

core=$("$repo/bench/run-core.sh" "$page" \
    "$repo/ngx_consent_module/assets/policy.json" 3 2>&1 | tail -n 8)

size=$(wc -c < "$page")
{
    echo "Page: bench/page.html ($size bytes), 1 worker, wrk -t1 -c$conns -d${duration}s,"
    echo "median of $rounds interleaved rounds, $(date -u +%F)"
    echo
    echo "| server | requests/s (median) | vs plain | rounds |"
    echo "|---|---:|---:|---|"
    for name in plain consent sub_filter subs_filter; do
        printf '| %s | %.0f | %.0f%% | %s |\n' "$name" "${M[$name]}" \
            "$(echo "${M[$name]} * 100 / ${M[plain]}" | bc -l)" \
            "$(echo ${R[$name]} | sed 's/ /, /g')"
    done
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
