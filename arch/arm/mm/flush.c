// SPDX-License-Identifier: GPL-2.0
/*
 * The processor's cache routines (Linux's MULTI_CACHE cpu_cache): ARMv7's,
 * from arch/arm/mm/cache-v7.S.  Callers go through the table, so a
 * self-test can put a recorder in its place and see which operations a
 * DMA sync issues and in what order (tests/target/cache_test.c).
 */
#include "types.h"
#include <asm/cacheflush.h>

struct cpu_cache_fns cpu_cache = {
	.flush_kern_all = v7_flush_kern_cache_all,
	.dma_map_area = v7_dma_map_area,
	.dma_unmap_area = v7_dma_unmap_area,
	.dma_flush_range = v7_dma_flush_range,
};
