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

/**
 * isolate_movable_page - take a movable page away from its owner for migration
 * @page: any page
 *
 * Succeeds only for an allocated order-0 page whose owner is still there
 * and agrees (->isolate_page).  The page then has PG_isolated and an extra
 * reference, and its ->lru is free for a migration list.
 *
 * Return: true if isolated.
 */
bool isolate_movable_page(struct page *page);

/**
 * putback_movable_pages - return isolated pages to their owners
 * @l: a list of isolated pages (via ->lru); emptied
 *
 * A page whose owner has let go in the meantime is simply freed.
 */
void putback_movable_pages(struct list_head *l);

/**
 * migrate_pages - move isolated pages to new pages
 * @from: isolated pages (via ->lru)
 * @get_new_page: allocates a target for a page
 * @put_new_page: frees an unused target, or NULL for __free_page()
 * @private: passed to both
 * @reason: why (for the record; MR_CONTIG_RANGE)
 * @ret_succeeded: if not NULL, set to the pages migrated
 *
 * Moved pages leave @from and are freed.  A page the owner refuses
 * temporarily (-EAGAIN) is retried up to ten times; pages that could not
 * be moved stay on @from for the caller to retry or put back.
 *
 * Return: the number of pages not moved, or -ENOMEM when no target page
 * could be allocated (then the rest is not tried).
 */
int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private, enum migrate_reason reason, unsigned int *ret_succeeded);

/**
 * alloc_migration_target - a new page for @page's contents
 * @page: the page being migrated
 * @private: a struct migration_target_control *
 *
 * A highmem source may move to highmem.  A target inside an isolated
 * pageblock would defeat the migration; the allocator never hands one out
 * (their free pages are on the isolated lists), and this checks it.
 *
 * Return: an order-0 page with one reference, or NULL.
 */
struct page *alloc_migration_target(struct page *page, unsigned long private);

#endif /* _MIGRATE_H */
