/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MMIO accessors.  As Linux's readl/writel: a write is ordered after earlier
 * writes to normal memory (DSB ST first, and with a PL310 a cache sync that
 * drains its store buffer too, Linux's wmb() with CONFIG_OUTER_CACHE_SYNC:
 * so a device sees a buffer the CPU filled), and a read is ordered before
 * later normal-memory reads (DMB).
 * The _relaxed forms order only against other device accesses.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include "types.h"
#include <asm/outercache.h>

#define __iomem

static inline u32 readl_relaxed(const volatile void __iomem *addr)
{
	u32 v;

	__asm__ __volatile__("ldr %0, %1" : "=r"(v) : "Qo"(*(const volatile u32 *)addr));
	return v;
}

static inline void writel_relaxed(u32 v, volatile void __iomem *addr)
{
	__asm__ __volatile__("str %1, %0" : "+Qo"(*(volatile u32 *)addr) : "r"(v));
}

/* Byte-wide registers (8250s with reg-io-width = <1>). */
static inline u8 readb_relaxed(const volatile void __iomem *addr)
{
	u8 v;

	__asm__ __volatile__("ldrb %0, %1" : "=r"(v) : "Qo"(*(const volatile u8 *)addr));
	return v;
}

static inline void writeb_relaxed(u8 v, volatile void __iomem *addr)
{
	__asm__ __volatile__("strb %1, %0" : "+Qo"(*(volatile u8 *)addr) : "r"(v));
}

static inline u32 readl(const volatile void __iomem *addr)
{
	u32 v = readl_relaxed(addr);

	__asm__ __volatile__("dmb" : : : "memory");
	return v;
}

static inline void writel(u32 v, volatile void __iomem *addr)
{
	__asm__ __volatile__("dsb st" : : : "memory");
	outer_sync();
	writel_relaxed(v, addr);
}

void __iomem *early_ioremap(phys_addr_t phys, size_t size);

void __iomem *ioremap(phys_addr_t phys, size_t size);

void iounmap(volatile void __iomem *addr);

#endif /* _ASM_IO_H */
