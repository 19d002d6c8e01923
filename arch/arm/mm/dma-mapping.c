// SPDX-License-Identifier: GPL-2.0
/*
 * DMA and the caches (Linux 6.1's arch/arm/mm/dma-mapping.c, its streaming
 * and CMA parts): a device reads and writes memory, not the CPU's caches, so a
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
 *
 * The coherent part (dma_alloc_coherent) hands out CMA buffers the CPU
 * uses uncached, with no cacheable mapping of them left: the linear map
 * of a lowmem buffer is itself made uncached, a page at a time (the CMA
 * areas are mapped with pages since boot for this, pgtable.c).
 */
#include "cma.h"
#include "dma-map-ops.h"
#include "dma-mapping.h"
#include "highmem.h"
#include "kernel.h"
#include "mm.h"
#include "printk.h"
#include "slab.h"
#include "vmalloc.h"
#include <asm/cacheflush.h>
#include <asm/mmu.h>
#include <asm/outercache.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

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

/* The lowmem tables exist since paging_init: none is ever made here. */
static phys_addr_t dma_no_new_table(void)
{
	return 0;
}

static const struct pgtable_ops dma_pgtable_ops = {
	.alloc_pte_table = dma_no_new_table,
	.publish = flush_pmd_entry,
};

/*
 * Linux's __dma_remap: the linear map of the lowmem pages @page..+@count
 * becomes @type (MT_DMA_COHERENT, or MT_MEMORY_DMA_READY again), on every
 * CPU (change_pte_mapping_type: break-before-make, the TLB invalidated in
 * the inner-shareable form).
 */
static int __dma_remap(struct page *page, size_t count, unsigned int type)
{
	struct map_desc md = {
		.virtual = (unsigned long)page_address(page),
		.phys = page_to_phys(page),
		.length = count << PAGE_SHIFT,
		.type = type,
	};

	return change_pte_mapping_type(kernel_pgd, &md, &dma_pgtable_ops);
}

/* A second, uncached kernel mapping of @count pages from @page (dma_common_contiguous_remap). */
static void *dma_common_contiguous_remap(struct page *page, size_t count)
{
	struct page **pages = kmalloc(count * sizeof(*pages), GFP_KERNEL);
	void *addr;
	size_t i;

	if (!pages)
		return NULL;
	for (i = 0; i < count; i++)
		pages[i] = page + i;
	addr = vmap(pages, (unsigned int)count, 0, MT_DMA_COHERENT);
	kfree(pages);
	return addr;
}

/*
 * Between arch_dma_prep_coherent() and the moment no cacheable translation
 * of the buffer is left in any TLB, a CPU may have fetched lines of it
 * speculatively: clean copies of the zeroed buffer, which a later read
 * with mismatched attributes could hit instead of what the device wrote.
 * Drop them, through the uncached mapping @addr now the only one (a by-MVA
 * operation acts on the lines holding the physical address) and from the
 * outer cache by physical address.  Not in Linux, which leaves this
 * window open.
 */
static void dma_drop_speculated_lines(void *addr, phys_addr_t paddr, size_t size)
{
	outer_inv_range(paddr, paddr + size);
	dmac_unmap_area(addr, size, DMA_FROM_DEVICE);
}

/*
 * What dma_alloc_coherent() did, undone: the alias cacheable again (lowmem)
 * and the pages back.  A page whose alias stayed uncached must not be handed
 * out as ordinary memory: if the remap fails, the pages are kept.
 */
static void dma_coherent_release(struct device *dev, struct page *page, size_t count)
{
	int err = PageHighMem(page) ? 0 : __dma_remap(page, count, MT_MEMORY_DMA_READY);

	if (err)
		pr_err("dma: cannot restore the linear map of %pa (+%zu pages): error %d, pages "
		       "kept\n",
		       &(phys_addr_t){page_to_phys(page)}, count, err);
	else
		dma_release_from_contiguous(dev, page, (int)count);
}

