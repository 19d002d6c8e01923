// SPDX-License-Identifier: GPL-2.0
/*
 * CMA on the target, with the area the boot reserved (the default area:
 * 16 MiB, or what cma= or the DT said; every QEMU boot runs these).
 *
 *  - the area is lent to the buddy allocator: its pageblocks are
 *    MIGRATE_CMA and the zone counts them;
 *  - cma_alloc() of the whole area, empty and then full of object-store
 *    pages holding known data: it succeeds, every object is intact at
 *    its new place, and cma_release() gives every page back;
 *  - count and alignment edge cases, and releases that must be refused;
 *  - an owner that refuses to let go: the allocation fails and the free
 *    lists are exactly as before.
 *
 * The unmovable allocation storm is cma_lending_test.c's, which runs on the
 * host too.
 *
 * Every case gives back all it takes.  Cases skip when the boot has no
 * default area (cma=0).
 */
#include "cma.h"
#include "dma-map-ops.h"
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "list.h"
#include "migrate.h"
#include "mm.h"
#include "objstore.h"
#include "printk.h"
#include "vmstat.h"
#include <string.h>
#include "../mm_test.h"

/* Free pages per zone and the CMA part of them, pcp lists drained. */
struct cma_free_state {
	long free[MAX_NR_ZONES];
	long free_cma[MAX_NR_ZONES];
	int isolated[MAX_NR_ZONES];
};

static struct objstore test_os;

static void take_state(struct cma_free_state *s)
{
	drain_all_pages(NULL);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &NODE_DATA(0)->node_zones[z];

		s->free[z] = zone_page_state(zone, NR_FREE_PAGES);
		s->free_cma[z] = zone_page_state(zone, NR_FREE_CMA_PAGES);
		s->isolated[z] = zone->nr_isolate_pageblock;
	}
}

static bool same_state(const struct cma_free_state *a, const struct cma_free_state *b)
{
	return !memcmp(a, b, sizeof(*a));
}

static struct cma *test_area(struct ktap_test *t)
{
	struct cma *cma = dma_contiguous_default_area;

	if (!cma || !cma->count) {
		ktap_skip(t, "this boot has no default CMA area");
		return NULL;
	}
	return cma;
}

static bool in_area(const struct cma *cma, const struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	return pfn >= cma->base_pfn && pfn < cma->base_pfn + cma->count;
}

static int cma_test_init(struct ktap_test *t)
{
	(void)t;
	memset(&test_os, 0, sizeof(test_os));
	return 0;
}

static void cma_test_exit(struct ktap_test *t)
{
	(void)t;
	objstore_destroy(&test_os);
}

static void cma_default_area_is_lent_to_the_buddy_allocator(struct ktap_test *t)
{
	struct cma *cma = test_area(t);
	unsigned long total = 0;
	struct zone *zone;

	if (!cma)
		return;
	ktap_info("default area \"%s\": %lu MiB at 0x%08llx", cma_get_name(cma),
		  cma_get_size(cma) >> 20, (unsigned long long)cma_get_base(cma));
	zone = page_zone(pfn_to_page(cma->base_pfn));
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	KTAP_EXPECT_GE(t, zone->cma_pages, cma->count);
	KTAP_EXPECT_TRUE(t, cma->bitmap != NULL);
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	/* The zone ends beyond it: the area is inside one zone. */
	KTAP_EXPECT_TRUE(t, zone_spans_pfn(zone, cma->base_pfn + cma->count - 1));
	for (unsigned int i = 0; i < cma_area_count; i++)
		total += cma_areas[i].count;
	KTAP_EXPECT_EQ(t, totalcma_pages, total);
}

