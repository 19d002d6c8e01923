/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks, with Linux's API over the architecture's ticket lock
 * (asm/spinlock.h: LDREX/STREX and WFE/SEV on the target, C11 atomics on
 * the host).  The _irqsave forms also mask interrupts on this CPU, for
 * data an interrupt handler may touch; as in Linux, the lock is taken
 * after masking and dropped before unmasking, so a handler never spins on
 * a lock its own CPU holds.
 *
 * Deliberately without Linux's CONFIG_DEBUG_SPINLOCK (owner and recursion
 * checks) and lockdep: the lock path stays a few inline instructions.
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include "compiler.h"
#include <asm/irqflags.h>
#include <asm/spinlock.h>

typedef struct spinlock {
	arch_spinlock_t raw_lock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)                    \
	{                                             \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED \
	}
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void spin_lock_init(spinlock_t *lock)
{
	*lock = (spinlock_t)__SPIN_LOCK_UNLOCKED(*lock);
}

static __always_inline void spin_lock(spinlock_t *lock)
{
	arch_spin_lock(&lock->raw_lock);
}

/* Return: 1 if the lock was free and is now ours, 0 if someone holds it. */
static __always_inline int spin_trylock(spinlock_t *lock)
{
	return arch_spin_trylock(&lock->raw_lock);
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
}

/* Someone (maybe this CPU) holds it: for assertions, never for locking. */
static __always_inline bool spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw_lock);
}

#define spin_lock_irqsave(lock, flags)         \
	do {                                   \
		flags = arch_local_irq_save(); \
		spin_lock(lock);               \
	} while (0)

#define spin_unlock_irqrestore(lock, flags)    \
	do {                                   \
		spin_unlock(lock);             \
		arch_local_irq_restore(flags); \
	} while (0)

/* Evaluates to 1 with the lock held and interrupts masked, or to 0 with neither. */
#define spin_trylock_irqsave(lock, flags)                                    \
	({                                                                   \
		flags = arch_local_irq_save();                               \
		spin_trylock(lock) ? 1 : (arch_local_irq_restore(flags), 0); \
	})

#endif /* _SPINLOCK_H */
