// SPDX-License-Identifier: GPL-2.0
/*
 * From memblock to a running page allocator (Linux's mm/mm_init.c and the
 * boot half of mm/page_alloc.c, 6.1):
 *
 *   free_area_init()       zone boundaries from the architecture, node and
 *                          zone sizes from memblock, mem_map and pageblock
 *                          bitmaps from memblock, every struct page set up
 *   build_all_zonelists()  allocation fallback order
 *   memblock_free_all()    reserved ranges marked, free ranges freed into
 *                          the buddy lists in the largest aligned blocks
 *   mem_init_print_info()  the "Memory:" line
 *   setup_per_cpu_pageset(), init_per_zone_wmark_min()
 *
 * Everything here runs once at boot on one CPU.
 */
#include "mm.h"
#include "vmstat.h"
#include "memblock.h"
#include "printk.h"
#include "sections.h"
#include "internal.h"
#include <asm/cache.h>
#include <string.h>

struct pglist_data contig_page_data;
struct page *mem_map;

static const char *const zone_names[MAX_NR_ZONES] = {
	[ZONE_NORMAL] = "Normal",
	[ZONE_HIGHMEM] = "HighMem",
};

/* Each zone's possible range, from the architecture's limits. */
static unsigned long arch_zone_lowest_possible_pfn[MAX_NR_ZONES];
static unsigned long arch_zone_highest_possible_pfn[MAX_NR_ZONES];

/* The whole mem_map of node 0, MAX_ORDER aligned: [map_start_pfn, map_end_pfn). */
static unsigned long map_start_pfn, map_end_pfn;

/* ---------------------------------------------------------------- lookups */

/**
 * pfn_valid - does @pfn have a struct page the kernel may look at?
 * @pfn: page frame number
 *
 * True for frames inside a node's span that memblock describes as memory,
 * NOMAP memory included (its pages exist and are PG_reserved).  Holes
 * between banks have struct pages too (flat mem_map), but they are not
 * memory, so this says no, as Linux ARM's memblock-based pfn_valid() does
 * (Linux answers per pageblock because it frees the memmap of holes; we
 * keep it, so we can answer per page).  memblock.memory is kept after boot
 * for this, as Linux's ARCH_KEEP_MEMBLOCK on ARM.
 */
bool pfn_valid(unsigned long pfn)
{
	pg_data_t *pgdat;

	for_each_online_pgdat (pgdat)
		if (pfn >= pgdat->node_start_pfn && pfn < pgdat_end_pfn(pgdat))
			return memblock_is_memory(PFN_PHYS(pfn));
	return false;
}

/**
 * pageblock_has_memory - does the pageblock of @pfn hold any memory?
 * @pfn: page frame number
 *
 * Linux ARM's pfn_valid() answers at this granularity; the boot report's
 * "pages in unavailable ranges" count and pagetypeinfo use it to count as
 * Linux does.
 */
bool pageblock_has_memory(unsigned long pfn)
{
	unsigned long pb_start = pageblock_start_pfn(pfn);
	unsigned long pb_end = pb_start + pageblock_nr_pages;
	unsigned long start, end;
	int i;

	for_each_mem_pfn_range (i, &start, &end)
		if (start < pb_end && end > pb_start)
			return true;
	return false;
}

/** get_num_physpages - present pages of all nodes */
unsigned long get_num_physpages(void)
{
	unsigned long phys_pages = 0;
	pg_data_t *pgdat;

	for_each_online_pgdat (pgdat)
		phys_pages += pgdat->node_present_pages;
	return phys_pages;
}

/* ---------------------------------------------------------------- sizing */

/* The pfn range of @nid's memory in memblock (NOMAP included). */
static void get_pfn_range_for_nid(int nid, unsigned long *start_pfn, unsigned long *end_pfn)
{
	unsigned long this_start, this_end;
	int i;

	(void)nid; /* memblock here has no node ids: everything is node 0 */
	*start_pfn = -1UL;
	*end_pfn = 0;
	for_each_mem_pfn_range (i, &this_start, &this_end) {
		*start_pfn = min(*start_pfn, this_start);
		*end_pfn = max(*end_pfn, this_end);
	}
	if (*start_pfn == -1UL)
		*start_pfn = 0;
}

