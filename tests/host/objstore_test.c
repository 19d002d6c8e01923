// SPDX-License-Identifier: GPL-2.0
/*
 * The object store, the kernel's owner of movable pages, and the migration
 * protocol it implements: handles and data, highmem objects, isolation and
 * putback, migration with the handle following the data, an object freed
 * while migration holds it, fault injection, and alloc_contig_range()
 * moving objects out of ordinary (non-CMA) pageblocks.
 */
#include "ktap.h"
#include "host_boot.h"
#include "host_mm.h"
#include "migrate.h"
#include "objstore.h"
#include "page-isolation.h"
#include "vmstat.h"
#include "../../mm/internal.h"
#include <string.h>

/* 64 MiB: 48 MiB Normal, 16 MiB HighMem. */
static const struct host_mm_layout layout_64m_highmem = {
	.mem = {{0x60000000, MB(64)}},
	.nr_mem = 1,
	.lowmem_limit = 0x63000000,
	HOST_MM_TEST_IMAGE,
};

static struct objstore os;

/* Every zone's free pages, pcp lists drained. */
static long total_free(void)
{
	drain_all_pages(NULL);
	return zone_page_state(NORMAL, NR_FREE_PAGES) + zone_page_state(HIGHMEM, NR_FREE_PAGES);
}

static int objstore_test_init(struct ktap_test *t)
{
	(void)t;
	host_page_alloc_reset_tunables();
	host_mm_boot(&layout_64m_highmem);
	return 0;
}

static void objstore_test_exit(struct ktap_test *t)
{
	(void)t;
	objstore_destroy(&os);
}

static bool on_list(const struct list_head *head, const struct page *page)
{
	const struct page *p;

	list_for_each_entry (p, head, lru)
		if (p == page)
			return true;
	return false;
}

static void objstore_write_read_free_round_trip(struct ktap_test *t)
{
	long free_before = total_free();
	objstore_handle_t h[8];
	char buf[64], out[64];

	KTAP_ASSERT_EQ(t, objstore_init(&os, "rt", 8), 0);
	for (int i = 0; i < 8; i++) {
		KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h[i]), 0);
		KTAP_EXPECT_EQ(t, h[i], i + 1);
		scnprintf(buf, sizeof(buf), "object %d", i);
		KTAP_EXPECT_EQ(t, objstore_write(&os, h[i], 100 * (size_t)i, buf, sizeof(buf)), 0);
	}
	KTAP_EXPECT_EQ(t, os.nr_objects, 8);
	for (int i = 0; i < 8; i++) {
		struct page *page = objstore_page(&os, h[i]);

		KTAP_ASSERT_TRUE(t, page != NULL);
		KTAP_EXPECT_TRUE(t, PageMovable(page));
		KTAP_EXPECT_EQ(t, page_private(page), h[i]);
		KTAP_EXPECT_EQ(t, page_count(page), 1);
		KTAP_EXPECT_TRUE(t, on_list(&os.pages, page));
		KTAP_EXPECT_EQ(t, objstore_read(&os, h[i], 100 * (size_t)i, out, sizeof(out)), 0);
		scnprintf(buf, sizeof(buf), "object %d", i);
		KTAP_EXPECT_STREQ(t, out, buf);
	}
	objstore_free(&os, h[3]);
	KTAP_EXPECT_PTR_EQ(t, objstore_page(&os, h[3]), NULL);
	KTAP_EXPECT_EQ(t, os.nr_objects, 7);
	objstore_destroy(&os);
	KTAP_EXPECT_EQ(t, total_free(), free_before);
	EXPECT_ZONE_OK(t, NORMAL);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

