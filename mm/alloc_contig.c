// SPDX-License-Identifier: GPL-2.0
/*
 * alloc_contig_range(): take a given range of page frames out of the buddy
 * allocator, moving whatever is in the way (and free_contig_range(), which
 * gives such a range back).  Linux 6.1 keeps them in
 * mm/page_alloc.c (with the migration scanner borrowed from compaction.c);
 * here they have a file of their own so the allocator's file stays the
 * allocator's.  The algorithm is Linux's:
 *
 *   1. isolate the pageblocks (page_isolation.c): nothing new is allocated
 *      there and whatever is freed there stays free;
 *   2. drain the pcp lists, so pages cached there reach the isolated lists;
 *   3. isolate the movable pages still in use, up to 32 at a time, and
 *      migrate them to pages outside (migrate.c); retry what fails a few
 *      times;
 *   4. check that the whole range is free; take its free blocks off the
 *      isolated lists and split them into order-0 pages; free again the
 *      parts of the first and last block that lie outside the range;
 *   5. undo the isolation, whatever happened.
 */
#include "page-isolation.h"
#include "migrate.h"
#include "mm.h"
#include "gfp.h"
#include "vmstat.h"
#include "printk.h"
#include "internal.h"

/* Pages isolated for migration at a time (Linux's COMPACT_CLUSTER_MAX). */
#define COMPACT_CLUSTER_MAX 32
/* Rounds over pages that failed to migrate before giving up (Linux's 5). */
#define CONTIG_MIGRATE_TRIES 5

/*
 * Isolate up to COMPACT_CLUSTER_MAX movable pages from [*pfn, @end) onto
 * @list, advancing *pfn.  Free pages are skipped; pages that cannot be
 * isolated are left for test_pages_isolated() to report.
 *
 * As Linux's isolate_migratepages_block(), without zone->lock: the other
 * CPUs allocate and free in the range meanwhile, so what a page looks like
 * here is a hint, checked again by isolate_movable_page() with a reference
 * and the page lock.  A block seen free may be allocated before its order
 * is read, and ->private is then the new owner's: only an order that can
 * be one is skipped over (a wrong skip leaves a page for
 * test_pages_isolated() to catch, never a page unmoved unnoticed).
 */
static void isolate_migratepages_range(struct list_head *list, unsigned long *pfn,
				       unsigned long end)
{
	unsigned int nr = 0;

	while (*pfn < end && nr < COMPACT_CLUSTER_MAX) {
		struct page *page = pfn_to_page(*pfn);

		if (data_race(PageBuddy(page))) {
			unsigned int order = buddy_order_unsafe(page);

			*pfn += order < MAX_ORDER ? 1UL << order : 1;
			continue;
		}
		(*pfn)++;
		if (data_race(__PageMovable(page)) && isolate_movable_page(page)) {
			list_add_tail(&page->lru, list);
			nr++;
		}
	}
}

/* Step 3: move every movable page out of [start, end). */
static int __alloc_contig_migrate_range(struct zone *zone, unsigned long start, unsigned long end,
					gfp_t gfp_mask)
{
	struct migration_target_control mtc = {
		.nid = zone_to_nid(zone),
		/* Linux's GFP_USER | __GFP_MOVABLE | __GFP_RETRY_MAYFAIL; nothing to retry here. */
		.gfp_mask = GFP_USER | __GFP_MOVABLE | (gfp_mask & __GFP_NOWARN),
	};
	unsigned long pfn = start;
	unsigned int tries = 0;
	LIST_HEAD(migratepages);
	int ret = 0;

	while (pfn < end || !list_empty(&migratepages)) {
		if (list_empty(&migratepages)) {
			isolate_migratepages_range(&migratepages, &pfn, end);
			tries = 0;
			if (list_empty(&migratepages))
				continue;
		} else if (++tries == CONTIG_MIGRATE_TRIES) {
			ret = -EBUSY;
			break;
		}
		ret = migrate_pages(&migratepages, alloc_migration_target, NULL,
				    (unsigned long)&mtc, MR_CONTIG_RANGE, NULL);
		if (ret == -ENOMEM)
			break;
	}
	if (ret < 0) {
		putback_movable_pages(&migratepages);
		return ret;
	}
	return 0;
}

/*
 * Step 4: take every free block of [start_pfn, end_pfn) off the isolated
 * lists as order-0 pages with one reference each.  The range must start
 * at a free block.  Returns the end of the last block taken (it may reach
 * past end_pfn), or 0 if a page was not free, with nothing taken.
 */
static unsigned long isolate_freepages_range(struct zone *zone, unsigned long start_pfn,
					     unsigned long end_pfn)
{
	unsigned long pfn, flags;
	LIST_HEAD(freelist);
	struct page *page, *next;

	spin_lock_irqsave(&zone->lock, flags);
	for (pfn = start_pfn; pfn < end_pfn;) {
		unsigned int order;

		page = pfn_to_page(pfn);
		if (!PageBuddy(page))
			break;
		order = buddy_order(page);
		/* In an isolated block no watermark applies: this cannot fail. */
		if (!__isolate_free_page(page, order))
			break;
		set_page_private(page, order);
		list_add_tail(&page->lru, &freelist);
		pfn += 1UL << order;
	}
	if (pfn < end_pfn) {
		list_for_each_entry_safe (page, next, &freelist, lru) {
			list_del(&page->lru);
			__putback_isolated_page(page, (unsigned int)page_private(page),
						MIGRATE_ISOLATE);
		}
		spin_unlock_irqrestore(&zone->lock, flags);
		return 0;
	}
	spin_unlock_irqrestore(&zone->lock, flags);

	/* Linux's split_map_pages(). */
	list_for_each_entry_safe (page, next, &freelist, lru) {
		unsigned int order = (unsigned int)page_private(page);

		list_del(&page->lru);
		post_alloc_hook(page, order, __GFP_MOVABLE);
		if (order)
			split_page(page, order);
	}
	return pfn;
}

