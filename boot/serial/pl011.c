// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell PL011 UART, transmit only: the kernel's console.  The boot
 * loader (or QEMU) has already set the baud rate; we only write bytes.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include "serial.h"
#include "of_fdt.h"
#include <libfdt.h>
#include <string.h>

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

static struct console early_pl011 = {.name = "pl11", .write = pl011_write};
static struct console pl011_console = {.name = "ttyAMA0", .write = pl011_write};

void early_console_init(void)
{
	/* head.S mapped the UART's section in early I/O slot 0: keep early_ioremap off it. */
	early_io_record(0, DEBUG_UART_PHYS & SECTION_MASK);
	early_pl011.data = (void __iomem *)(EARLY_IO_BASE + (DEBUG_UART_PHYS & ~SECTION_MASK));
	register_console(&early_pl011, false);
}

/* The node stdout-path names: "serial0:38400n8" is an alias plus options. */
static int stdout_node(const void *fdt, const char *path)
{
	const char *colon = strchr(path, ':');
	int len = colon ? (int)(colon - path) : (int)strlen(path);

	return fdt_path_offset_namelen(fdt, path, len);
}

int pl011_console_init(const void *fdt)
{
	const char *path = of_get_stdout_path();
	const fdt32_t *reg;
	void __iomem *base;
	int node, len;

	if (!path)
		return -ENODEV;
	node = stdout_node(fdt, path);
	if (node < 0 || fdt_node_check_compatible(fdt, node, "arm,pl011")) {
		pr_warn("console: stdout-path \"%s\" is not a PL011, keeping the boot console\n",
			path);
		return -ENODEV;
	}
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len < 8 || !(base = ioremap(fdt32_to_cpu(reg[0]), fdt32_to_cpu(reg[1])))) {
		pr_warn("console: %s has no usable reg, keeping the boot console\n", path);
		return -EINVAL;
	}
	pl011_console.data = base;
	/* Both print to the same UART: retire the boot console first, or lines double. */
	register_console(&pl011_console, false);
	unregister_console(&early_pl011);
	pr_info("printk: console [%s] enabled\n", pl011_console.name);
	pr_info("printk: bootconsole [%s] disabled\n", early_pl011.name);
	return 0;
}

void __iomem *console_base(void)
{
	return pl011_console.data;
}
