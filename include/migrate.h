/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page migration (Linux's include/linux/migrate.h, mm/migrate.c), for the
 * pages that have one: non-LRU movable pages, whose owner registered
 * movable_operations with __SetPageMovable() (include/mm.h).
 *
 * Migrating a page is a conversation with its owner:
 *
 *	isolate_movable_page(page)     take a reference, ask the owner to let go
 *	                               (->isolate_page), set PG_isolated; the
 *	                               page then sits on a migration list via ->lru
 *	migrate_pages(list, ...)       for each page allocate a target and ask the
 *	                               owner to move there (->migrate_page)
 *	putback_movable_pages(list)    what could not move goes back to its owner
 *	                               (->putback_page)
 *
 * References: the owner holds one reference on each of its pages.
 * Isolation takes another.  A target page arrives with the one reference
 * the allocator gave it; when ->migrate_page succeeds that reference
 * becomes the owner's, and the owner has dropped its reference on the
 * source, so dropping the isolation reference frees the source.  When it
 * fails, migration frees the target.  (Linux's owners take their own
 * reference on the target and migration drops the allocation's; the net
 * effect is the same.)
 *
 * Locking, as Linux: migration holds the page lock (PG_locked,
 * lock_page()) while it isolates a page, moves it (->migrate_page) or puts
 * it back (->putback_page), so the callbacks run with the page locked.
 * An owner that lets go of a page (__ClearPageMovable(), then drops its
 * reference) does so with the page locked too, so it happens wholly
 * before or after each of those steps; an owner whose callbacks take a
 * lock of its own takes it inside the page lock, never around it.
 *
 * Only order-0 pages migrate here: no owner has larger movable pages.
 */
#ifndef _MIGRATE_H
#define _MIGRATE_H

#include "types.h"
#include "list.h"

struct page;

/* ->migrate_page's success value (Linux's MIGRATEPAGE_SUCCESS). */
#define MIGRATEPAGE_SUCCESS 0

/* Why pages are migrated (Linux's enum migrate_reason, the one value used). */
enum migrate_reason { MR_CONTIG_RANGE, MR_TYPES };

/* Allocates the target for @page; @private is migrate_pages()'s. */
typedef struct page *new_page_t(struct page *page, unsigned long private);
/* Frees a target that was not used. */
typedef void free_page_t(struct page *page, unsigned long private);

/**
 * struct migration_target_control - what alloc_migration_target() allocates
 * @nid: preferred node
 * @gfp_mask: allocation flags; __GFP_HIGHMEM is added for a highmem source
 */
struct migration_target_control {
	int nid;
	gfp_t gfp_mask;
};

/*
 * Pages migrated and pages that could not be (Linux's pgmigrate_success
 * and pgmigrate_fail in /proc/vmstat), for tests and benchmarks.
 */
extern unsigned long pgmigrate_success;
extern unsigned long pgmigrate_fail;

bool isolate_movable_page(struct page *page);

void putback_movable_pages(struct list_head *l);

int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private, enum migrate_reason reason, unsigned int *ret_succeeded);

struct page *alloc_migration_target(struct page *page, unsigned long private);

#endif /* _MIGRATE_H */
