// SPDX-License-Identifier: GPL-2.0
/*
 * Pageblock isolation (Linux's mm/page_isolation.c, 6.1).
 *
 * Isolating a pageblock sets MIGRATE_ISOLATE and moves its free pages to
 * the MIGRATE_ISOLATE lists, out of NR_FREE_PAGES; from then on nothing
 * is allocated from it and pages freed into it stay there (page_alloc.c's
 * free path sees the type).  alloc_contig_range() isolates the range it
 * wants, moves the used pages out, and checks with test_pages_isolated()
 * that all of it is free; undoing the isolation puts the free pages back
 * on the block's own lists and counters.
 *
 * Every change of MIGRATE_ISOLATE happens under zone->lock together with
 * zone->nr_isolate_pageblock and the free counters, so the allocator's
 * counters always match its lists.
 */
#include "page-isolation.h"
#include "mm.h"
#include "vmstat.h"
#include "printk.h"

/*
 * The first page of [@start_pfn, @end_pfn), inside one pageblock, that
 * isolation for @migratetype must refuse, or NULL.
 *
 * Linux answers NULL at once for a CMA block isolated for CMA ("the
 * allocator only lets movable pages in"), and finds out at migration time
 * if that was wrong.  We check instead (a deliberate difference): a page in
 * use that has no movable owner (or is larger than a page) cannot be
 * migrated, so the range is refused before anything is moved, whatever the
 * block's type.  Pages being freed (reference count 0, not yet on a free
 * list) and pages whose owner just let go (__PageMovable without ops) will
 * be free by the time the range is tested.
 */
static struct page *has_unmovable_pages(unsigned long start_pfn, unsigned long end_pfn,
					int migratetype)
{
	struct page *page = pfn_to_page(start_pfn);

	/*
	 * CMA blocks are taken back only by CMA, and only they: the undo
	 * gives the blocks @migratetype, which must not turn ordinary memory
	 * into CMA or the other way round.
	 */
	if (is_migrate_cma(get_pageblock_migratetype(page)) != is_migrate_cma(migratetype))
		return page;

	for (unsigned long pfn = start_pfn; pfn < end_pfn; pfn++) {
		if (!pfn_valid(pfn))
			return pfn_to_page(pfn); /* a hole: never free */
		page = pfn_to_page(pfn);
		if (PageReserved(page))
			return page;
		if (PageBuddy(page)) {
			/* The rest of the free block is free too. */
			pfn += (1UL << buddy_order(page)) - 1;
			continue;
		}
		if (page_count(page) == 0)
			continue;
		/*
		 * Another CPU's page, read without its lock, as Linux does
		 * here: a hint, since its owner may let go meanwhile, and the
		 * range is tested again once it has been migrated.
		 */
		if (data_race(__PageMovable(page) && page_alloc_order(page) == 0))
			continue;
		return page;
	}
	return NULL;
}

/*
 * Isolate @page's pageblock, checking [@start_pfn, @end_pfn) of it for
 * pages that could not be moved.
 */
