// SPDX-License-Identifier: GPL-2.0
/*
 * The Contiguous Memory Allocator (Linux's mm/cma.c, 6.1).
 *
 * Three moments in an area's life:
 *
 *  - reservation, while memblock is the allocator: cma_declare_contiguous()
 *    finds and reserves the range (or the DT code reserved it and calls
 *    cma_init_reserved_mem()); the area is entered in cma_areas[] and its
 *    pages in totalcma_pages, which the Memory: line reports;
 *  - activation, once the buddy allocator runs: cma_init_reserved_areas()
 *    hands every pageblock to the buddy allocator as MIGRATE_CMA, where
 *    only movable allocations may use it;
 *  - use: cma_alloc() marks a range in the area's bitmap and takes it back
 *    with alloc_contig_range(), which migrates the movable pages out;
 *    cma_release() frees the pages and clears the bits.
 */
#define pr_fmt(fmt) "cma: " fmt

#include "cma.h"
#include "mm.h"
#include "gfp.h"
#include "memblock.h"
#include "page-isolation.h"
#include "printk.h"
#include "internal.h"
#include <string.h>

struct cma cma_areas[MAX_CMA_AREAS];
unsigned int cma_area_count;

/**
 * cma_get_base - the physical base of @cma
 * @cma: the area
 */
phys_addr_t cma_get_base(const struct cma *cma)
{
	return PFN_PHYS(cma->base_pfn);
}

/**
 * cma_get_size - the size of @cma in bytes
 * @cma: the area
 */
unsigned long cma_get_size(const struct cma *cma)
{
	return cma->count << PAGE_SHIFT;
}

/**
 * cma_get_name - the name of @cma
 * @cma: the area
 */
const char *cma_get_name(const struct cma *cma)
{
	return cma->name;
}

/* ---------------------------------------------------------------- the bitmap */

static unsigned long cma_bitmap_maxno(const struct cma *cma)
{
	return cma->count >> cma->order_per_bit;
}

static bool cma_test_bit(const unsigned long *map, unsigned long nr)
{
	return map[nr / BITS_PER_LONG] & BIT(nr % BITS_PER_LONG);
}

static void cma_set_bits(unsigned long *map, unsigned long start, unsigned long nr)
{
	for (unsigned long i = start; i < start + nr; i++)
		map[i / BITS_PER_LONG] |= BIT(i % BITS_PER_LONG);
}

static void cma_clear_bits(unsigned long *map, unsigned long start, unsigned long nr)
{
	for (unsigned long i = start; i < start + nr; i++)
		map[i / BITS_PER_LONG] &= ~BIT(i % BITS_PER_LONG);
}

/* The first bit in [start, size) equal to @set, or size. */
static unsigned long cma_find_bit(const unsigned long *map, unsigned long size, unsigned long start,
				  bool set)
{
	const unsigned long skip = set ? 0UL : ~0UL; /* a word with no bit of interest */

	while (start < size) {
		if (start % BITS_PER_LONG == 0 && map[start / BITS_PER_LONG] == skip) {
			start += BITS_PER_LONG;
			continue;
		}
		if (cma_test_bit(map, start) == set)
			return start;
		start++;
	}
	return size;
}

/*
 * Linux's bitmap_find_next_zero_area_off(): the first run of @nr clear
 * bits at or after @start whose index plus @align_offset is a multiple of
 * @align_mask + 1.  Returns an index whose run ends past @size if none.
 */
static unsigned long cma_find_zero_area(const unsigned long *map, unsigned long size,
					unsigned long start, unsigned long nr,
					unsigned long align_mask, unsigned long align_offset)
{
	unsigned long index, end, i;

	for (;;) {
		index = cma_find_bit(map, size, start, false);
		index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;
		end = index + nr;
		if (end > size || end < index)
			return size;
		i = cma_find_bit(map, end, index, true);
		if (i >= end)
			return index;
		start = i + 1;
	}
}

/* Bitmap mask for an alignment of 2^@align_order pages. */
static unsigned long cma_bitmap_aligned_mask(const struct cma *cma, unsigned int align_order)
{
	if (align_order <= cma->order_per_bit)
		return 0;
	return (1UL << (align_order - cma->order_per_bit)) - 1;
}

