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
 * Every function may be called on any CPU at any time, also while
 * cma_alloc() migrates the store's pages (mm/objstore.c says how).
 */
#ifndef _OBJSTORE_H
#define _OBJSTORE_H

#include "types.h"
#include "list.h"
#include "mm.h"
#include "spinlock.h"

/* A handle: 1..max_objects; 0 is never a valid handle. */
typedef unsigned long objstore_handle_t;

#define OBJSTORE_OBJECT_SIZE PAGE_SIZE

/* objstore.migrate_budget: accept every migration. */
#define OBJSTORE_NO_LIMIT (-1L)

/**
 * struct objstore - a store of page-sized objects
 * @ops: the movable_operations of this store's pages; first, so a page's
 *       ->mapping leads back to its store (container_of)
 * @lock: protects everything below and the objects' data during an access
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
	spinlock_t lock;
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

int objstore_init(struct objstore *os, const char *name, unsigned long max_objects);

void objstore_destroy(struct objstore *os);

int objstore_alloc(struct objstore *os, objstore_handle_t *handle);

int objstore_adopt(struct objstore *os, struct page *page, objstore_handle_t *handle);

void objstore_free(struct objstore *os, objstore_handle_t handle);

struct page *objstore_page(struct objstore *os, objstore_handle_t handle);

int objstore_write(struct objstore *os, objstore_handle_t handle, size_t offset, const void *buf,
		   size_t len);

int objstore_read(struct objstore *os, objstore_handle_t handle, size_t offset, void *buf,
		  size_t len);

void objstore_fill_pattern(struct objstore *os, objstore_handle_t handle, u32 seed);

bool objstore_check_pattern(struct objstore *os, objstore_handle_t handle, u32 seed);

long objstore_fill_range(struct objstore *os, unsigned long start_pfn, unsigned long end_pfn,
			 u32 seed);

#endif /* _OBJSTORE_H */
