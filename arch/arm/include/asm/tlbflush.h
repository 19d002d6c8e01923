/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Making page-table writes visible to the table walker, and TLB
 * maintenance, by the ARMv7 rules (ARM ARM B3.10):
 *  - after writing a descriptor: if the walker is not coherent with the
 *    data cache (ID_MMFR3.CohWalk == 0), clean the line to the point of
 *    unification; then DSB so the walker can see it;
 *  - after changing a valid entry: TLB invalidate by MVA (inner-shareable
 *    on an SMP core, so the other cores drop it too), DSB, ISB; also
 *    BPIALL (BPIALLIS on SMP), since the branch predictor may hold the
 *    old mapping.
 * Entries that were invalid need no TLB maintenance: ARMv7 never caches a
 * translation that faults.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include "types.h"
#include <asm/cp15.h>

/* True once boot code found the walker coherent with L1 (set in setup.c). */
extern bool cpu_walk_coherent;
/* True on an SMP-capable core: use the inner-shareable broadcast forms. */
extern bool cpu_smp;

static inline void clean_dcache_line_pou(const void *addr)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r"(addr) : "memory"); /* DCCMVAU */
}

/** flush_pmd_entry - publish a written descriptor at @entry to the walker */
static inline void flush_pmd_entry(const void *entry)
{
	if (!cpu_walk_coherent)
		clean_dcache_line_pou(entry);
	dsb();
}

/*
 * One CP15 maintenance operation (coprocessor registers @is and @local,
 * "CRn, CRm, op2"), with @val: the inner-shareable form, which every CPU
 * of the cluster obeys, on an SMP core; the local one otherwise.
 */
#define cp15_maint_op(is, local, val)                                                           \
	do {                                                                                    \
		if (cpu_smp)                                                                    \
			__asm__ __volatile__("mcr p15, 0, %0, " is : : "r"(val) : "memory");    \
		else                                                                            \
			__asm__ __volatile__("mcr p15, 0, %0, " local : : "r"(val) : "memory"); \
	} while (0)

/*
 * The branch predictor may hold the old mapping too: on an SMP core every
 * CPU's (BPIALLIS, as Linux's v7wbi TLB routines with ALT_SMP), not only
 * this one's (BPIALL).
 */
static inline void flush_bp_all(void)
{
	cp15_maint_op("c7, c1, 6", "c7, c5, 6", 0);
}

/** flush_tlb_kernel_page - drop any TLB entry for @va on this CPU (and others if SMP) */
static inline void flush_tlb_kernel_page(unsigned long va)
{
	dsb();
	cp15_maint_op("c8, c3, 1", "c8, c7, 1", va & ~0xfffUL); /* TLBIMVAIS / TLBIMVA */
	flush_bp_all();
	dsb();
	isb();
}

/**
 * flush_tlb_kernel_range - drop the TLB entries of [@start, @end) after unmapping it
 *
 * One invalidate by MVA per page, then one barrier for all, as Linux's
 * v7wbi_flush_kern_tlb_range: cheaper than flush_tlb_all() for the sizes
 * vfree sees, and it keeps every other kernel translation cached.
 */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	dsb();
	for (unsigned long va = start & ~0xfffUL; va < end; va += 0x1000)
		cp15_maint_op("c8, c3, 1", "c8, c7, 1", va); /* TLBIMVAIS / TLBIMVA */
	flush_bp_all();
	dsb();
	isb();
}

/** flush_tlb_all - drop every TLB entry (after switching tables) */
static inline void flush_tlb_all(void)
{
	dsb();
	cp15_maint_op("c8, c3, 0", "c8, c7, 0", 0); /* TLBIALLIS / TLBIALL */
	flush_bp_all();
	dsb();
	isb();
}

#endif /* _ASM_TLBFLUSH_H */
