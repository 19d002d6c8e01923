/* SPDX-License-Identifier: GPL-2.0 */
/* Dumping the kernel page tables (Linux's /sys/kernel/debug/kernel_page_tables). */
#ifndef _ASM_PTDUMP_H
#define _ASM_PTDUMP_H

#include <asm/pgtable.h>

/**
 * struct ptdump_marker - a named boundary printed as "---[ name ]---"
 * @start_address: where the region starts
 * @name: its name
 */
struct ptdump_marker {
	unsigned long start_address;
	const char *name;
};

int ptdump_walk(pmd_t *pgd, const struct ptdump_marker *markers);

void ptdump_kernel(pmd_t *pgd);

#endif /* _ASM_PTDUMP_H */
