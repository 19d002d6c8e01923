/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA side of CMA (the contiguous-memory part of Linux's
 * include/linux/dma-map-ops.h; the code is mm/dma_contiguous.c, Linux's
 * kernel/dma/contiguous.c).
 *
 * The default area is where a driver's large DMA buffers come from.  Its
 * size and place are chosen at boot, in Linux's order of precedence:
 *
 *	cma=SIZE[@BASE[-LIMIT]]        on the command line (cma=0: no area)
 *	a reusable shared-dma-pool     /reserved-memory node with linux,cma-default
 *	CONFIG_CMA_SIZE_MBYTES         16 MiB, anywhere below the DMA limit
 */
#ifndef _DMA_MAP_OPS_H
#define _DMA_MAP_OPS_H

#include "types.h"

struct cma;
struct page;

/* The default area's size when neither cma= nor the DT names one (Linux's Kconfig default). */
#ifndef CONFIG_CMA_SIZE_MBYTES
#define CONFIG_CMA_SIZE_MBYTES 16
#endif

/*
 * The largest alignment dma_alloc_from_contiguous() honours, as an order
 * (Linux's CONFIG_CMA_ALIGNMENT default: 2^8 pages, 1 MiB).
 */
#ifndef CONFIG_CMA_ALIGNMENT
#define CONFIG_CMA_ALIGNMENT 8
#endif

/**
 * struct device - the part of Linux's struct device CMA looks at
 * @cma_area: the device's own area (a DT memory-region), or NULL for the
 *            default area
 *
 * There is no driver model here; drivers and tests pass NULL or one of
 * these to get Linux's dev_get_cma_area() behaviour.
 */
struct device {
	struct cma *cma_area;
};

/* The default area, or NULL (cma=0, or no room for it). */
extern struct cma *dma_contiguous_default_area;

/** dev_get_cma_area - the area @dev allocates from: its own, else the default */
static inline struct cma *dev_get_cma_area(struct device *dev)
{
	if (dev && dev->cma_area)
		return dev->cma_area;
	return dma_contiguous_default_area;
}

/**
 * dma_contiguous_reserve - reserve the default area
 * @addr_limit: the highest address + 1 DMA can reach (ARM: arm_dma_limit),
 *              0 for any
 *
 * Called by the architecture from arm_memblock_init(), after the DT's
 * reservations: a reusable linux,cma-default node has then already become
 * the default area and nothing more is reserved.  Otherwise cma= (SIZE at
 * BASE exactly when BASE + SIZE = LIMIT, else anywhere in [BASE, LIMIT)) or
 * the built-in default size is reserved with cma_declare_contiguous().
 */
void dma_contiguous_reserve(phys_addr_t addr_limit);

/**
 * dma_contiguous_reserve_area - reserve an area for a device
 * @size: bytes
 * @base: physical base, 0 for any
 * @limit: end (exclusive) of where it may go, 0 for any
 * @res_cma: set to the new area
 * @fixed: exactly at @base
 *
 * Return: 0 or a negative errno (reported).
 */
int dma_contiguous_reserve_area(phys_addr_t size, phys_addr_t base, phys_addr_t limit,
				struct cma **res_cma, bool fixed);

/**
 * dma_alloc_from_contiguous - contiguous pages for a device
 * @dev: the device, or NULL for the default area
 * @count: pages
 * @align: alignment as an order, capped at CONFIG_CMA_ALIGNMENT
 * @no_warn: no message on failure
 *
 * Return: the first page, or NULL.
 */
struct page *dma_alloc_from_contiguous(struct device *dev, size_t count, unsigned int align,
				       bool no_warn);

/**
 * dma_release_from_contiguous - give back what dma_alloc_from_contiguous() returned
 * @dev: the same device
 * @pages: the first page
 * @count: the same count
 *
 * Return: false if the pages are not from @dev's area (nothing freed).
 */
bool dma_release_from_contiguous(struct device *dev, struct page *pages, int count);

/**
 * dma_contiguous_reset - forget cma= and the default area
 *
 * Not in Linux: host tests, mmsim and the fuzzer boot many times in one
 * process.  Also forgets every CMA area (cma_reset()).
 */
void dma_contiguous_reset(void);

#endif /* _DMA_MAP_OPS_H */
