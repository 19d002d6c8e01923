/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's virtual memory layout and the linear-map conversions, as in
 * Linux's arch/arm/include/asm/memory.h with a 3G/1G split:
 *
 *   0x00000000 - 0xbf000000  user space (unused here; unmapped, faults)
 *   0xbf000000 - 0xbfe00000  modules (reserved, unmapped)
 *   0xbfe00000 - 0xc0000000  pkmap: kmap() windows onto highmem pages
 *   0xc0000000 - lowmem end  linear map of RAM: VA = PA - PHYS_OFFSET + PAGE_OFFSET
 *   + 8 MiB gap              VMALLOC_OFFSET, catches overruns of lowmem
 *   VMALLOC_START - 0xff800000  vmalloc/ioremap space (240 MiB by default)
 *   0xff800000 - 0xffa00000  the DTB, mapped by head.S (FDT_FIXED_BASE)
 *   0xffa00000 - 0xffc00000  early I/O: the debug UART and early_ioremap()
 *   0xffc80000 - 0xfff00000  fixmap: kmap_atomic() slots
 *   0xffff0000 - 0xffff1000  high exception vectors
 *
 * The early I/O window is ours: Linux maps its DEBUG_LL UART inside the
 * vmalloc area, where a large lowmem could collide with it.
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#include <asm/memory-layout.h>

#ifndef __ASSEMBLY__
#include "types.h"

/* Set by head.S (step 4): the start of the RAM it runs in, where it runs - TEXT_OFFSET. */
extern phys_addr_t __pv_phys_offset;
#define PHYS_OFFSET __pv_phys_offset

static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return (phys_addr_t)(x - PAGE_OFFSET) + PHYS_OFFSET;
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return (unsigned long)(x - PHYS_OFFSET) + PAGE_OFFSET;
}

#define __pa(x) __virt_to_phys((unsigned long)(x))
#define __va(x) ((void *)__phys_to_virt((phys_addr_t)(x)))
#endif

#endif /* _ASM_MEMORY_H */
