/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 L1 cache maintenance to the point of coherency (Linux's
 * arch/arm/mm/cache-v7.S, the part a memory manager needs): by virtual
 * address for DMA buffers, and by set/way for the whole data cache before
 * the caches go off (power-off, reboot).
 *
 * Every routine ends with a DSB: the ARM ARM (B2.2.7) orders a cache
 * maintenance instruction only against later explicit accesses after a
 * DSB, and a device's access is one we cannot order any other way.  The
 * set/way walk also ends with an ISB, as CSSELR changed.
 *
 * These clean and invalidate this CPU's caches.  On an MPCore with the
 * SCU on and ACTLR.FW set, the by-VA operations are broadcast to the other
 * cores (Cortex-A9 TRM 4.3.10); set/way operations never are.
 */
#include <asm/dma-direction.h>

	.syntax	unified
	.arm
	.text

/*
 * Cortex-A9 erratum 764369 (all revisions, two or more cores): a
 * cache maintenance operation by MVA on Inner Shareable memory may
 * not complete to the point of coherency or unification unless a
 * DSB precedes it (the other half, a bit in the SCU's diagnostic
 * register, is set by scu_enable()).  Linux patches the DSB in on SMP
 * kernels only (ALT_SMP); a DSB costs little on one core.
 */
	.macro	dsb_erratum_764369
	dsb
	.endm

/*
 * dcache_line r: the smallest data cache line in bytes (CTR.DminLine is
 * log2 of the words), as Linux's dcache_line_size.
 */
	.macro	dcache_line, reg, tmp
	mrc	p15, 0, \tmp, c0, c0, 1		@ CTR
	ubfx	\tmp, \tmp, #16, #4		@ DminLine
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * v7_dma_inv_range(start, end): invalidate [start, end) to the PoC.  A
 * partial line at either edge holds bytes outside the buffer that may be
 * dirty; those lines are cleaned and invalidated, never simply dropped.
 */
	.globl	v7_dma_inv_range
	.type	v7_dma_inv_range, %function
v7_dma_inv_range:
	dcache_line r2, r3
	sub	r3, r2, #1
	tst	r0, r3
	bic	r0, r0, r3
	dsb_erratum_764369
	mcrne	p15, 0, r0, c7, c14, 1		@ DCCIMVAC: the first line is shared
	addne	r0, r0, r2
	tst	r1, r3
	bic	r1, r1, r3
	mcrne	p15, 0, r1, c7, c14, 1		@ DCCIMVAC: the last line is shared
1:	cmp	r0, r1
	mcrlo	p15, 0, r0, c7, c6, 1		@ DCIMVAC
	addlo	r0, r0, r2
	blo	1b
	dsb	st
	bx	lr
	.size	v7_dma_inv_range, . - v7_dma_inv_range

/* v7_dma_clean_range(start, end): write back [start, end) to the PoC. */
	.globl	v7_dma_clean_range
	.type	v7_dma_clean_range, %function
v7_dma_clean_range:
	dcache_line r2, r3
	sub	r3, r2, #1
	bic	r0, r0, r3
	dsb_erratum_764369
1:	cmp	r0, r1
	mcrlo	p15, 0, r0, c7, c10, 1		@ DCCMVAC
	addlo	r0, r0, r2
	blo	1b
	dsb	st
	bx	lr
	.size	v7_dma_clean_range, . - v7_dma_clean_range

/* v7_dma_flush_range(start, end): write back and invalidate [start, end). */
	.globl	v7_dma_flush_range
	.type	v7_dma_flush_range, %function
v7_dma_flush_range:
	dcache_line r2, r3
	sub	r3, r2, #1
	bic	r0, r0, r3
	dsb_erratum_764369
1:	cmp	r0, r1
	mcrlo	p15, 0, r0, c7, c14, 1		@ DCCIMVAC
	addlo	r0, r0, r2
	blo	1b
	dsb	st
	bx	lr
	.size	v7_dma_flush_range, . - v7_dma_flush_range

