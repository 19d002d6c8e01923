// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator on the host, booted exactly as the target boots it
 * (memblock → free_area_init → mm_core_init): splitting and merging at
 * every order, zone edges and holes, highmem, zone and migratetype
 * fallback, watermarks, pcp lists, CMA and isolation hooks, and the boot
 * report's format.  Bad-page reports and poisoning are
 * tests/target/page_alloc_debug_test.c's, which runs here too.
 */
#include "ktap.h"
#include "host_boot.h"
#include "host_mm.h"
#include "vmstat.h"
#include "../../mm/internal.h" /* ALLOC_*, the CMA hooks */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* 64 MiB at vexpress's base, a small kernel image, all lowmem. */
static const struct host_mm_layout layout_64m = {
	.mem = {{0x60000000, MB(64)}},
	.nr_mem = 1,
	HOST_MM_TEST_IMAGE,
};

/* 256 MiB, lowmem ending at 128 MiB: a HighMem zone of 128 MiB. */
static const struct host_mm_layout layout_256m_highmem = {
	.mem = {{0x60000000, MB(256)}},
	.nr_mem = 1,
	.lowmem_limit = 0x68000000,
	HOST_MM_TEST_IMAGE,
};

/* Two banks with a hole that is not pageblock aligned at either end. */
static const struct host_mm_layout layout_hole = {
	.mem = {{0x60000000, 0x1f00000}, {0x62100000, MB(20)}},
	.nr_mem = 2,
};

/* A zone boundary that is not MAX_ORDER aligned. */
static const struct host_mm_layout layout_odd_boundary = {
	.mem = {{0x60000000, MB(64)}},
	.nr_mem = 1,
	.lowmem_limit = 0x62100000,
};

static int page_alloc_test_init(struct ktap_test *t)
{
	(void)t;
	host_page_alloc_reset_tunables();
	return 0;
}

/*
 * Watermarks and reserves at zero, so tests can use all memory (HighMem
 * keeps Linux's floor of 32 pages at min).
 */
static void zero_watermarks(void)
{
	min_free_kbytes = 0;
	user_min_free_kbytes = INT_MAX; /* keep 0: init_per_zone_wmark_min will not recompute it */
	watermark_scale_factor = 0;
	sysctl_lowmem_reserve_ratio[ZONE_NORMAL] = 0;
	init_per_zone_wmark_min();
}

struct free_snapshot {
	unsigned long nr_free[MAX_ORDER];
	long free_pages;
};

static void snapshot(struct zone *zone, struct free_snapshot *s)
{
	for (int o = 0; o < MAX_ORDER; o++)
		s->nr_free[o] = zone->free_area[o].nr_free;
	s->free_pages = zone_page_state(zone, NR_FREE_PAGES);
}

static bool same_snapshot(const struct free_snapshot *a, const struct free_snapshot *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* Allocate until failure (or @max); returns how many. */
static int alloc_until_failure(gfp_t gfp, unsigned int order, struct page **pages, int max)
{
	int n = 0;

	while (n < max) {
		struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);

		if (!page)
			break;
		pages[n++] = page;
	}
	return n;
}

static void free_all(struct page **pages, int n, unsigned int order)
{
	for (int i = 0; i < n; i++)
		__free_pages(pages[i], order);
}

static unsigned long reserved_pages_in(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long n = 0;

	for (unsigned long pfn = start_pfn; pfn < end_pfn; pfn++)
		n += pfn_valid(pfn) && PageReserved(pfn_to_page(pfn));
	return n;
}

/* ---------------------------------------------------------------- boot */

static void page_alloc_boot_hands_over_free_memory_in_max_order_blocks(struct ktap_test *t)
{
	struct zone *zone = NORMAL;

	host_mm_boot(&layout_64m);
	EXPECT_ZONE_OK(t, zone);
	KTAP_EXPECT_EQ(t, zone->present_pages, 16384);
	KTAP_EXPECT_EQ(t, zone_managed_pages(zone),
		       zone->present_pages -
			       reserved_pages_in(zone->zone_start_pfn, zone_end_pfn(zone)));
	KTAP_EXPECT_EQ(t, host_mm_free_pages(zone), (long)zone_managed_pages(zone));
	KTAP_EXPECT_EQ(t, totalram_pages(), zone_managed_pages(zone));
	/* 16 blocks of 4 MiB; only the one with the image and the one with mem_map are split. */
	KTAP_EXPECT_GE(t, zone->free_area[MAX_ORDER - 1].nr_free, 14);
	KTAP_EXPECT_TRUE(t, PageReserved(phys_to_page(0x60008000)));
	KTAP_EXPECT_FALSE(t, PageReserved(phys_to_page(0x62000000)));
	KTAP_EXPECT_EQ(t, get_pageblock_migratetype(phys_to_page(0x62000000)), MIGRATE_MOVABLE);
}

