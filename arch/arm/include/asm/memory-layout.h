/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The numbers of the kernel's virtual layout (see asm/memory.h for the
 * picture).  Pure constants: the target's asm/memory.h and the host's
 * stand-in both include this, so the host simulator and tests compute the
 * same lowmem/highmem split and page-table addresses as the kernel.
 */
#ifndef _ASM_MEMORY_LAYOUT_H
#define _ASM_MEMORY_LAYOUT_H

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

/*
 * vmalloc space starts 8 MiB above the end of lowmem (virtual), 8 MiB
 * aligned (VMALLOC_OFFSET): mmu.c sets vmalloc_start with it, and the
 * memory map (memmap.c) computes it the same way on the host.
 */
#define VMALLOC_START_FOR(lowmem_end) \
	(((lowmem_end) + VMALLOC_OFFSET + VMALLOC_OFFSET - 1) & ~(VMALLOC_OFFSET - 1))

#endif /* _ASM_MEMORY_LAYOUT_H */
