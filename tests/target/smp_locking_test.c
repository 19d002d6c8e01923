// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP primitives as the hardware sees them: where locks live (LDREX and
 * STREX need Normal memory, and Shareable memory for the other CPUs'
 * exclusive monitors to see them), TPIDRPRW holding this CPU's per-CPU
 * offset, and one lock, atomics and a bitmap hammered by every online CPU
 * at once (with one CPU, the same work alone: every acquisition must still
 * take and serve exactly one ticket).
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
#include <asm/processor.h>
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

/*
 * Small on purpose: under QEMU's multi-threaded TCG on a busy host, a
 * ticket handed to a vCPU thread the host has descheduled waits for the
 * host to run it again, and every other CPU waits behind it (a ticket
 * lock's known cost under overcommit), so 20000 rounds could take minutes.
 */
#define CONTENTION_ROUNDS 1000
#define START_SPINS	  (1 << 20)

struct contention {
	spinlock_t lock;
	unsigned long counter; /* only under the lock */
	unsigned long overlaps;
	atomic_t inside;
	atomic_t arrived;    /* the start line: all CPUs begin together */
	atomic_t found_held; /* acquisitions that found the lock taken */
	atomic_t atomic_counter;
	unsigned long claimed[BITS_TO_LONGS(NR_CPUS * 64)];
	int claims[NR_CPUS];
	int seen_cpu[NR_CPUS];
};

/* Every online CPU runs this at once (one CPU: the same work, alone). */
static void contend(void *arg)
{
	struct contention *c = arg;
	int cpu = smp_processor_id();

	atomic_inc(&c->arrived);
	/* Bounded: a CPU that never takes the IPI must fail the test, not hang it. */
	for (int spins = 0;
	     atomic_read(&c->arrived) < (int)num_online_cpus() && spins < START_SPINS; spins++)
		cpu_relax();
	for (int i = 0; i < CONTENTION_ROUNDS; i++) {
		unsigned long flags;

		if (spin_is_locked(&c->lock))
			atomic_inc(&c->found_held);
		spin_lock_irqsave(&c->lock, flags);
		if (atomic_inc_return(&c->inside) != 1)
			c->overlaps++;
		c->counter++;
		atomic_dec(&c->inside);
		spin_unlock_irqrestore(&c->lock, flags);
		atomic_inc(&c->atomic_counter);
	}
	for (int nr = 0; nr < NR_CPUS * 64; nr++)
		if (!test_and_set_bit((unsigned long)nr, c->claimed))
			c->claims[cpu]++;
	c->seen_cpu[cpu]++;
}

static void smp_locking_every_online_cpu_contends_for_one_lock(struct ktap_test *t)
{
	struct contention *c = kzalloc(sizeof(*c), GFP_KERNEL);
	unsigned int n = num_online_cpus(), claims = 0;
	int cpu;

	KTAP_ASSERT_TRUE(t, c);
	spin_lock_init(&c->lock);
	on_each_cpu(contend, c, 1);
	ktap_info("%u CPUs, %u acquisitions each: %d found the lock held", n, CONTENTION_ROUNDS,
		  atomic_read(&c->found_held));
	KTAP_EXPECT_EQ(t, c->counter, (unsigned long)n * CONTENTION_ROUNDS);
	KTAP_EXPECT_EQ(t, c->overlaps, 0ul);
	KTAP_EXPECT_EQ(t, atomic_read(&c->atomic_counter), (int)(n * CONTENTION_ROUNDS));
	/* Every acquisition took one ticket and served it: owner == next == the count. */
	KTAP_EXPECT_EQ(t, c->lock.raw_lock.slock,
		       (u32)((n * CONTENTION_ROUNDS) & 0xffff) * 0x10001u);
	for_each_online_cpu (cpu) {
		KTAP_EXPECT_EQ(t, c->seen_cpu[cpu], 1);
		claims += (unsigned int)c->claims[cpu];
	}
	KTAP_EXPECT_EQ(t, claims, (unsigned int)NR_CPUS * 64); /* every bit won exactly once */
	kfree(c);
}

static struct ktap_case smp_locking_cases[] = {
	KTAP_CASE(smp_locking_locks_live_in_normal_shareable_memory),
	KTAP_CASE(smp_locking_tpidrprw_holds_this_cpus_offset),
	KTAP_CASE(smp_locking_every_online_cpu_contends_for_one_lock),
	{}};
KTAP_SUITE(smp_locking, smp_locking_cases);
