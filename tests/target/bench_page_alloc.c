// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the page allocator and of the boot, in guest instructions
 * (include/bench.h, docs/bench.md).  They run only when named
 * (kunit.filter_glob=bench_clock,bench_boot,bench_page_alloc, as
 * scripts/bench.py asks) and report, never assert: each result is one
 * KTAP diagnostic line
 *
 *	# bench: <group>.<measure>: <value> <unit>
 *
 * which scripts/bench.py collects into a table.  The numbers are exact
 * only under QEMU with -icount shift=0.
 */
#include "bench.h"
#include "gfp.h"
#include "ktap.h"
#include "mm.h"
#include "printk.h"
#include "vmstat.h"

/* Enough repetitions that the clock's 10-instruction tick is below 0.01 per op. */
#define PAIR_LOOPS  4096
#define BATCH_PAGES 1024
#define PCP_PAGES   32
#define PCP_ROUNDS  256

/* ---------------------------------------------------------------- the clock */

static void bench_clock_calibration(struct ktap_test *t)
{
	u64 t0, insns;

	if (!bench_ready(t))
		return;
	bench_report("clock.instructions_per_tick", bench_calibrate(), 1ULL << BENCH_FIXED_SHIFT,
		     "instructions");
	/* The calibration checked: a loop of known length, measured (2 per iteration + ~30). */
	t0 = bench_now_instructions();
	bench_spin(100000);
	insns = bench_now_instructions() - t0;
	bench_report("clock.spin_200000", insns, 1, "instructions");
}

static struct ktap_case bench_clock_cases[] = {
	KTAP_CASE(bench_clock_calibration),
	{},
};

static struct ktap_suite bench_clock_suite = {
	.name = "bench_clock",
	.cases = bench_clock_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_clock_suite);

/* ---------------------------------------------------------------- the boot */

/* Instructions between two boot stamps; false if either is missing. */
static bool boot_insns(enum bench_boot_point from, enum bench_boot_point to, u64 *insns)
{
	u64 a, b;

	if (!bench_boot_ticks(from, &a) || !bench_boot_ticks(to, &b) || b < a)
		return false;
	*insns = bench_ticks_to_insns(b - a);
	return true;
}

/*
 * From head.S to "buddy ready" (mm_core_init() returned), without the
 * early self-test hooks that run between setup_arch() and mm_core_init().
 */
static void bench_boot_entry_to_buddy_ready(struct ktap_test *t)
{
	unsigned long pages = get_num_physpages();
	u64 arch, core, total, cma;

	if (!bench_ready(t))
		return;
	if (!boot_insns(BENCH_BOOT_ENTRY, BENCH_BOOT_SETUP_ARCH, &arch) ||
	    !boot_insns(BENCH_BOOT_MM_CORE_INIT, BENCH_BOOT_BUDDY_READY, &core)) {
		ktap_skip(t, "the boot was not stamped (head.S did not start the global timer)");
		return;
	}
	total = arch + core;
	bench_report("boot.entry_to_setup_arch_done", arch, 1, "instructions");
	bench_report("boot.mm_core_init", core, 1, "instructions");
	bench_report("boot.entry_to_buddy_ready", total, 1, "instructions");
	bench_report("boot.per_mib", total, pages >> (20 - PAGE_SHIFT), "instructions/MiB");
	bench_report("boot.per_page", total, pages, "instructions/page");
	bench_report("boot.mm_core_init_per_page", core, pages, "instructions/page");
	/* After buddy ready: CMA's areas join the buddy lists (not part of the figures above). */
	if (boot_insns(BENCH_BOOT_BUDDY_READY, BENCH_BOOT_CMA_READY, &cma))
		bench_report("boot.cma_activation", cma, 1, "instructions");
}

static struct ktap_case bench_boot_cases[] = {
	KTAP_CASE(bench_boot_entry_to_buddy_ready),
	{},
};

static struct ktap_suite bench_boot_suite = {
	.name = "bench_boot",
	.cases = bench_boot_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_boot_suite);

/* ---------------------------------------------------------------- the allocator */

/*
 * Alloc+free pairs of one order, after one pair to warm up: order 0 then
 * runs entirely on the pcp list (the same page goes back and forth), the
 * others through the buddy lists, splitting and merging the same block.
 * The loop's own few instructions are included.
 */
static void bench_pair(struct ktap_test *t, const char *name, gfp_t gfp, unsigned int order)
{
	struct page *page;
	u64 t0, t1;

	page = alloc_pages(gfp, order);
	if (!KTAP_EXPECT_TRUE(t, page != NULL))
		return;
	__free_pages(page, order);
	t0 = bench_clock_read();
	for (int i = 0; i < PAIR_LOOPS; i++) {
		page = alloc_pages(gfp, order);
		__free_pages(page, order);
	}
	t1 = bench_clock_read();
	bench_report(name, bench_ticks_to_insns(t1 - t0), PAIR_LOOPS, "instructions/op");
}

