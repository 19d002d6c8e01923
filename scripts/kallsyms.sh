#!/bin/sh
# Turn the function symbols of a linked kernel into an assembly table for
# boot/kallsyms.c (so %pS and fault dumps print "name+0xoff/0xsize").
# Usage: kallsyms.sh NM kernel.elf > kallsyms.S
# Sorted by address, then name (symbols may share an address).
# Linker veneers (name_from_arm) are left out: the linker may order them
# differently from one pass to the next.
# Only text symbols are listed: the table is linked after all text, so
# adding it moves no function, and one extra link pass makes it exact.
set -eu
nm=$1
elf=$2
"$nm" -S --defined-only "$elf" | LC_ALL=C sort -k1,1 -k4,4 | awk 'BEGIN { n = 0 }

	# with -S: "addr size type name"; symbols without a size have 3 fields
	NF == 4 && ($3 == "t" || $3 == "T") && $4 !~ /^\$/ && $4 !~ /_from_(arm|thumb)$|_veneer$/ { addr[n] = $1; size[n] = $2; name[n] = $4; n++ }
	END {
		print "\t.section \".kallsyms\", \"a\""
		print "\t.align 2"
		print "\t.globl kallsyms_num"
		print "kallsyms_num:\n\t.word " n
		print "\t.globl kallsyms_table"
		print "kallsyms_table:"
		off = 0
		for (i = 0; i < n; i++) {
			printf "\t.word 0x%s, 0x%s, %d\n", addr[i], size[i], off
			off += length(name[i]) + 1
		}
		print "\t.globl kallsyms_names"
		print "kallsyms_names:"
		for (i = 0; i < n; i++)
			printf "\t.asciz \"%s\"\n", name[i]
	}'