static int set_migratetype_isolate(struct page *page, int migratetype, int isol_flags,
				   unsigned long start_pfn, unsigned long end_pfn)
{
	struct zone *zone = page_zone(page);
	unsigned long pfn = page_to_pfn(page);
	unsigned long flags, nr_pages;
	struct page *unmovable;
	int mt;

	spin_lock_irqsave(&zone->lock, flags);
	/* Someone else is taking this block: back off rather than share it. */
	if (is_migrate_isolate_page(page)) {
		spin_unlock_irqrestore(&zone->lock, flags);
		return -EBUSY;
	}
	unmovable = has_unmovable_pages(max(pfn, start_pfn), min(pageblock_end_pfn(pfn), end_pfn),
					migratetype);
	if (!unmovable) {
		mt = get_pageblock_migratetype(page);
		set_pageblock_migratetype(page, MIGRATE_ISOLATE);
		zone->nr_isolate_pageblock++;
		nr_pages = (unsigned long)move_freepages_block(zone, page, MIGRATE_ISOLATE, NULL);
		__mod_zone_freepage_state(zone, -(long)nr_pages, mt);
		spin_unlock_irqrestore(&zone->lock, flags);
		return 0;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	/* Printed outside the lock, as Linux does. */
	if (isol_flags & REPORT_FAILURE)
		dump_page(unmovable, "unmovable page");
	return -EBUSY;
}

/* Give @page's isolated pageblock back as @migratetype. */
static void unset_migratetype_isolate(struct page *page, int migratetype)
{
	struct zone *zone = page_zone(page);
	unsigned long flags, nr_pages;

	spin_lock_irqsave(&zone->lock, flags);
	if (!is_migrate_isolate_page(page))
		goto out;
	/*
	 * Linux first re-frees a free block larger than the pageblock so it
	 * can merge with a buddy beyond; with pageblock_order = MAX_ORDER - 1
	 * no free block is larger than its pageblock, so moving the free
	 * pages is all there is to do.
	 */
	nr_pages = (unsigned long)move_freepages_block(zone, page, migratetype, NULL);
	__mod_zone_freepage_state(zone, (long)nr_pages, migratetype);
	set_pageblock_migratetype(page, migratetype);
	zone->nr_isolate_pageblock--;
out:
	spin_unlock_irqrestore(&zone->lock, flags);
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
			     int flags, gfp_t gfp_flags)
{
	unsigned long isolate_start = pageblock_start_pfn(start_pfn);
	unsigned long isolate_end = ALIGN(end_pfn, pageblock_nr_pages);
	unsigned long pfn;

	(void)gfp_flags;
	for (pfn = isolate_start; pfn < isolate_end; pfn += pageblock_nr_pages) {
		if (set_migratetype_isolate(pfn_to_page(pfn), migratetype, flags, start_pfn,
					    end_pfn)) {
			undo_isolate_page_range(isolate_start, pfn, migratetype);
			return -EBUSY;
		}
	}
	return 0;
}

/**
 * undo_isolate_page_range - give the isolated blocks back as @migratetype
 * @start_pfn: first frame, as given to start_isolate_page_range()
 * @end_pfn: end frame (exclusive)
 * @migratetype: the blocks' type from now on
 *
 * Free pages return to the free lists and counters; blocks that are not
 * isolated are left alone.
 */
void undo_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype)
{
	unsigned long isolate_end = ALIGN(end_pfn, pageblock_nr_pages);

	for (unsigned long pfn = pageblock_start_pfn(start_pfn); pfn < isolate_end;
	     pfn += pageblock_nr_pages) {
		struct page *page = pfn_to_page(pfn);

		if (is_migrate_isolate_page(page))
			unset_migratetype_isolate(page, migratetype);
	}
}

/**
 * test_pages_isolated - is [@start_pfn, @end_pfn) isolated and entirely free?
 * @start_pfn: first frame
 * @end_pfn: end frame (exclusive)
 * @isol_flags: unused
 *
 * Free means in a free block of the isolated lists: pages still on a pcp
 * list count as busy, so the caller drains first.
 *
 * Return: 0, or -EBUSY.
 */
int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn, int isol_flags)
{
	unsigned long pfn, flags;
	struct zone *zone;

	(void)isol_flags;
	for (pfn = pageblock_start_pfn(start_pfn); pfn < end_pfn; pfn += pageblock_nr_pages)
		if (!is_migrate_isolate_page(pfn_to_page(pfn)))
			return -EBUSY;

	zone = page_zone(pfn_to_page(start_pfn));
	spin_lock_irqsave(&zone->lock, flags);
	for (pfn = start_pfn; pfn < end_pfn;) {
		struct page *page = pfn_to_page(pfn);

		if (!PageBuddy(page))
			break;
		pfn += 1UL << buddy_order(page);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return pfn < end_pfn ? -EBUSY : 0;
}
