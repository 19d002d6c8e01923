/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zone counters and the /proc-style reports (Linux's vmstat.h and the
 * buddyinfo/zoneinfo/pagetypeinfo printers of mm/vmstat.c).  The page
 * counts (vm_stat) are words changed under zone->lock and read without
 * it (watermark checks), so each change is one WRITE_ONCE and each
 * lockless read one READ_ONCE; Linux batches them per CPU in atomics,
 * which four CPUs that change them only under the lock do not need.
 * The event counts are per CPU (struct per_cpu_pages), each written only
 * by its own CPU, as Linux's vm_event_states.
 */
#ifndef _VMSTAT_H
#define _VMSTAT_H

#include "mmzone.h"
#include "percpu.h"

static inline void __mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta)
{
	WRITE_ONCE(zone->vm_stat[item], zone->vm_stat[item] + delta);
}

/*
 * Free pages entering (@nr_pages > 0) or leaving a zone's free lists of
 * @migratetype; CMA pages are counted twice, as Linux does, so watermark
 * checks can discount them for allocations that may not use them.
 */
static inline void __mod_zone_freepage_state(struct zone *zone, long nr_pages, int migratetype)
{
	__mod_zone_page_state(zone, NR_FREE_PAGES, nr_pages);
	if (is_migrate_cma(migratetype))
		__mod_zone_page_state(zone, NR_FREE_CMA_PAGES, nr_pages);
}

/* Count on @pcp, this CPU's pcp of the zone (the caller has it at hand). */
static inline void __count_pcp_vm_events(struct per_cpu_pages *pcp, enum zone_event_item item,
					 unsigned long delta)
{
	pcp->vm_events[item] += delta;
}

/* Count on this CPU: a plain add, as Linux's __count_zid_vm_events() (see struct per_cpu_pages). */
static inline void __count_zone_vm_events(struct zone *zone, enum zone_event_item item,
					  unsigned long delta)
{
	__count_pcp_vm_events(this_cpu_ptr(zone->per_cpu_pageset), item, delta);
}

/** zone_vm_events - @zone's count of @item, summed over every CPU */
static inline unsigned long zone_vm_events(const struct zone *zone, enum zone_event_item item)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu (cpu)
		sum += READ_ONCE(per_cpu_ptr(zone->per_cpu_pageset, cpu)->vm_events[item]);
	return sum;
}

/** global_zone_page_state - @item summed over every zone */
static inline unsigned long global_zone_page_state(enum zone_stat_item item)
{
	struct zone *zone;
	long x = 0;

	for_each_zone (zone)
		x += READ_ONCE(zone->vm_stat[item]);
	return x < 0 ? 0 : (unsigned long)x;
}

/** nr_free_pages - free pages in every zone's buddy lists (pcp lists not counted) */
static inline unsigned long nr_free_pages(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

extern const char *const zone_stat_names[NR_VM_ZONE_STAT_ITEMS];
extern const char *const zone_event_names[NR_ZONE_EVENT_ITEMS];

void zone_free_pages_by_migratetype(struct zone *zone, unsigned long *counts);

void show_buddyinfo(void);

void show_pagetypeinfo(void);

void show_zoneinfo(void);

void show_mminfo(void);

void show_mminfo_at_boot(void);
void show_mminfo_params_reset(void);

void show_free_areas(void);

#endif /* _VMSTAT_H */
