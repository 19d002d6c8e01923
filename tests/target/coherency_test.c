// SPDX-License-Identifier: GPL-2.0
/*
 * The per-core coherency setup (arch/arm/mm/proc-v7.S), checked on the
 * target by reading the registers back: ACTLR.SMP/FW, the Cortex-A9 errata
 * bits for this core's revision, the translation table walk attributes.
 * QEMU models no caches, so none of this proves coherency; it proves that
 * the registers hold what Linux would have put there (docs/cache-coherency.md).
 */
#include "ktap.h"
#include "smp.h"
#include <asm/cp15.h>
#include <asm/cputype.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/proc-v7.h>
#include <asm/setup.h>
#include <asm/smp_scu.h>
#include <libfdt.h>

static bool mpidr_says_smp(void)
{
	return (read_mpidr() & (MPIDR_MP_EXT | MPIDR_UP)) == MPIDR_MP_EXT;
}

/* What Linux's proc_info table gives each part: ca9mp/ca5mp SMP and FW, ca15mp and kin SMP. */
static u32 actlr_bits_linux_sets(void)
{
	switch (mpidr_says_smp() ? read_cpuid_part() : 0) {
	case ARM_CPU_PART_CORTEX_A9:
	case ARM_CPU_PART_CORTEX_A5:
		return ACTLR_SMP | ACTLR_FW;
	case ARM_CPU_PART_CORTEX_A7:
	case ARM_CPU_PART_CORTEX_A12:
	case ARM_CPU_PART_CORTEX_A15:
	case ARM_CPU_PART_CORTEX_A17:
		return ACTLR_SMP;
	default:
		return 0;
	}
}

static void coherency_per_core_setup_ran_on_the_boot_cpu(struct ktap_test *t)
{
	KTAP_EXPECT_TRUE(t, boot_cpu_setup_status & CPU_SETUP_DONE);
	KTAP_EXPECT_EQ(t, !!(boot_cpu_setup_status & CPU_SETUP_SMP), mpidr_says_smp());
	KTAP_EXPECT_FALSE(t, boot_cpu_setup_status & CPU_SETUP_TRAPPED); /* always cleared */
}

static void coherency_actlr_bits_wanted_follow_the_part(struct ktap_test *t)
{
	KTAP_EXPECT_EQ(t, CPU_SETUP_ACTLR_WANTED(boot_cpu_setup_status), actlr_bits_linux_sets());
}

/*
 * Set, or written and refused: QEMU's ACTLR reads as zero and ignores
 * writes (its "ACTLR" is a constant), so under QEMU this proves only that
 * the write was made; on silicon the bits must read back set.
 */
static void coherency_actlr_smp_fw_read_back_or_write_was_made(struct ktap_test *t)
{
	u32 wanted = actlr_bits_linux_sets(), actlr = read_actlr();

	if ((actlr & wanted) == wanted)
		return;
	KTAP_EXPECT_TRUE(t, boot_cpu_setup_status & CPU_SETUP_ACTLR_WRITTEN);
	ktap_info("ACTLR 0x%08x lacks 0x%x after the write (QEMU: ACTLR is read-as-zero)", actlr,
		  wanted & ~actlr);
}

/* The revision match of proc-v7.S, written again in C, against what it selected. */
static void coherency_errata_selected_by_variant_and_revision(struct ktap_test *t)
{
	unsigned int rev = read_cpuid_rev(), i = 0;
	bool a9 = read_cpuid_part() == ARM_CPU_PART_CORTEX_A9;

	for (const struct v7_erratum *e = __ca9_errata_table; e < __ca9_errata_table_end;
	     e++, i++) {
		bool applies = a9 && rev >= e->first_rev && rev <= e->last_rev &&
			       (!(e->flags & V7_ERRATUM_SMP_ONLY) || mpidr_says_smp());

		KTAP_EXPECT_EQ(t, !!(boot_cpu_setup_status & CPU_SETUP_ERRATUM(i)), applies);
	}
}

/* QEMU's cortex-a9 is r0p0 (MIDR 0x410fc090): Linux 6.1 applies 742230 and 751472 there. */
static void coherency_errata_for_an_r0p0_mpcore_are_742230_and_751472(struct ktap_test *t)
{
	u32 numbers = 0;
	unsigned int i = 0;

	if (read_midr() != 0x410fc090 || !mpidr_says_smp()) {
		ktap_skip(t, "not a Cortex-A9 r0p0 MPCore");
		return;
	}
	for (const struct v7_erratum *e = __ca9_errata_table; e < __ca9_errata_table_end;
	     e++, i++) {
		if (boot_cpu_setup_status & CPU_SETUP_ERRATUM(i)) {
			KTAP_EXPECT_TRUE(t, e->number == 742230 || e->number == 751472);
			numbers++;
		}
	}
	KTAP_EXPECT_EQ(t, numbers, 2);
}

