// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator (Linux's mm/page_alloc.c, 6.1).
 *
 * Each zone keeps its free memory as naturally aligned blocks of 2^order
 * pages, one list per order and migratetype.  Allocating takes the smallest
 * block that fits and splits off halves ("expand"); freeing merges a block
 * with its buddy (the block whose pfn differs only in bit @order) for as
 * long as the buddy is free too.  Around that core:
 *
 *  - mobility grouping: every 4 MiB pageblock has a migratetype, frees go
 *    to their pageblock's list, and an allocation that finds its own lists
 *    empty steals from another type, preferably a whole pageblock, so
 *    unmovable pages cluster instead of pinning every block;
 *  - watermarks: allocations stop at min (low on the first attempt) unless
 *    they are allowed deeper (__GFP_HIGH, GFP_ATOMIC), and keep back
 *    lowmem_reserve pages from requests that could have used a higher zone;
 *  - per-CPU lists (pcp) of order-0 pages, so the common single-page
 *    allocation and free touch neither zone->lock nor the buddy lists;
 *  - CMA and isolation: MIGRATE_CMA blocks serve only movable requests,
 *    pages freed into MIGRATE_ISOLATE blocks stay out of the free counts.
 *
 * What Linux does around reclaim, compaction, OOM and NUMA policy is left
 * out: there is nothing to reclaim, so an allocation that fails after the
 * min watermark (and a pcp drain) fails.
 */
#include "mm.h"
#include "vmstat.h"
#include "printk.h"
#include "internal.h"
#include "vm_event.h"
#include "percpu.h"
#include "bitops.h"
#include <asm/processor.h>
#include <string.h>

/* No tasks yet: everything runs as the boot CPU's idle task, as Linux calls it. */
#define CURRENT_COMM "swapper"

/* How a free was requested (Linux's fpi_t). */
typedef unsigned int fpi_t;
#define FPI_NONE    0u
#define FPI_TO_TAIL 2u /* put the block at the tail: used last (boot hand-over) */

atomic_long_t _totalram_pages;
atomic_long_t _totalhigh_pages;
unsigned long totalcma_pages;
unsigned long bad_page_reports;

int page_group_by_mobility_disabled;

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate",
};

/* Which other types' free lists a type may fall back to, in order. */
static const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	[MIGRATE_UNMOVABLE] = {MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE},
	[MIGRATE_MOVABLE] = {MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE},
	[MIGRATE_RECLAIMABLE] = {MIGRATE_UNMOVABLE, MIGRATE_MOVABLE},
};

static_assert(__GFP_HIGH == ALLOC_HIGH, "gfp_to_alloc_flags copies __GFP_HIGH as ALLOC_HIGH");

static noinline bool __free_pages_ok(struct page *page, unsigned int order, fpi_t fpi_flags,
				     unsigned long caller);

/* ---------------------------------------------------------------- pageblock bits */

static inline unsigned long pfn_to_bitidx(const struct zone *zone, unsigned long pfn)
{
	pfn -= pageblock_start_pfn(zone->zone_start_pfn);
	return (pfn >> pageblock_order) * NR_PAGEBLOCK_BITS;
}

/* Pageblocks whose bits share one bitmap word. */
#define PAGEBLOCKS_PER_LONG (BITS_PER_LONG / NR_PAGEBLOCK_BITS)
static_assert(BITS_PER_LONG % NR_PAGEBLOCK_BITS == 0, "a pageblock's bits span two words");

/*
 * The pageblock bits of @pfn in @zone's bitmap, by pageblock index (the
 * same bits as pfn_to_bitidx() finds, in fewer steps): the free fast path
 * knows the zone already.
 */
static __always_inline unsigned long zone_pfnblock_flags(const struct zone *zone, unsigned long pfn,
							 unsigned long mask)
{
	unsigned long pb = (pfn >> pageblock_order) - (zone->zone_start_pfn >> pageblock_order);
	unsigned long word = READ_ONCE(zone->pageblock_flags[pb / PAGEBLOCKS_PER_LONG]);

	return (word >> (pb % PAGEBLOCKS_PER_LONG * NR_PAGEBLOCK_BITS)) & mask;
}

/**
 * get_pfnblock_flags_mask - read the bits of @pfn's pageblock
 * @page: the struct page of @pfn (finds the zone and its bitmap)
 * @pfn: the page frame
 * @mask: which bits, shifted down to bit 0
 */
unsigned long get_pfnblock_flags_mask(const struct page *page, unsigned long pfn,
				      unsigned long mask)
{
	return zone_pfnblock_flags(page_zone(page), pfn, mask);
}

/**
 * set_pfnblock_flags_mask - write the bits of @pfn's pageblock
 * @page: the struct page of @pfn
 * @flags: new value of the bits in @mask
 * @pfn: the page frame
 * @mask: which bits
 */
