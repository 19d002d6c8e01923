// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator with several CPUs churning at once (docs/bench.md):
 * 1, 2 and 4 CPUs each allocate CHURN_PAGES order-0 pages and free them
 * again, CHURN_ROUNDS times, all starting together.  Under -icount the
 * CPUs take turns on one virtual clock (QEMU's single-threaded TCG), so the
 * instructions the clock counts are every CPU's, spinning included;
 * divided by every CPU's pairs, they are the cost of a pair with that many
 * CPUs competing for the zone lock.  The pcp share is the part of the
 * allocations and frees that stayed on their CPU's pcp list, never taking
 * zone->lock (include/vm_event.h).  On request only; reports, never asserts.
 */
#include "atomic.h"
#include "bench.h"
#include "gfp.h"
#include "ktap.h"
#include "mm.h"
#include "printk.h"
#include "smp.h"
#include "vm_event.h"
#include <asm/processor.h>

#define CHURN_PAGES  64
#define CHURN_ROUNDS 64

struct churn {
	unsigned int ncpus; /* CPUs 0 to ncpus - 1 churn; the others return at once */
	atomic_t arrived;
	atomic_t failed;
};

static void churn(void *arg)
{
	struct churn *c = arg;
	struct page *pages[CHURN_PAGES];

	if ((unsigned int)smp_processor_id() >= c->ncpus)
		return;
	atomic_inc(&c->arrived);
	while (atomic_read(&c->arrived) < (int)c->ncpus)
		cpu_relax();
	for (int round = 0; round < CHURN_ROUNDS; round++) {
		for (int i = 0; i < CHURN_PAGES; i++)
			pages[i] = alloc_pages(GFP_ATOMIC, 0); /* IPI context: no sleeping */
		for (int i = 0; i < CHURN_PAGES; i++) {
			if (!pages[i]) {
				atomic_inc(&c->failed);
				continue;
			}
			__free_pages(pages[i], 0);
		}
	}
}

static void bench_churn(struct ktap_test *t, unsigned int ncpus)
{
	struct churn c = {.ncpus = ncpus, .arrived = ATOMIC_INIT(0), .failed = ATOMIC_INIT(0)};
	u64 pairs = (u64)ncpus * CHURN_ROUNDS * CHURN_PAGES, locked, t0, t1;
	char name[48];

	for (unsigned int cpu = 0; cpu < ncpus; cpu++)
		if (!cpu_online(cpu)) {
			ktap_info("bench_smp: CPU %u is not online: no %u-CPU figures", cpu, ncpus);
			return;
		}
	locked = sum_vm_event(PCP_REFILL) + sum_vm_event(PCP_DRAIN);
	t0 = bench_now_instructions();
	on_each_cpu(churn, &c, 1);
	t1 = bench_now_instructions();
	locked = sum_vm_event(PCP_REFILL) + sum_vm_event(PCP_DRAIN) - locked;
	KTAP_EXPECT_EQ(t, atomic_read(&c.failed), 0);
	scnprintf(name, sizeof(name), "smp.order0_churn_pair_%ucpu", ncpus);
	bench_report(name, t1 - t0, pairs, "instructions/op");
	scnprintf(name, sizeof(name), "smp.pcp_share_%ucpu", ncpus);
	bench_report(name, 100 * (2 * pairs - locked), 2 * pairs, "percent");
}

static void bench_smp_order0_churn(struct ktap_test *t)
{
	if (!bench_ready(t))
		return;
	/*
	 * A CPU QEMU has but the kernel could not bring up may be spinning
	 * where it was left (a boot stub woken by an interrupt it never
	 * takes): its instructions would run up the one virtual clock.
	 */
	if (num_online_cpus() != num_present_cpus()) {
		ktap_skip(t, "a present CPU is not online: its instructions would be counted too");
		return;
	}
	bench_churn(t, 1); /* warms every pcp list it will use, then the 1-CPU reference */
	bench_churn(t, 1);
	bench_churn(t, 2);
	bench_churn(t, 4);
}

static struct ktap_case bench_smp_cases[] = {
	KTAP_CASE(bench_smp_order0_churn),
	{},
};

static struct ktap_suite bench_smp_suite = {
	.name = "bench_smp",
	.cases = bench_smp_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_smp_suite);
