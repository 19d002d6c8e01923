/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU numbering and the CPU masks (Linux's smp.h and cpumask.h, the part
 * this kernel needs).  Logical CPU 0 is the boot CPU; the others are
 * numbered in /cpus order.
 *
 * possible: CPUs that may ever run (from /cpus; maxcpus= and nosmp limit
 *           which are started, not this mask, as in Linux), fixed before
 *           setup_per_cpu_areas() gives each one its area;
 * present:  possible CPUs that exist in this machine;
 * online:   CPUs running the kernel now.  A secondary marks itself online.
 */
#ifndef _SMP_H
#define _SMP_H

#include "bitops.h"
#include "percpu.h"
#include "threads.h"
#include "types.h"

struct cpumask {
	unsigned long bits[BITS_TO_LONGS(NR_CPUS)];
};
typedef struct cpumask cpumask_t;

extern struct cpumask __cpu_possible_mask, __cpu_present_mask, __cpu_online_mask;
#define cpu_possible_mask  ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_present_mask   ((const struct cpumask *)&__cpu_present_mask)
#define cpu_online_mask	   ((const struct cpumask *)&__cpu_online_mask)

#define cpumask_bits(mask) ((mask)->bits)

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *mask)
{
	return cpu < NR_CPUS && test_bit(cpu, mask->bits);
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	set_bit(cpu, mask->bits);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *mask)
{
	clear_bit(cpu, mask->bits);
}

static inline void cpumask_clear(struct cpumask *mask)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(mask->bits); i++)
		WRITE_ONCE(mask->bits[i], 0);
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(mask->bits); i++)
		n += (unsigned int)__builtin_popcountl(READ_ONCE(mask->bits[i]));
	return n;
}

/* The next CPU in @mask after @cpu (-1 to start); NR_CPUS when none is left. */
static inline int cpumask_next(int cpu, const struct cpumask *mask)
{
	while (++cpu < NR_CPUS && !test_bit((unsigned int)cpu, mask->bits))
		;
	return cpu;
}

/* The highest CPU in @mask; NR_CPUS when it is empty (Linux's cpumask_last). */
static inline unsigned int cpumask_last(const struct cpumask *mask)
{
	for (unsigned int cpu = NR_CPUS; cpu-- > 0;)
		if (test_bit(cpu, mask->bits))
			return cpu;
	return NR_CPUS;
}

#define for_each_cpu(cpu, mask) \
	for ((cpu) = cpumask_next(-1, (mask)); (cpu) < NR_CPUS; (cpu) = cpumask_next((cpu), (mask)))

#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_present_cpu(cpu)  for_each_cpu((cpu), cpu_present_mask)
#define for_each_online_cpu(cpu)   for_each_cpu((cpu), cpu_online_mask)

#define num_possible_cpus()	   cpumask_weight(cpu_possible_mask)
#define num_present_cpus()	   cpumask_weight(cpu_present_mask)
#define num_online_cpus()	   cpumask_weight(cpu_online_mask)
/*
 * Linux's nr_cpu_ids: every possible CPU's number is below it.  Linux sets
 * a variable once from the mask (setup_nr_cpu_ids); here it is read from
 * the mask, which a host suite may change between its boots.
 */
#define nr_cpu_ids	  (cpumask_last(cpu_possible_mask) + 1)

#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_present(cpu)  cpumask_test_cpu((cpu), cpu_present_mask)
#define cpu_online(cpu)	  cpumask_test_cpu((cpu), cpu_online_mask)

void set_cpu_possible(unsigned int cpu, bool possible);
void set_cpu_present(unsigned int cpu, bool present);
void set_cpu_online(unsigned int cpu, bool online);

/*
 * The CPU this code runs on, from its per-CPU area (x86's cpu_number, not
 * Linux ARM's thread_info->cpu): this kernel has no tasks that migrate and
 * so no thread_info; the per-CPU area is the one thing each CPU owns.  It
 * costs an MRC and a load.  Valid from the first line of start_kernel
 * (offset 0 and the template's 0 make the boot CPU 0 before per-CPU setup).
 */
DECLARE_PER_CPU(int, cpu_number);
#define smp_processor_id() this_cpu_read(cpu_number)

/* The boot CPU's per-CPU offset, first thing in start_kernel (arch/arm/kernel/setup.c). */
void smp_setup_processor_id(void);

/* Defined by arch/arm/kernel/smp.c on the target and by the host's support code. */
void on_each_cpu(void (*func)(void *info), void *info, int wait);
int smp_call_function_single(int cpu, void (*func)(void *info), void *info, int wait);
void smp_send_stop(void);

#endif /* _SMP_H */
