/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit operations on arrays of unsigned long, with Linux's names and
 * ordering: set_bit/clear_bit are atomic and unordered;
 * test_and_set_bit/test_and_clear_bit are atomic and fully ordered (an
 * smp_mb() on both sides, so a test_and_set_bit that wins can guard what
 * follows); test_and_set_bit_lock orders only what follows it (acquire),
 * all a lock needs; __set_bit/__clear_bit are plain read-modify-writes for data no
 * other CPU touches; test_bit is one READ_ONCE, so it may race with the
 * atomic forms.
 */
#ifndef _BITOPS_H
#define _BITOPS_H

#include "atomic.h"
#include "kernel.h"

#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)

static __always_inline void set_bit(unsigned long nr, volatile unsigned long *addr)
{
	arch_fetch_or_relaxed(addr + BIT_WORD(nr), BIT_MASK(nr));
}

static __always_inline void clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	arch_fetch_andnot_relaxed(addr + BIT_WORD(nr), BIT_MASK(nr));
}

/* Return: true if the bit was already set (someone else won it). */
static __always_inline bool test_and_set_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long old;

	smp_mb();
	old = arch_fetch_or_relaxed(addr + BIT_WORD(nr), BIT_MASK(nr));
	smp_mb();
	return old & BIT_MASK(nr);
}

/*
 * Return: true if the bit was already set.  Acquire only: nothing after a
 * winning call is seen before it, as a lock needs (Linux's
 * test_and_set_bit_lock).  The matching unlock is a release store.
 */
static __always_inline bool test_and_set_bit_lock(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long old = arch_fetch_or_acquire(addr + BIT_WORD(nr), BIT_MASK(nr));

	return old & BIT_MASK(nr);
}

/* Return: true if the bit was set (this call cleared it). */
static __always_inline bool test_and_clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long old;

	smp_mb();
	old = arch_fetch_andnot_relaxed(addr + BIT_WORD(nr), BIT_MASK(nr));
	smp_mb();
	return old & BIT_MASK(nr);
}

static __always_inline void __set_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static __always_inline void __clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static __always_inline bool test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	return (READ_ONCE(addr[BIT_WORD(nr)]) & BIT_MASK(nr)) != 0;
}

#endif /* _BITOPS_H */