/* How far the base is from that alignment, in bits: the bitmap's bit 0 is base_pfn. */
static unsigned long cma_bitmap_aligned_offset(const struct cma *cma, unsigned int align_order)
{
	return (cma->base_pfn & ((1UL << align_order) - 1)) >> cma->order_per_bit;
}

static unsigned long cma_bitmap_pages_to_bits(const struct cma *cma, unsigned long pages)
{
	return ALIGN(pages, 1UL << cma->order_per_bit) >> cma->order_per_bit;
}

static void cma_clear_bitmap(struct cma *cma, unsigned long pfn, unsigned long count)
{
	unsigned long bitmap_no = (pfn - cma->base_pfn) >> cma->order_per_bit;
	unsigned long bits = cma_bitmap_pages_to_bits(cma, count);
	unsigned long flags;

	spin_lock_irqsave(&cma->lock, flags);
	cma_clear_bits(cma->bitmap, bitmap_no, bits);
	cma_clear_bits(cma->heads, bitmap_no, bits);
	spin_unlock_irqrestore(&cma->lock, flags);
}

/*
 * Bits of the allocation that starts at bit @start: up to the first bit
 * that is free or starts another allocation.  0 if none starts there.
 */
static unsigned long cma_allocation_bits(const struct cma *cma, unsigned long start)
{
	unsigned long end = start + 1, maxno = cma_bitmap_maxno(cma);

	if (!cma_test_bit(cma->heads, start))
		return 0;
	while (end < maxno && cma_test_bit(cma->bitmap, end) && !cma_test_bit(cma->heads, end))
		end++;
	return end - start;
}

/**
 * cma_used_pages - pages of @cma handed out by cma_alloc() now
 * @cma: the area
 *
 * Linux's debugfs "used" file, as a function.
 */
unsigned long cma_used_pages(struct cma *cma)
{
	unsigned long used = 0;

	if (!cma->bitmap)
		return 0;
	for (unsigned long i = 0; i < cma_bitmap_maxno(cma); i++)
		used += cma_test_bit(cma->bitmap, i);
	return used << cma->order_per_bit;
}

/* ---------------------------------------------------------------- activation */

static unsigned int order_for_bytes(size_t bytes)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

/*
 * Give the pages of an area that cannot be used back to the buddy
 * allocator as ordinary memory (Linux's behaviour).  Only PG_reserved
 * pages: anything else is not the area's to give.
 */
static void cma_release_unusable(struct cma *cma)
{
	for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count; pfn++)
		if (pfn_valid(pfn) && PageReserved(pfn_to_page(pfn)))
			free_reserved_page(pfn_to_page(pfn));
}

static void cma_activate_area(struct cma *cma)
{
	unsigned long base_pfn = cma->base_pfn, pfn;
	size_t bitmap_longs = BITS_TO_LONGS(cma_bitmap_maxno(cma));
	bool release = !cma->reserve_pages_on_error;
	const char *why = NULL;
	struct page *bitmap_page;
	struct zone *zone;

	/*
	 * alloc_contig_range() works inside one zone, so the whole area must
	 * be in one; and all of it must still be reserved memory (ours: a
	 * check Linux does not make, see cma_release_unusable()).
	 */
	if (!pfn_valid(base_pfn)) {
		why = "it is not memory";
		goto not_usable;
	}
	zone = page_zone(pfn_to_page(base_pfn));
	for (pfn = base_pfn; pfn < base_pfn + cma->count; pfn++) {
		if (!pfn_valid(pfn)) {
			why = "it is not all memory";
			goto not_usable;
		}
		if (page_zone(pfn_to_page(pfn)) != zone) {
			why = "it spans two zones";
			goto not_usable;
		}
		if (!PageReserved(pfn_to_page(pfn))) {
			/* What is still reserved may be someone else's: keep it. */
			why = "part of it is no longer reserved";
			release = false;
			goto not_usable;
		}
	}

	/* Linux kzallocs the bitmap; without a slab, whole lowmem pages, heads after it. */
	cma->bitmap_order = order_for_bytes(2 * bitmap_longs * sizeof(long));
	bitmap_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, cma->bitmap_order);
	if (!bitmap_page) {
		why = "no memory for its bitmap";
		goto not_usable;
	}
	cma->bitmap = page_address(bitmap_page);
	cma->heads = cma->bitmap + bitmap_longs;

	for (pfn = base_pfn; pfn < base_pfn + cma->count; pfn += pageblock_nr_pages)
		init_cma_reserved_pageblock(pfn_to_page(pfn));
	spin_lock_init(&cma->lock);
	return;

