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

void dma_contiguous_reserve(phys_addr_t addr_limit);

int dma_contiguous_reserve_area(phys_addr_t size, phys_addr_t base, phys_addr_t limit,
				struct cma **res_cma, bool fixed);

struct page *dma_alloc_from_contiguous(struct device *dev, size_t count, unsigned int align,
				       bool no_warn);

bool dma_release_from_contiguous(struct device *dev, struct page *pages, int count);

void dma_contiguous_reset(void);

/* Before pages are used through an uncached mapping (arch/arm/mm/dma-mapping.c). */
void arch_dma_prep_coherent(struct page *page, size_t size);

#endif /* _DMA_MAP_OPS_H */