/* Pages of [range_start, range_end) that memblock does not describe as memory. */
static unsigned long absent_pages_in_range(unsigned long range_start, unsigned long range_end)
{
	unsigned long nr_absent = range_end - range_start;
	unsigned long start, end;
	int i;

	for_each_mem_pfn_range (i, &start, &end) {
		start = clamp(start, range_start, range_end);
		end = clamp(end, range_start, range_end);
		nr_absent -= end - start;
	}
	return nr_absent;
}

/* Zone @zone_type's part of the node, in [*zone_start_pfn, *zone_end_pfn). */
static unsigned long zone_spanned_pages_in_node(int zone_type, unsigned long node_start_pfn,
						unsigned long node_end_pfn,
						unsigned long *zone_start_pfn,
						unsigned long *zone_end_pfn)
{
	unsigned long zone_low = arch_zone_lowest_possible_pfn[zone_type];
	unsigned long zone_high = arch_zone_highest_possible_pfn[zone_type];

	if (zone_high < node_start_pfn || zone_low > node_end_pfn)
		return 0;
	*zone_start_pfn = zone_low;
	*zone_end_pfn = zone_high;
	*zone_end_pfn = min(*zone_end_pfn, node_end_pfn);
	*zone_start_pfn = max(*zone_start_pfn, node_start_pfn);
	return *zone_end_pfn - *zone_start_pfn;
}

static void calculate_node_totalpages(pg_data_t *pgdat, unsigned long node_start_pfn,
				      unsigned long node_end_pfn)
{
	unsigned long totalpages = 0, realtotalpages = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = pgdat->node_zones + i;
		unsigned long zone_start_pfn, zone_end_pfn, spanned, absent;

		spanned = zone_spanned_pages_in_node(i, node_start_pfn, node_end_pfn,
						     &zone_start_pfn, &zone_end_pfn);
		absent = spanned ? absent_pages_in_range(zone_start_pfn, zone_end_pfn) : 0;
		zone->zone_start_pfn = spanned ? zone_start_pfn : 0;
		zone->spanned_pages = spanned;
		zone->present_pages = spanned - absent;
		totalpages += spanned;
		realtotalpages += spanned - absent;
	}
	pgdat->node_spanned_pages = totalpages;
	pgdat->node_present_pages = realtotalpages;
}

/* Pages of mem_map a zone's struct pages take (charged to lowmem zones). */
static unsigned long calc_memmap_size(unsigned long spanned_pages)
{
	return PAGE_ALIGN(spanned_pages * sizeof(struct page)) >> PAGE_SHIFT;
}

/* Bytes of pageblock bitmap for a zone, from the pageblock of its start. */
static unsigned long usemap_size(unsigned long zone_start_pfn, unsigned long zonesize)
{
	unsigned long usemapsize;

	zonesize += zone_start_pfn & (pageblock_nr_pages - 1);
	usemapsize = round_up(zonesize, pageblock_nr_pages) >> pageblock_order;
	usemapsize *= NR_PAGEBLOCK_BITS;
	usemapsize = round_up(usemapsize, 8 * sizeof(unsigned long));
	return usemapsize / 8;
}

/*
 * mem_map for the node's whole span, widened to MAX_ORDER blocks so that
 * every buddy the allocator looks at has a struct page.
 */