static void objstore_handles_run_out_and_are_reused(struct ktap_test *t)
{
	objstore_handle_t h;

	KTAP_EXPECT_EQ(t, objstore_init(&os, "none", 0), -EINVAL);
	KTAP_EXPECT_EQ(t, objstore_init(&os, "huge", ~0UL), -EINVAL);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "small", 4), 0);
	for (int i = 0; i < 4; i++)
		KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	KTAP_EXPECT_EQ(t, objstore_alloc(&os, &h), -ENOSPC);
	objstore_free(&os, 2);
	KTAP_EXPECT_EQ(t, objstore_alloc(&os, &h), 0);
	KTAP_EXPECT_EQ(t, h, 2);
}

static void objstore_rejects_bad_handles_and_ranges(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	objstore_handle_t h;
	char buf[16] = "x";

	KTAP_ASSERT_EQ(t, objstore_init(&os, "bad", 4), 0);
	KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	KTAP_EXPECT_EQ(t, objstore_write(&os, 0, 0, buf, 1), -EINVAL);
	KTAP_EXPECT_EQ(t, objstore_write(&os, 5, 0, buf, 1), -EINVAL);
	KTAP_EXPECT_EQ(t, objstore_write(&os, 2, 0, buf, 1), -EINVAL); /* never allocated */
	KTAP_EXPECT_EQ(t, objstore_write(&os, h, PAGE_SIZE - 4, buf, 8), -EINVAL);
	KTAP_EXPECT_EQ(t, objstore_read(&os, h, PAGE_SIZE + 1, buf, 0), -EINVAL);
	KTAP_EXPECT_EQ(t, objstore_write(&os, h, PAGE_SIZE - 8, buf, 8), 0);
	KTAP_EXPECT_PTR_EQ(t, objstore_page(&os, 0), NULL);
	KTAP_EXPECT_FALSE(t, objstore_check_pattern(&os, 3, 1));
	objstore_free(&os, 3);
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "objstore bad: free of invalid handle 3 (caller "));
	KTAP_EXPECT_EQ(t, os.nr_objects, 1);
	/* A double free is refused the same way: the page is not freed twice. */
	objstore_free(&os, h);
	KTAP_EXPECT_EQ(t, os.nr_objects, 0);
	mark = printk_log_mark();
	objstore_free(&os, h);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "free of invalid handle 1 (caller "));
	KTAP_EXPECT_EQ(t, os.nr_objects, 0);
}

static void objstore_objects_may_live_in_highmem(struct ktap_test *t)
{
	objstore_handle_t h;
	int highmem = 0;

	KTAP_ASSERT_EQ(t, objstore_init(&os, "high", 64), 0);
	for (int i = 0; i < 64; i++) {
		KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
		objstore_fill_pattern(&os, h, 42);
		highmem += PageHighMem(objstore_page(&os, h));
	}
	/* GFP_HIGHUSER_MOVABLE prefers the HighMem zone. */
	KTAP_EXPECT_EQ(t, highmem, 64);
	for (h = 1; h <= 64; h++)
		KTAP_EXPECT_TRUE(t, objstore_check_pattern(&os, h, 42));
	KTAP_EXPECT_FALSE(t, objstore_check_pattern(&os, 1, 43));
	/* The pattern depends on the handle: another object's data does not pass. */
	copy_highpage(objstore_page(&os, 2), objstore_page(&os, 1));
	KTAP_EXPECT_FALSE(t, objstore_check_pattern(&os, 2, 42));
}

