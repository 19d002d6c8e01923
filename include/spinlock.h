/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks, with Linux's API.  Until secondary CPUs run, this is the
 * uniprocessor implementation Linux itself compiles to without CONFIG_SMP:
 * a lock is only a compiler barrier, and the _irqsave forms mask interrupts
 * through the architecture's asm/irqflags.h.
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include "compiler.h"
#include <asm/irqflags.h>

typedef struct {
	int unused;
} spinlock_t;

#define DEFINE_SPINLOCK(x) spinlock_t x = {0}

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->unused = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	(void)lock;
	barrier();
}

static inline void spin_unlock(spinlock_t *lock)
{
	(void)lock;
	barrier();
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

#endif /* _SPINLOCK_H */
