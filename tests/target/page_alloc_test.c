// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator on the target, after the real boot (every QEMU
 * boot runs these: 64 MiB, 256 MiB, 1 GiB):
 *
 *  - page_alloc: every free page can be allocated, at order 0 and at
 *    order 10, and freeing it all gives back exactly the free lists we
 *    started from (per zone, per order, per migratetype); highmem pages
 *    work through kmap; GFP_ATOMIC may go below min where GFP_KERNEL may
 *    not; the boot's memory overhead stays within its targets.
 *  - page_alloc_debug: the checks that stay on: a double free and a free
 *    of a reserved page are reported and the page is not put back;
 *    poisoning (page_poison=on, or switched on here) catches a write
 *    after free.
 *
 * The rest of the kernel is alive while these run (the console, other
 * suites), so every test gives back all it takes: pages, watermarks and
 * the migratetypes of the pageblocks its allocations stole.
 */
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "list.h"
#include "memblock.h"
#include "mm.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include "sections.h"
#include "vmstat.h"
#include <string.h>

#include "../mm_test.h"

/* Two at a time, too big for a test's stack frame to be comfortable. */
static struct free_state state_before, state_after;

/* ---------------------------------------------------------------- watermarks */

/*
 * "Every free page" means below the watermarks too: for the length of a
 * test they are zero, and the lowmem reserves with them.
 */
struct saved_wmarks {
	unsigned long wmark[MAX_NR_ZONES][NR_WMARK];
	long reserve[MAX_NR_ZONES][MAX_NR_ZONES];
};

static void zero_watermarks(struct saved_wmarks *s)
{
	struct zone *zone;

	for_each_zone (zone) {
		int z = zone_idx(zone);
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		memcpy(s->wmark[z], zone->_watermark, sizeof(s->wmark[z]));
		memcpy(s->reserve[z], zone->lowmem_reserve, sizeof(s->reserve[z]));
		memset(zone->_watermark, 0, sizeof(zone->_watermark));
		memset(zone->lowmem_reserve, 0, sizeof(zone->lowmem_reserve));
		spin_unlock_irqrestore(&zone->lock, flags);
	}
}

static void restore_watermarks(const struct saved_wmarks *s)
{
	struct zone *zone;

	for_each_zone (zone) {
		int z = zone_idx(zone);
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		memcpy(zone->_watermark, s->wmark[z], sizeof(s->wmark[z]));
		memcpy(zone->lowmem_reserve, s->reserve[z], sizeof(s->reserve[z]));
		spin_unlock_irqrestore(&zone->lock, flags);
	}
}

/*
 * Walk the blocks once more: each is allocated with the right order, and
 * none was handed out twice (a block on the list twice would have broken
 * the list, and would find its mark already set).
 */
static void expect_distinct_allocated(struct ktap_test *t, struct list_head *list,
				      unsigned int order, unsigned long n)
{
	const unsigned long mark = 0x600dbeefUL;
	unsigned long seen = 0, twice = 0, bad = 0;
	struct page *page;

	list_for_each_entry (page, list, lru) {
		if (page->private == mark)
			twice++;
		page->private = mark;
		if (page_ref_count(page) != 1 || page_alloc_order(page) != order ||
		    PageBuddy(page) || PageReserved(page))
			bad++;
		if (++seen > n)
			break;
	}
	list_for_each_entry (page, list, lru)
		page->private = 0;
	KTAP_EXPECT_EQ(t, seen, n);
	KTAP_EXPECT_EQ(t, twice, 0);
	KTAP_EXPECT_EQ(t, bad, 0);
}

/*
 * Allocate at @order (movable, highmem allowed: every zone and every
 * migratetype but isolated pageblocks can serve it) until the allocator
 * says no, with the watermarks at zero; then free it all.  With mobility
 * grouping off (too few pageblocks, e.g. mem=32M under MAX_ORDER=12) every
 * allocation is unmovable, so, as in Linux, none may take CMA's pages.
 */
static bool can_use(int mt)
{
	return !is_migrate_isolate(mt) && !(is_migrate_cma(mt) && page_group_by_mobility_disabled);
}

