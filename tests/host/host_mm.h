/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-only helpers for tests of the page allocator: the pretend kernel
 * image, the kmap table reset, and one function that runs the same boot
 * path as the target (memblock → free_area_init → mm_core_init) for a
 * described machine.  Linux boots once; host tests boot once per case.
 */
#ifndef _HOST_MM_H
#define _HOST_MM_H

#include "mm.h"
#include "memblock.h"
#include "percpu.h"
#include "printk.h"
#include <stdlib.h>

/**
 * host_sections_setup - lay out a pretend kernel image at @base
 * @base: physical start (must be inside simulated RAM)
 * @text: bytes of text; @rodata, @init, @data, @bss likewise, in ARM's order
 *
 * Sets _stext.._end for mem_init_print_info(); does not reserve anything.
 */
void host_sections_setup(phys_addr_t base, unsigned long text, unsigned long rodata,
			 unsigned long init, unsigned long data, unsigned long bss);

/** host_sections_reset - every section empty again (all symbols NULL) */
void host_sections_reset(void);

/** host_kmap_reset - forget every kmap (a new boot has a new mem_map) */
void host_kmap_reset(void);

/**
 * host_set_lowmem_limit - record a lowmem/highmem split, as mmu.c's adjust_lowmem_bounds() does
 * @limit: physical end of lowmem; 0 forgets the split (high_memory NULL: no highmem boundary)
 */
void host_set_lowmem_limit(phys_addr_t limit);

#define HOST_MM_MAX_RANGES 4

struct host_mm_range {
	phys_addr_t base;
	phys_addr_t size;
};

/**
 * struct host_mm_layout - a machine for host_mm_boot()
 * @mem: RAM banks, ascending; @nr_mem of them
 * @reserved: extra memblock reservations (DTB, firmware); @nr_reserved
 * @nomap: NOMAP memory; @nr_nomap
 * @lowmem_limit: physical end of lowmem (ARM's arm_lowmem_limit); 0 = all lowmem
 * @image_base: where the pretend kernel image goes (0 = no image)
 * @text, @rodata, @init, @data, @bss: its section sizes; the whole image is reserved
 */
struct host_mm_layout {
	struct host_mm_range mem[HOST_MM_MAX_RANGES];
	int nr_mem;
	struct host_mm_range reserved[HOST_MM_MAX_RANGES];
	int nr_reserved;
	struct host_mm_range nomap[HOST_MM_MAX_RANGES];
	int nr_nomap;
	phys_addr_t lowmem_limit;
	phys_addr_t image_base;
	unsigned long text, rodata, init, data, bss;
};

#define MB(x)	((phys_addr_t)(x) << 20)
#define NORMAL	(&contig_page_data.node_zones[ZONE_NORMAL])
#define HIGHMEM (&contig_page_data.node_zones[ZONE_HIGHMEM])

/* The kernel image most layouts use: 1.3 MiB at vexpress RAM + 0x8000. */
#define HOST_MM_TEST_IMAGE                                                              \
	.image_base = 0x60008000, .text = 0x100000, .rodata = 0x40000, .init = 0x20000, \
	.data = 0x20000, .bss = 0x20000

/**
 * host_mm_setup_memblock - simulated RAM and memblock for @l, nothing more
 *
 * Tests that need more reservations add them before host_mm_boot_rest().
 */
static inline void host_mm_setup_memblock(const struct host_mm_layout *l)
{
	phys_addr_t start = l->mem[0].base;
	phys_addr_t end = l->mem[l->nr_mem - 1].base + l->mem[l->nr_mem - 1].size;
	phys_addr_t image_size = l->text + l->rodata + l->init + l->data + l->bss;

	host_kmap_reset();
	host_ram_setup(start, end - start);
	memblock_reset();
	totalcma_pages = 0; /* the CMA code's counter; a new boot starts without areas */
	for (int i = 0; i < l->nr_mem; i++)
		memblock_add(l->mem[i].base, l->mem[i].size);
	for (int i = 0; i < l->nr_nomap; i++)
		memblock_mark_nomap(l->nomap[i].base, l->nomap[i].size);
	for (int i = 0; i < l->nr_reserved; i++)
		memblock_reserve(l->reserved[i].base, l->reserved[i].size);
	if (l->image_base) {
		host_sections_setup(l->image_base, l->text, l->rodata, l->init, l->data, l->bss);
		memblock_reserve(l->image_base, image_size);
	} else {
		host_sections_reset();
	}
	/* As ARM's paging_init: boot allocations must come from lowmem. */
	if (l->lowmem_limit)
		memblock_set_current_limit(l->lowmem_limit);
}

/**
 * host_mm_boot_rest - free_area_init() with @l's zone limits, then mm_core_init()
 */
static inline void host_mm_boot_rest(const struct host_mm_layout *l)
{
	phys_addr_t end = l->mem[l->nr_mem - 1].base + l->mem[l->nr_mem - 1].size;
	phys_addr_t low = l->lowmem_limit && l->lowmem_limit < end ? l->lowmem_limit : end;
	unsigned long max_zone_pfn[MAX_NR_ZONES];

	max_zone_pfn[ZONE_NORMAL] = PFN_DOWN(low);
	max_zone_pfn[ZONE_HIGHMEM] = PFN_DOWN(end);
	free_area_init(max_zone_pfn);
	mm_core_init();
}

/** host_mm_boot - the whole boot path for @l */
static inline void host_mm_boot(const struct host_mm_layout *l)
{
	host_mm_setup_memblock(l);
	host_mm_boot_rest(l);
}

