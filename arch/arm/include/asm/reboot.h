/* SPDX-License-Identifier: GPL-2.0 */
/* Stopping the machine: power off when done, halt on a fatal error. */
#ifndef _ASM_REBOOT_H
#define _ASM_REBOOT_H

#include "compiler.h"
#include "types.h"

void __noreturn machine_power_off(int status);

void __noreturn machine_halt(void);

void machine_power_init(const void *fdt);

#endif /* _ASM_REBOOT_H */
