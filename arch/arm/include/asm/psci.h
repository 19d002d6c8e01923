/* SPDX-License-Identifier: GPL-2.0 */
/* PSCI: CPU_ON (for psci_smp.c) and power-off (arch/arm/kernel/psci.c). */
#ifndef _ASM_PSCI_H
#define _ASM_PSCI_H

#include "types.h"

void psci_dt_init(const void *fdt);
void psci_system_off(void);
bool psci_cpu_on_available(void);
int psci_cpu_on(u32 cpuid, unsigned long entry_point);

#endif /* _ASM_PSCI_H */