static void page_alloc_struct_page_lookups_agree(struct ktap_test *t)
{
	struct page *page;

	host_mm_boot(&layout_256m_highmem);
	page = pfn_to_page(0x61234);
	KTAP_EXPECT_EQ(t, page_to_pfn(page), 0x61234);
	KTAP_EXPECT_EQ(t, page_to_phys(page), 0x61234000ULL);
	KTAP_EXPECT_TRUE(t, phys_to_page(0x61234abcULL) == page);
	KTAP_EXPECT_TRUE(t, virt_to_page((char *)__va(0x61234000ULL) + 5) == page);
	KTAP_EXPECT_TRUE(t, page_address(page) == __va(0x61234000ULL));
	KTAP_EXPECT_TRUE(t, page_zone(page) == NORMAL);
	KTAP_EXPECT_TRUE(t, page_zone(pfn_to_page(0x68000)) == HIGHMEM);
	KTAP_EXPECT_TRUE(t, PageHighMem(pfn_to_page(0x68000)));
	KTAP_EXPECT_FALSE(t, PageHighMem(pfn_to_page(0x67fff)));
	KTAP_EXPECT_TRUE(t, pfn_valid(0x60000));
	KTAP_EXPECT_TRUE(t, pfn_valid(0x6ffff));
	KTAP_EXPECT_FALSE(t, pfn_valid(0x70000));
	KTAP_EXPECT_FALSE(t, pfn_valid(0x5ffff));
}

/* ---------------------------------------------------------------- split and merge */

static void page_alloc_split_and_merge_restore_free_lists_at_every_order(struct ktap_test *t)
{
	struct free_snapshot before, after;
	struct zone *zone = NORMAL;

	host_mm_boot(&layout_64m);
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct page *page;

		drain_all_pages(NULL);
		snapshot(zone, &before);
		page = alloc_pages(GFP_KERNEL, order);
		KTAP_ASSERT_TRUE(t, page != NULL);
		KTAP_EXPECT_EQ(t, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KTAP_EXPECT_EQ(t, page_ref_count(page), 1);
		KTAP_EXPECT_EQ(t, page_alloc_order(page), order);
		KTAP_EXPECT_TRUE(t, page_zone(page) == zone);
		drain_all_pages(NULL);
		KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES),
			       before.free_pages - (1L << order));
		__free_pages(page, order);
		drain_all_pages(NULL);
		snapshot(zone, &after);
		if (!same_snapshot(&before, &after))
			ktap_fail(t, __FILE__, __LINE__, "order %u: free lists differ after free",
				  order);
		EXPECT_ZONE_OK(t, zone);
	}
}

static void page_alloc_split_gives_upper_halves_back(struct ktap_test *t)
{
	struct free_snapshot before, after;
	struct zone *zone = NORMAL;
	unsigned int from = MAX_ORDER;
	struct page *page;

	host_mm_boot(&layout_64m);
	/* The smallest movable block of order >= 3 is the one that will be split. */
	for (unsigned int o = 3; o < MAX_ORDER && from == MAX_ORDER; o++)
		if (!free_area_empty(&zone->free_area[o], MIGRATE_MOVABLE))
			from = o;
	KTAP_ASSERT_TRUE(t, from < MAX_ORDER);
	snapshot(zone, &before);
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 3);
	KTAP_ASSERT_TRUE(t, page != NULL);
	snapshot(zone, &after);
	KTAP_EXPECT_EQ(t, after.nr_free[from], before.nr_free[from] - 1);
	for (unsigned int o = 3; o < from; o++)
		KTAP_EXPECT_EQ(t, after.nr_free[o], before.nr_free[o] + 1);
	/* After a split, the buddy of the allocated block heads a free order-3 block. */
	if (from > 3)
		KTAP_EXPECT_TRUE(t, PageBuddy(pfn_to_page(page_to_pfn(page) ^ 8)));
	__free_pages(page, 3);
	snapshot(zone, &after);
	KTAP_EXPECT_TRUE(t, same_snapshot(&before, &after));
	EXPECT_ZONE_OK(t, zone);
}

static void page_alloc_never_merges_across_an_unaligned_zone_boundary(struct ktap_test *t)
{
	int max = 16384, n;
	struct page **pages = calloc(max, sizeof(*pages));

	host_mm_boot(&layout_odd_boundary);
	KTAP_EXPECT_EQ(t, NORMAL->zone_start_pfn, 0x60000);
	KTAP_EXPECT_EQ(t, zone_end_pfn(NORMAL), 0x62100);
	KTAP_EXPECT_EQ(t, HIGHMEM->zone_start_pfn, 0x62100);
	EXPECT_ZONE_OK(t, NORMAL);
	EXPECT_ZONE_OK(t, HIGHMEM);
	/* The last Normal page and the first HighMem page are each in their own zone's block. */
	KTAP_EXPECT_TRUE(t, page_zone(pfn_to_page(0x620ff)) == NORMAL);
	KTAP_EXPECT_TRUE(t, page_zone(pfn_to_page(0x62100)) == HIGHMEM);

	zero_watermarks();
	n = alloc_until_failure(GFP_HIGHUSER_MOVABLE, 0, pages, max);
	KTAP_EXPECT_GT(t, n, 16000);
	free_all(pages, n, 0);
	drain_all_pages(NULL);
	EXPECT_ZONE_OK(t, NORMAL);
	EXPECT_ZONE_OK(t, HIGHMEM);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(NORMAL) + host_mm_free_pages(HIGHMEM),
		       (long)totalram_pages());
	free(pages);
}

