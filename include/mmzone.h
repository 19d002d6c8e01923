/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nodes, zones, free areas and zonelists (Linux's mmzone.h).
 *
 * Physical memory is a node (pg_data_t); a node is split into zones by what
 * the kernel can address (ZONE_NORMAL: the linear map, lowmem;
 * ZONE_HIGHMEM: above it, reachable only through kmap); each zone has its
 * own buddy allocator: free_area[order].free_list[migratetype].
 */
#ifndef _MMZONE_H
#define _MMZONE_H

#include "types.h"
#include "kernel.h"
#include "atomic.h"
#include "list.h"
#include "spinlock.h"
#include "smp.h"
#include "page-flags.h"
#include "pageblock-flags.h"
#include <asm/cache.h>

/*
 * Orders 0..MAX_ORDER-1 (Linux 6.1's meaning: exclusive).  A build choice,
 * as Linux's CONFIG_ARCH_FORCE_MAX_ORDER (make MAX_ORDER=12): 11 by default
 * (ARM's), the largest block 2^10 pages, 4 MiB; 12 in multi_v7_defconfig and
 * Debian's armmp, 8 MiB.  pageblock_order, and so CMA's alignment, follow.
 */
#ifndef CONFIG_ARCH_FORCE_MAX_ORDER
#define CONFIG_ARCH_FORCE_MAX_ORDER 11
#endif
#define MAX_ORDER	   CONFIG_ARCH_FORCE_MAX_ORDER
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))
/* Orders above this are "costly" to assemble (Linux's threshold). */
#define PAGE_ALLOC_COSTLY_ORDER 3

/*
 * Migrate types, in Linux's order: the first MIGRATE_PCPTYPES have per-CPU
 * lists; MIGRATE_HIGHATOMIC shares the number of MIGRATE_PCPTYPES as in
 * Linux (we never reserve high-atomic blocks, but keeping the slot keeps
 * CMA and ISOLATE at Linux's values and the /proc tables identical).
 */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES, /* the number of types on the pcp lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	/*
	 * Pageblocks lent by CMA: only movable allocations may use them, so
	 * cma_alloc() can always move the contents out.
	 */
	MIGRATE_CMA,
	/* Pageblocks being taken out: freed pages stay here, not counted free. */
	MIGRATE_ISOLATE,
	MIGRATE_TYPES
};

extern const char *const migratetype_names[MIGRATE_TYPES];

static inline bool is_migrate_cma(int mt)
{
	return mt == MIGRATE_CMA;
}

static inline bool is_migrate_isolate(int mt)
{
	return mt == MIGRATE_ISOLATE;
}

static inline bool is_migrate_movable(int mt)
{
	return mt == MIGRATE_MOVABLE || mt == MIGRATE_CMA;
}

/* Can free pages of this type merge with those of another type? */
static inline bool migratetype_is_mergeable(int mt)
{
	return mt < MIGRATE_PCPTYPES;
}

/* Set when memory is too small for grouping by mobility to make sense. */
extern int page_group_by_mobility_disabled;

/**
 * struct free_area - the free blocks of one order in a zone
 * @free_list: one list per migratetype, of first pages (PageBuddy)
 * @nr_free: blocks on all the lists together
 */
struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;
};

static inline bool free_area_empty(const struct free_area *area, int migratetype)
{
	return list_empty(&area->free_list[migratetype]);
}

/* Per-zone counters (Linux's vm_stat items; we keep the two the allocator needs). */
enum zone_stat_item {
	NR_FREE_PAGES,	   /* pages in the buddy lists, MIGRATE_ISOLATE excluded */
	NR_FREE_CMA_PAGES, /* the part of NR_FREE_PAGES in MIGRATE_CMA blocks */
	NR_VM_ZONE_STAT_ITEMS
};

/*
 * Per-zone event counters.  Linux counts pgalloc/pgfree per zone type in
 * /proc/vmstat; failures and fallbacks are ours (Linux traces them).
 */
enum zone_event_item {
	ZONE_PGALLOC,	    /* pages handed out from this zone */
	ZONE_PGFREE,	    /* pages freed into this zone */
	ZONE_PGALLOC_FAIL,  /* failed requests whose preferred zone this is */
	ZONE_PGALLOC_STEAL, /* allocations that fell back to another migratetype */
	NR_ZONE_EVENT_ITEMS
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	WMARK_PROMO, /* Linux 6.1 computes it for memory tiering; kept for zoneinfo parity */
	NR_WMARK
};

enum zone_type {
	ZONE_NORMAL,  /* the linear map: lowmem */
	ZONE_HIGHMEM, /* above the lowmem limit; mapped on demand with kmap */
	MAX_NR_ZONES
};

static_assert(MAX_NR_ZONES <= (1 << ZONES_SHIFT), "ZONES_SHIFT too small");

