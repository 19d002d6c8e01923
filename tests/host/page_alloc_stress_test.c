// SPDX-License-Identifier: GPL-2.0
/*
 * A million random allocations and frees (mixed orders, gfp flags and so
 * migratetypes, both zones, a CMA pageblock) against a shadow map of what
 * is handed out: no page may be handed out twice, every free page must be
 * on exactly one list, and free + pcp + allocated must always add up to
 * the managed pages.  Deterministic: a fixed-seed xorshift generator.
 */
#include "ktap.h"
#include "../random.h"
#include "host_mm.h"
#include "vmstat.h"
#include "../../mm/internal.h" /* init_cma_reserved_pageblock */
#include <stdlib.h>
#include <string.h>

#define NR_OPS	    1000000
#define CHECK_EVERY 50000
#define MAX_LIVE    6000 /* about 50k pages at most: more than RAM, so it fills */

/* 128 MiB: 96 MiB Normal, 32 MiB HighMem, one CMA pageblock in Normal. */
static const struct host_mm_layout stress_layout = {
	.mem = {{0x60000000, MB(128)}},
	.nr_mem = 1,
	.lowmem_limit = 0x66000000,
	.image_base = 0x60008000,
	.text = 0x200000,
	.rodata = 0x80000,
	.init = 0x40000,
	.data = 0x40000,
	.bss = 0x40000,
};
#define CMA_BASE 0x64000000ULL

static const gfp_t stress_gfps[] = {
	GFP_KERNEL,
	GFP_ATOMIC,
	GFP_HIGHUSER_MOVABLE,
	GFP_HIGHUSER,
	GFP_KERNEL | __GFP_RECLAIMABLE,
	GFP_KERNEL | __GFP_MOVABLE,
	GFP_KERNEL | __GFP_ZERO,
};

struct live {
	struct page *page;
	unsigned int order;
};

struct stress {
	struct live *live;
	int nr_live;
	long live_pages;
	unsigned char *shadow; /* 1 per page we hold */
	unsigned long base_pfn, nr_pfns;
	unsigned long cma_pfn;
	unsigned long allocs, failures, frees;
};

/* Mostly small blocks, as real users ask; now and then up to 4 MiB. */
static unsigned int random_order(void)
{
	unsigned int r = (unsigned int)(rnd() % 100);

	if (r < 70)
		return 0;
	if (r < 94)
		return 1 + (unsigned int)(rnd() % 3);
	if (r < 99)
		return 4 + (unsigned int)(rnd() % 3);
	return 7 + (unsigned int)(rnd() % (MAX_ORDER - 7));
}

/* A stamp in the first word of each block we hold; a double hand-out would overwrite it. */
static void stamp(struct page *page, unsigned long value)
{
	unsigned long *p = kmap_atomic(page);

	*p = value;
	kunmap_atomic(p);
}

static unsigned long read_stamp(struct page *page)
{
	unsigned long *p = kmap_atomic(page);
	unsigned long v = *p;

	kunmap_atomic(p);
	return v;
}

static bool do_alloc(struct ktap_test *t, struct stress *s)
{
	gfp_t gfp = stress_gfps[rnd() % ARRAY_SIZE(stress_gfps)];
	unsigned int order = random_order();
	struct page *page;
	unsigned long pfn;

	page = alloc_pages(gfp | __GFP_NOWARN, order);
	if (!page) {
		s->failures++;
		return true;
	}
	s->allocs++;
	pfn = page_to_pfn(page);
	if (pfn & ((1UL << order) - 1) || pfn < s->base_pfn ||
	    pfn + (1UL << order) > s->base_pfn + s->nr_pfns) {
		ktap_fail(t, __FILE__, __LINE__, "bad block %#lx order %u", pfn, order);
		return false;
	}
	if (page_ref_count(page) != 1 || PageBuddy(page) || PageReserved(page)) {
		ktap_fail(t, __FILE__, __LINE__, "pfn %#lx handed out in a bad state", pfn);
		return false;
	}
	if (!(gfp & __GFP_HIGHMEM) && PageHighMem(page)) {
		ktap_fail(t, __FILE__, __LINE__, "lowmem request got highmem pfn %#lx", pfn);
		return false;
	}
	if (gfp_migratetype(gfp) != MIGRATE_MOVABLE && pfn - s->cma_pfn < pageblock_nr_pages) {
		ktap_fail(t, __FILE__, __LINE__, "unmovable request got CMA pfn %#lx", pfn);
		return false;
	}
	for (unsigned long i = 0; i < (1UL << order); i++) {
		if (s->shadow[pfn + i - s->base_pfn]) {
			ktap_fail(t, __FILE__, __LINE__, "pfn %#lx handed out twice", pfn + i);
			return false;
		}
		s->shadow[pfn + i - s->base_pfn] = 1;
	}
	if ((gfp & __GFP_ZERO) && read_stamp(page) != 0) {
		ktap_fail(t, __FILE__, __LINE__, "__GFP_ZERO page %#lx not zeroed", pfn);
		return false;
	}
	stamp(page, pfn ^ 0x5a5a5a5aUL);
	s->live[s->nr_live].page = page;
	s->live[s->nr_live].order = order;
	s->nr_live++;
	s->live_pages += 1L << order;
	return true;
}