static void allocate_everything(struct ktap_test *t, unsigned int order)
{
	unsigned long per_zone[MAX_NR_ZONES] = {0}, expected[MAX_NR_ZONES] = {0};
	unsigned long n, expected_blocks = 0, changed, total = 0;
	struct saved_wmarks wmarks;
	struct zone *zone;
	LIST_HEAD(blocks);

	if (!save_pageblock_types(t))
		return;
	snapshot_free_state(&state_before);
	for_each_zone (zone) {
		int z = zone_idx(zone);

		if (order == 0) {
			expected[z] = state_before.free_pages[z];
			if (!can_use(MIGRATE_CMA))
				expected[z] -= state_before.free_cma[z];
			continue;
		}
		/* Every free block of the order, on any list an allocation may use. */
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			if (can_use(mt))
				expected[z] += state_before.blocks[z][mt][order] << order;
		expected_blocks += expected[z] >> order;
	}

	zero_watermarks(&wmarks);
	n = alloc_until_failure(GFP_HIGHUSER_MOVABLE, order, &blocks, per_zone);
	restore_watermarks(&wmarks);

	for_each_zone (zone) {
		int z = zone_idx(zone);

		if (!KTAP_EXPECT_EQ(t, per_zone[z], expected[z]))
			ktap_info("zone %s: %lu pages allocated, %lu were free", zone->name,
				  per_zone[z], expected[z]);
		if (order == 0)
			KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES),
				       state_before.free_pages[z] - (long)expected[z]);
		else
			KTAP_EXPECT_EQ(t, zone->free_area[order].nr_free,
				       state_before.nr_free[z][order] - (expected[z] >> order));
		total += expected[z];
	}
	if (order == 0)
		KTAP_EXPECT_EQ(t, n, total);
	else
		KTAP_EXPECT_EQ(t, n, expected_blocks);
	expect_distinct_allocated(t, &blocks, order, n);

	free_list_of_blocks(&blocks, order);
	changed = restore_pageblock_types(t);
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
	ktap_info(
		"%lu blocks of order %u (%lu MiB) allocated and freed; %lu pageblocks changed type",
		n, order, (n << order) >> (20 - PAGE_SHIFT), changed);
}

static void page_alloc_order0_every_free_page_and_back(struct ktap_test *t)
{
	allocate_everything(t, 0);
}

static void page_alloc_order10_every_free_block_and_back(struct ktap_test *t)
{
	allocate_everything(t, MAX_ORDER - 1);
}

/* ---------------------------------------------------------------- highmem */

#define HIGHMEM_TEST_PAGES 8

static u32 test_word(struct page *page, unsigned int i)
{
	return (u32)page_to_pfn(page) * 2654435761u + i;
}

