/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's per-CPU offset: one per thread, so a host test's threads can
 * each be a different CPU (tests/host/host_smp.h: host_become_cpu()).  A
 * thread starts with offset 0, the template, as the boot CPU does.
 *
 * GNU ld names a section's bounds __start_NAME/__stop_NAME only when NAME
 * is a C identifier, so the host's section is "data_percpu" (the target's
 * linker.ld places Linux's ".data..percpu" and names the bounds itself).
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#define PER_CPU_SECTION "data_percpu"
#define __per_cpu_start __start_data_percpu
#define __per_cpu_end	__stop_data_percpu

extern __thread unsigned long host_my_cpu_offset;

static inline void set_my_cpu_offset(unsigned long off)
{
	host_my_cpu_offset = off;
}

static inline unsigned long __my_cpu_offset(void)
{
	return host_my_cpu_offset;
}

#endif /* _ASM_PERCPU_H */
