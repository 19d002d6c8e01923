// SPDX-License-Identifier: GPL-2.0
/*
 * A page-backed object store whose pages can be migrated (see
 * include/objstore.h for the interface and include/migrate.h for the
 * migration protocol).
 *
 * State of an object page, as the store sees it:
 *
 *	on os->pages (->lru), slot -> page       normal
 *	off the list, PG_isolated                 migration holds it; the slot
 *	                                          still points at it, data readable
 *	slot -> new page, old page handed back    after ->migrate_page
 *
 * page->private holds the object's handle while the store owns the page,
 * so the movable callbacks find their slot; ->mapping holds the store's
 * own movable_operations, so they find the store.
 *
 * Concurrency: os->lock protects the table, the page list and the counts,
 * and is held while an object's data is read, written or copied to its
 * new page, so an access never sees half a migration.  Migration calls
 * the callbacks with the page locked (include/migrate.h), and the callbacks
 * take os->lock inside it; objstore_free(), which must hold both to let go
 * of a page, takes os->lock first and only tries the page lock.
 */
#include "objstore.h"
#include "gfp.h"
#include "highmem.h"
#include "migrate.h"
#include "page-isolation.h"
#include "printk.h"
#include "internal.h" /* free_contig_range */
#include "spinlock.h"
#include <string.h>

static struct objstore *page_objstore(struct page *page)
{
	return container_of(page_movable_ops(page), struct objstore, ops);
}

/* ---------------------------------------------------------------- movable_operations */

/* Called with the page locked and referenced; a page we let go of has no private. */
static bool objstore_isolate_page(struct page *page)
{
	struct objstore *os = page_objstore(page);
	bool ok;

	spin_lock(&os->lock);
	ok = !os->refuse_isolate && page_private(page);
	if (ok)
		list_del(&page->lru); /* ->lru is migration's now */
	spin_unlock(&os->lock);
	return ok;
}

/* Called with @src locked; the copy happens under os->lock, so no access sees it half done. */
static int objstore_migrate_page(struct page *dst, struct page *src)
{
	struct objstore *os = page_objstore(src);
	objstore_handle_t handle = page_private(src);

	spin_lock(&os->lock);
	if (os->migrate_budget == 0) {
		spin_unlock(&os->lock);
		return -EBUSY;
	}
	/* Cannot be: a free lets go under the page lock, which migration holds. */
	if (WARN_ON(!handle || handle > os->nr_slots || os->slots[handle - 1] != src)) {
		spin_unlock(&os->lock);
		return -EINVAL;
	}
	if (os->migrate_budget > 0)
		os->migrate_budget--;

	copy_highpage(dst, src);
	set_page_private(dst, handle);
	__SetPageMovable(dst, &os->ops);
	list_add_tail(&dst->lru, &os->pages);
	os->slots[handle - 1] = dst;
	os->nr_migrated++;

	/* The source is no longer ours: migration's reference is the last one. */
	set_page_private(src, 0);
	__ClearPageMovable(src);
	spin_unlock(&os->lock);
	put_page(src);
	return MIGRATEPAGE_SUCCESS;
}

/* Called with the page locked, and only if the page is still ours (PageMovable). */
static void objstore_putback_page(struct page *page)
{
	struct objstore *os = page_objstore(page);

	spin_lock(&os->lock);
	list_add_tail(&page->lru, &os->pages);
	spin_unlock(&os->lock);
}

/* ---------------------------------------------------------------- the table */

static size_t objstore_table_size(const struct objstore *os)
{
	return os->nr_slots * sizeof(*os->slots);
}

/**
 * objstore_init - set up an empty store
 * @os: the store (caller's memory)
 * @name: for messages
 * @max_objects: handles to provide; the table is allocated now (lowmem,
 *               unmovable, sizeof(void *) per handle)
 *
 * Return: 0, -EINVAL or -ENOMEM.
 */
