// SPDX-License-Identifier: GPL-2.0
/*
 * What each core's setup before the MMU (proc-v7.S's __v7_setup) achieved,
 * checked by reading the registers back once the MMU is on: the place
 * Linux's arch/arm/mm/proc-v7-bugs.c has for its own ACTLR check (the
 * Spectre IBE bit).  Nothing here trusts the setup's word for what a
 * register holds: the status word says only what was needed and what the
 * secure world refused, so that we know which registers are safe to read.
 */
#include "kernel.h"
#include "printk.h"
#include "smp.h"
#include <asm/cp15.h>
#include <asm/cputype.h>
#include <asm/proc-v7.h>
#include <asm/smp_scu.h>

/* Stored by head.S (step 7) from __v7_setup's r1 on the boot CPU. */
u32 boot_cpu_setup_status;

/* Each CPU's status word, as cpu_v7_check_setup() was given it (for the self-tests). */
u32 cpu_setup_status[NR_CPUS];

/*
 * Linux is silent when ACTLR.SMP stays clear (it writes the bit and never
 * looks again); its one check of ACTLR, for the Spectre IBE bit, says
 * "CPU%u: Spectre v2: firmware did not set auxiliary control register IBE
 * bit, system vulnerable".  We say the same kind of thing for SMP and FW,
 * because without them this core's caches and TLB are not kept coherent
 * with the others'.
 */
static void check_actlr(unsigned int cpu, u32 status)
{
	u32 wanted = CPU_SETUP_ACTLR_WANTED(status), actlr = read_actlr();
	u32 missing = wanted & ~actlr;

	if (!missing)
		return;
	pr_warn("CPU%u: firmware did not set auxiliary control register %s (ACTLR 0x%08x, "
		"our write %s): cache and TLB maintenance is not broadcast\n",
		cpu,
		missing == (ACTLR_SMP | ACTLR_FW) ? "SMP and FW bits"
		: missing & ACTLR_SMP		  ? "SMP bit"
						  : "FW bit",
		actlr, status & CPU_SETUP_ACTLR_UNDEF ? "refused by the secure world" : "ignored");
}

/* " 742230 751472": the entries @status says apply whose bits @diag holds (or lacks). */
static int list_errata(char *buf, size_t size, u32 status, u32 diag, bool want_set)
{
	int n = 0;

	for (const struct v7_erratum *e = __ca9_errata_table; e < __ca9_errata_table_end; e++) {
		unsigned int i = e - __ca9_errata_table;

		if (!(status & CPU_SETUP_ERRATUM(i)))
			continue;
		if (((diag & e->diag_bits) == e->diag_bits) == want_set)
			n += scnprintf(buf + n, size - n, " %u", e->number);
	}
	return n;
}

/*
 * One line per CPU, in the manner of Linux's "CPU: ARMv7 Processor [...]
 * revision 0" lines: the errata this core's revision needs whose workaround
 * is a register bit, and which of them the registers, read back, really
 * hold.  Where the secure world keeps the diagnostic register, the line
 * names the errata the firmware must apply instead.
 */
static void report_errata(unsigned int cpu, u32 status)
{
	char held[64] = "", missing[64] = "", theirs[64] = "", line[256];
	unsigned int rev = read_cpuid_rev();
	int n = 0, m = 0, l;
	u32 diag = 0;

	if (read_cpuid_part() != ARM_CPU_PART_CORTEX_A9)
		return;
	if (status & CPU_SETUP_DIAG_UNDEF) {
		list_errata(theirs, sizeof(theirs), status, 0, false);
	} else {
		diag = read_a9_diag(); /* readable: __v7_setup read it without a trap */
		n = list_errata(held, sizeof(held), status, diag, true);
		m = list_errata(missing, sizeof(missing), status, diag, false);
	}
	/* 764369's SCU half: one register for the cluster, set by scu_enable(). */
	if (scu_764369_state() > 0)
		scnprintf(held + n, sizeof(held) - n, " 764369");
	else if (scu_764369_state() == 0)
		scnprintf(missing + m, sizeof(missing) - m, " 764369");

	l = scnprintf(line, sizeof(line), "CPU%u: Cortex-A9 r%up%u errata applied:%s", cpu,
		      rev >> 4, rev & 0xf, held[0] ? held : " none");
	if (missing[0])
		l += scnprintf(line + l, sizeof(line) - l, ", NOT applied:%s", missing);
	if (theirs[0])
		l += scnprintf(line + l, sizeof(line) - l, ", the secure firmware's to apply:%s",
			       theirs);
	if (!(status & CPU_SETUP_DIAG_UNDEF))
		scnprintf(line + l, sizeof(line) - l, " (diagnostic register 0x%08x)", diag);
	if (missing[0] || theirs[0])
		pr_warn("%s\n", line);
	else
		pr_info("%s\n", line);
}

/**
 * cpu_v7_check_setup - check and report what __v7_setup did on this CPU
 * @cpu: the logical CPU number, for the messages
 * @status: the status word __v7_setup returned in r1
 *
 * Call on the CPU itself, with its MMU on: the boot CPU from setup_arch()
 * with boot_cpu_setup_status, each secondary CPU early in its C entry.
 * Reads ACTLR and the diagnostic register back and prints what they hold;
 * complains (pr_warn) where the secure world kept a bit clear.
 */
void cpu_v7_check_setup(unsigned int cpu, u32 status)
{
	if (cpu < NR_CPUS)
		cpu_setup_status[cpu] = status;
	if (!(status & CPU_SETUP_DONE)) {
		pr_err("CPU%u: the per-core setup (__v7_setup) did not run: status 0x%08x\n", cpu,
		       status);
		return;
	}
	check_actlr(cpu, status);
	report_errata(cpu, status);
}
