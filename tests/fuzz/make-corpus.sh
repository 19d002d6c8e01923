#!/bin/sh
# Rebuild the fuzzers' seed corpora from the project's board files and the
# hostile-input cases.  The seeds are committed, so the fuzzers
# start from real inputs even where dtc is missing; run this after changing
# a .dts and commit the result.
#
#   tests/fuzz/corpus/NAME.seed          fdt_fuzz: header, command line, DTB
#                                        (tests/fuzz/fdt_fuzz.c, struct fuzz_header)
#   tests/fuzz/cmdline-corpus/NAME.txt   cmdline_fuzz: a command line
#
# Regression seeds (regression-*) are findings kept as they were found;
# this script never touches them.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
out="$top/tests/fuzz/corpus"
cmd="$top/tests/fuzz/cmdline-corpus"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

mkdir -p "$out" "$cmd"

# seed NAME DTB FLAGS LOAD_MB RAM_64K DTB_OFF [CMDLINE]: struct fuzz_header is
# flags (1 = rewrite memory, 2 = replace bootargs), load_mb, ram_64k (LE16),
# dtb_off (LE32); then the command line and its NUL when flags has 2.
seed() {
	name=$1 dtb=$2 flags=$3 load=$4 ram=$5 off=$6
	{
		printf "\\$(printf %03o "$flags")\\$(printf %03o "$load")"
		printf "\\$(printf %03o $((ram & 255)))\\$(printf %03o $((ram >> 8)))"
		printf "\\$(printf %03o $((off & 255)))\\$(printf %03o $(((off >> 8) & 255)))"
		printf "\\$(printf %03o $(((off >> 16) & 255)))\\$(printf %03o $((off >> 24)))"
		if [ $((flags & 2)) -ne 0 ]; then
			printf '%s' "$7"
			printf '\000'
		fi
		cat "$dtb"
	} >"$out/$name.seed"
}

for dts in "$top"/dts/*.dts; do
	name=$(basename "$dts" .dts)
	if dtc -q -i "$top/dts" -I dts -O dtb -o "$tmp/$name.dtb" "$dts"; then
		seed "$name" "$tmp/$name.dtb" 0 0 0 0
		echo "  SEED    $out/$name.seed"
	else
		echo "make-corpus: $dts does not build; its seed is left as it was" >&2
		status=1
	fi
done

# The default board as QEMU's -m and -append make it: the sizes and command-line
# inputs that once failed (8 MiB, 300 KiB, mem=32M cma=24M, one page past
# lowmem, loglevel=4, mem=420K, a command line longer than the kernel keeps).
board="$tmp/vexpress-a9.dtb"
if [ -f "$board" ]; then
	seed qemu-64M "$board" 1 0 1023 0
	seed qemu-8M "$board" 1 0 127 0
	seed qemu-300K "$board" 1 0 4 0
	seed qemu-768M-and-a-page "$board" 1 0 12288 0
	seed qemu-256M-mem32-cma24 "$board" 3 0 4095 0 "mem=32M cma=24M"
	seed qemu-256M-loglevel4 "$board" 3 0 4095 0 "loglevel=4 memblock=debug"
	seed qemu-256M-mem420K "$board" 3 0 4095 0 "mem=420K"
	seed qemu-64M-load-higher "$board" 3 3 1023 12345 "cma=16M@0x62000000 vmalloc=64M"
	seed qemu-64M-long-cmdline "$board" 3 0 1023 0 \
		"$(i=0; while [ $i -lt 90 ]; do printf 'param%03d=value ' $i; i=$((i + 1)); done)mem=64M"
fi

# Command lines for cmdline_fuzz: each boot test's (named by content, so
# adding a boot adds a seed and renames none), and the hostile ones.
sed -n 's/.* append="\([^"]*\)".*/\1/p' "$top/tests/boot/boots.conf" | sort -u | while IFS= read -r line; do
	printf '%s' "$line" >"$cmd/boot-$(printf '%s' "$line" | sha1sum | cut -c1-12).txt"
done
printf '%s' "mem=420K cma=24M@0x60000000-0x70000000 vmalloc=0x7fffffff loglevel=15" >"$cmd/edges.txt"
printf '%s' "mem=18446744073709551615 cma=99999999999G vmalloc=-1 loglevel=-3" >"$cmd/overflow.txt"
printf '%s' "mem= cma= vmalloc= loglevel= memblock= = == \"quoted mem=64M\" mem=\"64M\"" >"$cmd/empty.txt"
printf 'mem=\303\2516M kunit.filter_glob=\377 \001\002' >"$cmd/non-ascii.txt"
echo "  SEED    $cmd/"
exit $status
