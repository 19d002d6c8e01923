/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host has no interrupts, but each thread (each host "CPU") keeps the
 * state of its mask, so portable code that saves and restores it, and the
 * tests that check it, behave as on the target.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

extern __thread unsigned long host_irqs_disabled; /* tests/host/host_smp.c */

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_irqs_disabled;

	host_irqs_disabled = 1;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_irqs_disabled = flags;
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return flags != 0;
}

#endif /* _ASM_IRQFLAGS_H */
