/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The outer (L2) cache, as Linux's asm/outercache.h: operations by
 * physical address that the caches beyond the CPU's own need in addition
 * to L1 maintenance.  The driver that finds one (arch/arm/mm/cache-l2x0.c)
 * fills in outer_cache; while it is empty, every call is a no-op, which is
 * right for a board with no outer cache.
 *
 * Ranges are [start, end): end is exclusive.  Callers clean or flush L1
 * first and the outer cache second when data goes out to memory, and
 * invalidate the outer cache first and L1 second when it comes in
 * (arch/arm/mm/dma-mapping.c).
 */
#ifndef _ASM_OUTERCACHE_H
#define _ASM_OUTERCACHE_H

#include "types.h"

/**
 * struct outer_cache_fns - one outer cache's maintenance (Linux's)
 * @inv_range: invalidate [start, end)
 * @clean_range: write back [start, end)
 * @flush_range: write back and invalidate [start, end)
 * @flush_all: write back and invalidate everything
 * @disable: flush everything and turn the cache off
 * @sync: drain the controller's buffers to memory
 */
struct outer_cache_fns {
	void (*inv_range)(unsigned long start, unsigned long end);
	void (*clean_range)(unsigned long start, unsigned long end);
	void (*flush_range)(unsigned long start, unsigned long end);
	void (*flush_all)(void);
	void (*disable)(void);
	void (*sync)(void);
};

extern struct outer_cache_fns outer_cache;

/* outer_inv_range - invalidate the outer cache's lines of [start, end) */
static inline void outer_inv_range(phys_addr_t start, phys_addr_t end)
{
	if (outer_cache.inv_range)
		outer_cache.inv_range((unsigned long)start, (unsigned long)end);
}

/* outer_clean_range - write back the outer cache's dirty lines of [start, end) */
static inline void outer_clean_range(phys_addr_t start, phys_addr_t end)
{
	if (outer_cache.clean_range)
		outer_cache.clean_range((unsigned long)start, (unsigned long)end);
}

/* outer_flush_range - write back and invalidate [start, end) in the outer cache */
static inline void outer_flush_range(phys_addr_t start, phys_addr_t end)
{
	if (outer_cache.flush_range)
		outer_cache.flush_range((unsigned long)start, (unsigned long)end);
}

/* outer_flush_all - write back and invalidate the whole outer cache */
static inline void outer_flush_all(void)
{
	if (outer_cache.flush_all)
		outer_cache.flush_all();
}

/* outer_disable - flush the outer cache and turn it off (power-off, reboot) */
static inline void outer_disable(void)
{
	if (outer_cache.disable)
		outer_cache.disable();
}

/* outer_sync - drain the outer cache's store buffer (Linux's wmb() does this too) */
static inline void outer_sync(void)
{
	if (outer_cache.sync)
		outer_cache.sync();
}

/*
 * arch_cpu_idle_enter - before this CPU waits for an interrupt (Linux's):
 * PL310 erratum 769419, the store buffer does not drain by itself when the
 * system goes idle, so a write barrier (on ARM with an outer cache, DSB ST
 * and a cache sync, Linux's wmb()) pushes it out.
 */
static inline void arch_cpu_idle_enter(void)
{
	__asm__ __volatile__("dsb st" : : : "memory");
	outer_sync();
}

int l2x0_of_init(const void *fdt);
void outer_cache_of_init(const void *fdt);
void l2c310_starting_cpu(void);

#endif /* _ASM_OUTERCACHE_H */