static void page_alloc_never_hands_out_holes_between_banks(struct ktap_test *t)
{
	int max = 16384, n;
	struct page **pages = calloc(max, sizeof(*pages));
	size_t mark = printk_log_mark();
	struct zone *zone = NORMAL;

	host_mm_setup_memblock(&layout_hole);
	host_mm_boot_rest(&layout_hole);
	/* Linux's count: hole pages in pageblocks that also hold memory. */
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark,
				    "On node 0, zone Normal: 512 pages in unavailable ranges\n"));
	KTAP_EXPECT_TRUE(t, pfn_valid(0x61eff));
	KTAP_EXPECT_FALSE(t, pfn_valid(0x61f00));
	KTAP_EXPECT_FALSE(t, pfn_valid(0x620ff));
	KTAP_EXPECT_TRUE(t, pfn_valid(0x62100));
	KTAP_EXPECT_EQ(t, zone->spanned_pages, 0x3500);
	KTAP_EXPECT_EQ(t, zone->present_pages, 0x3500 - 0x200);
	EXPECT_ZONE_OK(t, zone);

	zero_watermarks();
	n = alloc_until_failure(GFP_KERNEL, 0, pages, max);
	KTAP_EXPECT_EQ(t, n, (int)zone_managed_pages(zone));
	for (int i = 0; i < n; i++) {
		unsigned long pfn = page_to_pfn(pages[i]);

		if (!pfn_valid(pfn) || (pfn >= 0x61f00 && pfn < 0x62100)) {
			ktap_fail(t, __FILE__, __LINE__, "handed out pfn %#lx in the hole", pfn);
			break;
		}
	}
	free_all(pages, n, 0);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(zone), (long)zone_managed_pages(zone));
	EXPECT_ZONE_OK(t, zone);
	free(pages);
}

/* ---------------------------------------------------------------- zones */

static void page_alloc_highmem_pages_are_reached_through_kmap(struct ktap_test *t)
{
	struct page *page, *low;
	unsigned char *v;

	host_mm_boot(&layout_256m_highmem);
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_TRUE(t, PageHighMem(page));
	KTAP_EXPECT_TRUE(t, page_address(page) == NULL);
	v = kmap(page);
	KTAP_ASSERT_TRUE(t, v != NULL);
	KTAP_EXPECT_TRUE(t, page_address(page) == v);
	memset(v, 0x5a, PAGE_SIZE);
	kunmap(page);
	KTAP_EXPECT_TRUE(t, page_address(page) == NULL);
	v = kmap_atomic(page);
	KTAP_EXPECT_EQ(t, v[PAGE_SIZE - 1], 0x5a);
	kunmap_atomic(v);
	__free_page(page);

	/* __GFP_ZERO clears highmem pages too (the same page comes back from the pcp list). */
	page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	v = kmap_atomic(page);
	KTAP_EXPECT_EQ(t, v[0] | v[PAGE_SIZE / 2] | v[PAGE_SIZE - 1], 0);
	kunmap_atomic(v);
	__free_page(page);

	low = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, low != NULL);
	KTAP_EXPECT_FALSE(t, PageHighMem(low));
	__free_page(low);
}

static void page_alloc_highmem_falls_back_to_normal_only_when_exhausted(struct ktap_test *t)
{
	int max = 70000, n = 0;
	struct page **pages = calloc(max, sizeof(*pages));
	struct page *page;

	host_mm_boot(&layout_256m_highmem);
	zero_watermarks();
	while (n < max && (page = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 0)) != NULL) {
		pages[n++] = page;
		if (!PageHighMem(page))
			break;
	}
	KTAP_ASSERT_TRUE(t, n > 0 && !PageHighMem(pages[n - 1]));
	/* HighMem gave up at its own floor (min 32, dipped into by nothing). */
	KTAP_EXPECT_LE(t, zone_page_state(HIGHMEM, NR_FREE_PAGES), (long)min_wmark_pages(HIGHMEM));
	KTAP_EXPECT_GE(t, n, (int)zone_managed_pages(HIGHMEM) - 64);
	free_all(pages, n, 0);
	drain_all_pages(NULL);
	EXPECT_ZONE_OK(t, NORMAL);
	EXPECT_ZONE_OK(t, HIGHMEM);
	free(pages);
}

static void page_alloc_lowmem_reserve_keeps_normal_from_highmem_requests(struct ktap_test *t)
{
	int max = 70000, n;
	struct page **pages = calloc(max, sizeof(*pages));
	long reserve;
	struct page *page;

	host_mm_boot(&layout_256m_highmem);
	reserve = NORMAL->lowmem_reserve[ZONE_HIGHMEM];
	KTAP_EXPECT_EQ(t, reserve, (long)(zone_managed_pages(HIGHMEM) / 32));
	KTAP_EXPECT_EQ(t, NORMAL->lowmem_reserve[ZONE_NORMAL], 0);
	n = alloc_until_failure(GFP_HIGHUSER, 0, pages, max);
	drain_all_pages(NULL);
	KTAP_EXPECT_LE(t, zone_page_state(NORMAL, NR_FREE_PAGES),
		       (long)min_wmark_pages(NORMAL) + reserve);
	KTAP_EXPECT_GT(t, zone_page_state(NORMAL, NR_FREE_PAGES), reserve);
	/* The reserve is there for lowmem-only requests. */
	page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
	KTAP_EXPECT_TRUE(t, page != NULL);
	if (page)
		__free_page(page);
	free_all(pages, n, 0);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(NORMAL) + host_mm_free_pages(HIGHMEM),
		       (long)totalram_pages());
	free(pages);
}

/* ---------------------------------------------------------------- mobility */

