// SPDX-License-Identifier: GPL-2.0
/*
 * CMA on the host, in two suites.
 *
 * cma_reserve boots the early stage (DT scan, early parameters,
 * arm_memblock_init) as the target does and checks where the default area
 * goes and what happens to cma= and DT input, good and bad: Linux 6.1's
 * placement ("cma: Reserved 16 MiB at 0x9f000000" for 1 GiB on vexpress),
 * its precedence (cma= over the DT's linux,cma-default over the built-in
 * size), and a message plus a skipped area for every kind of bad input.
 *
 * cma boots the whole memory stack (memblock -> buddy) with an area and
 * exercises it: activation, cma_alloc()/cma_release() and their edge
 * cases, taking back an area full of object-store pages (every object's
 * data intact at its new place), migration failures undone without a
 * page lost, and the retry over candidate ranges.  That unmovable
 * allocations never get a CMA page is tests/target/cma_lending_test.c's,
 * which runs here too.
 */
#include <asm/memblock.h>
#include "ktap.h"
#include "host_boot.h"
#include "host_mm.h"
#include "early_boot_helpers.h"
#include "cma.h"
#include "dma-map-ops.h"
#include "migrate.h"
#include "objstore.h"
#include "page-isolation.h"
#include "vmstat.h"
#include "../../mm/internal.h"
#include "../mm_test.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*
 * CMA reads high_memory to find the lowmem/highmem boundary; these suites
 * set it with host_set_lowmem_limit() and clear it again, so other suites
 * see an all-lowmem machine.
 */

static void reset_tunables(void)
{
	host_page_alloc_reset_tunables();
}

/* ================================================================ cma_reserve */

/*
 * A vexpress-like board with @mem_size of RAM at 0x60000000, @bootargs,
 * and optionally a /reserved-memory CMA node (@cma_node: "dynamic",
 * "static", "static-odd" (misaligned), "nodefault" or NULL).
 */
static int cma_board(struct dt *d, phys_addr_t mem_size, const char *bootargs, const char *cma_node)
{
	dt_begin(d, 1, 1);
	dt_node(d, "chosen");
	if (bootargs)
		dt_str(d, "bootargs", bootargs);
	dt_end(d);
	dt_memory(d, "memory@60000000", 0x60000000, mem_size);
	if (cma_node) {
		dt_resmem_begin(d);
		dt_node(d, "linux,cma");
		dt_str(d, "compatible", "shared-dma-pool");
		dt_flag(d, "reusable");
		if (!strcmp(cma_node, "static"))
			dt_reg(d, 0x68000000, MB(32));
		else if (!strcmp(cma_node, "static-odd"))
			dt_reg(d, 0x68100000, MB(16));
		else
			dt_num(d, "size", MB(16), 1);
		if (strcmp(cma_node, "nodefault"))
			dt_flag(d, "linux,cma-default");
		dt_end(d);
		dt_end(d); /* /reserved-memory */
	}
	return dt_finish(d);
}

/* Boot the early stage of @mem_size RAM; lowmem ends where ARM's default vmalloc puts it. */
static int cma_boot(struct dt *d, phys_addr_t mem_size)
{
	host_set_lowmem_limit(min_t(phys_addr_t, 0x60000000 + mem_size, 0x90000000));
	return dt_boot(d);
}

static int cma_reserve_init(struct ktap_test *t)
{
	early_boot_suite_init(t);
	dma_contiguous_reset();
	return 0;
}

static void cma_reserve_exit(struct ktap_test *t)
{
	early_boot_suite_exit(t);
	host_set_lowmem_limit(0);
}

/* The default area's placement, as Linux 6.1 prints it for vexpress with QEMU's -m. */
static void cma_reserve_default_area_goes_where_linux_puts_it(struct ktap_test *t)
{
	static const struct {
		phys_addr_t mem;
		const char *line;
		phys_addr_t base;
	} cases[] = {
		{MB(64), "cma: Reserved 16 MiB at 0x63000000\n", 0x63000000},
		{MB(128), "cma: Reserved 16 MiB at 0x67000000\n", 0x67000000},
		{MB(256), "cma: Reserved 16 MiB at 0x6f000000\n", 0x6f000000},
		{MB(1024), "cma: Reserved 16 MiB at 0x9f000000\n", 0x9f000000},
	};
	static struct dt d;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t mark;

		early_boot_setup();
		mark = printk_log_mark();
		KTAP_ASSERT_EQ(t, cma_board(&d, cases[i].mem, NULL, NULL), 0);
		KTAP_ASSERT_EQ(t, cma_boot(&d, cases[i].mem), 0);
		EXPECT_LOG(t, mark, cases[i].line);
		KTAP_ASSERT_TRUE(t, dma_contiguous_default_area != NULL);
		KTAP_EXPECT_EQ(t, cma_get_base(dma_contiguous_default_area), cases[i].base);
		KTAP_EXPECT_EQ(t, cma_get_size(dma_contiguous_default_area), MB(16));
		KTAP_EXPECT_STREQ(t, cma_get_name(dma_contiguous_default_area), "reserved");
		KTAP_EXPECT_TRUE(t, reserved_covers(cases[i].base, MB(16)));
		KTAP_EXPECT_EQ(t, totalcma_pages, MB(16) / PAGE_SIZE);
		KTAP_EXPECT_EQ(t, cma_area_count, 1);
	}
}

/*
 * Linux prefers highmem when the range straddles the boundary: with 8 MiB
 * of highmem the area cannot fit there and must not straddle, so it goes
 * to the top of lowmem; with 16 MiB of highmem it fills highmem exactly.
 */
static void cma_reserve_never_straddles_lowmem_and_highmem(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(776), NULL, NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(776)), 0);
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x8f000000\n");

	early_boot_setup();
	dma_contiguous_reset();
	mark = printk_log_mark();
	KTAP_ASSERT_EQ(t, cma_board(&d, MB(784), NULL, NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(784)), 0);
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x90000000\n");
}

static void cma_reserve_cmdline_size_is_used(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=32M", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark, "cma: Reserved 32 MiB at 0x6e000000\n");
	KTAP_EXPECT_EQ(t, totalcma_pages, MB(32) / PAGE_SIZE);
}

static void cma_reserve_cmdline_zero_disables_the_area(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=0", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_NO_LOG(t, mark, "cma:");
	KTAP_EXPECT_PTR_EQ(t, dma_contiguous_default_area, NULL);
	KTAP_EXPECT_EQ(t, totalcma_pages, 0);
	KTAP_EXPECT_EQ(t, cma_area_count, 0);
}

