/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Taking pageblocks out of the allocator's reach (Linux's
 * include/linux/page-isolation.h), and the contiguous range allocator
 * built on it.
 *
 * An isolated pageblock has the migratetype MIGRATE_ISOLATE: its free
 * pages sit on the MIGRATE_ISOLATE lists, which no allocation uses, and
 * are not counted in NR_FREE_PAGES; pages freed into it join them.  So
 * once a range is isolated and its pcp pages drained, whatever becomes
 * free there stays free, and alloc_contig_range() only has to move the
 * pages still in use out of it.
 */
#ifndef _PAGE_ISOLATION_H
#define _PAGE_ISOLATION_H

#include "types.h"
#include "mm.h"

/* isol_flags (Linux's values) */
#define MEMORY_OFFLINE 0x1 /* memory hot-remove's rules; unused here */
#define REPORT_FAILURE 0x2 /* dump the page that stops the isolation */

/** is_migrate_isolate_page - is @page's pageblock isolated? */
static inline bool is_migrate_isolate_page(const struct page *page)
{
	return get_pageblock_migratetype(page) == MIGRATE_ISOLATE;
}

int start_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype,
			     int flags, gfp_t gfp_flags);

void undo_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype);

int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn, int isol_flags);

int alloc_contig_range(unsigned long start, unsigned long end, unsigned int migratetype,
		       gfp_t gfp_mask);

#endif /* _PAGE_ISOLATION_H */
