/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A page-backed object store: the kernel's one owner of movable pages.
 *
 * Each object is one page of data, named by a handle.  The store keeps
 * handle -> page in a table and never gives out page addresses, so it can
 * let migration move an object to another page at any time: the page is
 * allocated with GFP_HIGHUSER_MOVABLE (it may come from a CMA area or
 * highmem) and marked movable with the store's movable_operations, whose
 * ->migrate_page copies the data and points the handle at the new page.
 * Readers and writers go through the handle and kmap the page for the
 * moment of the access.  This is the role zsmalloc and the balloon driver
 * play in Linux: something real for cma_alloc() to move out of the way.
 *
 *	struct objstore os;
 *	objstore_handle_t h;
 *
 *	objstore_init(&os, "test", 1024);
 *	objstore_alloc(&os, &h);
 *	objstore_write(&os, h, 0, buf, len);
 *	... cma_alloc() may move the object; h stays valid ...
 *	objstore_read(&os, h, 0, buf, len);
 *	objstore_free(&os, h);
 *	objstore_destroy(&os);
 *
 * Not thread-safe: callers serialise (one CPU for now).
 */
#ifndef _OBJSTORE_H
#define _OBJSTORE_H

#include "types.h"
#include "list.h"
#include "mm.h"

/* A handle: 1..max_objects; 0 is never a valid handle. */
typedef unsigned long objstore_handle_t;

#define OBJSTORE_OBJECT_SIZE PAGE_SIZE

/* objstore.migrate_budget: accept every migration. */
#define OBJSTORE_NO_LIMIT (-1L)

/**
 * struct objstore - a store of page-sized objects
 * @ops: the movable_operations of this store's pages; first, so a page's
 *       ->mapping leads back to its store (container_of)
 * @name: for messages
 * @gfp: how object pages are allocated (GFP_HIGHUSER_MOVABLE | __GFP_NOWARN)
 * @slots: handle - 1 -> page, NULL for a free handle
 * @nr_slots: the number of handles
 * @nr_objects: handles in use
 * @next_hint: where to start looking for a free handle
 * @pages: the store's pages that are not isolated for migration (->lru)
 * @nr_migrated: objects moved to another page so far
 * @refuse_isolate: fault injection: ->isolate_page says no
 * @migrate_budget: fault injection: migrations still accepted, then
 *                  ->migrate_page fails with -EBUSY; OBJSTORE_NO_LIMIT
 */
struct objstore {
	struct movable_operations ops;
	const char *name;
	gfp_t gfp;
	struct page **slots;
	unsigned long nr_slots;
	unsigned long nr_objects;
	unsigned long next_hint;
	struct list_head pages;
	unsigned long nr_migrated;
	bool refuse_isolate;
	long migrate_budget;
};

/**
 * objstore_init - set up an empty store
 * @os: the store (caller's memory)
 * @name: for messages
 * @max_objects: handles to provide; the table is allocated now (lowmem,
 *               unmovable, sizeof(void *) per handle)
 *
 * Return: 0, -EINVAL or -ENOMEM.
 */
int objstore_init(struct objstore *os, const char *name, unsigned long max_objects);

/**
 * objstore_destroy - free every object and the table
 * @os: the store; it must be objstore_init()ed again before reuse
 */
void objstore_destroy(struct objstore *os);

/**
 * objstore_alloc - a new object, on a page from the page allocator
 * @os: the store
 * @handle: set to the object's handle
 *
 * The page content is undefined until written.
 *
 * Return: 0, -ENOSPC (no free handle) or -ENOMEM.
 */
int objstore_alloc(struct objstore *os, objstore_handle_t *handle);

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
int objstore_adopt(struct objstore *os, struct page *page, objstore_handle_t *handle);

/**
 * objstore_free - delete an object and free its page
 * @os: the store
 * @handle: the object; an invalid handle is reported and ignored
 */
void objstore_free(struct objstore *os, objstore_handle_t handle);

/**
 * objstore_page - the page an object lives on right now
 * @os: the store
 * @handle: the object
 *
 * For tests and reports: the answer changes when the object migrates.
 *
 * Return: the page, or NULL for an invalid handle.
 */
struct page *objstore_page(const struct objstore *os, objstore_handle_t handle);

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
		   size_t len);

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
		  size_t len);

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
void objstore_fill_pattern(struct objstore *os, objstore_handle_t handle, u32 seed);

/**
 * objstore_check_pattern - does an object still hold objstore_fill_pattern(@seed)?
 * @os: the store
 * @handle: the object
 * @seed: the seed it was filled with
 *
 * Return: true if every word is intact.
 */
bool objstore_check_pattern(struct objstore *os, objstore_handle_t handle, u32 seed);

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
			 u32 seed);

#endif /* _OBJSTORE_H */