static void cma_reserve_cmdline_base_places_the_area_exactly(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=16M@0x64000000", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x64000000\n");
	KTAP_EXPECT_TRUE(t, reserved_covers(0x64000000, MB(16)));
}

static void cma_reserve_cmdline_base_and_limit_bound_the_search(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	/* Top-down inside [0x61000000, 0x66000000): BASE + SIZE != LIMIT, so not fixed. */
	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=8M@0x61000000-0x66000000", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark, "cma: Reserved 8 MiB at 0x65800000\n");
}

static void cma_reserve_cmdline_size_is_rounded_to_pageblocks(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=5M", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark, "cma: Reserved 8 MiB at 0x6f800000\n");
}

/* Each bad cma= is reported, the area skipped, and the boot goes on. */
static void cma_reserve_bad_cmdline_values_are_reported_and_skipped(struct ktap_test *t)
{
	static const struct {
		const char *args;
		const char *message;
		bool default_area; /* malformed: ignored, so the default applies */
	} cases[] = {
		{"cma=512M", "cma: 512 MiB is more than all of RAM (256 MiB)\n", false},
		{"cma=16M@0x40000000",
		 "cma: 0x40000000 - 0x40ffffff is not inside RAM (0x60000000 - 0x6fffffff, no-map "
		 "excluded)\n",
		 false},
		{"cma=16M@0x80000000", "is not inside RAM", false},
		{"cma=16M@0x60000000",
		 "cma: 0x60000000 - 0x60ffffff overlaps memory that is already reserved\n", false},
		{"cma=16M@0x64100000",
		 "cma: Region at 0x64100000 must be aligned to 0x00400000 bytes\n", false},
		{"cma=248M", "cma: no free 248 MiB block between 0x60000000 and 0x70000000\n",
		 false},
		{"cma=12X", "cma=12X: unexpected \"X\" after the size, parameter ignored\n", true},
		{"cma=16M@zz", "cma=16M@zz: the base \"zz\" is not a number, parameter ignored\n",
		 true},
		{"cma=16M@", "cma=16M@: the base is missing, parameter ignored\n", true},
		{"cma=", "cma=: no value given", true},
		{"cma=16M@0x68000000-0x64000000",
		 "cma=16M@0x68000000-0x64000000: the limit is not above the base, parameter "
		 "ignored\n",
		 true},
	};
	static struct dt d;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t mark;

		early_boot_setup();
		mark = printk_log_mark();
		KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), cases[i].args, NULL), 0);
		if (!KTAP_EXPECT_EQ(t, cma_boot(&d, MB(256)), 0))
			ktap_info("%s did not boot", cases[i].args);
		if (!KTAP_EXPECT_TRUE(t, printk_log_since(mark, cases[i].message)))
			ktap_info("%s: no \"%s\"", cases[i].args, cases[i].message);
		if (cases[i].default_area) {
			EXPECT_LOG(t, mark, "Malformed early option 'cma'");
			EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x6f000000\n");
		} else {
			EXPECT_LOG(t, mark, "cma: Failed to reserve");
			KTAP_EXPECT_PTR_EQ(t, dma_contiguous_default_area, NULL);
			KTAP_EXPECT_EQ(t, totalcma_pages, 0);
		}
		/* Whatever happened, the kernel and DTB stay reserved. */
		KTAP_EXPECT_TRUE(t, reserved_covers(TEST_LOAD, TEST_KERNEL_END - TEST_LOAD));
	}
}

static void cma_reserve_dt_default_node_becomes_the_default_area(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();
	struct reserved_mem *rmem;

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), NULL, "dynamic"), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark,
		   "Reserved memory: created CMA memory pool at 0x6f000000, size 16 MiB\n");
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool\n");
	EXPECT_NO_LOG(t, mark, "compatible matching fail");
	/* The DT's area is the default one: nothing more is reserved. */
	EXPECT_NO_LOG(t, mark, "cma: Reserved");
	KTAP_ASSERT_TRUE(t, dma_contiguous_default_area != NULL);
	KTAP_EXPECT_STREQ(t, cma_get_name(dma_contiguous_default_area), "linux,cma");
	KTAP_EXPECT_EQ(t, cma_get_base(dma_contiguous_default_area), 0x6f000000);
	KTAP_EXPECT_EQ(t, cma_area_count, 1);
	rmem = of_reserved_mem_lookup_name("linux,cma");
	KTAP_ASSERT_TRUE(t, rmem != NULL);
	KTAP_EXPECT_TRUE(t, rmem->claimed);
	KTAP_EXPECT_PTR_EQ(t, rmem->priv, dma_contiguous_default_area);
}

static void cma_reserve_dt_static_node_is_used_where_it_is(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), NULL, "static"), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark,
		   "Reserved memory: created CMA memory pool at 0x68000000, size 32 MiB\n");
	KTAP_ASSERT_TRUE(t, dma_contiguous_default_area != NULL);
	KTAP_EXPECT_EQ(t, cma_get_base(dma_contiguous_default_area), 0x68000000);
	KTAP_EXPECT_EQ(t, totalcma_pages, MB(32) / PAGE_SIZE);
}

/* cma= wins over the DT (Linux: "bypass"), and the node's memory is given back. */
static void cma_reserve_cmdline_overrides_the_dt_default_node(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=32M", "static"), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark,
		   "Reserved memory: bypass linux,cma node, using cmdline CMA params instead\n");
	EXPECT_LOG(t, mark, "OF: reserved mem: node linux,cma compatible matching fail\n");
	EXPECT_LOG(t, mark, "cma: Reserved 32 MiB at 0x6e000000\n");
	KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(0x68000000, MB(32)));
	KTAP_EXPECT_EQ(t, cma_area_count, 1);
}

static void cma_reserve_dt_misaligned_node_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), NULL, "static-odd"), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark, "Reserved memory: incorrect alignment of CMA region\n");
	EXPECT_LOG(t, mark,
		   "Reserved memory: node linux,cma at 0x68100000, size 0x1000000: base and size "
		   "must be multiples of 4 MiB\n");
	EXPECT_LOG(t, mark, "OF: reserved mem: node linux,cma compatible matching fail\n");
	/* Skipped and given back; the built-in default takes its place. */
	KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(0x68100000, MB(16)));
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x6f000000\n");
}

