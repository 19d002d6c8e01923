// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of CMA, in guest instructions (include/bench.h,
 * docs/bench.md): cma_alloc() and cma_release() of 4 MiB and 16 MiB from
 * the default area, empty and full of object-store pages, and per migrated
 * page.  On request only (kunit.filter_glob=bench_cma); each result is one
 *
 *	# bench: cma.<measure>: <value> <unit>
 *
 * line.  Exact under QEMU with -icount shift=0.
 */
#include "bench.h"
#include "cma.h"
#include "dma-map-ops.h"
#include "ktap.h"
#include "migrate.h"
#include "mm.h"
#include "objstore.h"
#include "printk.h"

/* Repetitions of the allocations from an empty area (the clock ticks every 10 instructions). */
#define EMPTY_REPS 8

static struct objstore bench_os;

static struct cma *bench_area(struct ktap_test *t)
{
	struct cma *cma = dma_contiguous_default_area;

	if (!bench_clock_available() || !bench_calibrate()) {
		ktap_skip(t, "no usable Cortex-A9 global timer");
		return NULL;
	}
	if (!cma || !cma->count) {
		ktap_skip(t, "this boot has no default CMA area");
		return NULL;
	}
	return cma;
}

/* cma_alloc + cma_release of @pages from the empty area, each timed on its own. */
static void bench_empty(struct ktap_test *t, struct cma *cma, unsigned long pages,
			const char *alloc_name, const char *release_name)
{
	u64 alloc_ticks = 0, release_ticks = 0;

	if (pages > cma->count) {
		ktap_info("area smaller than %lu pages: %s not measured", pages, alloc_name);
		return;
	}
	for (int i = 0; i < EMPTY_REPS; i++) {
		struct page *page;
		u64 t0, t1, t2;

		t0 = bench_clock_read();
		page = cma_alloc(cma, pages, 0, false);
		t1 = bench_clock_read();
		if (!KTAP_EXPECT_TRUE(t, page != NULL))
			return;
		KTAP_EXPECT_TRUE(t, cma_release(cma, page, pages));
		t2 = bench_clock_read();
		alloc_ticks += t1 - t0;
		release_ticks += t2 - t1;
	}
	bench_report(alloc_name, bench_ticks_to_insns(alloc_ticks), EMPTY_REPS, "instructions");
	bench_report(release_name, bench_ticks_to_insns(release_ticks), EMPTY_REPS, "instructions");
}

/*
 * Fill the whole area with objects, then cma_alloc @pages of it: every
 * page taken must be migrated first.
 */
static void bench_full(struct ktap_test *t, struct cma *cma, unsigned long pages, const char *name)
{
	unsigned long migrated;
	struct page *page;
	char per_page[64];
	u64 t0, t1, fill;
	long made;

	if (pages > cma->count) {
		ktap_info("area smaller than %lu pages: %s not measured", pages, name);
		return;
	}
	if (!KTAP_EXPECT_EQ(t, objstore_init(&bench_os, "bench_cma", cma->count), 0))
		return;
	t0 = bench_clock_read();
	made = objstore_fill_range(&bench_os, cma->base_pfn, cma->base_pfn + cma->count, 1);
	fill = bench_clock_read() - t0;
	KTAP_EXPECT_EQ(t, made, (long)cma->count);

	migrated = pgmigrate_success;
	t0 = bench_clock_read();
	page = cma_alloc(cma, pages, 0, false);
	t1 = bench_clock_read();
	migrated = pgmigrate_success - migrated;
	if (KTAP_EXPECT_TRUE(t, page != NULL)) {
		KTAP_EXPECT_EQ(t, migrated, pages);
		bench_report(name, bench_ticks_to_insns(t1 - t0), 1, "instructions");
		scnprintf(per_page, sizeof(per_page), "%s_per_migrated_page", name);
		bench_report(per_page, bench_ticks_to_insns(t1 - t0), migrated,
			     "instructions/page");
		KTAP_EXPECT_TRUE(t, cma_release(cma, page, pages));
	}
	if (pages == cma->count)
		bench_report("cma.objstore_fill_area", bench_ticks_to_insns(fill), 1,
			     "instructions");
	objstore_destroy(&bench_os);
}

static void bench_cma_alloc_from_empty_area(struct ktap_test *t)
{
	struct cma *cma = bench_area(t);

	if (!cma)
		return;
	bench_empty(t, cma, SZ_4M / PAGE_SIZE, "cma.alloc_4M_empty", "cma.release_4M");
	bench_empty(t, cma, SZ_16M / PAGE_SIZE, "cma.alloc_16M_empty", "cma.release_16M");
}

static void bench_cma_alloc_from_full_area(struct ktap_test *t)
{
	struct cma *cma = bench_area(t);

	if (!cma)
		return;
	bench_full(t, cma, SZ_4M / PAGE_SIZE, "cma.alloc_4M_full");
	bench_full(t, cma, SZ_16M / PAGE_SIZE, "cma.alloc_16M_full");
}

static struct ktap_case bench_cma_cases[] = {
	KTAP_CASE(bench_cma_alloc_from_empty_area),
	KTAP_CASE(bench_cma_alloc_from_full_area),
	{},
};

static struct ktap_suite bench_cma_suite = {
	.name = "bench_cma",
	.cases = bench_cma_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_cma_suite);
