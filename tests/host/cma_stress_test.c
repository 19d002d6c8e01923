// SPDX-License-Identifier: GPL-2.0
/*
 * A randomized interleaving of object-store churn, unmovable allocations
 * and cma_alloc()/cma_release() on two areas (one in each zone), checked
 * against what the test knows:
 *
 *  - every live object holds the data last written to it, wherever
 *    migration moved it, and its handle's page is its page;
 *  - every range cma_alloc() returned is inside its area, aligned as asked,
 *    made of pages nobody else uses (a stamp in each page survives until
 *    the release), and counted in the area's bitmap;
 *  - no unmovable page is ever in a CMA pageblock;
 *  - conservation: free pages + objects + CMA ranges held + unmovable pages
 *    held is the same number from start to end, no pageblock stays
 *    isolated, and the free lists pass host_mm_check_zone().
 *
 * Deterministic: a fixed-seed xorshift generator.
 */
#include <asm/memblock.h>
#include "ktap.h"
#include "../random.h"
#include "host_mm.h"
#include "cma.h"
#include "dma-map-ops.h"
#include "objstore.h"
#include "migrate.h"
#include "vmstat.h"
#include <stdlib.h>
#include <string.h>

#define NR_OPS	    200000
#define CHECK_EVERY 20000
#define MAX_OBJECTS 12000 /* 47 MiB of 128: enough to fill either area and press on the rest */
#define MAX_HELD    48
#define MAX_PINNED  3000

static const struct host_mm_layout stress_layout = {
	.mem = {{0x60000000, MB(128)}},
	.nr_mem = 1,
	.lowmem_limit = 0x66000000,
	HOST_MM_TEST_IMAGE,
};

static unsigned long rnd_below(unsigned long n)
{
	return n ? (unsigned long)(rnd() % n) : 0;
}

struct held {
	struct cma *cma;
	struct page *page;
	unsigned long count;
	u32 stamp;
};

struct stress {
	struct objstore os;
	u32 seed[MAX_OBJECTS + 1]; /* the pattern seed each live object was last written with */
	struct cma *areas[2];
	struct held held[MAX_HELD];
	int nr_held;
	unsigned long held_pages;
	struct list_head pinned; /* unmovable pages we hold, via ->lru */
	unsigned long nr_pinned;
	long base_free;
	/* what happened, for the report */
	unsigned long cma_ok, cma_fail, cma_pages, fills, unmovable_in_cma;
	const char *first_problem;
};

static long total_free(void)
{
	drain_all_pages(NULL);
	return zone_page_state(NORMAL, NR_FREE_PAGES) + zone_page_state(HIGHMEM, NR_FREE_PAGES);
}

static bool in_area(const struct cma *cma, unsigned long pfn)
{
	return pfn >= cma->base_pfn && pfn < cma->base_pfn + cma->count;
}

static void problem(struct stress *s, const char *what)
{
	if (!s->first_problem)
		s->first_problem = what;
}

/* A stamp in the first and last word of every page of a range. */
static void stamp_range(struct page *page, unsigned long count, u32 stamp)
{
	for (unsigned long i = 0; i < count; i++) {
		u32 *w = kmap_atomic(page + i);

		w[0] = stamp ^ (u32)i;
		w[PAGE_SIZE / 4 - 1] = ~stamp ^ (u32)i;
		kunmap_atomic(w);
	}
}

static bool stamp_intact(struct page *page, unsigned long count, u32 stamp)
{
	bool ok = true;

	for (unsigned long i = 0; i < count && ok; i++) {
		u32 *w = kmap_atomic(page + i);

		ok = w[0] == (stamp ^ (u32)i) && w[PAGE_SIZE / 4 - 1] == (~stamp ^ (u32)i);
		kunmap_atomic(w);
	}
	return ok;
}

static objstore_handle_t random_live_object(struct stress *s)
{
	objstore_handle_t h;

	if (!s->os.nr_objects)
		return 0;
	h = 1 + rnd_below(MAX_OBJECTS);
	for (unsigned long n = 0; n < MAX_OBJECTS; n++, h = h % MAX_OBJECTS + 1)
		if (objstore_page(&s->os, h))
			return h;
	return 0;
}

static void op_object_alloc(struct stress *s)
{
	objstore_handle_t h;

	if (s->os.nr_objects >= MAX_OBJECTS || objstore_alloc(&s->os, &h))
		return;
	s->seed[h] = (u32)rnd();
	objstore_fill_pattern(&s->os, h, s->seed[h]);
}

static void op_object_free(struct stress *s)
{
	objstore_handle_t h = random_live_object(s);

	if (!h)
		return;
	if (!objstore_check_pattern(&s->os, h, s->seed[h]))
		problem(s, "an object lost its data before it was freed");
	objstore_free(&s->os, h);
}

