/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What serial_core.c needs from each UART driver: transmit only, polled.
 * The boot loader (or QEMU) set the baud rate; a driver may have to
 * switch its transmitter on (Cadence, i.MX) when nothing did.
 */
#ifndef _BOOT_SERIAL_UART_H
#define _BOOT_SERIAL_UART_H

#include "types.h"
#include <asm/io.h>

/**
 * struct uart_port - one UART's registers
 * @membase: where they are mapped
 * @regshift: registers are 1 << @regshift bytes apart
 * @iowidth: access width in bytes (1 or 4)
 * @stuck: the transmitter did not drain within the polling bound once;
 *         the port is given up rather than slowing every line down
 */
struct uart_port {
	void __iomem *membase;
	unsigned int regshift;
	unsigned int iowidth;
	bool stuck;
};

/**
 * struct uart_ops - a UART family's transmit side
 * @setup: make the transmitter work (optional); runs once per mapping
 * @tx_ready: may a byte be written now (the FIFO has room)?
 * @tx_put: write one byte
 * @tx_idle: has everything written left the shift register? (optional)
 */
struct uart_ops {
	void (*setup)(struct uart_port *port);
	bool (*tx_ready)(struct uart_port *port);
	void (*tx_put)(struct uart_port *port, u8 c);
	bool (*tx_idle)(struct uart_port *port);
};

extern const struct uart_ops pl011_uart_ops;
extern const struct uart_ops serial8250_uart_ops;
extern const struct uart_ops imx_uart_ops;
extern const struct uart_ops cdns_uart_ops;

#endif /* _BOOT_SERIAL_UART_H */