void set_pfnblock_flags_mask(struct page *page, unsigned long flags, unsigned long pfn,
			     unsigned long mask)
{
	struct zone *zone = page_zone(page);
	unsigned long bitidx = pfn_to_bitidx(zone, pfn);
	unsigned long *word = &zone->pageblock_flags[bitidx / BITS_PER_LONG];
	unsigned long old = READ_ONCE(*word);

	mask <<= bitidx % BITS_PER_LONG;
	flags <<= bitidx % BITS_PER_LONG;
	/* Lock-free, as Linux: readers never take zone->lock for these bits. */
	while (!__atomic_compare_exchange_n(word, &old, (old & ~mask) | flags, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

/**
 * set_pageblock_migratetype - set the migratetype of @page's pageblock
 * @page: any page of the pageblock
 * @migratetype: MIGRATE_*
 *
 * With mobility grouping off, every ordinary type collapses to UNMOVABLE.
 */
void set_pageblock_migratetype(struct page *page, int migratetype)
{
	if (unlikely(page_group_by_mobility_disabled && migratetype < MIGRATE_PCPTYPES))
		migratetype = MIGRATE_UNMOVABLE;
	set_pfnblock_flags_mask(page, (unsigned long)migratetype, page_to_pfn(page),
				MIGRATETYPE_MASK);
}

/* ---------------------------------------------------------------- bad pages */

/*
 * Report a page in a state it must not be in.  Unlike Linux, the page is
 * left exactly as found (Linux resets _mapcount, which would unlink a page
 * that is genuinely free in the buddy lists when the report is a double
 * free); callers do not free or hand it out, so it is lost but harmless.
 */
/**
 * bad_page - report a page in a state it must not be in ("BUG: Bad page state")
 * @page: the page, left exactly as found
 * @reason: what is wrong, for "page dumped because:"
 * @caller: the address of whoever asked (printed as "caller: %pS"), or 0
 */
noinline void bad_page(struct page *page, const char *reason, unsigned long caller)
{
	printk(KERN_ALERT "BUG: Bad page state in process %s  pfn:%05lx\n", CURRENT_COMM,
	       page_to_pfn(page));
	dump_page(page, reason);
	if (caller)
		printk(KERN_ALERT "caller: %pS\n", (void *)caller);
	__atomic_fetch_add(&bad_page_reports, 1,
			   __ATOMIC_RELAXED); /* reports may come from any CPU */
}

/* What is wrong with a page that should be unused (Linux's page_bad_reason). */
static const char *page_bad_reason(const struct page *page, unsigned long flags)
{
	const char *bad_reason = NULL;

	if (unlikely(page->_mapcount != -1))
		bad_reason = "nonzero mapcount";
	if (unlikely(page->mapping != NULL))
		bad_reason = "non-NULL mapping";
	if (unlikely(page_ref_count(page) != 0))
		bad_reason = "nonzero _refcount";
	if (unlikely(page->flags & flags)) {
		if (flags == PAGE_FLAGS_CHECK_AT_PREP)
			bad_reason = "PAGE_FLAGS_CHECK_AT_PREP flag(s) set";
		else
			bad_reason = "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	}
	return bad_reason;
}

/*
 * Unused and clean: mapcount -1, no mapping, no reference, none of
 * @check_flags.  Each term below is zero exactly when its field is as
 * expected, so the four checks cost one test and one branch: cheap enough
 * for every free (page_bad_reason() sorts out which one failed).
 */
static __always_inline bool page_expected_state(const struct page *page, unsigned long check_flags)
{
	return (((unsigned long)((unsigned int)page->_mapcount + 1)) |
		(unsigned long)page->mapping | (unsigned long)page_ref_count(page) |
		(page->flags & check_flags)) == 0;
}

/* The checks of a page handed out; a bad one is reported and dropped. */
static inline bool check_new_page(struct page *page)
{
	if (likely(page_expected_state(page, PAGE_FLAGS_CHECK_AT_PREP)))
		return false;
	bad_page(page, page_bad_reason(page, PAGE_FLAGS_CHECK_AT_PREP), 0);
	return true;
}

/* ---------------------------------------------------------------- free lists */

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	set_page_private(page, order);
	__SetPageBuddy(page);
}

/* A pcp page remembers its pageblock's type from when it was freed. */
static inline int get_pcppage_migratetype(const struct page *page)
{
	return (int)page->private;
}

static inline void set_pcppage_migratetype(struct page *page, int migratetype)
{
	page->private = (unsigned long)migratetype;
}

static inline void add_to_free_list(struct page *page, struct zone *zone, unsigned int order,
				    int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	list_add(&page->buddy_list, &area->free_list[migratetype]);
	WRITE_ONCE(area->nr_free, area->nr_free + 1); /* read locklessly by watermark checks */
}

static inline void add_to_free_list_tail(struct page *page, struct zone *zone, unsigned int order,
					 int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	list_add_tail(&page->buddy_list, &area->free_list[migratetype]);
	WRITE_ONCE(area->nr_free, area->nr_free + 1);
}

/* Move a free block to another type's list; the caller fixes the counters. */
static inline void move_to_free_list(struct page *page, struct zone *zone, unsigned int order,
				     int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	list_move_tail(&page->buddy_list, &area->free_list[migratetype]);
}

static inline void del_page_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	__list_del(page->buddy_list.prev, page->buddy_list.next);
	__ClearPageBuddy(page);
	set_page_private(page, 0);
	WRITE_ONCE(zone->free_area[order].nr_free, zone->free_area[order].nr_free - 1);
}

static inline struct page *get_page_from_free_area(struct free_area *area, int migratetype)
{
	return list_first_entry_or_null(&area->free_list[migratetype], struct page, buddy_list);
}

/*
 * Is @buddy the free buddy of @page at @order?  It must head a free block
 * of exactly that order in the same zone: a hole is PG_reserved and never
 * PageBuddy, and the zone test stops merges across a zone boundary that is
 * not MAX_ORDER aligned.
 */
static inline bool page_is_buddy(const struct page *page, const struct page *buddy,
				 unsigned int order)
{
	if (!PageBuddy(buddy))
		return false;
	if (buddy_order(buddy) != order)
		return false;
	return page_zone_id(page) == page_zone_id(buddy);
}

/*
 * The struct page of the buddy always exists: mem_map covers whole
 * MAX_ORDER blocks, and a buddy below MAX_ORDER - 1 lies in the same one.
 */
static inline struct page *find_buddy_page_pfn(struct page *page, unsigned long pfn,
					       unsigned int order, unsigned long *buddy_pfn)
{
	unsigned long __buddy_pfn = pfn ^ (1UL << order);
	struct page *buddy = page + ((long)__buddy_pfn - (long)pfn);

	if (buddy_pfn)
		*buddy_pfn = __buddy_pfn;
	return page_is_buddy(page, buddy, order) ? buddy : NULL;
}

/*
 * If the block one order up could merge soon (its buddy is free), put this
 * block at the tail so it is used last and the merge can still happen.
 */
static inline bool buddy_merge_likely(unsigned long pfn, unsigned long buddy_pfn, struct page *page,
				      unsigned int order)
{
	unsigned long higher_page_pfn;
	struct page *higher_page;

	if (order >= MAX_ORDER - 2)
		return false;
	higher_page_pfn = buddy_pfn & pfn;
	higher_page = page + ((long)higher_page_pfn - (long)pfn);
	return find_buddy_page_pfn(higher_page, higher_page_pfn, order + 1, NULL) != NULL;
}

/*
 * The heart of the free path: merge with free buddies as far as possible
 * and put the result on @migratetype's list.  Caller holds zone->lock.
 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order, int migratetype, fpi_t fpi_flags)
{
	unsigned long buddy_pfn = 0;
	unsigned long combined_pfn;
	struct page *buddy;
	bool to_tail;

	/* Free pages in an isolated block are parked, not offered. */
	if (likely(!is_migrate_isolate(migratetype)))
		__mod_zone_freepage_state(zone, 1L << order, migratetype);

	while (order < MAX_ORDER - 1) {
		buddy = find_buddy_page_pfn(page, pfn, order, &buddy_pfn);
		if (!buddy)
			break;
		/*
		 * From pageblock_order up the buddy is another pageblock: never
		 * merge an isolated or CMA block into an ordinary one, or the
		 * free counts of both would go wrong.  (With pageblock_order =
		 * MAX_ORDER - 1 this cannot trigger; it keeps a smaller
		 * pageblock_order correct.)
		 */
		if (unlikely(order >= pageblock_order)) {
			int buddy_mt = get_pfnblock_migratetype(buddy, buddy_pfn);

			if (migratetype != buddy_mt && (!migratetype_is_mergeable(migratetype) ||
							!migratetype_is_mergeable(buddy_mt)))
				break;
		}
		del_page_from_free_list(buddy, zone, order);
		combined_pfn = buddy_pfn & pfn;
		page = page + ((long)combined_pfn - (long)pfn);
		pfn = combined_pfn;
		order++;
	}

	set_buddy_order(page, order);
	if (fpi_flags & FPI_TO_TAIL)
		to_tail = true;
	else
		to_tail = buddy_merge_likely(pfn, buddy_pfn, page, order);
	if (to_tail)
		add_to_free_list_tail(page, zone, order, migratetype);
	else
		add_to_free_list(page, zone, order, migratetype);
}

/*
 * Split a block of order @high down to @low, giving back the upper halves:
 * the lower 2^@low pages at @page are the caller's.
 */
static inline void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high,
			  int migratetype)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high, migratetype);
		set_buddy_order(&page[size], high);
	}
}