not_usable:
	if (release)
		cma_release_unusable(cma);
	totalcma_pages -= cma->count;
	cma->count = 0;
	pr_err("CMA area %s could not be activated\n", cma->name);
	pr_err("CMA area %s: %s\n", cma->name, why);
}

/**
 * cma_init_reserved_areas - lend every reserved area to the buddy allocator
 *
 * Each pageblock becomes MIGRATE_CMA and is freed into the buddy lists
 * (init_cma_reserved_pageblock()), and the area gets its bitmap.  An area
 * that spans two zones cannot be used by alloc_contig_range(): it is
 * reported ("CMA area X could not be activated") and its pages are given
 * to the buddy allocator as ordinary memory.  Call once after
 * mm_core_init(), then init_per_zone_wmark_min() (Linux: CMA's
 * core_initcall runs before the watermark postcore_initcall).
 *
 * Return: 0.
 */
int cma_init_reserved_areas(void)
{
	for (unsigned int i = 0; i < cma_area_count; i++)
		if (cma_areas[i].count)
			cma_activate_area(&cma_areas[i]);
	return 0;
}

/* Bytes of [base, base + size) that memblock has reserved. */
static phys_addr_t reserved_bytes(phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;
	phys_addr_t covered = 0;

	for_each_memblock (reserved, r) {
		phys_addr_t lo = max(base, r->base), hi = min(base + size, r->base + r->size);

		if (lo < hi)
			covered += hi - lo;
	}
	return covered;
}

/**
 * cma_drop_unreserved_areas - give up areas memblock no longer reserves entirely
 *
 * Not in Linux.  When the DT code refuses a /reserved-memory node it gives
 * the node's memory back, even where it overlaps a CMA area another node
 * made; that area would then hand pages to the buddy allocator twice.  So
 * once the DT's reservations are done (dma_contiguous_reserve() calls this
 * first), such an area is reported and dropped: it leaves totalcma_pages,
 * and what is still reserved of it stays reserved, since it may be another
 * reservation's too.
 */
void cma_drop_unreserved_areas(void)
{
	for (unsigned int i = 0; i < cma_area_count; i++) {
		struct cma *cma = &cma_areas[i];

		if (!cma->count || reserved_bytes(cma_get_base(cma), cma_get_size(cma)) ==
					   (phys_addr_t)cma_get_size(cma))
			continue;
		pr_err("CMA area %s at 0x%08llx - 0x%08llx: part of it is no longer reserved: "
		       "skipped\n",
		       cma->name, cma_get_base(cma), cma_get_base(cma) + cma_get_size(cma) - 1);
		totalcma_pages -= cma->count;
		cma->count = 0;
	}
}

/* ---------------------------------------------------------------- reservation */

/**
 * cma_init_reserved_mem - make an area of memory memblock already reserved
 * @base: physical base, pageblock aligned
 * @size: bytes, pageblock aligned
 * @order_per_bit: pages per bitmap bit, as an order
 * @name: the area's name (copied), or NULL for "cmaN"
 * @res_cma: set to the new area
 *
 * Used for the DT's reusable shared-dma-pool nodes and by
 * cma_declare_contiguous_nid().  Adds the pages to totalcma_pages.
 *
 * Return: 0, -EINVAL (not reserved, misaligned), -EBUSY (overlaps another
 * area) or -ENOSPC.
 */
