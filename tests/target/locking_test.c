// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP primitives on one CPU: the ticket lock's word, trylock and the
 * _irqsave forms, atomic_t's return values, the bit operations, the
 * per-CPU areas and the CPU masks.  Portable: runs on the target (LDREX/
 * STREX, TPIDRPRW) and on the host (C11 atomics, a thread-local offset);
 * the host adds contention between threads (tests/host/locking_threads_test.c)
 * and the target across CPUs (tests/target/smp_locking_test.c).
 */
#include "atomic.h"
#include "bitops.h"
#include "kernel.h"
#include "ktap.h"
#include "mm.h"
#include "percpu.h"
#include "smp.h"
#include "spinlock.h"

static DEFINE_SPINLOCK(test_lock);

static void locking_spinlock_takes_a_ticket_and_serves_it(struct ktap_test *t)
{
	spinlock_t lock;

	spin_lock_init(&lock);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&lock));
	spin_lock(&lock);
	KTAP_EXPECT_TRUE(t, spin_is_locked(&lock));
	KTAP_EXPECT_EQ(t, lock.raw_lock.slock, 1u << TICKET_SHIFT); /* next 1, owner 0 */
	spin_unlock(&lock);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&lock));
	KTAP_EXPECT_EQ(t, lock.raw_lock.slock, 0x00010001u); /* both halves moved on */
}

static void locking_defined_lock_starts_unlocked(struct ktap_test *t)
{
	KTAP_EXPECT_FALSE(t, spin_is_locked(&test_lock));
	spin_lock(&test_lock);
	KTAP_EXPECT_TRUE(t, spin_is_locked(&test_lock));
	spin_unlock(&test_lock);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&test_lock));
}

static void locking_trylock_fails_on_a_held_lock_and_takes_a_free_one(struct ktap_test *t)
{
	spinlock_t lock;

	spin_lock_init(&lock);
	KTAP_EXPECT_EQ(t, spin_trylock(&lock), 1);
	KTAP_EXPECT_EQ(t, spin_trylock(&lock), 0);
	KTAP_EXPECT_EQ(t, lock.raw_lock.slock, 1u << TICKET_SHIFT); /* the failure took no ticket */
	spin_unlock(&lock);
	KTAP_EXPECT_EQ(t, spin_trylock(&lock), 1);
	spin_unlock(&lock);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&lock));
}

/* The 16-bit halves wrap independently: owner's carry never reaches next. */
static void locking_tickets_wrap_at_16_bits(struct ktap_test *t)
{
	spinlock_t lock;

	lock.raw_lock.slock = 0xfffefffeu; /* owner = next = 0xfffe */
	for (int i = 0; i < 4; i++) {
		spin_lock(&lock);
		KTAP_EXPECT_TRUE(t, spin_is_locked(&lock));
		spin_unlock(&lock);
		KTAP_EXPECT_FALSE(t, spin_is_locked(&lock));
	}
	KTAP_EXPECT_EQ(t, lock.raw_lock.slock, 0x00020002u);
	lock.raw_lock.slock = 0xffffffffu;
	KTAP_EXPECT_EQ(t, spin_trylock(&lock), 1);
	KTAP_EXPECT_EQ(t, lock.raw_lock.slock, 0x0000ffffu);
	spin_unlock(&lock);
	KTAP_EXPECT_EQ(t, lock.raw_lock.slock, 0u);
}

static void locking_irqsave_forms_lock_and_give_back_the_flags(struct ktap_test *t)
{
	unsigned long flags, nested, before = arch_local_irq_save();
	spinlock_t lock;

	arch_local_irq_restore(before);
	spin_lock_init(&lock);
	spin_lock_irqsave(&lock, flags);
	KTAP_EXPECT_TRUE(t, spin_is_locked(&lock));
	KTAP_EXPECT_TRUE(t, arch_irqs_disabled_flags(arch_local_irq_save()));
	KTAP_EXPECT_EQ(t, arch_irqs_disabled_flags(flags), arch_irqs_disabled_flags(before));
	spin_unlock_irqrestore(&lock, flags);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&lock));

	KTAP_EXPECT_EQ(t, spin_trylock_irqsave(&lock, flags), 1);
	KTAP_EXPECT_EQ(t, spin_trylock_irqsave(&lock, nested), 0); /* busy: restores its own */
	KTAP_EXPECT_TRUE(t, arch_irqs_disabled_flags(nested));
	spin_unlock_irqrestore(&lock, flags);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&lock));
	/* The interrupt mask is as it was (a failed trylock restored it too). */
	flags = arch_local_irq_save();
	arch_local_irq_restore(flags);
	KTAP_EXPECT_EQ(t, arch_irqs_disabled_flags(flags), arch_irqs_disabled_flags(before));
}