/* ---------------------------------------------------------------- freeing */

/*
 * PAGE_FLAGS_CHECK_AT_PREP flags a free of a single page clears without
 * complaint (none yet): the order and PG_head only occur on blocks of
 * order 1 and up, whose free always clears.
 */
#define PAGE_FLAGS_CLEAR_AT_FREE                                \
	(PAGE_FLAGS_CHECK_AT_PREP & ~PAGE_FLAGS_CHECK_AT_FREE & \
	 ~(ALLOC_ORDER_MASK << ALLOC_ORDER_PGSHIFT) & ~BIT(PG_head))

/*
 * A compound block's tails stop pointing at its head (Linux's
 * free_tail_pages_check, without its reports), so a stale ->compound_head
 * never leads a later lookup to a block that is gone.
 */
static noinline void free_compound_tails(struct page *page, unsigned int order)
{
	for (unsigned long i = 1; i < (1UL << order); i++)
		page[i].compound_head = 0;
}

/*
 * Checks and clean-up of a page that is about to become free.  Returns
 * false (after reporting) if the page must not be freed.
 */
static __always_inline bool free_pages_prepare(struct page *page, unsigned int order,
					       unsigned long caller)
{
	/* A movable owner's ops pointer is not a mapping (Linux does the same). */
	if (PageMappingFlags(page))
		page->mapping = NULL;
	if (unlikely(!page_expected_state(page, PAGE_FLAGS_CHECK_AT_FREE))) {
		bad_page(page, page_bad_reason(page, PAGE_FLAGS_CHECK_AT_FREE), caller);
		return false;
	}
	/*
	 * What must be clear when the page is handed out again: the check
	 * above leaves only the order (which is @order), and flags a free may
	 * find set (none yet), so a single page usually needs no write here.
	 */
	if (order && PageHead(page))
		free_compound_tails(page, order);
	if (order || PAGE_FLAGS_CLEAR_AT_FREE)
		page->flags &= ~PAGE_FLAGS_CHECK_AT_PREP;
	if (unlikely(page_poisoning_enabled()))
		kernel_poison_pages(page, 1 << order);
	return true;
}

static void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
			  unsigned int order, int migratetype, fpi_t fpi_flags)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	/* Re-read: the block may have been isolated since the caller looked. */
	if (unlikely(has_isolate_pageblock(zone) || is_migrate_isolate(migratetype)))
		migratetype = get_pfnblock_migratetype(page, pfn);
	__free_one_page(page, pfn, zone, order, migratetype, fpi_flags);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Free a block straight to the buddy lists (orders above 0, and boot). */
/* Returns false when the checks refused the block (reported; not freed). */
static noinline bool __free_pages_ok(struct page *page, unsigned int order, fpi_t fpi_flags,
				     unsigned long caller)
{
	unsigned long pfn = page_to_pfn(page);
	struct zone *zone = page_zone(page);

	if (!free_pages_prepare(page, order, caller))
		return false;
	__count_zone_vm_events(zone, ZONE_PGFREE, 1UL << order);
	free_one_page(zone, page, pfn, order, get_pfnblock_migratetype(page, pfn), fpi_flags);
	return true;
}

/*
 * The pcp lock, with Linux's names.  The owning CPU only ever trylocks it,
 * and a drain emptying another CPU's lists is its only other taker, so it
 * is a test-and-set word, not spinlock_t's ticket lock: a fair queue buys
 * nothing when one side never waits, and with nobody waiting in WFE the
 * unlock is a release store without DSB and SEV.
 *
 * It is taken with interrupts enabled, as since Linux 6.2 (6.1 masked
 * them): an interrupt handler that frees or allocates a page while its
 * CPU holds the lock finds it taken and uses the buddy lists, like a CPU
 * that meets a drain; so zone->lock, which interrupt handlers may then
 * take, is taken with interrupts masked inside it.  Together these save
 * about 25 instructions per alloc+free pair over 6.1's
 * spin_trylock_irqsave/spin_unlock_irqrestore (docs/locking.md).
 */
static __always_inline bool pcp_spin_trylock(struct per_cpu_pages *pcp)
{
	return !test_and_set_bit_lock(0, &pcp->lock);
}

static __always_inline void pcp_spin_unlock(struct per_cpu_pages *pcp)
{
	smp_store_release(&pcp->lock, 0);
}

/*
 * Change the count of pages on @pcp's lists, under its lock; returns the
 * new count.  One store a drain may read without the lock
 * (drain_pages_zone() skips empty lists that way, as Linux does), so it is
 * WRITE_ONCE: the same instructions, and ThreadSanitizer sees the intent.
 */
static __always_inline int pcp_count_add(struct per_cpu_pages *pcp, int delta)
{
	int count = pcp->count + delta;

	WRITE_ONCE(pcp->count, count);
	return count;
}

/* A drain waits its turn: the owner holds the lock for a few dozen instructions. */
static void pcp_spin_lock(struct per_cpu_pages *pcp)
{
	while (!pcp_spin_trylock(pcp))
		cpu_relax();
}

/*
 * Return up to @count pages from @pcp's lists to the buddy lists, taking
 * the lists in turn starting with @pindex and each from its cold tail.
 * Caller holds the pcp lock; zone->lock nests inside it.
 */