static void op_object_rewrite(struct stress *s)
{
	objstore_handle_t h = random_live_object(s);

	if (!h)
		return;
	if (!objstore_check_pattern(&s->os, h, s->seed[h]))
		problem(s, "an object lost its data before a rewrite");
	s->seed[h] = (u32)rnd();
	objstore_fill_pattern(&s->os, h, s->seed[h]);
}

static void release_held(struct stress *s, int i)
{
	struct held *hd = &s->held[i];

	if (!stamp_intact(hd->page, hd->count, hd->stamp))
		problem(s, "a cma_alloc()ed range was written by someone else");
	if (!cma_release(hd->cma, hd->page, hd->count))
		problem(s, "cma_release() refused a range cma_alloc() returned");
	s->held_pages -= hd->count;
	s->held[i] = s->held[--s->nr_held];
}

/* Mostly small requests, as drivers make; now and then a large or whole-area one. */
static void op_cma_alloc(struct stress *s)
{
	struct cma *cma = s->areas[rnd_below(2)];
	unsigned int r = (unsigned int)rnd_below(100), align = (unsigned int)rnd_below(11);
	unsigned long count;
	struct page *page;

	if (r < 70)
		count = 1 + rnd_below(64);
	else if (r < 95)
		count = 65 + rnd_below(960);
	else
		count = cma->count - rnd_below(cma->count / 4);
	if (s->nr_held == MAX_HELD)
		release_held(s, (int)rnd_below(MAX_HELD));
	page = cma_alloc(cma, count, align, true);
	if (!page) {
		s->cma_fail++;
		return;
	}
	s->cma_ok++;
	s->cma_pages += count;
	if (!in_area(cma, page_to_pfn(page)) || !in_area(cma, page_to_pfn(page) + count - 1))
		problem(s, "cma_alloc() returned pages outside its area");
	if (page_to_pfn(page) & ((1UL << align) - 1))
		problem(s, "cma_alloc() ignored the alignment");
	for (unsigned long i = 0; i < count; i++)
		if (page_count(page + i) != 1 || PageMovable(page + i) || PageBuddy(page + i))
			problem(s, "cma_alloc() returned a page that is not the caller's");
	s->held[s->nr_held].cma = cma;
	s->held[s->nr_held].page = page;
	s->held[s->nr_held].count = count;
	s->held[s->nr_held].stamp = (u32)rnd();
	stamp_range(page, count, s->held[s->nr_held].stamp);
	s->nr_held++;
	s->held_pages += count;
}

static void op_cma_release(struct stress *s)
{
	if (s->nr_held)
		release_held(s, (int)rnd_below((unsigned long)s->nr_held));
}

static void op_unmovable(struct stress *s)
{
	static const gfp_t gfps[] = {GFP_KERNEL, GFP_HIGHUSER, GFP_ATOMIC,
				     GFP_KERNEL | __GFP_RECLAIMABLE};
	struct page *page;

	if (s->nr_pinned && (s->nr_pinned >= MAX_PINNED || rnd_below(2))) {
		page = list_first_entry(&s->pinned, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
		s->nr_pinned--;
		return;
	}
	page = alloc_page(gfps[rnd_below(ARRAY_SIZE(gfps))] | __GFP_NOWARN);
	if (!page)
		return;
	if (get_pageblock_migratetype(page) == MIGRATE_CMA)
		s->unmovable_in_cma++;
	list_add_tail(&page->lru, &s->pinned);
	s->nr_pinned++;
}

/* Objects straight onto free pages of an area (the benchmark's way of filling one). */
static void op_fill(struct stress *s)
{
	struct cma *cma = s->areas[rnd_below(2)];
	unsigned long start = cma->base_pfn + rnd_below(cma->count);
	unsigned long end = min(start + 1 + rnd_below(256), cma->base_pfn + cma->count);
	unsigned long room = MAX_OBJECTS - s->os.nr_objects;
	long made;

	if (room < end - start)
		return;
	made = objstore_fill_range(&s->os, start, end, 0);
	if (made < 0) {
		problem(s, "objstore_fill_range() ran out of handles");
		return;
	}
	s->fills += (unsigned long)made;
	/* fill_range wrote seed 0 patterns: remember them for the new handles. */
	for (objstore_handle_t h = 1; h <= MAX_OBJECTS; h++) {
		struct page *p = objstore_page(&s->os, h);

		if (p && page_to_pfn(p) >= start && page_to_pfn(p) < end &&
		    objstore_check_pattern(&s->os, h, 0))
			s->seed[h] = 0;
	}
}

/* The invariants listed at the top; false (and the reason in *why) on the first broken one. */
static bool check_all(struct stress *s, char *why, size_t len)
{
	unsigned long area_held[2] = {0, 0};

	for (objstore_handle_t h = 1; h <= MAX_OBJECTS; h++) {
		struct page *p = objstore_page(&s->os, h);

		if (!p)
			continue;
		if (!objstore_check_pattern(&s->os, h, s->seed[h]) || page_private(p) != h ||
		    !PageMovable(p) || PageIsolated(p)) {
			scnprintf(why, len, "object %lu is not intact at pfn %#lx", h,
				  page_to_pfn(p));
			return false;
		}
	}
	for (int i = 0; i < s->nr_held; i++)
		area_held[s->held[i].cma == s->areas[1]] += s->held[i].count;
	for (int a = 0; a < 2; a++) {
		struct cma *cma = s->areas[a];

		if (cma_used_pages(cma) != area_held[a]) {
			scnprintf(why, len, "area %s: bitmap says %lu pages used, %lu held",
				  cma->name, cma_used_pages(cma), area_held[a]);
			return false;
		}
		for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count;
		     pfn += pageblock_nr_pages)
			if (get_pageblock_migratetype(pfn_to_page(pfn)) != MIGRATE_CMA) {
				scnprintf(why, len, "area %s: block %#lx is no longer CMA",
					  cma->name, pfn);
				return false;
			}
	}
	if (NORMAL->nr_isolate_pageblock || HIGHMEM->nr_isolate_pageblock) {
		scnprintf(why, len, "a pageblock stayed isolated");
		return false;
	}
	if (total_free() + (long)(s->os.nr_objects + s->held_pages + s->nr_pinned) !=
	    s->base_free) {
		scnprintf(why, len, "free %ld + objects %lu + cma %lu + unmovable %lu != %ld",
			  total_free(), s->os.nr_objects, s->held_pages, s->nr_pinned,
			  s->base_free);
		return false;
	}
	if (!host_mm_check_zone(NORMAL, why, len) || !host_mm_check_zone(HIGHMEM, why, len))
		return false;
	if (s->first_problem) {
		scnprintf(why, len, "%s", s->first_problem);
		return false;
	}
	return true;
}

