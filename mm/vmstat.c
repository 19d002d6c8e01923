// SPDX-License-Identifier: GPL-2.0
/* The per-CPU event counters of include/vm_event.h (Linux's vm_event_states). */
#include "smp.h"
#include "vm_event.h"

DEFINE_PER_CPU(struct vm_event_state, vm_event_states);

/**
 * sum_vm_event - @item over every possible CPU (Linux's all_vm_events, for one item)
 * @item: the event
 *
 * Return: the sum; exact when the other CPUs are not counting meanwhile.
 */
unsigned long sum_vm_event(enum vm_event_item item)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu (cpu)
		sum += READ_ONCE(per_cpu(vm_event_states, cpu).event[item]);
	return sum;
}
