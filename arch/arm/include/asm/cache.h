/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cache geometry the portable code may use (Linux's asm/cache.h).
 *
 * The Cortex-A9's L1 lines (and the PL310's) are 32 bytes.  Linux's
 * multi-platform ARM kernels say 64 (CONFIG_ARM_L1_CACHE_SHIFT=6, for the
 * Cortex-A15), so their boot log reads "SLUB: HWalign=64" where ours reads
 * 32: we build for one CPU and use its real line size.
 */
#ifndef _ASM_CACHE_H
#define _ASM_CACHE_H

#define L1_CACHE_SHIFT 5
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)

/*
 * The alignment that keeps data of different CPUs on different lines; the
 * default of memblock allocations that name none (Linux's linux/cache.h
 * makes it L1_CACHE_BYTES too).
 */
#define SMP_CACHE_BYTES L1_CACHE_BYTES

/* The smallest alignment of any slab object (Linux's ARCH_SLAB_MINALIGN). */
#define ARCH_SLAB_MINALIGN 8

#endif /* _ASM_CACHE_H */