static noinline void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
					int pindex)
{
	bool isolated_pageblocks;
	unsigned long flags;

	count = min(pcp->count, count);
	spin_lock_irqsave(&zone->lock, flags);
	isolated_pageblocks = has_isolate_pageblock(zone);
	while (count > 0) {
		struct list_head *list;

		/* count <= pcp->count, so some list is not empty. */
		for (;;) {
			list = &pcp->lists[pindex];
			if (++pindex == MIGRATE_PCPTYPES)
				pindex = 0;
			if (!list_empty(list))
				break;
		}
		do {
			struct page *page = list_last_entry(list, struct page, pcp_list);
			int mt = get_pcppage_migratetype(page);

			list_del(&page->pcp_list);
			count--;
			pcp_count_add(pcp, -1);
			/* The pageblock may have been isolated since the page was freed. */
			if (unlikely(isolated_pageblocks))
				mt = get_pageblock_migratetype(page);
			__free_one_page(page, page_to_pfn(page), zone, 0, mt, FPI_NONE);
		} while (count > 0 && !list_empty(list));
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * How many pages to give back when a pcp list reaches high: at least
 * batch, doubling while frees keep coming without allocations, but always
 * leaving batch pages (Linux 6.1's nr_pcp_free()).
 */
static int nr_pcp_free(struct per_cpu_pages *pcp, int high, int batch)
{
	int min_nr_free, max_nr_free;

	/* Boot pageset (or pcp disabled): one page at a time. */
	if (unlikely(high < batch))
		return 1;
	min_nr_free = batch;
	max_nr_free = high - batch;
	batch <<= pcp->free_factor;
	if (batch < max_nr_free)
		pcp->free_factor++;
	return clamp(batch, min_nr_free, max_nr_free);
}

/* The pcp list reached high: give back a batch (or more, see nr_pcp_free()). */
static noinline void free_pcp_high(struct zone *zone, struct per_cpu_pages *pcp, int pindex)
{
	int high = READ_ONCE(pcp->high);

	__count_vm_event(PCP_DRAIN);
	free_pcppages_bulk(zone, nr_pcp_free(pcp, high, READ_ONCE(pcp->batch)), pcp, pindex);
}

/*
 * An order-0 page that does not go on the pcp list: one of an isolated
 * pageblock (to the isolated free list), or one whose CPU found its pcp
 * lock taken by a remote drain (as Linux 6.1, rather than wait).
 */
static noinline void free_unref_page_buddy(struct zone *zone, struct page *page, unsigned long pfn,
					   int migratetype)
{
	__count_zone_vm_events(zone, ZONE_PGFREE, 1);
	free_one_page(zone, page, pfn, 0, migratetype, FPI_NONE);
}

/*
 * Free an order-0 page to this CPU's pcp list (Linux's free_unref_page),
 * under the list's lock (interrupts enabled, as since Linux 6.2).
 */
static __always_inline void free_unref_page(struct page *page, unsigned long caller)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	unsigned long pfn;
	pg_data_t *pgdat;
	struct zone *zone;
	int mt;

	if (!free_pages_prepare(page, 0, caller))
		return;
	/*
	 * The zone and the pfn both from the node: one base address instead
	 * of three globals (contig_page_data, mem_map, PHYS_OFFSET).
	 */
	pgdat = page_pgdat(page);
	zone = &pgdat->node_zones[page_zonenum(page)];
	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	pfn = pgdat->node_start_pfn + (unsigned long)(page - pgdat->node_mem_map);
	mt = (int)zone_pfnblock_flags(zone, pfn, MIGRATETYPE_MASK);
	set_pcppage_migratetype(page, mt);
	/*
	 * Only the ordinary types have pcp lists.  CMA pages ride on the
	 * movable list (they remember their own type for the drain); isolated
	 * ones go straight to the isolated free list.
	 */
	if (likely(mt < MIGRATE_PCPTYPES)) {
		list = &pcp->lists[mt];
	} else if (likely(!is_migrate_isolate(mt))) {
		list = &pcp->lists[MIGRATE_MOVABLE];
	} else {
		free_unref_page_buddy(zone, page, pfn, MIGRATE_ISOLATE);
		return;
	}

	/* Taken by a drain, or by this CPU under an interrupt handler: the buddy lists. */
	if (unlikely(!pcp_spin_trylock(pcp))) {
		free_unref_page_buddy(zone, page, pfn, mt);
		return;
	}
	list_add(&page->pcp_list, list);
	__count_pcp_vm_events(pcp, ZONE_PGFREE, 1);
	if (unlikely(pcp_count_add(pcp, 1) >= READ_ONCE(pcp->high)))
		free_pcp_high(zone, pcp, (int)(list - pcp->lists));
	pcp_spin_unlock(pcp);
}

static __always_inline void free_the_page(struct page *page, unsigned int order,
					  unsigned long caller)
{
	if (likely(order == 0))
		free_unref_page(page, caller);
	else
		__free_pages_ok(page, order, FPI_NONE, caller);
}

/* A caller-facing free of a page that is not allocated as claimed: say why. */
static noinline void report_bad_free(struct page *page, unsigned int order, unsigned long caller)
{
	char reason[64];

	if (PageBuddy(page)) {
		bad_page(page, "double free: page is in the buddy free lists", caller);
	} else if (page_ref_count(page) <= 0) {
		bad_page(page, "double free: _refcount is already zero", caller);
	} else {
		scnprintf(reason, sizeof(reason), "freed with order %u, allocated with order %u",
			  order, page_alloc_order(page));
		bad_page(page, reason, caller);
	}
}

/*
 * Someone else still holds the first page of a block being freed (a
 * speculative get_page): it becomes an order-0 page they will free, and
 * the rest of the block goes now, as Linux does.  Rare, so out of line.
 */
static noinline void free_pages_but_head(struct page *page, unsigned int order,
					 unsigned long caller)
{
	set_page_alloc_order(page, 0);
	while (order-- > 0)
		free_the_page(page + (1UL << order), order, caller);
}

/**
 * __free_pages - drop a reference to a block, freeing it at zero
 * @page: the first page, as alloc_pages() returned it
 * @order: the order it was allocated with
 *
 * Linux 6.1's free path: __free_pages() -> free_the_page() ->
 * free_unref_page() (order 0, to the pcp list) or __free_pages_ok() ->
 * free_one_page() -> __free_one_page().  Unlike Linux, this caller-facing
 * free checks first that the block is freed with the order it was
 * allocated with and is allocated at all: the reference is checked by
 * dropping it, so a count that goes negative was already zero (a double
 * free: a free page, on the buddy or a pcp list, has no reference) and is
 * put back before the report.  Such a free, and a free of a reserved page
 * or of a page with mappings, is reported as "BUG: Bad page state" and
 * the block is left alone.
 */
void __free_pages(struct page *page, unsigned int order)
{
	int refs;

	if (unlikely(page_alloc_order(page) != order)) {
		report_bad_free(page, order, _RET_IP_);
		return;
	}
	refs = page_ref_dec_return(page);
	if (likely(refs == 0)) {
		free_the_page(page, order, _RET_IP_);
	} else if (unlikely(refs < 0)) {
		page_ref_inc(page);
		report_bad_free(page, order, _RET_IP_);
	} else if (order) {
		free_pages_but_head(page, order, _RET_IP_);
	}
}

/**
 * free_pages - __free_pages() by kernel address
 * @addr: what __get_free_pages() returned; 0 is ignored
 * @order: the order it was allocated with
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/**
 * put_page - drop a reference; the last one frees the page
 * @page: the first page of an allocated block
 *
 * Frees the whole block it heads (its order is recorded in the page), where
 * Linux would free only the first page of a non-compound block.
 */
void put_page(struct page *page)
{
	if (unlikely(page_ref_count(page) <= 0)) {
		bad_page(page, "put_page: _refcount is already zero", _RET_IP_);
		return;
	}
	if (put_page_testzero(page))
		free_the_page(page, page_alloc_order(page), _RET_IP_);
}

/* ---------------------------------------------------------------- allocating */

/* Take the smallest free block of @migratetype that fits and split it. */
static inline struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
					      int migratetype)
{
	for (unsigned int current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page = get_page_from_free_area(area, migratetype);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order, migratetype);
		set_pcppage_migratetype(page, migratetype);
		return page;
	}
	return NULL;
}

static struct page *__rmqueue_cma_fallback(struct zone *zone, unsigned int order)
{
	return __rmqueue_smallest(zone, order, MIGRATE_CMA);
}

/*
 * Move the free pages in [start_pfn, end_pfn] to @migratetype's lists and
 * count (in @num_movable) the allocated pages whose owner can move them.
 */
