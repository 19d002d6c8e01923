// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator's checks that stay on, written once and run on both
 * sides (portable, as printk_test.c): on the target after the real boot
 * (every QEMU boot), on the host after a fresh simulated boot per case
 * (tests/mm_test.h's mm_test_init()).
 *
 *  - a double free (the page on a pcp list, or back in a buddy block), a
 *    free of a reserved page, with the wrong order, or of a page still
 *    mapped: each is reported as "BUG: Bad page state" with the reason and
 *    the caller, and the page is not put back: the free lists are exactly
 *    as before;
 *  - poisoning (page_poison=on, or switched on here) catches a write after
 *    free and a flipped bit, in lowmem and through kmap_atomic in highmem,
 *    on every page of a block; page_poison= is parsed as Linux parses it.
 *
 * On the target the rest of the kernel is alive while these run, so every
 * case gives back all it takes.
 */
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "mm.h"
#include "printk.h"
#include "sections.h"
#include "smp.h"
#include "vmstat.h"
#include "../mm_test.h"

/* Two at a time, too big for a test's stack frame to be comfortable. */
static struct free_state state_before, state_after;
static size_t log_mark;

/* The free under test, with the log marked just before it. */
static void mark_and_free(struct page *page, unsigned int order)
{
	log_mark = printk_log_mark();
	__free_pages(page, order);
}

/* ---------------------------------------------------------------- bad pages */

static void page_alloc_double_free_is_reported_and_ignored(struct ktap_test *t)
{
	unsigned long reports = bad_page_reports;
	struct page *page;
	size_t mark;
	int pcp_count;

	/* Order 0, the page still on the pcp list. */
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	__free_page(page);
	pcp_count = this_cpu_ptr(page_zone(page)->per_cpu_pageset)->count;
	mark = printk_log_mark();
	__free_page(page);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "BUG: Bad page state in process swapper  pfn:"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "page dumped because: double free"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "caller: "));
	KTAP_EXPECT_EQ(t, this_cpu_ptr(page_zone(page)->per_cpu_pageset)->count, pcp_count);
	KTAP_EXPECT_EQ(t, page_ref_count(page), 0); /* the reference the check dropped is back */

	/* Order 0 and order 3 again, the block back in the buddy lists. */
	for (unsigned int order = 0; order <= 3; order += 3) {
		page = alloc_pages(GFP_KERNEL, order);
		KTAP_ASSERT_TRUE(t, page != NULL);
		__free_pages(page, order);
		snapshot_free_state(&state_before); /* drains: the page is now in a buddy block */
		mark = printk_log_mark();
		__free_pages(page, order);
		KTAP_EXPECT_TRUE(t, printk_log_since(mark, "page dumped because: double free"));
		snapshot_free_state(&state_after);
		expect_same_free_state(t, &state_before, &state_after);
	}
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 3);
}

static void page_alloc_free_of_reserved_page_is_reported_and_not_put_back(struct ktap_test *t)
{
	struct page *page = virt_to_page(_stext); /* the kernel's own text */
	unsigned long reports = bad_page_reports;
	int refcount = page_ref_count(page);
	char expect[64];
	size_t mark;

	KTAP_ASSERT_TRUE(t, PageReserved(page));
	snapshot_free_state(&state_before);
	mark = printk_log_mark();
	__free_page(page);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	scnprintf(expect, sizeof(expect), "BUG: Bad page state in process swapper  pfn:%05lx\n",
		  page_to_pfn(page));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, expect));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "flags: 0x1(reserved|zone=0)"));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark,
				    "page dumped because: PAGE_FLAGS_CHECK_AT_FREE flag(s) set\n"));
	KTAP_EXPECT_TRUE(t, PageReserved(page));
	KTAP_EXPECT_FALSE(t, PageBuddy(page));
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
	/* The free dropped the image's reference before the check; give it back. */
	set_page_count(page, refcount);
}

