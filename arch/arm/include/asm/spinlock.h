/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ticket lock, as Linux's arch/arm/include/asm/spinlock.h: one 32-bit
 * word, the ticket now served (owner, low half) and the next ticket to hand
 * out (next, high half).  A CPU takes a ticket with one LDREX/STREX
 * increment of next and waits, in WFE, until owner reaches it; unlock
 * increments owner and wakes the waiters with SEV.  CPUs are served in the
 * order they took tickets, so no CPU starves however busy the lock is.
 *
 * Barriers (ARM ARM, "Use of barriers with exclusive accesses"): LDREX and
 * STREX order nothing by themselves, so lock ends with DMB ISH (nothing in
 * the critical section is seen before the lock is) and unlock starts with
 * one (nothing in it is seen after).  Unlock's DSB ISHST makes the new
 * owner visible before SEV: a waiter woken earlier could read the old value
 * and sleep again with no event left to wake it.
 *
 * Exclusives need Normal memory: on Strongly-ordered or Device memory
 * LDREX/STREX are implementation defined (ARMv7 ARM A3.4.5), and with the
 * MMU off every data access is Strongly-ordered.  So no lock is taken
 * before head.S turns the MMU on: head.S and boot_place.c (everything that
 * runs with the MMU off) take none, start_kernel checks the MMU is on
 * before anything can (smp_setup_processor_id), and the locking self-test
 * checks that locks live in Normal, write-back memory.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include "compiler.h"
#include "types.h"
#include <asm/barrier.h>

#define TICKET_SHIFT 16

typedef struct {
	union {
		u32 slock;
		struct {
			u16 owner; /* little-endian: the low half */
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		{                 \
			0         \
		}                 \
	}

/* Both halves equal: nobody holds the lock (word == word rotated by 16). */
static __always_inline bool arch_ticket_free(u32 slock)
{
	return slock == ((slock >> TICKET_SHIFT) | (slock << TICKET_SHIFT));
}

static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 old, new, failed;

	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	add	%1, %0, %4\n"
			     "	strex	%2, %1, [%3]\n"
			     "	teq	%2, #0\n"
			     "	bne	1b"
			     : "=&r"(old), "=&r"(new), "=&r"(failed)
			     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
			     : "cc", "memory");
	if (unlikely(!arch_ticket_free(old))) {
		u16 ticket = old >> TICKET_SHIFT;

		while (READ_ONCE(lock->tickets.owner) != ticket)
			wfe();
	}
	smp_mb();
}

/*
 * Take the lock only if it is free: a ticket is taken (STREX attempted)
 * only when owner == next, and a STREX that lost a race with another CPU
 * is retried, so a free lock is never reported busy.
 */
static __always_inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old, busy, failed;

	do {
		__asm__ __volatile__("	ldrex	%0, [%3]\n"
				     "	mov	%2, #0\n"
				     "	subs	%1, %0, %0, ror #16\n"
				     "	addeq	%0, %0, %4\n"
				     "	strexeq	%2, %0, [%3]"
				     : "=&r"(old), "=&r"(busy), "=&r"(failed)
				     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
				     : "cc", "memory");
	} while (failed);
	if (busy)
		return 0;
	smp_mb();
	return 1;
}

/*
 * Only the holder writes owner, so a plain halfword store will do; it
 * also clears any other CPU's exclusive reservation on the word, so a
 * concurrent ticket-taking STREX retries and sees it.
 */
static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	lock->tickets.owner++;
	dsb_sev();
}

static __always_inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	return !arch_ticket_free(READ_ONCE(lock->slock));
}

#endif /* _ASM_SPINLOCK_H */