/*
 * v7_dma_map_area(start, size, dir): before the device's access.  A device
 * that will write (DMA_FROM_DEVICE) must not have its data overwritten by
 * a later eviction: invalidate.  One that reads must see what the CPU
 * wrote: clean.
 */
	.globl	v7_dma_map_area
	.type	v7_dma_map_area, %function
v7_dma_map_area:
	add	r1, r1, r0
	cmp	r2, #DMA_FROM_DEVICE
	beq	v7_dma_inv_range
	b	v7_dma_clean_range
	.size	v7_dma_map_area, . - v7_dma_map_area

/*
 * v7_dma_unmap_area(start, size, dir): after the device's access.  Lines
 * the CPU fetched speculatively while the device wrote are stale: drop
 * them, unless the device only read.
 */
	.globl	v7_dma_unmap_area
	.type	v7_dma_unmap_area, %function
v7_dma_unmap_area:
	add	r1, r1, r0
	cmp	r2, #DMA_TO_DEVICE
	bne	v7_dma_inv_range
	bx	lr
	.size	v7_dma_unmap_area, . - v7_dma_unmap_area

/*
 * v7_flush_dcache_all: clean and invalidate every data or unified cache
 * level up to the level of coherency, by set/way (ARM ARM B4.2.1's
 * CLIDR/CCSIDR walk).  On the Cortex-A9 that is L1 alone: the PL310 is
 * outside the CPU and has its own operations (outer_flush_all).
 * Clobbers r0-r3, r12; saves r4-r7.
 */
	.globl	v7_flush_dcache_all
	.type	v7_flush_dcache_all, %function
v7_flush_dcache_all:
	push	{r4-r7}
	dmb					@ earlier stores before the walk
	mrc	p15, 1, r0, c0, c0, 1		@ CLIDR
	ubfx	r3, r0, #24, #3			@ LoC
	lsl	r3, r3, #1			@ as a CSSELR level field
	mov	r12, #0				@ CSSELR value: level << 1, data
.Llevel:
	cmp	r12, r3
	bge	.Ldone
	add	r1, r12, r12, lsr #1		@ 3 * level: its Ctype field
	lsr	r1, r0, r1
	and	r1, r1, #7
	cmp	r1, #2				@ 0 none, 1 instruction only
	blt	.Lnext
	mcr	p15, 2, r12, c0, c0, 0		@ CSSELR
	isb					@ CCSIDR now describes that level
	mrc	p15, 1, r1, c0, c0, 0		@ CCSIDR
	and	r2, r1, #7
	add	r2, r2, #4			@ log2(line bytes): the set field's shift
	ubfx	r4, r1, #3, #10			@ ways - 1
	clz	r5, r4				@ the way field's shift
	ubfx	r6, r1, #13, #15		@ sets - 1
.Lway:
	mov	r7, r6
.Lset:
	orr	r1, r12, r4, lsl r5
	orr	r1, r1, r7, lsl r2
	mcr	p15, 0, r1, c7, c14, 2		@ DCCISW
	subs	r7, r7, #1
	bge	.Lset
	subs	r4, r4, #1
	bge	.Lway
.Lnext:
	add	r12, r12, #2
	b	.Llevel
.Ldone:
	mov	r12, #0
	mcr	p15, 2, r12, c0, c0, 0		@ CSSELR back to L1 data
	dsb	st
	isb
	pop	{r4-r7}
	bx	lr
	.size	v7_flush_dcache_all, . - v7_flush_dcache_all

/*
 * v7_flush_kern_cache_all: the data caches as above, then the instruction
 * cache and branch predictor, whose contents may be older than the code.
 */
	.globl	v7_flush_kern_cache_all
	.type	v7_flush_kern_cache_all, %function
v7_flush_kern_cache_all:
	push	{r4, lr}
	bl	v7_flush_dcache_all
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	dsb
	isb
	pop	{r4, pc}
	.size	v7_flush_kern_cache_all, . - v7_flush_kern_cache_all