/* A reusable pool without linux,cma-default is an area of its own, beside the default one. */
static void cma_reserve_dt_other_node_is_an_extra_area(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), NULL, "nodefault"), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark,
		   "Reserved memory: created CMA memory pool at 0x6f000000, size 16 MiB\n");
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x6e000000\n");
	KTAP_EXPECT_EQ(t, cma_area_count, 2);
	KTAP_EXPECT_STREQ(t, cma_get_name(dma_contiguous_default_area), "reserved");
	KTAP_EXPECT_EQ(t, totalcma_pages, MB(32) / PAGE_SIZE);
}

static void cma_reserve_dt_overlapping_nodes_are_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, MB(256));
	dt_resmem_begin(&d);
	dt_node(&d, "pool@68000000");
	dt_str(&d, "compatible", "shared-dma-pool");
	dt_flag(&d, "reusable");
	dt_reg(&d, 0x68000000, MB(16));
	dt_end(&d);
	dt_node(&d, "pool@68800000");
	dt_str(&d, "compatible", "shared-dma-pool");
	dt_flag(&d, "reusable");
	dt_reg(&d, 0x68800000, MB(16));
	dt_end(&d);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	EXPECT_LOG(t, mark,
		   "cma: area pool@68800000 at 0x68800000 - 0x697fffff overlaps area "
		   "pool@68000000 at 0x68000000 - 0x68ffffff: skipped\n");
	EXPECT_LOG(t, mark, "OF: reserved mem: node pool@68800000 compatible matching fail\n");
	/*
	 * Giving pool@68800000 back unreserved half of pool@68000000: that
	 * area is dropped too, before anything counts or lends its pages.
	 */
	EXPECT_LOG(t, mark,
		   "cma: CMA area pool@68000000 at 0x68000000 - 0x68ffffff: part of it is no "
		   "longer reserved: skipped\n");
	KTAP_EXPECT_EQ(t, cma_area_count, 2); /* pool@68000000 (dropped) and the default area */
	KTAP_EXPECT_STREQ(t, cma_areas[0].name, "pool@68000000");
	KTAP_EXPECT_EQ(t, cma_areas[0].count, 0);
	KTAP_EXPECT_EQ(t, totalcma_pages, MB(16) / PAGE_SIZE);
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x6f000000\n");
	/* What is left of it stays reserved: it could have been someone else's too. */
	KTAP_EXPECT_TRUE(t, reserved_covers(0x68000000, MB(8)));
}

static void cma_reserve_more_than_eight_areas_is_refused(struct ktap_test *t)
{
	static struct dt d;
	struct cma *cma;
	size_t mark;

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(256), "cma=0", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(256)), 0);
	for (int i = 0; i < MAX_CMA_AREAS; i++)
		KTAP_EXPECT_EQ(t, cma_declare_contiguous(0, MB(4), 0, 0, 0, false, NULL, &cma), 0);
	KTAP_EXPECT_STREQ(t, cma_areas[7].name, "cma7");
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, cma_declare_contiguous(0, MB(4), 0, 0, 0, false, NULL, &cma), -ENOSPC);
	EXPECT_LOG(t, mark, "cma: Not enough slots for CMA reserved regions!\n");
	KTAP_EXPECT_EQ(t, totalcma_pages, MAX_CMA_AREAS * MB(4) / PAGE_SIZE);
}

static void cma_reserve_alignment_and_bad_arguments(struct ktap_test *t)
{
	static struct dt d;
	struct cma *cma = NULL;
	size_t mark;

	KTAP_ASSERT_EQ(t, cma_board(&d, MB(1024), "cma=0", NULL), 0);
	KTAP_ASSERT_EQ(t, cma_boot(&d, MB(1024)), 0);
	/* A larger alignment is honoured; an alignment must be a power of two. */
	KTAP_EXPECT_EQ(t,
		       cma_declare_contiguous(0x61000000, MB(4), 0x70000000, MB(64), 0, false,
					      "aligned", &cma),
		       0);
	KTAP_EXPECT_EQ(t, cma_get_base(cma) % MB(64), 0);
	KTAP_EXPECT_EQ(t, cma_declare_contiguous(0, MB(4), 0, MB(12), 0, false, "odd", &cma),
		       -EINVAL);
	KTAP_EXPECT_EQ(t, cma_declare_contiguous(0, 0, 0, 0, 0, false, "empty", &cma), -EINVAL);
	/* The bitmap granule must divide the area. */
	KTAP_EXPECT_EQ(t, cma_declare_contiguous(0, MB(4), 0, 0, 11, false, "opb", &cma), -EINVAL);
	/* A fixed area across the lowmem/highmem boundary (0x90000000) cannot be one zone. */
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, cma_declare_contiguous(0x8f800000, MB(16), 0, 0, 0, true, "edge", &cma),
		       -EINVAL);
	EXPECT_LOG(t, mark,
		   "cma: Region at 0x8f800000 defined on low/high memory boundary (0x90000000)\n");
	/* cma_init_reserved_mem() wants memory that memblock reserved, pageblock aligned. */
	KTAP_EXPECT_EQ(t, cma_init_reserved_mem(0x70000000, MB(4), 0, "free", &cma), -EINVAL);
	memblock_reserve(0x70100000, MB(4));
	KTAP_EXPECT_EQ(t, cma_init_reserved_mem(0x70100000, MB(4), 0, "odd", &cma), -EINVAL);
}

static struct ktap_case cma_reserve_cases[] = {
	KTAP_CASE(cma_reserve_default_area_goes_where_linux_puts_it),
	KTAP_CASE(cma_reserve_never_straddles_lowmem_and_highmem),
	KTAP_CASE(cma_reserve_cmdline_size_is_used),
	KTAP_CASE(cma_reserve_cmdline_zero_disables_the_area),
	KTAP_CASE(cma_reserve_cmdline_base_places_the_area_exactly),
	KTAP_CASE(cma_reserve_cmdline_base_and_limit_bound_the_search),
	KTAP_CASE(cma_reserve_cmdline_size_is_rounded_to_pageblocks),
	KTAP_CASE(cma_reserve_bad_cmdline_values_are_reported_and_skipped),
	KTAP_CASE(cma_reserve_dt_default_node_becomes_the_default_area),
	KTAP_CASE(cma_reserve_dt_static_node_is_used_where_it_is),
	KTAP_CASE(cma_reserve_cmdline_overrides_the_dt_default_node),
	KTAP_CASE(cma_reserve_dt_misaligned_node_is_refused),
	KTAP_CASE(cma_reserve_dt_other_node_is_an_extra_area),
	KTAP_CASE(cma_reserve_dt_overlapping_nodes_are_refused),
	KTAP_CASE(cma_reserve_more_than_eight_areas_is_refused),
	KTAP_CASE(cma_reserve_alignment_and_bad_arguments),
	{}};

