// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of vmalloc, in guest instructions (include/bench.h,
 * docs/bench.md): vmalloc(4 MiB) and vfree of it, per page.  On request
 * only (kunit.filter_glob=bench_vmalloc); each result is one
 *
 *	# bench: vmalloc.<measure>: <value> <unit>
 *
 * line.  Exact under QEMU with -icount shift=0.
 */
#include "bench.h"
#include "gfp.h"
#include "ktap.h"
#include "mm.h"
#include "printk.h"
#include "vmalloc.h"
#include <asm/pgtable.h>

#define REPS  8
#define PAGES (SZ_4M / PAGE_SIZE)

/*
 * The first vmalloc of a range also allocates its page tables, which stay;
 * one untimed round first, so every timed one is the steady state.
 */
static void bench_vmalloc_4m_per_page(struct ktap_test *t)
{
	u64 alloc_ticks = 0, free_ticks = 0;

	if (!bench_clock_available() || !bench_calibrate()) {
		ktap_skip(t, "no usable Cortex-A9 global timer");
		return;
	}
	vfree(vmalloc(SZ_4M));
	for (int i = 0; i < REPS; i++) {
		u64 t0, t1, t2;
		void *p;

		t0 = bench_clock_read();
		p = vmalloc(SZ_4M);
		t1 = bench_clock_read();
		if (!KTAP_EXPECT_TRUE(t, p != NULL))
			return;
		vfree(p);
		t2 = bench_clock_read();
		alloc_ticks += t1 - t0;
		free_ticks += t2 - t1;
	}
	bench_report("vmalloc.4M_pair_per_page", bench_ticks_to_insns(alloc_ticks + free_ticks),
		     REPS * PAGES, "instructions/page");
	bench_report("vmalloc.4M_alloc_per_page", bench_ticks_to_insns(alloc_ticks), REPS * PAGES,
		     "instructions/page");
	bench_report("vmalloc.4M_free_per_page", bench_ticks_to_insns(free_ticks), REPS * PAGES,
		     "instructions/page");
}

/*
 * vmap of 4 MiB of pages we already hold, then vunmap: the mapping, the
 * unmapping and the TLB flush alone, without the page allocator.
 */
static void bench_vmap_4m_per_page(struct ktap_test *t)
{
	struct page **pages = alloc_pages_exact(PAGES * sizeof(*pages), GFP_KERNEL);
	u64 map_ticks = 0, unmap_ticks = 0;
	unsigned long got = 0, runs = 1;

	if (!bench_clock_available() || !bench_calibrate() || !pages) {
		ktap_skip(t, "no usable Cortex-A9 global timer, or no memory");
		goto out;
	}
	for (got = 0; got < PAGES; got++)
		if (!(pages[got] = alloc_pages(GFP_HIGHUSER, 0)))
			goto out;
	for (unsigned long i = 1; i < PAGES; i++)
		runs += page_to_pfn(pages[i]) != page_to_pfn(pages[i - 1]) + 1;
	vunmap(vmap(pages, PAGES, 0, MT_MEMORY_RW));
	for (int i = 0; i < REPS; i++) {
		u64 t0, t1, t2;
		void *p;

		t0 = bench_clock_read();
		p = vmap(pages, PAGES, 0, MT_MEMORY_RW);
		t1 = bench_clock_read();
		if (!KTAP_EXPECT_TRUE(t, p != NULL))
			goto out;
		vunmap(p);
		t2 = bench_clock_read();
		map_ticks += t1 - t0;
		unmap_ticks += t2 - t1;
	}
	bench_report("vmalloc.vmap_4M_per_page", bench_ticks_to_insns(map_ticks), REPS * PAGES,
		     "instructions/page");
	/* The mapping makes one create_pte_mapping() call per physically contiguous run. */
	bench_report("vmalloc.vmap_4M_physical_runs", runs, 1, "runs");
	bench_report("vmalloc.vunmap_4M_per_page", bench_ticks_to_insns(unmap_ticks), REPS * PAGES,
		     "instructions/page");
out:
	while (got)
		__free_pages(pages[--got], 0);
	if (pages)
		free_pages_exact(pages, PAGES * sizeof(*pages));
}

static struct ktap_case bench_vmalloc_cases[] = {
	KTAP_CASE(bench_vmalloc_4m_per_page),
	KTAP_CASE(bench_vmap_4m_per_page),
	{},
};

static struct ktap_suite bench_vmalloc_suite = {
	.name = "bench_vmalloc",
	.cases = bench_vmalloc_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_vmalloc_suite);
