// SPDX-License-Identifier: GPL-2.0
/*
 * The DT's /cpus: which CPUs exist and how to start them (Linux's
 * arch/arm/kernel/devtree.c, arm_dt_init_cpu_maps).
 *
 * Each cpu node's `reg` is its MPIDR[23:0].  The boot CPU is logical CPU 0
 * whatever its place in the list; the others are numbered in DT order.
 * The map is used only if it is whole: every node has a valid reg, no two
 * share one, and one of them is the boot CPU.  Otherwise the kernel runs
 * on the boot CPU alone, after a message naming what is wrong (Linux's
 * text where Linux has one).  More nodes than NR_CPUS are capped, as Linux,
 * with one difference: Linux stops reading /cpus at the cap, so a boot CPU
 * listed after it is "missing" and the kernel runs alone, and its count
 * includes the boot CPU's slot, so a DT of NR_CPUS nodes that lacks the boot
 * CPU (Linux's highbank DT on QEMU, whose MPIDRs are not the silicon's) is
 * said to have NR_CPUS + 1.  We read every node: the count is the DT's, and
 * the boot CPU is found wherever it is listed.
 *
 * The enable method: /cpus's `enable-method`, else the first cpu node's;
 * else the first table entry whose compatible the root node matches (a
 * board whose DT names none, as Linux's machine descriptors do).
 */
#include "kernel.h"
#include "printk.h"
#include "smp.h"
#include <asm/cp15.h>
#include <asm/smp.h>
#include <libfdt.h>
#include <string.h>

extern const struct of_cpu_method __start_cpu_method_of_table[], __stop_cpu_method_of_table[];

static const struct smp_operations *ops_by_method(const char *method)
{
	for (const struct of_cpu_method *m = __start_cpu_method_of_table;
	     m < __stop_cpu_method_of_table; m++)
		if (m->method && !strcmp(m->method, method))
			return m->ops;
	return NULL;
}

/* Linux's set_smp_ops_by_method: true if @node names a method we have. */
static bool set_smp_ops_by_method(const void *fdt, int node)
{
	const char *method = fdt_getprop(fdt, node, "enable-method", NULL);
	const struct smp_operations *ops;

	if (!method)
		return false;
	ops = ops_by_method(method);
	if (!ops) {
		pr_warn("smp: %s: enable-method \"%s\" is not one this kernel knows\n",
			fdt_get_name(fdt, node, NULL), method);
		return false;
	}
	smp_set_ops(ops);
	return true;
}

static bool set_smp_ops_by_machine(const void *fdt)
{
	for (const struct of_cpu_method *m = __start_cpu_method_of_table;
	     m < __stop_cpu_method_of_table; m++)
		if (m->compatible && !fdt_node_check_compatible(fdt, 0, m->compatible)) {
			smp_set_ops(m->ops);
			return true;
		}
	return false;
}

