/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page and the bits that describe it (Linux's mm_types.h and
 * page-flags.h in one place).
 *
 * There is one struct page per page frame of every node's spanned range,
 * held in the node's mem_map.  The fields are shared by whoever owns the
 * page at the moment:
 *
 *   free, in the buddy lists:  PageBuddy, ->buddy_list, ->private = order
 *   free, on a per-CPU list:   ->pcp_list, ->private = pageblock migratetype
 *   allocated:                 ->_refcount > 0; ->lru, ->private and
 *                              ->mapping belong to the owner
 *   a compound block's tails:  ->compound_head = head + 1 (__GFP_COMP)
 *   a slab (PG_slab):          read as struct slab (mm/slub_def.h)
 *
 * Flags word, most significant bits first (as Linux lays it out):
 *
 *   | NODE | ZONE | ... | ALLOC ORDER | ... | FLAGS |
 *
 * Node and zone live in the top bits so page_zone() needs no lookup table;
 * the allocation order (ours, see below) sits in bits 8..11; PG_* flags
 * are the low bits.
 */
#ifndef _PAGE_FLAGS_H
#define _PAGE_FLAGS_H

#include "types.h"
#include "compiler.h"
#include "kernel.h"
#include "list.h"
#include <asm/processor.h>

/**
 * struct page - the state of one physical page frame
 * @flags: PG_* flags, allocation order, zone and node (see the layout above)
 * @lru: list linkage for the page's owner while it is allocated
 * @buddy_list: linkage in a zone's free_area list while PageBuddy
 * @pcp_list: linkage in a per-CPU list while cached there
 * @compound_head: a tail page's head, with bit 0 set (see compound_head())
 * @mapping: owner; for a movable page the owner's movable_operations with
 *           PAGE_MAPPING_MOVABLE in the low bits (Linux's non-LRU movable
 *           pages), otherwise NULL (we have no page cache)
 * @private: buddy order while PageBuddy; the pageblock migratetype while on
 *           a pcp list (Linux keeps that in ->index, which we do not have);
 *           the owner's while allocated
 * @_mapcount: page-table mappings minus one (-1: unmapped)
 * @page_type: the same word read as Linux's page type (PageBuddy)
 * @_refcount: references; 0 means free
 *
 * 28 bytes on ARM32 (4 flags + 8 lru + 4 mapping + 4 private + 4 mapcount +
 * 4 refcount): 7 MiB of mem_map per GiB, 0.68% of RAM.  Linux's 32-bit page
 * is 32 bytes because it also has ->index (file offset), which nothing here
 * needs.
 */
struct page {
	unsigned long flags;
	union {
		struct list_head lru;
		struct list_head buddy_list;
		struct list_head pcp_list;
		/*
		 * The tail pages of a compound block: the head page's
		 * address + 1.  Bit 0 is never set in a list pointer, so it
		 * tells a tail from any page whose ->lru is in use.
		 */
		unsigned long compound_head;
	};
	void *mapping;
	unsigned long private;
	union {
		int _mapcount;
		unsigned int page_type;
	};
	int _refcount;
};

static_assert(sizeof(void *) != 4 || sizeof(struct page) == 28,
	      "struct page must stay 28 bytes on 32-bit (mem_map <= 0.8% of RAM)");

/*
 * Page flags.  Only what is used; the CMA/migration code may add its own
 * (additively) as Linux's PG_locked or PG_lru become needed.
 */
enum pageflags {
	PG_reserved, /* never handed to the buddy allocator (kernel image, holes, NOMAP) */
	PG_isolated, /* a movable page taken off by its owner for migration */
	/*
	 * Ours: the page was filled with PAGE_POISON when it was freed, so the
	 * allocator checks the pattern when handing it out again.  Linux needs
	 * no flag because poisoning can only be switched on at boot; here
	 * page_poisoning_enabled may change at run time (tests), and a page
	 * freed while it was off must not be reported as corrupted.
	 */
	PG_poisoned,
	PG_slab, /* the block is a slab of a kmem_cache (mm/slub.c) */
	PG_head, /* the first page of a compound block (__GFP_COMP) */
	/*
	 * Linux's page lock: migration holds it while it isolates, moves or
	 * puts back a movable page, and the page's owner takes it to let go
	 * of a page (see include/migrate.h).  Last, not first as in Linux, so
	 * the other flags keep their values in dumps.
	 */
	PG_locked,
	__NR_PAGEFLAGS,
};

/*
 * Node and zone bits at the top of ->flags.  MAX_NUMNODES is 1, so the node
 * field is zero bits wide and page_to_nid() compiles to 0, as in Linux
 * without NUMA; raising NODES_SHIFT is all another node needs here.
 */
