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

#endif /* _BOOT_SERIAL_H */