int cma_init_reserved_mem(phys_addr_t base, phys_addr_t size, unsigned int order_per_bit,
			  const char *name, struct cma **res_cma)
{
	struct cma *cma;

	if (cma_area_count == ARRAY_SIZE(cma_areas)) {
		pr_err("Not enough slots for CMA reserved regions!\n");
		return -ENOSPC;
	}
	if (!size || !memblock_is_region_reserved(base, size))
		return -EINVAL;
	/* The bitmap's granule must divide a pageblock. */
	if (order_per_bit > pageblock_order ||
	    !IS_ALIGNED(CMA_MIN_ALIGNMENT_PAGES, 1UL << order_per_bit))
		return -EINVAL;
	if (!IS_ALIGNED(base | size, CMA_MIN_ALIGNMENT_BYTES))
		return -EINVAL;
	/* Ours: two areas over the same pages would lend them to the buddy allocator twice. */
	for (unsigned int i = 0; i < cma_area_count; i++) {
		phys_addr_t other = cma_get_base(&cma_areas[i]);

		if (base < other + cma_get_size(&cma_areas[i]) && other < base + size) {
			pr_err("area %s at 0x%08llx - 0x%08llx overlaps area %s at 0x%08llx - "
			       "0x%08llx: skipped\n",
			       name ? name : "(unnamed)", base, base + size - 1, cma_areas[i].name,
			       other, other + cma_get_size(&cma_areas[i]) - 1);
			return -EBUSY;
		}
	}

	/* Activated later, when the buddy allocator can take the pages. */
	cma = &cma_areas[cma_area_count];
	memset(cma, 0, sizeof(*cma));
	if (name)
		scnprintf(cma->name, sizeof(cma->name), "%s", name);
	else
		scnprintf(cma->name, sizeof(cma->name), "cma%u", cma_area_count);
	cma->base_pfn = PFN_DOWN(base);
	cma->count = (unsigned long)(size >> PAGE_SHIFT);
	cma->order_per_bit = order_per_bit;
	*res_cma = cma;
	cma_area_count++;
	totalcma_pages += (unsigned long)(size / PAGE_SIZE);
	return 0;
}

static bool is_power_of_2(phys_addr_t n)
{
	return n && !(n & (n - 1));
}

/*
 * The physical address where highmem begins, from high_memory (ARM's
 * mmu.c records it in adjust_lowmem_bounds(), before arm_memblock_init());
 * PHYS_ADDR_MAX if no split is recorded (the fuzzer; host tests without
 * highmem).
 */
static phys_addr_t cma_highmem_start(void)
{
	/* Not __pa(high_memory): that is not a linear-map address (Linux's reasoning). */
	if (!high_memory)
		return PHYS_ADDR_MAX;
	return __pa((char *)high_memory - 1) + 1;
}

/* Does [base, base + size) lie in memory the kernel may map (no NOMAP)? */
static bool cma_region_is_ram(phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;

	if (!memblock_is_region_memory(base, size))
		return false;
	for_each_memblock (memory, r)
		if ((r->flags & MEMBLOCK_NOMAP) && base < r->base + r->size &&
		    r->base < base + size)
			return false;
	return true;
}

/**
 * cma_declare_contiguous_nid - reserve a contiguous area from memblock
 * @base: physical base, or 0 to place it anywhere in [0, @limit)
 * @size: bytes; rounded up to the alignment
 * @limit: end (exclusive) of where it may go, 0 for the end of memory
 * @alignment: power of two, or 0; raised to CMA_MIN_ALIGNMENT_BYTES
 * @order_per_bit: pages per bitmap bit, as an order
 * @fixed: reserve exactly at @base, or fail
 * @name: the area's name (copied), or NULL for "cmaN"
 * @res_cma: set to the new area
 * @nid: node, NUMA_NO_NODE (ignored: one node)
 *
 * Linux 6.1's placement: top-down; when [@base, @limit) straddles the
 * lowmem/highmem boundary, highmem is tried first, since an area must lie
 * in one zone.  Prints "cma: Reserved N MiB at 0x..." or says why not
 * (beyond Linux, which prints only "Failed to reserve": a fixed area
 * outside RAM or over reserved memory, a size larger than RAM, no room).
 * Must run before the buddy allocator exists.
 *
 * Return: 0, -EINVAL, -EBUSY, -ENOMEM or -ENOSPC (no free slot).
 */
