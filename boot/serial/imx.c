// SPDX-License-Identifier: GPL-2.0
/*
 * The i.MX UART (drivers/tty/serial/imx.c's early console).
 *
 * Linux's early console assumes the boot loader switched the UART on.
 * Loaded straight by QEMU (no U-Boot), it is still off, so we switch the
 * UART and its transmitter on when they are not; a loader's settings
 * (baud rate, word length) are left alone when they are.
 */
#include "uart.h"

#define URTX0	    0x40 /* transmitter */
#define UCR1	    0x80
#define UCR2	    0x84
#define IMX21_UTS   0xb4 /* test register: FIFO status */
#define UCR1_UARTEN (1 << 0)
#define UCR2_SRST   (1 << 0) /* 0 = reset */
#define UCR2_TXEN   (1 << 2)
#define UCR2_WS	    (1 << 5)  /* 8-bit words */
#define UCR2_IRTS   (1 << 14) /* ignore RTS */
#define UTS_TXEMPTY (1 << 6)
#define UTS_TXFULL  (1 << 4)

static void imx_setup(struct uart_port *port)
{
	u32 ucr1 = readl_relaxed(port->membase + UCR1);
	u32 ucr2 = readl_relaxed(port->membase + UCR2);

	if (!(ucr1 & UCR1_UARTEN))
		writel_relaxed(ucr1 | UCR1_UARTEN, port->membase + UCR1);
	if ((ucr2 & (UCR2_SRST | UCR2_TXEN)) != (UCR2_SRST | UCR2_TXEN))
		writel_relaxed(ucr2 | UCR2_SRST | UCR2_TXEN | UCR2_WS | UCR2_IRTS,
			       port->membase + UCR2);
}

static bool imx_tx_ready(struct uart_port *port)
{
	return !(readl_relaxed(port->membase + IMX21_UTS) & UTS_TXFULL);
}

static void imx_tx_put(struct uart_port *port, u8 c)
{
	writel_relaxed(c, port->membase + URTX0);
}

static bool imx_tx_idle(struct uart_port *port)
{
	return readl_relaxed(port->membase + IMX21_UTS) & UTS_TXEMPTY;
}

const struct uart_ops imx_uart_ops = {
	.setup = imx_setup,
	.tx_ready = imx_tx_ready,
	.tx_put = imx_tx_put,
	.tx_idle = imx_tx_idle,
};