static void alloc_node_mem_map(pg_data_t *pgdat)
{
	unsigned long start, end, size;
	phys_addr_t map_phys;
	struct page *map;

	if (!pgdat->node_spanned_pages)
		return;
	start = pgdat->node_start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	end = ALIGN(pgdat_end_pfn(pgdat), MAX_ORDER_NR_PAGES);
	size = (end - start) * sizeof(struct page);
	/*
	 * Not zeroed (Linux's memblock_alloc_try_nid_raw): memmap_init()
	 * writes every struct page of it, and zeroing 7 MiB first would
	 * double the boot's per-page cost.
	 */
	map_phys = memblock_phys_alloc(size, SMP_CACHE_BYTES);
	if (!map_phys)
		panic("Failed to allocate %lu bytes for node %d memory map\n", size,
		      pgdat->node_id);
	map = __va(map_phys);
	pgdat->node_mem_map = map + (pgdat->node_start_pfn - start);
	if (pgdat->node_id == 0) {
		/* FLATMEM: mem_map[0] is the page of ARCH_PFN_OFFSET. */
		mem_map =
			pgdat->node_mem_map - ((long)pgdat->node_start_pfn - (long)ARCH_PFN_OFFSET);
		map_start_pfn = start;
		map_end_pfn = end;
	}
}

static void zone_init_free_lists(struct zone *zone)
{
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[mt]);
		zone->free_area[order].nr_free = 0;
	}
}

/*
 * Set up each zone of @pgdat: its managed pages start as an estimate
 * (present pages minus the memmap that lowmem pays for), which is what
 * "Total pages" reports; memblock_free_all() then counts the real ones.
 */
static void free_area_init_core(pg_data_t *pgdat)
{
	int nid = pgdat->node_id;

	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = pgdat->node_zones + j;
		unsigned long size = zone->spanned_pages;
		unsigned long freesize = zone->present_pages;
		unsigned long memmap_pages = calc_memmap_size(size);

		if (!is_highmem_idx(j)) {
			if (freesize >= memmap_pages)
				freesize -= memmap_pages;
			else
				pr_warn("  %s zone: %lu memmap pages exceeds freesize %lu\n",
					zone_names[j], memmap_pages, freesize);
		}
		atomic_long_set(&zone->managed_pages, (long)freesize);
		zone->name = zone_names[j];
		zone->zone_pgdat = NODE_DATA(nid);
		spin_lock_init(&zone->lock);
		zone_pcp_init(zone);
		zone_init_free_lists(zone);
		if (!size)
			continue;
		zone->pageblock_flags =
			memblock_alloc(usemap_size(zone->zone_start_pfn, size), SMP_CACHE_BYTES);
		if (!zone->pageblock_flags)
			panic("Failed to allocate pageblock bitmap for zone %s\n", zone->name);
		pgdat->nr_zones = j + 1;
	}
}

static void free_area_init_node(int nid)
{
	pg_data_t *pgdat = NODE_DATA(nid);
	unsigned long start_pfn, end_pfn;

	get_pfn_range_for_nid(nid, &start_pfn, &end_pfn);
	pgdat->node_id = nid;
	pgdat->node_start_pfn = start_pfn;
	if (start_pfn != end_pfn)
		pr_info("Initmem setup node %d [mem %#018llx-%#018llx]\n", nid,
			(unsigned long long)PFN_PHYS(start_pfn),
			end_pfn ? (unsigned long long)PFN_PHYS(end_pfn) - 1 : 0);
	else
		pr_info("Initmem setup node %d as memoryless\n", nid);
	calculate_node_totalpages(pgdat, start_pfn, end_pfn);
	alloc_node_mem_map(pgdat);
	free_area_init_core(pgdat);
}

/* ---------------------------------------------------------------- struct page init */

/*
 * Every field of a struct page, set field by field: the compiler keeps the
 * values in registers (a store multiple on ARM), which keeps memmap init cheap.
 */
static inline void init_page_fields(struct page *page, unsigned long flags, int refcount)
{
	page->flags = flags;
	page->lru.next = NULL;
	page->lru.prev = NULL;
	page->mapping = NULL;
	page->private = 0;
	page->_mapcount = -1;
	page->_refcount = refcount;
}

/*
 * Memory pages start free-ready (no reference, not reserved), so the
 * hand-over can free whole blocks without touching each page again.  The
 * ->lru of a page nobody owns is left NULL.  Every pageblock starts
 * MIGRATE_MOVABLE, as in Linux.
 */
