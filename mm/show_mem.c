// SPDX-License-Identifier: GPL-2.0
/*
 * Reports on the page allocator in the formats of Linux's /proc/buddyinfo,
 * /proc/pagetypeinfo and /proc/zoneinfo (mm/vmstat.c) and the "Mem-Info:"
 * block of an allocation failure (mm/show_mem.c).  We have no /proc, so
 * they are printed on demand: "mminfo" on the command line, and tests.
 */
#include "cmdline.h"
#include "init.h"
#include "mm.h"
#include "vmstat.h"
#include "printk.h"
#include <string.h>

const char *const zone_stat_names[NR_VM_ZONE_STAT_ITEMS] = {
	[NR_FREE_PAGES] = "nr_free_pages",
	[NR_FREE_CMA_PAGES] = "nr_free_cma",
};

const char *const zone_event_names[NR_ZONE_EVENT_ITEMS] = {
	[ZONE_PGALLOC] = "pgalloc",
	[ZONE_PGFREE] = "pgfree",
	[ZONE_PGALLOC_FAIL] = "pgalloc_fail",
	[ZONE_PGALLOC_STEAL] = "pgalloc_steal",
};

/* One report line is assembled here, then printed whole. */
struct line {
	char buf[384];
	int len;
};

static __printf(2, 3) void line_add(struct line *l, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	l->len += vscnprintf(l->buf + l->len, sizeof(l->buf) - l->len, fmt, args);
	va_end(args);
}

static void line_print(struct line *l)
{
	printk(KERN_INFO "%s\n", l->buf);
	l->len = 0;
	l->buf[0] = '\0';
}

/**
 * zone_free_pages_by_migratetype - count a zone's free pages per free list
 * @zone: the zone
 * @counts: MIGRATE_TYPES entries, filled with free pages (not blocks)
 *
 * Walks the lists under zone->lock, as /proc/pagetypeinfo does.
 */
void zone_free_pages_by_migratetype(struct zone *zone, unsigned long *counts)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
		counts[mt] = 0;
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			struct list_head *curr;

			list_for_each (curr, &zone->free_area[order].free_list[mt])
				counts[mt] += 1UL << order;
		}
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

/** show_buddyinfo - print /proc/buddyinfo: free blocks per order per zone */
void show_buddyinfo(void)
{
	struct line l = {.len = 0};
	struct zone *zone;

	for_each_populated_zone (zone) {
		line_add(&l, "Node %d, zone %8s ", zone_to_nid(zone), zone->name);
		for (unsigned int order = 0; order < MAX_ORDER; order++)
			line_add(&l, "%6lu ", READ_ONCE(zone->free_area[order].nr_free));
		line_print(&l);
	}
}

/**
 * show_pagetypeinfo - print /proc/pagetypeinfo: free blocks per migratetype,
 * pageblock counts
 */
void show_pagetypeinfo(void)
{
	struct line l = {.len = 0};
	struct zone *zone;

	printk(KERN_INFO "Page block order: %d\n", pageblock_order);
	printk(KERN_INFO "Pages per block:  %lu\n", pageblock_nr_pages);
	printk(KERN_INFO "\n");

	line_add(&l, "%-43s ", "Free pages count per migrate type at order");
	for (int order = 0; order < MAX_ORDER; order++)
		line_add(&l, "%6d ", order);
	line_print(&l);
	for_each_populated_zone (zone) {
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
			line_add(&l, "Node %4d, zone %8s, type %12s ", zone_to_nid(zone),
				 zone->name, migratetype_names[mt]);
			for (unsigned int order = 0; order < MAX_ORDER; order++) {
				unsigned long freecount = 0;
				struct list_head *curr;

				list_for_each (curr, &zone->free_area[order].free_list[mt])
					freecount++;
				line_add(&l, "%6lu ", freecount);
			}
			line_print(&l);
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}

	printk(KERN_INFO "\n");
	line_add(&l, "%-23s", "Number of blocks type ");
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		line_add(&l, "%12s ", migratetype_names[mt]);
	line_print(&l);
	for_each_populated_zone (zone) {
		unsigned long count[MIGRATE_TYPES] = {0};
		int mt;

		/* Every pageblock with memory whose first page is this zone's, as Linux counts. */
		for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
		     pfn += pageblock_nr_pages) {
			struct page *page = pfn_to_page(pfn);

			if (!pageblock_has_memory(pfn) || page_zone(page) != zone)
				continue;
			mt = get_pageblock_migratetype(page);
			if (mt < MIGRATE_TYPES)
				count[mt]++;
		}
		line_add(&l, "Node %d, zone %8s ", zone_to_nid(zone), zone->name);
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			line_add(&l, "%12lu ", count[mt]);
		line_print(&l);
	}
}