/* A child of /cpus that describes a CPU (Linux's for_each_of_cpu_node). */
static bool is_cpu_node(const void *fdt, int node)
{
	const char *type = fdt_getprop(fdt, node, "device_type", NULL);
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	if (!type || strcmp(type, "cpu"))
		return false;
	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/*
 * The node's MPIDR: reg with /cpus's #address-cells (1 on ARM; with 2 the
 * upper cell must be 0).  False, with a message, if there is none.
 */
static bool cpu_node_hwid(const void *fdt, int node, int na, u32 *hwid)
{
	int len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
	const char *name = fdt_get_name(fdt, node, NULL);

	if (!reg) {
		pr_warn("smp: /cpus/%s has no reg property: ignoring /cpus, running on the boot "
			"CPU "
			"alone\n",
			name);
		return false;
	}
	if (len < (int)sizeof(*reg) * na || na < 1 || na > 2) {
		pr_warn("smp: /cpus/%s: reg is %d bytes, /cpus has %d address cells (1 or 2): "
			"ignoring /cpus, running on the boot CPU alone\n",
			name, len, na);
		return false;
	}
	if (na == 2 && fdt32_to_cpu(reg[0])) {
		pr_warn("smp: /cpus/%s: reg 0x%x%08x is not an MPIDR: ignoring /cpus, running "
			"on the boot CPU alone\n",
			name, (u32)fdt32_to_cpu(reg[0]), (u32)fdt32_to_cpu(reg[1]));
		return false;
	}
	*hwid = (u32)fdt32_to_cpu(reg[na - 1]);
	if (*hwid & ~MPIDR_HWID_BITMASK) {
		pr_warn("smp: /cpus/%s: reg 0x%x has bits outside MPIDR[23:0]: ignoring /cpus, "
			"running on the boot CPU alone\n",
			name, *hwid);
		return false;
	}
	return true;
}

/**
 * arm_dt_init_cpu_maps - possible CPUs and the enable method from the DT
 * @fdt: the flattened device tree
 *
 * On the boot CPU in setup_arch.  CPU 0 (the boot CPU) is always possible.
 */
void arm_dt_init_cpu_maps(const void *fdt)
{
	u32 mpidr = read_mpidr(), tmp_map[NR_CPUS];
	unsigned int cpuidx = 1, nodes = 0, i;
	bool found_method = false, bootcpu_valid = false;
	int cpus, node, na;

	/* A uniprocessor MPIDR format: the boot CPU's id is 0 (Linux's is_smp()). */
	mpidr = (mpidr & (MPIDR_MP_EXT | MPIDR_UP)) == MPIDR_MP_EXT ? mpidr & MPIDR_HWID_BITMASK
								    : 0;
	cpu_logical_map(0) = mpidr;
	set_cpu_possible(0, true);

	cpus = fdt_path_offset(fdt, "/cpus");
	if (cpus < 0) {
		pr_warn("smp: the device tree has no /cpus node: running on the boot CPU alone\n");
		return;
	}
	na = fdt_address_cells(fdt, cpus);
	found_method = set_smp_ops_by_method(fdt, cpus);
	for (i = 0; i < NR_CPUS; i++)
		tmp_map[i] = MPIDR_INVALID;

	fdt_for_each_subnode(node, fdt, cpus)
	{
		u32 hwid;

		if (!is_cpu_node(fdt, node))
			continue;
		if (!cpu_node_hwid(fdt, node, na, &hwid))
			return;
		for (i = 0; i < cpuidx; i++)
			if (tmp_map[i] == hwid) {
				pr_warn("Duplicate /cpu reg properties in the DT\n");
				pr_warn("smp: /cpus/%s: reg 0x%x is another CPU's too: ignoring "
					"/cpus, "
					"running on the boot CPU alone\n",
					fdt_get_name(fdt, node, NULL), hwid);
				return;
			}
		nodes++;
		if (hwid == mpidr) {
			tmp_map[0] = hwid;
			bootcpu_valid = true;
		} else if (cpuidx < NR_CPUS) {
			tmp_map[cpuidx++] = hwid;
		} /* else a CPU past the cap: counted, not mapped */
		if (!found_method)
			found_method = set_smp_ops_by_method(fdt, node);
	}
	if (nodes > NR_CPUS)
		pr_warn("DT /cpu %u nodes greater than max cores %u, capping them\n", nodes,
			NR_CPUS);
	if (!found_method)
		set_smp_ops_by_machine(fdt);

	if (!bootcpu_valid) {
		pr_warn("DT missing boot CPU MPIDR[23:0], fall back to default cpu_logical_map\n");
		pr_warn("smp: no cpu node of /cpus has reg 0x%x, the boot CPU's MPIDR: running on "
			"the boot CPU alone\n",
			mpidr);
		return;
	}
	for (i = 0; i < cpuidx; i++) {
		set_cpu_possible(i, true);
		cpu_logical_map(i) = tmp_map[i];
	}
}