static void bench_page_alloc_order0_pair(struct ktap_test *t)
{
	if (bench_ready(t))
		bench_pair(t, "page_alloc.order0_pair", GFP_KERNEL, 0);
}

static void bench_page_alloc_order0_movable_pair(struct ktap_test *t)
{
	if (bench_ready(t))
		bench_pair(t, "page_alloc.order0_highuser_movable_pair", GFP_HIGHUSER_MOVABLE, 0);
}

static void bench_page_alloc_order3_pair(struct ktap_test *t)
{
	if (bench_ready(t))
		bench_pair(t, "page_alloc.order3_pair", GFP_KERNEL, 3);
}

static void bench_page_alloc_order10_pair(struct ktap_test *t)
{
	if (bench_ready(t))
		bench_pair(t, "page_alloc.order10_pair", GFP_KERNEL, 10);
}

/* Instructions of one bench_clock_read() (and the loop around it), from 4096 of them. */
static u64 clock_read_insns(void)
{
	u64 t0 = bench_clock_read();

	for (int i = 0; i < 4096; i++)
		bench_clock_read();
	return (bench_ticks_to_insns(bench_clock_read() - t0) + 2048) / 4096;
}

/*
 * The two halves of the order-0 pair, each on its own: rounds of
 * PCP_PAGES allocations then PCP_PAGES frees, after one round to fill the
 * pcp list, so every allocation pops and every free pushes (the list
 * never runs empty and never reaches high).
 */
static void bench_page_alloc_order0_pcp_halves(struct ktap_test *t)
{
	struct page *pages[PCP_PAGES];
	u64 alloc_ticks = 0, free_ticks = 0, read;

	if (!bench_ready(t))
		return;
	for (int round = 0; round <= PCP_ROUNDS; round++) {
		u64 t0, t1, t2;

		t0 = bench_clock_read();
		for (int i = 0; i < PCP_PAGES; i++)
			pages[i] = alloc_pages(GFP_KERNEL, 0);
		t1 = bench_clock_read();
		for (int i = 0; i < PCP_PAGES; i++)
			__free_pages(pages[i], 0);
		t2 = bench_clock_read();
		if (round) { /* round 0 fills the list */
			alloc_ticks += t1 - t0;
			free_ticks += t2 - t1;
		}
	}
	/* Each half of each round includes one clock read: take it out. */
	read = clock_read_insns() * PCP_ROUNDS;
	bench_report("page_alloc.order0_alloc_pcp", bench_ticks_to_insns(alloc_ticks) - read,
		     PCP_ROUNDS * PCP_PAGES, "instructions/op");
	bench_report("page_alloc.order0_free_pcp", bench_ticks_to_insns(free_ticks) - read,
		     PCP_ROUNDS * PCP_PAGES, "instructions/op");
}

/*
 * BATCH_PAGES order-0 allocations, then their frees: the pcp list is
 * refilled from and drained to the buddy lists in batches on the way.
 * Pages are chained through ->lru, which belongs to their owner (us).
 */
static void bench_page_alloc_order0_batch(struct ktap_test *t)
{
	LIST_HEAD(pages);
	struct page *page, *next;
	u64 t0, t1, t2;
	int n = 0;

	if (!bench_ready(t))
		return;
	drain_all_pages(NULL);
	t0 = bench_clock_read();
	for (; n < BATCH_PAGES; n++) {
		page = alloc_pages(GFP_KERNEL, 0);
		if (!page)
			break;
		list_add(&page->lru, &pages);
	}
	t1 = bench_clock_read();
	list_for_each_entry_safe (page, next, &pages, lru)
		__free_pages(page, 0);
	t2 = bench_clock_read();
	KTAP_EXPECT_EQ(t, n, BATCH_PAGES);
	drain_all_pages(NULL);
	bench_report("page_alloc.order0_alloc_batch", bench_ticks_to_insns(t1 - t0), n,
		     "instructions/op");
	bench_report("page_alloc.order0_free_batch", bench_ticks_to_insns(t2 - t1), n,
		     "instructions/op");
}

static struct ktap_case bench_page_alloc_cases[] = {
	KTAP_CASE(bench_page_alloc_order0_pair),
	KTAP_CASE(bench_page_alloc_order0_pcp_halves),
	KTAP_CASE(bench_page_alloc_order0_movable_pair),
	KTAP_CASE(bench_page_alloc_order3_pair),
	KTAP_CASE(bench_page_alloc_order10_pair),
	KTAP_CASE(bench_page_alloc_order0_batch),
	{},
};

static struct ktap_suite bench_page_alloc_suite = {
	.name = "bench_page_alloc",
	.cases = bench_page_alloc_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_page_alloc_suite);