static void coherency_errata_bits_read_back_from_the_diagnostic_register(struct ktap_test *t)
{
	unsigned int i = 0;
	u32 diag;

	if (read_cpuid_part() != ARM_CPU_PART_CORTEX_A9) {
		ktap_skip(t, "not a Cortex-A9");
		return;
	}
	if (boot_cpu_setup_status & CPU_SETUP_DIAG_UNDEF) {
		ktap_skip(t, "the diagnostic register is the secure world's here");
		return;
	}
	diag = read_a9_diag();
	for (const struct v7_erratum *e = __ca9_errata_table; e < __ca9_errata_table_end; e++, i++)
		if (boot_cpu_setup_status & CPU_SETUP_ERRATUM(i))
			KTAP_EXPECT_EQ(t, diag & e->diag_bits, e->diag_bits);
}

/* Linux's TTB_FLAGS_SMP (or _UP) on both table bases, which hold the live table. */
static void coherency_table_walks_have_linux_attributes(struct ktap_test *t)
{
	u32 flags = mpidr_says_smp() ? TTB_FLAGS_SMP : TTB_FLAGS_UP;
	u32 ttbr0 = read_ttbr0(), ttbr1 = read_ttbr1();

	KTAP_EXPECT_EQ(t, read_ttbcr(), 0);
	KTAP_EXPECT_EQ(t, ttbr0 & 0x7f, flags);
	KTAP_EXPECT_EQ(t, ttbr0 & ~0x3fffu, (u32)__pa(kernel_pgd));
	KTAP_EXPECT_EQ(t, ttbr1, ttbr0);
}

static bool a9_mpcore(void)
{
	return read_cpuid_part() == ARM_CPU_PART_CORTEX_A9 && mpidr_says_smp();
}

/* Where smp_scu_setup() can find the SCU: CBAR, or the DT (QEMU's i.MX6 has a zero CBAR). */
static bool scu_is_findable(void)
{
	return scu_a9_get_base() ||
	       fdt_node_offset_by_compatible(initial_boot_params, -1, "arm,cortex-a9-scu") >= 0;
}

/* setup_arch enabled the SCU (QEMU resets it disabled; silicon too). */
static void coherency_scu_is_enabled_on_an_a9_mpcore(struct ktap_test *t)
{
	phys_addr_t phys;
	void __iomem *scu = scu_base_for_test(&phys);

	if (!a9_mpcore()) {
		KTAP_EXPECT_TRUE(t, scu == NULL); /* no SCU on a Cortex-A15, nor on a UP A9 */
		return;
	}
	if (!scu_is_findable()) {
		ktap_skip(t, "CBAR reads 0 and the device tree names no SCU");
		return;
	}
	KTAP_ASSERT_TRUE(t, scu != NULL);
	KTAP_EXPECT_EQ(t, readl_relaxed(scu) & 1, 1); /* SCU_CTRL.enable */
	KTAP_EXPECT_EQ(t, (phys_addr_t)(read_cbar() & ~0x1fffu), scu_a9_get_base()); /* CBAR */
}

/*
 * The SCU's core count is what QEMU's -smp gave (and a board's cluster
 * size): checked against the GIC distributor's own count of CPU interfaces
 * (GICD_TYPER.CPUNumber at PERIPHBASE + 0x1000), which QEMU also takes
 * from -smp, so that no test input has to repeat it.
 */
static void coherency_scu_core_count_is_the_clusters(struct ktap_test *t)
{
	void __iomem *gicd, *scu;
	phys_addr_t periphbase;
	u32 typer;

	if (!a9_mpcore() || !scu_is_findable()) {
		ktap_skip(t, "no SCU to be found");
		return;
	}
	scu = scu_base_for_test(&periphbase);
	KTAP_ASSERT_TRUE(t, scu != NULL);
	gicd = ioremap(periphbase + 0x1000, 0x1000);
	KTAP_ASSERT_TRUE(t, gicd != NULL);
	typer = readl_relaxed(gicd + 0x4);
	iounmap(gicd);
	KTAP_EXPECT_EQ(t, scu_get_core_count(scu), ((typer >> 5) & 7) + 1);
}

