/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _BOOT_SERIAL_H
#define _BOOT_SERIAL_H

#ifndef DEBUG_UART_PHYS
#define DEBUG_UART_PHYS 0x10009000 /* vexpress legacy map: UART0 */
#endif

/**
 * early_console_init - print through the debug UART that head.S mapped
 *
 * The UART is the board's DEBUG_UART_PHYS (a build setting, as Linux's
 * DEBUG_LL), mapped by head.S at the start of the early I/O window.
 */
void early_console_init(void);

/**
 * pl011_console_init - switch printk to the UART the DT's stdout-path names
 * @fdt: the device tree
 *
 * Maps the UART with ioremap() (so call it after paging_init), registers it
 * as "ttyAMA0" and retires the boot console, as Linux does when the real
 * console driver comes up.  Returns 0, or -ENODEV/-EINVAL (the boot console
 * stays) when stdout-path is missing, not a PL011, or has no registers.
 */
int pl011_console_init(const void *fdt);

/** console_base - the registers of the DT console, NULL before pl011_console_init() */
void *console_base(void);

#endif /* _BOOT_SERIAL_H */
