/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPUs on the host: each pthread of a host test can be a different CPU,
 * with its own per-CPU area and smp_processor_id(), so mm/ runs under real
 * concurrency with the target's per-CPU semantics.
 *
 *	host_smp_init(4);                 // before the boot: CPUs 0-3 possible
 *	... boot, start threads ...
 *	host_become_cpu(n);               // first thing in thread n
 *
 * The main thread is CPU 0 from the start.  host_early_boot_reset() puts
 * back the one-CPU machine.
 */
#ifndef _HOST_SMP_H
#define _HOST_SMP_H

void host_smp_init(unsigned int nr_cpus);
void host_become_cpu(unsigned int cpu);
void host_smp_reset(void);

#endif /* _HOST_SMP_H */
