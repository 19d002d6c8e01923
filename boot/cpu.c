// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU masks (Linux's kernel/cpu.c, the part without hotplug).
 *
 * The boot CPU is logical CPU 0 and is in every mask from the first
 * instruction: Linux's boot_cpu_init() sets it in start_kernel, but here
 * the host suites and mmsim run mm/ without any start_kernel, and code
 * there may ask num_online_cpus() at any time.
 */
#include "smp.h"

struct cpumask __cpu_possible_mask = {{1UL}};
struct cpumask __cpu_present_mask = {{1UL}};
struct cpumask __cpu_online_mask = {{1UL}};

static void assign_cpu(unsigned int cpu, struct cpumask *mask, bool val)
{
	if (val)
		cpumask_set_cpu(cpu, mask);
	else
		cpumask_clear_cpu(cpu, mask);
}

/**
 * set_cpu_possible - mark @cpu as one that may ever run
 * @cpu: logical CPU number, below NR_CPUS
 * @possible: in the mask or not
 *
 * Before setup_per_cpu_areas() only: the possible CPUs are the ones that
 * get a per-CPU area.
 */
void set_cpu_possible(unsigned int cpu, bool possible)
{
	assign_cpu(cpu, &__cpu_possible_mask, possible);
}

/**
 * set_cpu_present - mark @cpu as existing in this machine
 * @cpu: logical CPU number, below NR_CPUS
 * @present: in the mask or not
 */
void set_cpu_present(unsigned int cpu, bool present)
{
	assign_cpu(cpu, &__cpu_present_mask, present);
}

/**
 * set_cpu_online - mark @cpu as running the kernel, or no longer
 * @cpu: logical CPU number, below NR_CPUS
 * @online: in the mask or not
 *
 * A secondary CPU calls it on itself once it can take part (its per-CPU
 * offset set, its MMU on); an atomic bit operation, as CPUs come online
 * concurrently.
 */
void set_cpu_online(unsigned int cpu, bool online)
{
	assign_cpu(cpu, &__cpu_online_mask, online);
}
