// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the NPCM750's second CPU (Linux's arch/arm/mach-npcm/platsmp.c,
 * enable-method "nuvoton,npcm750-smp"): the boot ROM parks the CPU in a
 * WFE loop polling the scratchpad register of the global control registers
 * (GCR); the kernel writes its entry address there and sends an event.
 * QEMU's npcm750-evb parks it the same way in its own stub (hw/arm/npcm7xx.c),
 * which clears the register first.
 *
 * Differs from what one might expect: no wake-up SGI, as in Linux; the
 * parked CPU waits in WFE, so SEV is what wakes it.
 */
#define pr_fmt(fmt) "npcm7xx-smp: " fmt

#include "kernel.h"
#include "errno-base.h"
#include "of_address.h"
#include "printk.h"
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <libfdt.h>

#define NPCM7XX_SCRPAD_REG 0x13c

static void __iomem *gcr_base;

static void npcm7xx_gcr_init(const void *fdt)
{
	const char *name;
	struct resource r;
	int node = fdt_node_offset_by_compatible(fdt, -1, "nuvoton,npcm750-gcr");

	if (node < 0) {
		pr_err("no gcr device node (\"nuvoton,npcm750-gcr\"): CPU1 stays offline\n");
		return;
	}
	name = fdt_get_name(fdt, node, NULL);
	if (of_address_to_resource(fdt, node, 0, &r)) {
		pr_err("%s: no usable reg: CPU1 stays offline\n", name);
		return;
	}
	if (resource_size(&r) < NPCM7XX_SCRPAD_REG + 4) {
		pr_err("%s: reg is 0x%llx bytes, too small for the scratchpad at 0x%x: CPU1 stays "
		       "offline\n",
		       name, (unsigned long long)resource_size(&r), NPCM7XX_SCRPAD_REG);
		return;
	}
	gcr_base = ioremap(r.start, NPCM7XX_SCRPAD_REG + 4);
}

static int npcm7xx_smp_boot_secondary(unsigned int cpu)
{
	(void)cpu;
	if (!gcr_base)
		return -ENODEV;
	/* writel's DSB: the new CPU's data is out before it can run. */
	writel((u32)__pa(secondary_startup), gcr_base + NPCM7XX_SCRPAD_REG);
	/* Linux's dsb_sev(): the write is seen, then the WFE loop wakes. */
	__asm__ __volatile__("dsb ishst\n\tsev" : : : "memory");
	return 0;
}

static void npcm7xx_smp_prepare_cpus(unsigned int max_cpus)
{
	(void)max_cpus;
	npcm7xx_gcr_init(initial_boot_params);
}

static const struct smp_operations npcm7xx_smp_ops = {
	.smp_prepare_cpus = npcm7xx_smp_prepare_cpus,
	.smp_boot_secondary = npcm7xx_smp_boot_secondary,
};

CPU_METHOD_OF_DECLARE(npcm7xx_smp, "nuvoton,npcm750-smp", &npcm7xx_smp_ops);
