// SPDX-License-Identifier: GPL-2.0
/*
 * The host's CPUs (host_smp.h).  The per-CPU areas come from a buffer of
 * this file, not from memblock: host suites reset and refill memblock
 * many times a run, and the areas must outlive that.  Copying the template
 * and numbering the CPUs is mm/percpu.c's own pcpu_setup_first_chunk().
 */
#include "host_smp.h"
#include "kernel.h"
#include "mm.h"
#include "percpu.h"
#include "printk.h"
#include "smp.h"

__thread unsigned long host_my_cpu_offset;
__thread unsigned long host_irqs_disabled; /* asm/irqflags.h */

/*
 * One page-rounded unit per CPU, as setup_per_cpu_areas() lays them out;
 * static so it outlives every reset.
 */
#define HOST_PCPU_UNIT (4 * PAGE_SIZE)
static char host_pcpu_units[NR_CPUS * HOST_PCPU_UNIT] __aligned(PAGE_SIZE);

/**
 * host_smp_init - a machine of @nr_cpus CPUs, each with its per-CPU area
 * @nr_cpus: 1 to NR_CPUS; CPUs 0 to @nr_cpus - 1 become possible and present
 *
 * What /cpus parsing and setup_per_cpu_areas() do in a target boot.  Call
 * it before the mm boot, which sizes per-CPU state by the possible CPUs.
 */
void host_smp_init(unsigned int nr_cpus)
{
	BUG_ON(nr_cpus < 1 || nr_cpus > NR_CPUS);
	BUG_ON(pcpu_static_size() > HOST_PCPU_UNIT);
	host_smp_reset();
	for (unsigned int cpu = 1; cpu < nr_cpus; cpu++) {
		set_cpu_possible(cpu, true);
		set_cpu_present(cpu, true);
	}
	pcpu_setup_first_chunk(host_pcpu_units, HOST_PCPU_UNIT);
}

/**
 * host_become_cpu - make the calling thread CPU @cpu, and mark it online
 * @cpu: a possible CPU (host_smp_init())
 *
 * As a secondary CPU's first C: set_my_cpu_offset(), then online.
 */
void host_become_cpu(unsigned int cpu)
{
	if (!cpu_possible(cpu)) {
		pr_err("host_become_cpu: CPU %u is not possible (host_smp_init() first)\n", cpu);
		BUG();
	}
	set_my_cpu_offset(per_cpu_offset(cpu));
	set_cpu_online(cpu, true);
}

/** host_smp_reset - back to one CPU, the calling thread, on the template */
void host_smp_reset(void)
{
	for (unsigned int cpu = 1; cpu < NR_CPUS; cpu++) {
		set_cpu_online(cpu, false);
		set_cpu_present(cpu, false);
		set_cpu_possible(cpu, false);
	}
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		__per_cpu_offset[cpu] = 0;
	set_my_cpu_offset(0);
}
