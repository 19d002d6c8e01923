/* SPDX-License-Identifier: GPL-2.0 */
/* Masking IRQs on the local CPU through CPSR.I, as Linux's irqflags.h. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include "types.h"
#include <asm/ptrace.h>

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

/* Were interrupts masked when @flags was saved? */
static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return (flags & PSR_I_BIT) != 0;
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" : : : "memory", "cc");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" : : : "memory", "cc");
}

static inline bool arch_irqs_disabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags) : : "memory", "cc");
	return arch_irqs_disabled_flags(flags);
}

#define local_irq_enable()  arch_local_irq_enable()
#define local_irq_disable() arch_local_irq_disable()
#define irqs_disabled()	    arch_irqs_disabled()

#endif /* _ASM_IRQFLAGS_H */
