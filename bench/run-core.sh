#!/bin/sh
# Core rewriter microbenchmark (one core, no nginx): builds the core with
# the Makefile's flags into build/bench-core and runs bench/core_bench.c on
# the 80 KB test page.
# Usage: bench/run-core.sh [PAGE [POLICY [SECONDS [RUN [PAGES]]]]]
# (see bench/core_bench.c; PAGES: a fixed count, for callgrind)
# Build line without make, from the repository root:
#   cc -std=c11 -O2 -Ingx_consent_module/core bench/core_bench.c \
#      ngx_consent_module/core/*.c -ljansson -lpcre2-8 -lcrypto -lpsl -o core_bench
set -e
cd "$(dirname "$0")/.."
mkdir -p build/bench-core
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra \
    -Ingx_consent_module/core bench/core_bench.c ngx_consent_module/core/*.c \
    -ljansson -lpcre2-8 -lcrypto -lpsl -o build/bench-core/core_bench
exec build/bench-core/core_bench "$@"