/**
 * dma_alloc_coherent - a buffer the CPU and a device share without syncs
 * @dev: the device (its own CMA area, or the default one)
 * @size: bytes (rounded up to pages)
 * @dma_handle: set to the buffer's DMA (physical) address
 *
 * Linux 6.1's ARM path for a non-coherent device with CMA
 * (__alloc_from_contiguous): pages from dma_alloc_from_contiguous(),
 * zeroed through the kernel's cached alias, that alias's lines written
 * back and dropped (arch_dma_prep_coherent, Linux's __dma_clear_buffer);
 * then, for lowmem, the buffer's own pages of the linear map made
 * uncached (__dma_remap: the CMA areas are mapped with pages since boot)
 * and the linear address returned; for highmem, which has no linear
 * alias, a new uncached mapping in the vmalloc space.  Either way no
 * cacheable mapping of the buffer is left, as the ARM ARM asks: a
 * Cortex-A9 may fetch any cacheable mapping speculatively, and a line so
 * fetched could hide what the device writes.  A buffer is all lowmem or
 * all highmem: cma_activate_area() refuses an area that spans two zones.
 *
 * Where we differ: the remap is break-before-make, and lines fetched
 * speculatively before it are dropped afterwards (see above).
 *
 * Return: the CPU's address of the buffer, or NULL.
 */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle)
{
	size_t count = PAGE_ALIGN(size) >> PAGE_SHIFT, i;
	struct page *page;
	void *addr;
	int err;

	if (!size)
		return NULL;
	page = dma_alloc_from_contiguous(dev, count, dma_coherent_align(count), false);
	if (!page)
		return NULL;
	for (i = 0; i < count; i++)
		clear_highpage(page + i);
	arch_dma_prep_coherent(page, count << PAGE_SHIFT);

	if (PageHighMem(page)) {
		addr = dma_common_contiguous_remap(page, count);
		if (!addr) {
			dma_release_from_contiguous(dev, page, (int)count);
			return NULL;
		}
	} else {
		err = __dma_remap(page, count, MT_DMA_COHERENT);
		if (err) {
			pr_err("dma: cannot make the linear map of %pa (+%zu pages) uncached: "
			       "error %d\n",
			       &(phys_addr_t){page_to_phys(page)}, count, err);
			dma_release_from_contiguous(dev, page, (int)count);
			return NULL;
		}
		addr = page_address(page);
	}
	dma_drop_speculated_lines(addr, page_to_phys(page), count << PAGE_SHIFT);
	*dma_handle = page_to_phys(page);
	return addr;
}

/*
 * Is @cpu_addr, @count pages at @page, what dma_alloc_coherent() handed
 * out?  The pages must be @dev's CMA pages, the address the one it
 * returned, and a lowmem buffer's linear ptes still uncached (not freed
 * already).
 */
static bool dma_coherent_buffer_ok(struct device *dev, struct page *page, size_t count,
				   const void *cpu_addr)
{
	const u32 coherent = get_mem_type(MT_DMA_COHERENT)->prot_pte;

	if (!cma_pages_valid(dev_get_cma_area(dev), page, count))
		return false;
	if (PageHighMem(page))
		return find_vm_area(cpu_addr) != NULL;
	if (cpu_addr != page_address(page))
		return false;
	for (size_t i = 0; i < count; i++) {
		int level;
		u32 *pte =
			lookup_address(kernel_pgd, (unsigned long)page_address(page + i), &level);

		if (!pte || level != 2 || (*pte & ~PAGE_MASK) != coherent)
			return false;
	}
	return true;
}

/**
 * dma_free_coherent - give back a dma_alloc_coherent() buffer
 * @dev: the device it was allocated for
 * @size: the size asked for then
 * @cpu_addr: the address dma_alloc_coherent() returned
 * @dma_handle: the DMA address it set
 *
 * Linux's __free_from_contiguous: the uncached vmap unmapped (highmem) or
 * the linear map made cacheable again (lowmem; the pages hold no cache
 * lines, so none needs maintenance), then the pages go back to CMA.  A
 * buffer that is not one (a wrong size, handle or address, a double free)
 * is reported and left alone: Linux would remap whatever pages it names.
 */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	size_t count = PAGE_ALIGN(size) >> PAGE_SHIFT;
	struct page *page;

	if (!size || !pfn_valid(PHYS_PFN(dma_handle)) || (dma_handle & ~PAGE_MASK))
		goto bad;
	page = phys_to_page(dma_handle);
	if (!dma_coherent_buffer_ok(dev, page, count, cpu_addr))
		goto bad;
	if (PageHighMem(page))
		vunmap(cpu_addr);
	dma_coherent_release(dev, page, count);
	return;
bad:
	pr_err("dma_free_coherent: %p, %pa (%zu bytes) is not a coherent buffer of this device "
	       "(caller %pS)\n",
	       cpu_addr, &dma_handle, size, __builtin_return_address(0));
}
