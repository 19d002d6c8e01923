/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GFP ("get free pages") flags and the page allocator's entry points
 * (Linux's gfp.h and gfp_types.h).  Bit values are Linux 6.1's, so a
 * "mode:0xcc0(GFP_KERNEL)" in our logs means what it means in Linux's.
 */
#ifndef _GFP_H
#define _GFP_H

#include "types.h"
#include "mmzone.h"

struct page;

/* Zone modifiers: which zones the allocation may use. */
#define __GFP_HIGHMEM 0x02u /* may use ZONE_HIGHMEM (the caller maps with kmap) */
/* Mobility: which free lists, and whether CMA pageblocks may serve it. */
#define __GFP_MOVABLE	  0x08u /* the owner can migrate the page (movable_operations) */
#define __GFP_RECLAIMABLE 0x10u /* the owner can free it on request (caches) */
/* Reserves. */
#define __GFP_HIGH   0x20u  /* important: may dip to half the min watermark */
#define __GFP_ATOMIC 0x200u /* cannot sleep: may dip a quarter further */
/* Reclaim; we have none, but the bits make GFP_KERNEL and friends Linux's values. */
#define __GFP_IO	     0x40u
#define __GFP_FS	     0x80u
#define __GFP_DIRECT_RECLAIM 0x400u
#define __GFP_KSWAPD_RECLAIM 0x800u
#define __GFP_RECLAIM	     (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
/* Actions. */
#define __GFP_ZERO	     0x100u    /* return zeroed pages */
#define __GFP_NOWARN	     0x2000u   /* no "page allocation failure" report */
#define __GFP_COMP	     0x4000u   /* a compound block: tails point to the head */
#define __GFP_NOMEMALLOC     0x80000u  /* never dip into the atomic reserves */
#define __GFP_HARDWALL	     0x100000u /* cpuset placement; part of GFP_USER's value */

#define GFP_MOVABLE_MASK     (__GFP_RECLAIMABLE | __GFP_MOVABLE)
#define GFP_MOVABLE_SHIFT    3

#define GFP_ATOMIC	     (__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	     (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	     (__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO	     (__GFP_RECLAIM)
#define GFP_NOFS	     (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	     (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER	     (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)

/**
 * gfp_migratetype - the free lists an allocation prefers
 * @gfp_flags: the request
 *
 * MOVABLE and RECLAIMABLE are bits 3 and 4 precisely so that this is a shift.
 */
static inline int gfp_migratetype(gfp_t gfp_flags)
{
	if (unlikely(page_group_by_mobility_disabled))
		return MIGRATE_UNMOVABLE;
	return (int)((gfp_flags & GFP_MOVABLE_MASK) >> GFP_MOVABLE_SHIFT);
}

/**
 * gfp_zone - the highest zone an allocation may use
 * @flags: the request
 *
 * Without ZONE_DMA and ZONE_MOVABLE, Linux's GFP_ZONE_TABLE reduces to this.
 */
static inline enum zone_type gfp_zone(gfp_t flags)
{
	return (flags & __GFP_HIGHMEM) ? ZONE_HIGHMEM : ZONE_NORMAL;
}

static inline int gfp_zonelist(gfp_t flags)
{
	(void)flags;
	return ZONELIST_FALLBACK;
}

/* The node the running CPU allocates from (always 0 without NUMA). */
static inline int numa_node_id(void)
{
	return 0;
}

static inline struct zonelist *node_zonelist(int nid, gfp_t flags)
{
	return NODE_DATA(nid)->node_zonelists + gfp_zonelist(flags);
}

struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid);

/** alloc_pages - allocate 2^@order pages on the local node; free with __free_pages() */
static inline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_pages(gfp, order, numa_node_id());
}

#define alloc_page(gfp) alloc_pages(gfp, 0)

unsigned long __get_free_pages(gfp_t gfp, unsigned int order);

#define __get_free_page(gfp) __get_free_pages(gfp, 0)

unsigned long get_zeroed_page(gfp_t gfp);

void *alloc_pages_exact(size_t size, gfp_t gfp);

void free_pages_exact(void *virt, size_t size);

void __free_pages(struct page *page, unsigned int order);

void free_pages(unsigned long addr, unsigned int order);

#define __free_page(page) __free_pages((page), 0)
#define free_page(addr)	  free_pages((addr), 0)

void split_page(struct page *page, unsigned int order);

void drain_local_pages(struct zone *zone);

void drain_all_pages(struct zone *zone);

#endif /* _GFP_H */
