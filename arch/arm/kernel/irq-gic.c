// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC (v1 in the Cortex-A9 MPCore, v2 in the A15/A7), the part the
 * kernel needs: IPIs.  As Linux's drivers/irqchip/irq-gic.c, the boot CPU
 * sets up the distributor (every shared interrupt off, routed to itself),
 * each CPU its own banked state and CPU interface; an IPI is an SGI whose
 * number is the IPI's; the IRQ exception reads the interrupt acknowledge
 * register until it says spurious.
 *
 * No device interrupt is ever enabled (nothing here is interrupt-driven),
 * so an interrupt other than an SGI is reported and acknowledged.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/cp15.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/smp.h>
#include <libfdt.h>
#include "of_address.h"
#include "smp.h"

static void __iomem *dist_base;
static void __iomem *cpu_base;
static unsigned int gic_irqs;

/*
 * Each CPU's bit in the SGI target list: its CPU interface number, which
 * need not be its logical number.  A CPU reads its own in gic_cpu_init();
 * until then the entry is "every CPU but the ones known" (Linux's
 * gic_cpu_map), so that a wake-up SGI reaches a CPU not yet started.
 */
static u8 gic_cpu_map[NR_CPUS] = {0xff, 0xff, 0xff, 0xff};

/* The GICs Linux's driver binds to that are v1/v2 with an A9/A15-style CPU interface. */
static const char *const gic_compatibles[] = {
	"arm,cortex-a9-gic", "arm,cortex-a15-gic", "arm,cortex-a7-gic",
	"arm,gic-400",	     "arm,arm11mp-gic",	   "arm,pl390",
};

static int gic_find_node(const void *fdt, const char **compat)
{
	for (size_t i = 0; i < ARRAY_SIZE(gic_compatibles); i++) {
		int node = fdt_node_offset_by_compatible(fdt, -1, gic_compatibles[i]);

		if (node >= 0) {
			*compat = gic_compatibles[i];
			return node;
		}
	}
	return -FDT_ERR_NOTFOUND;
}

static void __iomem *gic_map(const void *fdt, int node, int index, const char *what)
{
	struct resource r;
	void __iomem *base;

	if (of_address_to_resource(fdt, node, index, &r)) {
		pr_err("GIC: %s: no reg entry %d for the %s\n", fdt_get_name(fdt, node, NULL),
		       index, what);
		return NULL;
	}
	base = ioremap(r.start, resource_size(&r));
	if (!base)
		pr_err("GIC: cannot map the %s at 0x%08llx\n", what, (unsigned long long)r.start);
	return base;
}

/* Linux's gic_dist_init: shared interrupts off, level, to this CPU, default priority. */
static void gic_dist_init(void)
{
	u32 cpumask = readl_relaxed(dist_base + GIC_DIST_TARGET) & 0xff;
	unsigned int i;

	cpumask |= cpumask << 8;
	cpumask |= cpumask << 16;
	writel_relaxed(0, dist_base + GIC_DIST_CTRL);
	for (i = 32; i < gic_irqs; i += 16)
		writel_relaxed(0, dist_base + GIC_DIST_CONFIG + i / 4);
	for (i = 32; i < gic_irqs; i += 4) {
		writel_relaxed(cpumask, dist_base + GIC_DIST_TARGET + i);
		writel_relaxed(0xa0a0a0a0, dist_base + GIC_DIST_PRI + i);
	}
	for (i = 32; i < gic_irqs; i += 32) {
		writel_relaxed(~0u, dist_base + GIC_DIST_ACTIVE_CLEAR + i / 8);
		writel_relaxed(~0u, dist_base + GIC_DIST_ENABLE_CLEAR + i / 8);
	}
	writel_relaxed(GICD_ENABLE, dist_base + GIC_DIST_CTRL);
}

/**
 * gic_of_init - find the GIC in the DT and set up its distributor
 * @fdt: the flattened device tree
 *
 * On the boot CPU, after ioremap works, before any secondary starts; then
 * sets up the boot CPU's interface (gic_cpu_init(0)).  Returns 0, or
 * -ENODEV (no GIC node, or its registers cannot be mapped): a board without
 * one runs on its boot CPU alone.
 */
