/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Taking pageblocks out of the allocator's reach (Linux's
 * include/linux/page-isolation.h), and the contiguous range allocator
 * built on it.
 *
 * An isolated pageblock has the migratetype MIGRATE_ISOLATE: its free
 * pages sit on the MIGRATE_ISOLATE lists, which no allocation uses, and
 * are not counted in NR_FREE_PAGES; pages freed into it join them.  So
 * once a range is isolated and its pcp pages drained, whatever becomes
 * free there stays free, and alloc_contig_range() only has to move the
 * pages still in use out of it.
 */
#ifndef _PAGE_ISOLATION_H
#define _PAGE_ISOLATION_H

#include "types.h"
#include "mm.h"

/* isol_flags (Linux's values) */
#define MEMORY_OFFLINE 0x1 /* memory hot-remove's rules; unused here */
#define REPORT_FAILURE 0x2 /* dump the page that stops the isolation */

/** is_migrate_isolate_page - is @page's pageblock isolated? */
static inline bool is_migrate_isolate_page(const struct page *page)
{
	return get_pageblock_migratetype(page) == MIGRATE_ISOLATE;
}

/**
 * start_isolate_page_range - isolate every pageblock that [@start_pfn, @end_pfn) touches
 * @start_pfn: first frame
 * @end_pfn: end frame (exclusive)
 * @migratetype: what the blocks will be given back as (MIGRATE_CMA for a
 *               CMA area, MIGRATE_MOVABLE otherwise); a CMA block is only
 *               isolated for MIGRATE_CMA
 * @flags: REPORT_FAILURE to dump the page that prevents it
 * @gfp_flags: the allocation's flags (unused: Linux splits free pages that
 *             straddle the range's end, which cannot happen with
 *             pageblock_order = MAX_ORDER - 1)
 *
 * A block fails if it is already isolated or holds a page that could not
 * be moved (reserved, a hole, allocated without a movable owner); then the
 * blocks isolated so far are restored.  The caller drains the pcp lists.
 *
 * Return: 0, or -EBUSY.
 */
int start_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype,
			     int flags, gfp_t gfp_flags);

/**
 * undo_isolate_page_range - give the isolated blocks back as @migratetype
 * @start_pfn: first frame, as given to start_isolate_page_range()
 * @end_pfn: end frame (exclusive)
 * @migratetype: the blocks' type from now on
 *
 * Free pages return to the free lists and counters; blocks that are not
 * isolated are left alone.
 */
void undo_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype);

/**
 * test_pages_isolated - is [@start_pfn, @end_pfn) isolated and entirely free?
 * @start_pfn: first frame
 * @end_pfn: end frame (exclusive)
 * @isol_flags: unused (Linux's MEMORY_OFFLINE relaxations)
 *
 * Return: 0, or -EBUSY.
 */
int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn, int isol_flags);

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
		       gfp_t gfp_mask);

#endif /* _PAGE_ISOLATION_H */
