/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces between the files of mm/ that no other part of the kernel
 * should call (Linux keeps the same in mm/internal.h).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include "types.h"

/**
 * memblock_free_pages - give one naturally aligned block to the buddy allocator at boot
 * @pfn: first page frame; aligned to 1 << @order
 * @order: the block's order
 *
 * Implemented by page_alloc.c; called by the memblock hand-over and by
 * memblock_free_late().  Linux passes the struct page too; the pfn alone
 * is enough here and keeps memblock.c free of struct page.
 */
void memblock_free_pages(unsigned long pfn, unsigned int order);

/**
 * reserve_bootmem_region - mark the pages of [start, end) PG_reserved
 *
 * Implemented by mm_init.c; the hand-over calls it for every memblock
 * reservation so those pages are never given out.
 */
void reserve_bootmem_region(phys_addr_t start, phys_addr_t end);

/*
 * ---- From page_alloc.c, for the rest of mm/ (cma.c, page_isolation.c,
 * migrate.c), as Linux keeps them in mm/internal.h.
 */
struct page;
struct zone;

/* alloc_flags: how far below the watermarks an allocation may go (Linux's values). */
#define ALLOC_WMARK_MIN	    0x00 /* WMARK_MIN */
#define ALLOC_WMARK_LOW	    0x01 /* WMARK_LOW */
#define ALLOC_WMARK_HIGH    0x02 /* WMARK_HIGH */
#define ALLOC_NO_WATERMARKS 0x04 /* don't check watermarks at all */
#define ALLOC_WMARK_MASK    (ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER	    0x10 /* GFP_ATOMIC: a further quarter below */
#define ALLOC_HIGH	    0x20 /* __GFP_HIGH: half of min */
#define ALLOC_CMA	    0x80 /* may use MIGRATE_CMA free pages */

/**
 * bad_page - report a page in a state it must not be in ("BUG: Bad page state")
 * @page: the page, left exactly as found
 * @reason: what is wrong, for "page dumped because:"
 * @caller: the address of whoever asked (printed as "caller: %pS"), or 0
 */
void bad_page(struct page *page, const char *reason, unsigned long caller);

/**
 * __isolate_free_page - take a free buddy block out of the allocator
 * @page: first page of the block (PageBuddy)
 * @order: its order (buddy_order(page))
 *
 * Caller holds zone->lock.  Outside MIGRATE_ISOLATE blocks the min
 * watermark is honoured.  The pages are not prepared for use: call
 * post_alloc_hook() and split_page() as alloc_contig_range() needs.
 * Returns 1 << @order, or 0 if the watermark refused.
 */
int __isolate_free_page(struct page *page, unsigned int order);

/**
 * __putback_isolated_page - return a block __isolate_free_page() took
 * @page: first page
 * @order: its order
 * @mt: the free list (the pageblock's migratetype)
 *
 * Caller holds zone->lock.
 */
void __putback_isolated_page(struct page *page, unsigned int order, int mt);

/**
 * post_alloc_hook - make a block taken from the free lists an allocated one
 * @page: first page (reference count 0)
 * @order: its order
 * @gfp_flags: __GFP_ZERO clears it
 *
 * Sets the reference count to 1, records the order, checks poisoning.
 */
void post_alloc_hook(struct page *page, unsigned int order, gfp_t gfp_flags);

/**
 * init_cma_reserved_pageblock - lend one reserved pageblock to the buddy allocator as CMA
 * @page: first page of a pageblock that memblock had reserved for CMA
 *
 * Sets MIGRATE_CMA, frees the block, and adds it to the zone's managed and
 * cma pages (totalcma_pages was counted when the area was reserved).
 */
void init_cma_reserved_pageblock(struct page *page);

/* The boot hand-over's free, for mm_init.c (Linux's __free_pages_core). */
bool __free_pages_core(struct page *page, unsigned int order);

/* From debug.c: Linux's %pGg, for warn_alloc(), and %pGp, for slub's reports. */
void format_gfp_flags(gfp_t gfp, char *buf, size_t size);
void format_page_flags(unsigned long flags, char *buf, size_t size);

/**
 * free_contig_range - free @nr_pages order-0 pages from @pfn (alloc_contig_range's pair)
 */
void free_contig_range(unsigned long pfn, unsigned long nr_pages);

#endif /* _MM_INTERNAL_H */
