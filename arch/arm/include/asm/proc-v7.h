/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-core setup before the MMU is on (arch/arm/mm/proc-v7.S) and what
 * it reports.  __v7_setup returns a status word in r1; its bits are these.
 * Usable from assembly.
 */
#ifndef _ASM_PROC_V7_H
#define _ASM_PROC_V7_H

/* ACTLR bits __v7_setup sets (Cortex-A9 TRM 4.3.10; A15: bit 6 only). */
#define ACTLR_FW  (1 << 0) /* Cortex-A9/A5: cache and TLB maintenance broadcast */
#define ACTLR_SMP (1 << 6) /* take part in coherency (all MPCore parts) */

/*
 * The status word:
 *   [7:0]   the ACTLR bits this core needs (0: a uniprocessor, or a core
 *           with nothing to set);
 *   [15:8]  bit 8 + i: entry i of __ca9_errata_table applies to this core;
 *   flags   below.
 */
#define CPU_SETUP_ACTLR_WANTED(s) ((s)&0xff)
#define CPU_SETUP_ERRATUM(i)	  (1 << (8 + (i)))
#define CPU_SETUP_MAX_ERRATA	  8
#define CPU_SETUP_TRAPPED	  (1 << 25) /* internal to proc-v7.S: an UNDEF was just taken */
#define CPU_SETUP_SMP		  (1 << 26) /* MPIDR: multiprocessing extensions, not UP */
#define CPU_SETUP_DIAG_WRITTEN	  (1 << 27) /* the diagnostic register was written */
#define CPU_SETUP_ACTLR_UNDEF	  (1 << 28) /* the ACTLR write was UNDEFINED (non-secure) */
#define CPU_SETUP_DIAG_UNDEF	  (1 << 29) /* an access to the diagnostic register was UNDEFINED */
#define CPU_SETUP_ACTLR_WRITTEN	  (1 << 30) /* a wanted ACTLR bit was clear, so we wrote it */
#define CPU_SETUP_DONE		  (1 << 31) /* __v7_setup ran */

/* __ca9_errata_table entry flags. */
#define V7_ERRATUM_SMP_ONLY 1 /* only when MPIDR says multiprocessor (Linux: ALT_SMP) */
#define V7_ERRATUM_SIZE	    12

#ifndef __ASSEMBLY__
#include "types.h"

/*
 * One Cortex-A9 erratum whose workaround is a bit in the diagnostic
 * register (CP15 c15, 0, c0, 1): proc-v7.S applies the table, C reads it
 * to check and report.  Revisions are 0xXY for rXpY, inclusive.
 */
struct v7_erratum {
	u32 number;
	u8 first_rev, last_rev, flags, pad;
	u32 diag_bits;
};
_Static_assert(sizeof(struct v7_erratum) == V7_ERRATUM_SIZE, "proc-v7.S's table layout");

extern const struct v7_erratum __ca9_errata_table[], __ca9_errata_table_end[];

/* What head.S's call of __v7_setup returned on the boot CPU (stored once virtual). */
extern u32 boot_cpu_setup_status;
/* Each CPU's status word, as cpu_v7_check_setup() was given it. */
extern u32 cpu_setup_status[];

/* The diagnostic register (Cortex-A9, secure-only on silicon; see proc-v7.S). */
static inline u32 read_a9_diag(void)
{
	u32 v;

	__asm__ __volatile__("mrc p15, 0, %0, c15, c0, 1" : "=r"(v));
	return v;
}

void cpu_v7_check_setup(unsigned int cpu, u32 status);
u32 __v7_setup_trap_selftest(void);
#endif

#endif /* _ASM_PROC_V7_H */