static void locking_atomic_ops_return_the_new_value(struct ktap_test *t)
{
	atomic_t v = ATOMIC_INIT(5);

	KTAP_EXPECT_EQ(t, atomic_read(&v), 5);
	atomic_inc(&v);
	atomic_add(10, &v);
	KTAP_EXPECT_EQ(t, atomic_read(&v), 16);
	atomic_dec(&v);
	atomic_sub(3, &v);
	KTAP_EXPECT_EQ(t, atomic_read(&v), 12);
	KTAP_EXPECT_EQ(t, atomic_add_return(8, &v), 20);
	KTAP_EXPECT_EQ(t, atomic_sub_return(25, &v), -5);
	KTAP_EXPECT_EQ(t, atomic_inc_return(&v), -4);
	atomic_set(&v, 2);
	KTAP_EXPECT_FALSE(t, atomic_dec_and_test(&v));
	KTAP_EXPECT_TRUE(t, atomic_dec_and_test(&v));
	KTAP_EXPECT_EQ(t, atomic_read(&v), 0);
	KTAP_EXPECT_EQ(t, atomic_dec_return(&v), -1);
}

static void locking_atomic_long_add_moves_both_ways(struct ktap_test *t)
{
	const long long_max = (long)(~0UL >> 1);
	atomic_long_t v = ATOMIC_LONG_INIT(3);

	KTAP_EXPECT_EQ(t, atomic_long_read(&v), 3);
	atomic_long_add(-10, &v);
	KTAP_EXPECT_EQ(t, atomic_long_read(&v), -7);
	atomic_long_add(long_max - 1, &v); /* all of a long's bits, not an int's on the host */
	KTAP_EXPECT_EQ(t, atomic_long_read(&v), long_max - 8);
	atomic_long_set(&v, 0);
	KTAP_EXPECT_EQ(t, atomic_long_read(&v), 0);
}

static void locking_cmpxchg_stores_only_over_the_expected_value(struct ktap_test *t)
{
	atomic_t v = ATOMIC_INIT(7);

	KTAP_EXPECT_EQ(t, atomic_cmpxchg(&v, 3, 9), 7); /* not 3: found 7, nothing stored */
	KTAP_EXPECT_EQ(t, atomic_read(&v), 7);
	KTAP_EXPECT_EQ(t, atomic_cmpxchg(&v, 7, 9), 7);
	KTAP_EXPECT_EQ(t, atomic_read(&v), 9);
	KTAP_EXPECT_EQ(t, atomic_cmpxchg(&v, 9, -1), 9);
	KTAP_EXPECT_EQ(t, atomic_read(&v), -1);
}

static void locking_bitops_set_clear_and_report_the_old_bit(struct ktap_test *t)
{
	unsigned long map[3] = {0, 0, 0};
	const unsigned long last = 3 * BITS_PER_LONG - 1;

	KTAP_EXPECT_FALSE(t, test_and_set_bit(0, map));
	KTAP_EXPECT_TRUE(t, test_and_set_bit(0, map));
	KTAP_EXPECT_FALSE(t, test_and_set_bit(last, map));
	KTAP_EXPECT_EQ(t, map[0], 1ul);
	KTAP_EXPECT_EQ(t, map[2], 1ul << (BITS_PER_LONG - 1));
	set_bit(BITS_PER_LONG + 3, map);
	KTAP_EXPECT_TRUE(t, test_bit(BITS_PER_LONG + 3, map));
	KTAP_EXPECT_FALSE(t, test_bit(BITS_PER_LONG + 2, map));
	clear_bit(BITS_PER_LONG + 3, map);
	KTAP_EXPECT_EQ(t, map[1], 0ul);
	KTAP_EXPECT_TRUE(t, test_and_clear_bit(last, map));
	KTAP_EXPECT_FALSE(t, test_and_clear_bit(last, map));
	__set_bit(5, map);
	__clear_bit(0, map);
	KTAP_EXPECT_EQ(t, map[0], 1ul << 5);
	KTAP_EXPECT_EQ(t, map[2], 0ul);
	/* The lock forms: a word taken by one bit, given back by a release store. */
	KTAP_EXPECT_FALSE(t, test_and_set_bit_lock(BITS_PER_LONG, map));
	KTAP_EXPECT_TRUE(t, test_and_set_bit_lock(BITS_PER_LONG, map));
	KTAP_EXPECT_EQ(t, map[1], 1ul);
	smp_store_release(&map[1], 0ul);
	KTAP_EXPECT_EQ(t, map[1], 0ul);
	KTAP_EXPECT_FALSE(t, test_and_set_bit_lock(BITS_PER_LONG, map));
}