static void page_alloc_unmovable_fallback_steals_a_whole_pageblock(struct ktap_test *t)
{
	unsigned long counts[MIGRATE_TYPES];
	struct zone *zone = NORMAL;
	unsigned long steals = zone_vm_events(zone, ZONE_PGALLOC_STEAL);
	struct page *page;

	host_mm_boot(&layout_64m);
	steals = zone_vm_events(zone, ZONE_PGALLOC_STEAL);
	/* Right after boot every pageblock is movable. */
	zone_free_pages_by_migratetype(zone, counts);
	KTAP_EXPECT_EQ(t, counts[MIGRATE_UNMOVABLE], 0);
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, zone_vm_events(zone, ZONE_PGALLOC_STEAL), steals + 1);
	KTAP_EXPECT_EQ(t, get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);
	/* The whole 4 MiB block moved: all but the page taken are free and unmovable. */
	zone_free_pages_by_migratetype(zone, counts);
	KTAP_EXPECT_EQ(t, counts[MIGRATE_UNMOVABLE] + host_mm_pcp_pages(zone),
		       pageblock_nr_pages - 1);
	/* The next unmovable request needs no fallback. */
	__free_page(alloc_pages(GFP_KERNEL, 0));
	KTAP_EXPECT_EQ(t, zone_vm_events(zone, ZONE_PGALLOC_STEAL), steals + 1);
	__free_page(page);
	EXPECT_ZONE_OK(t, zone);
}

static void page_alloc_movable_fallback_splits_smallest_block_without_claiming(struct ktap_test *t)
{
	/* 32 MiB: large enough for mobility grouping (at least 6 pageblocks). */
	static const struct host_mm_layout layout_32m = {.mem = {{0x60000000, MB(32)}},
							 .nr_mem = 1};
	int max = 4096, n4, n0;
	struct page **big = calloc(max, sizeof(*big));
	struct page **small = calloc(max, sizeof(*small));
	unsigned long counts[MIGRATE_TYPES];
	struct zone *zone = NORMAL;
	struct page *page;

	host_mm_boot(&layout_32m);
	KTAP_EXPECT_EQ(t, page_group_by_mobility_disabled, 0);
	zero_watermarks();
	/* Fill memory with unmovable order-4 blocks, then order-0 leftovers. */
	n4 = alloc_until_failure(GFP_KERNEL, 4, big, max);
	n0 = alloc_until_failure(GFP_KERNEL, 0, small, max);
	drain_all_pages(NULL);
	KTAP_ASSERT_TRUE(t, n4 > 8);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), 0);
	/* Every pageblock is unmovable now.  Free two order-4 blocks that cannot merge. */
	KTAP_EXPECT_EQ(t, get_pageblock_migratetype(big[0]), MIGRATE_UNMOVABLE);
	__free_pages(big[0], 4);
	__free_pages(big[4], 4);
	big[0] = big[4] = NULL;

	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	/* Order 4 is too small to claim a pageblock for a movable request: only the block moved. */
	KTAP_EXPECT_EQ(t, get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);
	zone_free_pages_by_migratetype(zone, counts);
	KTAP_EXPECT_EQ(t, counts[MIGRATE_MOVABLE] + host_mm_pcp_pages(zone), 15);
	KTAP_EXPECT_EQ(t, counts[MIGRATE_UNMOVABLE], 16);
	EXPECT_ZONE_OK(t, zone);

	__free_page(page);
	for (int i = 0; i < n4; i++)
		if (big[i])
			__free_pages(big[i], 4);
	free_all(small, n0, 0);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(zone), (long)zone_managed_pages(zone));
	EXPECT_ZONE_OK(t, zone);
	free(big);
	free(small);
}

static void page_alloc_tiny_memory_turns_mobility_grouping_off(struct ktap_test *t)
{
	static const struct host_mm_layout layout_16m = {.mem = {{0x60000000, MB(16)}},
							 .nr_mem = 1};
	size_t mark = printk_log_mark();

	/* 4096 pages < one pageblock per migratetype: grouping cannot work (Linux's rule). */
	host_mm_boot(&layout_16m);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Built 1 zonelists, mobility grouping off."));
	KTAP_EXPECT_EQ(t, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_UNMOVABLE);
	host_mm_boot(&layout_64m);
	KTAP_EXPECT_EQ(t, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_MOVABLE);
}

static void page_alloc_gfp_selects_migratetype_and_zone(struct ktap_test *t)
{
	host_mm_boot(&layout_64m);
	KTAP_EXPECT_EQ(t, gfp_migratetype(GFP_KERNEL), MIGRATE_UNMOVABLE);
	KTAP_EXPECT_EQ(t, gfp_migratetype(GFP_ATOMIC), MIGRATE_UNMOVABLE);
	KTAP_EXPECT_EQ(t, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_MOVABLE);
	KTAP_EXPECT_EQ(t, gfp_migratetype(GFP_KERNEL | __GFP_RECLAIMABLE), MIGRATE_RECLAIMABLE);
	KTAP_EXPECT_EQ(t, gfp_zone(GFP_KERNEL), ZONE_NORMAL);
	KTAP_EXPECT_EQ(t, gfp_zone(GFP_HIGHUSER_MOVABLE), ZONE_HIGHMEM);
	/* Linux 6.1's values, so logs compare. */
	KTAP_EXPECT_EQ(t, GFP_KERNEL, 0xcc0);
	KTAP_EXPECT_EQ(t, GFP_ATOMIC, 0xa20);
	KTAP_EXPECT_EQ(t, GFP_HIGHUSER_MOVABLE, 0x100cca);
}

/* ---------------------------------------------------------------- watermarks */