int gic_of_init(const void *fdt)
{
	const char *compat = NULL;
	int node = gic_find_node(fdt, &compat);

	if (node < 0)
		return -ENODEV;
	dist_base = gic_map(fdt, node, 0, "distributor");
	cpu_base = dist_base ? gic_map(fdt, node, 1, "CPU interface") : NULL;
	if (!cpu_base) {
		dist_base = NULL;
		return -ENODEV;
	}
	/* GICD_TYPER.ITLinesNumber: 32 * (N + 1) interrupts, at most 1020. */
	gic_irqs = min_t(u32, 32 * ((readl_relaxed(dist_base + GIC_DIST_CTR) & 0x1f) + 1), 1020);
	pr_debug("GIC: %s, %u interrupts\n", compat, gic_irqs);
	gic_dist_init();
	gic_cpu_init(0);
	return 0;
}

/** gic_present - did gic_of_init() find and set up a GIC? */
bool gic_present(void)
{
	return cpu_base != NULL;
}

/* The CPU interface number(s) of the calling CPU: its bit in GICD_ITARGETSR0-7. */
static u8 gic_get_cpumask(void)
{
	u32 mask = 0;

	for (unsigned int i = 0; i < 32; i += 4) {
		mask = readl_relaxed(dist_base + GIC_DIST_TARGET + i);
		mask |= mask >> 16;
		mask |= mask >> 8;
		if (mask & 0xff)
			break;
	}
	return mask & 0xff;
}

/**
 * gic_cpu_init - the calling CPU's banked distributor state and CPU interface
 * @cpu: the calling CPU's logical number
 *
 * SGIs enabled, private peripheral interrupts off, every banked interrupt
 * at the default priority; the interface passes everything above the
 * priority threshold.  Interrupts stay masked in CPSR until the caller
 * unmasks them.
 */
void gic_cpu_init(unsigned int cpu)
{
	u8 mask;

	if (!cpu_base)
		return;
	mask = gic_get_cpumask();
	gic_cpu_map[cpu] = mask;
	/* Nobody else has this interface: take it out of the placeholders. */
	for (unsigned int i = 0; i < NR_CPUS; i++)
		if (i != cpu)
			gic_cpu_map[i] &= ~mask;

	writel_relaxed(0xffff0000, dist_base + GIC_DIST_ENABLE_CLEAR);
	writel_relaxed(0x0000ffff, dist_base + GIC_DIST_ENABLE_SET);
	for (unsigned int i = 0; i < 32; i += 4)
		writel_relaxed(0xa0a0a0a0, dist_base + GIC_DIST_PRI + i);
	writel_relaxed(GIC_CPU_PRI_MASK_ALL, cpu_base + GIC_CPU_PRIMASK);
	writel_relaxed(0, cpu_base + GIC_CPU_BINPOINT);
	writel_relaxed(GICC_ENABLE, cpu_base + GIC_CPU_CTRL);
}

/** gic_cpu_if_mask - @cpu's bit(s) in an SGI target list (0xff-ish until it starts) */
u8 gic_cpu_if_mask(unsigned int cpu)
{
	return gic_cpu_map[cpu];
}

/**
 * gic_send_sgi - raise SGI @irq on the logical CPUs in @cpumask
 * @cpumask: bit n set: logical CPU n
 * @irq: SGI number, 0-15
 *
 * Stores before the call are visible to the targets' handlers: the write
 * that raises the SGI is a device write, so order normal memory before it
 * with a DSB (Linux: dmb(ishst), then the writel_relaxed).
 */
void gic_send_sgi(unsigned long cpumask, unsigned int irq)
{
	u32 targets = 0;

	if (!dist_base || irq >= GIC_NR_SGI)
		return;
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask & (1UL << cpu))
			targets |= gic_cpu_map[cpu];
	dsb();
	writel_relaxed(targets << 16 | irq, dist_base + GIC_DIST_SOFTINT);
}

/**
 * gic_handle_irq - the IRQ exception: acknowledge and handle until none is left
 *
 * An SGI is acknowledged (EOI) before it is handled, as Linux does, so
 * that the sender's next IPI of the same number is not lost while this
 * one runs; the read barrier orders the handler's reads after the
 * acknowledge, pairing with the sender's DSB.
 */
void gic_handle_irq(void)
{
	for (;;) {
		u32 iar = readl_relaxed(cpu_base + GIC_CPU_INTACK);
		u32 irq = iar & GICC_IAR_INT_ID_MASK;

		if (irq >= GIC_SPURIOUS)
			return;
		writel_relaxed(iar, cpu_base + GIC_CPU_EOI);
		if (irq < GIC_NR_SGI) {
			dmb();
			handle_IPI(irq);
		} else {
			pr_warn("GIC: unexpected interrupt %u on CPU%d (none is enabled)\n", irq,
				smp_processor_id());
		}
	}
}