static struct ktap_suite cma_reserve_suite = {
	.name = "cma_reserve",
	.cases = cma_reserve_cases,
	.init = cma_reserve_init,
	.exit = cma_reserve_exit,
};
KTAP_SUITE_DEFINE(cma_reserve_suite);

/* ================================================================ cma */

/* 128 MiB: 96 MiB Normal, 32 MiB HighMem (as the page allocator's stress test). */
static const struct host_mm_layout layout_128m = {
	.mem = {{0x60000000, MB(128)}},
	.nr_mem = 1,
	.lowmem_limit = 0x66000000,
	HOST_MM_TEST_IMAGE,
};

/* 64 MiB, all lowmem. */
static const struct host_mm_layout layout_64m = {
	.mem = {{0x60000000, MB(64)}},
	.nr_mem = 1,
	HOST_MM_TEST_IMAGE,
};

/*
 * Boot @l with one area of @size (at @base if fixed, else top-down,
 * highmem first as on the target), activated as start_kernel does.
 */
static struct cma *boot_with_area(const struct host_mm_layout *l, phys_addr_t base,
				  phys_addr_t size, bool fixed)
{
	struct cma *cma = NULL;

	dma_contiguous_reset();
	host_mm_setup_memblock(l);
	host_set_lowmem_limit(l->lowmem_limit);
	if (cma_declare_contiguous(base, size, 0, 0, 0, fixed, "test", &cma))
		cma = NULL;
	host_mm_boot_rest(l);
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	return cma;
}

static int cma_suite_init(struct ktap_test *t)
{
	(void)t;
	reset_tunables();
	return 0;
}

static void cma_suite_exit(struct ktap_test *t)
{
	(void)t;
	host_set_lowmem_limit(0);
	reset_tunables();
}

static bool pfn_in_area(const struct cma *cma, unsigned long pfn)
{
	return pfn >= cma->base_pfn && pfn < cma->base_pfn + cma->count;
}

/* Free counters with the pcp lists drained, so two snapshots compare exactly. */
struct free_snapshot {
	long free[MAX_NR_ZONES];
	long free_cma[MAX_NR_ZONES];
	int isolated[MAX_NR_ZONES];
};

static void take_snapshot(struct free_snapshot *s)
{
	drain_all_pages(NULL);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];

		s->free[z] = zone_page_state(zone, NR_FREE_PAGES);
		s->free_cma[z] = zone_page_state(zone, NR_FREE_CMA_PAGES);
		s->isolated[z] = zone->nr_isolate_pageblock;
	}
}

static void cma_activation_lends_the_area_to_the_buddy_allocator(struct ktap_test *t)
{
	struct cma *cma;
	unsigned long managed_before;
	size_t mark = printk_log_mark();

	cma = boot_with_area(&layout_128m, 0, MB(16), false);
	KTAP_ASSERT_TRUE(t, cma != NULL);
	/* Highmem first, top-down, as Linux. */
	KTAP_EXPECT_EQ(t, cma_get_base(cma), 0x67000000);
	EXPECT_LOG(t, mark, "cma: Reserved 16 MiB at 0x67000000\n");
	/* The Memory: line (before activation) counted it as cma-reserved. */
	EXPECT_LOG(t, mark, "K reserved, 16384K cma-reserved, 16384K highmem)\n");
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	KTAP_EXPECT_EQ(t, HIGHMEM->cma_pages, 4096);
	KTAP_EXPECT_EQ(t, zone_page_state(HIGHMEM, NR_FREE_CMA_PAGES), 4096);
	KTAP_EXPECT_EQ(t, totalcma_pages, 4096);
	KTAP_EXPECT_EQ(t, totalhigh_pages(), MB(32) / PAGE_SIZE);
	KTAP_EXPECT_EQ(t, zone_managed_pages(HIGHMEM), MB(32) / PAGE_SIZE);
	KTAP_EXPECT_TRUE(t, cma->bitmap != NULL);
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	EXPECT_ZONE_OK(t, HIGHMEM);
	EXPECT_ZONE_OK(t, NORMAL);

	/* Without the area the same machine manages 16 MiB less in HighMem. */
	dma_contiguous_reset();
	host_mm_boot(&layout_128m);
	managed_before = zone_managed_pages(HIGHMEM);
	KTAP_EXPECT_EQ(t, managed_before, MB(32) / PAGE_SIZE);
}

static void cma_area_across_zones_is_not_activated(struct ktap_test *t)
{
	struct cma *cma;
	size_t mark = printk_log_mark();

	/*
	 * Fixed at 0x65800000: 8 MiB of Normal and 8 MiB of HighMem.  Reserved
	 * without knowing the boundary (high_memory unset, as in mmsim), so
	 * only the activation can notice.
	 */
	dma_contiguous_reset();
	host_mm_setup_memblock(&layout_128m);
	host_set_lowmem_limit(0);
	KTAP_ASSERT_EQ(t, cma_declare_contiguous(0x65800000, MB(16), 0, 0, 0, true, "test", &cma),
		       0);
	host_mm_boot_rest(&layout_128m);
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	EXPECT_LOG(t, mark, "cma: CMA area test could not be activated\n");
	EXPECT_LOG(t, mark, "cma: CMA area test: it spans two zones\n");
	KTAP_EXPECT_EQ(t, cma->count, 0);
	KTAP_EXPECT_EQ(t, totalcma_pages, 0);
	/* Its pages are ordinary memory now. */
	KTAP_EXPECT_EQ(t, zone_managed_pages(HIGHMEM), MB(32) / PAGE_SIZE);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 1, 0, true), NULL);
	EXPECT_ZONE_OK(t, NORMAL);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

