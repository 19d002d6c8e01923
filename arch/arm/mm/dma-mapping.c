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
#include "slab.h"
#include "vmalloc.h"
#include <asm/pgtable.h>
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

/*
 * The CMA alignment for @count pages: their own order, as Linux's
 * dma_alloc_contiguous() asks, capped at CONFIG_CMA_ALIGNMENT.
 */
static unsigned int dma_coherent_align(size_t count)
{
	return min_t(unsigned int, get_order(count << PAGE_SHIFT), CONFIG_CMA_ALIGNMENT);
}

/* An uncached kernel mapping of @count pages from @page. */
static void *dma_remap(struct page *page, size_t count)
{
	struct page **pages = kmalloc(count * sizeof(*pages), GFP_KERNEL);
	void *addr;
	size_t i;

	if (!pages)
		return NULL;
	for (i = 0; i < count; i++)
		pages[i] = page + i;
	addr = vmap(pages, (unsigned int)count, 0, MT_MEMORY_DMA_READY);
	kfree(pages);
	return addr;
}

/**
 * dma_alloc_coherent - a buffer the CPU and a device share without syncs
 * @dev: the device (its own CMA area, or the default one)
 * @size: bytes (rounded up to pages)
 * @dma_handle: set to the buffer's DMA (physical) address
 *
 * Linux's path for a non-coherent device with CMA (kernel/dma/direct.c's
 * remap case): pages from dma_alloc_from_contiguous(), zeroed through the
 * kernel's cached alias, that alias's lines written back and dropped
 * (arch_dma_prep_coherent), then an uncached mapping in the vmalloc space.
 *
 * Where we differ from Linux's ARM code: the lowmem alias stays mapped
 * cacheable (Linux's __dma_remap makes it uncached too).  The kernel never
 * touches it, but a Cortex-A9 may still fetch it speculatively; the lines
 * so fetched are clean and dropped by the next arch_dma_prep_coherent, yet
 * on silicon a mismatched alias is a risk Linux does not take.
 *
 * Return: the CPU's address of the buffer, or NULL.
 */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle)
{
	size_t count = PAGE_ALIGN(size) >> PAGE_SHIFT, i;
	struct page *page;
	void *addr;

	if (!size)
		return NULL;
	page = dma_alloc_from_contiguous(dev, count, dma_coherent_align(count), false);
	if (!page)
		return NULL;
	for (i = 0; i < count; i++)
		clear_highpage(page + i);
	arch_dma_prep_coherent(page, count << PAGE_SHIFT);
	addr = dma_remap(page, count);
	if (!addr) {
		dma_release_from_contiguous(dev, page, (int)count);
		return NULL;
	}
	*dma_handle = page_to_phys(page);
	return addr;
}

/**
 * dma_free_coherent - give back a dma_alloc_coherent() buffer
 * @dev: the device it was allocated for
 * @size: the size asked for then
 * @cpu_addr: the address dma_alloc_coherent() returned
 * @dma_handle: the DMA address it set
 */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	size_t count = PAGE_ALIGN(size) >> PAGE_SHIFT;

	vunmap(cpu_addr);
	if (!dma_release_from_contiguous(dev, phys_to_page(dma_handle), (int)count))
		pr_err("dma_free_coherent: %pa (%zu pages) is not a CMA buffer of this device\n",
		       &dma_handle, count);
}
