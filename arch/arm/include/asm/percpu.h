/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The running CPU's per-CPU offset lives in TPIDRPRW, the PL1-only
 * software thread ID register (CP15 c13, c0, 4), as in Linux: one MRC,
 * no memory access, and nothing a lower privilege level can change.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include "compiler.h"

#define PER_CPU_SECTION ".data..percpu"

/**
 * set_my_cpu_offset - make this CPU's per-CPU accesses reach its own area
 * @off: per_cpu_offset() of this CPU (0 for the template, before setup)
 */
static inline void set_my_cpu_offset(unsigned long off)
{
	/* "memory": no per-CPU access moves across the switch. */
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" : : "r"(off) : "memory");
}

/*
 * Not volatile, so the compiler may reuse one read within a function; the
 * dummy read of the stack keeps it from moving the read across a compiler
 * barrier (and so across set_my_cpu_offset()), as Linux's does.
 */
static __always_inline unsigned long __my_cpu_offset(void)
{
	register unsigned long sp __asm__("sp");
	unsigned long off;

	__asm__("mrc p15, 0, %0, c13, c0, 4" : "=r"(off) : "Q"(*(const unsigned long *)sp));
	return off;
}

#endif /* _ASM_PERCPU_H */