static void cma_alloc_of_the_whole_empty_area_and_release(struct ktap_test *t)
{
	struct free_snapshot before, after;
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	struct page *page;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	take_snapshot(&before);
	page = cma_alloc(cma, cma->count, 0, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(page), cma->base_pfn);
	for (unsigned long i = 0; i < cma->count; i++) {
		if (page_count(page + i) != 1 || PageBuddy(page + i)) {
			ktap_fail(t, __FILE__, __LINE__, "page %lu of the area not allocated", i);
			break;
		}
	}
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), cma->count);
	KTAP_EXPECT_EQ(t, zone_page_state(HIGHMEM, NR_FREE_CMA_PAGES), 0);
	KTAP_EXPECT_EQ(t, HIGHMEM->nr_isolate_pageblock, 0);
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	/* The pages are the caller's: write all of them. */
	for (unsigned long i = 0; i < cma->count; i++) {
		void *addr = kmap_atomic(page + i);

		memset(addr, 0x5a, PAGE_SIZE);
		kunmap_atomic(addr);
	}
	EXPECT_ZONE_OK(t, HIGHMEM);
	KTAP_EXPECT_TRUE(t, cma_release(cma, page, cma->count));
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

/*
 * A release must give back exactly one allocation.  A count too
 * large used to free the neighbouring allocation too, and the next
 * cma_alloc() handed its pages out while their owner still held them.
 */
static void cma_release_of_more_or_less_than_one_allocation_is_refused(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_64m, 0, MB(16), false);
	struct free_snapshot before, held, now;
	struct page *a, *b, *again;
	size_t mark;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	take_snapshot(&before);
	a = cma_alloc(cma, 8, 0, false);
	b = cma_alloc(cma, 8, 0, false);
	KTAP_ASSERT_TRUE(t, a && b);
	KTAP_ASSERT_TRUE(t, b == a + 8);
	take_snapshot(&held);

	mark = printk_log_mark();
	KTAP_EXPECT_FALSE(t, cma_release(cma, a, 16)); /* a and its neighbour b */
	EXPECT_LOG(t, mark, "releasing 16 pages of an allocation of 8 (caller ");
	EXPECT_LOG(t, mark, "WARNING: at mm/cma.c:");
	KTAP_EXPECT_FALSE(t, cma_release(cma, a, 4));	  /* half of it */
	KTAP_EXPECT_FALSE(t, cma_release(cma, b + 1, 7)); /* inside another allocation */
	EXPECT_LOG(t, mark, "(it is inside another allocation)");
	KTAP_EXPECT_FALSE(t, cma_release(cma, b + 8, 1)); /* never allocated */
	/* Nothing moved: both owners still hold all their pages. */
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 16);
	take_snapshot(&now);
	KTAP_EXPECT_EQ(t, memcmp(&held, &now, sizeof(held)), 0);
	for (int i = 0; i < 8; i++) {
		KTAP_EXPECT_EQ(t, page_count(a + i), 1);
		KTAP_EXPECT_EQ(t, page_count(b + i), 1);
	}
	again = cma_alloc(cma, 8, 0, false);
	KTAP_EXPECT_TRUE(t, again == b + 8);

	KTAP_EXPECT_TRUE(t, cma_release(cma, a, 8));
	KTAP_EXPECT_FALSE(t, cma_release(cma, a, 8)); /* a second time */
	KTAP_EXPECT_TRUE(t, cma_release(cma, b, 8));
	KTAP_EXPECT_TRUE(t, cma_release(cma, again, 8));
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	take_snapshot(&held);
	KTAP_EXPECT_EQ(t, memcmp(&before, &held, sizeof(before)), 0);
	EXPECT_ZONE_OK(t, NORMAL);
}

static void cma_alloc_count_and_alignment_edge_cases(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_64m, 0, MB(16), false);
	struct page *one, *aligned, *rest, *outside;
	struct free_snapshot before, after;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	KTAP_EXPECT_EQ(t, cma_get_base(cma), 0x63000000);
	take_snapshot(&before);
	/* Nothing to allocate, too much, alignment beyond the area: NULL, nothing taken. */
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 0, 0, false), NULL);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count + 1, 0, false), NULL);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 1, 13, true), NULL); /* 32 MiB alignment */
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, 1, 40, true), NULL);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(NULL, 1, 0, true), NULL);
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);

	/* One page: the first one; one aligned to 2^8 pages: the next 1 MiB boundary. */
	one = cma_alloc(cma, 1, 0, false);
	KTAP_ASSERT_TRUE(t, one != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(one), cma->base_pfn);
	aligned = cma_alloc(cma, 3, 8, false);
	KTAP_ASSERT_TRUE(t, aligned != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(aligned), cma->base_pfn + 256);
	/* The area is now too fragmented for all of it, but not for the rest after the last use. */
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count, 0, true), NULL);
	rest = cma_alloc(cma, cma->count - 259, 0, false);
	KTAP_ASSERT_TRUE(t, rest != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(rest), cma->base_pfn + 259);
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), cma->count - 255);

	/* Releases that are not from the area, or not allocated, are refused. */
	outside = alloc_page(GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, outside != NULL);
	KTAP_EXPECT_FALSE(t, cma_release(cma, outside, 1));
	KTAP_EXPECT_FALSE(t, cma_release(cma, NULL, 1));
	KTAP_EXPECT_FALSE(t, cma_release(NULL, one, 1));
	KTAP_EXPECT_FALSE(t, cma_release(cma, rest, cma->count)); /* runs past the end */
	KTAP_EXPECT_FALSE(t, cma_release(cma, one + 1, 1));	  /* never allocated */
	KTAP_EXPECT_EQ(t, page_count(outside), 1);
	__free_page(outside);

	KTAP_EXPECT_TRUE(t, cma_release(cma, one, 1));
	KTAP_EXPECT_TRUE(t, cma_release(cma, aligned, 3));
	KTAP_EXPECT_TRUE(t, cma_release(cma, rest, cma->count - 259));
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	EXPECT_ZONE_OK(t, NORMAL);
}