static void page_alloc_free_with_wrong_order_is_reported_and_not_put_back(struct ktap_test *t)
{
	unsigned long reports = bad_page_reports;
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	int z;

	KTAP_ASSERT_TRUE(t, page != NULL);
	z = page_zonenum(page);
	snapshot_free_state(&state_before);
	mark_and_free(page, 1);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(
			   log_mark,
			   "page dumped because: freed with order 1, allocated with order 2\n"));
	KTAP_EXPECT_EQ(t, page_ref_count(page), 1);
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
	/* The block is intact: freeing it properly works. */
	__free_pages(page, 2);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	snapshot_free_state(&state_after);
	KTAP_EXPECT_EQ(t, state_after.free_pages[z], state_before.free_pages[z] + 4);
}

static void page_alloc_free_of_mapped_page_is_reported_and_not_put_back(struct ktap_test *t)
{
	unsigned long reports = bad_page_reports;
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	int z;

	KTAP_ASSERT_TRUE(t, page != NULL);
	z = page_zonenum(page);
	snapshot_free_state(&state_before);
	page->_mapcount = 0; /* as if still mapped once */
	mark_and_free(page, 1);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	KTAP_EXPECT_TRUE(t, printk_log_since(log_mark, "mapcount:1"));
	KTAP_EXPECT_TRUE(t, printk_log_since(log_mark, "page dumped because: nonzero mapcount\n"));
	snapshot_free_state(&state_after);
	expect_same_free_state(t, &state_before, &state_after);
	/* Unmapped, with the reference the refused free dropped: now it goes back. */
	page->_mapcount = -1;
	set_page_count(page, 1);
	__free_pages(page, 1);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports + 1);
	snapshot_free_state(&state_after);
	KTAP_EXPECT_EQ(t, state_after.free_pages[z], state_before.free_pages[z] + 2);
}

/* ---------------------------------------------------------------- poisoning */

/*
 * A freed page goes on the pcp list of its pageblock's migratetype (CMA's
 * and isolated blocks' on the movable one), as in Linux 6.1.  A small
 * boot's GFP_KERNEL pages can come from a movable pageblock stolen without
 * being claimed: ask for the type of the list @page went to, so the LIFO
 * list hands it straight back.  With mobility grouping off every request
 * is unmovable (gfp_migratetype's Linux twin): then only a page of an
 * unmovable pageblock can come back; false if no request reaches @page.
 */
static bool gfp_of_pcp_list(const struct page *page, gfp_t *gfp)
{
	int mt = get_pageblock_migratetype(page);

	if (mt >= MIGRATE_PCPTYPES)
		mt = MIGRATE_MOVABLE;
	if (page_group_by_mobility_disabled && mt != MIGRATE_UNMOVABLE)
		return false;
	*gfp = (*gfp & ~GFP_MOVABLE_MASK) | ((gfp_t)mt << GFP_MOVABLE_SHIFT);
	return true;
}

/* Was @page handed back?  If not, free what came instead (and stop the test). */
static bool got_back(struct ktap_test *t, struct page *again, struct page *page)
{
	if (KTAP_EXPECT_PTR_EQ(t, again, page))
		return true;
	if (again)
		__free_page(again);
	return false;
}

/* Higher orders are poisoned and checked page by page. */
static void page_alloc_poisoning_covers_every_page_of_a_block(struct ktap_test *t)
{
	bool at_boot = page_poisoning_enabled();
	struct page *page;
	unsigned char *v;

	_page_poisoning_enabled = true;
	page = alloc_pages(GFP_KERNEL, 2);
	if (KTAP_EXPECT_TRUE(t, page != NULL)) {
		__free_pages(page, 2);
		v = page_address(page + 3);
		KTAP_EXPECT_EQ(t, v[123], PAGE_POISON);
		KTAP_EXPECT_TRUE(t, PagePoisoned(page + 3));
	}
	_page_poisoning_enabled = at_boot;
}

/* page_poison= as Linux parses it: a bool, anything else refused. */
static void page_alloc_poisoning_parameter_is_a_bool(struct ktap_test *t)
{
	bool at_boot = page_poisoning_enabled();

	_page_poisoning_enabled = false;
	KTAP_EXPECT_EQ(t, early_page_poison_param("on"), 0);
	KTAP_EXPECT_TRUE(t, page_poisoning_enabled());
	KTAP_EXPECT_EQ(t, early_page_poison_param("off"), 0);
	KTAP_EXPECT_FALSE(t, page_poisoning_enabled());
	KTAP_EXPECT_EQ(t, early_page_poison_param("maybe"), -EINVAL);
	_page_poisoning_enabled = at_boot;
}