static void cma_stress_random_interleaving_keeps_data_and_counts(struct ktap_test *t)
{
	static struct stress s;
	unsigned long migrated_before = pgmigrate_success;
	struct cma *high = NULL, *low = NULL;
	long empty_free;
	char why[200];

	memset(&s, 0, sizeof(s));
	rng_state = 0x2545f4914f6cdd1dULL;
	dma_contiguous_reset();
	host_mm_setup_memblock(&stress_layout);
	host_set_lowmem_limit(stress_layout.lowmem_limit);
	KTAP_ASSERT_EQ(t, cma_declare_contiguous(0, MB(16), 0, 0, 0, false, "high", &high), 0);
	KTAP_ASSERT_EQ(t, cma_declare_contiguous(0x62000000, MB(8), 0, 0, 0, true, "low", &low), 0);
	host_set_lowmem_limit(0);
	host_mm_boot_rest(&stress_layout);
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	s.areas[0] = high;
	s.areas[1] = low;
	INIT_LIST_HEAD(&s.pinned);
	empty_free = total_free();
	KTAP_ASSERT_EQ(t, objstore_init(&s.os, "stress", MAX_OBJECTS), 0);
	s.base_free = total_free();

	for (unsigned long op = 1; op <= NR_OPS; op++) {
		unsigned int r = (unsigned int)rnd_below(100);

		if (r < 35)
			op_object_alloc(&s);
		else if (r < 52)
			op_object_free(&s);
		else if (r < 60)
			op_object_rewrite(&s);
		else if (r < 72)
			op_cma_alloc(&s);
		else if (r < 84)
			op_cma_release(&s);
		else if (r < 98)
			op_unmovable(&s);
		else
			op_fill(&s);
		if (op % CHECK_EVERY == 0 && !check_all(&s, why, sizeof(why))) {
			ktap_fail(t, __FILE__, __LINE__, "after %lu operations: %s", op, why);
			break;
		}
	}
	ktap_info("cma_alloc: %lu ok (%lu pages), %lu failed; %lu objects migrated, %lu filled",
		  s.cma_ok, s.cma_pages, s.cma_fail, pgmigrate_success - migrated_before, s.fills);
	KTAP_EXPECT_EQ(t, s.unmovable_in_cma, 0);
	/* The run must have exercised what it claims to. */
	KTAP_EXPECT_GT(t, s.cma_ok, 1000);
	KTAP_EXPECT_GT(t, pgmigrate_success - migrated_before, 10000);

	/* Give everything back: exactly the free memory of the start. */
	while (s.nr_held)
		release_held(&s, s.nr_held - 1);
	while (s.nr_pinned) {
		struct page *page = list_first_entry(&s.pinned, struct page, lru);

		list_del(&page->lru);
		__free_page(page);
		s.nr_pinned--;
	}
	if (!check_all(&s, why, sizeof(why)))
		ktap_fail(t, __FILE__, __LINE__, "at the end: %s", why);
	objstore_destroy(&s.os);
	KTAP_EXPECT_EQ(t, total_free(), empty_free);
}

static struct ktap_case cma_stress_cases[] = {
	KTAP_CASE(cma_stress_random_interleaving_keeps_data_and_counts), {}};

KTAP_SUITE(cma_stress, cma_stress_cases);