static void memmap_init_range(unsigned long size, int nid, unsigned long zone,
			      unsigned long start_pfn)
{
	unsigned long flags = page_links(zone, nid);
	struct page *page = pfn_to_page(start_pfn);
	struct page *end = page + size;
	unsigned long end_pfn = start_pfn + size;

	for (; page < end; page++)
		init_page_fields(page, flags, 0);
	for (unsigned long pfn = ALIGN(start_pfn, pageblock_nr_pages); pfn < end_pfn;
	     pfn += pageblock_nr_pages)
		set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_MOVABLE);
}

/*
 * Frames of mem_map that are not memory (holes between banks, the edges
 * of the MAX_ORDER-aligned span): PG_reserved with a reference, so they
 * are never merged or freed.  Like Linux, count and report those whose
 * pageblock has memory (the ones Linux ARM's pfn_valid admits), unless
 * @quiet.
 */
static void init_unavailable_range(unsigned long spfn, unsigned long epfn, unsigned long zone,
				   int nid, bool quiet)
{
	unsigned long flags = page_links(zone, nid) | BIT(PG_reserved);
	unsigned long long pgcnt = 0;

	for (unsigned long pfn = spfn; pfn < epfn; pfn++)
		init_page_fields(pfn_to_page(pfn), flags, 1);
	if (quiet)
		return;
	for (unsigned long pfn = spfn; pfn < epfn;) {
		unsigned long next = min(pageblock_end_pfn(pfn), epfn);

		if (pageblock_has_memory(pfn))
			pgcnt += next - pfn;
		pfn = next;
	}
	if (pgcnt)
		pr_info("On node %d, zone %s: %llu pages in unavailable ranges\n", nid,
			zone_names[zone], pgcnt);
}

static void memmap_init_zone_range(struct zone *zone, unsigned long start_pfn,
				   unsigned long end_pfn, unsigned long *hole_pfn)
{
	unsigned long zone_start_pfn = zone->zone_start_pfn;
	unsigned long zone_end = zone_end_pfn(zone);
	int nid = zone_to_nid(zone);
	unsigned long zone_id = (unsigned long)zone_idx(zone);

	start_pfn = clamp(start_pfn, zone_start_pfn, zone_end);
	end_pfn = clamp(end_pfn, zone_start_pfn, zone_end);
	if (start_pfn >= end_pfn)
		return;
	memmap_init_range(end_pfn - start_pfn, nid, zone_id, start_pfn);
	if (*hole_pfn < start_pfn)
		init_unavailable_range(*hole_pfn, start_pfn, zone_id, nid, false);
	*hole_pfn = end_pfn;
}

static void memmap_init(void)
{
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned long start_pfn, end_pfn, hole_pfn = map_start_pfn;
	unsigned long zone_id = 0;
	int i;

	if (!pgdat->node_spanned_pages)
		return;
	for_each_mem_pfn_range (i, &start_pfn, &end_pfn) {
		for (int j = 0; j < MAX_NR_ZONES; j++) {
			struct zone *zone = pgdat->node_zones + j;

			if (!populated_zone(zone))
				continue;
			memmap_init_zone_range(zone, start_pfn, end_pfn, &hole_pfn);
			zone_id = (unsigned long)j;
		}
	}
	/* The rest of the last MAX_ORDER block (Linux leaves it uninitialised). */
	if (hole_pfn < map_end_pfn)
		init_unavailable_range(hole_pfn, map_end_pfn, zone_id, 0, true);
}

/* ---------------------------------------------------------------- free_area_init */

/* Forget any earlier boot: the host tests boot many times in one process. */
static void reset_mm_state(void)
{
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	mem_map = NULL;
	map_start_pfn = map_end_pfn = 0;
	atomic_long_set(&_totalram_pages, 0);
	atomic_long_set(&_totalhigh_pages, 0);
	totalreserve_pages = 0;
	page_group_by_mobility_disabled = 0;
}

