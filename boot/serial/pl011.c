// SPDX-License-Identifier: GPL-2.0
/* ARM PrimeCell PL011 (drivers/tty/serial/amba-pl011.c's early console). */
#include "uart.h"

#define UART01x_DR	0x00
#define UART01x_FR	0x18
#define UART01x_FR_TXFF (1 << 5)
#define UART01x_FR_BUSY (1 << 3)

static bool pl011_tx_ready(struct uart_port *port)
{
	return !(readl_relaxed(port->membase + UART01x_FR) & UART01x_FR_TXFF);
}

static void pl011_tx_put(struct uart_port *port, u8 c)
{
	writel_relaxed(c, port->membase + UART01x_DR);
}

static bool pl011_tx_idle(struct uart_port *port)
{
	return !(readl_relaxed(port->membase + UART01x_FR) & UART01x_FR_BUSY);
}

const struct uart_ops pl011_uart_ops = {
	.tx_ready = pl011_tx_ready,
	.tx_put = pl011_tx_put,
	.tx_idle = pl011_tx_idle,
};
