/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory map as JSON (arch/arm/mm/memmap.c): printed by the kernel with
 * "memmap_json" and by mmsim --json, drawn by scripts/memmap.
 */
#ifndef _ASM_MEMMAP_H
#define _ASM_MEMMAP_H

#include "types.h"
#include <asm/pgtable.h>

/* Where the lines go: printk on the target, printf on the host. */
typedef int (*memmap_out_t)(const char *fmt, ...);

/**
 * struct memmap_inputs - what only the caller knows
 * @fdt: the DTB as the kernel reads it (NULL: no DTB items, no devices)
 * @dtb_phys: its physical address
 * @pgd: the kernel's first-level table (NULL: no page tables listed)
 */
struct memmap_inputs {
	const void *fdt;
	phys_addr_t dtb_phys;
	const pmd_t *pgd;
};

void memmap_print_json(memmap_out_t out, const struct memmap_inputs *in);

/* "memmap_json" was on the command line */
extern bool memmap_json_at_boot;

#endif /* _ASM_MEMMAP_H */