static void cma_dma_wrappers_use_the_default_area_and_cap_the_alignment(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_64m, 0, MB(16), false);
	struct device dev = {.cma_area = NULL};
	struct page *page, *second;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	dma_contiguous_default_area = cma;
	page = dma_alloc_from_contiguous(NULL, 1, 0, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	/* Order 12 is capped at CONFIG_CMA_ALIGNMENT (8): the next 1 MiB boundary suffices. */
	second = dma_alloc_from_contiguous(&dev, 1, 12, false);
	KTAP_ASSERT_TRUE(t, second != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(second), cma->base_pfn + 256);
	KTAP_EXPECT_FALSE(t, dma_release_from_contiguous(NULL, page, -1));
	KTAP_EXPECT_TRUE(t, dma_release_from_contiguous(NULL, page, 1));
	KTAP_EXPECT_TRUE(t, dma_release_from_contiguous(&dev, second, 1));
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	dma_contiguous_default_area = NULL;
	KTAP_EXPECT_PTR_EQ(t, dma_alloc_from_contiguous(NULL, 1, 0, true), NULL);
	dev.cma_area = cma;
	page = dma_alloc_from_contiguous(&dev, 16, 4, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_TRUE(t, dma_release_from_contiguous(&dev, page, 16));
}

/*
 * CMA's main scenario: every page of the area holds an object with
 * known data; taking the whole area back moves every object out, each
 * handle follows its object, and no byte changes.
 */
static void cma_alloc_whole_area_full_of_objects_moves_them_all(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	static struct objstore os;
	unsigned long moved_before = pgmigrate_success, bad = 0;
	struct free_snapshot empty, before, after;
	struct page *page;
	long made;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	take_snapshot(&empty);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "fill", cma->count + 16), 0);
	made = objstore_fill_range(&os, cma->base_pfn, cma->base_pfn + cma->count, 0x1234);
	KTAP_ASSERT_EQ(t, made, (long)cma->count);
	KTAP_EXPECT_EQ(t, zone_page_state(HIGHMEM, NR_FREE_CMA_PAGES), 0);
	for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count; pfn++)
		bad += !PageMovable(pfn_to_page(pfn));
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	take_snapshot(&before);

	page = cma_alloc(cma, cma->count, 0, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(page), cma->base_pfn);
	KTAP_EXPECT_EQ(t, pgmigrate_success - moved_before, cma->count);
	KTAP_EXPECT_EQ(t, os.nr_migrated, cma->count);
	for (objstore_handle_t h = 1; h <= (objstore_handle_t)made; h++) {
		struct page *p = objstore_page(&os, h);

		if (!p || pfn_in_area(cma, page_to_pfn(p)) ||
		    !objstore_check_pattern(&os, h, 0x1234) || page_private(p) != h ||
		    !PageMovable(p))
			bad++;
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	/* The objects took 4096 free pages of HighMem; the area's pages are the caller's. */
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t,
		       before.free[ZONE_HIGHMEM] + before.free[ZONE_NORMAL] -
			       (after.free[ZONE_HIGHMEM] + after.free[ZONE_NORMAL]),
		       cma->count);
	EXPECT_ZONE_OK(t, HIGHMEM);
	EXPECT_ZONE_OK(t, NORMAL);

	KTAP_EXPECT_TRUE(t, cma_release(cma, page, cma->count));
	objstore_destroy(&os);
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, memcmp(&empty, &after, sizeof(empty)), 0);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

/* Once CMA is most of what is free, movable requests use it (Linux's balancing). */
static void cma_movable_objects_use_the_area(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	static struct objstore os;
	unsigned long in_area = 0;
	objstore_handle_t h;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "balance", MB(32) / PAGE_SIZE), 0);
	/* 28 MiB of objects in a 32 MiB HighMem zone: the CMA half must be in use. */
	for (unsigned long i = 0; i < MB(28) / PAGE_SIZE; i++) {
		if (objstore_alloc(&os, &h))
			break;
		in_area += pfn_in_area(cma, page_to_pfn(objstore_page(&os, h)));
	}
	KTAP_EXPECT_GT(t, in_area, cma->count / 2);
	objstore_destroy(&os);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

static bool objects_intact(struct objstore *os, u32 seed)
{
	for (objstore_handle_t h = 1; h <= os->nr_slots; h++)
		if (objstore_page(os, h) && !objstore_check_pattern(os, h, seed))
			return false;
	return true;
}

static unsigned long objects_in_area(struct objstore *os, const struct cma *cma)
{
	unsigned long n = 0;

	for (objstore_handle_t h = 1; h <= os->nr_slots; h++)
		if (objstore_page(os, h) && pfn_in_area(cma, page_to_pfn(objstore_page(os, h))))
			n++;
	return n;
}

static bool no_isolated_pages(struct objstore *os)
{
	for (objstore_handle_t h = 1; h <= os->nr_slots; h++)
		if (objstore_page(os, h) && PageIsolated(objstore_page(os, h)))
			return false;
	return true;
}

static unsigned long list_length(const struct list_head *head)
{
	unsigned long n = 0;
	const struct list_head *pos;

	list_for_each (pos, head)
		n++;
	return n;
}

/* An owner that will not let go: the allocation fails and everything is as before. */
static void cma_refused_isolation_fails_cleanly(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	struct free_snapshot before, after;
	static struct objstore os;
	size_t mark;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "stubborn", cma->count), 0);
	KTAP_ASSERT_EQ(t, objstore_fill_range(&os, cma->base_pfn, cma->base_pfn + cma->count, 7),
		       (long)cma->count);
	os.refuse_isolate = true;
	take_snapshot(&before);
	mark = printk_log_mark();
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count, 0, false), NULL);
	EXPECT_LOG(t, mark, "cma: cma_alloc: test: alloc failed, req-size: 4096 pages, ret: -16\n");
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	KTAP_EXPECT_EQ(t, after.isolated[ZONE_HIGHMEM], 0);
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	KTAP_EXPECT_EQ(t, os.nr_migrated, 0);
	KTAP_EXPECT_EQ(t, objects_in_area(&os, cma), cma->count);
	KTAP_EXPECT_TRUE(t, objects_intact(&os, 7));
	KTAP_EXPECT_TRUE(t, no_isolated_pages(&os));
	KTAP_EXPECT_EQ(t, list_length(&os.pages), cma->count);
	/* Once it agrees, the same request succeeds. */
	os.refuse_isolate = false;
	KTAP_EXPECT_TRUE(t, cma_release(cma, cma_alloc(cma, cma->count, 0, false), cma->count));
	KTAP_EXPECT_TRUE(t, objects_intact(&os, 7));
	objstore_destroy(&os);
	EXPECT_ZONE_OK(t, HIGHMEM);
	EXPECT_ZONE_OK(t, NORMAL);
}

/*
 * An owner that refuses part way: the objects moved so far stay moved (a
 * page for a page), the rest are put back, nothing is lost or leaked.
 */
