#!/bin/sh
# Run one of the fuzzers (tests/fuzz/*_fuzz.c) for a bounded time.
#
#   tests/fuzz/run.sh [FUZZER [SECONDS]]
#       FUZZER   default build/host/fdt_fuzz; build/host/cmdline_fuzz is the other
#       SECONDS  default $FUZZ_TIME, else 30
#
# Starts from the committed seeds (tests/fuzz/corpus for fdt_fuzz,
# tests/fuzz/cmdline-corpus for cmdline_fuzz; made by make-corpus.sh, plus
# the regression-* findings) and a scratch corpus, so the repository is
# never written.  Exits 0 when the time runs out with no finding, 1 on a
# crash, leak, hang (one input over -timeout) or broken invariant, with
# the report and the input on stderr; both are kept in build/fuzz/ too.
# Keep a finding, once fixed, as tests/fuzz/<corpus>/regression-<what>.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
fuzzer=${1:-$top/build/host/fdt_fuzz}
time=${2:-${FUZZ_TIME:-30}}
name=$(basename "$fuzzer")
keep="$top/build/fuzz"

case $name in
cmdline_fuzz) seeds="$top/tests/fuzz/cmdline-corpus" max_len=2048 ;;
*) seeds="$top/tests/fuzz/corpus" max_len=65536 ;;
esac
dict="$top/tests/fuzz/${name%_fuzz}.dict"
[ -f "$dict" ] && dict_opt="-dict=$dict" || dict_opt=

if [ ! -x "$fuzzer" ]; then
	echo "fuzz: $fuzzer is not built (make $fuzzer)" >&2
	exit 1
fi

# The finding, for a log that keeps only this script's output (CI's): the
# report from its first line, which each kind starts with one of these:
# libFuzzer's "==N== ERROR: libFuzzer: deadly signal" (an abort, so BUG()),
# "... out-of-memory", "... timeout", "... fuzz target exited" (panic()),
# its "ALARM:"; ASan's and LSan's "==N==ERROR: ..."; UBSan's "file:line:col:
# runtime error: ..."; the host's "kernel BUG at" and "Kernel panic" lines
# and fdt_fuzz's "fuzz: ..." (stderr copies; the console, stdout, is
# discarded).  With none of them (the fuzzer was killed, or never started),
# the log's last lines.
report() {
	start='ERROR: |runtime error:|kernel BUG at|Kernel panic|ALARM:|^fuzz: '
	if grep -Eq "$start" "$1"; then
		awk -v re="$start" 'n < 40 && (n || $0 ~ re) { print; n++; next }
			n && /Test unit written/ { print }' "$1"
	else
		tail -n 30 "$1"
	fi
}

# An exit status in words: above 128 a signal from outside (the OOM
# killer, a kill), which is no finding of the fuzzer's.
why() {
	if [ "$1" -gt 128 ]; then
		echo "killed by signal $(($1 - 128)), not a finding"
	else
		echo "exit $1"
	fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus" "$work/artifacts"

status=0
# UBSan's report with the stack that led there, as ASan's has.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export UBSAN_OPTIONS
# -close_fd_mask=1: the kernel's console (stdout) would only slow the search.
# -timeout is wall-clock time, so it allows for a loaded CI machine: the
# costliest boot an input can ask for (memtest=17 over 256 MiB, about 3 s
# of CPU) took 29 s on 2 cores at a load of 11; a hang still fails, later.
"$fuzzer" -max_total_time="$time" -max_len="$max_len" -timeout=60 -rss_limit_mb=2048 \
	-close_fd_mask=1 -print_final_stats=1 $dict_opt \
	-artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds" \
	>"$work/log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
if [ "$status" -ne 0 ]; then
	mkdir -p "$keep"
	cp "$work/log" "$keep/$name.log"
	cp "$work"/artifacts/* "$keep/" 2>/dev/null || true
	report "$work/log" >&2
	# The input itself, should the log be all that is left of the run.
	for f in "$work"/artifacts/*; do
		[ -f "$f" ] && [ "$(wc -c <"$f")" -le 16384 ] &&
			echo "fuzz: $(basename "$f") in base64: $(base64 -w0 "$f")" >&2
	done
	echo "fuzz: $name FAILED after ${runs:-?} runs ($(why "$status")); input and log in $keep/" >&2
	[ "$status" -gt 128 ] || echo "fuzz: replay with: $fuzzer $keep/<crash-file>" >&2
	exit 1
fi
echo "fuzz: $name ran ${runs:-?} inputs in ${time}s, no crash"
