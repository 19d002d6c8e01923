/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pageblocks (Linux's pageblock-flags.h).  A pageblock is the unit the
 * allocator groups by mobility: every block of 2^pageblock_order pages
 * carries a migratetype in a per-zone bitmap, NR_PAGEBLOCK_BITS per block,
 * and free pages are kept on the free list of their block's type.
 */
#ifndef _PAGEBLOCK_FLAGS_H
#define _PAGEBLOCK_FLAGS_H

#include "types.h"

struct page;

/* Bit indices within a pageblock's group of bits. */
enum pageblock_bits {
	PB_migrate,
	PB_migrate_end = PB_migrate + 3 - 1, /* 3 bits for the migratetype */
	PB_migrate_skip,		     /* Linux's compaction hint; unused, keeps 4 bits */
	NR_PAGEBLOCK_BITS,
};

#define PB_migratetype_bits 3
#define MIGRATETYPE_MASK    ((1UL << PB_migratetype_bits) - 1)

/*
 * No huge pages, so mobility is grouped by the largest buddy block, as
 * Linux does without CONFIG_HUGETLB_PAGE: 1024 pages, 4 MiB, with the default MAX_ORDER.
 */
#define pageblock_order		 (MAX_ORDER - 1)
#define pageblock_nr_pages	 (1UL << pageblock_order)
#define pageblock_aligned(pfn)	 IS_ALIGNED((unsigned long)(pfn), pageblock_nr_pages)
#define pageblock_start_pfn(pfn) ALIGN_DOWN((unsigned long)(pfn), pageblock_nr_pages)
#define pageblock_end_pfn(pfn)	 ALIGN((unsigned long)(pfn) + 1, pageblock_nr_pages)

unsigned long get_pfnblock_flags_mask(const struct page *page, unsigned long pfn,
				      unsigned long mask);

void set_pfnblock_flags_mask(struct page *page, unsigned long flags, unsigned long pfn,
			     unsigned long mask);

#endif /* _PAGEBLOCK_FLAGS_H */