static int move_freepages(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn,
			  int migratetype, int *num_movable)
{
	int pages_moved = 0;

	for (unsigned long pfn = start_pfn; pfn <= end_pfn;) {
		struct page *page = pfn_to_page(pfn);
		unsigned int order;

		if (!PageBuddy(page)) {
			if (num_movable && PageMovable(page))
				(*num_movable)++;
			pfn++;
			continue;
		}
		order = buddy_order(page);
		move_to_free_list(page, zone, order, migratetype);
		pfn += 1UL << order;
		pages_moved += 1 << order;
	}
	return pages_moved;
}

/**
 * move_freepages_block - move the free pages of @page's pageblock to @migratetype's lists
 * @zone: the zone of @page; caller holds zone->lock
 * @page: any page of the pageblock
 * @migratetype: the destination lists
 * @num_movable: if not NULL, set to the allocated pages that are PageMovable
 *
 * The free counters are not touched: a caller moving pages into or out of
 * MIGRATE_ISOLATE (or CMA) adjusts them with __mod_zone_freepage_state().
 * Returns the pages moved, 0 if the pageblock crosses the zone's end.
 */
int move_freepages_block(struct zone *zone, struct page *page, int migratetype, int *num_movable)
{
	unsigned long start_pfn, end_pfn, pfn;

	if (num_movable)
		*num_movable = 0;
	pfn = page_to_pfn(page);
	start_pfn = pageblock_start_pfn(pfn);
	end_pfn = pageblock_end_pfn(pfn) - 1;
	/* Do not cross zone boundaries. */
	if (!zone_spans_pfn(zone, start_pfn))
		start_pfn = pfn;
	if (!zone_spans_pfn(zone, end_pfn))
		return 0;
	return move_freepages(zone, start_pfn, end_pfn, migratetype, num_movable);
}

static void change_pageblock_range(struct page *pageblock_page, unsigned int start_order,
				   int migratetype)
{
	unsigned long nr_pageblocks = 1UL << (start_order - pageblock_order);

	while (nr_pageblocks--) {
		set_pageblock_migratetype(pageblock_page, migratetype);
		pageblock_page += pageblock_nr_pages;
	}
}

/*
 * May a fallback at @order claim the whole pageblock?  Always for big
 * blocks; for small ones only for unmovable/reclaimable requests, which
 * would otherwise scatter themselves over many movable blocks.
 */
static bool can_steal_fallback(unsigned int order, int start_mt)
{
	if (order >= pageblock_order)
		return true;
	return order >= pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	       start_mt == MIGRATE_UNMOVABLE || page_group_by_mobility_disabled;
}

/*
 * Take @page (a free block of another type) for @start_type: the whole
 * pageblock if allowed and if at least half of it is free or alike;
 * otherwise only the block itself moves to @start_type's list.
 */
static void steal_suitable_fallback(struct zone *zone, struct page *page, int start_type,
				    bool whole_block)
{
	unsigned int current_order = buddy_order(page);
	int free_pages, movable_pages, alike_pages;
	int old_block_type = get_pageblock_migratetype(page);

	if (current_order >= pageblock_order) {
		change_pageblock_range(page, current_order, start_type);
		goto single_page;
	}
	/* Linux boosts the watermarks here to wake kswapd; we have no kswapd. */
	if (!whole_block)
		goto single_page;
	free_pages = move_freepages_block(zone, page, start_type, &movable_pages);
	if (!free_pages)
		goto single_page;
	/*
	 * Pages "alike" the request: for a movable one the movable pages; for
	 * the others, all non-movable pages of a movable block (we cannot
	 * tell unmovable from reclaimable once allocated).
	 */
	if (start_type == MIGRATE_MOVABLE)
		alike_pages = movable_pages;
	else if (old_block_type == MIGRATE_MOVABLE)
		alike_pages = (int)pageblock_nr_pages - (free_pages + movable_pages);
	else
		alike_pages = 0;
	if (free_pages + alike_pages >= (1 << (pageblock_order - 1)) ||
	    page_group_by_mobility_disabled)
		set_pageblock_migratetype(page, start_type);
	return;

single_page:
	move_to_free_list(page, zone, current_order, start_type);
}

/*
 * The first type in @migratetype's fallback order with a free block at
 * @order, and whether its pageblock may be stolen whole; -1 if none.
 */
static int find_suitable_fallback(struct free_area *area, unsigned int order, int migratetype,
				  bool *can_steal)
{
	if (area->nr_free == 0)
		return -1;
	*can_steal = false;
	for (int i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
		int fallback_mt = fallbacks[migratetype][i];

		if (free_area_empty(area, fallback_mt))
			continue;
		if (can_steal_fallback(order, migratetype))
			*can_steal = true;
		return fallback_mt;
	}
	return -1;
}

/*
 * Nothing of @start_migratetype fits: steal from another type, the
 * largest block first (roughly the emptiest pageblock) so the stolen
 * pageblock is likely to be claimed whole.  Returns true if a block was
 * moved to @start_migratetype's lists; the caller then retries.
 */
static bool __rmqueue_fallback(struct zone *zone, unsigned int order, int start_migratetype)
{
	struct free_area *area;
	int current_order;
	int fallback_mt;
	bool can_steal;
	struct page *page;

	for (current_order = MAX_ORDER - 1; current_order >= (int)order; current_order--) {
		area = &zone->free_area[current_order];
		fallback_mt =
			find_suitable_fallback(area, current_order, start_migratetype, &can_steal);
		if (fallback_mt == -1)
			continue;
		/*
		 * A movable request that may not claim the pageblock splits the
		 * smallest block instead: it will not fragment anything for
		 * long, since movable pages can be moved away.
		 */
		if (!can_steal && start_migratetype == MIGRATE_MOVABLE &&
		    current_order > (int)order)
			goto find_smallest;
		goto do_steal;
	}
	return false;

find_smallest:
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		area = &zone->free_area[current_order];
		fallback_mt =
			find_suitable_fallback(area, current_order, start_migratetype, &can_steal);
		if (fallback_mt != -1)
			break;
	}
	BUG_ON(current_order == MAX_ORDER);

do_steal:
	page = get_page_from_free_area(area, fallback_mt);
	steal_suitable_fallback(zone, page, start_migratetype, can_steal);
	__count_zone_vm_events(zone, ZONE_PGALLOC_STEAL, 1);
	return true;
}

/* One block for @migratetype, with CMA balancing and fallback.  Caller holds zone->lock. */
static inline struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype,
				     unsigned int alloc_flags)
{
	struct page *page;

	/*
	 * Keep CMA pages in use: once they are more than half of the zone's
	 * free memory, movable requests take them first (Linux 6.1's rule).
	 */
	if ((alloc_flags & ALLOC_CMA) &&
	    zone_page_state(zone, NR_FREE_CMA_PAGES) > zone_page_state(zone, NR_FREE_PAGES) / 2) {
		page = __rmqueue_cma_fallback(zone, order);
		if (page)
			return page;
	}
retry:
	page = __rmqueue_smallest(zone, order, migratetype);
	if (unlikely(!page)) {
		if (alloc_flags & ALLOC_CMA)
			page = __rmqueue_cma_fallback(zone, order);
		if (!page && __rmqueue_fallback(zone, order, migratetype))
			goto retry;
	}
	return page;
}