/**
 * free_area_init - size the node and its zones and build mem_map
 * @max_zone_pfn: end frame (exclusive) of each zone: [ZONE_NORMAL] is the
 *                lowmem limit (max_low_pfn), [ZONE_HIGHMEM] the end of
 *                memory (max_pfn)
 *
 * Called once by the architecture's bootmem_init() after memblock knows all
 * memory and reservations.  Prints Linux's "Zone ranges:" block, allocates
 * mem_map and the pageblock bitmaps from memblock, and initialises every
 * struct page (the only per-page work of the boot).  The buddy lists stay
 * empty until memblock_free_all().
 *
 * It re-initialises contig_page_data and the allocator's global counters
 * completely (totalcma_pages excepted), so host tests can boot many times.
 */
void free_area_init(unsigned long *max_zone_pfn)
{
	unsigned long start_pfn, end_pfn;
	int i, nid;

	reset_mm_state();

	/* Zones follow each other from the start of memory. */
	start_pfn = PHYS_PFN(memblock_start_of_DRAM());
	for (i = 0; i < MAX_NR_ZONES; i++) {
		end_pfn = max(max_zone_pfn[i], start_pfn);
		arch_zone_lowest_possible_pfn[i] = start_pfn;
		arch_zone_highest_possible_pfn[i] = end_pfn;
		start_pfn = end_pfn;
	}

	pr_info("Zone ranges:\n");
	for (i = 0; i < MAX_NR_ZONES; i++) {
		pr_info("  %-8s ", zone_names[i]);
		if (arch_zone_lowest_possible_pfn[i] == arch_zone_highest_possible_pfn[i])
			pr_cont("empty\n");
		else
			pr_cont("[mem %#018llx-%#018llx]\n",
				(unsigned long long)PFN_PHYS(arch_zone_lowest_possible_pfn[i]),
				(unsigned long long)PFN_PHYS(arch_zone_highest_possible_pfn[i]) -
					1);
	}
	/* No kernelcore=/movablecore=, so no ZONE_MOVABLE: the list is empty, as in Linux. */
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for_each_mem_pfn_range (i, &start_pfn, &end_pfn)
		pr_info("  node %3d: [mem %#018llx-%#018llx]\n", 0,
			(unsigned long long)PFN_PHYS(start_pfn),
			(unsigned long long)PFN_PHYS(end_pfn) - 1);

	for_each_online_node (nid)
		free_area_init_node(nid);
	memmap_init();
}

/* ---------------------------------------------------------------- zonelists */

/* The populated zones of @pgdat, highest first; returns how many. */
static int build_zonerefs_node(pg_data_t *pgdat, struct zoneref *zonerefs)
{
	int nr_zones = 0;

	for (int zone_type = MAX_NR_ZONES - 1; zone_type >= 0; zone_type--) {
		struct zone *zone = pgdat->node_zones + zone_type;

		if (populated_zone(zone)) {
			zonerefs[nr_zones].zone = zone;
			zonerefs[nr_zones].zone_idx = zone_type;
			nr_zones++;
		}
	}
	return nr_zones;
}

/* Own node first, then the following nodes, then the preceding ones (Linux's !NUMA order). */
static void build_zonelists(pg_data_t *pgdat)
{
	struct zoneref *zonerefs = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	int local_node = pgdat->node_id;
	int nr = 0;

	for (int n = 0; n < MAX_NUMNODES; n++)
		nr += build_zonerefs_node(NODE_DATA((local_node + n) % MAX_NUMNODES),
					  zonerefs + nr);
	zonerefs[nr].zone = NULL;
	zonerefs[nr].zone_idx = 0;
}

/**
 * build_all_zonelists - order each node's zones for allocation fallback
 * @pgdat: ignored (all nodes are rebuilt)
 *
 * Prints "Built N zonelists, mobility grouping on.  Total pages: P".
 * Mobility grouping is switched off when memory is smaller than one
 * pageblock per migratetype, where it could not work.
 */
