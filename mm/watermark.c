// SPDX-License-Identifier: GPL-2.0
/*
 * What the buddy allocator keeps back, sized from the zones' managed pages
 * (the sizing half of Linux 6.1's mm/page_alloc.c): min_free_kbytes, each
 * zone's min/low/high watermarks and lowmem reserves, totalreserve_pages,
 * and the pcp lists' high and batch.  mm_core_init() and CMA activation
 * call it.  The full check of a request against these figures,
 * __zone_watermark_ok(), is here too; page_alloc.c's fast path tries the
 * common order-0 case inline first (zone_watermark_fast()).
 */
#include "mm.h"
#include "vmstat.h"
#include "percpu.h"
#include "printk.h"
#include "internal.h"
#include <string.h>

/* A pcp list before the zones are sized: every page goes straight through. */
#define BOOT_PAGESET_HIGH  0
#define BOOT_PAGESET_BATCH 1

#define SWAP_CLUSTER_MAX   32UL

unsigned long totalreserve_pages;

int min_free_kbytes = 1024;
int user_min_free_kbytes = -1;
int watermark_scale_factor = 10;

/*
 * lowmem_reserve ratios (Linux 6.1's defaults): a highmem-capable allocation
 * falling back to Normal must leave 1/32 of HighMem's size there.
 */
int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_NORMAL] = 32,
	[ZONE_HIGHMEM] = 0,
};

/**
 * nr_free_zone_pages - managed pages above the high watermark in the zones up to @offset
 * @offset: the highest zone index counted (gfp_zone() of a request)
 */
unsigned long nr_free_zone_pages(int offset)
{
	struct zonelist *zonelist = node_zonelist(numa_node_id(), GFP_KERNEL);
	unsigned long sum = 0;
	struct zoneref *z;
	struct zone *zone;

	for_each_zone_zonelist (zone, z, zonelist, offset) {
		unsigned long size = zone_managed_pages(zone);
		unsigned long high = high_wmark_pages(zone);

		if (size > high)
			sum += size - high;
	}
	return sum;
}

/** nr_free_buffer_pages - nr_free_zone_pages() of the lowmem zones */
unsigned long nr_free_buffer_pages(void)
{
	return nr_free_zone_pages(gfp_zone(GFP_USER));
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;
	m = 1UL << ((8 * sizeof(long) - 1 - __builtin_clzl(x)) & ~1UL);
	while (m != 0) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}

static int zone_batchsize(struct zone *zone)
{
	int batch;

	/* ~0.1% of the zone or 1 MiB, whichever is smaller, then 2^n - 1. */
	batch = (int)min(zone_managed_pages(zone) >> 10, SZ_1M / PAGE_SIZE);
	batch /= 4;
	if (batch < 1)
		batch = 1;
	batch = (int)(1UL << (8 * sizeof(long) - 1 -
			      __builtin_clzl((unsigned long)(batch + batch / 2))));
	return batch - 1;
}

/*
 * pcp->high: the zone's low watermark split over the CPUs that use it, so
 * full pcp lists never push the zone below low; at least 4 batches.
 * @cpu_online is 1 while a CPU is being brought up (it is not online yet
 * but will use the lists), as Linux 6.1's zone_highsize().
 */
static int zone_highsize(struct zone *zone, int batch, int cpu_online)
{
	int nr_split_cpus = (int)num_online_cpus() + cpu_online;
	int high = (int)(low_wmark_pages(zone) / (unsigned long)nr_split_cpus);

	return max(high, batch << 2);
}

static void zone_set_pageset_high_and_batch(struct zone *zone, int cpu_online)
{
	int new_batch = max(1, zone_batchsize(zone));
	int new_high = zone_highsize(zone, new_batch, cpu_online);
	int cpu;

	if (zone->pageset_high == new_high && zone->pageset_batch == new_batch)
		return;
	zone->pageset_high = new_high;
	zone->pageset_batch = new_batch;
	for_each_possible_cpu (cpu) {
		struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

		WRITE_ONCE(pcp->batch, new_batch);
		WRITE_ONCE(pcp->high, new_high);
	}
}

/* Every populated zone's pcp sizes, over the CPUs online (+ @cpu_online coming up). */
static void pagesets_resize(int cpu_online)
{
	struct zone *zone;

	for_each_populated_zone (zone)
		zone_set_pageset_high_and_batch(zone, cpu_online);
}

/* Every CPU's lists of every zone (MAX_NUMNODES nodes), in its per-CPU area. */
static DEFINE_PER_CPU(struct per_cpu_pages, zone_pagesets[MAX_NUMNODES][MAX_NR_ZONES]);