static void objstore_isolate_and_putback_follow_the_protocol(struct ktap_test *t)
{
	struct page *page, *other;
	objstore_handle_t h;
	LIST_HEAD(list);

	KTAP_ASSERT_EQ(t, objstore_init(&os, "iso", 4), 0);
	KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	page = objstore_page(&os, h);
	KTAP_ASSERT_TRUE(t, isolate_movable_page(page));
	KTAP_EXPECT_TRUE(t, PageIsolated(page));
	KTAP_EXPECT_EQ(t, page_count(page), 2);
	KTAP_EXPECT_FALSE(t, on_list(&os.pages, page));
	/* Isolated once is enough: a second isolation is refused. */
	KTAP_EXPECT_FALSE(t, isolate_movable_page(page));
	KTAP_EXPECT_EQ(t, page_count(page), 2);
	list_add(&page->lru, &list);
	putback_movable_pages(&list);
	KTAP_EXPECT_TRUE(t, list_empty(&list));
	KTAP_EXPECT_FALSE(t, PageIsolated(page));
	KTAP_EXPECT_EQ(t, page_count(page), 1);
	KTAP_EXPECT_TRUE(t, on_list(&os.pages, page));
	/* Free pages, unowned pages and a refusing owner are not isolated. */
	other = alloc_page(GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, other != NULL);
	KTAP_EXPECT_FALSE(t, isolate_movable_page(other));
	KTAP_EXPECT_EQ(t, page_count(other), 1);
	__free_page(other);
	drain_all_pages(NULL);
	KTAP_EXPECT_FALSE(t, isolate_movable_page(other));
	KTAP_EXPECT_EQ(t, page_count(other), 0);
	os.refuse_isolate = true;
	KTAP_EXPECT_FALSE(t, isolate_movable_page(page));
	KTAP_EXPECT_EQ(t, page_count(page), 1);
	KTAP_EXPECT_FALSE(t, PageIsolated(page));
}

