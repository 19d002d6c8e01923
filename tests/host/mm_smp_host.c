// SPDX-License-Identifier: GPL-2.0
/*
 * The host's machine for the portable mm_smp suite (tests/target/mm_smp_test.c):
 * four CPUs (host_smp.c: possible before the boot, as /cpus makes them on
 * the target), the portable page allocator suites' machine
 * (tests/host/mm_test_host.c: vexpress-like, 128 MiB, a 16 MiB default CMA
 * area), the slab caches, and the other CPUs online: each runs as a thread
 * for the length of an on_each_cpu() call (host_smp_call.c).
 */
#include "../target/mm_smp.h"
#include "../mm_test.h"
#include "host_smp.h"
#include "slab.h"
#include "smp.h"

/** mm_smp_machine_setup - boot the portable suites' machine on four CPUs, with slab */
int mm_smp_machine_setup(struct ktap_test *t)
{
	int ret;

	host_smp_init(NR_CPUS);
	ret = mm_test_init(t);
	if (ret)
		return ret;
	kmem_cache_init();
	for (unsigned int cpu = 1; cpu < NR_CPUS; cpu++) {
		page_alloc_cpu_online(cpu); /* as smp_init() brings each up */
		set_cpu_online(cpu, true);
	}
	return 0;
}

/** mm_smp_machine_teardown - back to one CPU, as the other host suites expect */
void mm_smp_machine_teardown(struct ktap_test *t)
{
	host_smp_reset();
	mm_test_exit(t);
}
