// SPDX-License-Identifier: GPL-2.0
/*
 * Starting secondary CPUs through PSCI CPU_ON (Linux's
 * arch/arm/kernel/psci_smp.c): the firmware powers the CPU on at
 * secondary_startup, MMU off, in the mode the boot CPU entered the kernel
 * in.  QEMU's virt (HVC) and highbank (SMC) emulate the firmware and hold
 * every secondary CPU powered off until CPU_ON; on the real highbank the
 * Calxeda firmware does the same with PSCI 0.1's IDs from the DT.
 *
 * The method of virt's cpu nodes (enable-method = "psci") and of Calxeda's
 * boards, whose DTs name none.  Differs from Linux: Linux takes PSCI for any
 * machine whose DT offers CPU_ON (setup_arch's psci_smp_available()), even
 * over its machine's own method; here PSCI is one method of the table.
 */
#define pr_fmt(fmt) "psci: " fmt

#include "kernel.h"
#include "errno-base.h"
#include "printk.h"
#include <asm/memory.h>
#include <asm/psci.h>
#include <asm/smp.h>

static void psci_smp_prepare_cpus(unsigned int max_cpus)
{
	(void)max_cpus;
	if (!psci_cpu_on_available())
		pr_err("no PSCI firmware with CPU_ON in the device tree (a psci node with a "
		       "usable method): the secondary CPUs stay offline\n");
}

static int psci_boot_secondary(unsigned int cpu)
{
	if (!psci_cpu_on_available())
		return -ENODEV;
	return psci_cpu_on(cpu_logical_map(cpu), __pa(secondary_startup));
}

static const struct smp_operations psci_smp_ops = {
	.smp_prepare_cpus = psci_smp_prepare_cpus,
	.smp_boot_secondary = psci_boot_secondary,
};

CPU_METHOD_OF_DECLARE(psci_smp, "psci", &psci_smp_ops);
/* Linux's mach-highbank: both Calxeda parts start their CPUs through PSCI. */
SMP_MACHINE_OF_DECLARE(highbank_smp, "calxeda,highbank", &psci_smp_ops);
SMP_MACHINE_OF_DECLARE(ecx2000_smp, "calxeda,ecx-2000", &psci_smp_ops);