static void page_alloc_highmem_pages_work_through_kmap(struct ktap_test *t)
{
	struct zone *highmem = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	struct page *pages[HIGHMEM_TEST_PAGES];
	unsigned long wrong = 0;
	int n;

	/* Managed, not just present: highmem that is all no-map has no page to give. */
	if (!managed_zone(highmem)) {
		ktap_skip(t, "no highmem the page allocator manages at this memory size");
		return;
	}
	/* A page or two of highmem is valid, but too little for the zonelist to pick it. */
	if (zone_page_state(highmem, NR_FREE_PAGES) <
	    (long)(high_wmark_pages(highmem) + HIGHMEM_TEST_PAGES)) {
		ktap_skip(t, "too little free highmem above its watermark for the test's pages");
		return;
	}
	if (!save_pageblock_types(t)) /* GFP_HIGHUSER is unmovable: it may claim a pageblock */
		return;
	snapshot_free_state(&state_before);
	for (n = 0; n < HIGHMEM_TEST_PAGES; n++) {
		pages[n] = alloc_pages(GFP_HIGHUSER, 0);
		if (!KTAP_EXPECT_TRUE(t, pages[n] != NULL))
			break;
		/* Highmem is free plenty: the zonelist's first zone serves. */
		KTAP_EXPECT_TRUE(t, PageHighMem(pages[n]));
		KTAP_EXPECT_PTR_EQ(t, page_address(pages[n]), NULL);
	}

	/* Written through kmap, all mapped at once... */
	for (int i = 0; i < n; i++) {
		u32 *v = kmap(pages[i]);

		KTAP_EXPECT_PTR_EQ(t, page_address(pages[i]), v);
		for (unsigned int w = 0; w < PAGE_SIZE / sizeof(u32); w++)
			v[w] = test_word(pages[i], w);
	}
	for (int i = 0; i < n; i++) {
		kunmap(pages[i]);
		KTAP_EXPECT_PTR_EQ(t, page_address(pages[i]), NULL);
	}
	/* ...and read back through kmap_atomic, two nested. */
	for (int i = 0; i + 1 < n; i += 2) {
		u32 *a = kmap_atomic(pages[i]);
		u32 *b = kmap_atomic(pages[i + 1]);

		KTAP_EXPECT_PTR_NE(t, a, b);
		for (unsigned int w = 0; w < PAGE_SIZE / sizeof(u32); w++) {
			wrong += a[w] != test_word(pages[i], w);
			wrong += b[w] != test_word(pages[i + 1], w);
		}
		kunmap_atomic(b);
		kunmap_atomic(a);
	}
	KTAP_EXPECT_EQ(t, wrong, 0);

	/* __GFP_ZERO clears a highmem page through a temporary mapping too. */
	{
		struct page *zero = alloc_pages(GFP_HIGHUSER | __GFP_ZERO, 0);
		u32 *v, nonzero = 0;

		if (KTAP_EXPECT_TRUE(t, zero != NULL)) {
			v = kmap_atomic(zero);
			for (unsigned int w = 0; w < PAGE_SIZE / sizeof(u32); w++)
				nonzero |= v[w];
			kunmap_atomic(v);
			KTAP_EXPECT_EQ(t, nonzero, 0);
			__free_page(zero);
		}
	}
	while (n--)
		__free_page(pages[n]);
	restore_pageblock_types(t);
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
}

/* ---------------------------------------------------------------- reserves */

/* Free pages of @zone an allocation without ALLOC_CMA can count. */
static long usable_free(struct zone *zone)
{
	return zone_page_state(zone, NR_FREE_PAGES) - zone_page_state(zone, NR_FREE_CMA_PAGES);
}

/*
 * Fill lowmem with GFP_KERNEL until it is refused at the min watermark;
 * GFP_ATOMIC (__GFP_HIGH | __GFP_ATOMIC) may still take pages, down to
 * 3/8 of min, as Linux's __zone_watermark_ok allows.
 */
static void page_alloc_atomic_dips_below_min_where_kernel_is_refused(struct ktap_test *t)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	long min = (long)min_wmark_pages(normal);
	long floor = min - min / 2 - (min - min / 2) / 4;
	unsigned long kernel_pages, atomic_pages, changed;
	LIST_HEAD(kernel);
	LIST_HEAD(atomic);

	if (!save_pageblock_types(t))
		return;
	snapshot_free_state(&state_before);
	kernel_pages = alloc_until_failure(GFP_KERNEL, 0, &kernel, NULL);
	drain_all_pages(NULL);
	KTAP_EXPECT_GT(t, kernel_pages, 0);
	KTAP_EXPECT_LE(t, usable_free(normal), min);
	KTAP_EXPECT_PTR_EQ(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0), NULL);

	atomic_pages = alloc_until_failure(GFP_ATOMIC, 0, &atomic, NULL);
	drain_all_pages(NULL);
	KTAP_EXPECT_GT(t, atomic_pages, 0);
	KTAP_EXPECT_LT(t, usable_free(normal), min);
	KTAP_EXPECT_LE(t, usable_free(normal), floor);
	KTAP_EXPECT_GT(t, usable_free(normal), 0);
	ktap_info("min %ld pages: GFP_KERNEL stopped at %ld free, GFP_ATOMIC at %ld (floor %ld)",
		  min, usable_free(normal) + (long)atomic_pages, usable_free(normal), floor);

	free_list_of_blocks(&atomic, 0);
	free_list_of_blocks(&kernel, 0);
	changed = restore_pageblock_types(t);
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
	ktap_info("%lu pages allocated and freed; %lu pageblocks changed type",
		  kernel_pages + atomic_pages, changed);
}

/* ---------------------------------------------------------------- memory targets */

