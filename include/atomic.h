/* SPDX-License-Identifier: GPL-2.0 */
/*
 * atomic_t, with Linux's API and ordering rules (Documentation/atomic_t.txt):
 * atomic_read/atomic_set and the operations that return nothing
 * (atomic_inc, atomic_dec, atomic_add, atomic_sub, and atomic_long_t's
 * read, set and add) are atomic but order nothing; the ones that return a value (atomic_*_return,
 * atomic_dec_and_test, atomic_cmpxchg) are fully ordered, as if an
 * smp_mb() stood on both sides.  The architecture supplies the unordered
 * read-modify-write (asm/atomic.h: LDREX/STREX on the target, __atomic
 * builtins on the host); the ordering is added here, once.
 */
#ifndef _ATOMIC_H
#define _ATOMIC_H

#include "compiler.h"
#include "types.h"

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) \
	{              \
		(i)    \
	}

/*
 * atomic_long_t: a long's worth, with the unordered atomic_t operations
 * (Linux maps it to atomic_t on 32-bit, as a long is an int there; the
 * host's long is 64 bits).
 */
typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_LONG_INIT(i) ATOMIC_INIT(i)

#include <asm/atomic.h>
#include <asm/barrier.h>

static __always_inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_long_set(atomic_long_t *v, long i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline void atomic_long_add(long i, atomic_long_t *v)
{
	arch_atomic_long_add_return_relaxed(i, v);
}

static __always_inline void atomic_add(int i, atomic_t *v)
{
	arch_atomic_add_return_relaxed(i, v);
}

static __always_inline void atomic_sub(int i, atomic_t *v)
{
	arch_atomic_add_return_relaxed(-i, v);
}

static __always_inline void atomic_inc(atomic_t *v)
{
	arch_atomic_add_return_relaxed(1, v);
}

static __always_inline void atomic_dec(atomic_t *v)
{
	arch_atomic_add_return_relaxed(-1, v);
}

static __always_inline int atomic_add_return(int i, atomic_t *v)
{
	int ret;

	smp_mb();
	ret = arch_atomic_add_return_relaxed(i, v);
	smp_mb();
	return ret;
}

static __always_inline int atomic_sub_return(int i, atomic_t *v)
{
	return atomic_add_return(-i, v);
}

static __always_inline int atomic_inc_return(atomic_t *v)
{
	return atomic_add_return(1, v);
}

static __always_inline int atomic_dec_return(atomic_t *v)
{
	return atomic_add_return(-1, v);
}

/* Return: true if the counter reached zero (the last reference went). */
static __always_inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_add_return(-1, v) == 0;
}

/*
 * A lock's pair (Linux's): the cmpxchg that takes it orders what follows
 * (acquire), the store that frees it what precedes (release).
 */
static __always_inline int atomic_cmpxchg_acquire(atomic_t *v, int old, int new)
{
	return arch_atomic_cmpxchg_acquire(v, old, new);
}

static __always_inline void atomic_set_release(atomic_t *v, int i)
{
	smp_store_release(&v->counter, i);
}

/* Store @new if the counter is @old.  Return: the value found (@old on success). */
static __always_inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int ret;

	smp_mb();
	ret = arch_atomic_cmpxchg_relaxed(v, old, new);
	smp_mb();
	return ret;
}

#endif /* _ATOMIC_H */
