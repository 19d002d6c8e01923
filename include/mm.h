/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator's view of memory (Linux's mm.h, mm_types.h and
 * page_ref.h, the parts this kernel has): struct page lookups, reference
 * counts, the movable-page interface, and the boot entry points that build
 * the node, zones, mem_map and buddy lists.
 */
#ifndef _MM_H
#define _MM_H

#include "types.h"
#include "kernel.h"
#include "mmzone.h"
#include "gfp.h"
#include "page-flags.h"
#include "highmem.h"
#include <asm/memory.h>

#define PFN_ALIGN(x)  (((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x)     ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x)   ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)   ((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)   ((unsigned long)((x) >> PAGE_SHIFT))
#define PAGE_ALIGN(x) ALIGN(x, PAGE_SIZE)

/* The order of the smallest block that holds @size bytes (@size > 0; Linux's get_order). */
static inline unsigned int get_order(size_t size)
{
	size = (size - 1) >> PAGE_SHIFT;
	return size ? (unsigned int)(8 * sizeof(size) - __builtin_clzl(size)) : 0;
}

/* K(pages) in KiB, for reports. */
#define K(x) ((x) << (PAGE_SHIFT - 10))

/*
 * The flat memory model (Linux's FLATMEM): one array of struct page, and a
 * page's frame number is its index plus the frame of PHYS_OFFSET.  mem_map
 * itself is node 0's node_mem_map shifted so that this holds.
 */
extern struct page *mem_map;

/*
 * The frame of PHYS_OFFSET.  The kernel runs in RAM below
 * 4 GiB (a 32-bit PC), so the low word of the 64-bit PHYS_OFFSET is all of
 * it: every page_to_pfn() then costs one load, not a 64-bit shift.
 */
#ifndef ARCH_PFN_OFFSET
#define ARCH_PFN_OFFSET ((unsigned long)PHYS_OFFSET >> PAGE_SHIFT)
#endif

static inline struct page *pfn_to_page(unsigned long pfn)
{
	/*
	 * Signed: mem_map also describes the frames below PHYS_OFFSET up to
	 * the MAX_ORDER boundary when PHYS_OFFSET is not on one (a kernel
	 * loaded 1 MiB up), and an unsigned offset would wrap (found by
	 * tests/fuzz on the host, where pointers are 64-bit).
	 */
	return mem_map + (long)(pfn - ARCH_PFN_OFFSET);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + ARCH_PFN_OFFSET;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

static inline struct page *phys_to_page(phys_addr_t phys)
{
	return pfn_to_page(PHYS_PFN(phys));
}

/* Lowmem only: @addr must be in the linear map. */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PHYS_PFN(__pa(addr)));
}

static inline unsigned long virt_to_pfn(const void *addr)
{
	return PHYS_PFN(__pa(addr));
}

bool pfn_valid(unsigned long pfn);

static inline struct pglist_data *page_pgdat(const struct page *page)
{
	return NODE_DATA(page_to_nid(page));
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

/* Highmem is a zone property; Linux 6.1 has no PG_highmem either. */
static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx((int)page_zonenum(page));
}

static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/**
 * page_address - the kernel address of @page, if it has one now
 * @page: any page
 *
 * Lowmem pages are always mapped; a highmem page only while kmap()ed
 * (NULL otherwise), as Linux with HASHED_PAGE_VIRTUAL.
 */
static inline void *page_address(const struct page *page)
{
	if (likely(!PageHighMem(page)))
		return lowmem_page_address(page);
	return kmap_high_get_address(page);
}

static inline int get_pageblock_migratetype(const struct page *page)
{
	return get_pfnblock_migratetype(page, page_to_pfn(page));
}

/* ---------------------------------------------------------------- references */

static inline int page_ref_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

#define page_count(page) page_ref_count(page)

static inline void set_page_count(struct page *page, int v)
{
	__atomic_store_n(&page->_refcount, v, __ATOMIC_RELAXED);
}

/* A fresh page's single reference. */
static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void set_page_refcounted(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_RELAXED);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL) == 0;
}

/* The count after dropping one reference (ordered as page_ref_dec_and_test). */
static inline int page_ref_dec_return(struct page *page)
{
	return __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL);
}

/* get_page - take another reference to an allocated page */
static inline void get_page(struct page *page)
{
	page_ref_inc(page);
}

static inline bool put_page_testzero(struct page *page)
{
	return page_ref_dec_and_test(page);
}

void put_page(struct page *page);

static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

static inline void page_mapcount_reset(struct page *page)
{
	page->_mapcount = -1;
}

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long private)
{
	page->private = private;
}

/* The order of a free buddy block; only meaningful while PageBuddy(). */
static inline unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page_private(page);
}

/*
 * The same without zone->lock (Linux's buddy_order_unsafe): the block may
 * stop being free under the reader, and ->private then holds whatever its
 * new owner puts there, so the caller trusts only an order below MAX_ORDER.
 */
static inline unsigned int buddy_order_unsafe(const struct page *page)
{
	return (unsigned int)data_race(READ_ONCE(page->private));
}

/* ---------------------------------------------------------------- movable pages */

