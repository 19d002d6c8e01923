/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The streaming DMA API's cache side (Linux's linux/dma-mapping.h, the
 * part a memory manager provides): a buffer the CPU and a device both
 * touch is handed over with dma_sync_single_for_device() before the
 * device's access and dma_sync_single_for_cpu() after it.  The code is
 * arch/arm/mm/dma-mapping.c.
 *
 * A buffer both sides use at any time without syncs comes from
 * dma_alloc_coherent(): CMA pages the CPU sees through an uncached mapping.
 *
 * DMA addresses are physical addresses here: none of our boards puts an
 * IOMMU or a dma-ranges offset between a device and RAM.
 */
#ifndef _DMA_MAPPING_H
#define _DMA_MAPPING_H

#include "types.h"
#include <asm/dma-direction.h>

struct device;

typedef phys_addr_t dma_addr_t;

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir);
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);

#endif /* _DMA_MAPPING_H */
