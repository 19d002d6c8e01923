/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Cortex-A9 MPCore's Snoop Control Unit (arch/arm/kernel/smp_scu.c),
 * Linux's asm/smp_scu.h.
 */
#ifndef _ASM_SMP_SCU_H
#define _ASM_SMP_SCU_H

#include "types.h"
#include <asm/cp15.h>
#include <asm/cputype.h>
#include <asm/io.h>

/* Linux's: only a Cortex-A9's CBAR holds PERIPHBASE. */
static inline bool scu_a9_has_base(void)
{
	return read_cpuid_part() == ARM_CPU_PART_CORTEX_A9;
}

/* PERIPHBASE, the SCU's physical address, from CBAR (bits 12:0 are not part of it). */
static inline phys_addr_t scu_a9_get_base(void)
{
	return read_cbar() & ~0x1fffu;
}

unsigned int scu_get_core_count(void __iomem *base);
void scu_enable(void __iomem *base);
int scu_764369_state(void);
void __iomem *scu_base_for_test(phys_addr_t *phys);
void smp_scu_setup(const void *fdt);

#endif /* _ASM_SMP_SCU_H */