#define NODES_SHIFT  0
#define MAX_NUMNODES (1 << NODES_SHIFT)
#define ZONES_SHIFT  1 /* ZONE_NORMAL, ZONE_HIGHMEM */

#define NODES_WIDTH  NODES_SHIFT
#define ZONES_WIDTH  ZONES_SHIFT
#define NODES_PGOFF  (BITS_PER_LONG - NODES_WIDTH)
#define ZONES_PGOFF  (NODES_PGOFF - ZONES_WIDTH)
/* A zero-width field is read with a zero shift and a zero mask. */
#define NODES_PGSHIFT (NODES_PGOFF * (NODES_WIDTH != 0))
#define ZONES_PGSHIFT (ZONES_PGOFF * (ZONES_WIDTH != 0))
#define NODES_MASK    ((1UL << NODES_WIDTH) - 1)
#define ZONES_MASK    ((1UL << ZONES_WIDTH) - 1)
/* Node and zone together: equal for two pages exactly when they share a zone. */
#define ZONEID_SHIFT   (NODES_SHIFT + ZONES_SHIFT)
#define ZONEID_PGSHIFT (ZONES_PGOFF * (ZONEID_SHIFT != 0))
#define ZONEID_MASK    ((1UL << ZONEID_SHIFT) - 1)

/*
 * Ours: the order a block was allocated with, kept in its first page while
 * it is allocated.  Linux knows the order only of compound pages; keeping
 * it for every block lets __free_pages() catch a free with the wrong order
 * in O(1) instead of leaking or double-freeing the rest of the block.
 */
#define ALLOC_ORDER_PGSHIFT 8
#define ALLOC_ORDER_WIDTH   4
#define ALLOC_ORDER_MASK    ((1UL << ALLOC_ORDER_WIDTH) - 1)

/* Flags that must be clear when a page is freed (Linux's PAGE_FLAGS_CHECK_AT_FREE). */
#define PAGE_FLAGS_CHECK_AT_FREE \
	(BIT(PG_reserved) | BIT(PG_isolated) | BIT(PG_slab) | BIT(PG_locked))
/*
 * Flags that must be clear when a page is handed out, and that freeing
 * clears: every flag but PG_poisoned (the allocator's own), and the order.
 */
#define PAGE_FLAGS_CHECK_AT_PREP                           \
	(((BIT(__NR_PAGEFLAGS) - 1) & ~BIT(PG_poisoned)) | \
	 (ALLOC_ORDER_MASK << ALLOC_ORDER_PGSHIFT))

static_assert(__NR_PAGEFLAGS <= ALLOC_ORDER_PGSHIFT, "page flags overlap the order field");
static_assert(ALLOC_ORDER_PGSHIFT + ALLOC_ORDER_WIDTH <= 8 * sizeof(long) - ZONEID_SHIFT,
	      "order field overlaps node/zone bits");

/*
 * Node and zone are set once, before the page is ever free, so they can be
 * read from any page at any time: its owner may be changing the other bits
 * of the word meanwhile (buddy merging reads the zone of a neighbour that
 * another CPU holds), which these readers do not look at.
 */
static inline unsigned long page_zonenum(const struct page *page)
{
	return (data_race(page->flags) >> ZONES_PGSHIFT) & ZONES_MASK;
}

static inline int page_to_nid(const struct page *page)
{
	return (int)((data_race(page->flags) >> NODES_PGSHIFT) & NODES_MASK);
}

/* The zone's index in one word: cheap "same zone?" test for buddy merging. */
static inline unsigned long page_zone_id(const struct page *page)
{
	return (data_race(page->flags) >> ZONEID_PGSHIFT) & ZONEID_MASK;
}

/* The node and zone bits for a page of @zone on @nid, or-ed into ->flags at init. */
static inline unsigned long page_links(unsigned long zone, int nid)
{
	return ((zone & ZONES_MASK) << ZONES_PGSHIFT) |
	       (((unsigned long)nid & NODES_MASK) << NODES_PGSHIFT);
}

static inline unsigned int page_alloc_order(const struct page *page)
{
	return (page->flags >> ALLOC_ORDER_PGSHIFT) & ALLOC_ORDER_MASK;
}

static inline void set_page_alloc_order(struct page *page, unsigned int order)
{
	page->flags = (page->flags & ~(ALLOC_ORDER_MASK << ALLOC_ORDER_PGSHIFT)) |
		      ((unsigned long)order << ALLOC_ORDER_PGSHIFT);
}