static void cma_migration_failure_part_way_loses_nothing(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	struct free_snapshot empty, before, after, end;
	static struct objstore os;
	long total_before, total_after;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	take_snapshot(&empty);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "halfway", cma->count), 0);
	KTAP_ASSERT_EQ(t, objstore_fill_range(&os, cma->base_pfn, cma->base_pfn + cma->count, 9),
		       (long)cma->count);
	os.migrate_budget = 1000;
	take_snapshot(&before);
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count, 0, true), NULL);
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, os.nr_migrated, 1000);
	KTAP_EXPECT_EQ(t, objects_in_area(&os, cma), cma->count - 1000);
	KTAP_EXPECT_TRUE(t, objects_intact(&os, 9));
	KTAP_EXPECT_TRUE(t, no_isolated_pages(&os));
	KTAP_EXPECT_EQ(t, list_length(&os.pages), cma->count);
	KTAP_EXPECT_EQ(t, os.nr_objects, cma->count);
	total_before = before.free[ZONE_NORMAL] + before.free[ZONE_HIGHMEM];
	total_after = after.free[ZONE_NORMAL] + after.free[ZONE_HIGHMEM];
	KTAP_EXPECT_EQ(t, total_after, total_before);
	/* The 1000 freed pages of the area are CMA-free again, not isolated. */
	KTAP_EXPECT_EQ(t, after.free_cma[ZONE_HIGHMEM], 1000);
	KTAP_EXPECT_EQ(t, after.isolated[ZONE_HIGHMEM], 0);
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	KTAP_EXPECT_EQ(t, cma_used_pages(cma), 0);
	/* Nothing leaked: with the objects gone, every page is free again. */
	objstore_destroy(&os);
	take_snapshot(&end);
	KTAP_EXPECT_EQ(t, end.free[ZONE_NORMAL] + end.free[ZONE_HIGHMEM],
		       empty.free[ZONE_NORMAL] + empty.free[ZONE_HIGHMEM]);
	KTAP_EXPECT_EQ(t, end.free_cma[ZONE_HIGHMEM], empty.free_cma[ZONE_HIGHMEM]);
	EXPECT_ZONE_OK(t, HIGHMEM);
	EXPECT_ZONE_OK(t, NORMAL);
}

/* No page to migrate to: -ENOMEM, the isolation undone, the objects where they were. */
static void cma_no_migration_target_fails_cleanly(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	struct free_snapshot before, after;
	static struct objstore os;
	unsigned long in_cma = 0;
	LIST_HEAD(hog);
	size_t mark;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "nowhere", cma->count), 0);
	KTAP_ASSERT_EQ(t, objstore_fill_range(&os, cma->base_pfn, cma->base_pfn + cma->count, 3),
		       (long)cma->count);
	unmovable_storm(&hog, &in_cma);
	KTAP_EXPECT_EQ(t, in_cma, 0);
	take_snapshot(&before);
	mark = printk_log_mark();
	KTAP_EXPECT_PTR_EQ(t, cma_alloc(cma, cma->count, 0, false), NULL);
	EXPECT_LOG(t, mark, "cma: cma_alloc: test: alloc failed, req-size: 4096 pages, ret: -12\n");
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	KTAP_EXPECT_EQ(t, objects_in_area(&os, cma), cma->count);
	KTAP_EXPECT_TRUE(t, objects_intact(&os, 3));
	KTAP_EXPECT_TRUE(t, no_isolated_pages(&os));
	KTAP_EXPECT_TRUE(t, every_block_is_cma(cma));
	free_list_of_blocks(&hog, 0);
	/* With memory back, it works. */
	KTAP_EXPECT_TRUE(t, cma_release(cma, cma_alloc(cma, cma->count, 0, false), cma->count));
	KTAP_EXPECT_TRUE(t, objects_intact(&os, 3));
	objstore_destroy(&os);
	EXPECT_ZONE_OK(t, HIGHMEM);
	EXPECT_ZONE_OK(t, NORMAL);
}

/* A busy range is skipped for the next candidate (Linux's retry with the bitmap). */
static void cma_alloc_retries_the_next_range(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_128m, 0, MB(16), false);
	static struct objstore stubborn, mobile;
	struct page *page;

	KTAP_ASSERT_TRUE(t, cma != NULL);
	KTAP_ASSERT_EQ(t, objstore_init(&stubborn, "stubborn", 16), 0);
	KTAP_ASSERT_EQ(t, objstore_init(&mobile, "mobile", pageblock_nr_pages), 0);
	/* One immovable object in the first pageblock, movable ones all over the second. */
	KTAP_ASSERT_EQ(t, objstore_fill_range(&stubborn, cma->base_pfn + 5, cma->base_pfn + 6, 1),
		       1);
	stubborn.refuse_isolate = true;
	KTAP_ASSERT_EQ(t,
		       objstore_fill_range(&mobile, cma->base_pfn + pageblock_nr_pages,
					   cma->base_pfn + 2 * pageblock_nr_pages, 2),
		       (long)pageblock_nr_pages);
	page = cma_alloc(cma, pageblock_nr_pages, pageblock_order, false);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(page), cma->base_pfn + pageblock_nr_pages);
	KTAP_EXPECT_EQ(t, mobile.nr_migrated, pageblock_nr_pages);
	KTAP_EXPECT_TRUE(t, objects_intact(&mobile, 2));
	KTAP_EXPECT_TRUE(t, objects_intact(&stubborn, 1));
	/* Small requests around the stubborn page still succeed. */
	KTAP_EXPECT_TRUE(t, cma_release(cma, cma_alloc(cma, 5, 0, false), 5));
	KTAP_EXPECT_TRUE(t, cma_release(cma, page, pageblock_nr_pages));
	objstore_destroy(&stubborn);
	objstore_destroy(&mobile);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

