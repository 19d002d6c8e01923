/* SPDX-License-Identifier: GPL-2.0 */
/* The CPU as the code that polls sees it (Linux's asm/processor.h, its cpu_relax()). */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <asm/barrier.h>

/*
 * cpu_relax() - the body of every loop that polls memory another CPU writes.
 *
 * A full smp_mb(), not Linux's default barrier(): Cortex-A9 before r2p0
 * (erratum 754327) never drains its store buffer on its own, so a CPU that
 * stored a request and now polls for the answer can hold the request back
 * from the CPU that is to answer it, and both wait for ever; a DMB drains
 * it.  Linux makes this a build option (ARM_ERRATA_754327); we apply it
 * always, because one image runs on r0p0 (what QEMU reports) as on r2p10
 * (i.MX6), and a DMB in a loop that is waiting anyway costs nothing that
 * matters.  The ticket lock's own wait loop needs none of this: it sleeps
 * in WFE and its unlock ends with DSB, which drains the store buffer.
 * The per-core errata themselves (diagnostic-register bits) are applied in
 * proc-v7.S.
 *
 * Then YIELD, the hint that this CPU is only waiting: a Cortex-A9 treats it
 * as a NOP, but QEMU's single-threaded TCG (the benchmarks' -icount) hands
 * the turn to the next vCPU on it.  Without it, a poll runs out its whole
 * time slice while the CPU it waits for cannot run, and a bounded wait (a
 * secondary CPU coming online) expires before the other CPU took a step.
 * Linux's arm64 cpu_relax() once carried a YIELD for the same kind of host.
 */
#define cpu_relax()                                         \
	do {                                                \
		smp_mb();                                   \
		__asm__ __volatile__("yield" ::: "memory"); \
	} while (0)

#endif /* _ASM_PROCESSOR_H */
