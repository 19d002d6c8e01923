/* SPDX-License-Identifier: GPL-2.0 */
/* The host has no interrupts to mask: the flags word is only carried through. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

static inline unsigned long arch_local_irq_save(void)
{
	return 0;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	(void)flags;
}

#endif /* _ASM_IRQFLAGS_H */
