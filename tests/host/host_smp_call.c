// SPDX-License-Identifier: GPL-2.0
/*
 * on_each_cpu() on the host: each online CPU other than the caller's runs
 * @func on a POSIX thread of its own for the length of the call, as that
 * CPU (host_become_cpu(), host_smp.c), so the mm code runs truly
 * concurrently on the host, under ASan/UBSan.  The thread that runs the
 * tests is CPU 0.
 *
 * As Linux's and the target's (arch/arm/kernel/smp.c): @func runs on the
 * other CPUs and on this one at the same time, each with its interrupts
 * masked, so code that makes the CPUs meet in a barrier works on both.
 */
#include "host_smp.h"
#include "kernel.h"
#include "smp.h"
#include <asm/irqflags.h>
#include <pthread.h>

struct host_cpu_call {
	void (*func)(void *info);
	void *info;
	unsigned int cpu;
};

static void host_call_masked(void (*func)(void *info), void *info)
{
	unsigned long flags = arch_local_irq_save();

	func(info);
	arch_local_irq_restore(flags);
}

static void *host_cpu_thread(void *arg)
{
	struct host_cpu_call *call = arg;

	host_become_cpu(call->cpu);
	host_call_masked(call->func, call->info);
	return NULL;
}

/**
 * on_each_cpu - run @func(@info) on every online CPU, this one included
 * @func: the function
 * @info: its argument
 * @wait: ignored on the host: the call always returns after every CPU ran
 *        @func (its threads are joined)
 */
void on_each_cpu(void (*func)(void *info), void *info, int wait)
{
	struct host_cpu_call calls[NR_CPUS];
	pthread_t threads[NR_CPUS];
	bool started[NR_CPUS] = {false};
	int self = smp_processor_id();
	int cpu;

	(void)wait;
	for_each_online_cpu (cpu) {
		if (cpu == self)
			continue;
		calls[cpu] = (struct host_cpu_call){func, info, (unsigned int)cpu};
		BUG_ON(pthread_create(&threads[cpu], NULL, host_cpu_thread, &calls[cpu]));
		started[cpu] = true;
	}
	host_call_masked(func, info);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (started[cpu])
			BUG_ON(pthread_join(threads[cpu], NULL));
}
