// SPDX-License-Identifier: GPL-2.0
/*
 * The console's life, as Linux's: an optional debug UART from the first
 * instruction of C (DEBUG_UART_PHYS, Linux's DEBUG_LL, only when the build
 * names one), a boot console ("earlycon") as soon as the DT is read, and
 * the real console (ttyAMA0, ttyS0, ...) once ioremap() works, which
 * retires the boot consoles.  Which UART and where: of_console.c.
 *
 * Every wait on a UART is bounded: a UART that never drains (wrong
 * address, clock off) costs one timeout, after which the port is given up
 * and the kernel goes on without it.  A fault inside a console's write
 * marks that console broken (printk.c), so the fault's report goes
 * elsewhere instead of recursing.
 */
#include "cmdline.h"
#include "kernel.h"
#include "printk.h"
#include "serial.h"
#include "uart.h"
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <string.h>

/*
 * Status reads before a UART counts as stuck: tens of milliseconds on
 * real hardware, longer than any character takes at 9600 baud.
 */
#define UART_POLL_LIMIT 1000000u

static const struct uart_ops *const uart_ops[NR_UART_TYPES] = {
	[UART_PL011] = &pl011_uart_ops,
	[UART_8250] = &serial8250_uart_ops,
	[UART_IMX] = &imx_uart_ops,
	[UART_CDNS] = &cdns_uart_ops,
};

struct serial_console {
	struct console con;
	struct uart_port port;
	const struct uart_ops *ops;
	phys_addr_t phys;
	char name[16];
};

static bool uart_wait(struct uart_port *port, bool (*ready)(struct uart_port *port))
{
	for (unsigned int i = 0; i < UART_POLL_LIMIT; i++)
		if (ready(port))
			return true;
	return false;
}

static void uart_putc(struct serial_console *sc, char c)
{
	if (!uart_wait(&sc->port, sc->ops->tx_ready)) {
		sc->port.stuck = true;
		return;
	}
	sc->ops->tx_put(&sc->port, (u8)c);
}

static void serial_console_write(struct console *con, const char *s, size_t len)
{
	struct serial_console *sc = container_of(con, struct serial_console, con);

	for (size_t i = 0; i < len && !sc->port.stuck; i++) {
		if (s[i] == '\n')
			uart_putc(sc, '\r');
		uart_putc(sc, s[i]);
	}
	/* Out of the shift register before anything (power-off) can cut it short. */
	if (sc->ops->tx_idle && !sc->port.stuck)
		uart_wait(&sc->port, sc->ops->tx_idle);
}

static void serial_console_setup(struct serial_console *sc, const struct earlycon_spec *spec,
				 void __iomem *base)
{
	sc->port = (struct uart_port){
		.membase = base, .regshift = spec->regshift, .iowidth = spec->iowidth};
	sc->ops = uart_ops[spec->type];
	sc->phys = spec->phys;
	sc->con.name = sc->name;
	sc->con.write = serial_console_write;
	sc->con.broken = false;
	if (sc->ops->setup)
		sc->ops->setup(&sc->port);
}

/* ---------------------------------------------------------------- DEBUG_UART_PHYS */

static struct serial_console debug_console;

/**
 * early_console_init - print through the build's debug UART, if it names one
 *
 * Only with "make DEBUG_UART_PHYS=0x...": a PL011 at that address, which
 * head.S maps in the first early I/O section.  Without it the log is kept
 * in memory until setup_earlycon() finds the DT's console and replays it.
 */
void early_console_init(void)
{
#ifdef DEBUG_UART_PHYS
	static const struct earlycon_spec spec = {
		.type = UART_PL011, .phys = DEBUG_UART_PHYS, .iowidth = 4};

	early_io_record(0, DEBUG_UART_PHYS & SECTION_MASK);
	serial_console_setup(&debug_console, &spec,
			     (void __iomem *)(EARLY_IO_BASE + (DEBUG_UART_PHYS & ~SECTION_MASK)));
	strcpy(debug_console.name, "debug_ll");
	register_console(&debug_console.con, false);
#endif
}

/* ---------------------------------------------------------------- the boot console */

static struct serial_console boot_console;
static struct earlycon_spec dt_console; /* the DT's stdout, for serial_console_init */
static int dt_console_err = -ENODEV;

/* Linux's earlycon naming: trailing digits of the name are its index ("pl011" is "pl11"). */
static void earlycon_name(char *buf, size_t size, const char *name)
{
	size_t len = strlen(name), base = len;
	unsigned long index = 0;

	while (base && name[base - 1] >= '0' && name[base - 1] <= '9')
		base--;
	if (base < len)
		index = simple_strtoul(name + base, NULL, 10);
	scnprintf(buf, size, "%.*s%lu", (int)base, name, index);
}

