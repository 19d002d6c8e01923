// SPDX-License-Identifier: GPL-2.0
/*
 * The secondary CPUs and the IPIs between them (arch/arm/kernel/smp.c):
 * every CPU expected is online and is who it says it is, and a function
 * sent to CPUs runs on exactly those CPUs, exactly once, there and back.
 * selftest.cpus=N on the command line is how many CPUs the boot expects
 * (QEMU's -smp, maxcpus=, nosmp); without it that case is skipped.
 */
#include "init.h"
#include "kernel.h"
#include "ktap.h"
#include "percpu.h"
#include "smp.h"
#include <asm/cp15.h>
#include <asm/processor.h>
#include <asm/smp.h>

static int expected_cpus = -1;

static int __init early_selftest_cpus(char *val)
{
	return early_param_int("selftest.cpus", val, 1, NR_CPUS, &expected_cpus);
}
early_param("selftest.cpus", early_selftest_cpus);

/* What each CPU saw when a function sent to it ran. */
static struct cpu_sample {
	int runs;
	int id;
	unsigned long offset;
} samples[NR_CPUS];

static void clear_samples(void)
{
	for (unsigned int i = 0; i < NR_CPUS; i++)
		samples[i] = (struct cpu_sample){.runs = 0, .id = -1};
	__asm__ __volatile__("dmb ish" ::: "memory");
}

static unsigned long read_tpidrprw(void)
{
	unsigned long v;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 4" : "=r"(v));
	return v;
}

/*
 * Runs on the CPU it was sent to: record, under the CPU the hardware says
 * this is (MPIDR through cpu_logical_map, not smp_processor_id()), what
 * the kernel thinks it is, and count the run.
 */
static void sample_cpu(void *info)
{
	u32 mpidr = read_mpidr() & MPIDR_HWID_BITMASK;
	unsigned int cpu = NR_CPUS - 1;
	struct cpu_sample *s;

	(void)info;
	for (unsigned int i = 0; i < NR_CPUS; i++)
		if (cpu_logical_map(i) == mpidr)
			cpu = i;
	s = &samples[cpu];
	s->id = smp_processor_id();
	s->offset = read_tpidrprw();
	__atomic_add_fetch(&s->runs, 1, __ATOMIC_SEQ_CST);
}

static void smp_expected_cpus_are_online(struct ktap_test *t)
{
	unsigned int cpu, n = 0;

	if (expected_cpus < 0) {
		ktap_skip(t, "no selftest.cpus= on the command line");
		return;
	}
	KTAP_EXPECT_EQ(t, num_online_cpus(), (unsigned int)expected_cpus);
	for_each_online_cpu (cpu) {
		KTAP_EXPECT_TRUE(t, cpu_possible(cpu));
		n++;
	}
	KTAP_EXPECT_EQ(t, n, num_online_cpus());
	KTAP_EXPECT_TRUE(t, cpu_online(0));
}

static void smp_on_each_cpu_runs_once_on_every_online_cpu(struct ktap_test *t)
{
	unsigned int cpu;

	clear_samples();
	on_each_cpu(sample_cpu, NULL, 1);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KTAP_EXPECT_EQ(t, samples[cpu].runs, cpu_online(cpu) ? 1 : 0);
}

static void smp_each_cpu_has_its_own_id_and_offset(struct ktap_test *t)
{
	unsigned int cpu, other;

	clear_samples();
	on_each_cpu(sample_cpu, NULL, 1);
	for_each_online_cpu (cpu) {
		KTAP_EXPECT_EQ(t, samples[cpu].id, (int)cpu);
		KTAP_EXPECT_EQ(t, samples[cpu].offset, per_cpu_offset(cpu));
		for_each_online_cpu (other)
			if (other != cpu)
				KTAP_EXPECT_NE(t, per_cpu_offset(cpu), per_cpu_offset(other));
	}
}

static void smp_call_function_single_runs_on_that_cpu(struct ktap_test *t)
{
	unsigned int cpu;

	for_each_online_cpu (cpu) {
		clear_samples();
		KTAP_EXPECT_EQ(t, smp_call_function_single((int)cpu, sample_cpu, NULL, 1), 0);
		for (unsigned int i = 0; i < NR_CPUS; i++)
			KTAP_EXPECT_EQ(t, samples[i].runs, i == cpu ? 1 : 0);
		KTAP_EXPECT_EQ(t, samples[cpu].id, (int)cpu);
	}
}