static bool do_free(struct ktap_test *t, struct stress *s, int idx)
{
	struct live l = s->live[idx];
	unsigned long pfn = page_to_pfn(l.page);

	if (read_stamp(l.page) != (pfn ^ 0x5a5a5a5aUL)) {
		ktap_fail(t, __FILE__, __LINE__, "block %#lx was overwritten while held", pfn);
		return false;
	}
	for (unsigned long i = 0; i < (1UL << l.order); i++)
		s->shadow[pfn + i - s->base_pfn] = 0;
	__free_pages(l.page, l.order);
	s->live[idx] = s->live[--s->nr_live];
	s->live_pages -= 1L << l.order;
	s->frees++;
	return true;
}

static bool check_all(struct ktap_test *t, struct stress *s, unsigned long reports)
{
	long free_pages = 0;
	struct zone *zone;
	char why[160];

	for_each_populated_zone (zone) {
		if (!host_mm_check_zone(zone, why, sizeof(why))) {
			ktap_fail(t, __FILE__, __LINE__, "zone check: %s", why);
			return false;
		}
		free_pages += host_mm_free_pages(zone);
	}
	if (free_pages + s->live_pages != (long)totalram_pages()) {
		ktap_fail(t, __FILE__, __LINE__, "free %ld + held %ld != managed %lu", free_pages,
			  s->live_pages, totalram_pages());
		return false;
	}
	if (bad_page_reports != reports) {
		ktap_fail(t, __FILE__, __LINE__, "bad page reports during the run");
		return false;
	}
	return true;
}

static void page_alloc_stress_million_random_ops_keep_every_invariant(struct ktap_test *t)
{
	struct stress s = {0};
	unsigned long reports;
	int target = MAX_LIVE / 2;

	rng_state = 0x9e3779b97f4a7c15ULL;
	host_mm_setup_memblock(&stress_layout);
	memblock_reserve(CMA_BASE, pageblock_nr_pages * PAGE_SIZE);
	host_mm_boot_rest(&stress_layout);
	init_cma_reserved_pageblock(phys_to_page(CMA_BASE));

	s.base_pfn = NODE_DATA(0)->node_start_pfn;
	s.nr_pfns = NODE_DATA(0)->node_spanned_pages;
	s.cma_pfn = PHYS_PFN(CMA_BASE);
	s.shadow = calloc(s.nr_pfns, 1);
	s.live = calloc(MAX_LIVE, sizeof(*s.live));
	reports = bad_page_reports;
	KTAP_ASSERT_TRUE(t, check_all(t, &s, reports));

	for (int op = 1; op <= NR_OPS; op++) {
		bool ok;

		/* The target live count wanders, so memory is sometimes nearly full. */
		if (op % 20000 == 0)
			target = (int)(rnd() % MAX_LIVE);
		if (s.nr_live < MAX_LIVE && (s.nr_live < target ? rnd() % 4 != 0 : rnd() % 4 == 0))
			ok = do_alloc(t, &s);
		else if (s.nr_live)
			ok = do_free(t, &s, (int)(rnd() % (unsigned long)s.nr_live));
		else
			ok = true;
		if (!ok)
			break;
		if (rnd() % 5000 == 0)
			drain_all_pages(NULL);
		if (op % CHECK_EVERY == 0 && !check_all(t, &s, reports))
			break;
	}
	while (s.nr_live && do_free(t, &s, s.nr_live - 1))
		;
	drain_all_pages(NULL);
	check_all(t, &s, reports);
	KTAP_EXPECT_EQ(t,
		       zone_page_state(&NODE_DATA(0)->node_zones[ZONE_NORMAL], NR_FREE_CMA_PAGES),
		       (long)pageblock_nr_pages);
	ktap_info("%lu allocations, %lu failures, %lu frees", s.allocs, s.failures, s.frees);
	KTAP_EXPECT_GT(t, s.allocs, 400000);
	KTAP_EXPECT_GT(t, s.failures, 0); /* memory did run out at times */
	free(s.shadow);
	free(s.live);
}

static struct ktap_case page_alloc_stress_cases[] = {
	KTAP_CASE(page_alloc_stress_million_random_ops_keep_every_invariant), {}};
KTAP_SUITE(page_alloc_stress, page_alloc_stress_cases);
