/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The unordered atomic read-modify-writes under include/atomic.h and
 * include/bitops.h: LDREX/STREX loops, as Linux's asm/atomic.h and
 * asm/bitops.h.  A STREX fails (and the loop retries) when anything else
 * wrote the word since the LDREX.  The "+Qo" operand tells the compiler
 * the word is read and written; no ordering is implied, except by the
 * _acquire forms.
 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include "compiler.h"
#include <asm/barrier.h>

/* *v += i, returning the new value; the same loop for an int and a long (32 bits both). */
#define ARCH_ADD_RETURN(name, type, atomic_type)                                       \
	static __always_inline type name(type i, atomic_type *v)                       \
	{                                                                              \
		unsigned long failed;                                                  \
		type result;                                                           \
                                                                                       \
		__asm__ __volatile__("1:	ldrex	%0, [%3]\n"                             \
				     "	add	%0, %0, %4\n"                               \
				     "	strex	%1, %0, [%3]\n"                           \
				     "	teq	%1, #0\n"                                   \
				     "	bne	1b"                                         \
				     : "=&r"(result), "=&r"(failed), "+Qo"(v->counter) \
				     : "r"(&v->counter), "Ir"(i)                       \
				     : "cc");                                          \
		return result;                                                         \
	}

ARCH_ADD_RETURN(arch_atomic_add_return_relaxed, int, atomic_t)
ARCH_ADD_RETURN(arch_atomic_long_add_return_relaxed, long, atomic_long_t)
#undef ARCH_ADD_RETURN

static __always_inline int arch_atomic_cmpxchg_relaxed(atomic_t *v, int old, int new)
{
	unsigned long failed;
	int found;

	do {
		__asm__ __volatile__("	ldrex	%1, [%3]\n"
				     "	mov	%0, #0\n"
				     "	teq	%1, %4\n"
				     "	strexeq	%0, %5, [%3]"
				     : "=&r"(failed), "=&r"(found), "+Qo"(v->counter)
				     : "r"(&v->counter), "Ir"(old), "r"(new)
				     : "cc");
	} while (failed);
	return found;
}

/*
 * arch_fetch_or_relaxed(p, mask): *p |= mask (test_and_set_bit, set_bit);
 * arch_fetch_andnot_relaxed(p, mask): *p &= ~mask (test_and_clear_bit,
 * clear_bit).  Both return the word's old value.
 */
#define ARCH_FETCH_OP(op, insn)                                                                   \
	static __always_inline unsigned long arch_fetch_##op##_relaxed(volatile unsigned long *p, \
								       unsigned long mask)        \
	{                                                                                         \
		unsigned long old, new, failed;                                                   \
                                                                                                  \
		__asm__ __volatile__("1:	ldrex	%0, [%4]\n"                                        \
				     "	" insn "	%1, %0, %5\n"                                    \
				     "	strex	%2, %1, [%4]\n"                                      \
				     "	teq	%2, #0\n"                                              \
				     "	bne	1b"                                                    \
				     : "=&r"(old), "=&r"(new), "=&r"(failed), "+Qo"(*p)           \
				     : "r"(p), "Ir"(mask)                                         \
				     : "cc");                                                     \
		return old;                                                                       \
	}

ARCH_FETCH_OP(or, "orr")
ARCH_FETCH_OP(andnot, "bic")
#undef ARCH_FETCH_OP

/* arch_fetch_or_relaxed, then a DMB: ARMv7 has no load-acquire exclusive. */
static __always_inline unsigned long arch_fetch_or_acquire(volatile unsigned long *p,
							   unsigned long mask)
{
	unsigned long old = arch_fetch_or_relaxed(p, mask);

	smp_mb();
	return old;
}

/* arch_atomic_cmpxchg_relaxed, then a DMB, likewise. */
static __always_inline int arch_atomic_cmpxchg_acquire(atomic_t *v, int old, int new)
{
	int found = arch_atomic_cmpxchg_relaxed(v, old, new);

	smp_mb();
	return found;
}

#endif /* _ASM_ATOMIC_H */