int objstore_init(struct objstore *os, const char *name, unsigned long max_objects)
{
	memset(os, 0, sizeof(*os));
	spin_lock_init(&os->lock);
	/* The table is one alloc_pages_exact() block, at most MAX_ORDER_NR_PAGES pages. */
	if (!max_objects || max_objects > MAX_ORDER_NR_PAGES * PAGE_SIZE / sizeof(*os->slots))
		return -EINVAL;
	os->ops.isolate_page = objstore_isolate_page;
	os->ops.migrate_page = objstore_migrate_page;
	os->ops.putback_page = objstore_putback_page;
	os->name = name;
	os->gfp = GFP_HIGHUSER_MOVABLE | __GFP_NOWARN;
	os->nr_slots = max_objects;
	os->migrate_budget = OBJSTORE_NO_LIMIT;
	INIT_LIST_HEAD(&os->pages);
	/* Unmovable (the table's addresses are in use), so never from CMA. */
	os->slots = alloc_pages_exact(objstore_table_size(os), GFP_KERNEL | __GFP_ZERO);
	if (!os->slots) {
		os->nr_slots = 0;
		return -ENOMEM;
	}
	return 0;
}

/**
 * objstore_destroy - free every object and the table
 * @os: the store; it must be objstore_init()ed again before reuse
 */
void objstore_destroy(struct objstore *os)
{
	if (!os->slots)
		return;
	for (objstore_handle_t h = 1; h <= os->nr_slots; h++)
		if (objstore_page(os, h))
			objstore_free(os, h);
	free_pages_exact(os->slots, objstore_table_size(os));
	os->slots = NULL;
	os->nr_slots = 0;
}

static bool objstore_handle_ok(const struct objstore *os, objstore_handle_t handle)
{
	return handle && handle <= os->nr_slots && os->slots[handle - 1];
}

/* A free handle, or 0.  Starts where the last one was found: allocation is mostly sequential. */
static objstore_handle_t objstore_free_handle(struct objstore *os)
{
	for (unsigned long n = 0; n < os->nr_slots; n++) {
		unsigned long i = (os->next_hint + n) % os->nr_slots;

		if (!os->slots[i]) {
			os->next_hint = i + 1;
			return i + 1;
		}
	}
	return 0;
}

/* Make @page (order 0, one reference, ours from now on) the object @handle. */
static void objstore_install(struct objstore *os, objstore_handle_t handle, struct page *page)
{
	set_page_private(page, handle);
	__SetPageMovable(page, &os->ops);
	list_add_tail(&page->lru, &os->pages);
	os->slots[handle - 1] = page;
	os->nr_objects++;
}

/* Give @page (ours, order 0, one reference) a free handle; 0 if there is none. */
static objstore_handle_t objstore_take_handle(struct objstore *os, struct page *page)
{
	objstore_handle_t h;

	spin_lock(&os->lock);
	h = objstore_free_handle(os);
	if (h)
		objstore_install(os, h, page);
	spin_unlock(&os->lock);
	return h;
}

/**
 * objstore_alloc - a new object, on a page from the page allocator
 * @os: the store
 * @handle: set to the object's handle
 *
 * The page content is undefined until written.
 *
 * Return: 0, -ENOSPC (no free handle) or -ENOMEM.
 */
int objstore_alloc(struct objstore *os, objstore_handle_t *handle)
{
	struct page *page;
	objstore_handle_t h;

	/* Allocated before the handle is taken: the allocator may drain and take locks. */
	page = alloc_page(os->gfp);
	if (!page)
		return -ENOMEM;
	h = objstore_take_handle(os, page);
	if (!h) {
		__free_page(page);
		return -ENOSPC;
	}
	*handle = h;
	return 0;
}

/**
 * objstore_adopt - make a page the caller allocated into a new object
 * @os: the store
 * @page: an order-0 page with one reference, which passes to the store
 * @handle: set to the object's handle
 *
 * For filling chosen memory (objstore_fill_range()); the contents are kept.
 *
 * Return: 0, -EINVAL (not an allocated order-0 page) or -ENOSPC.
 */
int objstore_adopt(struct objstore *os, struct page *page, objstore_handle_t *handle)
{
	objstore_handle_t h;

	if (page_count(page) != 1 || page_alloc_order(page) != 0 || page->mapping)
		return -EINVAL;
	h = objstore_take_handle(os, page);
	if (!h)
		return -ENOSPC;
	*handle = h;
	return 0;
}

/**
 * objstore_free - delete an object and free its page
 * @os: the store
 * @handle: the object; an invalid handle is reported and ignored
 */