static void smp_call_function_single_refuses_an_offline_cpu(struct ktap_test *t)
{
	unsigned int cpu;

	clear_samples();
	KTAP_EXPECT_EQ(t, smp_call_function_single(NR_CPUS, sample_cpu, NULL, 1), -ENXIO);
	KTAP_EXPECT_EQ(t, smp_call_function_single(-1, sample_cpu, NULL, 1), -ENXIO);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			KTAP_EXPECT_EQ(t, smp_call_function_single((int)cpu, sample_cpu, NULL, 1),
				       -ENXIO);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KTAP_EXPECT_EQ(t, samples[cpu].runs, 0);
}

/* The round trip: CPU0 -> CPU n, whose function sends one back to CPU0. */
static int returned_on;

static void note_return(void *info)
{
	(void)info;
	__atomic_store_n(&returned_on, smp_processor_id(), __ATOMIC_SEQ_CST);
}

static void send_back(void *info)
{
	(void)info;
	/* In the IPI handler, interrupts off: do not wait (Linux forbids it). */
	smp_call_function_single(0, note_return, NULL, 0);
}

static bool wait_for(int *p, int value)
{
	for (unsigned int n = 0; n < 100000000u; n++) {
		if (__atomic_load_n(p, __ATOMIC_SEQ_CST) == value)
			return true;
		cpu_relax();
	}
	return false;
}

static void smp_ipi_round_trip_returns_to_the_sender(struct ktap_test *t)
{
	unsigned int cpu, tested = 0;

	for_each_online_cpu (cpu) {
		unsigned long before = ipi_count(0, IPI_CALL_FUNC);
		unsigned long there = ipi_count(cpu, IPI_CALL_FUNC);

		if (cpu == 0)
			continue;
		returned_on = -1;
		KTAP_EXPECT_EQ(t, smp_call_function_single((int)cpu, send_back, NULL, 1), 0);
		KTAP_EXPECT_TRUE(t, wait_for(&returned_on, 0));
		KTAP_EXPECT_GT(t, ipi_count(cpu, IPI_CALL_FUNC), there);
		KTAP_EXPECT_GT(t, ipi_count(0, IPI_CALL_FUNC), before);
		tested++;
	}
	if (!tested)
		ktap_skip(t, "only the boot CPU is online");
}

/* Without waiting: every call still runs, once, and the csd is reused safely. */
static int async_runs[NR_CPUS];

static void count_async(void *info)
{
	(void)info;
	__atomic_add_fetch(&async_runs[smp_processor_id()], 1, __ATOMIC_SEQ_CST);
}

static void smp_calls_without_wait_all_run(struct ktap_test *t)
{
	const int rounds = 200;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		async_runs[cpu] = 0;
	for (int i = 0; i < rounds; i++)
		on_each_cpu(count_async, NULL, 0);
	for_each_online_cpu (cpu) {
		KTAP_EXPECT_TRUE(t, wait_for(&async_runs[cpu], rounds));
		KTAP_EXPECT_EQ(t, async_runs[cpu], rounds);
	}
}

static struct ktap_case smp_cases[] = {
	KTAP_CASE(smp_expected_cpus_are_online),
	KTAP_CASE(smp_on_each_cpu_runs_once_on_every_online_cpu),
	KTAP_CASE(smp_each_cpu_has_its_own_id_and_offset),
	KTAP_CASE(smp_call_function_single_runs_on_that_cpu),
	KTAP_CASE(smp_call_function_single_refuses_an_offline_cpu),
	KTAP_CASE(smp_ipi_round_trip_returns_to_the_sender),
	KTAP_CASE(smp_calls_without_wait_all_run),
	{},
};
KTAP_SUITE(smp, smp_cases);

/*
 * On request only (a boot names it): a fatal fault on a secondary CPU,
 * inside a cross-call.  The Oops names that CPU's code, panic stops the
 * other CPUs (Linux's "CPUn: stopping", the boot CPU among them) and halts.
 */
static void fault_here(void *info)
{
	volatile u32 *volatile null_page = (volatile u32 *)0x14;

	(void)info;
	*null_page = 1;
}

static void smp_fatal_fault_on_a_secondary_cpu(struct ktap_test *t)
{
	unsigned int cpu;

	for_each_online_cpu (cpu)
		if (cpu != 0) {
			smp_call_function_single((int)cpu, fault_here, NULL, 1);
			ktap_fail(t, __FILE__, __LINE__,
				  "the write on CPU%u did not stop the kernel", cpu);
			return;
		}
	ktap_skip(t, "only the boot CPU is online");
}

static struct ktap_case smp_fatal_cases[] = {KTAP_CASE(smp_fatal_fault_on_a_secondary_cpu), {}};
static struct ktap_suite smp_fatal_suite = {
	.name = "smp_fatal", .cases = smp_fatal_cases, .on_request = true};
KTAP_SUITE_DEFINE(smp_fatal_suite);