/*
 * Bytes of mem_map the boot keeps: the node's span in whole MAX_ORDER
 * blocks, less what free_unused_memmap() gave back over holes between
 * banks (whole pages of struct pages describing whole MAX_ORDER blocks).
 */
static unsigned long mem_map_bytes_kept(void)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	unsigned long start = ALIGN_DOWN(pgdat->node_start_pfn, MAX_ORDER_NR_PAGES);
	unsigned long end = ALIGN(pgdat_end_pfn(pgdat), MAX_ORDER_NR_PAGES);
	unsigned long bytes = (end - start) * sizeof(struct page);
	unsigned long spfn, epfn, prev_end = 0;
	int i;

	for_each_mem_pfn_range (i, &spfn, &epfn) {
		spfn = ALIGN_DOWN(spfn, MAX_ORDER_NR_PAGES);
		if (prev_end && prev_end < spfn) {
			unsigned long pg = PAGE_ALIGN((unsigned long)pfn_to_page(prev_end));
			unsigned long pgend = (unsigned long)pfn_to_page(spfn) & PAGE_MASK;

			if (pg < pgend)
				bytes -= pgend - pg;
		}
		prev_end = ALIGN(epfn, MAX_ORDER_NR_PAGES);
	}
	return bytes;
}

/* Does the DT keep RAM for itself (a reserved-memory node that is not CMA)? */
static bool dt_reserves_ram(void)
{
	for (int i = 0; i < of_reserved_mem_count(); i++) {
		const struct reserved_mem *r = of_reserved_mem_get(i);

		if (r && !r->reusable && memblock_is_memory(r->base))
			return true;
	}
	return false;
}

/*
 * The memory-overhead targets, as facts about this boot: what the Memory line
 * calls reserved (neither available to the buddy allocator nor CMA: the
 * kernel image, mem_map, page tables, the DTB) is at most 1% of RAM at
 * 1 GiB, and mem_map at most 0.8% of RAM at every size.  The 1% is the
 * kernel's own overhead: a DT that keeps RAM for firmware, or splits it
 * into banks, is only reported.
 */
static void page_alloc_boot_overhead_within_targets(struct ktap_test *t)
{
	unsigned long physpages = get_num_physpages();
	unsigned long cma_lent = 0, reserved;
	unsigned long map_bytes = mem_map_bytes_kept();
	unsigned long ram_kib = K(physpages);
	struct zone *zone;

	/* The Memory line came before CMA lent its areas: they are in totalram now. */
	for_each_zone (zone)
		cma_lent += zone->cma_pages;
	reserved = physpages - totalram_pages() - (totalcma_pages - cma_lent);
	ktap_info("RAM %luK: reserved %luK (%lu.%02lu%%), mem_map %luK (%lu.%02lu%%)", ram_kib,
		  K(reserved), reserved * 100 / physpages, reserved * 10000 / physpages % 100,
		  map_bytes >> 10, (map_bytes >> 10) * 100 / ram_kib,
		  (map_bytes >> 10) * 10000 / ram_kib % 100);
	/* mem_map covers whole MAX_ORDER blocks (as Linux's): below one, 0.8% cannot hold. */
	if (physpages < MAX_ORDER_NR_PAGES) {
		ktap_skip(t, "RAM is smaller than one MAX_ORDER block, which mem_map covers whole");
		return;
	}
	KTAP_EXPECT_LE(t, (u64)(map_bytes >> 10) * 1000, (u64)ram_kib * 8);
	if (physpages < (SZ_1G >> PAGE_SHIFT) || memblock.memory.cnt != 1 || dt_reserves_ram())
		return; /* the 1% target is for 1 GiB of plain RAM */
	KTAP_EXPECT_LE(t, (u64)reserved * 100, (u64)physpages);
}

static struct ktap_case page_alloc_cases[] = {
	KTAP_CASE(page_alloc_order0_every_free_page_and_back),
	KTAP_CASE(page_alloc_order10_every_free_block_and_back),
	KTAP_CASE(page_alloc_highmem_pages_work_through_kmap),
	KTAP_CASE(page_alloc_atomic_dips_below_min_where_kernel_is_refused),
	KTAP_CASE(page_alloc_boot_overhead_within_targets),
	{},
};
KTAP_SUITE(page_alloc, page_alloc_cases);