int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size, phys_addr_t limit,
			       phys_addr_t alignment, unsigned int order_per_bit, bool fixed,
			       const char *name, struct cma **res_cma, int nid)
{
	phys_addr_t memblock_end = memblock_end_of_DRAM();
	phys_addr_t highmem_start = cma_highmem_start();
	int ret = 0;

	(void)nid;
	if (cma_area_count == ARRAY_SIZE(cma_areas)) {
		pr_err("Not enough slots for CMA reserved regions!\n");
		return -ENOSPC;
	}
	if (!size)
		return -EINVAL;
	if (alignment && !is_power_of_2(alignment)) {
		pr_err("alignment 0x%llx is not a power of two\n", alignment);
		return -EINVAL;
	}

	/*
	 * Whole pageblocks at both ends, or the buddy allocator could merge
	 * CMA pages into a neighbouring block of another type.
	 */
	alignment = max_t(phys_addr_t, alignment, CMA_MIN_ALIGNMENT_BYTES);
	if (fixed && (base & (alignment - 1))) {
		ret = -EINVAL;
		pr_err("Region at %pa must be aligned to %pa bytes\n", &base, &alignment);
		goto err;
	}
	base = ALIGN(base, alignment);
	size = ALIGN(size, alignment);
	limit &= ~(alignment - 1);

	if (!base)
		fixed = false;

	if (!IS_ALIGNED(size >> PAGE_SHIFT, 1ULL << order_per_bit))
		return -EINVAL;

	/* Ours: Linux would reserve memory that does not exist and crash later. */
	if (size > memblock_phys_mem_size()) {
		ret = -EINVAL;
		pr_err("%llu MiB is more than all of RAM (%llu MiB)\n", size / SZ_1M,
		       memblock_phys_mem_size() / SZ_1M);
		goto err;
	}
	if (fixed && !cma_region_is_ram(base, size)) {
		ret = -EINVAL;
		pr_err("0x%08llx - 0x%08llx is not inside RAM (0x%08llx - 0x%08llx, no-map "
		       "excluded)\n",
		       base, base + size - 1, memblock_start_of_DRAM(), memblock_end - 1);
		goto err;
	}

	/* An area must lie in one zone. */
	if (fixed && base < highmem_start && base + size > highmem_start) {
		ret = -EINVAL;
		pr_err("Region at %pa defined on low/high memory boundary (%pa)\n", &base,
		       &highmem_start);
		goto err;
	}

	if (limit == 0 || limit > memblock_end)
		limit = memblock_end;

	if (base + size > limit) {
		ret = -EINVAL;
		pr_err("Size (%pa) of region at %pa exceeds limit (%pa)\n", &size, &base, &limit);
		goto err;
	}

	if (fixed) {
		if (memblock_is_region_reserved(base, size)) {
			ret = -EBUSY;
			pr_err("0x%08llx - 0x%08llx overlaps memory that is already reserved\n",
			       base, base + size - 1);
			goto err;
		}
		if (memblock_reserve(base, size) < 0) {
			ret = -ENOMEM;
			pr_err("0x%08llx - 0x%08llx could not be reserved (memblock is full)\n",
			       base, base + size - 1);
			goto err;
		}
	} else {
		phys_addr_t addr = 0;

		/*
		 * Straddling the lowmem/highmem boundary is not allowed, so try
		 * highmem first (it is worth less to the kernel), then lowmem.
		 */
		if (base < highmem_start && limit > highmem_start) {
			addr = memblock_phys_alloc_range(size, alignment, highmem_start, limit);
			limit = highmem_start;
		}
		/*
		 * Linux tries bottom-up above 4 GiB first when phys_addr_t is
		 * 64-bit; there is no memory above 4 GiB here (no LPAE).
		 */
		if (!addr) {
			addr = memblock_phys_alloc_range(size, alignment, base, limit);
			if (!addr) {
				ret = -ENOMEM;
				/* Ours; the search really starts where RAM does. */
				pr_err("no free %llu MiB block between 0x%08llx and 0x%08llx\n",
				       size / SZ_1M, max(base, memblock_start_of_DRAM()), limit);
				goto err;
			}
		}
		base = addr;
	}

	ret = cma_init_reserved_mem(base, size, order_per_bit, name, res_cma);
	if (ret)
		goto free_mem;

	pr_info("Reserved %ld MiB at %pa\n", (long)(size / SZ_1M), &base);
	return 0;

free_mem:
	memblock_phys_free(base, size);
err:
	pr_err("Failed to reserve %ld MiB\n", (long)(size / SZ_1M));
	return ret;
}

