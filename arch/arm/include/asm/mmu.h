/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's translation tables and the early I/O bookkeeping. */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

#include "types.h"
#include <asm/memblock.h> /* arm_lowmem_limit */

/* The boot table head.S built (linker.ld places it after BSS). */
extern u32 boot_pgd[4096];
/* The first-level table in use: boot_pgd until paging_init switches. */
extern u32 *kernel_pgd;

void early_io_record(unsigned int slot, phys_addr_t section);
phys_addr_t early_io_slot_phys(unsigned int slot);

extern unsigned long vmalloc_start;
extern void *empty_zero_page;

void adjust_lowmem_bounds(void);
void paging_init(void);
void cpu_switch_tables(u32 *pgd);
void print_vm_layout(void);

#endif /* _ASM_MMU_H */
