/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables, as Linux's: DEFINE_PER_CPU puts a variable in the
 * per-CPU section, whose contents are a template; setup_per_cpu_areas()
 * (mm/percpu.c) gives every possible CPU a copy, and __per_cpu_offset[cpu]
 * is the distance from the template to that CPU's copy.  Each CPU keeps
 * its own offset where it reads it fastest (asm/percpu.h: TPIDRPRW on the
 * target, a thread-local variable on the host), so this_cpu_ptr() is one
 * register read and an add.
 *
 * Before setup_per_cpu_areas() the boot CPU's offset is 0: it uses the
 * template itself, and whatever it wrote there is copied to every CPU.
 * Naming a per-CPU variable directly (not through these macros) reaches
 * the template, never a CPU's copy.
 */
#ifndef _PERCPU_H
#define _PERCPU_H

#include "compiler.h"
#include "threads.h"
#include <asm/percpu.h>

#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)  __section(PER_CPU_SECTION) __typeof__(type) name

/* The template's bounds (linker.ld on the target; GNU ld's __start_/__stop_ on the host). */
extern char __per_cpu_start[], __per_cpu_end[];

extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(cpu) (__per_cpu_offset[(cpu)])

/*
 * A per-CPU pointer moved by an offset.  The empty asm hides where the
 * pointer came from, so the compiler cannot assume the result still points
 * into the template variable (Linux's RELOC_HIDE).
 */
#define SHIFT_PERCPU_PTR(ptr, off)                                   \
	({                                                           \
		unsigned long __p;                                   \
		__asm__("" : "=r"(__p) : "0"((unsigned long)(ptr))); \
		(__typeof__(ptr))(__p + (off));                      \
	})

#define per_cpu_ptr(ptr, cpu)	 SHIFT_PERCPU_PTR(ptr, per_cpu_offset(cpu))
#define per_cpu(var, cpu)	 (*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr)	 SHIFT_PERCPU_PTR(ptr, __my_cpu_offset())
#define this_cpu_read(var)	 (*this_cpu_ptr(&(var)))
#define this_cpu_write(var, val) (*this_cpu_ptr(&(var)) = (val))

void setup_per_cpu_areas(void);
void pcpu_setup_first_chunk(void *base, unsigned long unit_size);
unsigned long pcpu_static_size(void);

#endif /* _PERCPU_H */