/* ---------------------------------------------------------------- allocation */

/*
 * Linux's cma_mutex: one alloc_contig_range() at a time, so two areas (or
 * two ranges of one) that share a pageblock do not fail each other's
 * isolation.  Nothing here sleeps, so a waiter spins, with interrupts on.
 */
static DEFINE_SPINLOCK(cma_mutex);

/**
 * cma_alloc - allocate contiguous pages from an area
 * @cma: the area
 * @count: pages
 * @align: alignment of the first page's frame number, as an order
 * @no_warn: no "cma_alloc: alloc failed" message
 *
 * Finds a free range in the bitmap and takes it out of the buddy
 * allocator with alloc_contig_range(), migrating the movable pages that
 * use it; a range that cannot be emptied is skipped for the next one.
 *
 * Return: the first page (each of the @count pages has its own
 * reference), or NULL.
 */
struct page *cma_alloc(struct cma *cma, unsigned long count, unsigned int align, bool no_warn)
{
	unsigned long mask, offset, bitmap_maxno, bitmap_no, bitmap_count, pfn, flags;
	unsigned long start = 0;
	struct page *page = NULL;
	int ret = -ENOMEM;

	if (!cma || !cma->count || !cma->bitmap || !count)
		return NULL;
	/* Ours: an alignment beyond the address space would overflow the masks. */
	if (align >= BITS_PER_LONG - 1) {
		ret = -EINVAL;
		goto fail;
	}

	mask = cma_bitmap_aligned_mask(cma, align);
	offset = cma_bitmap_aligned_offset(cma, align);
	bitmap_maxno = cma_bitmap_maxno(cma);
	bitmap_count = cma_bitmap_pages_to_bits(cma, count);
	if (bitmap_count > bitmap_maxno)
		return NULL;

	for (;;) {
		spin_lock_irqsave(&cma->lock, flags);
		bitmap_no = cma_find_zero_area(cma->bitmap, bitmap_maxno, start, bitmap_count, mask,
					       offset);
		if (bitmap_no >= bitmap_maxno) {
			spin_unlock_irqrestore(&cma->lock, flags);
			break;
		}
		/* Ours from now on: a failure below clears the bits again. */
		cma_set_bits(cma->bitmap, bitmap_no, bitmap_count);
		cma_set_bits(cma->heads, bitmap_no, 1);
		spin_unlock_irqrestore(&cma->lock, flags);

		pfn = cma->base_pfn + (bitmap_no << cma->order_per_bit);
		spin_lock(&cma_mutex);
		ret = alloc_contig_range(pfn, pfn + count, MIGRATE_CMA,
					 GFP_KERNEL | (no_warn ? __GFP_NOWARN : 0));
		spin_unlock(&cma_mutex);
		if (ret == 0) {
			page = pfn_to_page(pfn);
			break;
		}
		cma_clear_bitmap(cma, pfn, count);
		if (ret != -EBUSY)
			break;
		pr_debug("%s(): memory range at pfn 0x%lx is busy, retrying\n", __func__, pfn);
		/* The next candidate starts one alignment step further. */
		start = bitmap_no + mask + 1;
	}
	if (page)
		return page;
fail:
	if (!no_warn)
		pr_err("%s: %s: alloc failed, req-size: %lu pages, ret: %d\n", __func__, cma->name,
		       count, ret);
	return NULL;
}

/**
 * cma_pages_valid - do @pages lie in @cma?
 * @cma: the area (NULL: no)
 * @pages: first page (NULL: no)
 * @count: pages
 *
 * Linux checks the first page only; we check that all @count do.
 */
