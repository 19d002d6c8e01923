/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM's memblock set-up (arch/arm/mm/init.c; Linux's asm/memblock.h): after
 * the DT scan has filled memblock's "memory", reserve everything the kernel
 * must not hand out, and find the lowmem/highmem split.  Portable C, so the
 * host simulator (mmsim) and the host tests run the very same code.
 */
#ifndef _ASM_ARM_MEMBLOCK_H
#define _ASM_ARM_MEMBLOCK_H

#include "types.h"

int arm_memblock_init(const void *fdt, phys_addr_t fdt_phys);
phys_addr_t arm_memory_limit(void);
void arm_memblock_reset(void);

/*
 * The physical end of lowmem (high_memory, its virtual twin, is in mm.h).
 * adjust_lowmem_bounds() in mmu.c sets both, from arm_lowmem_bounds().
 */
extern phys_addr_t arm_lowmem_limit;

/**
 * struct lowmem_bounds - the lowmem/highmem split for the memory in memblock
 * @lowmem_limit: physical end of lowmem (0 if memblock has no memory)
 * @memblock_limit: below this memblock may allocate until paging_init has
 *                  mapped all of lowmem: lowmem that head.S mapped too
 */
struct lowmem_bounds {
	phys_addr_t lowmem_limit;
	phys_addr_t memblock_limit;
};

struct lowmem_bounds arm_lowmem_bounds(phys_addr_t phys_offset);
void bootmem_init(void);

#endif /* _ASM_ARM_MEMBLOCK_H */
