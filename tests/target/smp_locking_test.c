// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP primitives as the hardware sees them: where locks live (LDREX and
 * STREX need Normal memory, and Shareable memory for the other CPUs'
 * exclusive monitors to see them), TPIDRPRW holding this CPU's per-CPU
 * offset.
 * Target-only: it reads CP15 and translates addresses with ATS1CPR.
 */
#include "atomic.h"
#include "bitops.h"
#include "kernel.h"
#include "ktap.h"
#include "percpu.h"
#include "slab.h"
#include "smp.h"
#include "spinlock.h"
#include <asm/cp15.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/pgtable-hwdef.h>
#include <asm/tlbflush.h>

static DEFINE_SPINLOCK(data_lock);

/*
 * What the kernel's page tables say about the memory at @va, decoded with
 * TEX remap off (SCTLR.TRE = 0, checked by the caller): write-back Normal
 * means C = B = 1 with TEX 000 or 001 (ARM ARM B3.8.2).  PAR's attribute
 * bits would say the same on silicon, but QEMU leaves them 0.
 */
static void expect_lock_memory(struct ktap_test *t, const char *what, spinlock_t *lock)
{
	unsigned long va = (unsigned long)lock;
	int level;
	u32 *desc = lookup_address((pmd_t *)kernel_pgd, va, &level), d, tex;
	bool shared;

	if (!desc || (arm_translate_write(va) & PAR_F)) {
		ktap_fail(t, __FILE__, __LINE__, "%s lock at %p: no writable mapping", what, lock);
		return;
	}
	d = *desc;
	tex = level == 1 ? (d >> 12) & 7 : (d >> 6) & 7;
	shared = level == 1 ? d & PMD_SECT_S : d & PTE_EXT_SHARED;
	if (!(d & PTE_CACHEABLE) || !(d & PTE_BUFFERABLE) || tex > 1)
		ktap_fail(t, __FILE__, __LINE__,
			  "%s lock at %p: level-%d descriptor %08x is not Normal write-back", what,
			  lock, level, d);
	if (cpu_smp && !shared)
		ktap_fail(t, __FILE__, __LINE__,
			  "%s lock at %p: level-%d descriptor %08x is not Shareable on an MPCore",
			  what, lock, level, d);
}

/*
 * Exclusives on Strongly-ordered or Device memory are implementation
 * defined (asm/spinlock.h): every place a lock can live (.data, the heap,
 * the stack) must be Normal write-back memory, Shareable on an MPCore.
 */
static void smp_locking_locks_live_in_normal_shareable_memory(struct ktap_test *t)
{
	spinlock_t on_stack;
	spinlock_t *on_heap = kmalloc(sizeof(*on_heap), GFP_KERNEL);

	KTAP_EXPECT_TRUE(t, read_sctlr() & CR_M);
	KTAP_EXPECT_FALSE(t, read_sctlr() & (1u << 28)); /* SCTLR.TRE: TEX/C/B mean what they say */
	expect_lock_memory(t, "static", &data_lock);
	expect_lock_memory(t, "stack", &on_stack);
	KTAP_ASSERT_TRUE(t, on_heap);
	expect_lock_memory(t, "kmalloc", on_heap);
	kfree(on_heap);
}

/* TPIDRPRW holds exactly this CPU's offset, so this_cpu_ptr is per_cpu_ptr. */
static void smp_locking_tpidrprw_holds_this_cpus_offset(struct ktap_test *t)
{
	unsigned long tpidrprw;
	int cpu = smp_processor_id();

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 4" : "=r"(tpidrprw));
	KTAP_EXPECT_EQ(t, tpidrprw, per_cpu_offset(cpu));
	KTAP_EXPECT_NE(t, tpidrprw,
		       0ul); /* setup_per_cpu_areas moved the boot CPU off the template */
	KTAP_EXPECT_EQ(t, per_cpu(cpu_number, cpu), cpu);
}

static struct ktap_case smp_locking_cases[] = {
	KTAP_CASE(smp_locking_locks_live_in_normal_shareable_memory),
	KTAP_CASE(smp_locking_tpidrprw_holds_this_cpus_offset),
	{}};
KTAP_SUITE(smp_locking, smp_locking_cases);