static void page_alloc_gfp_kernel_stops_at_min_and_gfp_atomic_goes_below(struct ktap_test *t)
{
	int max = 16384, n, na;
	struct page **pages = calloc(max, sizeof(*pages));
	struct zone *zone = NORMAL;
	long min, free_now, floor;
	size_t mark;

	host_mm_boot(&layout_64m);
	min = (long)min_wmark_pages(zone);
	KTAP_EXPECT_GT(t, min, 0);
	n = alloc_until_failure(GFP_KERNEL, 0, pages, max);
	drain_all_pages(NULL);
	free_now = zone_page_state(zone, NR_FREE_PAGES);
	KTAP_EXPECT_LE(t, free_now, min);
	KTAP_EXPECT_GT(t, free_now, min - 8); /* stopped right at min, not earlier */
	KTAP_EXPECT_EQ(t, zone_vm_events(zone, ZONE_PGALLOC_FAIL), 1);

	/* GFP_ATOMIC may take half of min, and a quarter of the rest. */
	na = alloc_until_failure(GFP_ATOMIC, 0, pages + n, max - n);
	KTAP_EXPECT_GT(t, na, 0);
	drain_all_pages(NULL);
	floor = min - min / 2;
	floor -= floor / 4;
	free_now = zone_page_state(zone, NR_FREE_PAGES);
	KTAP_EXPECT_LE(t, free_now, floor);
	KTAP_EXPECT_GT(t, free_now, floor - 8);

	mark = printk_log_mark();
	KTAP_EXPECT_TRUE(t, alloc_pages(GFP_KERNEL, 0) == NULL);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "swapper: page allocation failure: order:0, "
						   "mode:0xcc0(GFP_KERNEL), nodemask=(null)\n"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Mem-Info:\n"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Normal: "));
	mark = printk_log_mark();
	KTAP_EXPECT_TRUE(t, alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 3) == NULL);
	KTAP_EXPECT_FALSE(t, printk_log_since(mark, "page allocation failure"));

	free_all(pages, n + na, 0);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(zone), (long)zone_managed_pages(zone));
	EXPECT_ZONE_OK(t, zone);
	free(pages);
}

static unsigned long isqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

static void page_alloc_watermarks_follow_linux_formulas(struct ktap_test *t)
{
	struct zone *zone = NORMAL;
	unsigned long managed, high_managed, min, gap;

	host_mm_boot(&layout_256m_highmem);
	managed = zone_managed_pages(zone);
	high_managed = zone_managed_pages(HIGHMEM);
	/* sqrt(lowmem KiB * 16), computed while the watermarks were still zero */
	KTAP_EXPECT_EQ(t, min_free_kbytes, (int)clamp(isqrt(managed * 4 * 16), 128UL, 262144UL));
	min = (unsigned long)min_free_kbytes / 4; /* all of it: Normal is the only lowmem zone */
	KTAP_EXPECT_EQ(t, min_wmark_pages(zone), min);
	gap = max(min / 4, managed * 10 / 10000);
	KTAP_EXPECT_EQ(t, low_wmark_pages(zone), min + gap);
	KTAP_EXPECT_EQ(t, high_wmark_pages(zone), min + 2 * gap);
	/* HighMem: min is managed/1024 clamped to 32..128; the distances are not capped. */
	KTAP_EXPECT_EQ(t, min_wmark_pages(HIGHMEM), clamp(high_managed / 1024, 32UL, 128UL));
	gap = max((u64)min * high_managed / managed / 4, (u64)high_managed * 10 / 10000);
	KTAP_EXPECT_EQ(t, low_wmark_pages(HIGHMEM), min_wmark_pages(HIGHMEM) + gap);
	KTAP_EXPECT_EQ(t, totalreserve_pages,
		       high_wmark_pages(zone) + NORMAL->lowmem_reserve[ZONE_HIGHMEM] +
			       high_wmark_pages(HIGHMEM));
}

/* ---------------------------------------------------------------- pcp */

static int expected_batch(unsigned long managed)
{
	long batch = (long)min(managed >> 10, 256UL) / 4;
	unsigned long b;

	if (batch < 1)
		batch = 1;
	b = (unsigned long)(batch + batch / 2);
	while (b & (b - 1))
		b &= b - 1;
	return max(1, (int)b - 1);
}

static void page_alloc_pcp_lists_fill_by_batch_and_drain_at_high(struct ktap_test *t)
{
	struct zone *zone = NORMAL;
	struct per_cpu_pages *pcp;
	int max = 4096, n, batch, high;
	struct page **pages = calloc(max, sizeof(*pages));
	long free_before;

	host_mm_boot(&layout_64m);
	pcp = per_cpu_ptr(zone->per_cpu_pageset, 0);
	batch = expected_batch(zone_managed_pages(zone));
	high = max((int)low_wmark_pages(zone), batch * 4);
	KTAP_EXPECT_EQ(t, pcp->batch, batch);
	KTAP_EXPECT_EQ(t, pcp->high, high);
	KTAP_EXPECT_GT(t, batch, 1);
	/* Warm the unmovable lists (the first request steals a pageblock). */
	__free_page(alloc_pages(GFP_KERNEL, 0));
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, pcp->count, 0);
	free_before = zone_page_state(zone, NR_FREE_PAGES);

	pages[0] = alloc_pages(GFP_KERNEL, 0);
	KTAP_EXPECT_EQ(t, pcp->count, batch - 1);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before - batch);
	__free_page(pages[0]);
	KTAP_EXPECT_EQ(t, pcp->count, batch);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before - batch);

	/* Freeing more than high pages: the list never reaches high, at least batch stays. */
	n = alloc_until_failure(GFP_KERNEL, 0, pages, high + 2 * batch);
	KTAP_ASSERT_EQ(t, n, high + 2 * batch);
	for (int i = 0; i < n; i++) {
		__free_page(pages[i]);
		if (pcp->count >= high) {
			ktap_fail(t, __FILE__, __LINE__, "pcp count %d reached high %d", pcp->count,
				  high);
			break;
		}
	}
	KTAP_EXPECT_GE(t, pcp->count, batch);
	EXPECT_ZONE_OK(t, zone);
	drain_local_pages(zone);
	KTAP_EXPECT_EQ(t, pcp->count, 0);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), (long)zone_managed_pages(zone));
	free(pages);
}

