// SPDX-License-Identifier: GPL-2.0
/*
 * The Cortex-A9 MPCore's Snoop Control Unit: Linux's arch/arm/kernel/smp_scu.c.
 *
 * The SCU keeps the cores' L1 data caches coherent: it holds a copy of
 * every core's tags and forwards a line from one core's cache to another,
 * for cores in SMP mode (ACTLR.SMP, proc-v7.S) and for memory mapped
 * Shareable.  Until it is enabled nothing is snooped.  It sits at offset 0
 * of the core's private memory region, whose base (PERIPHBASE) CP15's CBAR
 * gives (Linux's scu_a9_get_base()).  The boot CPU enables it, before any
 * secondary CPU starts; a Cortex-A15 has no SCU (its coherency is built in).
 */
#include "init.h"
#include "kernel.h"
#include "of_address.h"
#include "printk.h"
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/cputype.h>
#include <asm/io.h>
#include <asm/smp_scu.h>
#include <asm/tlbflush.h>
#include <libfdt.h>
#include <string.h>

#define SCU_CTRL	   0x00
#define SCU_ENABLE	   BIT(0)
#define SCU_STANDBY_ENABLE BIT(5)
#define SCU_CONFIG	   0x04
#define SCU_DIAG	   0x30 /* SCU diagnostic control (undocumented in the TRM) */
#define SCU_DIAG_764369	   BIT(0)
#define SCU_SIZE	   0x100

static void __iomem *scu_base;
static phys_addr_t scu_phys;

/**
 * scu_get_core_count - how many cores the SCU was built with
 * @base: the SCU's registers
 */
unsigned int scu_get_core_count(void __iomem *base)
{
	return (readl_relaxed(base + SCU_CONFIG) & 3) + 1;
}

/**
 * scu_enable - turn the SCU on, as Linux 6.1's scu_enable
 * @base: the SCU's registers
 *
 * On every Cortex-A9 first the SCU half of erratum 764369 (a cache
 * maintenance by MVA on Inner Shareable memory may not complete): bit 0 of
 * the SCU diagnostic register, set even if the firmware already enabled
 * the SCU.  Then, if the SCU is off, enable it, with the standby bit from
 * r2p0 on (earlier A9s have none), and clean and invalidate this CPU's L1
 * so that what it wrote while nothing was snooped reaches memory before the
 * other cores look.  Linux 6.1 does no "invalidate all" here (the SCU's
 * offset 0x0c register): the other cores' L1s are invalidated by each core
 * itself in __v7_setup, before it joins.
 */
void scu_enable(void __iomem *base)
{
	u32 ctrl;

	if (read_cpuid_part() == ARM_CPU_PART_CORTEX_A9) { /* any revision, as Linux */
		ctrl = readl_relaxed(base + SCU_DIAG);
		if (!(ctrl & SCU_DIAG_764369))
			writel_relaxed(ctrl | SCU_DIAG_764369, base + SCU_DIAG);
	}
	ctrl = readl_relaxed(base + SCU_CTRL);
	if (ctrl & SCU_ENABLE)
		return;
	ctrl |= SCU_ENABLE;
	if (read_cpuid_part() == ARM_CPU_PART_CORTEX_A9 && read_cpuid_rev() >= 0x20)
		ctrl |= SCU_STANDBY_ENABLE;
	writel_relaxed(ctrl, base + SCU_CTRL);
	flush_cache_all();
}

/**
 * scu_764369_state - the SCU half of erratum 764369, read back
 *
 * Returns 1 if the SCU diagnostic register holds the workaround, 0 if not,
 * -1 if there is no SCU (not a Cortex-A9 MPCore, or not enabled by us).
 */
int scu_764369_state(void)
{
	if (!scu_base)
		return -1;
	return !!(readl_relaxed(scu_base + SCU_DIAG) & SCU_DIAG_764369);
}

/**
 * scu_base_for_test - the mapped SCU registers, NULL if none (for the self-tests)
 * @phys: set to their physical address (PERIPHBASE)
 */
void __iomem *scu_base_for_test(phys_addr_t *phys)
{
	*phys = scu_phys;
	return scu_base;
}

/* How many cpu nodes the DT's /cpus has (Linux: for_each_of_cpu_node), before any cap. */
static unsigned int of_count_cpu_nodes(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node;
	unsigned int n = 0;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, cpus)
	{
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (type && !strcmp(type, "cpu"))
			n++;
	}
	return n;
}

/* The DT's "arm,cortex-a9-scu" node's address (Linux's vexpress and realview take it there), or 0. */
static phys_addr_t of_scu_base(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a9-scu");
	struct resource r;

	if (node < 0 || of_address_to_resource(fdt, node, 0, &r))
		return 0;
	return r.start;
}

/*
 * PERIPHBASE from CBAR (Linux's scu_a9_get_base(), as i.MX and Tegra use
 * it); where CBAR reads 0 -- QEMU's i.MX6 leaves it so, silicon has
 * 0x00a00000 -- the DT's SCU node.  If both exist and differ, the core's
 * own register wins and the DT is named as wrong.
 */
static phys_addr_t find_scu(const void *fdt)
{
	phys_addr_t cbar = scu_a9_get_base(), dt = of_scu_base(fdt);

	if (cbar && dt && dt != cbar)
		pr_warn("SCU: the device tree puts it at %pa, but CBAR says %pa: using CBAR\n", &dt,
			&cbar);
	if (!cbar && !dt)
		pr_warn("SCU: CBAR reads 0 and the device tree has no arm,cortex-a9-scu node: "
			"SCU left alone\n");
	return cbar ? cbar : dt;
}

/**
 * smp_scu_setup - the boot CPU's part: find the SCU, enable it, count its cores
 * @fdt: the device tree, whose /cpus the core count is checked against
 *
 * Only on a Cortex-A9 MPCore (MPIDR says multiprocessor), after paging_init
 * (the registers are mapped with ioremap()).  Prints the core count as
 * Linux's realview platform code does, and says so when the DT describes
 * another number of CPUs: the DT decides which CPUs are started, and a DT
 * for a four-core part booted on a two-core one (or the other way round)
 * must not be believed silently.  Linux 6.1 does no such check.
 */
void __init smp_scu_setup(const void *fdt)
{
	unsigned int ncores, dt_cpus;
	phys_addr_t phys;

	if (!scu_a9_has_base() || !cpu_smp)
		return;
	phys = find_scu(fdt);
	if (!phys)
		return;
	scu_base = ioremap(phys, SCU_SIZE);
	if (!scu_base)
		return; /* ioremap said why */
	scu_phys = phys;
	scu_enable(scu_base);
	ncores = scu_get_core_count(scu_base);
	pr_info("SCU: %u cores detected\n", ncores);
	dt_cpus = of_count_cpu_nodes(fdt);
	if (dt_cpus != ncores)
		pr_warn("SCU: %u cores, but the device tree's /cpus describes %u: no more than %u "
			"can run (a device tree for another part, or QEMU's -smp not the "
			"board's)\n",
			ncores, dt_cpus, ncores);
}