static DEFINE_PER_CPU(unsigned long, test_pcpu_word);

static void locking_this_cpu_is_the_running_cpus_copy(struct ktap_test *t)
{
	int cpu = smp_processor_id();

	KTAP_EXPECT_TRUE(t, cpu_online(cpu));
	KTAP_EXPECT_PTR_EQ(t, this_cpu_ptr(&test_pcpu_word), per_cpu_ptr(&test_pcpu_word, cpu));
	this_cpu_write(test_pcpu_word, 0x5a5a);
	KTAP_EXPECT_EQ(t, per_cpu(test_pcpu_word, cpu), 0x5a5aul);
	KTAP_EXPECT_EQ(t, this_cpu_read(cpu_number), cpu);
}

/*
 * After setup_per_cpu_areas (a boot; host_smp_init on the host) each
 * possible CPU has its own page-aligned copy, away from the template and
 * from every other CPU's, and knows its own number.
 */
static void locking_each_possible_cpu_has_its_own_area(struct ktap_test *t)
{
	int cpu, other;

	if (!per_cpu_offset(smp_processor_id())) {
		ktap_skip(t, "this CPU still runs on the template: no per-CPU areas set up");
		return;
	}
	for_each_possible_cpu (cpu) {
		unsigned long *p = per_cpu_ptr(&test_pcpu_word, cpu);

		KTAP_EXPECT_EQ(t, per_cpu(cpu_number, cpu), cpu);
		KTAP_EXPECT_NE(t, per_cpu_offset(cpu), 0ul);
		KTAP_EXPECT_EQ(
			t, ((unsigned long)__per_cpu_start + per_cpu_offset(cpu)) % PAGE_SIZE, 0ul);
		KTAP_EXPECT_PTR_NE(t, p, &test_pcpu_word);
		for_each_possible_cpu (other)
			if (other != cpu) {
				unsigned long d = per_cpu_offset(cpu) - per_cpu_offset(other);

				if (per_cpu_offset(cpu) < per_cpu_offset(other))
					d = -d;
				KTAP_EXPECT_GE(t, d, (unsigned long)PAGE_SIZE);
			}
	}
}

static void locking_cpu_masks_hold_the_boot_cpu(struct ktap_test *t)
{
	int cpu, n = 0;

	KTAP_EXPECT_TRUE(t, cpu_possible(0));
	KTAP_EXPECT_TRUE(t, cpu_present(0));
	KTAP_EXPECT_TRUE(t, cpu_online(0));
	KTAP_EXPECT_FALSE(t, cpu_online(NR_CPUS));
	KTAP_EXPECT_GE(t, num_possible_cpus(), num_present_cpus());
	KTAP_EXPECT_GE(t, num_present_cpus(), num_online_cpus());
	KTAP_EXPECT_LE(t, num_possible_cpus(), (unsigned int)NR_CPUS);
	for_each_online_cpu (cpu) {
		KTAP_EXPECT_TRUE(t, cpu_possible(cpu));
		n++;
	}
	KTAP_EXPECT_EQ(t, (unsigned int)n, num_online_cpus());
}

static struct ktap_case locking_cases[] = {
	KTAP_CASE(locking_spinlock_takes_a_ticket_and_serves_it),
	KTAP_CASE(locking_defined_lock_starts_unlocked),
	KTAP_CASE(locking_trylock_fails_on_a_held_lock_and_takes_a_free_one),
	KTAP_CASE(locking_tickets_wrap_at_16_bits),
	KTAP_CASE(locking_irqsave_forms_lock_and_give_back_the_flags),
	KTAP_CASE(locking_atomic_ops_return_the_new_value),
	KTAP_CASE(locking_atomic_long_add_moves_both_ways),
	KTAP_CASE(locking_cmpxchg_stores_only_over_the_expected_value),
	KTAP_CASE(locking_bitops_set_clear_and_report_the_old_bit),
	KTAP_CASE(locking_this_cpu_is_the_running_cpus_copy),
	KTAP_CASE(locking_each_possible_cpu_has_its_own_area),
	KTAP_CASE(locking_cpu_masks_hold_the_boot_cpu),
	{}};
KTAP_SUITE(locking, locking_cases);