/**
 * zone_pcp_init - point @zone at its pcp lists, with the boot high/batch
 * @zone: the zone, in its node's node_zones[]
 *
 * Runs from free_area_init(), before the per-CPU areas exist: the lists
 * themselves are made empty by pagesets_init(), once every CPU has its
 * area (a list head points at itself, so the template's would be wrong
 * in the copies).  Until setup_per_cpu_pageset() high is 0 and batch 1,
 * so pages go straight through to the buddy lists (Linux's boot_pageset).
 */
void zone_pcp_init(struct zone *zone)
{
	zone->per_cpu_pageset = &zone_pagesets[zone_to_nid(zone)][zone_idx(zone)];
	zone->pageset_high = BOOT_PAGESET_HIGH;
	zone->pageset_batch = BOOT_PAGESET_BATCH;
}

/**
 * pagesets_init - empty every possible CPU's pcp lists of every zone
 *
 * Called by mm_core_init() before any page reaches a pcp list, after
 * setup_per_cpu_areas() (Linux's build_all_zonelists_init(), which does
 * the same for its boot_pageset).  Unlike Linux, the lists stay where they
 * are for good: they are static per-CPU variables, not alloc_percpu()
 * ones, so setup_per_cpu_pageset() only resizes them.
 */
void pagesets_init(void)
{
	pg_data_t *pgdat;
	int cpu;

	for_each_online_pgdat (pgdat) {
		for (int i = 0; i < MAX_NR_ZONES; i++) {
			struct zone *zone = &pgdat->node_zones[i];

			for_each_possible_cpu (cpu) {
				struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

				memset(pcp, 0, sizeof(*pcp));
				for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
					INIT_LIST_HEAD(&pcp->lists[mt]);
				pcp->high = zone->pageset_high;
				pcp->batch = zone->pageset_batch;
			}
		}
	}
}

/**
 * page_alloc_cpu_online - size the pcp lists for one more CPU
 * @cpu: the CPU being brought up, not yet online
 *
 * Each CPU's share of the low watermark shrinks as CPUs come up.  The
 * SMP bring-up calls it before marking @cpu online, as Linux 6.1's
 * CPUHP_PAGE_ALLOC callback; setup_per_zone_wmarks() sizes the lists
 * again afterwards, over the CPUs then online.
 */
void page_alloc_cpu_online(unsigned int cpu)
{
	(void)cpu;
	pagesets_resize(1);
}

/**
 * page_alloc_cpu_dead - size the pcp lists for one CPU fewer
 * @cpu: a CPU that failed to come up (this kernel takes none down)
 *
 * Its lists are empty: it never ran.  Linux's page_alloc_cpu_dead() also
 * drains them, for a CPU that did run.
 */
void page_alloc_cpu_dead(unsigned int cpu)
{
	(void)cpu;
	pagesets_resize(0);
}

/**
 * setup_per_cpu_pageset - size the pcp lists from the zones' managed pages
 *
 * Until this runs every pcp list has high 0 and batch 1, so pages go
 * straight through to the buddy lists (Linux's boot_pageset).
 */
void setup_per_cpu_pageset(void)
{
	pagesets_resize(0);
}

static void calculate_min_free_kbytes(void)
{
	unsigned long lowmem_kbytes = nr_free_buffer_pages() * (PAGE_SIZE >> 10);
	int new_min_free_kbytes = (int)int_sqrt(lowmem_kbytes * 16);

	if (new_min_free_kbytes > user_min_free_kbytes)
		min_free_kbytes = clamp(new_min_free_kbytes, 128, 262144);
	else
		pr_warn("min_free_kbytes is not updated to %d because user defined value %d is "
			"preferred\n",
			new_min_free_kbytes, user_min_free_kbytes);
}

/* Watermarks and lowmem reserves are kept back from ordinary allocations. */
static void calculate_totalreserve_pages(void)
{
	unsigned long reserve_pages = 0;
	struct pglist_data *pgdat;

	for_each_online_pgdat (pgdat) {
		pgdat->totalreserve_pages = 0;
		for (int i = 0; i < MAX_NR_ZONES; i++) {
			struct zone *zone = pgdat->node_zones + i;
			unsigned long managed_pages = zone_managed_pages(zone);
			long max = 0;

			for (int j = i; j < MAX_NR_ZONES; j++)
				if (zone->lowmem_reserve[j] > max)
					max = zone->lowmem_reserve[j];
			max += (long)high_wmark_pages(zone);
			if ((unsigned long)max > managed_pages)
				max = (long)managed_pages;
			pgdat->totalreserve_pages += max;
			reserve_pages += max;
		}
	}
	totalreserve_pages = reserve_pages;
}

