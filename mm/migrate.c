// SPDX-License-Identifier: GPL-2.0
/*
 * Migration of non-LRU movable pages (the part of Linux's mm/migrate.c,
 * 6.1, that concerns pages with movable_operations; there is no page
 * cache, no anonymous memory and no page table to update here, so moving
 * a page is: allocate a target, let the owner copy and re-point, free the
 * source).  include/migrate.h describes the protocol and the references.
 */
#include "migrate.h"
#include "mm.h"
#include "gfp.h"
#include "page-isolation.h"
#include "printk.h"
#include <asm/barrier.h>

/* Linux retries a page its owner refuses with -EAGAIN this often per call. */
#define NR_MIGRATE_PASSES 10

unsigned long pgmigrate_success;
unsigned long pgmigrate_fail;

/* The counters are shared by every CPU that migrates. */
static void count_migrations(unsigned long *counter, unsigned long n)
{
	__atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
}

/* Take a reference unless the page is free (Linux's get_page_unless_zero). */
static bool get_page_unless_zero(struct page *page)
{
	int old = page_ref_count(page);

	while (old > 0)
		if (__atomic_compare_exchange_n(&page->_refcount, &old, old + 1, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	return false;
}

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
bool isolate_movable_page(struct page *page)
{
	/* A free page, or one being freed: nothing to move. */
	if (!get_page_unless_zero(page))
		return false;
	/*
	 * Looked movable to the caller, but may have been freed and handed
	 * to someone else since: with the reference it can no longer change
	 * hands, so look again before trylock_page() writes its flags, which
	 * a new owner may still be setting up without atomics (Linux checks
	 * __PageMovable here too, after the same smp_rmb()).  A hint still:
	 * the lock makes it sure below.
	 */
	smp_rmb();
	if (!data_race(__PageMovable(page)))
		goto out_putpage;
	/* Someone else is isolating or moving it, or its owner is letting go (Linux's trylock). */
	if (!trylock_page(page))
		goto out_putpage;
	/*
	 * Re-checked with the reference and the lock held: the owner may have
	 * let go, or the page may have become someone else's since the caller
	 * looked.  Only single pages migrate (a block's tail pages are not
	 * movable on their own).  The order bits do not change while we hold
	 * a reference; another CPU's trylock_page() may set PG_locked in the
	 * same word meanwhile, hence data_race().
	 */
	if (!PageMovable(page) || PageIsolated(page) || data_race(page_alloc_order(page)) != 0)
		goto out_unlock;
	if (!page_movable_ops(page)->isolate_page(page))
		goto out_unlock;
	SetPageIsolated(page);
	unlock_page(page);
	return true;

out_unlock:
	unlock_page(page);
out_putpage:
	put_page(page);
	return false;
}

/* Give one isolated page back to its owner, or free it if the owner is gone. */
static void putback_movable_page(struct page *page)
{
	lock_page(page);
	if (PageMovable(page))
		page_movable_ops(page)->putback_page(page);
	ClearPageIsolated(page);
	unlock_page(page);
	put_page(page);
}

/**
 * putback_movable_pages - return isolated pages to their owners
 * @l: a list of isolated pages (via ->lru); emptied
 *
 * A page whose owner has let go in the meantime is simply freed.
 */
void putback_movable_pages(struct list_head *l)
{
	struct page *page, *next;

	list_for_each_entry_safe (page, next, l, lru) {
		list_del(&page->lru);
		putback_movable_page(page);
	}
}

/*
 * Move one isolated page.  Returns MIGRATEPAGE_SUCCESS (the page has left
 * the list and is freed), -EAGAIN (try again, it stays on the list),
 * -ENOMEM (no target) or another error (the owner refused for good).
 */
static int unmap_and_move(new_page_t get_new_page, free_page_t put_new_page, unsigned long private,
			  struct page *page)
{
	struct page *newpage;
	int rc;

	/*
	 * Locked while the owner moves it, as in Linux: the owner's letting
	 * go (which also takes the lock) happens wholly before or after.
	 */
	lock_page(page);
	if (!PageMovable(page)) {
		/* The owner let go after the isolation: dropping ours frees it. */
		rc = MIGRATEPAGE_SUCCESS;
		goto drop;
	}
	newpage = get_new_page(page, private);
	if (!newpage) {
		unlock_page(page);
		return -ENOMEM;
	}
	rc = page_movable_ops(page)->migrate_page(newpage, page);
	if (rc != MIGRATEPAGE_SUCCESS) {
		unlock_page(page);
		if (put_new_page)
			put_new_page(newpage, private);
		else
			__free_page(newpage);
		return rc;
	}
	/*
	 * The owner now holds newpage's reference and has dropped its own on
	 * the source; ours frees it into whatever list its pageblock has (the
	 * isolated ones, during alloc_contig_range).
	 */
drop:
	list_del(&page->lru);
	ClearPageIsolated(page);
	unlock_page(page);
	put_page(page);
	return rc;
}

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
		  unsigned long private, enum migrate_reason reason, unsigned int *ret_succeeded)
{
	unsigned int nr_succeeded = 0;
	int nr_failed = 0, retry = 1, rc = 0;
	struct page *page, *next;
	LIST_HEAD(ret_pages);

	(void)reason;
	for (int pass = 0; pass < NR_MIGRATE_PASSES && retry; pass++) {
		retry = 0;
		list_for_each_entry_safe (page, next, from, lru) {
			rc = unmap_and_move(get_new_page, put_new_page, private, page);
			switch (rc) {
			case MIGRATEPAGE_SUCCESS:
				nr_succeeded++;
				break;
			case -EAGAIN:
				retry++;
				break;
			case -ENOMEM:
				/* No memory now means none for the rest either. */
				nr_failed++;
				goto out;
			default:
				/* Refused for good: set aside so later passes skip it. */
				list_move_tail(&page->lru, &ret_pages);
				nr_failed++;
				break;
			}
		}
	}
	nr_failed += retry;
	rc = nr_failed;
out:
	list_splice_init(&ret_pages, from);
	count_migrations(&pgmigrate_success, nr_succeeded);
	count_migrations(&pgmigrate_fail, (unsigned long)nr_failed);
	if (ret_succeeded)
		*ret_succeeded = nr_succeeded;
	return rc;
}

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
struct page *alloc_migration_target(struct page *page, unsigned long private)
{
	const struct migration_target_control *mtc = (const void *)private;
	gfp_t gfp_mask = mtc->gfp_mask;
	struct page *newpage;
	int nid = mtc->nid;

	/* No preference: the source's node. */
	if (nid < 0)
		nid = page_to_nid(page);
	/* As Linux: a highmem source may move to highmem, a lowmem one stays low. */
	if (PageHighMem(page))
		gfp_mask |= __GFP_HIGHMEM;
	newpage = __alloc_pages(gfp_mask, 0, nid);
	/*
	 * The isolated blocks' free pages are on lists no allocation uses and
	 * their pcp pages were drained, so this cannot happen; if it did, the
	 * data would move into the range being emptied.
	 */
	if (newpage && WARN_ON_ONCE(is_migrate_isolate_page(newpage))) {
		__free_page(newpage);
		return NULL;
	}
	return newpage;
}
