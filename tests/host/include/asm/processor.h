/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpu_relax() on the host: give the core away.  Host tests run more
 * threads ("CPUs") than the machine has cores; a thread spinning on a
 * ticket lock whose next owner is not scheduled would otherwise burn its
 * whole time slice.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <sched.h>

#define cpu_relax() sched_yield()

#endif /* _ASM_PROCESSOR_H */
