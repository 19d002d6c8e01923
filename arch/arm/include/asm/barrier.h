/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 barriers, as Linux's asm/barrier.h.
 *
 * dmb(opt)/dsb(opt)/isb(opt) take the ARM ARM's option (sy, st, ish,
 * ishst, nsh, nshst, osh, oshst); empty means sy, the full system.  The
 * smp_* forms order memory between CPUs only, so they use the
 * inner-shareable domain, which holds every CPU of the MPCore cluster; the
 * mandatory mb/rmb/wmb forms also order against devices and DMA masters
 * (full system, with a DSB as Linux's, since a DMB does not wait for the
 * accesses to complete).
 *
 * Every one is a compiler barrier too ("memory" clobber).
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define isb(option) __asm__ __volatile__("isb " #option : : : "memory")
#define dsb(option) __asm__ __volatile__("dsb " #option : : : "memory")
#define dmb(option) __asm__ __volatile__("dmb " #option : : : "memory")

#define mb()	    dsb()
#define rmb()	    dsb()
#define wmb()	    dsb(st)

#define smp_mb()    dmb(ish)
#define smp_rmb()   smp_mb() /* ARMv7 has no load-only DMB */
#define smp_wmb()   dmb(ishst)

/*
 * A store that nothing before it can be seen after: the unlock of a lock
 * that is one word (Linux's smp_store_release; ARMv7 has no STL, so a DMB
 * and a plain store).
 */
#define smp_store_release(p, v)        \
	do {                           \
		smp_mb();              \
		WRITE_ONCE(*(p), (v)); \
	} while (0)

/* Linux's dsb_sev(): publish a store, then wake the CPUs waiting in WFE. */
#define dsb_sev() __asm__ __volatile__("dsb ishst\n\tsev" : : : "memory")
#define wfe()	  __asm__ __volatile__("wfe" : : : "memory")

#endif /* _ASM_BARRIER_H */
