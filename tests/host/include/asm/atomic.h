/* SPDX-License-Identifier: GPL-2.0 */
/* The unordered read-modify-writes of include/atomic.h and bitops.h, as C11 relaxed atomics. */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

static inline int arch_atomic_add_return_relaxed(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long arch_atomic_long_add_return_relaxed(long i, atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int arch_atomic_cmpxchg_relaxed(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_RELAXED,
				    __ATOMIC_RELAXED);
	return old; /* on failure, the value found */
}

static inline int arch_atomic_cmpxchg_acquire(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_ACQUIRE,
				    __ATOMIC_RELAXED);
	return old;
}

static inline unsigned long arch_fetch_or_relaxed(volatile unsigned long *p, unsigned long mask)
{
	return __atomic_fetch_or(p, mask, __ATOMIC_RELAXED);
}

static inline unsigned long arch_fetch_or_acquire(volatile unsigned long *p, unsigned long mask)
{
	return __atomic_fetch_or(p, mask, __ATOMIC_ACQUIRE);
}

static inline unsigned long arch_fetch_andnot_relaxed(volatile unsigned long *p, unsigned long mask)
{
	return __atomic_fetch_and(p, ~mask, __ATOMIC_RELAXED);
}

#endif /* _ASM_ATOMIC_H */
