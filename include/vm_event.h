/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Event counters, per CPU (Linux's vm_event_item.h and the count_vm_event()
 * half of vmstat.h): a bump is an add to this CPU's own copy, no atomic and
 * no shared cache line; readers sum over the CPUs.
 *
 * Deliberately not Linux's list of events: these are the ones this kernel
 * measures, the times an order-0 allocation or free could not stay on its
 * CPU's pcp list and took zone->lock (make bench's pcp share).  They are
 * bumped only on those slow paths, so the pcp fast path pays nothing.
 */
#ifndef _VM_EVENT_H
#define _VM_EVENT_H

#include "percpu.h"
#include <asm/irqflags.h>

enum vm_event_item {
	PCP_REFILL, /* an allocation found its pcp list empty: rmqueue_bulk */
	PCP_DRAIN,  /* a free took its pcp list to high: free_pcppages_bulk */
	NR_VM_EVENT_ITEMS
};

struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};

DECLARE_PER_CPU(struct vm_event_state, vm_event_states);

/* Bump @item on this CPU; the caller has interrupts off. */
static __always_inline void __count_vm_event(enum vm_event_item item)
{
	this_cpu_ptr(&vm_event_states)->event[item]++;
}

static inline void count_vm_event(enum vm_event_item item)
{
	unsigned long flags = arch_local_irq_save();

	__count_vm_event(item);
	arch_local_irq_restore(flags);
}

unsigned long sum_vm_event(enum vm_event_item item);

#endif /* _VM_EVENT_H */