void build_all_zonelists(pg_data_t *pgdat)
{
	unsigned long vm_total_pages;
	unsigned int nr_online_nodes = 0;
	pg_data_t *node;

	(void)pgdat;
	for_each_online_pgdat (node) {
		build_zonelists(node);
		nr_online_nodes++;
	}
	vm_total_pages = nr_free_zone_pages(gfp_zone(GFP_HIGHUSER_MOVABLE));
	page_group_by_mobility_disabled = vm_total_pages < pageblock_nr_pages * MIGRATE_TYPES;
	pr_info("Built %u zonelists, mobility grouping %s.  Total pages: %ld\n", nr_online_nodes,
		page_group_by_mobility_disabled ? "off" : "on", (long)vm_total_pages);
}

/* ---------------------------------------------------------------- hand-over */

/**
 * reserve_bootmem_region - mark the pages of [start, end) PG_reserved
 * @start: physical start (rounded down to a page)
 * @end: physical end (rounded up)
 *
 * Pages outside every node's struct pages are skipped.
 */
void reserve_bootmem_region(phys_addr_t start, phys_addr_t end)
{
	unsigned long start_pfn = PFN_DOWN(start);
	unsigned long end_pfn = PFN_UP(end);
	pg_data_t *pgdat;

	for_each_online_pgdat (pgdat) {
		unsigned long s = clamp(start_pfn, pgdat->node_start_pfn, pgdat_end_pfn(pgdat));
		unsigned long e = clamp(end_pfn, pgdat->node_start_pfn, pgdat_end_pfn(pgdat));

		for (unsigned long pfn = s; pfn < e; pfn++) {
			struct page *page = pfn_to_page(pfn);

			__SetPageReserved(page);
			init_page_count(page);
		}
	}
}

/* Reserved ranges, and NOMAP memory, are never given to the buddy allocator. */
static void memmap_init_reserved_pages(void)
{
	struct memblock_region *region;
	phys_addr_t start, end;
	u64 i;

	for_each_reserved_mem_range (i, &start, &end)
		reserve_bootmem_region(start, end);
	for_each_memblock (memory, region)
		if (region->flags & MEMBLOCK_NOMAP)
			reserve_bootmem_region(region->base, region->base + region->size);
}

/* Free [start, end) in the largest naturally aligned blocks that fit. */
static unsigned long __free_pages_memory(unsigned long start, unsigned long end)
{
	unsigned long count = end - start;

	while (start < end) {
		unsigned int order = start ? (unsigned int)__builtin_ctzl(start) : MAX_ORDER - 1;

		order = min(order, (unsigned int)MAX_ORDER - 1);
		while (start + (1UL << order) > end)
			order--;
		memblock_free_pages(start, order);
		start += 1UL << order;
	}
	return count;
}

/*
 * Free a memblock free range: whole pages only, split where zones meet
 * (a block must not straddle two zones), clipped to the zones' spans.
 * Linux frees lowmem here and ARM's free_highpages() frees highmem one
 * page at a time; we free both in blocks.
 */
static unsigned long free_memory_core(phys_addr_t start, phys_addr_t end)
{
	unsigned long start_pfn = PFN_UP(start);
	unsigned long end_pfn = PFN_DOWN(end);
	unsigned long count = 0;
	struct zone *zone;

	for_each_populated_zone (zone) {
		unsigned long s = max(start_pfn, zone->zone_start_pfn);
		unsigned long e = min(end_pfn, zone_end_pfn(zone));

		if (s < e)
			count += __free_pages_memory(s, e);
	}
	return count;
}

/* Give back the part of mem_map that describes [start_pfn, end_pfn), whole pages only. */
static void free_memmap(unsigned long start_pfn, unsigned long end_pfn)
{
	phys_addr_t pg = PAGE_ALIGN(__pa(pfn_to_page(start_pfn)));
	phys_addr_t pgend = __pa(pfn_to_page(end_pfn - 1) + 1) & PAGE_MASK;

	if (pg < pgend)
		memblock_phys_free(pg, pgend - pg);
}

/*
 * The flat mem_map spans holes between banks.  Where a hole covers whole
 * MAX_ORDER blocks, nobody ever looks at its struct pages (no buddy search
 * leaves a MAX_ORDER block, and pfn_valid() says no), so that part of
 * mem_map becomes free memory, as Linux ARM's free_unused_memmap() does.
 * Called before the free ranges are handed over, so the pages go with them.
 */
