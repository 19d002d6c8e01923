#!/bin/sh
# Rebuild the fuzzer's seed corpus (tests/fuzz/corpus/*.dtb) from the
# project's board files, dts/*.dts.  The seeds are committed, so the fuzzer
# starts from real DTBs even where dtc is missing; run this after changing
# a .dts and commit the result.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
out="$top/tests/fuzz/corpus"
status=0

mkdir -p "$out"
for dts in "$top"/dts/*.dts; do
	name=$(basename "$dts" .dts)
	if dtc -q -i "$top/dts" -I dts -O dtb -o "$out/$name.dtb.tmp" "$dts"; then
		mv "$out/$name.dtb.tmp" "$out/$name.dtb"
		echo "  DTC     $out/$name.dtb"
	else
		rm -f "$out/$name.dtb.tmp"
		echo "make-corpus: $dts does not build; its seed is left as it was" >&2
		status=1
	fi
done
exit $status
