#!/bin/sh
# Fuzz the early memory set-up (tests/fuzz/fdt_fuzz.c) for a bounded time.
#
#   tests/fuzz/run.sh [FUZZER]      FUZZER defaults to build/host/fdt_fuzz
#   FUZZ_TIME=seconds (default 30)
#
# Starts from the committed seeds (tests/fuzz/corpus, made from dts/) and a
# scratch corpus, so the repository is never written.  Exits 0 when the
# time runs out with no finding, 1 on a crash, leak, timeout or broken
# invariant; the input that caused it is kept in build/fuzz/ with the log.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
fuzzer=${1:-$top/build/host/fdt_fuzz}
time=${FUZZ_TIME:-30}
keep="$top/build/fuzz"

if [ ! -x "$fuzzer" ]; then
	echo "fuzz: $fuzzer is not built (make $fuzzer)" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus" "$work/artifacts"

status=0
# -close_fd_mask=1: the kernel's console (stdout) would only slow the search.
"$fuzzer" -max_total_time="$time" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	-close_fd_mask=1 -print_final_stats=1 -dict="$top/tests/fuzz/fdt.dict" \
	-artifact_prefix="$work/artifacts/" "$work/corpus" "$top/tests/fuzz/corpus" \
	>"$work/log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
if [ "$status" -ne 0 ]; then
	mkdir -p "$keep"
	cp "$work/log" "$keep/fdt_fuzz.log"
	cp "$work"/artifacts/* "$keep/" 2>/dev/null || true
	grep -E "ERROR|BUG|panic|Test unit written" "$work/log" | head -20 >&2 || true
	echo "fuzz: fdt_fuzz FAILED after ${runs:-?} runs (exit $status); input and log in $keep/" >&2
	echo "fuzz: replay with: $fuzzer $keep/<crash-file>" >&2
	exit 1
fi
echo "fuzz: fdt_fuzz ran ${runs:-?} inputs in ${time}s, no crash"
