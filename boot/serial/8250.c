// SPDX-License-Identifier: GPL-2.0
/*
 * 8250/16550 and their descendants (Synopsys DesignWare, Nuvoton NPCM):
 * drivers/tty/serial/8250/8250_early.c.  Registers are 1 << reg-shift
 * bytes apart and read 8 or 32 bits wide (reg-io-width).
 */
#include "uart.h"

#define UART_TX	      0	   /* transmit holding register */
#define UART_LSR      5	   /* line status */
#define UART_LSR_THRE 0x20 /* holding register empty */
#define UART_LSR_TEMT 0x40 /* transmitter empty */

static u32 serial8250_in(struct uart_port *port, unsigned int reg)
{
	void __iomem *addr = port->membase + (reg << port->regshift);

	return port->iowidth == 4 ? readl_relaxed(addr) : readb_relaxed(addr);
}

static void serial8250_out(struct uart_port *port, unsigned int reg, u8 v)
{
	void __iomem *addr = port->membase + (reg << port->regshift);

	if (port->iowidth == 4)
		writel_relaxed(v, addr);
	else
		writeb_relaxed(v, addr);
}

static bool serial8250_tx_ready(struct uart_port *port)
{
	return serial8250_in(port, UART_LSR) & UART_LSR_THRE;
}

static void serial8250_tx_put(struct uart_port *port, u8 c)
{
	serial8250_out(port, UART_TX, c);
}

static bool serial8250_tx_idle(struct uart_port *port)
{
	return serial8250_in(port, UART_LSR) & UART_LSR_TEMT;
}

const struct uart_ops serial8250_uart_ops = {
	.tx_ready = serial8250_tx_ready,
	.tx_put = serial8250_tx_put,
	.tx_idle = serial8250_tx_idle,
};
