// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the i.MX6's secondary CPUs through its System Reset Controller
 * (Linux's arch/arm/mach-imx/platsmp.c and src.c): the entry address goes
 * into the core's SRC_GPR register, then its enable bit in SRC_SCR, with
 * its reset bit, releases it.  On the silicon the core runs the boot ROM,
 * which jumps to the address in SRC_GPR; QEMU's SRC skips the ROM and
 * starts the core at that address itself (hw/misc/imx6_src.c).  Under QEMU
 * and U-Boot alike the secondary cores stay powered off until then.
 *
 * The i.MX6 DTs have no enable-method: Linux picks this method by the
 * machine ("fsl,imx6q", "fsl,imx6dl"), and so do we.
 */
#define pr_fmt(fmt) "imx-src: " fmt

#include "kernel.h"
#include "errno-base.h"
#include "of_address.h"
#include "printk.h"
#include "sizes.h"
#include "smp.h"
#include "spinlock.h"
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/smp_scu.h>
#include <libfdt.h>

#define SRC_SCR			0x000
#define SRC_GPR1		0x020 /* core N's entry: SRC_GPR1 + 8 * N */
#define SRC_SIZE_NEEDED		0x040 /* through SRC_GPR8 */
#define BP_SRC_SCR_CORE1_RST	14
#define BP_SRC_SCR_CORE1_ENABLE 22
#define IMX_NR_CORES		4

static void __iomem *src_base;
static DEFINE_SPINLOCK(src_lock);

/* Linux's imx_src_init(): find, check and map the SRC. */
static void imx_src_init(const void *fdt)
{
	const char *name;
	struct resource r;
	int node = fdt_node_offset_by_compatible(fdt, -1, "fsl,imx51-src");

	if (node < 0) {
		pr_err("no \"fsl,imx51-src\" node in the device tree: the secondary CPUs stay "
		       "offline\n");
		return;
	}
	name = fdt_get_name(fdt, node, NULL);
	if (of_address_to_resource(fdt, node, 0, &r)) {
		pr_err("%s: no usable reg: the secondary CPUs stay offline\n", name);
		return;
	}
	if (resource_size(&r) < SRC_SIZE_NEEDED) {
		pr_err("%s: reg is 0x%llx bytes, less than the 0x%x up to SRC_GPR8: the secondary "
		       "CPUs stay offline\n",
		       name, (unsigned long long)resource_size(&r), SRC_SIZE_NEEDED);
		return;
	}
	src_base = ioremap(r.start, SRC_SIZE_NEEDED);
}

/* Linux's imx_set_cpu_jump(): where core @core starts when released. */
static void imx_set_cpu_jump(u32 core, phys_addr_t jump_addr)
{
	writel_relaxed((u32)jump_addr, src_base + SRC_GPR1 + core * 8);
}

/*
 * Linux's imx_enable_cpu(): enable the core and pulse its reset.  SRC_SCR
 * also holds the other cores' bits, hence the lock around the
 * read-modify-write.  writel's DSB makes everything the boot CPU wrote for
 * the new CPU (its stack, the page tables) visible before it runs.
 */
static void imx_enable_cpu(u32 core, bool enable)
{
	u32 mask = 1u << (BP_SRC_SCR_CORE1_ENABLE + core - 1), val;

	spin_lock(&src_lock);
	val = readl_relaxed(src_base + SRC_SCR);
	val = enable ? val | mask : val & ~mask;
	val |= 1u << (BP_SRC_SCR_CORE1_RST + core - 1);
	writel(val, src_base + SRC_SCR);
	spin_unlock(&src_lock);
}

static int imx_boot_secondary(unsigned int cpu)
{
	u32 core = cpu_logical_map(cpu);

	if (!src_base)
		return -ENODEV;
	if (core == 0 || core >= IMX_NR_CORES) {
		pr_err("CPU%u: MPIDR 0x%x is not core 1-3, the cores the SRC can release\n", cpu,
		       core);
		return -EINVAL;
	}
	imx_set_cpu_jump(core, __pa(secondary_startup));
	imx_enable_cpu(core, true);
	return 0;
}

/*
 * Linux's imx_smp_init_cpus(): the SCU knows how many cores this part has
 * (the i.MX6 Solo, DualLite and Quad share one DT layout), so the CPUs
 * past its count are not present.  The SCU from the DT, not from CBAR:
 * QEMU's i.MX6 reads CBAR as 0 on one core.
 */
static void imx_trim_cpus_to_scu(const void *fdt)
{
	struct resource r;
	void __iomem *scu;
	unsigned int ncores, cpu;
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a9-scu");

	if (node < 0 || of_address_to_resource(fdt, node, 0, &r))
		return; /* every CPU the DT lists is tried */
	scu = ioremap(r.start, SZ_4K);
	if (!scu)
		return;
	ncores = scu_get_core_count(scu);
	iounmap(scu);
	for (cpu = ncores; cpu < NR_CPUS; cpu++)
		set_cpu_present(cpu, false);
}

static void imx_smp_prepare_cpus(unsigned int max_cpus)
{
	(void)max_cpus;
	imx_trim_cpus_to_scu(initial_boot_params);
	imx_src_init(initial_boot_params);
}

static const struct smp_operations imx_smp_ops = {
	.smp_prepare_cpus = imx_smp_prepare_cpus,
	.smp_boot_secondary = imx_boot_secondary,
};

/* Linux's mach-imx6q.c machine, whose .smp these are: the i.MX6 Quad, QuadPlus, DualLite. */
SMP_MACHINE_OF_DECLARE(imx6q_smp, "fsl,imx6q", &imx_smp_ops);
SMP_MACHINE_OF_DECLARE(imx6qp_smp, "fsl,imx6qp", &imx_smp_ops);
SMP_MACHINE_OF_DECLARE(imx6dl_smp, "fsl,imx6dl", &imx_smp_ops);