static void page_alloc_poisoning_detects_write_after_free(struct ktap_test *t)
{
	bool at_boot = page_poisoning_enabled();
	struct page *page, *again;
	unsigned char *v;
	bool comes_back;
	size_t mark;
	gfp_t gfp;

	ktap_info("page poisoning %s", at_boot ? "on from the command line (page_poison=on)"
					       : "switched on for this test");
	_page_poisoning_enabled = true;
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	gfp = GFP_KERNEL;
	comes_back = gfp_of_pcp_list(page, &gfp);
	v = page_address(page);
	__free_page(page);
	KTAP_EXPECT_TRUE(t, PagePoisoned(page));
	KTAP_EXPECT_EQ(t, v[0], PAGE_POISON);
	KTAP_EXPECT_EQ(t, v[PAGE_SIZE - 1], PAGE_POISON);
	if (!comes_back) {
		ktap_skip(t, "mobility grouping is off and the page is in a movable pageblock: "
			     "no allocation reaches the pcp list it is freed to");
		goto out;
	}

	/* Untouched: handed out again without a report (the pcp list is LIFO). */
	mark = printk_log_mark();
	if (!got_back(t, alloc_pages(gfp, 0), page))
		goto out;
	KTAP_EXPECT_FALSE(t, printk_log_since(mark, "pagealloc:"));
	KTAP_EXPECT_FALSE(t, PagePoisoned(page));

	/* A write after free. */
	__free_page(page);
	v[100] = 0x12;
	v[101] = 0x34;
	mark = printk_log_mark();
	if (!got_back(t, alloc_pages(gfp, 0), page))
		goto out;
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "pagealloc: memory corruption\n"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, " 12 34\n"));
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(mark, "page dumped because: pagealloc: corrupted page details"));

	/* One flipped bit. */
	__free_page(page);
	v[7] ^= 0x10;
	mark = printk_log_mark();
	if (!got_back(t, alloc_pages(gfp, 0), page))
		goto out;
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "pagealloc: single bit error\n"));
	__free_page(page);

	/* Highmem pages are poisoned and checked through kmap_atomic. */
	page = alloc_pages(GFP_HIGHUSER, 0);
	if (KTAP_EXPECT_TRUE(t, page != NULL)) {
		gfp = GFP_HIGHUSER;
		if (!gfp_of_pcp_list(page, &gfp)) {
			__free_page(page);
			ktap_skip(t, "mobility grouping is off and the highmem page is in a "
				     "movable pageblock: it cannot come back");
			goto out;
		}
		__free_page(page);
		v = kmap_atomic(page);
		KTAP_EXPECT_EQ(t, v[PAGE_SIZE / 2], PAGE_POISON);
		v[PAGE_SIZE / 2] = 0;
		kunmap_atomic(v);
		mark = printk_log_mark();
		again = alloc_pages(gfp, 0);
		if (got_back(t, again, page)) {
			KTAP_EXPECT_TRUE(t,
					 printk_log_since(mark, "pagealloc: memory corruption\n"));
			__free_page(again);
		}
	}
out:
	_page_poisoning_enabled = at_boot;
}

static struct ktap_case page_alloc_debug_cases[] = {
	KTAP_CASE(page_alloc_double_free_is_reported_and_ignored),
	KTAP_CASE(page_alloc_free_of_reserved_page_is_reported_and_not_put_back),
	KTAP_CASE(page_alloc_free_with_wrong_order_is_reported_and_not_put_back),
	KTAP_CASE(page_alloc_free_of_mapped_page_is_reported_and_not_put_back),
	KTAP_CASE(page_alloc_poisoning_detects_write_after_free),
	KTAP_CASE(page_alloc_poisoning_covers_every_page_of_a_block),
	KTAP_CASE(page_alloc_poisoning_parameter_is_a_bool),
	{},
};

static struct ktap_suite page_alloc_debug_suite = {
	.name = "page_alloc_debug",
	.cases = page_alloc_debug_cases,
	.init = mm_test_init,
	.exit = mm_test_exit,
};
KTAP_SUITE_DEFINE(page_alloc_debug_suite);
