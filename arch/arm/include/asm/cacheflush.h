/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's own (L1) cache maintenance, as Linux's asm/cacheflush.h with
 * MULTI_CACHE: a table of the processor's routines (arch/arm/mm/cache-v7.S
 * for ARMv7) that the DMA code calls through, so that a test can watch
 * which operations reach the caches and in what order.
 *
 * Addresses are kernel virtual; the operations reach the point of
 * coherency (memory, or the outer cache when there is one).
 */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

#include "types.h"

/**
 * struct cpu_cache_fns - one processor's L1 maintenance (Linux's)
 * @flush_kern_all: clean and invalidate the whole data cache by set/way,
 *                  and the instruction cache
 * @dma_map_area: before a device reads or writes [start, start + size):
 *                invalidate for DMA_FROM_DEVICE, else clean
 * @dma_unmap_area: after a device wrote [start, start + size): invalidate
 *                  unless the direction was DMA_TO_DEVICE
 * @dma_flush_range: clean and invalidate [start, end)
 */
struct cpu_cache_fns {
	void (*flush_kern_all)(void);
	void (*dma_map_area)(const void *start, size_t size, int dir);
	void (*dma_unmap_area)(const void *start, size_t size, int dir);
	void (*dma_flush_range)(const void *start, const void *end);
};

extern struct cpu_cache_fns cpu_cache;

/* The ARMv7 routines (arch/arm/mm/cache-v7.S). */
void v7_flush_kern_cache_all(void);
void v7_flush_dcache_all(void);
void v7_dma_map_area(const void *start, size_t size, int dir);
void v7_dma_unmap_area(const void *start, size_t size, int dir);
void v7_dma_flush_range(const void *start, const void *end);
void v7_dma_inv_range(const void *start, const void *end);
void v7_dma_clean_range(const void *start, const void *end);

/* flush_cache_all - clean and invalidate every L1 cache of this CPU */
static inline void flush_cache_all(void)
{
	cpu_cache.flush_kern_all();
}

#define dmac_map_area	 cpu_cache.dma_map_area
#define dmac_unmap_area	 cpu_cache.dma_unmap_area
#define dmac_flush_range cpu_cache.dma_flush_range

#endif /* _ASM_CACHEFLUSH_H */