/* ---------------------------------------------------------------- helpers of the API */

static void page_alloc_split_page_gives_independent_pages(struct ktap_test *t)
{
	struct zone *zone = NORMAL;
	unsigned long reports = bad_page_reports;
	struct page *page;
	long free_before;

	host_mm_boot(&layout_64m);
	drain_all_pages(NULL);
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	page = alloc_pages(GFP_KERNEL, 3);
	split_page(page, 3);
	for (int i = 0; i < 8; i++) {
		KTAP_EXPECT_EQ(t, page_ref_count(page + i), 1);
		KTAP_EXPECT_EQ(t, page_alloc_order(page + i), 0);
	}
	/* Free in a scrambled order; they merge back. */
	for (int i = 0; i < 8; i++)
		__free_page(page + ((i * 5) & 7));
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	EXPECT_ZONE_OK(t, zone);
}

static void page_alloc_exact_keeps_only_the_pages_asked_for(struct ktap_test *t)
{
	struct zone *zone = NORMAL;
	unsigned long reports = bad_page_reports;
	long free_before;
	char *p;

	host_mm_boot(&layout_64m);
	drain_all_pages(NULL);
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	p = alloc_pages_exact(5 * PAGE_SIZE - 100, GFP_KERNEL | __GFP_ZERO);
	KTAP_ASSERT_TRUE(t, p != NULL);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before - 5);
	KTAP_EXPECT_EQ(t, p[0] | p[5 * PAGE_SIZE - 101], 0);
	memset(p, 1, 5 * PAGE_SIZE - 100);
	for (int i = 0; i < 5; i++)
		KTAP_EXPECT_EQ(t, page_ref_count(virt_to_page(p + i * PAGE_SIZE)), 1);
	/* Too large a size runs into free pages: refused whole, nothing freed. */
	free_pages_exact(p, 8 * PAGE_SIZE);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before - 5);
	KTAP_EXPECT_EQ(t, page_ref_count(virt_to_page(p)), 1);
	reports = bad_page_reports;
	free_pages_exact(p, 5 * PAGE_SIZE - 100);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);

	KTAP_EXPECT_TRUE(t, get_zeroed_page(GFP_KERNEL) != 0);
	p = (char *)__get_free_pages(GFP_KERNEL, 1);
	KTAP_EXPECT_TRUE(t, p && virt_to_page(p) == virt_to_page(p + PAGE_SIZE) - 1);
	free_pages((unsigned long)p, 1);
	free_pages(0, 0); /* ignored, as Linux */
	KTAP_EXPECT_EQ(t, bad_page_reports, reports);
}

static void page_alloc_orders_beyond_max_fail_cleanly(struct ktap_test *t)
{
	host_mm_boot(&layout_64m);
	KTAP_EXPECT_TRUE(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER) == NULL);
	KTAP_EXPECT_TRUE(t, alloc_pages(GFP_KERNEL, MAX_ORDER - 1) != NULL);
}

/* ---------------------------------------------------------------- CMA and isolation hooks */

static void page_alloc_cma_pageblock_serves_only_movable_requests(struct ktap_test *t)
{
	const phys_addr_t cma_base = 0x63000000;
	unsigned long cma_pfn = PHYS_PFN(cma_base);
	int max = 16384, n, in_cma = 0;
	struct page **pages = calloc(max, sizeof(*pages));
	struct zone *zone = NORMAL;
	unsigned long managed;
	struct page *page;

	host_mm_setup_memblock(&layout_64m);
	memblock_reserve(cma_base, MB(4));
	totalcma_pages += pageblock_nr_pages; /* what cma.c does when it reserves */
	host_mm_boot_rest(&layout_64m);
	managed = zone_managed_pages(zone);
	init_cma_reserved_pageblock(pfn_to_page(cma_pfn));
	KTAP_EXPECT_EQ(t, zone_managed_pages(zone), managed + pageblock_nr_pages);
	KTAP_EXPECT_EQ(t, zone->cma_pages, pageblock_nr_pages);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_CMA_PAGES), (long)pageblock_nr_pages);
	KTAP_EXPECT_EQ(t, get_pageblock_migratetype(pfn_to_page(cma_pfn)), MIGRATE_CMA);
	EXPECT_ZONE_OK(t, zone);

	zero_watermarks();
	n = alloc_until_failure(GFP_KERNEL, 0, pages, max);
	for (int i = 0; i < n; i++)
		in_cma += page_to_pfn(pages[i]) - cma_pfn < pageblock_nr_pages;
	KTAP_EXPECT_EQ(t, in_cma, 0);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_CMA_PAGES), (long)pageblock_nr_pages);
	/* Movable requests may use it. */
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_LT(t, page_to_pfn(page) - cma_pfn, pageblock_nr_pages);
	__free_page(page);
	free_all(pages, n, 0);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(zone), (long)zone_managed_pages(zone));
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_CMA_PAGES), (long)pageblock_nr_pages);
	EXPECT_ZONE_OK(t, zone);
	free(pages);
}