/**
 * host_mm_check_zone - are @zone's free lists and counters consistent?
 * @zone: the zone
 * @why: where to write the first problem found
 * @len: its size
 *
 * Every listed block is PageBuddy with its order, aligned, inside the zone,
 * made of unreserved, unreferenced memory pages; no page is on two lists
 * (pcp lists included); nr_free per order and NR_FREE_PAGES /
 * NR_FREE_CMA_PAGES match the lists.  Returns true if all holds.
 */
static inline __maybe_unused bool host_mm_check_zone(struct zone *zone, char *why, size_t len)
{
	unsigned long start = zone->zone_start_pfn, span = zone->spanned_pages;
	unsigned char *seen = span ? calloc(span, 1) : NULL;
	long free_total = 0, cma_total = 0;
	struct page *page;
	int cpu;

#define HOST_MM_FAIL(...)                         \
	do {                                      \
		scnprintf(why, len, __VA_ARGS__); \
		free(seen);                       \
		return false;                     \
	} while (0)

	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		unsigned long blocks = 0;

		for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
			list_for_each_entry (page, &zone->free_area[order].free_list[mt],
					     buddy_list) {
				unsigned long pfn = page_to_pfn(page);

				if (!PageBuddy(page))
					HOST_MM_FAIL("pfn %#lx on order-%u list is not PageBuddy",
						     pfn, order);
				if (buddy_order(page) != order)
					HOST_MM_FAIL("pfn %#lx order %u on order-%u list", pfn,
						     buddy_order(page), order);
				if (pfn & ((1UL << order) - 1))
					HOST_MM_FAIL("pfn %#lx misaligned for order %u", pfn,
						     order);
				if (pfn < start || pfn + (1UL << order) > start + span)
					HOST_MM_FAIL("block %#lx/%u outside zone %s", pfn, order,
						     zone->name);
				if (page_zone(page) != zone)
					HOST_MM_FAIL("pfn %#lx belongs to another zone", pfn);
				for (unsigned long i = 0; i < (1UL << order); i++) {
					struct page *p = page + i;

					if (seen[pfn + i - start])
						HOST_MM_FAIL("pfn %#lx is free twice", pfn + i);
					seen[pfn + i - start] = 1;
					if (i && PageBuddy(p))
						HOST_MM_FAIL("tail pfn %#lx is PageBuddy", pfn + i);
					if (page_ref_count(p) || PageReserved(p))
						HOST_MM_FAIL("pfn %#lx in a free block is in use",
							     pfn + i);
					if (!pfn_valid(pfn + i))
						HOST_MM_FAIL(
							"pfn %#lx in a free block is not memory",
							pfn + i);
				}
				blocks++;
				if (!is_migrate_isolate(mt))
					free_total += 1L << order;
				if (is_migrate_cma(mt))
					cma_total += 1L << order;
			}
		}
		if (blocks != zone->free_area[order].nr_free)
			HOST_MM_FAIL("order %u: %lu blocks listed, nr_free %lu", order, blocks,
				     zone->free_area[order].nr_free);
	}
	for_each_possible_cpu (cpu) {
		struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);
		int count = 0;

		for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++) {
			list_for_each_entry (page, &pcp->lists[mt], pcp_list) {
				unsigned long pfn = page_to_pfn(page);

				if (pfn < start || pfn >= start + span || seen[pfn - start])
					HOST_MM_FAIL("pcp pfn %#lx outside zone or also free", pfn);
				seen[pfn - start] = 2;
				if (PageBuddy(page) || page_ref_count(page))
					HOST_MM_FAIL("pcp pfn %#lx is buddy or referenced", pfn);
				count++;
			}
		}
		if (count != pcp->count)
			HOST_MM_FAIL("cpu %d pcp count %d, %d listed", cpu, pcp->count, count);
	}
	if (free_total != zone->vm_stat[NR_FREE_PAGES])
		HOST_MM_FAIL("%s: %ld pages listed, NR_FREE_PAGES %ld", zone->name, free_total,
			     zone->vm_stat[NR_FREE_PAGES]);
	if (cma_total != zone->vm_stat[NR_FREE_CMA_PAGES])
		HOST_MM_FAIL("%s: %ld CMA pages listed, NR_FREE_CMA_PAGES %ld", zone->name,
			     cma_total, zone->vm_stat[NR_FREE_CMA_PAGES]);
#undef HOST_MM_FAIL
	free(seen);
	return true;
}

/** host_mm_pcp_pages - pages on every CPU's pcp lists of @zone */
static inline __maybe_unused long host_mm_pcp_pages(const struct zone *zone)
{
	long n = 0;

	int cpu;

	for_each_possible_cpu (cpu)
		n += per_cpu_ptr(zone->per_cpu_pageset, cpu)->count;
	return n;
}

/** host_mm_free_pages - @zone's free pages, buddy and pcp lists together */
static inline __maybe_unused long host_mm_free_pages(const struct zone *zone)
{
	return zone->vm_stat[NR_FREE_PAGES] + host_mm_pcp_pages(zone);
}

/* Fail @t, naming the first problem, unless host_mm_check_zone() finds @zone consistent. */
#define EXPECT_ZONE_OK(t, zone)                                                   \
	do {                                                                      \
		char _why[160];                                                   \
		if (!host_mm_check_zone(zone, _why, sizeof(_why)))                \
			ktap_fail(t, __FILE__, __LINE__, "zone check: %s", _why); \
	} while (0)

#endif /* _HOST_MM_H */
