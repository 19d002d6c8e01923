// SPDX-License-Identifier: GPL-2.0
/*
 * The Zynq-7000's second CPU: not started, visibly.  On the silicon (Linux's
 * arch/arm/mach-zynq/platsmp.c and slcr.c) CPU1 waits in reset: the kernel
 * copies a trampoline to the on-chip memory at 0xfffffff0 (to 0x0 as well
 * when the entry is not there), which jumps to secondary_startup, then
 * stops CPU1's clock and releases its reset through the SLCR's A9_CPU_RST_CTRL
 * (with the SLCR unlocked).  QEMU's xilinx-zynq-a9 models one CPU (its -smp
 * is at most 1), so none of that could be tested here, and a9mm leaves it
 * out: a Zynq DT lists two CPUs, as Linux's zynq-7000.dtsi, and the second
 * one is reported and stays offline.
 */
#define pr_fmt(fmt) "zynq: " fmt

#include "kernel.h"
#include "errno-base.h"
#include "printk.h"
#include <asm/smp.h>

static void zynq_smp_prepare_cpus(unsigned int max_cpus)
{
	(void)max_cpus;
	pr_warn("starting the second CPU (SLCR reset and the trampoline at 0xfffffff0) is not "
		"implemented: CPU1 stays offline\n");
}

static int zynq_boot_secondary(unsigned int cpu)
{
	(void)cpu;
	return -ENOSYS;
}

static const struct smp_operations zynq_smp_ops = {
	.smp_prepare_cpus = zynq_smp_prepare_cpus,
	.smp_boot_secondary = zynq_boot_secondary,
};

SMP_MACHINE_OF_DECLARE(zynq_smp, "xlnx,zynq-7000", &zynq_smp_ops);