void objstore_free(struct objstore *os, objstore_handle_t handle)
{
	struct page *page;

	for (;;) {
		spin_lock(&os->lock);
		/* A handle never handed out, or freed already: say who, and change nothing. */
		if (WARN_ON(!objstore_handle_ok(os, handle))) {
			spin_unlock(&os->lock);
			pr_err("objstore %s: free of invalid handle %lu (caller %pS)\n", os->name,
			       handle, (void *)_RET_IP_);
			return;
		}
		page = os->slots[handle - 1];
		/*
		 * The page lock too, so that no migration step is half done
		 * when we let go; tried, not waited for, as it ranks above
		 * os->lock (zsmalloc's trylock_zspage does the same).
		 */
		if (trylock_page(page))
			break;
		spin_unlock(&os->lock);
	}
	os->slots[handle - 1] = NULL;
	os->nr_objects--;
	/*
	 * An isolated page is on a migration list, not ours; letting go of it
	 * (mapping without ops) tells migration to drop it.
	 */
	if (!PageIsolated(page))
		list_del(&page->lru);
	set_page_private(page, 0);
	__ClearPageMovable(page);
	spin_unlock(&os->lock);
	unlock_page(page);
	put_page(page);
}

/**
 * objstore_page - the page an object lives on right now
 * @os: the store
 * @handle: the object
 *
 * For tests and reports: the answer changes when the object migrates.
 *
 * Return: the page, or NULL for an invalid handle.
 */
struct page *objstore_page(struct objstore *os, objstore_handle_t handle)
{
	struct page *page;

	spin_lock(&os->lock);
	page = objstore_handle_ok(os, handle) ? os->slots[handle - 1] : NULL;
	spin_unlock(&os->lock);
	return page;
}

static bool objstore_range_ok(const struct objstore *os, objstore_handle_t handle, size_t offset,
			      size_t len)
{
	return objstore_handle_ok(os, handle) && offset <= OBJSTORE_OBJECT_SIZE &&
	       len <= OBJSTORE_OBJECT_SIZE - offset;
}

/**
 * objstore_write - copy @len bytes from @buf into an object at @offset
 * @os: the store
 * @handle: the object
 * @offset: byte offset in the object
 * @buf: the data
 * @len: bytes; @offset + @len <= OBJSTORE_OBJECT_SIZE
 *
 * Return: 0, or -EINVAL.
 */
int objstore_write(struct objstore *os, objstore_handle_t handle, size_t offset, const void *buf,
		   size_t len)
{
	char *addr;

	spin_lock(&os->lock);
	if (!objstore_range_ok(os, handle, offset, len)) {
		spin_unlock(&os->lock);
		return -EINVAL;
	}
	/* The page may be highmem: map it only for the copy. */
	addr = kmap_atomic(os->slots[handle - 1]);
	memcpy(addr + offset, buf, len);
	kunmap_atomic(addr);
	spin_unlock(&os->lock);
	return 0;
}

/**
 * objstore_read - copy @len bytes of an object at @offset into @buf
 * @os: the store
 * @handle: the object
 * @offset: byte offset in the object
 * @buf: where to
 * @len: bytes; @offset + @len <= OBJSTORE_OBJECT_SIZE
 *
 * Return: 0, or -EINVAL.
 */
int objstore_read(struct objstore *os, objstore_handle_t handle, size_t offset, void *buf,
		  size_t len)
{
	const char *addr;

	spin_lock(&os->lock);
	if (!objstore_range_ok(os, handle, offset, len)) {
		spin_unlock(&os->lock);
		return -EINVAL;
	}
	addr = kmap_atomic(os->slots[handle - 1]);
	memcpy(buf, addr + offset, len);
	kunmap_atomic((void *)addr);
	spin_unlock(&os->lock);
	return 0;
}

/* Word @i of the pattern for (@seed, @handle): a cheap mix, different for every word. */
static u32 pattern_word(u32 seed, objstore_handle_t handle, unsigned int i)
{
	u32 x = seed ^ ((u32)handle * 0x9e3779b9u) ^ (i * 0x85ebca6bu);

	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	return x;
}

/**
 * objstore_fill_pattern - fill a whole object with a pattern of (@seed, @handle)
 * @os: the store
 * @handle: the object
 * @seed: any value; the same seed gives the same pattern
 *
 * Every word depends on the seed, the handle and its position, so a check
 * catches lost writes, a handle pointing at another object's page and
 * data copied to the wrong place.
 */
