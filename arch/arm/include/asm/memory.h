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

#include "sizes.h"

#ifdef __ASSEMBLY__
#define UL(x) x
#else
#define UL(x) x##UL
#endif

#define PAGE_SHIFT    12
#define PAGE_SIZE     (UL(1) << PAGE_SHIFT)
#define PAGE_MASK     (~(PAGE_SIZE - 1))

#define SECTION_SHIFT 20
#define SECTION_SIZE  (UL(1) << SECTION_SHIFT)
#define SECTION_MASK  (~(SECTION_SIZE - 1))

#define PAGE_OFFSET   UL(0xc0000000)
/*
 * Where the image sits above PHYS_OFFSET: QEMU's -kernel puts a raw image
 * at RAM + 0x10000 (Linux's TEXT_OFFSET is 0x8000, but Linux always runs
 * behind its decompressor, which places it; we have none).
 */
#define TEXT_OFFSET	     UL(0x00010000)
#define KERNEL_START	     (PAGE_OFFSET + TEXT_OFFSET)

#define MODULES_VADDR	     (PAGE_OFFSET - SZ_16M)
#define PKMAP_BASE	     (PAGE_OFFSET - SZ_2M)
#define LAST_PKMAP	     512
#define VMALLOC_OFFSET	     SZ_8M
#define VMALLOC_END	     UL(0xff800000)
#define VMALLOC_DEFAULT_SIZE SZ_240M

#define FDT_FIXED_BASE	     UL(0xff800000)
#define FDT_FIXED_SIZE	     (2 * SECTION_SIZE)
#define MAX_FDT_SIZE	     SECTION_SIZE

#define EARLY_IO_BASE	     UL(0xffa00000)
#define EARLY_IO_SIZE	     (2 * SECTION_SIZE)

#define FIXADDR_START	     UL(0xffc80000)
#define FIXADDR_END	     UL(0xfff00000)
#define VECTORS_BASE	     UL(0xffff0000)

/*
 * head.S maps this much from PHYS_OFFSET before C runs: the image and a
 * window above it, so memblock allocations before paging_init (array
 * doubling, the final page tables) land in mapped memory.  setup_arch
 * caps memblock's current limit to it until paging_init.
 */
#define EARLY_MAP_EXTRA SZ_4M

#ifndef __ASSEMBLY__
#include "types.h"

/* Set by head.S from the address it was loaded at: load address - TEXT_OFFSET. */
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