/* Fill a pcp list with up to @count pages, in physical order.  The pcp lock is held. */
static noinline int rmqueue_bulk(struct zone *zone, unsigned long count, struct list_head *list,
				 int migratetype, unsigned int alloc_flags)
{
	int allocated = 0;
	unsigned long i, flags;

	spin_lock_irqsave(&zone->lock, flags);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0, migratetype, alloc_flags);

		if (unlikely(!page))
			break;
		if (is_migrate_cma(get_pcppage_migratetype(page)))
			__mod_zone_page_state(zone, NR_FREE_CMA_PAGES, -1);
		/*
		 * Pages are checked on their way onto the pcp list, not when
		 * handed out from it (Linux's check_pcp_refill without
		 * DEBUG_VM): a page freed to the list was checked by the free.
		 * A bad page is reported and left out.
		 */
		if (unlikely(check_new_page(page)))
			continue;
		list_add_tail(&page->pcp_list, list);
		allocated++;
	}
	__mod_zone_page_state(zone, NR_FREE_PAGES, -(long)i);
	spin_unlock_irqrestore(&zone->lock, flags);
	return allocated;
}

/*
 * An order-0 page from this CPU's list, refilled by a batch when empty.
 * Every page on the list was checked when it got there (by the free that
 * put it there, or by rmqueue_bulk), so none is checked again here.
 */
static __always_inline struct page *rmqueue_pcplist(struct zone *zone, int migratetype,
						    unsigned int alloc_flags)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	struct page *page;

	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	/* Taken by a drain, or by this CPU under an interrupt handler: the buddy lists. */
	if (unlikely(!pcp_spin_trylock(pcp)))
		return NULL;
	/* An allocation ends a run of frees: drain in smaller steps again. */
	pcp->free_factor >>= 1;
	list = &pcp->lists[migratetype];
	if (unlikely(list_empty(list))) {
		count_vm_event(PCP_REFILL);
		pcp_count_add(pcp, rmqueue_bulk(zone, READ_ONCE(pcp->batch), list, migratetype,
						alloc_flags));
		if (unlikely(list_empty(list))) {
			page = NULL;
			goto out;
		}
	}
	page = list_first_entry(list, struct page, pcp_list);
	/* Unlinked without list poisoning: the new owner initialises ->lru. */
	__list_del(page->pcp_list.prev, page->pcp_list.next);
	pcp_count_add(pcp, -1);
	__count_pcp_vm_events(pcp, ZONE_PGALLOC, 1);
out:
	pcp_spin_unlock(pcp);
	return page;
}

static noinline struct page *rmqueue_buddy(struct zone *zone, unsigned int order,
					   unsigned int alloc_flags, int migratetype)
{
	struct page *page;
	unsigned long flags;

	do {
		spin_lock_irqsave(&zone->lock, flags);
		page = __rmqueue(zone, order, migratetype, alloc_flags);
		if (!page) {
			spin_unlock_irqrestore(&zone->lock, flags);
			return NULL;
		}
		__mod_zone_freepage_state(zone, -(1L << order), get_pcppage_migratetype(page));
		spin_unlock_irqrestore(&zone->lock, flags);
	} while (unlikely(check_new_page(page)));
	return page;
}

static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order, int migratetype,
					    unsigned int alloc_flags)
{
	struct page *page;

	/*
	 * The movable pcp list may hold CMA pages; a movable request that may
	 * not use CMA must go to the buddy lists.
	 */
	if (likely(order == 0) && ((alloc_flags & ALLOC_CMA) || migratetype != MIGRATE_MOVABLE)) {
		page = rmqueue_pcplist(zone, migratetype, alloc_flags);
		if (likely(page))
			return page;
	}
	page = rmqueue_buddy(zone, order, alloc_flags, migratetype);
	if (page)
		__count_zone_vm_events(zone, ZONE_PGALLOC, 1UL << order);
	return page;
}

/* Linux's prep_compound_page: the head is marked, every tail points to it. */
static void prep_compound_page(struct page *page, unsigned int order)
{
	__SetPageHead(page);
	for (unsigned long i = 1; i < (1UL << order); i++)
		set_compound_head(page + i, page);
}

/* The rare parts of handing out a block: compound setup, poison checks and zeroing. */
static noinline void post_alloc_slow(struct page *page, unsigned int order, gfp_t gfp_flags)
{
	if (order && (gfp_flags & __GFP_COMP))
		prep_compound_page(page, order);
	if (page_poison_pending)
		kernel_unpoison_pages(page, 1 << order);
	if (gfp_flags & __GFP_ZERO)
		for (unsigned long i = 0; i < (1UL << order); i++)
			clear_highpage(page + i);
}

/**
 * post_alloc_hook - make a block taken from the free lists an allocated one
 * @page: first page (reference count 0)
 * @order: its order
 * @gfp_flags: __GFP_ZERO clears it
 *
 * Sets the reference count to 1, records the order and checks poisoning.
 * A page leaving the free lists has no order recorded (the checks on the
 * way out and the clean-up on the way in make sure), so order 0 writes
 * none.  A single page says itself whether it was poisoned; a block may
 * have poisoned pages anywhere, so it asks the global hint.  Linux's
 * prep_new_page() wraps this with compound-page and pfmemalloc set-up; we
 * have neither, so the allocator calls this directly.  Inline (as in
 * Linux) for the allocator's fast path, and an ordinary function for the
 * rest of mm/.
 */
__always_inline void post_alloc_hook(struct page *page, unsigned int order, gfp_t gfp_flags)
{
	bool poisoned = order ? READ_ONCE(page_poison_pending) : PagePoisoned(page);

	set_page_private(page, 0);
	set_page_refcounted(page);
	if (order)
		set_page_alloc_order(page, order);
	if (unlikely(poisoned || (gfp_flags & (__GFP_ZERO | __GFP_COMP))))
		post_alloc_slow(page, order, gfp_flags);
}

/*
 * The allocator's one watermark check (Linux 6.1's zone_watermark_fast):
 * order 0 first without the free-area loop.  Linux clamps the unusable
 * figure and falls through to the full check when this fails, because the
 * figure over-estimates its high-atomic reserve; we keep none, so it is
 * exact, and only a request allowed below @mark (ALLOC_HIGH, ALLOC_HARDER)
 * needs the full check.  (Without the clamp a negative difference still
 * fails, as the mark and the reserve are never negative.)
 */
static __always_inline bool zone_watermark_fast(struct zone *z, unsigned int order,
						unsigned long mark, int highest_zoneidx,
						unsigned int alloc_flags)
{
	long free_pages = zone_page_state(z, NR_FREE_PAGES);

	if (!order) {
		long usable_free = free_pages - __zone_watermark_unusable_free(z, 0, alloc_flags);

		if (usable_free > (long)mark + z->lowmem_reserve[highest_zoneidx])
			return true;
		if (!(alloc_flags & (ALLOC_HIGH | ALLOC_HARDER)))
			return false;
	}
	return __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags, free_pages);
}

/* ---------------------------------------------------------------- the allocator */

/* What an allocation may use (Linux's struct alloc_context, less the nodemask). */
struct alloc_context {
	struct zonelist *zonelist;
	int migratetype;
	int highest_zoneidx;
};