/**
 * struct per_cpu_pages - a CPU's cache of order-0 pages for one zone
 * @lock: bit 0 set while someone holds the lists (pcp_spin_trylock() in
 *        mm/page_alloc.c); no other bit is ever used
 * @count: pages on all lists
 * @high: drain down when count reaches this
 * @batch: pages moved to or from the buddy lists at a time
 * @free_factor: doubles the drain batch while frees run without allocations
 * @lists: one list per pcp migratetype
 * @vm_events: this CPU's share of the zone's event counts
 *
 * Only order-0 pages are cached (Linux 6.1 also caches orders 1..3).  Each
 * CPU's pcp of each zone lives in that CPU's per-CPU area (percpu.h), as
 * Linux's, so the fast path finds its own with this_cpu_ptr(): one
 * register read and an add.  The owning CPU only ever trylocks @lock, with
 * interrupts enabled, as Linux 6.2 (if a remote drain, or the code its
 * interrupt handler interrupted, holds it, the page goes to or comes from
 * the buddy lists instead); drain_all_pages() takes it to empty another
 * CPU's lists, as Linux does.  The event counts are written only by the
 * owning CPU and summed by readers (Linux keeps them in per-CPU
 * vm_event_states; here they share the pcp's cache line, which the fast
 * path touches anyway).  Like Linux's __count_vm_events(), a count is a
 * plain add: an interrupt handler that counts between its load and store
 * loses one event, a statistic, never a page.
 */
struct per_cpu_pages {
	unsigned long lock;
	int count;
	int high;
	int batch;
	short free_factor;
	struct list_head lists[MIGRATE_PCPTYPES];
	unsigned long vm_events[NR_ZONE_EVENT_ITEMS];
} __aligned(SMP_CACHE_BYTES);

struct pglist_data;

/**
 * struct zone - one zone of one node
 * @_watermark: WMARK_MIN/LOW/HIGH/PROMO in pages
 * @lowmem_reserve: pages kept back from allocations that could have used
 *                  a higher zone, indexed by that allocation's highest zone
 * @zone_pgdat: the node
 * @per_cpu_pageset: the pcp lists: a per-CPU pointer (per_cpu_ptr(),
 *                   this_cpu_ptr()), set by zone_pcp_init()
 * @pageset_high: pcp high last computed (Linux's zone->pageset_high)
 * @pageset_batch: pcp batch last computed
 * @pageblock_flags: NR_PAGEBLOCK_BITS per pageblock, from the pageblock of
 *                   zone_start_pfn on
 * @zone_start_pfn: first frame
 * @managed_pages: pages given to the buddy allocator (free or allocated)
 * @spanned_pages: frames from start to end, holes included
 * @present_pages: frames that are memory
 * @cma_pages: pages in MIGRATE_CMA pageblocks
 * @name: "Normal", "HighMem"
 * @nr_isolate_pageblock: MIGRATE_ISOLATE pageblocks; whoever sets or clears
 *                        MIGRATE_ISOLATE must adjust it under @lock, so the
 *                        pcp drain knows to look up the block again
 * @lock: protects the free lists, counters and pageblock bits
 * @free_area: the buddy lists
 * @vm_stat: NR_FREE_PAGES, NR_FREE_CMA_PAGES
 *
 * The event counts (allocations, frees, failures, fallbacks) are per CPU,
 * in each CPU's pcp (vm_events): zone_vm_events() sums them.
 */
struct zone {
	unsigned long _watermark[NR_WMARK];
	long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	struct per_cpu_pages *per_cpu_pageset;
	int pageset_high;
	int pageset_batch;
	unsigned long *pageblock_flags;
	unsigned long zone_start_pfn;
	atomic_long_t managed_pages;
	unsigned long spanned_pages;
	unsigned long present_pages;
	unsigned long cma_pages;
	const char *name;
	int nr_isolate_pageblock;
	spinlock_t lock;
	struct free_area free_area[MAX_ORDER];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

#define min_wmark_pages(z)  ((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)  ((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i)   ((z)->_watermark[i])

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return (unsigned long)atomic_long_read(&zone->managed_pages);
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

/* Has memory (holes do not count)? */
static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

/* Has memory the buddy allocator manages? */
static inline bool managed_zone(const struct zone *zone)
{
	return zone_managed_pages(zone) != 0;
}

static inline bool has_isolate_pageblock(const struct zone *zone)
{
	return zone->nr_isolate_pageblock != 0;
}

static inline long zone_page_state(const struct zone *zone, enum zone_stat_item item)
{
	long x = READ_ONCE(zone->vm_stat[item]);

	return x < 0 ? 0 : x;
}

/* Zonelists: the zones an allocation may use, best first. */
#define MAX_ZONES_PER_ZONELIST (MAX_NUMNODES * MAX_NR_ZONES)

/**
 * struct zoneref - one entry of a zonelist
 * @zone: the zone, or NULL at the end
 * @zone_idx: its zone_type, cached to skip zones above the allowed one
 */
struct zoneref {
	struct zone *zone;
	int zone_idx;
};

/*
 * A node's zonelist: its own zones from the highest to the lowest, then
 * (with more nodes) the other nodes'.  An allocation walks it from the
 * first zone its gfp allows, so HIGHMEM requests fall back to NORMAL.
 */
struct zonelist {
	struct zoneref _zonerefs[MAX_ZONES_PER_ZONELIST + 1];
};

enum {
	ZONELIST_FALLBACK, /* the only list without NUMA */
	MAX_ZONELISTS
};

/**
 * struct pglist_data - a memory node (pg_data_t)
 * @node_zones: its zones
 * @node_zonelists: allocation fallback order
 * @nr_zones: one more than the highest populated zone's index
 * @node_mem_map: struct page of node_start_pfn
 * @node_start_pfn: first frame
 * @node_present_pages: frames that are memory
 * @node_spanned_pages: frames from start to end, holes included
 * @node_id: its number
 * @totalreserve_pages: pages the watermarks and lowmem reserves keep back
 */
typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	int nr_zones;
	struct page *node_mem_map;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
	unsigned long totalreserve_pages;
} pg_data_t;