static const char *iotype_name(const struct earlycon_spec *spec)
{
	return spec->iowidth == 4 && spec->type == UART_8250 ? "MMIO32" : "MMIO";
}

/**
 * setup_earlycon - start the boot console Linux's earlycon would
 * @fdt: the verified device tree, or NULL
 *
 * "earlycon=<name>,<addr>" if the command line has one, else the DT's
 * stdout-path (or serial0).  The UART is mapped with early_ioremap() and
 * replays the log printed so far.  With no usable console the kernel runs
 * on; machine_power_off() or machine_halt() then replays the log through
 * semihosting, where an emulator is listening.
 */
void setup_earlycon(const void *fdt)
{
	const char *param = earlycon_param();
	struct earlycon_spec spec;
	void __iomem *base;
	bool from_param = param && *param && !earlycon_parse(param, &spec);

	dt_console_err = fdt ? earlycon_find(fdt, NULL, &dt_console) : -ENODEV;
	if (!from_param) {
		if (dt_console_err)
			return;
		spec = dt_console;
	}
#ifdef DEBUG_UART_PHYS
	if (spec.phys == DEBUG_UART_PHYS)
		return; /* the debug UART already prints there */
#endif
	base = early_ioremap(spec.phys, min_t(phys_addr_t, max_t(phys_addr_t, spec.size, 0x100),
					      SECTION_SIZE - (spec.phys & ~SECTION_MASK)));
	if (!base) {
		pr_warn("earlycon: cannot map %s at 0x%llx: no boot console\n", spec.name,
			(unsigned long long)spec.phys);
		return;
	}
	serial_console_setup(&boot_console, &spec, base);
	earlycon_name(boot_console.name, sizeof(boot_console.name), spec.name);
	pr_info("earlycon: %s at %s 0x%08llx (options '%s')\n", boot_console.name,
		iotype_name(&spec), (unsigned long long)spec.phys, spec.options);
	pr_info("printk: bootconsole [%s] enabled\n", boot_console.name);
	register_console(&boot_console.con, true);
}

/** earlycon_base - where the boot console's registers are mapped (early I/O window), or NULL */
void *earlycon_base(void)
{
	if (boot_console.con.write)
		return boot_console.port.membase;
	return debug_console.con.write ? debug_console.port.membase : NULL;
}

/** earlycon_phys - the boot console's physical address (0: none) */
phys_addr_t earlycon_phys(void)
{
	if (boot_console.con.write)
		return boot_console.phys;
	return debug_console.con.write ? debug_console.phys : 0;
}

/* ---------------------------------------------------------------- the real console */

static struct serial_console real_console;

/**
 * serial_console_init - hand over from the boot console to the real one
 * @fdt: the device tree
 *
 * The DT's console UART (setup_earlycon found it) gets an ioremap()
 * mapping and Linux's name (ttyAMA0, ttyS0, ttymxc1, ttyPS0: the number
 * is its serialN alias); the boot consoles are then retired, as Linux
 * does.  Call after paging_init.  Without a DT console the boot console
 * (if any) stays.
 *
 * Return: 0, or the reason the DT's console is unusable.
 */
int serial_console_init(const void *fdt)
{
	const struct earlycon_spec *spec = &dt_console;
	void __iomem *base;

	(void)fdt;
	if (dt_console_err)
		return dt_console_err;
	base = ioremap(spec->phys, max_t(phys_addr_t, spec->size, 0x100));
	if (!base) {
		pr_warn("console: cannot map %s%d at 0x%llx, keeping the boot console\n", spec->tty,
			spec->index, (unsigned long long)spec->phys);
		return -ENOMEM;
	}
	serial_console_setup(&real_console, spec, base);
	scnprintf(real_console.name, sizeof(real_console.name), "%s%d", spec->tty, spec->index);
	/* Both print to the same UART: retire the boot consoles first, or lines double. */
	register_console(&real_console.con, false);
	unregister_console(&boot_console.con);
	unregister_console(&debug_console.con);
	pr_info("printk: console [%s] enabled\n", real_console.name);
	if (boot_console.con.write)
		printk(KERN_INFO "printk: bootconsole [%s] disabled\n", boot_console.name);
	if (debug_console.con.write)
		printk(KERN_INFO "printk: bootconsole [%s] disabled\n", debug_console.name);
	return 0;
}

/** console_base - the real console's registers, NULL before serial_console_init() */
void *console_base(void)
{
	return real_console.con.write ? real_console.port.membase : NULL;
}

/** console_phys - the real console's physical address, 0 before serial_console_init() */
phys_addr_t console_phys(void)
{
	return real_console.con.write ? real_console.phys : 0;
}