bool cma_pages_valid(struct cma *cma, const struct page *pages, unsigned long count)
{
	unsigned long pfn;

	if (!cma || !pages)
		return false;
	pfn = page_to_pfn(pages);
	if (pfn < cma->base_pfn || pfn >= cma->base_pfn + cma->count)
		return false;
	/* Linux has a VM_BUG_ON for this in cma_release(). */
	return count <= cma->base_pfn + cma->count - pfn;
}

/*
 * Is [@pfn, @pfn + @count) exactly one allocation cma_alloc() handed out?
 * Says what is wrong, and who asked, if not; the caller holds cma->lock.
 * Ours: Linux trusts the count, so a count too large frees a neighbour's
 * pages, which the next cma_alloc() hands out again while their owner
 * still uses them.
 */
static bool cma_release_owned(const struct cma *cma, unsigned long pfn, unsigned long count,
			      unsigned long caller)
{
	unsigned long bitmap_no = (pfn - cma->base_pfn) >> cma->order_per_bit;
	unsigned long bits = cma_bitmap_pages_to_bits(cma, count), owned;

	if ((pfn - cma->base_pfn) & ((1UL << cma->order_per_bit) - 1)) {
		pr_err("cma_release: %s: pfn 0x%lx is not the first page of an allocation "
		       "(caller %pS)\n",
		       cma->name, pfn, (void *)caller);
		return false;
	}
	owned = cma_allocation_bits(cma, bitmap_no);
	if (!owned) {
		pr_err("cma_release: %s: pfn 0x%lx+%lu was not allocated from this area%s "
		       "(caller %pS)\n",
		       cma->name, pfn, count,
		       cma_test_bit(cma->bitmap, bitmap_no) ? " (it is inside another allocation)"
							    : "",
		       (void *)caller);
		return false;
	}
	if (owned != bits) {
		pr_err("cma_release: %s: pfn 0x%lx: releasing %lu pages of an allocation of %lu "
		       "(caller %pS)\n",
		       cma->name, pfn, count, owned << cma->order_per_bit, (void *)caller);
		return false;
	}
	return true;
}

/**
 * cma_release - give back what cma_alloc() returned
 * @cma: the area
 * @pages: the first page
 * @count: the same count
 *
 * Return: false, with nothing freed and a message naming the caller, if
 * the pages are not all in @cma or are not exactly one allocation from it
 * (another allocation's page, the wrong count, a range already released).
 */
bool cma_release(struct cma *cma, const struct page *pages, unsigned long count)
{
	unsigned long pfn, flags;
	bool owned;

	if (!cma_pages_valid(cma, pages, count) || !cma->bitmap)
		return false;
	pfn = page_to_pfn(pages);
	/*
	 * Under the area's lock: cma_alloc() sets a new allocation's bits and
	 * then its head bit, and an allocation just after this one, seen in
	 * between, would look like part of it.
	 */
	spin_lock_irqsave(&cma->lock, flags);
	owned = cma_release_owned(cma, pfn, count, _RET_IP_);
	spin_unlock_irqrestore(&cma->lock, flags);
	if (WARN_ON(!owned))
		return false;
	free_contig_range(pfn, count);
	cma_clear_bitmap(cma, pfn, count);
	return true;
}

/**
 * cma_for_each_area - call @it for each area until it returns non-zero
 * @it: the function
 * @data: passed to it
 *
 * Return: the first non-zero value, or 0.
 */
int cma_for_each_area(int (*it)(struct cma *cma, void *data), void *data)
{
	for (unsigned int i = 0; i < cma_area_count; i++) {
		int ret = it(&cma_areas[i], data);

		if (ret)
			return ret;
	}
	return 0;
}

/**
 * cma_reset - forget every area and totalcma_pages
 *
 * Not in Linux (which boots once): host tests, mmsim and the fuzzer boot
 * many times in one process.  The memory of the areas is not touched.
 */
void cma_reset(void)
{
	memset(cma_areas, 0, sizeof(cma_areas));
	cma_area_count = 0;
	totalcma_pages = 0;
}