/* The one node (Linux's !NUMA layout). */
extern struct pglist_data contig_page_data;
#define NODE_DATA(nid) ((void)(nid), &contig_page_data)

static inline unsigned long pgdat_end_pfn(const pg_data_t *pgdat)
{
	return pgdat->node_start_pfn + pgdat->node_spanned_pages;
}

/* Node iteration, as Linux's first_online_pgdat()/next_online_pgdat(). */
static inline struct pglist_data *first_online_pgdat(void)
{
	return NODE_DATA(0);
}

static inline struct pglist_data *next_online_pgdat(struct pglist_data *pgdat)
{
	int nid = pgdat->node_id + 1;

	return nid < MAX_NUMNODES ? NODE_DATA(nid) : NULL;
}

/* The zone after @zone: the next of its node, else the first of the next node. */
static inline struct zone *next_zone(struct zone *zone)
{
	pg_data_t *pgdat = zone->zone_pgdat;

	if (zone < pgdat->node_zones + MAX_NR_ZONES - 1)
		return zone + 1;
	pgdat = next_online_pgdat(pgdat);
	return pgdat ? pgdat->node_zones : NULL;
}

#define for_each_online_node(nid) for ((nid) = 0; (nid) < MAX_NUMNODES; (nid)++)
#define for_each_online_pgdat(pgdat) \
	for ((pgdat) = first_online_pgdat(); (pgdat); (pgdat) = next_online_pgdat(pgdat))
#define for_each_zone(zone) \
	for ((zone) = first_online_pgdat()->node_zones; (zone); (zone) = next_zone(zone))
#define for_each_populated_zone(zone)      \
	for_each_zone (zone)               \
		if (!populated_zone(zone)) \
			;                  \
		else

static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - zone->zone_pgdat->node_zones);
}

static inline int zone_to_nid(const struct zone *zone)
{
	return zone->zone_pgdat->node_id;
}

static inline bool is_highmem_idx(int idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone_idx(zone));
}

static inline struct zone *zonelist_zone(const struct zoneref *z)
{
	return z->zone;
}

static inline int zonelist_zone_idx(const struct zoneref *z)
{
	return z->zone_idx;
}

/* The first entry at or after @z whose zone index is allowed. */
static inline struct zoneref *next_zones_zonelist(struct zoneref *z, int highest_zoneidx)
{
	while (z->zone && z->zone_idx > highest_zoneidx)
		z++;
	return z;
}

static inline struct zoneref *first_zones_zonelist(struct zonelist *zonelist, int highest_zoneidx)
{
	return next_zones_zonelist(zonelist->_zonerefs, highest_zoneidx);
}

#define for_each_zone_zonelist(zone, z, zlist, highidx)                               \
	for (z = first_zones_zonelist(zlist, highidx), zone = zonelist_zone(z); zone; \
	     z = next_zones_zonelist(++z, highidx), zone = zonelist_zone(z))

bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages);
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark, int highest_zoneidx,
		       unsigned int alloc_flags);

/**
 * get_pfnblock_migratetype - the migratetype of @pfn's pageblock
 * @page: struct page of @pfn
 * @pfn: the frame
 */
static inline int get_pfnblock_migratetype(const struct page *page, unsigned long pfn)
{
	return (int)get_pfnblock_flags_mask(page, pfn, MIGRATETYPE_MASK);
}

void set_pageblock_migratetype(struct page *page, int migratetype);

int move_freepages_block(struct zone *zone, struct page *page, int migratetype, int *num_movable);

/* Tunables, with Linux's defaults and meanings. */
extern int min_free_kbytes;
extern int user_min_free_kbytes;
extern int watermark_scale_factor;
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];

#endif /* _MMZONE_H */
