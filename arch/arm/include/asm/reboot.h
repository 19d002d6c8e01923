/* SPDX-License-Identifier: GPL-2.0 */
/* Stopping the machine: power off when done, halt on a fatal error. */
#ifndef _ASM_REBOOT_H
#define _ASM_REBOOT_H

#include "compiler.h"
#include "types.h"

/**
 * machine_power_off - stop the machine after a normal end of run
 * @status: 0 for success, non-zero for failure (what the emulator exits with)
 *
 * Tries, in order: a semihosting exit (QEMU with -semihosting, or a
 * debugger), PSCI SYSTEM_OFF, the vexpress SYS_CFG shutdown (both found
 * in the DT by machine_power_init()), and finally halts the CPU.
 */
void __noreturn machine_power_off(int status);

/**
 * machine_halt - stop after a fatal error
 *
 * A semihosting exit with failure status if something is listening, else
 * the CPU waits for interrupts forever (they are masked): the last lines on
 * the console stay the last.
 */
void __noreturn machine_halt(void);

void machine_power_init(const void *fdt);

#endif /* _ASM_REBOOT_H */