static void objstore_migration_moves_data_and_handle(struct ktap_test *t)
{
	struct migration_target_control mtc = {.nid = 0, .gfp_mask = GFP_USER | __GFP_MOVABLE};
	unsigned long success_before = pgmigrate_success;
	long free_before;
	unsigned int done = 0;
	objstore_handle_t h;
	struct page *old;
	LIST_HEAD(list);

	KTAP_ASSERT_EQ(t, objstore_init(&os, "mig", 4), 0);
	KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	objstore_fill_pattern(&os, h, 77);
	old = objstore_page(&os, h);
	free_before = total_free();
	KTAP_ASSERT_TRUE(t, isolate_movable_page(old));
	list_add(&old->lru, &list);
	KTAP_EXPECT_EQ(t,
		       migrate_pages(&list, alloc_migration_target, NULL, (unsigned long)&mtc,
				     MR_CONTIG_RANGE, &done),
		       0);
	KTAP_EXPECT_EQ(t, done, 1);
	KTAP_EXPECT_TRUE(t, list_empty(&list));
	KTAP_EXPECT_EQ(t, pgmigrate_success - success_before, 1);
	KTAP_EXPECT_PTR_NE(t, objstore_page(&os, h), old);
	KTAP_EXPECT_TRUE(t, objstore_check_pattern(&os, h, 77));
	KTAP_EXPECT_EQ(t, os.nr_migrated, 1);
	/* A highmem source moves to highmem; the source is free again, nothing else changed. */
	KTAP_EXPECT_TRUE(t, PageHighMem(objstore_page(&os, h)));
	KTAP_EXPECT_EQ(t, page_count(old), 0);
	KTAP_EXPECT_FALSE(t, PageIsolated(old));
	KTAP_EXPECT_PTR_EQ(t, old->mapping, NULL);
	KTAP_EXPECT_EQ(t, total_free(), free_before);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

static void objstore_owner_refusing_migration_keeps_the_page(struct ktap_test *t)
{
	struct migration_target_control mtc = {.nid = 0, .gfp_mask = GFP_USER | __GFP_MOVABLE};
	long free_before;
	objstore_handle_t h;
	struct page *page;
	LIST_HEAD(list);

	KTAP_ASSERT_EQ(t, objstore_init(&os, "no", 4), 0);
	KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	objstore_fill_pattern(&os, h, 5);
	page = objstore_page(&os, h);
	free_before = total_free();
	os.migrate_budget = 0;
	KTAP_ASSERT_TRUE(t, isolate_movable_page(page));
	list_add(&page->lru, &list);
	KTAP_EXPECT_EQ(t,
		       migrate_pages(&list, alloc_migration_target, NULL, (unsigned long)&mtc,
				     MR_CONTIG_RANGE, NULL),
		       1);
	/* Still isolated, on the caller's list, with the unused target freed. */
	KTAP_EXPECT_FALSE(t, list_empty(&list));
	KTAP_EXPECT_TRUE(t, PageIsolated(page));
	KTAP_EXPECT_EQ(t, total_free(), free_before);
	putback_movable_pages(&list);
	KTAP_EXPECT_PTR_EQ(t, objstore_page(&os, h), page);
	KTAP_EXPECT_TRUE(t, objstore_check_pattern(&os, h, 5));
	KTAP_EXPECT_EQ(t, page_count(page), 1);
}

static void objstore_free_while_isolated_is_dropped_by_migration(struct ktap_test *t)
{
	struct migration_target_control mtc = {.nid = 0, .gfp_mask = GFP_USER | __GFP_MOVABLE};
	long free_before;
	objstore_handle_t h;
	struct page *page;
	LIST_HEAD(list);

	KTAP_ASSERT_EQ(t, objstore_init(&os, "gone", 4), 0);
	free_before = total_free();
	KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	page = objstore_page(&os, h);
	KTAP_ASSERT_TRUE(t, isolate_movable_page(page));
	list_add(&page->lru, &list);
	objstore_free(&os, h);
	/* Migration's reference keeps it alive; the owner has let go. */
	KTAP_EXPECT_EQ(t, page_count(page), 1);
	KTAP_EXPECT_FALSE(t, PageMovable(page));
	KTAP_EXPECT_EQ(t,
		       migrate_pages(&list, alloc_migration_target, NULL, (unsigned long)&mtc,
				     MR_CONTIG_RANGE, NULL),
		       0);
	KTAP_EXPECT_EQ(t, page_count(page), 0);
	KTAP_EXPECT_EQ(t, total_free(), free_before);

	/* The same through putback. */
	KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
	page = objstore_page(&os, h);
	KTAP_ASSERT_TRUE(t, isolate_movable_page(page));
	list_add(&page->lru, &list);
	objstore_free(&os, h);
	putback_movable_pages(&list);
	KTAP_EXPECT_EQ(t, page_count(page), 0);
	KTAP_EXPECT_EQ(t, total_free(), free_before);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

/* Outside CMA too: an ordinary movable pageblock full of objects is emptied. */
static void objstore_contig_range_in_a_movable_block_moves_objects(struct ktap_test *t)
{
	unsigned long start = 0, in_block = 0;
	long free_before;
	objstore_handle_t h;

	KTAP_ASSERT_EQ(t, objstore_init(&os, "movable", 2048), 0);
	for (int i = 0; i < 2048; i++) {
		KTAP_ASSERT_EQ(t, objstore_alloc(&os, &h), 0);
		objstore_fill_pattern(&os, h, 11);
	}
	/* The HighMem block that holds the most objects. */
	for (unsigned long pfn = HIGHMEM->zone_start_pfn; pfn < zone_end_pfn(HIGHMEM);
	     pfn += pageblock_nr_pages) {
		unsigned long n = 0;

		for (unsigned long i = 0; i < pageblock_nr_pages; i++)
			n += PageMovable(pfn_to_page(pfn + i));
		if (n > in_block) {
			in_block = n;
			start = pfn;
		}
	}
	KTAP_ASSERT_TRUE(t, in_block > 512);
	free_before = total_free();
	KTAP_ASSERT_EQ(t, alloc_contig_range(start, start + pageblock_nr_pages, MIGRATE_MOVABLE, 0),
		       0);
	KTAP_EXPECT_EQ(t, os.nr_migrated, in_block);
	for (h = 1; h <= 2048; h++) {
		unsigned long pfn = page_to_pfn(objstore_page(&os, h));

		if (!objstore_check_pattern(&os, h, 11) ||
		    (pfn >= start && pfn < start + pageblock_nr_pages)) {
			ktap_fail(t, __FILE__, __LINE__, "object %lu not moved out intact", h);
			break;
		}
	}
	KTAP_EXPECT_EQ(t, get_pageblock_migratetype(pfn_to_page(start)), MIGRATE_MOVABLE);
	KTAP_EXPECT_EQ(t, total_free(), free_before - (long)pageblock_nr_pages);
	free_contig_range(start, pageblock_nr_pages);
	KTAP_EXPECT_EQ(t, total_free(), free_before);
	EXPECT_ZONE_OK(t, HIGHMEM);
	EXPECT_ZONE_OK(t, NORMAL);
}

/* fill_range takes exactly the free pages, wherever a range starts, and leaves used ones. */
static void objstore_fill_range_takes_exactly_the_free_pages(struct ktap_test *t)
{
	unsigned long start = HIGHMEM->zone_start_pfn + 2 * pageblock_nr_pages + 100;
	unsigned long end = start + 1500, free_in_range = 0;
	struct page *mine;
	long made;

	/* Something in the range already in use. */
	KTAP_ASSERT_EQ(t, alloc_contig_range(start + 10, start + 20, MIGRATE_MOVABLE, 0), 0);
	mine = pfn_to_page(start + 10);
	drain_all_pages(NULL);
	for (unsigned long pfn = start; pfn < end; pfn++)
		free_in_range += page_count(pfn_to_page(pfn)) == 0;
	KTAP_ASSERT_EQ(t, objstore_init(&os, "fill", 2048), 0);
	made = objstore_fill_range(&os, start, end, 99);
	KTAP_EXPECT_EQ(t, made, (long)free_in_range);
	KTAP_EXPECT_EQ(t, made, 1490);
	for (unsigned long i = 0; i < 10; i++)
		KTAP_EXPECT_FALSE(t, PageMovable(mine + i));
	for (objstore_handle_t h = 1; h <= (objstore_handle_t)made; h++) {
		unsigned long pfn = page_to_pfn(objstore_page(&os, h));

		if (pfn < start || pfn >= end || !objstore_check_pattern(&os, h, 99)) {
			ktap_fail(t, __FILE__, __LINE__, "object %lu misplaced", h);
			break;
		}
	}
	/* Running out of handles stops the fill and gives the rest back. */
	objstore_destroy(&os);
	KTAP_ASSERT_EQ(t, objstore_init(&os, "tiny", 5), 0);
	KTAP_EXPECT_EQ(t, objstore_fill_range(&os, start, end, 1), -ENOSPC);
	KTAP_EXPECT_EQ(t, os.nr_objects, 5);
	free_contig_range(start + 10, 10);
	EXPECT_ZONE_OK(t, HIGHMEM);
}

static struct ktap_case objstore_cases[] = {
	KTAP_CASE(objstore_write_read_free_round_trip),
	KTAP_CASE(objstore_handles_run_out_and_are_reused),
	KTAP_CASE(objstore_rejects_bad_handles_and_ranges),
	KTAP_CASE(objstore_objects_may_live_in_highmem),
	KTAP_CASE(objstore_isolate_and_putback_follow_the_protocol),
	KTAP_CASE(objstore_migration_moves_data_and_handle),
	KTAP_CASE(objstore_owner_refusing_migration_keeps_the_page),
	KTAP_CASE(objstore_free_while_isolated_is_dropped_by_migration),
	KTAP_CASE(objstore_contig_range_in_a_movable_block_moves_objects),
	KTAP_CASE(objstore_fill_range_takes_exactly_the_free_pages),
	{}};

static struct ktap_suite objstore_suite = {
	.name = "objstore",
	.cases = objstore_cases,
	.init = objstore_test_init,
	.exit = objstore_test_exit,
};
KTAP_SUITE_DEFINE(objstore_suite);