static void free_unused_memmap(void)
{
	unsigned long start, end, prev_end = 0;
	int i;

	for_each_mem_pfn_range (i, &start, &end) {
		start = ALIGN_DOWN(start, MAX_ORDER_NR_PAGES);
		if (prev_end && prev_end < start)
			free_memmap(prev_end, start);
		prev_end = ALIGN(end, MAX_ORDER_NR_PAGES);
	}
}

/**
 * memblock_free_all - hand all free memory from memblock to the buddy allocator
 *
 * Marks every memblock reservation (and NOMAP region) PG_reserved, then
 * frees every free range, lowmem and highmem alike, in the largest
 * naturally aligned blocks that fit.
 *
 * Linux has this in mm/memblock.c; it lives here, next to the struct page
 * initialisation it depends on, so memblock.c needs no struct page.
 * Returns the pages freed.
 */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long pages = 0;
	struct zone *zone;
	u64 i;

	/* The estimates of free_area_init_core give way to the pages really freed. */
	for_each_zone (zone)
		atomic_long_set(&zone->managed_pages, 0);
	free_unused_memmap();
	memmap_init_reserved_pages();
	for_each_free_mem_range (i, &start, &end)
		pages += free_memory_core(start, end);
	return pages;
}

/**
 * mem_init_print_info - print Linux's "Memory: XK/YK available (...)" line
 *
 * available is what the buddy lists hold; reserved is what is neither
 * available to the allocator nor CMA (kernel image, mem_map, page tables,
 * DTB, other boot allocations).
 */
void mem_init_print_info(void)
{
	unsigned long physpages = get_num_physpages();
	unsigned long codesize = _etext - _stext;
	unsigned long datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata;
	unsigned long bss_size = __bss_stop - __bss_start;
	unsigned long init_size = __init_end - __init_begin;

	/* A section nested inside another is not counted twice (Linux's adj_init_size). */
#define adj_init_size(start, end, size, pos, adj)                                        \
	do {                                                                             \
		if (&(start)[0] <= &(pos)[0] && &(pos)[0] < &(end)[0] && (size) > (adj)) \
			(size) -= (adj);                                                 \
	} while (0)
	adj_init_size(_sdata, _edata, datasize, __init_begin, init_size);
	adj_init_size(_stext, _etext, codesize, __start_rodata, rosize);
	adj_init_size(_sdata, _edata, datasize, __start_rodata, rosize);
#undef adj_init_size

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK "
		"init, %luK bss, %luK reserved, %luK cma-reserved, %luK highmem)\n",
		K(nr_free_pages()), K(physpages), codesize >> 10, datasize >> 10, rosize >> 10,
		init_size >> 10, bss_size >> 10, K(physpages - totalram_pages() - totalcma_pages),
		K(totalcma_pages), K(totalhigh_pages()));
}

/**
 * mm_core_init - from memblock to a working page allocator
 *
 * pagesets_init(), build_all_zonelists(), memblock_free_all(),
 * mem_init_print_info(), setup_per_cpu_pageset(), init_per_zone_wmark_min(), memblock_discard():
 * the page-allocator part of Linux's start_kernel()/mm_init() and their
 * initcalls, in Linux's order.  Called by start_kernel() after
 * setup_arch() (whose paging_init/bootmem_init called free_area_init()).
 */
void mm_core_init(void)
{
	pagesets_init();
	build_all_zonelists(NULL);
	memblock_free_all();
	mem_init_print_info();
	setup_per_cpu_pageset();
	init_per_zone_wmark_min();
	memblock_discard();
}

/* ---------------------------------------------------------------- pages to the buddy allocator */

/**
 * memblock_free_pages - give one naturally aligned block to the buddy allocator at boot
 * @pfn: first page frame; aligned to 1 << @order; inside one zone
 * @order: the block's order
 *
 * The boot hand-over frees pages exactly as memmap init left them (no
 * reference, not reserved), so nothing is done per page; a late free
 * (memblock_free_late) hands over PG_reserved pages, which are cleared
 * here first.  The pages are counted as managed, and as totalram (Linux
 * adds those in memblock_free_all() and __memblock_free_late()).
 */
