// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas: Linux's "embed" first chunk, without the rest of Linux's
 * per-CPU allocator.  One memblock allocation holds a unit per possible
 * CPU, each a page-rounded copy of the per-CPU section (DEFINE_PER_CPU's
 * template, include/percpu.h), and __per_cpu_offset[cpu] is the distance
 * from the template to CPU @cpu's unit.
 *
 * Deliberately unlike Linux: no reserved (module) or dynamic part, because
 * nothing allocates per-CPU memory at run time (no alloc_percpu()); so no
 * 32 KiB minimum unit either.  Units are whole pages as in Linux, so no two
 * CPUs' variables share a cache line.  The template stays in .data (Linux
 * frees it with the init sections); nothing uses it after the switch.
 */
#define pr_fmt(fmt) "percpu: " fmt

#include "kernel.h"
#include "memblock.h"
#include "mm.h"
#include "percpu.h"
#include "printk.h"
#include "smp.h"
#include <string.h>

unsigned long __per_cpu_offset[NR_CPUS];

DEFINE_PER_CPU(int, cpu_number);

/** pcpu_static_size - bytes of DEFINE_PER_CPU variables: the template's size */
unsigned long pcpu_static_size(void)
{
	return (unsigned long)(__per_cpu_end - __per_cpu_start);
}

/**
 * pcpu_setup_first_chunk - give every possible CPU its unit of @base
 * @base: room for one @unit_size unit per possible CPU, in CPU order
 * @unit_size: at least pcpu_static_size()
 *
 * Copies the template into each unit, records the offsets, numbers each
 * CPU's cpu_number, and moves the calling (boot) CPU onto its own unit.
 * The host's support code calls it with memory of its own.
 */
void pcpu_setup_first_chunk(void *base, unsigned long unit_size)
{
	char *unit = base;
	int cpu;

	BUG_ON(unit_size < pcpu_static_size());
	for_each_possible_cpu (cpu) {
		memcpy(unit, __per_cpu_start, pcpu_static_size());
		__per_cpu_offset[cpu] = (unsigned long)unit - (unsigned long)__per_cpu_start;
		per_cpu(cpu_number, cpu) = cpu;
		unit += unit_size;
	}
	/* Linux's smp_prepare_boot_cpu(): the boot CPU leaves the template. */
	set_my_cpu_offset(per_cpu_offset(0));
}

/**
 * setup_per_cpu_areas - allocate and fill every possible CPU's per-CPU area
 *
 * Called once by the boot CPU, after setup_arch() (memblock ready, the
 * possible CPUs known) and before the page allocator; prints Linux's
 * "percpu: Embedded …" line (r and d are 0: see the top of this file).
 * Halts if memblock cannot provide the areas.
 */
void setup_per_cpu_areas(void)
{
	unsigned long static_size = pcpu_static_size();
	unsigned long unit_size = PAGE_ALIGN(static_size);
	unsigned int nr_units = num_possible_cpus();
	void *base = memblock_alloc(unit_size * nr_units, PAGE_SIZE);

	if (!base)
		panic("percpu: cannot allocate %u units of %lu bytes", nr_units, unit_size);
	pcpu_setup_first_chunk(base, unit_size);
	pr_info("Embedded %lu pages/cpu s%lu r0 d0 u%lu\n", unit_size >> PAGE_SHIFT, static_size,
		unit_size);
}
