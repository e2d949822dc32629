#!/bin/sh
# Build the fuzzers with libFuzzer + ASan + UBSan and run them: the rewriter
# for SECONDS, then the other input parsers (fuzz_inputs.c) for SECONDS / 2,
# then URL hosts and inline host tokens (fuzz_hosts.c) for SECONDS / 2.
#   tests/fuzz/run.sh [SECONDS]     (default 60; make fuzz, make test)
# Seeds: every html5lib tokenizer input (in $CONSENT_DATA, default
# ../shared/data) and tests/unit/pages/*.html.
# A crash leaves its input in $BUILD/fuzz/ (default build/; crash-*): rerun
# it with $BUILD/fuzz/fuzz_rewriter $BUILD/fuzz/crash-...
set -e
seconds=${1:-60}
cd "$(dirname "$0")/../.."
out=${BUILD:-build}/fuzz
core=ngx_consent_module/core
mkdir -p "$out/corpus"

clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -I$core -Itests/unit \
    tests/fuzz/fuzz_rewriter.c $core/*.c \
    -ljansson -lpcre2-8 -lcrypto -lpsl -o "$out/fuzz_rewriter"

cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 \
    tests/fuzz/seed_corpus.c -ljansson -o "$out/seed_corpus"

seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
html5lib=${CONSENT_DATA:-../shared/data}/html5lib-tokenizer
if [ ! -d "$html5lib" ]; then
    echo "fuzz: no html5lib tokenizer tests in $html5lib (CONSENT_DATA):" \
         "seeds from tests/unit/pages only"
    html5lib="$out/no-html5lib"
    mkdir -p "$html5lib"
fi
"$out/seed_corpus" "$seeds" "$html5lib" tests/unit/pages/*.html

# corpus: what earlier runs found; seeds: read only
"$out/fuzz_rewriter" -max_total_time="$seconds" -max_len=100000 \
    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict=tests/fuzz/html.dict -artifact_prefix="$out/" \
    "$out/corpus" "$seeds"

# The other parsers of untrusted input: the first byte picks the parser.
clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -I$core \
    tests/fuzz/fuzz_inputs.c $core/*.c \
    -ljansson -lpcre2-8 -lcrypto -lpsl -o "$out/fuzz_inputs"

iseeds="$out/seeds-inputs"
rm -rf "$iseeds"
mkdir -p "$iseeds" "$out/corpus-inputs"
n=0
for f in ngx_consent_module/assets/policy.json tests/unit/policies/*.json; do
    { printf '\000'; cat "$f"; } > "$iseeds/policy-$n"
    n=$((n + 1))
done
printf '\002a=1; consent="x"; consent=y' > "$iseeds/cookie-header"
printf '\003action=save&granted=analytics&granted=marketing&return_to=%%2Fa' \
    > "$iseeds/form"
printf '\004{"action":"save","granted":["analytics"],"source":"banner"}' \
    > "$iseeds/json"
printf '\005/shop/item?id=7#top' > "$iseeds/return-to"
printf '\007203.0.113.77' > "$iseeds/ip"

"$out/fuzz_inputs" -max_total_time="$(( (seconds + 1) / 2 ))" \
    -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/inputs-" "$out/corpus-inputs" "$iseeds"

# URL hosts, inline host tokens, signatures and classification.
clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -I$core \
    tests/fuzz/fuzz_hosts.c $core/*.c \
    -ljansson -lpcre2-8 -lcrypto -lpsl -o "$out/fuzz_hosts"

hseeds="$out/seeds-hosts"
rm -rf "$hseeds"
mkdir -p "$hseeds" "$out/corpus-hosts"
n=0
for u in 'https://user:pw@WWW.Example.COM:8443/a?b#c' '//cdn.taboola.com/x.js' \
        '\\evil.example\x' 'http://0x7f.1/' 'https://[2001:db8::1]:80/' \
        'https://ex%41mple.com./' 'https://b%C3%BCcher.de/' \
        "$(printf 'https://\357\275\205x\343\200\202com/')" \
        'data:text/html,x' '/rel/x.js' \
        "s.src='//www.google-analytics.com/analytics.js'; window._taboola=[]" \
        'x="https:\/\/static.chartbeat.com\/js\/c.js"'; do
    printf '%s' "$u" > "$hseeds/seed-$n"
    n=$((n + 1))
done

"$out/fuzz_hosts" -max_total_time="$(( (seconds + 1) / 2 ))" \
    -max_len=4096 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/hosts-" "$out/corpus-hosts" "$hseeds"
