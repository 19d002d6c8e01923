// SPDX-License-Identifier: GPL-2.0
/*
 * Power off and halt, on every board.  In order: a semihosting exit (QEMU
 * with -semihosting, or a debugger: the emulator exits with the run's
 * verdict), PSCI SYSTEM_OFF when the DT has a psci node, the Versatile
 * Express motherboard's SYS_CFG shutdown when the DT has its system
 * registers, and finally a WFI loop after the last line.
 *
 * When no console is printing (none found, or the one there faulted), the
 * log is first replayed through semihosting's SYS_WRITE0 (Linux's
 * "earlycon=smh"), so that under QEMU the run is still seen; on hardware
 * without a debugger the call comes back at once (traps.c).
 */
#include "kernel.h"
#include "of_address.h"
#include "printk.h"
#include "smp.h"
#include <asm/cacheflush.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/outercache.h>
#include <asm/psci.h>
#include <asm/reboot.h>
#include <libfdt.h>
#include <string.h>

#define SEMIHOSTING_SYS_WRITE0	     0x04
#define SEMIHOSTING_SYS_ERRNO	     0x13
#define SEMIHOSTING_SYS_EXIT	     0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUN_TIME_ERROR   0x20023

#define SYS_CFGDATA		     0xa0
#define SYS_CFGCTRL		     0xa4
#define SYS_CFGCTRL_START	     (1u << 31)
#define SYS_CFGCTRL_WRITE	     (1u << 30)
#define SYS_CFGCTRL_FUNC(f)	     ((u32)(f) << 20)
#define SYS_CFG_SHUTDOWN	     8

static void __iomem *vexpress_sysreg;

/*
 * A semihosting call.  If no emulator or debugger intercepts the SVC, our
 * own SVC vector sees it and returns -1 (see traps.c).  The SVC exception
 * overwrites lr, hence the clobber.
 */
static long semihosting_call(unsigned long op, const void *arg)
{
	register unsigned long r0 __asm__("r0") = op;
	register const void *r1 __asm__("r1") = arg;

	__asm__ __volatile__("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory", "lr", "cc");
	return (long)r0;
}

static void semihosting_exit(int status)
{
	semihosting_call(
		SEMIHOSTING_SYS_EXIT,
		(const void *)(status ? ADP_STOPPED_RUN_TIME_ERROR : ADP_STOPPED_APPLICATION_EXIT));
}

/*
 * Is anyone listening?  SYS_ERRNO answers a non-negative errno from an
 * emulator or debugger; our own SVC handler answers -1.
 */
static bool semihosting_present(void)
{
	return semihosting_call(SEMIHOSTING_SYS_ERRNO, NULL) >= 0;
}

static void smh_write(struct console *con, const char *s, size_t len)
{
	char buf[128];

	(void)con;
	while (len) {
		size_t n = min(len, sizeof(buf) - 1);

		memcpy(buf, s, n);
		buf[n] = '\0';
		semihosting_call(SEMIHOSTING_SYS_WRITE0, buf);
		s += n;
		len -= n;
	}
}

static struct console smh_console = {.name = "smh", .write = smh_write};

/* The last resort for the log: semihosting, replaying it all. */
static void flush_log_if_unseen(void)
{
	if (have_working_console() || !semihosting_present())
		return;
	register_console(&smh_console, true);
}

/**
 * machine_power_init - find the ways to power off the DT offers
 * @fdt: the device tree
 *
 * PSCI (a psci node) and the vexpress system registers (compatible
 * "arm,vexpress-sysreg", reached through the buses' ranges).  Uses
 * ioremap(), so runs after paging_init.
 */
void machine_power_init(const void *fdt)
{
	struct resource r;
	int node;

	psci_dt_init(fdt);
	node = fdt_node_offset_by_compatible(fdt, -1, "arm,vexpress-sysreg");
	if (node < 0)
		return;
	if (of_address_to_resource(fdt, node, 0, &r)) {
		pr_warn("vexpress-sysreg: %s has no usable reg, power off will not use it\n",
			fdt_get_name(fdt, node, NULL));
		return;
	}
	vexpress_sysreg = ioremap(r.start, resource_size(&r));
}

/*
 * Before the machine stops, everything the kernel wrote goes to memory,
 * where a debugger, a warm reset's next stage or a RAM dump finds it
 * (Linux's _soft_restart order): the outer cache flushed and turned off
 * by the last CPU standing, then this CPU's L1 cleaned and invalidated by
 * set/way.  Unlike Linux's soft restart we leave L1 on afterwards: the few
 * words the exit path still writes (its stack) do not matter.
 */
static void caches_to_memory(void)
{
	if (num_online_cpus() == 1)
		outer_disable();
	flush_cache_all();
}

static void __noreturn cpu_halt(void)
{
	for (;;)
		__asm__ __volatile__("wfi");
}

/**
 * machine_power_off - stop the machine after a normal end of run
 * @status: 0 for success, non-zero for failure (what the emulator exits with)
 *
 * Tries, in order: a semihosting exit (QEMU with -semihosting, or a
 * debugger), PSCI SYSTEM_OFF, the vexpress SYS_CFG shutdown (both found
 * in the DT by machine_power_init()), and finally halts the CPU.  The
 * other CPUs are stopped first (smp_send_stop), as Linux does.
 */
void machine_power_off(int status)
{
	system_state = SYSTEM_POWER_OFF;
	pr_emerg("reboot: Power down\n");
	local_irq_disable();
	smp_send_stop(); /* as Linux: nothing else runs while the machine goes off */
	flush_log_if_unseen();
	caches_to_memory();
	semihosting_exit(status);
	psci_system_off();
	if (vexpress_sysreg) {
		writel(0, vexpress_sysreg + SYS_CFGDATA);
		writel(SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE | SYS_CFGCTRL_FUNC(SYS_CFG_SHUTDOWN),
		       vexpress_sysreg + SYS_CFGCTRL);
	}
	cpu_halt();
}

/**
 * machine_halt - stop after a fatal error
 *
 * A semihosting exit with failure status if something is listening, else
 * the CPU waits for interrupts forever (they are masked): the last lines on
 * the console stay the last.
 */
void machine_halt(void)
{
	local_irq_disable();
	smp_send_stop(); /* panic has stopped them already; a direct caller not */
	pr_emerg("System halted\n");
	flush_log_if_unseen();
	caches_to_memory();
	semihosting_exit(1);
	cpu_halt();
}
