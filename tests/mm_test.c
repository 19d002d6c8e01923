// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator suites' shared helpers (tests/mm_test.h), portable:
 * linked into the kernel and into the host test binary.
 */
#include "mm_test.h"
#include "cma.h"
#include "gfp.h"
#include "vmstat.h"
#include <string.h>

/* ---------------------------------------------------------------- free-list snapshots */

/**
 * snapshot_free_state - record what the buddy lists hold, pcp lists drained first
 * @s: where to write
 */
void snapshot_free_state(struct free_state *s)
{
	struct zone *zone;

	drain_all_pages(NULL);
	memset(s, 0, sizeof(*s));
	for_each_zone (zone) {
		int z = zone_idx(zone);
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		s->free_pages[z] = zone->vm_stat[NR_FREE_PAGES];
		s->free_cma[z] = zone->vm_stat[NR_FREE_CMA_PAGES];
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			s->nr_free[z][order] = zone->free_area[order].nr_free;
			for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
				struct list_head *pos;

				list_for_each (pos, &zone->free_area[order].free_list[mt])
					s->blocks[z][mt][order]++;
			}
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}
}

/*
 * Why the free lists cannot be compared per migratetype, or NULL.  Two
 * cases make which type's list a free block is on history:
 * move_freepages_block() leaves alone a pageblock the zone ends inside
 * (Linux's "do not cross zone boundaries"), so a test cannot sort its free
 * pages onto its own type's lists (a zone smaller than a pageblock, -m 2M,
 * has only such a block); and with mobility grouping off,
 * set_pageblock_migratetype() makes every ordinary type unmovable (as
 * Linux's does), so a block a test's allocation claimed cannot be given
 * its old type back.  Then only the counts per order compare.
 */
static const char *pageblocks_unsortable(void)
{
	struct zone *zone;

	if (page_group_by_mobility_disabled)
		return "mobility grouping is off";
	for_each_populated_zone (zone)
		if (!IS_ALIGNED(zone_end_pfn(zone), pageblock_nr_pages))
			return "a zone ends inside a pageblock";
	return NULL;
}

/**
 * expect_same_free_state - fail @t for each way @b differs from @a
 * @t: the test
 * @a: the snapshot before
 * @b: the snapshot after
 *
 * Reports the first difference of each kind (one line is enough to start
 * from).  Returns true when they are the same.
 */
bool expect_same_free_state(struct ktap_test *t, const struct free_state *a,
			    const struct free_state *b)
{
	const char *unsortable = pageblocks_unsortable();
	bool same = true, by_type = !unsortable;

	if (unsortable)
		ktap_info("free lists compared per order only: %s", unsortable);

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const char *name = NODE_DATA(0)->node_zones[z].name;

		if (a->free_pages[z] != b->free_pages[z] || a->free_cma[z] != b->free_cma[z]) {
			ktap_fail(t, __FILE__, __LINE__,
				  "zone %s: NR_FREE_PAGES %ld -> %ld, NR_FREE_CMA_PAGES %ld -> %ld",
				  name, a->free_pages[z], b->free_pages[z], a->free_cma[z],
				  b->free_cma[z]);
			same = false;
		}
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			if (a->nr_free[z][order] != b->nr_free[z][order]) {
				ktap_fail(t, __FILE__, __LINE__,
					  "zone %s order %u: nr_free %lu -> %lu", name, order,
					  a->nr_free[z][order], b->nr_free[z][order]);
				same = false;
			}
			for (int mt = 0; mt < MIGRATE_TYPES && by_type; mt++) {
				if (a->blocks[z][mt][order] == b->blocks[z][mt][order])
					continue;
				ktap_fail(t, __FILE__, __LINE__,
					  "zone %s order %u %s: %lu free blocks -> %lu", name,
					  order, migratetype_names[mt], a->blocks[z][mt][order],
					  b->blocks[z][mt][order]);
				same = false;
			}
		}
	}
	return same;
}

/* ---------------------------------------------------------------- pageblock types */

/*
 * Allocations steal pageblocks from other migratetypes (an unmovable
 * request claims a movable block, a movable one a free unmovable block),
 * and a steal that does not claim the block still moves its free pages to
 * the thief's lists; freeing undoes neither.  So which list a free page is
 * on depends on history, not only on which pages are free.  Tests that
 * allocate everything note every pageblock's type first, and both before
 * and after the test put every free page on its own pageblock's list
 * (what move_freepages_block() does for the allocator when it claims a
 * block); afterwards the types are put back first.  Then the lists can be
 * compared exactly.
 */
#define MAX_SAVED_PAGEBLOCKS 1024 /* 4 GiB of 4 MiB pageblocks */

static u8 saved_types[MAX_SAVED_PAGEBLOCKS];

/*
 * The next pageblock of a zone, by the first pfn of it inside the zone (a
 * zone may start in the middle of one).
 */
static unsigned long next_pageblock_pfn(unsigned long pfn)
{
	return pageblock_start_pfn(pfn) + pageblock_nr_pages;
}

