/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Contiguous Memory Allocator (Linux's include/linux/cma.h and
 * mm/cma.h).
 *
 * A CMA area is a physically contiguous range reserved from memblock at
 * boot.  Once the buddy allocator runs, cma_init_reserved_areas() lends
 * every pageblock of it back as MIGRATE_CMA, so movable allocations use the
 * memory while no device needs it; cma_alloc() takes a range back by
 * migrating whatever movable pages sit there (mm/alloc_contig.c).
 *
 *	reserve (memblock)          cma_declare_contiguous(), or the DT's
 *	                            reusable shared-dma-pool (cma_init_reserved_mem)
 *	activate (buddy is up)      cma_init_reserved_areas()
 *	use                         cma_alloc() / cma_release()
 *
 * Each area has a bitmap with one bit per 2^order_per_bit pages: a set bit
 * is handed out by cma_alloc().  The bitmap says nothing about who uses a
 * free part: that is the buddy allocator's business.
 */
#ifndef _CMA_H
#define _CMA_H

#include "types.h"
#include "spinlock.h"
#include "mmzone.h" /* MAX_ORDER, pageblock_nr_pages */
#include "numa.h"
#include <asm/memory.h>

struct page;

/* Linux's 1 + CONFIG_CMA_AREAS (7): the default area and seven more. */
#define MAX_CMA_AREAS 8

#define CMA_MAX_NAME  64

/*
 * An area is made of whole pageblocks: the buddy allocator merges free
 * blocks up to pageblock_order and never across a migratetype boundary at
 * that order, so anything smaller could leave CMA pages merged into an
 * ordinary block.
 */
#define CMA_MIN_ALIGNMENT_PAGES pageblock_nr_pages
#define CMA_MIN_ALIGNMENT_BYTES (PAGE_SIZE * CMA_MIN_ALIGNMENT_PAGES)

/**
 * struct cma - one contiguous area
 * @base_pfn: first page frame
 * @count: pages; 0 once the area could not be activated
 * @bitmap: one bit per 2^@order_per_bit pages, set while cma_alloc()ed;
 *          NULL until cma_init_reserved_areas()
 * @heads: the same bits, set only for the first of each allocation, so that
 *         cma_release() can tell one allocation from its neighbour (ours)
 * @order_per_bit: pages per bit, as an order
 * @lock: protects @bitmap
 * @name: "reserved" for the default area, the DT node name for DT areas
 * @bitmap_order: the order of the page block @bitmap lives in (ours:
 *                Linux kmallocs the bitmap, we have no slab)
 * @reserve_pages_on_error: keep the pages reserved if activation fails
 *                          (Linux 6.1's field; nothing sets it yet)
 */
struct cma {
	unsigned long base_pfn;
	unsigned long count;
	unsigned long *bitmap;
	unsigned long *heads;
	unsigned int order_per_bit;
	spinlock_t lock;
	char name[CMA_MAX_NAME];
	unsigned int bitmap_order;
	bool reserve_pages_on_error;
};

extern struct cma cma_areas[MAX_CMA_AREAS];
extern unsigned int cma_area_count;

phys_addr_t cma_get_base(const struct cma *cma);

unsigned long cma_get_size(const struct cma *cma);

const char *cma_get_name(const struct cma *cma);

int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size, phys_addr_t limit,
			       phys_addr_t alignment, unsigned int order_per_bit, bool fixed,
			       const char *name, struct cma **res_cma, int nid);

/** cma_declare_contiguous - cma_declare_contiguous_nid() on any node */
static inline int cma_declare_contiguous(phys_addr_t base, phys_addr_t size, phys_addr_t limit,
					 phys_addr_t alignment, unsigned int order_per_bit,
					 bool fixed, const char *name, struct cma **res_cma)
{
	return cma_declare_contiguous_nid(base, size, limit, alignment, order_per_bit, fixed, name,
					  res_cma, NUMA_NO_NODE);
}

int cma_init_reserved_mem(phys_addr_t base, phys_addr_t size, unsigned int order_per_bit,
			  const char *name, struct cma **res_cma);

int cma_init_reserved_areas(void);

void cma_drop_unreserved_areas(void);

struct page *cma_alloc(struct cma *cma, unsigned long count, unsigned int align, bool no_warn);

bool cma_pages_valid(struct cma *cma, const struct page *pages, unsigned long count);

bool cma_release(struct cma *cma, const struct page *pages, unsigned long count);

int cma_for_each_area(int (*it)(struct cma *cma, void *data), void *data);

unsigned long cma_used_pages(struct cma *cma);

void cma_reset(void);

#endif /* _CMA_H */
