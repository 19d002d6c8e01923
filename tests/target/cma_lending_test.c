// SPDX-License-Identifier: GPL-2.0
/*
 * CMA lends its areas to the buddy allocator for movable requests only.
 * Written once and run on both sides (portable, as printk_test.c): on the
 * target with the area the boot reserved (every QEMU boot), on the host
 * after a fresh simulated boot with the default area (tests/mm_test.h).
 *
 * An unmovable allocation storm that takes all it can never gets a CMA
 * page: memory runs out everywhere else while every page of the areas is
 * still free, and a movable request then gets one (none, with mobility
 * grouping off: every request is unmovable then).  Skips when the boot
 * has no default area (cma=0).  Gives back all it takes.
 */
#include "cma.h"
#include "dma-map-ops.h"
#include "gfp.h"
#include "ktap.h"
#include "mm.h"
#include "vmstat.h"
#include "../mm_test.h"

static struct free_state state_before, state_after;

static long free_cma_pages(void)
{
	struct zone *zone;
	long n = 0;

	for_each_populated_zone (zone)
		n += zone_page_state(zone, NR_FREE_CMA_PAGES);
	return n;
}

/* Below the min watermark everywhere but in CMA's pages: no unmovable request can succeed. */
static void expect_exhausted_but_cma(struct ktap_test *t)
{
	struct zone *zone;

	for_each_populated_zone (zone) {
		long usable = zone_page_state(zone, NR_FREE_PAGES) -
			      zone_page_state(zone, NR_FREE_CMA_PAGES);

		if (usable > (long)min_wmark_pages(zone))
			ktap_fail(t, __FILE__, __LINE__,
				  "zone %s: %ld pages outside CMA free, above min %lu", zone->name,
				  usable, min_wmark_pages(zone));
	}
}

static void cma_unmovable_storm_never_gets_a_cma_page(struct ktap_test *t)
{
	struct cma *cma = dma_contiguous_default_area;
	unsigned long n, in_cma = 0;
	struct page *page;
	LIST_HEAD(pages);

	if (!cma || !cma->count) {
		ktap_skip(t, "this boot has no default CMA area");
		return;
	}
	if (!save_pageblock_types(t)) /* unmovable requests steal movable pageblocks */
		return;
	snapshot_free_state(&state_before);
	n = unmovable_storm(&pages, &in_cma);
	ktap_info("%lu unmovable pages taken, %ld CMA pages still free", n, free_cma_pages());
	KTAP_EXPECT_GT(t, n, 0);
	KTAP_EXPECT_EQ(t, in_cma, 0);
	expect_exhausted_but_cma(t);
	/* Memory is exhausted, yet every CMA page is still free for movable requests. */
	KTAP_EXPECT_EQ(t, free_cma_pages(),
		       state_before.free_cma[ZONE_NORMAL] + state_before.free_cma[ZONE_HIGHMEM]);
	page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN);
	if (page_group_by_mobility_disabled) {
		/* Every request is unmovable then (gfp_migratetype()), as in Linux. */
		KTAP_EXPECT_PTR_EQ(t, page, NULL);
	} else if (KTAP_EXPECT_TRUE(t, page != NULL)) {
		KTAP_EXPECT_EQ(t, get_pageblock_migratetype(page), MIGRATE_CMA);
	}
	if (page)
		__free_page(page);
	free_list_of_blocks(&pages, 0);
	restore_pageblock_types(t);
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
}

static struct ktap_case cma_lending_cases[] = {
	KTAP_CASE(cma_unmovable_storm_never_gets_a_cma_page),
	{},
};

static struct ktap_suite cma_lending_suite = {
	.name = "cma_lending",
	.cases = cma_lending_cases,
	.init = mm_test_init,
	.exit = mm_test_exit,
};
KTAP_SUITE_DEFINE(cma_lending_suite);