/* Where an allocation may come from: the zonelist, the highest zone, the free lists. */
static __always_inline struct alloc_context prepare_alloc_pages(gfp_t gfp, int preferred_nid)
{
	struct alloc_context ac = {
		.zonelist = node_zonelist(preferred_nid, gfp),
		.migratetype = gfp_migratetype(gfp),
		.highest_zoneidx = gfp_zone(gfp),
	};

	return ac;
}

static inline unsigned int gfp_to_alloc_flags_cma(gfp_t gfp_mask, unsigned int alloc_flags)
{
	if (gfp_migratetype(gfp_mask) == MIGRATE_MOVABLE)
		alloc_flags |= ALLOC_CMA;
	return alloc_flags;
}

/* The slow path's flags: down to min, further for __GFP_HIGH and GFP_ATOMIC. */
static unsigned int gfp_to_alloc_flags(gfp_t gfp_mask)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	alloc_flags |= gfp_mask & __GFP_HIGH;
	if ((gfp_mask & __GFP_ATOMIC) && !(gfp_mask & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_HARDER;
	return gfp_to_alloc_flags_cma(gfp_mask, alloc_flags);
}

/* One step of the zonelist walk: if @zone is above its watermark, a block from it. */
static __always_inline struct page *get_page_from_zone(struct zone *zone, gfp_t gfp_mask,
						       unsigned int order, unsigned int alloc_flags,
						       const struct alloc_context *ac)
{
	struct page *page;

	if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
		unsigned long mark = wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK);

		if (!zone_watermark_fast(zone, order, mark, ac->highest_zoneidx, alloc_flags))
			return NULL;
	}
	page = rmqueue(zone, order, ac->migratetype, alloc_flags);
	if (page)
		post_alloc_hook(page, order, gfp_mask);
	return page;
}

/* Walk the zonelist for a zone above its watermark that has a block. */
static __always_inline struct page *get_page_from_freelist(gfp_t gfp_mask, unsigned int order,
							   unsigned int alloc_flags,
							   const struct alloc_context *ac)
{
	struct zoneref *z;
	struct zone *zone;

	for_each_zone_zonelist (zone, z, ac->zonelist, ac->highest_zoneidx) {
		struct page *page = get_page_from_zone(zone, gfp_mask, order, alloc_flags, ac);

		if (page)
			return page;
	}
	return NULL;
}

static noinline void warn_alloc(gfp_t gfp_mask, unsigned int order)
{
	char names[192];

	format_gfp_flags(gfp_mask, names, sizeof(names));
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s), nodemask=(null)\n",
		CURRENT_COMM, order, gfp_mask, names);
	show_free_areas();
}

/*
 * Second attempt, at the min watermark with whatever reserves the gfp
 * allows.  Linux would now wake kswapd, reclaim, compact and finally call
 * the OOM killer; we have nothing to reclaim, so the only thing worth
 * trying is what reclaim's drain_all_pages() does: give the pcp pages back
 * so they can merge into the block that was missing.
 */
static noinline struct page *__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order,
						    const struct alloc_context *ac)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp_mask);
	struct zoneref *z;
	struct page *page;

	page = get_page_from_freelist(gfp_mask, order, alloc_flags, ac);
	if (page)
		return page;
	drain_all_pages(NULL);
	page = get_page_from_freelist(gfp_mask, order, alloc_flags, ac);
	if (page)
		return page;

	z = first_zones_zonelist(ac->zonelist, ac->highest_zoneidx);
	if (z->zone)
		__count_zone_vm_events(z->zone, ZONE_PGALLOC_FAIL, 1);
	if (!(gfp_mask & __GFP_NOWARN))
		warn_alloc(gfp_mask, order);
	return NULL;
}

/* Every zone of the zonelist at the low watermark, then the slow path. */
static noinline struct page *__alloc_pages_general(gfp_t gfp, unsigned int order, int preferred_nid)
{
	struct alloc_context ac = prepare_alloc_pages(gfp, preferred_nid);
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		if (!(gfp & __GFP_NOWARN))
			WARN_ON_ONCE(order >= MAX_ORDER);
		return NULL;
	}
	page = get_page_from_freelist(gfp, order, gfp_to_alloc_flags_cma(gfp, ALLOC_WMARK_LOW),
				      &ac);
	if (likely(page))
		return page;
	return __alloc_pages_slowpath(gfp, order, &ac);
}

/**
 * __alloc_pages - allocate 2^@order contiguous pages
 * @gfp: GFP_* and __GFP_* flags
 * @order: 0..MAX_ORDER-1
 * @preferred_nid: the node whose zonelist to walk
 *
 * Linux 6.1's path: every allowed zone at the low watermark (a single page
 * from this CPU's pcp list), then the slow path at min with the reserves
 * @gfp allows.  Returns the first page with a reference count of 1, or NULL
 * (with a "page allocation failure" report unless __GFP_NOWARN).
 *
 * Unlike Linux, the single page first takes the walk's first step on its
 * own, get_page_from_zone() on the first allowed zone with the order a
 * constant 0: inline and without the loop it needs no stack frame, about
 * ten instructions fewer (docs/bench.md).  If that zone cannot serve, the
 * general path starts
 * over and takes the same step again, which fails the same way (only
 * pcp->free_factor is halved twice, which merely shortens the next drain).
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid)
{
	if (likely(order == 0)) {
		struct alloc_context ac = prepare_alloc_pages(gfp, preferred_nid);
		struct zone *zone =
			zonelist_zone(first_zones_zonelist(ac.zonelist, ac.highest_zoneidx));
		struct page *page = NULL;

		if (likely(zone))
			page = get_page_from_zone(
				zone, gfp, 0, gfp_to_alloc_flags_cma(gfp, ALLOC_WMARK_LOW), &ac);
		if (likely(page))
			return page;
	}
	return __alloc_pages_general(gfp, order, preferred_nid);
}

/**
 * __get_free_pages - allocate lowmem pages and return their kernel address
 * @gfp: flags; __GFP_HIGHMEM is dropped, since the result must be addressable
 * @order: 0..MAX_ORDER-1
 *
 * Return: the address, or 0.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/**
 * get_zeroed_page - one zeroed lowmem page, by address
 * @gfp: flags
 *
 * Return: the address, or 0 on failure.
 */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/**
 * split_page - turn one allocated block of @order into 2^@order order-0 pages
 * @page: the first page (reference count 1)
 * @order: the block's order
 *
 * Each page then has its own reference and is freed with __free_page().
 */
void split_page(struct page *page, unsigned int order)
{
	WARN_ON(page_ref_count(page) <= 0 || page_alloc_order(page) != order);
	set_page_alloc_order(page, 0);
	for (unsigned long i = 1; i < (1UL << order); i++)
		set_page_refcounted(page + i);
}

/* Keep the first pages of a block that cover @size, free the rest now. */
static void *make_alloc_exact(unsigned long addr, unsigned int order, size_t size)
{
	if (addr) {
		unsigned long nr = DIV_ROUND_UP(size, PAGE_SIZE);
		struct page *page = virt_to_page((void *)addr);

		set_page_alloc_order(page, 0);
		for (unsigned long i = 1; i < nr; i++)
			set_page_refcounted(page + i);
		for (unsigned long i = nr; i < (1UL << order); i++)
			__free_pages_ok(page + i, 0, FPI_TO_TAIL, _RET_IP_);
	}
	return (void *)addr;
}

