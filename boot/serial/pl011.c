// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell PL011 UART, transmit only: the kernel's console.  The boot
 * loader (or QEMU) has already set the baud rate; we only write bytes.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/io.h>
#include <asm/memory.h>
#include "serial.h"

#define UART01x_DR	0x00
#define UART01x_FR	0x18
#define UART01x_FR_TXFF (1 << 5)
#define UART01x_FR_BUSY (1 << 3)

static void pl011_putc(void __iomem *base, char c)
{
	while (readl_relaxed(base + UART01x_FR) & UART01x_FR_TXFF)
		;
	writel_relaxed((u32)(unsigned char)c, base + UART01x_DR);
}

static void pl011_write(struct console *con, const char *s, size_t len)
{
	void __iomem *base = con->data;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			pl011_putc(base, '\r');
		pl011_putc(base, s[i]);
	}
	while (readl_relaxed(base + UART01x_FR) & UART01x_FR_BUSY)
		;
}

static struct console early_pl011 = {.name = "pl011", .write = pl011_write};

void early_console_init(void)
{
	early_pl011.data = (void __iomem *)(EARLY_IO_BASE + (DEBUG_UART_PHYS & ~SECTION_MASK));
	register_console(&early_pl011, false);
}
