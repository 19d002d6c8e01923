/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The console: which UART, where, and how to drive it (boot/serial/).
 *
 * Finding it (of_console.c, portable): Linux's "earlycon=<name>,<addr>"
 * on the command line, else the node /chosen/stdout-path names (an alias
 * or a path, ":115200n8" options after it), else aliases/serial0; the
 * node's "compatible" picks the driver, its "reg" (translated through the
 * buses' "ranges") the registers, "reg-shift"/"reg-io-width" their layout.
 *
 * Driving it (serial_core.c and one file per UART, target only): a boot
 * console from setup_arch on, mapped with early_ioremap(); then, after
 * paging_init, the real console (ttyAMA0, ttyS0, ttymxc1, ttyPS0) on an
 * ioremap() of the same registers, as Linux hands over from earlycon to
 * the driver.
 */
#ifndef _BOOT_SERIAL_H
#define _BOOT_SERIAL_H

#include "types.h"

/* The UART families we drive. */
enum uart_type { UART_PL011, UART_8250, UART_IMX, UART_CDNS, NR_UART_TYPES };

/**
 * struct earlycon_spec - a console found on the command line or in the DT
 * @type: which driver
 * @name: Linux's earlycon name for it ("pl011", "ns16550a", "uart8250",
 *        "ec_imx6q", "cdns"), from which the boot console is named
 * @tty: the real console's name without its index ("ttyAMA", "ttyS", ...)
 * @phys: CPU physical address of the registers
 * @size: bytes of registers (at least one page's worth is mapped)
 * @regshift: registers are 1 << @regshift bytes apart (8250 "reg-shift")
 * @iowidth: access width in bytes, 1 or 4 (8250 "reg-io-width", mmio32)
 * @node: the DT node, or -1 when the command line gave an address
 * @index: the tty index: N of the node's aliases/serialN, else 0
 * @options: what followed ':' in stdout-path, or the address in earlycon=
 *           ("115200n8"); informational, the baud rate is the loader's
 */
struct earlycon_spec {
	enum uart_type type;
	const char *name;
	const char *tty;
	phys_addr_t phys;
	phys_addr_t size;
	unsigned int regshift;
	unsigned int iowidth;
	int node;
	int index;
	char options[32];
};

int of_stdout_node(const void *fdt, const char **options, int *optlen);
int of_earlycon_spec(const void *fdt, int node, struct earlycon_spec *spec);
int earlycon_parse(const char *val, struct earlycon_spec *spec);
int earlycon_find(const void *fdt, const char *param, struct earlycon_spec *spec);
const char *earlycon_param(void);
void earlycon_param_reset(void);

/* Target only (serial_core.c). */
void early_console_init(void);
void setup_earlycon(const void *fdt);
int serial_console_init(const void *fdt);
void *console_base(void);
phys_addr_t console_phys(void);
void *earlycon_base(void);
phys_addr_t earlycon_phys(void);

#endif /* _BOOT_SERIAL_H */