static void page_alloc_movable_prefers_cma_when_it_is_most_of_free_memory(struct ktap_test *t)
{
	const phys_addr_t cma_base = 0x63000000;
	unsigned long cma_pfn = PHYS_PFN(cma_base);
	struct zone *zone = NORMAL;
	struct page *page;

	host_mm_setup_memblock(&layout_64m);
	memblock_reserve(cma_base, MB(4));
	host_mm_boot_rest(&layout_64m);
	init_cma_reserved_pageblock(pfn_to_page(cma_pfn));
	/* Plenty of ordinary free memory: movable requests use it first. */
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 2);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_GE(t, page_to_pfn(page) - cma_pfn, pageblock_nr_pages);
	__free_pages(page, 2);
	EXPECT_ZONE_OK(t, zone);
}

/* Isolate @page's pageblock the way page_isolation.c will. */
static int isolate_block(struct zone *zone, struct page *page)
{
	unsigned long flags;
	int mt, nr;

	spin_lock_irqsave(&zone->lock, flags);
	mt = get_pageblock_migratetype(page);
	nr = move_freepages_block(zone, page, MIGRATE_ISOLATE, NULL);
	set_pageblock_migratetype(page, MIGRATE_ISOLATE);
	zone->nr_isolate_pageblock++;
	__mod_zone_freepage_state(zone, -nr, mt);
	spin_unlock_irqrestore(&zone->lock, flags);
	return mt;
}

static void unisolate_block(struct zone *zone, struct page *page, int mt)
{
	unsigned long flags;
	int nr;

	spin_lock_irqsave(&zone->lock, flags);
	nr = move_freepages_block(zone, page, mt, NULL);
	set_pageblock_migratetype(page, mt);
	zone->nr_isolate_pageblock--;
	__mod_zone_freepage_state(zone, nr, mt);
	spin_unlock_irqrestore(&zone->lock, flags);
}

static void page_alloc_frees_into_isolated_pageblock_are_not_counted(struct ktap_test *t)
{
	unsigned long counts[MIGRATE_TYPES];
	struct zone *zone = NORMAL;
	struct page *page;
	long free_before;
	int mt;

	host_mm_boot(&layout_64m);
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	mt = isolate_block(zone, page);
	KTAP_EXPECT_EQ(t, mt, MIGRATE_MOVABLE);
	/* pcp pages of the block drain into the isolated lists, uncounted. */
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	drain_all_pages(NULL);
	free_before = zone_page_state(zone, NR_FREE_PAGES) - free_before;
	KTAP_EXPECT_GE(t, free_before, 0);
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	__free_page(page);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	KTAP_EXPECT_EQ(t, host_mm_pcp_pages(zone), 0);
	zone_free_pages_by_migratetype(zone, counts);
	KTAP_EXPECT_GT(t, counts[MIGRATE_ISOLATE], 0);
	KTAP_EXPECT_TRUE(t, PageBuddy(pfn_to_page(pageblock_start_pfn(page_to_pfn(page)))) ||
				    counts[MIGRATE_ISOLATE] < pageblock_nr_pages);
	EXPECT_ZONE_OK(t, zone);
	unisolate_block(zone, page, mt);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES),
		       free_before + (long)counts[MIGRATE_ISOLATE]);
	KTAP_EXPECT_EQ(t, host_mm_free_pages(zone), (long)zone_managed_pages(zone));
	EXPECT_ZONE_OK(t, zone);
}

static void page_alloc_isolate_free_page_takes_a_block_out_and_back(struct ktap_test *t)
{
	struct zone *zone = NORMAL;
	unsigned long flags, pfn;
	struct page *page;
	long free_before;

	host_mm_boot(&layout_64m);
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	page = list_first_entry(&zone->free_area[MAX_ORDER - 1].free_list[MIGRATE_MOVABLE],
				struct page, buddy_list);
	pfn = page_to_pfn(page);
	spin_lock_irqsave(&zone->lock, flags);
	KTAP_EXPECT_EQ(t, __isolate_free_page(page, MAX_ORDER - 1), 1024);
	spin_unlock_irqrestore(&zone->lock, flags);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before - 1024);
	EXPECT_ZONE_OK(t, zone);
	/* As alloc_contig_range: prepare, split, later free page by page. */
	post_alloc_hook(page, MAX_ORDER - 1, 0);
	split_page(page, MAX_ORDER - 1);
	free_contig_range(pfn, 1024);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	EXPECT_ZONE_OK(t, zone);

	/* And straight back without using it. */
	page = pfn_to_page(pfn);
	KTAP_ASSERT_TRUE(t, PageBuddy(page) && buddy_order(page) == MAX_ORDER - 1);
	spin_lock_irqsave(&zone->lock, flags);
	__isolate_free_page(page, MAX_ORDER - 1);
	__putback_isolated_page(page, MAX_ORDER - 1, MIGRATE_MOVABLE);
	spin_unlock_irqrestore(&zone->lock, flags);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	EXPECT_ZONE_OK(t, zone);
}

static bool dummy_isolate(struct page *page)
{
	(void)page;
	return true;
}

static const struct movable_operations dummy_mops = {.isolate_page = dummy_isolate};

static void page_alloc_movable_owner_is_recorded_and_cleared_on_free(struct ktap_test *t)
{
	unsigned long reports = bad_page_reports;
	struct page *page;

	host_mm_boot(&layout_64m);
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	KTAP_EXPECT_FALSE(t, PageMovable(page));
	__SetPageMovable(page, &dummy_mops);
	KTAP_EXPECT_TRUE(t, PageMovable(page));
	KTAP_EXPECT_TRUE(t, page_movable_ops(page) == &dummy_mops);
	__ClearPageMovable(page);
	KTAP_EXPECT_FALSE(t, PageMovable(page));
	KTAP_EXPECT_TRUE(t, __PageMovable(page));
	__free_page(page);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports);
	KTAP_EXPECT_TRUE(t, page->mapping == NULL);
}

