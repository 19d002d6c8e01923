// SPDX-License-Identifier: GPL-2.0
/*
 * The Cadence UART of Xilinx Zynq (drivers/tty/serial/xilinx_uartps.c's
 * early console).  As Linux's, setup enables the transmitter, which is off
 * after reset; unlike Linux we leave the receiver as the loader set it.
 */
#include "uart.h"

#define CDNS_UART_CR	     0x00
#define CDNS_UART_SR	     0x2c
#define CDNS_UART_FIFO	     0x30
#define CDNS_UART_CR_TX_DIS  (1 << 5)
#define CDNS_UART_CR_TX_EN   (1 << 4)
#define CDNS_UART_SR_TXFULL  (1 << 4)
#define CDNS_UART_SR_TXEMPTY (1 << 3)

static void cdns_setup(struct uart_port *port)
{
	u32 cr = readl_relaxed(port->membase + CDNS_UART_CR);

	cr &= ~CDNS_UART_CR_TX_DIS;
	writel_relaxed(cr | CDNS_UART_CR_TX_EN, port->membase + CDNS_UART_CR);
}

static bool cdns_tx_ready(struct uart_port *port)
{
	return !(readl_relaxed(port->membase + CDNS_UART_SR) & CDNS_UART_SR_TXFULL);
}

static void cdns_tx_put(struct uart_port *port, u8 c)
{
	writel_relaxed(c, port->membase + CDNS_UART_FIFO);
}

static bool cdns_tx_idle(struct uart_port *port)
{
	return readl_relaxed(port->membase + CDNS_UART_SR) & CDNS_UART_SR_TXEMPTY;
}

const struct uart_ops cdns_uart_ops = {
	.setup = cdns_setup,
	.tx_ready = cdns_tx_ready,
	.tx_put = cdns_tx_put,
	.tx_idle = cdns_tx_idle,
};