/**
 * struct movable_operations - how the owner of a movable page lets it move
 * @isolate_page: take @page off the owner's own lists so nobody uses it
 *                while it moves; false if it cannot move now (it is then
 *                skipped).  Called with a reference held.
 * @migrate_page: copy @src into @dst and point the owner at @dst; 0 on
 *                success, or a negative errno to keep @src.  On success the
 *                owner must __ClearPageMovable(@src) and drop its reference.
 * @putback_page: migration gave up: take @page back as it was
 *
 * Linux's movable_operations (6.0+) for non-LRU movable pages (zsmalloc,
 * balloon, z3fold), minus the isolate mode and migrate mode arguments,
 * which a kernel without page cache and async migration does not need.
 * The owner marks each page with __SetPageMovable() when it takes it and
 * allocates it with __GFP_MOVABLE, so it may come from CMA pageblocks.
 */
struct movable_operations {
	bool (*isolate_page)(struct page *page);
	int (*migrate_page)(struct page *dst, struct page *src);
	void (*putback_page)(struct page *page);
};

#define PAGE_MAPPING_MOVABLE 0x2UL
#define PAGE_MAPPING_FLAGS   0x3UL /* bit 0 would be Linux's PAGE_MAPPING_ANON */

/* Does ->mapping carry flags rather than a plain pointer? */
static inline bool PageMappingFlags(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_FLAGS) != 0;
}

/* Typed movable, even if the owner has since let go (__ClearPageMovable). */
static inline bool __PageMovable(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_FLAGS) == PAGE_MAPPING_MOVABLE;
}

static inline const struct movable_operations *page_movable_ops(const struct page *page)
{
	return (const struct movable_operations *)((unsigned long)page->mapping -
						   PAGE_MAPPING_MOVABLE);
}

/** __SetPageMovable - mark @page movable, owned through @mops */
static inline void __SetPageMovable(struct page *page, const struct movable_operations *mops)
{
	page->mapping = (void *)((unsigned long)mops | PAGE_MAPPING_MOVABLE);
}

/**
 * __ClearPageMovable - the owner lets go of @page
 *
 * The movable type stays (as in Linux) so a migration already in progress
 * sees that the page is no longer the owner's and simply drops it.
 */
static inline void __ClearPageMovable(struct page *page)
{
	page->mapping = (void *)PAGE_MAPPING_MOVABLE;
}

/** PageMovable - does @page have an owner that can move it? */
static inline bool PageMovable(const struct page *page)
{
	return __PageMovable(page) && page_movable_ops(page) != NULL;
}

/* ---------------------------------------------------------------- accounting */

extern atomic_long_t _totalram_pages;  /* pages managed by the buddy allocator */
extern atomic_long_t _totalhigh_pages; /* the highmem part of it */
extern unsigned long totalreserve_pages;
/*
 * Pages reserved for CMA areas.  The CMA code adds to it when it reserves an
 * area in memblock (before the buddy allocator exists), as Linux's
 * cma_init_reserved_mem() does, so the Memory line reports them; nothing
 * in page_alloc.c changes it.
 */
extern unsigned long totalcma_pages;

/* The first virtual address past lowmem, NULL until the arch knows it (Linux's name). */
extern void *high_memory;

static inline unsigned long totalram_pages(void)
{
	return (unsigned long)atomic_long_read(&_totalram_pages);
}

static inline unsigned long totalhigh_pages(void)
{
	return (unsigned long)atomic_long_read(&_totalhigh_pages);
}

void adjust_managed_page_count(struct page *page, long count);

void free_reserved_page(struct page *page);

unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);

/* ---------------------------------------------------------------- boot */

void free_area_init(unsigned long *max_zone_pfn);

void build_all_zonelists(pg_data_t *pgdat);

unsigned long memblock_free_all(void);

void mem_init_print_info(void);

void setup_per_cpu_pageset(void);

int init_per_zone_wmark_min(void);

void setup_per_zone_wmarks(void);

void mm_core_init(void);

unsigned long get_num_physpages(void);

unsigned long nr_free_zone_pages(int offset);

unsigned long nr_free_buffer_pages(void);

void zone_pcp_init(struct zone *zone);

void pagesets_init(void);

void page_alloc_cpu_online(unsigned int cpu);

void page_alloc_cpu_dead(unsigned int cpu);

bool pageblock_has_memory(unsigned long pfn);

/* ---------------------------------------------------------------- debugging */

void dump_page(struct page *page, const char *reason);

/*
 * "BUG: Bad page state" reports so far (Linux taints the kernel with
 * TAINT_BAD_PAGE instead); tests check it did or did not move.
 */
extern unsigned long bad_page_reports;

/* Page poisoning (page_poison=on): freed pages are filled with this byte. */
#define PAGE_POISON 0xaa

/*
 * Set by page_poison=on (the command-line parser calls
 * early_page_poison_param()).  Tests may flip it at run time.
 */
extern bool _page_poisoning_enabled;

/*
 * Some free page may carry PG_poisoned: the allocation path checks pages
 * only once this is set, so it costs nothing until poisoning is used.
 */
extern bool page_poison_pending;

static inline bool page_poisoning_enabled(void)
{
	return READ_ONCE(_page_poisoning_enabled);
}

int early_page_poison_param(const char *buf);

void kernel_poison_pages(struct page *page, int numpages);

void kernel_unpoison_pages(struct page *page, int numpages);

#endif /* _MM_H */