/* Put the free pages of an ordinary pageblock on its own type's lists. */
static void sort_free_pages_of_pageblock(struct zone *zone, unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	int mt = get_pfnblock_migratetype(page, pfn);
	unsigned long flags;

	if (!migratetype_is_mergeable(mt))
		return; /* CMA and isolated blocks keep their own lists */
	spin_lock_irqsave(&zone->lock, flags);
	move_freepages_block(zone, page, mt, NULL);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * save_pageblock_types - note every pageblock's migratetype, and sort the free pages
 * @t: the test (failed if there are more pageblocks than can be noted)
 *
 * Returns false when the types could not all be noted.
 */
bool save_pageblock_types(struct ktap_test *t)
{
	struct zone *zone;
	unsigned long pfn;
	unsigned int n = 0;

	drain_all_pages(NULL);
	for_each_zone (zone) {
		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
		     pfn = next_pageblock_pfn(pfn)) {
			if (!pageblock_has_memory(pfn))
				continue;
			if (n == MAX_SAVED_PAGEBLOCKS) {
				ktap_fail(t, __FILE__, __LINE__, "more than %u pageblocks",
					  MAX_SAVED_PAGEBLOCKS);
				return false;
			}
			saved_types[n++] = (u8)get_pfnblock_migratetype(pfn_to_page(pfn), pfn);
			sort_free_pages_of_pageblock(zone, pfn);
		}
	}
	return true;
}

/**
 * restore_pageblock_types - put back the types save_pageblock_types() noted, then sort
 * @t: the test (failed if a type changed in a way stealing cannot explain)
 *
 * Call it with everything the test took freed.  Returns how many
 * pageblocks had changed type.
 */
unsigned int restore_pageblock_types(struct ktap_test *t)
{
	unsigned int n = 0, changed = 0;
	struct zone *zone;
	unsigned long pfn;

	drain_all_pages(NULL);
	for_each_zone (zone) {
		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
		     pfn = next_pageblock_pfn(pfn)) {
			struct page *page = pfn_to_page(pfn);
			unsigned long flags;
			int old, now;

			if (!pageblock_has_memory(pfn))
				continue;
			old = saved_types[n++];
			now = get_pfnblock_migratetype(page, pfn);
			if (now != old) {
				changed++;
				/* Stealing only moves blocks between the ordinary types. */
				if (!migratetype_is_mergeable(now) ||
				    !migratetype_is_mergeable(old)) {
					ktap_fail(t, __FILE__, __LINE__,
						  "pfn %#lx: pageblock type %s became %s", pfn,
						  migratetype_names[old], migratetype_names[now]);
					continue;
				}
				spin_lock_irqsave(&zone->lock, flags);
				set_pageblock_migratetype(page, old);
				spin_unlock_irqrestore(&zone->lock, flags);
			}
			sort_free_pages_of_pageblock(zone, pfn);
		}
	}
	return changed;
}

/* ---------------------------------------------------------------- allocating everything */

/**
 * alloc_until_failure - allocate blocks of @order with @gfp until the allocator says no
 * @gfp: the request (__GFP_NOWARN is added)
 * @order: the order
 * @list: where the blocks go
 * @per_zone: pages taken per zone are added here, or NULL
 *
 * Allocated blocks are chained through their own ->lru (an allocated
 * page's ->lru is its owner's), so holding 262144 pages needs no memory.
 * Returns how many blocks were taken.
 */
unsigned long alloc_until_failure(gfp_t gfp, unsigned int order, struct list_head *list,
				  unsigned long *per_zone)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		list_add(&page->lru, list);
		if (per_zone)
			per_zone[page_zonenum(page)] += 1UL << order;
		n++;
	}
	return n;
}

/**
 * free_list_of_blocks - free every block alloc_until_failure() put on @list
 * @list: the blocks; empty afterwards
 * @order: their order
 */
void free_list_of_blocks(struct list_head *list, unsigned int order)
{
	struct page *page, *next;

	list_for_each_entry_safe (page, next, list, lru)
		__free_pages(page, order);
	INIT_LIST_HEAD(list);
}

/**
 * every_block_is_cma - is each pageblock of @cma's area MIGRATE_CMA (lent, not taken back)?
 * @cma: the area
 */
bool every_block_is_cma(const struct cma *cma)
{
	for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count;
	     pfn += pageblock_nr_pages)
		if (get_pageblock_migratetype(pfn_to_page(pfn)) != MIGRATE_CMA)
			return false;
	return true;
}

static bool in_a_cma_area(unsigned long pfn)
{
	for (unsigned int i = 0; i < cma_area_count; i++)
		if (pfn >= cma_areas[i].base_pfn &&
		    pfn < cma_areas[i].base_pfn + cma_areas[i].count)
			return true;
	return false;
}

/**
 * unmovable_storm - take every page unmovable requests of each kind can get
 * @list: where the pages go (order 0, chained through ->lru)
 * @in_cma: pages taken from CMA's memory are added here: a MIGRATE_CMA
 *	pageblock or any CMA area (an unmovable request must get neither)
 *
 * Highmem, kernel, reclaimable, then atomic requests, each until the
 * allocator refuses.  Returns how many pages were taken.
 */
unsigned long unmovable_storm(struct list_head *list, unsigned long *in_cma)
{
	static const gfp_t gfps[] = {GFP_HIGHUSER, GFP_KERNEL, GFP_KERNEL | __GFP_RECLAIMABLE,
				     GFP_ATOMIC};
	unsigned long n = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(gfps); i++) {
		struct page *page;

		while ((page = alloc_page(gfps[i] | __GFP_NOWARN))) {
			list_add(&page->lru, list);
			n++;
			if (get_pageblock_migratetype(page) == MIGRATE_CMA ||
			    in_a_cma_area(page_to_pfn(page)))
				(*in_cma)++;
		}
	}
	return n;
}