/*
 * The pageblocks [start, end) touches must be memory of one zone:
 * isolation moves whole blocks' free pages, and the migration target must
 * come from elsewhere.  (Frames inside them that are holes are caught by
 * the isolation: they are never free.)
 */
static struct zone *contig_range_zone(unsigned long start, unsigned long end)
{
	unsigned long first = pageblock_start_pfn(start);
	unsigned long last = ALIGN(end, pageblock_nr_pages) - 1;
	struct zone *zone;

	if (start >= end || !pfn_valid(start) || !pfn_valid(end - 1))
		return NULL;
	zone = page_zone(pfn_to_page(start));
	if (!zone_spans_pfn(zone, first) || !zone_spans_pfn(zone, last) ||
	    page_zone(pfn_to_page(end - 1)) != zone)
		return NULL;
	/* A pageblock wholly in a hole between banks has no struct pages any more. */
	for (unsigned long pfn = first; pfn < last; pfn += pageblock_nr_pages)
		if (!pageblock_has_memory(pfn))
			return NULL;
	return zone;
}

/**
 * alloc_contig_range - take [@start, @end) out of the buddy allocator
 * @start: first frame
 * @end: end frame (exclusive); the pageblocks touched must lie in one zone
 * @migratetype: MIGRATE_CMA for a CMA area, MIGRATE_MOVABLE otherwise
 * @gfp_mask: __GFP_NOWARN silences reports
 *
 * Linux 6.1's algorithm (mm/page_alloc.c there, mm/alloc_contig.c here):
 * isolate the pageblocks, drain the pcp lists, migrate every movable page
 * in the range to a page outside it, check the range is now all free,
 * take the free blocks off the isolated lists and split them into order-0
 * pages, give back what lies outside [@start, @end), undo the isolation.
 * On any failure the isolation is undone and nothing is taken.
 *
 * Return: 0 (each page of the range then has one reference; free them
 * with free_contig_range()), -EBUSY (a page could not be moved), -ENOMEM
 * (no page to migrate to) or -EINVAL (bad range).
 */
int alloc_contig_range(unsigned long start, unsigned long end, unsigned int migratetype,
		       gfp_t gfp_mask)
{
	unsigned long outer_start, outer_end;
	struct zone *zone;
	unsigned int order;
	int ret;

	zone = contig_range_zone(start, end);
	if (!zone)
		return -EINVAL;

	ret = start_isolate_page_range(start, end, (int)migratetype, 0, gfp_mask);
	if (ret)
		return ret;
	/* Pages cached on pcp lists now drain into the isolated lists. */
	drain_all_pages(zone);

	ret = __alloc_contig_migrate_range(zone, start, end, gfp_mask);
	/* -EBUSY: the check below finds the busy page, as in Linux. */
	if (ret && ret != -EBUSY)
		goto done;
	ret = 0;

	/*
	 * @start may lie inside a free block that begins before it: find
	 * that block, so the range is taken (and tested) from its head.
	 */
	order = 0;
	outer_start = start;
	while (!PageBuddy(pfn_to_page(outer_start))) {
		if (++order >= MAX_ORDER) {
			outer_start = start;
			break;
		}
		outer_start &= ~0UL << order;
	}
	if (outer_start != start) {
		order = buddy_order(pfn_to_page(outer_start));
		/* A small free block before @start that does not cover it. */
		if (outer_start + (1UL << order) <= start)
			outer_start = start;
	}

	if (test_pages_isolated(outer_start, end, 0)) {
		ret = -EBUSY;
		goto done;
	}
	outer_end = isolate_freepages_range(zone, outer_start, end);
	if (!outer_end) {
		ret = -EBUSY;
		goto done;
	}
	/* They go back to the isolated lists, and with the undo to the free lists. */
	if (start != outer_start)
		free_contig_range(outer_start, start - outer_start);
	if (end != outer_end)
		free_contig_range(end, outer_end - end);

done:
	undo_isolate_page_range(start, end, (int)migratetype);
	return ret;
}

/**
 * free_contig_range - free @nr_pages order-0 pages from @pfn
 * @pfn: first frame
 * @nr_pages: how many
 */
void free_contig_range(unsigned long pfn, unsigned long nr_pages)
{
	struct page *page = pfn_to_page(pfn);
	unsigned long count = 0;

	/* One mem_map (FLATMEM): the range's pages are consecutive. */
	for (; nr_pages--; page++) {
		count += page_count(page) != 1;
		__free_pages(page, 0);
	}
	if (count)
		pr_warn("%lu pages are still in use!\n", count);
}