void memblock_free_pages(unsigned long pfn, unsigned int order)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	unsigned long nr_pages = 1UL << order;
	struct page *page;

	if (WARN_ON_ONCE(pfn < pgdat->node_start_pfn || pfn + nr_pages > pgdat_end_pfn(pgdat)))
		return;
	page = pfn_to_page(pfn);
	if (unlikely(PageReserved(page))) {
		for (unsigned long i = 0; i < nr_pages; i++) {
			__ClearPageReserved(page + i);
			set_page_count(page + i, 0);
		}
	}
	/* Counted only if freed: a block the checks refuse (say a double free) stays out. */
	if (__free_pages_core(page, order))
		adjust_managed_page_count(page, (long)nr_pages);
}

/*
 * Only a PG_reserved page of mapped memory is the caller's to give: any
 * other page is free, allocated to someone, or no-map firmware memory, and
 * "freeing" it would put it on the free lists twice or hand it out.
 * Reported as a bad page with the caller (ours: Linux trusts the caller).
 */
static bool reserved_page_is_callers(struct page *page, const char *func, unsigned long caller)
{
	char reason[64];

	if (PageReserved(page) && memblock_is_map_memory(PFN_PHYS(page_to_pfn(page))))
		return true;
	scnprintf(reason, sizeof(reason), "%s: %s", func,
		  PageReserved(page) ? "page is no-map memory" : "page is not reserved");
	bad_page(page, reason, caller);
	return false;
}

static void __free_reserved_page(struct page *page)
{
	ClearPageReserved(page);
	init_page_count(page);
	set_page_alloc_order(page, 0);
	__free_pages(page, 0);
	adjust_managed_page_count(page, 1);
}

/**
 * free_reserved_page - hand one PG_reserved page to the buddy allocator for good
 * @page: the page; one that is not PG_reserved memory is reported and left alone
 */
void free_reserved_page(struct page *page)
{
	if (reserved_page_is_callers(page, __func__, _RET_IP_))
		__free_reserved_page(page);
}

/**
 * free_reserved_area - free_reserved_page() every whole page of [@start, @end)
 * @start: kernel virtual start (rounded up to a page)
 * @end: kernel virtual end (rounded down)
 * @poison: byte to fill the pages with, or -1 to leave them
 * @s: name for "Freeing %s memory: %ldK", or NULL
 *
 * The whole range is checked before anything is written: if a page of it
 * is not PG_reserved memory, that page is reported (with the caller) and
 * nothing is poisoned or freed.
 *
 * Returns the pages freed.
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pos, first = PFN_ALIGN(start);
	unsigned long stop = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (pos = first; pos < stop; pos += PAGE_SIZE)
		if (!reserved_page_is_callers(virt_to_page((void *)pos), __func__, _RET_IP_))
			return 0;
	for (pos = first; pos < stop; pos += PAGE_SIZE, pages++) {
		if ((unsigned int)poison <= 0xff)
			memset((void *)pos, poison, PAGE_SIZE);
		__free_reserved_page(virt_to_page((void *)pos));
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, K(pages));
	return pages;
}

/**
 * init_cma_reserved_pageblock - lend one reserved pageblock to the buddy allocator as CMA
 * @page: first page of a pageblock that memblock had reserved for CMA
 */
void init_cma_reserved_pageblock(struct page *page)
{
	struct page *p = page;

	for (unsigned long i = 0; i < pageblock_nr_pages; i++, p++) {
		__ClearPageReserved(p);
		set_page_count(p, 0);
	}
	set_pageblock_migratetype(page, MIGRATE_CMA);
	adjust_managed_page_count(page, (long)pageblock_nr_pages);
	page_zone(page)->cma_pages += pageblock_nr_pages;
	set_page_refcounted(page);
	set_page_alloc_order(page, pageblock_order);
	__free_pages(page, pageblock_order);
}