/*
 * Flag accessors with Linux's names.  SetPageX/ClearPageX are atomic (a page
 * may be shared once SMP arrives); the __ forms are for pages nobody else
 * can see yet, or that are protected by zone->lock.  PageX is one
 * READ_ONCE, as Linux's test_bit: it may race with another CPU's atomic
 * forms on the same word (the page lock).
 */
#define PAGEFLAG(uname, lname)                                                        \
	static inline bool Page##uname(const struct page *page)                       \
	{                                                                             \
		return READ_ONCE(page->flags) & BIT(PG_##lname);                      \
	}                                                                             \
	static inline void SetPage##uname(struct page *page)                          \
	{                                                                             \
		__atomic_fetch_or(&page->flags, BIT(PG_##lname), __ATOMIC_RELAXED);   \
	}                                                                             \
	static inline void ClearPage##uname(struct page *page)                        \
	{                                                                             \
		__atomic_fetch_and(&page->flags, ~BIT(PG_##lname), __ATOMIC_RELAXED); \
	}                                                                             \
	static inline void __SetPage##uname(struct page *page)                        \
	{                                                                             \
		page->flags |= BIT(PG_##lname);                                       \
	}                                                                             \
	static inline void __ClearPage##uname(struct page *page)                      \
	{                                                                             \
		page->flags &= ~BIT(PG_##lname);                                      \
	}

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Isolated, isolated)
PAGEFLAG(Poisoned, poisoned)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)

#undef PAGEFLAG

/*
 * The page lock (Linux's trylock_page/lock_page/unlock_page, in
 * pagemap.h there).  Only taken on a page the taker holds a reference
 * to, so the non-atomic __SetPage/__ClearPage forms (used while a page is
 * free or freshly allocated) never race with it.  Linux sleeps in
 * lock_page(); nothing here sleeps, and the holders keep it for the time
 * of one page copy at most, so it spins.
 */
static inline bool PageLocked(const struct page *page)
{
	return __atomic_load_n(&page->flags, __ATOMIC_RELAXED) & BIT(PG_locked);
}

static inline bool trylock_page(struct page *page)
{
	return !(__atomic_fetch_or(&page->flags, BIT(PG_locked), __ATOMIC_ACQUIRE) &
		 BIT(PG_locked));
}

/*
 * Waits reading, not writing: a failed trylock is still a store, which
 * would take the line from the holder that must write it to unlock.
 */
static inline void lock_page(struct page *page)
{
	while (!trylock_page(page))
		while (PageLocked(page))
			cpu_relax();
}

static inline void unlock_page(struct page *page)
{
	__atomic_fetch_and(&page->flags, ~BIT(PG_locked), __ATOMIC_RELEASE);
}

/*
 * Compound blocks (Linux's compound pages): a block allocated with
 * __GFP_COMP has PG_head on its first page and every other page points
 * back to it, so any address inside the block finds the whole block.
 * The order is the one every allocated block records (page_alloc_order),
 * where Linux keeps it in the first tail page.
 */
/*
 * Read from any page at any time (kfree() of an object in a slab that
 * another CPU is moving between lists): a head or single page's word is
 * its owner's list pointer (or LIST_POISON1), rewritten under the owner's
 * lock, and has bit 0 clear whatever its value; only a tail's, set once
 * when its block is allocated, has bit 0 set.
 */
static inline bool PageTail(const struct page *page)
{
	return data_race(READ_ONCE(page->compound_head)) & 1;
}

/** compound_head - the first page of the compound block @page is part of (or @page) */
static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = data_race(READ_ONCE(page->compound_head));

	if (unlikely(head & 1))
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline void set_compound_head(struct page *page, const struct page *head)
{
	WRITE_ONCE(page->compound_head, (unsigned long)head + 1);
}

static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page_alloc_order(page) : 0;
}

/*
 * Page types, as Linux: a free buddy page is never mapped, so its
 * _mapcount word (normally -1) carries the type instead, with the type's
 * bit cleared.  A type bit is only meaningful when the top nibble is
 * PAGE_TYPE_BASE, so small mapcounts never read as types.
 */
#define PAGE_TYPE_BASE 0xf0000000u
#define PG_buddy       0x00000080u

static inline bool PageBuddy(const struct page *page)
{
	return (page->page_type & (PAGE_TYPE_BASE | PG_buddy)) == PAGE_TYPE_BASE;
}

static inline void __SetPageBuddy(struct page *page)
{
	page->page_type &= ~PG_buddy;
}

static inline void __ClearPageBuddy(struct page *page)
{
	page->page_type |= PG_buddy;
}

#endif /* _PAGE_FLAGS_H */
