/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces between the files of mm/ that no other part of the kernel
 * should call (Linux keeps the same in mm/internal.h).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include "types.h"
#include "vmstat.h"

/* Each function's kernel-doc is on its definition (Linux's rule). */

/*
 * From mm_init.c, for memblock's hand-over.  Linux's memblock_free_pages()
 * takes the struct page too; the pfn alone keeps memblock.c free of
 * struct page.
 */
void memblock_free_pages(unsigned long pfn, unsigned int order);
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

/* Free pages this request may not count against the watermark. */
static inline long __zone_watermark_unusable_free(struct zone *z, unsigned int order,
						  unsigned int alloc_flags)
{
	long unusable_free = (1L << order) - 1;

	if (!(alloc_flags & ALLOC_CMA))
		unusable_free += zone_page_state(z, NR_FREE_CMA_PAGES);
	return unusable_free;
}

void bad_page(struct page *page, const char *reason, unsigned long caller);

int __isolate_free_page(struct page *page, unsigned int order);

void __putback_isolated_page(struct page *page, unsigned int order, int mt);

void post_alloc_hook(struct page *page, unsigned int order, gfp_t gfp_flags);

void init_cma_reserved_pageblock(struct page *page);

/* The boot hand-over's free, for mm_init.c (Linux's __free_pages_core). */
bool __free_pages_core(struct page *page, unsigned int order);

/* From debug.c: Linux's %pGg, for warn_alloc(), and %pGp, for slub's reports. */
void format_gfp_flags(gfp_t gfp, char *buf, size_t size);
void format_page_flags(unsigned long flags, char *buf, size_t size);

/* From alloc_contig.c, beside alloc_contig_range() as in Linux. */
void free_contig_range(unsigned long pfn, unsigned long nr_pages);

#endif /* _MM_INTERNAL_H */
