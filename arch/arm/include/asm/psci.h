/* SPDX-License-Identifier: GPL-2.0 */
/* PSCI power-off (arch/arm/kernel/psci.c). */
#ifndef _ASM_PSCI_H
#define _ASM_PSCI_H

void psci_dt_init(const void *fdt);
void psci_system_off(void);

#endif /* _ASM_PSCI_H */