/*
 * The trap that keeps an access the secure world refuses from hanging the
 * MMU-off boot: an UNDEF under __v7_setup's vectors is noted and skipped,
 * and the caller's vectors come back.
 */
static void coherency_an_undef_under_the_setup_vectors_is_noted_and_skipped(struct ktap_test *t)
{
	unsigned long flags = arch_local_irq_save();
	u32 vbar = read_vbar(), status = __v7_setup_trap_selftest();

	arch_local_irq_restore(flags);
	KTAP_EXPECT_EQ(t, status, CPU_SETUP_TRAPPED);
	KTAP_EXPECT_EQ(t, read_vbar(), vbar);
}

/* What each CPU's registers hold, read on that CPU. */
static struct {
	u32 actlr, diag, ttbr0, ttbr1;
} seen[NR_CPUS];

static void read_this_cpus_registers(void *info)
{
	unsigned int cpu = smp_processor_id();

	(void)info;
	seen[cpu].actlr = read_actlr();
	seen[cpu].ttbr0 = read_ttbr0();
	seen[cpu].ttbr1 = read_ttbr1();
	if (read_cpuid_part() == ARM_CPU_PART_CORTEX_A9 &&
	    !(cpu_setup_status[cpu] & CPU_SETUP_DIAG_UNDEF))
		seen[cpu].diag = read_a9_diag();
}

/*
 * Every online CPU ran __v7_setup (secondaries from secondary_startup) and
 * holds what the boot CPU holds: the same needs from its MIDR, ACTLR bits
 * set or the write made, the errata bits its status selected, the live
 * table with the same walk attributes.
 */
static void coherency_every_online_cpu_ran_the_same_setup(struct ktap_test *t)
{
	u32 wanted = actlr_bits_linux_sets();
	int cpu;

	on_each_cpu(read_this_cpus_registers, NULL, 1);
	for_each_online_cpu (cpu) {
		u32 status = cpu_setup_status[cpu];
		unsigned int i = 0;

		KTAP_EXPECT_TRUE(t, status & CPU_SETUP_DONE);
		KTAP_EXPECT_EQ(t, status & ~(CPU_SETUP_ACTLR_WRITTEN | CPU_SETUP_DIAG_WRITTEN),
			       cpu_setup_status[0] &
				       ~(CPU_SETUP_ACTLR_WRITTEN | CPU_SETUP_DIAG_WRITTEN));
		KTAP_EXPECT_TRUE(t, (seen[cpu].actlr & wanted) == wanted ||
					    (status & CPU_SETUP_ACTLR_WRITTEN));
		KTAP_EXPECT_EQ(t, seen[cpu].ttbr0, seen[0].ttbr0);
		KTAP_EXPECT_EQ(t, seen[cpu].ttbr1, seen[0].ttbr1);
		if (status & CPU_SETUP_DIAG_UNDEF)
			continue;
		for (const struct v7_erratum *e = __ca9_errata_table; e < __ca9_errata_table_end;
		     e++, i++)
			if (status & CPU_SETUP_ERRATUM(i))
				KTAP_EXPECT_EQ(t, seen[cpu].diag & e->diag_bits, e->diag_bits);
	}
}

static struct ktap_case coherency_cases[] = {
	KTAP_CASE(coherency_per_core_setup_ran_on_the_boot_cpu),
	KTAP_CASE(coherency_actlr_bits_wanted_follow_the_part),
	KTAP_CASE(coherency_actlr_smp_fw_read_back_or_write_was_made),
	KTAP_CASE(coherency_errata_selected_by_variant_and_revision),
	KTAP_CASE(coherency_errata_for_an_r0p0_mpcore_are_742230_and_751472),
	KTAP_CASE(coherency_errata_bits_read_back_from_the_diagnostic_register),
	KTAP_CASE(coherency_table_walks_have_linux_attributes),
	KTAP_CASE(coherency_an_undef_under_the_setup_vectors_is_noted_and_skipped),
	KTAP_CASE(coherency_scu_is_enabled_on_an_a9_mpcore),
	KTAP_CASE(coherency_scu_core_count_is_the_clusters),
	KTAP_CASE(coherency_every_online_cpu_ran_the_same_setup),
	{}};
KTAP_SUITE(coherency, coherency_cases);
