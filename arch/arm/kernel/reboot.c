// SPDX-License-Identifier: GPL-2.0
/*
 * Power off and halt.  Under QEMU the run's verdict leaves through
 * semihosting's SYS_EXIT (the emulator's exit status); on a Versatile
 * Express the motherboard's SYS_CFG "shutdown" function powers down.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/io.h>
#include <asm/reboot.h>
#include <libfdt.h>

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
static long semihosting_call(unsigned long op, unsigned long arg)
{
	register unsigned long r0 __asm__("r0") = op;
	register unsigned long r1 __asm__("r1") = arg;

	__asm__ __volatile__("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory", "lr", "cc");
	return (long)r0;
}

static void semihosting_exit(int status)
{
	semihosting_call(SEMIHOSTING_SYS_EXIT,
			 status ? ADP_STOPPED_RUN_TIME_ERROR : ADP_STOPPED_APPLICATION_EXIT);
}

void vexpress_power_init(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,vexpress-sysreg");
	const fdt32_t *reg;
	int len;

	if (node < 0)
		return;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len < 8) {
		pr_warn("vexpress-sysreg: no usable reg property, power off will halt\n");
		return;
	}
	vexpress_sysreg = early_ioremap(fdt32_to_cpu(reg[0]), fdt32_to_cpu(reg[1]));
}

static void __noreturn cpu_halt(void)
{
	for (;;)
		__asm__ __volatile__("wfi");
}

void machine_power_off(int status)
{
	pr_emerg("reboot: Power down\n");
	semihosting_exit(status);
	if (vexpress_sysreg) {
		writel(0, vexpress_sysreg + SYS_CFGDATA);
		writel(SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE | SYS_CFGCTRL_FUNC(SYS_CFG_SHUTDOWN),
		       vexpress_sysreg + SYS_CFGCTRL);
	}
	cpu_halt();
}

void machine_halt(void)
{
	pr_emerg("System halted\n");
	semihosting_exit(1);
	cpu_halt();
}