/**
 * show_zoneinfo - print /proc/zoneinfo: watermarks, sizes, counters, pcp settings
 *
 * Linux's per-node stats block is left out (we keep no node counters); our
 * event counters follow the zone stats in the same "%-12s %lu" format.
 */
void show_zoneinfo(void)
{
	struct line l = {.len = 0};
	struct zone *zone;
	int cpu;

	for_each_zone (zone) {
		line_add(&l, "Node %d, zone %8s", zone_to_nid(zone), zone->name);
		line_print(&l);
		printk(KERN_INFO "  pages free     %ld\n", zone_page_state(zone, NR_FREE_PAGES));
		printk(KERN_INFO "        boost    0\n");
		printk(KERN_INFO "        min      %lu\n", min_wmark_pages(zone));
		printk(KERN_INFO "        low      %lu\n", low_wmark_pages(zone));
		printk(KERN_INFO "        high     %lu\n", high_wmark_pages(zone));
		printk(KERN_INFO "        spanned  %lu\n", zone->spanned_pages);
		printk(KERN_INFO "        present  %lu\n", zone->present_pages);
		printk(KERN_INFO "        managed  %lu\n", zone_managed_pages(zone));
		printk(KERN_INFO "        cma      %lu\n", zone->cma_pages);
		line_add(&l, "        protection: (%ld", zone->lowmem_reserve[0]);
		for (int i = 1; i < MAX_NR_ZONES; i++)
			line_add(&l, ", %ld", zone->lowmem_reserve[i]);
		line_add(&l, ")");
		line_print(&l);
		if (!populated_zone(zone))
			continue;
		for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
			printk(KERN_INFO "      %-12s %ld\n", zone_stat_names[i],
			       zone_page_state(zone, i));
		for (int i = 0; i < NR_ZONE_EVENT_ITEMS; i++)
			printk(KERN_INFO "      %-12s %lu\n", zone_event_names[i],
			       zone_vm_events(zone, i));
		printk(KERN_INFO "  pagesets\n");
		for_each_online_cpu (cpu) {
			struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

			printk(KERN_INFO "    cpu: %i\n", cpu);
			printk(KERN_INFO "              count: %i\n", pcp->count);
			printk(KERN_INFO "              high:  %i\n", pcp->high);
			printk(KERN_INFO "              batch: %i\n", pcp->batch);
		}
		printk(KERN_INFO "  node_unreclaimable:  0\n");
		printk(KERN_INFO "  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}

/**
 * show_mminfo - buddyinfo, pagetypeinfo and zoneinfo
 *
 * For the "mminfo" command-line option and tests.
 */
void show_mminfo(void)
{
	show_buddyinfo();
	show_pagetypeinfo();
	show_zoneinfo();
}

static bool mminfo_at_boot;

/* "mminfo": the three reports at the end of the boot (ours; Linux has /proc). */
static int __init early_mminfo(char *val)
{
	if (val) {
		pr_err("mminfo=%s: mminfo takes no value, parameter ignored\n", val);
		return -EINVAL;
	}
	mminfo_at_boot = true;
	return 0;
}
early_param("mminfo", early_mminfo);

#define MAX_DUMP_PAGES 8
static unsigned long dump_pfns[MAX_DUMP_PAGES];
static int nr_dump_pfns;

/*
 * "dump_page=PFN[,PFN…]": dump_page() for each frame at the end of the boot
 * (ours).  The gdb helpers' test compares mm-page with it; a learner can
 * look at any frame without a debugger.
 */
static int __init early_dump_page(char *val)
{
	char *next;

	for (; val && *val && nr_dump_pfns < MAX_DUMP_PAGES; val = next) {
		unsigned long long pfn;

		next = strchr(val, ',');
		if (next)
			*next++ = '\0';
		if (kstrtoull(val, 0, &pfn) || pfn != (unsigned long)pfn) {
			pr_err("dump_page=%s: not a page frame number, ignored\n", val);
			continue;
		}
		dump_pfns[nr_dump_pfns++] = (unsigned long)pfn;
	}
	return 0;
}
early_param("dump_page", early_dump_page);

/**
 * show_mminfo_params_reset - forget "mminfo" and "dump_page="
 *
 * Not in Linux (which boots once): the host tests and the fuzzers parse
 * many command lines in one process.
 */
void show_mminfo_params_reset(void)
{
	mminfo_at_boot = false;
	nr_dump_pfns = 0;
}

/**
 * show_mminfo_at_boot - what "mminfo" and "dump_page=" asked for, at the end of the boot
 */
void show_mminfo_at_boot(void)
{
	if (mminfo_at_boot)
		show_mminfo();
	for (int i = 0; i < nr_dump_pfns; i++) {
		/* Checked now, not when parsed: mem= and NOMAP may remove RAM after. */
		if (!pfn_valid(dump_pfns[i]))
			pr_err("dump_page=%#lx: no struct page for this frame, ignored\n",
			       dump_pfns[i]);
		else
			dump_page(pfn_to_page(dump_pfns[i]), "dump_page= on the command line");
	}
}

/* "(UMEHCI)": which migratetypes hold free blocks of an order. */
static void add_migration_types(struct line *l, unsigned int type)
{
	static const char types[MIGRATE_TYPES] = {
		[MIGRATE_UNMOVABLE] = 'U',  [MIGRATE_MOVABLE] = 'M', [MIGRATE_RECLAIMABLE] = 'E',
		[MIGRATE_HIGHATOMIC] = 'H', [MIGRATE_CMA] = 'C',     [MIGRATE_ISOLATE] = 'I',
	};
	char tmp[MIGRATE_TYPES + 1];
	char *p = tmp;

	for (int i = 0; i < MIGRATE_TYPES; i++)
		if (type & (1u << i))
			*p++ = types[i];
	*p = '\0';
	line_add(l, "(%s) ", tmp);
}

/**
 * show_free_areas - the "Mem-Info:" summary an allocation failure prints
 *
 * Per zone the free counts and watermarks, then Linux's
 * "Normal: 3*4kB (UM) 1*8kB (M) ... = 20kB" line of free blocks by order
 * with the migratetypes that hold them.
 */
void show_free_areas(void)
{
	struct line l = {.len = 0};
	struct zone *zone;

	printk(KERN_INFO "Mem-Info:\n");
	for_each_populated_zone (zone) {
		unsigned long free_pcp = 0;
		int cpu;

		for_each_online_cpu (cpu)
			free_pcp += per_cpu_ptr(zone->per_cpu_pageset, cpu)->count;
		printk(KERN_INFO "%s free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB "
				 "reserved_highatomic:0KB present:%lukB managed:%lukB "
				 "free_pcp:%lukB local_pcp:%ukB free_cma:%lukB\n",
		       zone->name, K((unsigned long)zone_page_state(zone, NR_FREE_PAGES)),
		       K(min_wmark_pages(zone)), K(low_wmark_pages(zone)),
		       K(high_wmark_pages(zone)), K(zone->present_pages),
		       K(zone_managed_pages(zone)), K(free_pcp),
		       K((unsigned int)this_cpu_ptr(zone->per_cpu_pageset)->count),
		       K((unsigned long)zone_page_state(zone, NR_FREE_CMA_PAGES)));
		line_add(&l, "lowmem_reserve[]:");
		for (int i = 0; i < MAX_NR_ZONES; i++)
			line_add(&l, " %ld", zone->lowmem_reserve[i]);
		line_print(&l);
	}
	for_each_populated_zone (zone) {
		unsigned long nr[MAX_ORDER], total = 0;
		unsigned int types[MAX_ORDER];
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			struct free_area *area = &zone->free_area[order];

			nr[order] = area->nr_free;
			total += nr[order] << order;
			types[order] = 0;
			for (int mt = 0; mt < MIGRATE_TYPES; mt++)
				if (!free_area_empty(area, mt))
					types[order] |= 1u << mt;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
		line_add(&l, "%s: ", zone->name);
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			line_add(&l, "%lu*%lukB ", nr[order], K(1UL) << order);
			if (nr[order])
				add_migration_types(&l, types[order]);
		}
		line_add(&l, "= %lukB", K(total));
		line_print(&l);
	}
}
