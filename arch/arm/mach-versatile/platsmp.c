// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the secondary CPUs of ARM's own boards - Versatile Express
 * (vexpress-a9) and RealView (realview-pbx-a9) - as Linux's
 * mach-versatile/platsmp*.c does: the boot monitor (QEMU's secondary boot
 * stub under -kernel) keeps each secondary in WFI and, whenever it wakes,
 * jumps to the address in the system registers' SYS_FLAGS if it is not 0.
 *
 *  prepare: SYS_FLAGS = the physical address of the holding pen
 *           (headsmp.S), written through its set/clear registers;
 *  boot:    versatile_cpu_release = the CPU's MPIDR, cleaned to memory;
 *           a wake-up SGI; SEV for a CPU already in the pen; wait until
 *           the CPU says it is out (release = -1), at most a bounded time.
 *
 * Vexpress DTs name no enable-method (the board is matched by its root
 * compatible); RealView's say "arm,realview-smp".  docs/smp.md.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <libfdt.h>
#include "of_address.h"

#define SYS_FLAGSSET 0x30
#define SYS_FLAGSCLR 0x34

/* Read by the pen with the MMU off: written, then cleaned to memory. */
u32 versatile_cpu_release = MPIDR_INVALID;
void versatile_secondary_startup(void);

static void __iomem *sys_flags;

/* The boards' system register blocks, as Linux's drivers know them. */
static const char *const sysreg_compatibles[] = {
	"arm,vexpress-sysreg",	      "arm,realview-pbx-syscon",  "arm,realview-eb-syscon",
	"arm,realview-pb11mp-syscon", "arm,realview-pba8-syscon",
};

static void __iomem *map_sysregs(const void *fdt)
{
	struct resource r;

	for (size_t i = 0; i < ARRAY_SIZE(sysreg_compatibles); i++) {
		int node = fdt_node_offset_by_compatible(fdt, -1, sysreg_compatibles[i]);

		if (node < 0)
			continue;
		if (of_address_to_resource(fdt, node, 0, &r)) {
			pr_err("smp: %s: cannot read its reg: no SYS_FLAGS\n",
			       fdt_get_name(fdt, node, NULL));
			return NULL;
		}
		return ioremap(r.start, resource_size(&r));
	}
	pr_err("smp: no system registers (arm,vexpress-sysreg or arm,realview-*-syscon) in "
	       "the device tree: the secondary CPUs cannot be told where to start\n");
	return NULL;
}

static void versatile_set_release(u32 value)
{
	WRITE_ONCE(versatile_cpu_release, value);
	sync_cache_w(&versatile_cpu_release, sizeof(versatile_cpu_release));
}

static void versatile_smp_prepare_cpus(unsigned int max_cpus)
{
	(void)max_cpus;
	sys_flags = map_sysregs(initial_boot_params);
	if (!sys_flags)
		return;
	versatile_set_release(MPIDR_INVALID);
	writel(~0u, sys_flags + SYS_FLAGSCLR);
	writel((u32)__pa(versatile_secondary_startup), sys_flags + SYS_FLAGSSET);
}

static int versatile_boot_secondary(unsigned int cpu)
{
	if (!sys_flags)
		return -ENODEV;
	versatile_set_release(cpu_logical_map(cpu));
	arch_send_wakeup_ipi_mask(1UL << cpu);
	__asm__ __volatile__("dsb\n\tsev" ::: "memory");
	for (unsigned int n = 0; n < SMP_WAIT_POLLS; n++) {
		if (READ_ONCE(versatile_cpu_release) == MPIDR_INVALID)
			return 0;
		cpu_relax();
	}
	/* Still in the pen (or never woke): take the release back, as Linux's -ENOSYS. */
	versatile_set_release(MPIDR_INVALID);
	return -ENOSYS;
}

static void versatile_secondary_init(unsigned int cpu)
{
	(void)cpu;
	versatile_set_release(MPIDR_INVALID);
}

static const struct smp_operations versatile_smp_ops = {
	.smp_prepare_cpus = versatile_smp_prepare_cpus,
	.smp_boot_secondary = versatile_boot_secondary,
	.smp_secondary_init = versatile_secondary_init,
};

SMP_MACHINE_OF_DECLARE(vexpress, "arm,vexpress", &versatile_smp_ops);
CPU_METHOD_OF_DECLARE(realview, "arm,realview-smp", &versatile_smp_ops);
