/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM's memblock set-up (arch/arm/mm/init.c): after the DT scan has filled
 * memblock's "memory", reserve everything the kernel must not hand out.
 * Portable C, so the host simulator (mmsim) and the host tests run the very
 * same code.
 */
#ifndef _ARM_MEMBLOCK_H
#define _ARM_MEMBLOCK_H

#include "types.h"

/**
 * arm_memblock_init - reserve the kernel, initrd, DTB and the DT's reservations
 * @fdt: the verified DTB (early_init_dt_scan() has run)
 * @fdt_phys: its physical address: the DTB is mapped outside the linear
 *            map (FDT_FIXED_BASE), so __pa(@fdt) would be wrong
 *
 * In order: apply mem= (refused if it would cut into the kernel image),
 * reserve the kernel image [__pa(_text), __pa(_end)), the initrd (or
 * disable it with Linux's message if it is not in memory or overlaps a
 * reservation), the DTB, then /memreserve/ and /reserved-memory with the
 * kernel, DTB and initrd protected from them; then the CMA hook, then let
 * memblock's arrays grow, and print memblock's table under memblock=debug.
 *
 * Return: 0, -EINVAL if the kernel image is not inside the memory the DT
 * describes, or -ENOMEM if the kernel, the DTB or a reservation the DT
 * asks for could not be reserved (each reported; the caller halts rather
 * than let the page allocator hand that memory out).
 */
int arm_memblock_init(const void *fdt, phys_addr_t fdt_phys);

/**
 * arm_memory_limit - the mem= limit in bytes, 0 if none was given
 */
phys_addr_t arm_memory_limit(void);

/**
 * arm_memblock_reset - forget mem= and cma= (and the CMA areas); for host
 * tests, mmsim and the fuzzer
 */
void arm_memblock_reset(void);

/* The physical end of lowmem (high_memory, its virtual twin, is in mm.h). */
extern phys_addr_t arm_lowmem_limit;

/**
 * arm_find_lowmem_limit - where lowmem ends for the memory in memblock
 * @phys_offset: the kernel's PHYS_OFFSET (RAM at PAGE_OFFSET)
 *
 * Lowmem is RAM whose linear-map address lies below the vmalloc area,
 * which is vmalloc= big (240 MiB by default) plus the 8 MiB gap, ending at
 * VMALLOC_END.  Returns the physical end of the lowmem part of the first
 * bank that reaches that boundary, or the end of memory.
 */
phys_addr_t arm_find_lowmem_limit(phys_addr_t phys_offset);

/**
 * arm_early_map_end - the physical end of what head.S mapped (image + 4 MiB)
 *
 * Before paging_init, memory that is written (memblock_alloc) must lie
 * below it.
 */
phys_addr_t arm_early_map_end(void);

/**
 * arm_adjust_lowmem_bounds - set the lowmem split and cap memblock to the boot mapping
 * @phys_offset: the kernel's PHYS_OFFSET
 */
void arm_adjust_lowmem_bounds(phys_addr_t phys_offset);

/**
 * bootmem_init - tell the mm core the zone boundaries (after paging_init)
 *
 * Normal up to arm_lowmem_limit, HighMem to the end of memory; then
 * free_area_init() sets up the node, zones and mem_map.
 */
void bootmem_init(void);

/** arm_set_lowmem_limit - record the split: arm_lowmem_limit and high_memory */
void arm_set_lowmem_limit(phys_addr_t limit);

#endif /* _ARM_MEMBLOCK_H */