void objstore_fill_pattern(struct objstore *os, objstore_handle_t handle, u32 seed)
{
	u32 *words;

	spin_lock(&os->lock);
	if (objstore_handle_ok(os, handle)) {
		words = kmap_atomic(os->slots[handle - 1]);
		for (unsigned int i = 0; i < OBJSTORE_OBJECT_SIZE / sizeof(u32); i++)
			words[i] = pattern_word(seed, handle, i);
		kunmap_atomic(words);
	}
	spin_unlock(&os->lock);
}

/**
 * objstore_check_pattern - does an object still hold objstore_fill_pattern(@seed)?
 * @os: the store
 * @handle: the object
 * @seed: the seed it was filled with
 *
 * Return: true if every word is intact.
 */
bool objstore_check_pattern(struct objstore *os, objstore_handle_t handle, u32 seed)
{
	bool ok = false;
	u32 *words;

	spin_lock(&os->lock);
	if (objstore_handle_ok(os, handle)) {
		words = kmap_atomic(os->slots[handle - 1]);
		ok = true;
		for (unsigned int i = 0; i < OBJSTORE_OBJECT_SIZE / sizeof(u32) && ok; i++)
			ok = words[i] == pattern_word(seed, handle, i);
		kunmap_atomic(words);
	}
	spin_unlock(&os->lock);
	return ok;
}

/* Adopt the @nr order-0 pages alloc_contig_range() gave us at @pfn. */
static long objstore_adopt_run(struct objstore *os, unsigned long pfn, unsigned long nr, u32 seed)
{
	long made = 0;

	for (unsigned long i = 0; i < nr; i++) {
		struct page *page = pfn_to_page(pfn + i);
		objstore_handle_t h;

		if (objstore_adopt(os, page, &h)) {
			/* Out of handles: the rest of the run goes back. */
			free_contig_range(pfn + i, nr - i);
			return -ENOSPC;
		}
		objstore_fill_pattern(os, h, seed);
		made++;
	}
	return made;
}

/*
 * The end of the free buddy block that contains @pfn, or 0 if @pfn is not
 * free.  @pfn may be a tail page of the block.
 */
static unsigned long free_block_end(unsigned long pfn)
{
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		unsigned long head = pfn & ~((1UL << order) - 1);
		struct page *page = pfn_to_page(head);

		if (PageBuddy(page) && buddy_order(page) >= order)
			return head + (1UL << buddy_order(page));
	}
	return 0;
}

/**
 * objstore_fill_range - put an object on every free page of a pfn range
 * @os: the store
 * @start_pfn: first frame
 * @end_pfn: end frame (exclusive); the range must lie in one zone
 * @seed: each new object is filled with objstore_fill_pattern(@seed)
 *
 * Fills, say, a CMA area completely with movable data, which ordinary
 * allocations cannot do: the allocator keeps its watermarks, and (Linux's
 * balancing) takes CMA pages only while they are at least half of what is
 * free.  So the free blocks of the range are taken with
 * alloc_contig_range() and adopted; pages in use stay as they are.
 *
 * Return: the number of objects created, or -ENOSPC when the store ran
 * out of handles (the objects made so far stay).
 */
long objstore_fill_range(struct objstore *os, unsigned long start_pfn, unsigned long end_pfn,
			 u32 seed)
{
	unsigned long pfn = start_pfn;
	long made = 0, n;

	/* Free pages on pcp lists are not in buddy blocks: send them home first. */
	drain_all_pages(NULL);
	while (pfn < end_pfn) {
		unsigned long run_end, next, block_end = min(pageblock_end_pfn(pfn), end_pfn);
		int mt;

		if (!pfn_valid(pfn) || !(run_end = free_block_end(pfn))) {
			pfn++;
			continue;
		}
		/* Free blocks that follow each other in this pageblock make one run. */
		while (run_end < block_end && (next = free_block_end(run_end)))
			run_end = next;
		run_end = min(run_end, block_end);
		/* The block keeps its type: alloc_contig_range() restores what it is told. */
		mt = get_pageblock_migratetype(pfn_to_page(pfn));
		if (!is_migrate_isolate(mt) &&
		    alloc_contig_range(pfn, run_end, (unsigned int)mt, __GFP_NOWARN) == 0) {
			n = objstore_adopt_run(os, pfn, run_end - pfn, seed);
			if (n < 0)
				return n;
			made += n;
		}
		pfn = run_end;
	}
	return made;
}