/* A page in use without a movable owner cannot be in CMA; if one were, isolation refuses. */
static void cma_unowned_page_in_the_area_is_refused_before_migrating(struct ktap_test *t)
{
	struct cma *cma = boot_with_area(&layout_64m, 0, MB(16), false);
	static struct objstore os;
	unsigned long pfn;
	struct page *page;
	LIST_HEAD(pages);

	KTAP_ASSERT_TRUE(t, cma != NULL);
	/* A movable page nobody registered (as a driver that forgot __SetPageMovable). */
	pfn = cma->base_pfn + 1;
	KTAP_ASSERT_EQ(t, alloc_contig_range(pfn, pfn + 1, MIGRATE_CMA, 0), 0);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "around", pageblock_nr_pages), 0);
	KTAP_EXPECT_EQ(
		t, objstore_fill_range(&os, cma->base_pfn, cma->base_pfn + pageblock_nr_pages, 4),
		(long)pageblock_nr_pages - 1);
	KTAP_EXPECT_EQ(
		t, start_isolate_page_range(cma->base_pfn, cma->base_pfn + 8, MIGRATE_CMA, 0, 0),
		-EBUSY);
	KTAP_EXPECT_EQ(t, NORMAL->nr_isolate_pageblock, 0);
	/*
	 * The candidates [0, 8) and [1, 9) contain it and are refused before
	 * anything moves; [2, 10) is taken, moving exactly its 8 objects.
	 */
	page = cma_alloc(cma, 8, 0, true);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, page_to_pfn(page), cma->base_pfn + 2);
	KTAP_EXPECT_EQ(t, os.nr_migrated, 8);
	KTAP_EXPECT_TRUE(t, cma_release(cma, page, 8));
	/* Non-CMA isolation is refused for CMA blocks, CMA isolation for others. */
	KTAP_EXPECT_EQ(t,
		       start_isolate_page_range(cma->base_pfn + pageblock_nr_pages,
						cma->base_pfn + pageblock_nr_pages + 1,
						MIGRATE_MOVABLE, 0, 0),
		       -EBUSY);
	page = alloc_page(GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t,
		       alloc_contig_range(page_to_pfn(page) + 1, page_to_pfn(page) + 2, MIGRATE_CMA,
					  __GFP_NOWARN),
		       -EBUSY);
	KTAP_EXPECT_EQ(t, alloc_contig_range(0, 1, MIGRATE_CMA, 0), -EINVAL);
	__free_page(page);
	free_contig_range(pfn, 1);
	objstore_destroy(&os);
	EXPECT_ZONE_OK(t, NORMAL);
}

/* Two banks with a 16 MiB hole: ranges over the hole are refused, not walked. */
static const struct host_mm_layout layout_hole = {
	.mem = {{0x60000000, MB(32)}, {0x63000000, MB(32)}},
	.nr_mem = 2,
	HOST_MM_TEST_IMAGE,
};

static void cma_contig_range_over_a_hole_is_refused(struct ktap_test *t)
{
	const unsigned long hole = PHYS_PFN(0x62000000);
	struct free_snapshot before, after;

	dma_contiguous_reset();
	host_mm_boot(&layout_hole);
	take_snapshot(&before);
	KTAP_EXPECT_EQ(
		t,
		alloc_contig_range(hole - 8, hole + pageblock_nr_pages * 4 + 8, MIGRATE_MOVABLE, 0),
		-EINVAL);
	KTAP_EXPECT_EQ(t, alloc_contig_range(hole + 8, hole + 16, MIGRATE_MOVABLE, 0), -EINVAL);
	/* Either side of it works. */
	KTAP_EXPECT_EQ(t, alloc_contig_range(hole - 8, hole, MIGRATE_MOVABLE, 0), 0);
	free_contig_range(hole - 8, 8);
	take_snapshot(&after);
	KTAP_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	EXPECT_ZONE_OK(t, NORMAL);
}

/* Two areas, in both zones: each allocation comes from its own area. */
static void cma_two_areas_are_independent(struct ktap_test *t)
{
	struct cma *high, *low = NULL;
	struct page *a, *b;

	dma_contiguous_reset();
	host_mm_setup_memblock(&layout_128m);
	host_set_lowmem_limit(layout_128m.lowmem_limit);
	KTAP_ASSERT_EQ(t, cma_declare_contiguous(0, MB(8), 0, 0, 0, false, "high", &high), 0);
	KTAP_ASSERT_EQ(t, cma_declare_contiguous(0x62000000, MB(8), 0, 0, 1, true, "low", &low), 0);
	host_mm_boot_rest(&layout_128m);
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	KTAP_EXPECT_EQ(t, NORMAL->cma_pages, 2048);
	KTAP_EXPECT_EQ(t, HIGHMEM->cma_pages, 2048);
	/* order_per_bit 1: a request of 3 pages takes 2 bits, 4 pages. */
	a = cma_alloc(low, 3, 0, false);
	b = cma_alloc(low, 1, 0, false);
	KTAP_ASSERT_TRUE(t, a && b);
	KTAP_EXPECT_EQ(t, page_to_pfn(b) - page_to_pfn(a), 4);
	KTAP_EXPECT_EQ(t, cma_used_pages(low), 6);
	KTAP_EXPECT_EQ(t, cma_used_pages(high), 0);
	KTAP_EXPECT_FALSE(t, cma_release(high, a, 3));
	KTAP_EXPECT_TRUE(t, cma_release(low, a, 3));
	KTAP_EXPECT_TRUE(t, cma_release(low, b, 1));
	a = cma_alloc(high, high->count, 0, false);
	KTAP_ASSERT_TRUE(t, a != NULL);
	KTAP_EXPECT_TRUE(t, PageHighMem(a));
	KTAP_EXPECT_TRUE(t, cma_release(high, a, high->count));
	EXPECT_ZONE_OK(t, NORMAL);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

static struct ktap_case cma_cases[] = {
	KTAP_CASE(cma_activation_lends_the_area_to_the_buddy_allocator),
	KTAP_CASE(cma_area_across_zones_is_not_activated),
	KTAP_CASE(cma_alloc_of_the_whole_empty_area_and_release),
	KTAP_CASE(cma_release_of_more_or_less_than_one_allocation_is_refused),
	KTAP_CASE(cma_alloc_count_and_alignment_edge_cases),
	KTAP_CASE(cma_dma_wrappers_use_the_default_area_and_cap_the_alignment),
	KTAP_CASE(cma_alloc_whole_area_full_of_objects_moves_them_all),
	KTAP_CASE(cma_movable_objects_use_the_area),
	KTAP_CASE(cma_refused_isolation_fails_cleanly),
	KTAP_CASE(cma_migration_failure_part_way_loses_nothing),
	KTAP_CASE(cma_no_migration_target_fails_cleanly),
	KTAP_CASE(cma_alloc_retries_the_next_range),
	KTAP_CASE(cma_unowned_page_in_the_area_is_refused_before_migrating),
	KTAP_CASE(cma_contig_range_over_a_hole_is_refused),
	KTAP_CASE(cma_two_areas_are_independent),
	{}};

static struct ktap_suite cma_suite = {
	.name = "cma",
	.cases = cma_cases,
	.init = cma_suite_init,
	.exit = cma_suite_exit,
};
KTAP_SUITE_DEFINE(cma_suite);