static void __setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;
	unsigned long flags;

	for_each_zone (zone)
		if (!is_highmem(zone))
			lowmem_pages += zone_managed_pages(zone);

	for_each_zone (zone) {
		u64 tmp;

		spin_lock_irqsave(&zone->lock, flags);
		tmp = lowmem_pages ? (u64)pages_min * zone_managed_pages(zone) / lowmem_pages : 0;
		if (is_highmem(zone)) {
			/*
			 * __GFP_HIGH allocations rarely need highmem: keep min
			 * small there; the low/high distances below are not capped.
			 */
			unsigned long min_pages = zone_managed_pages(zone) / 1024;

			zone->_watermark[WMARK_MIN] = clamp(min_pages, SWAP_CLUSTER_MAX, 128UL);
		} else {
			/* A lowmem zone keeps back its share of min_free_kbytes. */
			zone->_watermark[WMARK_MIN] = (unsigned long)tmp;
		}
		/*
		 * Distance min->low->high: a quarter of min, or
		 * watermark_scale_factor/10000 of the zone if that is more.
		 */
		tmp = max_t(u64, tmp >> 2,
			    (u64)zone_managed_pages(zone) * (unsigned long)watermark_scale_factor /
				    10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + (unsigned long)tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + (unsigned long)tmp;
		zone->_watermark[WMARK_PROMO] = high_wmark_pages(zone) + (unsigned long)tmp;
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	calculate_totalreserve_pages();
}

/**
 * setup_per_zone_wmarks - recompute watermarks from min_free_kbytes
 *
 * pcp high follows the low watermark, so it is recomputed too.
 */
void setup_per_zone_wmarks(void)
{
	struct zone *zone;

	__setup_per_zone_wmarks();
	for_each_zone (zone)
		zone_set_pageset_high_and_batch(zone, 0);
}

/*
 * lowmem_reserve[j] of zone i: pages an allocation that could have used
 * zone j (> i) must leave in zone i, so highmem users cannot exhaust
 * lowmem that only lowmem users can use.
 */
static void setup_per_zone_lowmem_reserve(void)
{
	struct pglist_data *pgdat;

	for_each_online_pgdat (pgdat) {
		for (int i = 0; i < MAX_NR_ZONES - 1; i++) {
			struct zone *zone = &pgdat->node_zones[i];
			int ratio = sysctl_lowmem_reserve_ratio[i];
			bool clear = !ratio || !zone_managed_pages(zone);
			unsigned long managed_pages = 0;

			for (int j = i + 1; j < MAX_NR_ZONES; j++) {
				managed_pages += zone_managed_pages(&pgdat->node_zones[j]);
				zone->lowmem_reserve[j] = clear ? 0 : (long)(managed_pages / ratio);
			}
		}
	}
	calculate_totalreserve_pages();
}

/**
 * init_per_zone_wmark_min - compute min_free_kbytes, watermarks, lowmem
 * reserves and pcp high limits from the managed pages
 *
 * Call it again whenever managed pages change in bulk (after
 * cma_init_reserved_areas(), as Linux's postcore_initcall runs after
 * CMA's core_initcall).
 *
 * Returns 0.
 */
int init_per_zone_wmark_min(void)
{
	calculate_min_free_kbytes();
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	return 0;
}

/* ---------------------------------------------------------------- the check */

/**
 * __zone_watermark_ok - the full watermark check, with the free count given
 * @z: the zone
 * @order: the allocation's order
 * @mark: the watermark in pages
 * @highest_zoneidx: the highest zone the allocation could use (lowmem_reserve index)
 * @alloc_flags: ALLOC_* (mm/internal.h)
 * @free_pages: @z's NR_FREE_PAGES, as the caller read it
 *
 * Linux 6.1's __zone_watermark_ok, less the high-atomic reserve (we never
 * set one aside): the free pages above @mark (lowered for __GFP_HIGH and
 * GFP_ATOMIC) plus the lowmem reserve, and for order > 0 a free block of
 * at least @order on a list the request may use.
 */
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages)
{
	long min = (long)mark;

	free_pages -= __zone_watermark_unusable_free(z, order, alloc_flags);
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &z->free_area[o];

		/* Without zone->lock, as Linux: a hint; the allocation itself re-checks. */
		if (!READ_ONCE(area->nr_free))
			continue;
		for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!free_area_empty(area, mt))
				return true;
		if ((alloc_flags & ALLOC_CMA) && !free_area_empty(area, MIGRATE_CMA))
			return true;
	}
	return false;
}

/**
 * zone_watermark_ok - may an allocation of @order take pages from @z?
 * @z: the zone
 * @order: the allocation's order
 * @mark: the watermark in pages (min/low/high_wmark_pages())
 * @highest_zoneidx: the highest zone the allocation could use (lowmem_reserve index)
 * @alloc_flags: ALLOC_* (mm/internal.h): harder/high dip below @mark, CMA counts CMA pages
 */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark, int highest_zoneidx,
		       unsigned int alloc_flags)
{
	return __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags,
				   zone_page_state(z, NR_FREE_PAGES));
}