static void cma_whole_empty_area_alloc_and_release(struct ktap_test *t)
{
	struct cma_free_state before, after;
	struct cma *cma = test_area(t);
	unsigned long bad = 0;
	struct page *page;

	if (!cma)
		return;
	take_state(&before);
	page = cma_alloc(cma, cma->count, 0, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(page), cma->base_pfn);
	for (unsigned long i = 0; i < cma->count; i++) {
		u32 *w = kmap_atomic(page + i);

		bad += page_count(page + i) != 1;
		w[0] = (u32)i;
		w[PAGE_SIZE / 4 - 1] = ~(u32)i;
		kunmap_atomic(w);
	}
	for (unsigned long i = 0; i < cma->count; i++) {
		u32 *w = kmap_atomic(page + i);

		bad += w[0] != (u32)i || w[PAGE_SIZE / 4 - 1] != ~(u32)i;
		kunmap_atomic(w);
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), cma->count);
	KTAP_EXPECT_TRUE(t, cma_release(cma, page, cma->count));
	take_state(&after);
	KTAP_EXPECT_TRUE(t, same_state(&before, &after));
}

/* CMA's defining scenario: the area full of objects; all of it back; every object intact elsewhere. */
static void cma_whole_area_full_of_objects_moves_them_all(struct ktap_test *t)
{
	struct cma_free_state empty, after;
	unsigned long migrated = pgmigrate_success, bad = 0;
	struct cma *cma = test_area(t);
	struct page *page;
	long made;

	if (!cma)
		return;
	/* Every object needs a page outside the area to move to (mem=32M cma=24M has not). */
	if (nr_free_pages() - global_zone_page_state(NR_FREE_CMA_PAGES) <
	    cma->count + cma->count / 4) {
		ktap_skip(t,
			  "too little memory outside the CMA area to move a full area's objects");
		return;
	}
	take_state(&empty);
	KTAP_ASSERT_EQ(t, objstore_init(&test_os, "cma_test", cma->count), 0);
	made = objstore_fill_range(&test_os, cma->base_pfn, cma->base_pfn + cma->count, 0xc0ffee);
	KTAP_ASSERT_EQ(t, made, (long)cma->count);
	for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count; pfn++)
		bad += !PageMovable(pfn_to_page(pfn));
	KTAP_EXPECT_EQ(t, bad, 0);

	page = cma_alloc(cma, cma->count, 0, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, pgmigrate_success - migrated, cma->count);
	KTAP_EXPECT_EQ(t, test_os.nr_migrated, cma->count);
	for (objstore_handle_t h = 1; h <= (objstore_handle_t)made; h++) {
		struct page *p = objstore_page(&test_os, h);

		if (!p || in_area(cma, p) || page_private(p) != h ||
		    !objstore_check_pattern(&test_os, h, 0xc0ffee))
			bad++;
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	KTAP_EXPECT_TRUE(t, cma_release(cma, page, cma->count));
	objstore_destroy(&test_os);
	take_state(&after);
	KTAP_EXPECT_TRUE(t, same_state(&empty, &after));
}

