/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU numbering (Linux's smp.h and cpumask.h, the small part mm/ needs).
 * Until SMP support brings up the secondary CPUs only CPU 0 runs, so this
 * is the uniprocessor view; per-CPU data (the page allocator's pcp lists)
 * is already sized for NR_CPUS so that nothing else changes when more CPUs
 * come online.
 */
#ifndef _SMP_H
#define _SMP_H

#include "types.h"

/* Cortex-A9 MPCore clusters have at most four CPUs. */
#define NR_CPUS 4

/** smp_processor_id - the CPU this code runs on (always 0 until SMP) */
static inline int smp_processor_id(void)
{
	return 0;
}

/** num_online_cpus - how many CPUs are running */
static inline unsigned int num_online_cpus(void)
{
	return 1;
}

/** cpu_online - is @cpu running? */
static inline bool cpu_online(unsigned int cpu)
{
	return cpu < num_online_cpus();
}

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)
#define for_each_online_cpu(cpu)   for ((cpu) = 0; (cpu) < (int)num_online_cpus(); (cpu)++)

#endif /* _SMP_H */