/**
 * alloc_pages_exact - allocate @size bytes of whole pages, no more
 * @size: bytes (rounded up to pages), at most 2^(MAX_ORDER-1) pages
 * @gfp: flags (lowmem only)
 *
 * Allocates the next power of two and frees the tail pages at once.
 * Free with free_pages_exact().  Returns the address or NULL.
 */
void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned int order;

	if (WARN_ON(size == 0))
		return NULL;
	order = get_order(size);
	return make_alloc_exact(__get_free_pages(gfp, order), order, size);
}

/**
 * free_pages_exact - free what alloc_pages_exact(@size) returned at @virt
 * @virt: the address
 * @size: the same size
 */
void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr, start = (unsigned long)virt;
	unsigned long end = start + PAGE_ALIGN(size);

	/*
	 * Ours: every page first, so a size larger than the allocation that
	 * runs into free, reserved or larger blocks frees nothing at all
	 * (Linux would free the pages before the bad one).
	 */
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct page *page = virt_to_page((void *)addr);

		if (unlikely(page_ref_count(page) <= 0 || PageReserved(page) ||
			     page_alloc_order(page))) {
			bad_page(page,
				 "free_pages_exact: not a page alloc_pages_exact() handed out",
				 _RET_IP_);
			return;
		}
	}
	for (addr = start; addr < end; addr += PAGE_SIZE)
		__free_pages(virt_to_page((void *)addr), 0);
}

/* ---------------------------------------------------------------- pcp control */

/*
 * Empty @cpu's list of @zone, this CPU's or another's, under the list's
 * lock (Linux's drain_pages_zone).  Interrupts are masked while it is
 * held, so no handler on this CPU can wait for a lock its own CPU holds.
 * If this CPU's own lock is taken, an interrupted fast path holds it
 * (this is a handler): waiting would never end, so those pages stay.
 * The unlocked look at the count may miss a page whose free is under way
 * on @cpu; CMA's callers find such a page busy and fail or retry, as in
 * Linux.
 */
static void drain_pages_zone(unsigned int cpu, struct zone *zone)
{
	struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);
	unsigned long flags;

	if (!READ_ONCE(pcp->count))
		return;
	flags = arch_local_irq_save();
	if (cpu == (unsigned int)smp_processor_id()) {
		if (!pcp_spin_trylock(pcp))
			goto out;
	} else {
		pcp_spin_lock(pcp);
	}
	free_pcppages_bulk(zone, pcp->count, pcp, 0);
	pcp_spin_unlock(pcp);
out:
	arch_local_irq_restore(flags);
}

static void drain_pages(unsigned int cpu, struct zone *zone)
{
	if (zone) {
		drain_pages_zone(cpu, zone);
		return;
	}
	for_each_populated_zone (zone)
		drain_pages_zone(cpu, zone);
}

/**
 * drain_local_pages - give this CPU's pcp pages back to the buddy lists
 * @zone: one zone, or NULL for all
 */
void drain_local_pages(struct zone *zone)
{
	drain_pages((unsigned int)smp_processor_id(), zone);
}

/**
 * drain_all_pages - give every CPU's pcp pages back to the buddy lists
 * @zone: one zone, or NULL for all
 *
 * CMA calls this after isolating pageblocks, so pages cached on pcp lists
 * land in the isolated free lists where alloc_contig_range() finds them.
 * As Linux 6.1 (since 6.0; before, it queued work on each CPU), the
 * calling CPU empties every online CPU's lists itself, taking each list's
 * lock: no interrupt or other CPU's help is needed, so this works while
 * the other CPUs run with interrupts masked (inside on_each_cpu(), say).
 * Called from an interrupt handler, it leaves this CPU's own lists alone
 * if the interrupted code holds them (drain_pages_zone()).
 * Linux skips CPUs whose lists look empty and serialises drainers with a
 * mutex; an empty list costs one read here, and concurrent drainers
 * simply take turns on each lock.
 */
void drain_all_pages(struct zone *zone)
{
	int cpu;

	for_each_online_cpu (cpu)
		drain_pages((unsigned int)cpu, zone);
}

/* ---------------------------------------------------------------- boot and accounting */

/**
 * adjust_managed_page_count - @count more (or fewer) pages belong to the buddy allocator
 * @page: a page of the zone concerned
 * @count: pages, may be negative
 *
 * Atomic adds, as Linux's: CMA areas are handed to the buddy allocator
 * while other CPUs may be doing the same, and the counts are read without
 * a lock (watermarks, the Memory line).
 */
void adjust_managed_page_count(struct page *page, long count)
{
	atomic_long_add(count, &page_zone(page)->managed_pages);
	atomic_long_add(count, &_totalram_pages);
	if (PageHighMem(page))
		atomic_long_add(count, &_totalhigh_pages);
}

/**
 * __free_pages_core - free a block that was never allocated (the boot hand-over)
 * @page: first page: no reference, not reserved, no order recorded
 * @order: the block's order
 *
 * The block goes to the tail of its free list, so memory freed at boot is
 * handed out after what the running system freed.  Returns false when the
 * free checks refused the block (reported, and not freed).
 */
bool __free_pages_core(struct page *page, unsigned int order)
{
	return __free_pages_ok(page, order, FPI_TO_TAIL, _RET_IP_);
}

/**
 * __isolate_free_page - take a free buddy block out of the allocator
 * @page: first page of the block (PageBuddy)
 * @order: its order
 *
 * Caller holds zone->lock.  Returns 1 << @order, or 0 if the min watermark refused.
 */
int __isolate_free_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	int mt = get_pageblock_migratetype(page);

	BUG_ON(!PageBuddy(page) || buddy_order(page) != order);
	if (!is_migrate_isolate(mt)) {
		/* As if allocated: emulate the order with a raised order-0 mark. */
		unsigned long watermark = min_wmark_pages(zone) + (1UL << order);

		if (!zone_watermark_ok(zone, 0, watermark, 0, ALLOC_CMA))
			return 0;
		__mod_zone_freepage_state(zone, -(1L << order), mt);
	}
	del_page_from_free_list(page, zone, order);
	/*
	 * A block of at least half a pageblock: make ordinary pageblocks it
	 * covers movable again, since whoever owned them is gone.
	 */
	if (order >= pageblock_order - 1) {
		struct page *endpage = page + (1UL << order) - 1;

		for (; page < endpage; page += pageblock_nr_pages) {
			int block_mt = get_pageblock_migratetype(page);

			if (migratetype_is_mergeable(block_mt))
				set_pageblock_migratetype(page, MIGRATE_MOVABLE);
		}
	}
	return 1 << order;
}

/**
 * __putback_isolated_page - return a block __isolate_free_page() took
 * @page: first page
 * @order: its order
 * @mt: the free list
 */
void __putback_isolated_page(struct page *page, unsigned int order, int mt)
{
	__free_one_page(page, page_to_pfn(page), page_zone(page), order, mt, FPI_TO_TAIL);
}