static void cma_count_and_alignment_edge_cases(struct ktap_test *t)
{
	struct cma_free_state before, after;
	struct cma *cma = test_area(t);
	struct page *one, *aligned, *outside;
	unsigned int area_order = 0;

	if (!cma)
		return;
	while ((1UL << (area_order + 1)) <= cma->count)
		area_order++;
	take_state(&before);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 0, 0, true), NULL);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count + 1, 0, true), NULL);
	/* An alignment larger than the area cannot be met inside it (unless it happens to be aligned). */
	if (cma->base_pfn & ((1UL << (area_order + 1)) - 1))
		KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 1, area_order + 1, true), NULL);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 1, 40, true), NULL);

	one = cma_alloc(cma, 1, 0, false);
	KTAP_ASSERT_TRUE(t, one != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(one), cma->base_pfn);
	aligned = cma_alloc(cma, 1, 8, false);
	KTAP_ASSERT_TRUE(t, aligned != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(aligned) & 255, 0);
	KTAP_EXPECT_EQ(t, page_to_pfn(aligned), cma->base_pfn + 256);

	outside = alloc_page(GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, outside != NULL);
	KTAP_EXPECT_FALSE(t, cma_release(cma, outside, 1));
	__free_page(outside);
	KTAP_EXPECT_FALSE(t, cma_release(cma, one + 1, 1));	     /* not allocated */
	KTAP_EXPECT_FALSE(t, cma_release(cma, one, cma->count + 1)); /* past the end */
	KTAP_EXPECT_TRUE(t, cma_release(cma, one, 1));
	KTAP_EXPECT_TRUE(t, cma_release(cma, aligned, 1));

	/* The DMA wrapper: the default area, alignment capped at CONFIG_CMA_ALIGNMENT. */
	one = dma_alloc_from_contiguous(NULL, 16, 20, false);
	KTAP_ASSERT_TRUE(t, one != NULL);
	KTAP_EXPECT_TRUE(t, in_area(cma, one));
	KTAP_EXPECT_EQ(t, page_to_pfn(one) & ((1UL << CONFIG_CMA_ALIGNMENT) - 1), 0);
	KTAP_EXPECT_TRUE(t, dma_release_from_contiguous(NULL, one, 16));
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	take_state(&after);
	KTAP_EXPECT_TRUE(t, same_state(&before, &after));
}

static void cma_refused_migration_is_undone_exactly(struct ktap_test *t)
{
	struct cma_free_state empty, before, after;
	struct cma *cma = test_area(t);
	long made;
	int zone;

	if (!cma)
		return;
	take_state(&empty);
	KTAP_ASSERT_EQ(t, objstore_init(&test_os, "stubborn", cma->count), 0);
	made = objstore_fill_range(&test_os, cma->base_pfn, cma->base_pfn + cma->count, 17);
	KTAP_ASSERT_EQ(t, made, (long)cma->count);

	/* The owner will not even let go: nothing moves. */
	test_os.refuse_isolate = true;
	take_state(&before);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count, 0, true), NULL);
	take_state(&after);
	KTAP_EXPECT_TRUE(t, same_state(&before, &after));
	KTAP_EXPECT_EQ(t, test_os.nr_migrated, 0);

	/* It lets 100 go, then refuses: those stay moved, nothing is lost. */
	test_os.refuse_isolate = false;
	test_os.migrate_budget = 100;
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count, 0, true), NULL);
	take_state(&after);
	KTAP_EXPECT_EQ(t, test_os.nr_migrated, 100);
	/* Other CMA areas (a DT's reusable pools) may share the zone's count. */
	zone = page_zonenum(pfn_to_page(cma->base_pfn));
	KTAP_EXPECT_EQ(t, after.free_cma[zone], empty.free_cma[zone] - (long)cma->count + 100);
	KTAP_EXPECT_EQ(t, after.isolated[ZONE_NORMAL] + after.isolated[ZONE_HIGHMEM], 0);
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	for (objstore_handle_t h = 1; h <= (objstore_handle_t)made; h++)
		if (!objstore_check_pattern(&test_os, h, 17)) {
			ktap_fail(t, __FILE__, __LINE__, "object %lu lost its data", h);
			break;
		}
	objstore_destroy(&test_os);
	take_state(&after);
	KTAP_EXPECT_TRUE(t, same_state(&empty, &after));
}

static struct ktap_case cma_cases[] = {KTAP_CASE(cma_default_area_is_lent_to_the_buddy_allocator),
				       KTAP_CASE(cma_whole_empty_area_alloc_and_release),
				       KTAP_CASE(cma_whole_area_full_of_objects_moves_them_all),
				       KTAP_CASE(cma_count_and_alignment_edge_cases),
				       KTAP_CASE(cma_refused_migration_is_undone_exactly),
				       {}};

static struct ktap_suite cma_suite = {
	.name = "cma",
	.cases = cma_cases,
	.init = cma_test_init,
	.exit = cma_test_exit,
};
KTAP_SUITE_DEFINE(cma_suite);
