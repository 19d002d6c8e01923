/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ticket lock on the host, in C11 atomics, so the host suites run mm/
 * on pthreads with the target's semantics: the same {owner, next} word
 * (arch/arm/include/asm/spinlock.h), tickets served in order, acquire on
 * lock and release on unlock.  Waiting yields the core (cpu_relax()), since
 * host tests run more threads than the machine has cores.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include "compiler.h"
#include "types.h"
#include <asm/processor.h>

#define TICKET_SHIFT 16
#define TICKET_MASK  0xffffu

typedef struct {
	u32 slock; /* owner in bits 15:0, next in bits 31:16, as on the target */
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		0                 \
	}

static inline bool arch_ticket_free(u32 slock)
{
	return (slock & TICKET_MASK) == slock >> TICKET_SHIFT;
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 old = __atomic_fetch_add(&lock->slock, 1u << TICKET_SHIFT, __ATOMIC_ACQUIRE);
	u32 ticket = old >> TICKET_SHIFT;

	while ((__atomic_load_n(&lock->slock, __ATOMIC_ACQUIRE) & TICKET_MASK) != ticket)
		cpu_relax();
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = __atomic_load_n(&lock->slock, __ATOMIC_RELAXED);

	while (arch_ticket_free(old))
		if (__atomic_compare_exchange_n(&lock->slock, &old, old + (1u << TICKET_SHIFT),
						false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return 1;
	return 0;
}

/* owner + 1 without carrying into next when it wraps at 0xffff. */
static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	u32 old = __atomic_load_n(&lock->slock, __ATOMIC_RELAXED), new;

	do
		new = (old & ~TICKET_MASK) | ((old + 1) & TICKET_MASK);
	while (!__atomic_compare_exchange_n(&lock->slock, &old, new, false, __ATOMIC_RELEASE,
					    __ATOMIC_RELAXED));
}

static inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	return !arch_ticket_free(__atomic_load_n(&lock->slock, __ATOMIC_RELAXED));
}

#endif /* _ASM_SPINLOCK_H */
