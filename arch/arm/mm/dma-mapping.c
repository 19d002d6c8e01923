// SPDX-License-Identifier: GPL-2.0
/*
 * DMA and the caches (Linux 6.1's arch/arm/mm/dma-mapping.c, the streaming
 * part): a device reads and writes memory, not the CPU's caches, so a
 * buffer changes hands with cache maintenance to the point of coherency.
 *
 *  - To the device: the CPU's writes must be in memory.  Clean (or, for a
 *    buffer the device will write, invalidate) L1 first, then the outer
 *    cache: L1's write-backs land in L2, and L2's in memory.
 *  - Back to the CPU: lines the CPU fetched speculatively while the device
 *    wrote are stale.  Invalidate the outer cache first, then L1, so that
 *    L1 cannot refill from a stale L2 line in between.
 *
 * Highmem pages have no permanent kernel address: each is mapped with
 * kmap_atomic() for its L1 operation, as Linux does on a VIPT
 * non-aliasing cache like the Cortex-A9's.  The outer cache works by
 * physical address and needs no mapping.
 */
#include "dma-map-ops.h"
#include "dma-mapping.h"
#include "highmem.h"
#include "kernel.h"
#include "mm.h"
#include "printk.h"
#include <asm/cacheflush.h>
#include <asm/outercache.h>

/* Where @addr falls in its page (Linux's offset_in_page). */
static unsigned long dma_offset_in_page(dma_addr_t addr)
{
	return (unsigned long)(addr & (PAGE_SIZE - 1));
}

typedef void (*l1_op_t)(const void *start, size_t size, int dir);

/*
 * Apply @op to [offset, offset + size) of the pages from @page on: the
 * lowmem part in one call, highmem a page at a time through a temporary
 * mapping (Linux's dma_cache_maint_page).
 */
static void dma_cache_maint_page(struct page *page, unsigned long offset, size_t size,
				 enum dma_data_direction dir, l1_op_t op)
{
	unsigned long pfn = page_to_pfn(page) + offset / PAGE_SIZE;
	size_t left = size;

	offset %= PAGE_SIZE;
	while (left) {
		size_t len = left;

		page = pfn_to_page(pfn);
		if (PageHighMem(page)) {
			void *vaddr;

			if (len + offset > PAGE_SIZE)
				len = PAGE_SIZE - offset;
			vaddr = kmap_atomic(page);
			op((char *)vaddr + offset, len, dir);
			kunmap_atomic(vaddr);
		} else {
			op((char *)page_address(page) + offset, len, dir);
		}
		offset = 0;
		pfn++;
		left -= len;
	}
}

/* Linux's __dma_page_cpu_to_dev: L1, then the outer cache. */
static void __dma_page_cpu_to_dev(struct page *page, unsigned long off, size_t size,
				  enum dma_data_direction dir)
{
	phys_addr_t paddr = page_to_phys(page) + off;

	dma_cache_maint_page(page, off, size, dir, dmac_map_area);
	if (dir == DMA_FROM_DEVICE)
		outer_inv_range(paddr, paddr + size);
	else
		outer_clean_range(paddr, paddr + size);
}

/*
 * Linux's __dma_page_dev_to_cpu: the outer cache, then L1.  A buffer the
 * device only read holds nothing new: nothing to do.
 */
static void __dma_page_dev_to_cpu(struct page *page, unsigned long off, size_t size,
				  enum dma_data_direction dir)
{
	phys_addr_t paddr = page_to_phys(page) + off;

	if (dir == DMA_TO_DEVICE)
		return;
	outer_inv_range(paddr, paddr + size);
	dma_cache_maint_page(page, off, size, dir, dmac_unmap_area);
}

/*
 * Only memory with a struct page can be synced, and a direction must be
 * one of the three (Linux BUG()s on DMA_NONE; we refuse and say who).
 */
static struct page *dma_sync_page(dma_addr_t addr, size_t size, enum dma_data_direction dir,
				  const char *what, void *caller)
{
	if (dir != DMA_BIDIRECTIONAL && dir != DMA_TO_DEVICE && dir != DMA_FROM_DEVICE) {
		pr_err("%s: direction %d is not a DMA direction (caller %pS): not synced\n", what,
		       (int)dir, caller);
		return NULL;
	}
	if (!size || !pfn_valid(PHYS_PFN(addr)) || !pfn_valid(PHYS_PFN(addr + size - 1))) {
		pr_err("%s: %pa + 0x%zx is not in memory the kernel manages (caller %pS): not "
		       "synced\n",
		       what, &addr, size, caller);
		return NULL;
	}
	return pfn_to_page(PHYS_PFN(addr));
}

/**
 * dma_sync_single_for_device - hand a buffer to a device
 * @dev: the device (unused: every device here is non-coherent)
 * @addr: the buffer's DMA (physical) address
 * @size: its length in bytes
 * @dir: DMA_TO_DEVICE, DMA_FROM_DEVICE or DMA_BIDIRECTIONAL
 *
 * After this the device may read what the CPU wrote, and no dirty line
 * will later overwrite what the device writes.  The CPU must not touch
 * the buffer until dma_sync_single_for_cpu().
 */
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir)
{
	struct page *page = dma_sync_page(addr, size, dir, __func__, __builtin_return_address(0));

	(void)dev;
	if (page)
		__dma_page_cpu_to_dev(page, dma_offset_in_page(addr), size, dir);
}

/**
 * dma_sync_single_for_cpu - take a buffer back from a device
 * @dev: the device (unused: every device here is non-coherent)
 * @addr: the buffer's DMA (physical) address
 * @size: its length in bytes
 * @dir: the direction given to dma_sync_single_for_device()
 *
 * After this the CPU reads what the device wrote, not stale cached lines.
 */
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	struct page *page = dma_sync_page(addr, size, dir, __func__, __builtin_return_address(0));

	(void)dev;
	if (page)
		__dma_page_dev_to_cpu(page, dma_offset_in_page(addr), size, dir);
}

static void l1_flush_area(const void *start, size_t size, int dir)
{
	(void)dir;
	dmac_flush_range(start, (const char *)start + size);
}

/**
 * arch_dma_prep_coherent - make fresh pages safe to use through an uncached mapping
 * @page: the first page
 * @size: bytes from it
 *
 * A buffer a device and the CPU share without syncs is used through an
 * uncached mapping, but the kernel's cached alias of the same pages may
 * still hold dirty lines (the allocator's or a previous owner's writes)
 * that an eviction would write over the device's data.  Write them back
 * and drop them from L1 and the outer cache (the flush of Linux's ARM
 * __dma_clear_buffer; Linux's generic DMA code calls this before it maps
 * a dma_alloc_coherent() buffer uncached).
 */
void arch_dma_prep_coherent(struct page *page, size_t size)
{
	phys_addr_t base = page_to_phys(page);

	dma_cache_maint_page(page, 0, size, DMA_BIDIRECTIONAL, l1_flush_area);
	outer_flush_range(base, base + size);
}
