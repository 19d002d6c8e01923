// SPDX-License-Identifier: GPL-2.0
/*
 * What arch/arm/mm/mmu.c owns on the target, for the host: the recorded
 * lowmem/highmem split.  mmsim records arm_lowmem_bounds() here as
 * adjust_lowmem_bounds() does; tests set a boundary of their choosing.
 */
#include "mm.h"
#include "host_mm.h"
#include <asm/memblock.h>
#include <asm/memory.h>

phys_addr_t arm_lowmem_limit;
void *high_memory;

void host_set_lowmem_limit(phys_addr_t limit)
{
	arm_lowmem_limit = limit;
	high_memory = limit ? (char *)__va(limit - 1) + 1 : NULL;
}
