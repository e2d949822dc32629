#!/bin/sh
# consent-audit on a synthetic log of RECORDS records (default 1 000 000,
# 365 days, two keys with one rotation): wall time and maximum resident set
# size (/usr/bin/time -v) of verify, export csv and jsonl, stats, report
# --html and find; CPU seconds (user + system) too, which depend less on
# what else the machine runs.  Results as in docs/audit.md.
# Usage: bench/audit.sh [RECORDS]
set -e
cd "$(dirname "$0")/.."
records=${1:-1000000}
make --no-print-directory build/consent-audit build/tests/audit-gen >/dev/null
dir=build/bench-audit
mkdir -p "$dir"
head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/k1.key"
head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/k2.key"
build/tests/audit-gen --policy ngx_consent_module/assets/policy.json \
    --key "$dir/k1.key" --key "$dir/k2.key" --records "$records" \
    --days 365 --rotate-every $((records / 2)) \
    --texts "$dir/consent.log.texts.jsonl" > "$dir/consent.log"
id=$(sed -n '2p' "$dir/consent.log" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
echo "$records records, $(du -m "$dir/consent.log" | cut -f1) MB"
printf '%-10s %10s %8s %12s\n' command wall cpu_s max_rss_kb
run() {
    name=$1
    shift
    /usr/bin/time -v build/consent-audit "$@" > "$dir/out" 2> "$dir/time" \
        || { tail -3 "$dir/time"; exit 1; }
    printf '%-10s %10s %8s %12s\n' "$name" \
        "$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$dir/time")" \
        "$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' \
            "$dir/time")" \
        "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")"
}
keys="--key $dir/k1.key --key $dir/k2.key"
run verify verify $keys "$dir/consent.log"
run csv export --format csv "$dir/consent.log"
run jsonl export --format jsonl "$dir/consent.log"
run stats stats "$dir/consent.log"
run report report --html "$dir/report.html" $keys "$dir/consent.log"
run find find "$id" "$dir/consent.log"