/* ---------------------------------------------------------------- reports */

static void page_alloc_boot_report_matches_linux_format(struct ktap_test *t)
{
	static const struct host_mm_layout layout_1g = {
		.mem = {{0x60000000, MB(1024)}},
		.nr_mem = 1,
		.lowmem_limit = 0x90000000,
	};
	size_t mark = printk_log_mark();
	unsigned long total = 0;
	char line[96];

	host_mm_boot(&layout_1g);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(
			   mark,
			   "Zone ranges:\n"
			   "  Normal   [mem 0x0000000060000000-0x000000008fffffff]\n"
			   "  HighMem  [mem 0x0000000090000000-0x000000009fffffff]\n"
			   "Movable zone start for each node\n"
			   "Early memory node ranges\n"
			   "  node   0: [mem 0x0000000060000000-0x000000009fffffff]\n"
			   "Initmem setup node 0 [mem 0x0000000060000000-0x000000009fffffff]\n"));
	/* Total pages: present pages less the memmap lowmem pays for (watermarks still 0). */
	total += NORMAL->present_pages -
		 (PAGE_ALIGN(NORMAL->spanned_pages * sizeof(struct page)) >> PAGE_SHIFT);
	total += HIGHMEM->present_pages;
	scnprintf(line, sizeof(line),
		  "Built 1 zonelists, mobility grouping on.  Total pages: %lu\n", total);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Memory: "));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "K highmem)\n"));

	mark = printk_log_mark();
	host_mm_boot(&layout_64m);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "  HighMem  empty\n"));
}

static void page_alloc_mminfo_prints_proc_formats(struct ktap_test *t)
{
	size_t mark;
	char line[160];

	host_mm_boot(&layout_64m);
	mark = printk_log_mark();
	show_mminfo();
	scnprintf(line, sizeof(line), "Node 0, zone   Normal %6lu %6lu ",
		  NORMAL->free_area[0].nr_free, NORMAL->free_area[1].nr_free);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "Page block order: 10\nPages per block:  1024\n"));
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(
			mark, "Free pages count per migrate type at order       0      1      2"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Node    0, zone   Normal, type    Unmovable "));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "Number of blocks type     Unmovable      Movable  "
					  "Reclaimable   HighAtomic          CMA      Isolate \n"));
	scnprintf(line, sizeof(line),
		  "  pages free     %ld\n        boost    0\n        min      %lu\n",
		  zone_page_state(NORMAL, NR_FREE_PAGES), min_wmark_pages(NORMAL));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Node 0, zone  HighMem\n"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "        protection: (0, 0)\n"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "              batch: "));
}

static struct ktap_case page_alloc_cases[] = {
	KTAP_CASE(page_alloc_boot_hands_over_free_memory_in_max_order_blocks),
	KTAP_CASE(page_alloc_struct_page_lookups_agree),
	KTAP_CASE(page_alloc_split_and_merge_restore_free_lists_at_every_order),
	KTAP_CASE(page_alloc_split_gives_upper_halves_back),
	KTAP_CASE(page_alloc_never_merges_across_an_unaligned_zone_boundary),
	KTAP_CASE(page_alloc_never_hands_out_holes_between_banks),
	KTAP_CASE(page_alloc_highmem_pages_are_reached_through_kmap),
	KTAP_CASE(page_alloc_highmem_falls_back_to_normal_only_when_exhausted),
	KTAP_CASE(page_alloc_lowmem_reserve_keeps_normal_from_highmem_requests),
	KTAP_CASE(page_alloc_unmovable_fallback_steals_a_whole_pageblock),
	KTAP_CASE(page_alloc_movable_fallback_splits_smallest_block_without_claiming),
	KTAP_CASE(page_alloc_tiny_memory_turns_mobility_grouping_off),
	KTAP_CASE(page_alloc_gfp_selects_migratetype_and_zone),
	KTAP_CASE(page_alloc_gfp_kernel_stops_at_min_and_gfp_atomic_goes_below),
	KTAP_CASE(page_alloc_watermarks_follow_linux_formulas),
	KTAP_CASE(page_alloc_pcp_lists_fill_by_batch_and_drain_at_high),
	KTAP_CASE(page_alloc_split_page_gives_independent_pages),
	KTAP_CASE(page_alloc_exact_keeps_only_the_pages_asked_for),
	KTAP_CASE(page_alloc_orders_beyond_max_fail_cleanly),
	KTAP_CASE(page_alloc_cma_pageblock_serves_only_movable_requests),
	KTAP_CASE(page_alloc_movable_prefers_cma_when_it_is_most_of_free_memory),
	KTAP_CASE(page_alloc_frees_into_isolated_pageblock_are_not_counted),
	KTAP_CASE(page_alloc_isolate_free_page_takes_a_block_out_and_back),
	KTAP_CASE(page_alloc_movable_owner_is_recorded_and_cleared_on_free),
	KTAP_CASE(page_alloc_boot_report_matches_linux_format),
	KTAP_CASE(page_alloc_mminfo_prints_proc_formats),
	{}};

static struct ktap_suite page_alloc_suite = {
	.name = "page_alloc",
	.cases = page_alloc_cases,
	.init = page_alloc_test_init,
};
KTAP_SUITE_DEFINE(page_alloc_suite);
