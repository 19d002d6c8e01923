// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP primitives under real concurrency: pthreads, each one a CPU
 * (host_smp.h), on the host's C11-atomics ticket lock.  What one CPU cannot
 * show: mutual exclusion, tickets served first come first served, atomic
 * read-modify-writes that lose no update, test_and_set_bit with exactly one
 * winner, and every thread seeing its own CPU's per-CPU data.
 */
#include "atomic.h"
#include "bitops.h"
#include "host_smp.h"
#include "kernel.h"
#include "ktap.h"
#include "percpu.h"
#include "smp.h"
#include "spinlock.h"
#include <pthread.h>
#include <string.h>

#define NR_THREADS NR_CPUS
#define ROUNDS	   20000

struct worker {
	unsigned int cpu;
	void (*fn)(struct worker *w);
	long result;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	host_become_cpu(w->cpu);
	w->fn(w);
	return NULL;
}

/* Run @fn on CPUs 0 to NR_THREADS - 1, one thread each, and wait for them all. */
static void run_on_cpus(struct worker *w, void (*fn)(struct worker *w))
{
	pthread_t tid[NR_THREADS];

	host_smp_init(NR_THREADS);
	for (unsigned int i = 0; i < NR_THREADS; i++) {
		w[i] = (struct worker){.cpu = i, .fn = fn};
		BUG_ON(pthread_create(&tid[i], NULL, worker_main, &w[i]));
	}
	for (unsigned int i = 0; i < NR_THREADS; i++)
		pthread_join(tid[i], NULL);
	host_smp_reset();
}

static DEFINE_SPINLOCK(counter_lock);
static long counter;  /* plain: only the lock protects it */
static int inside;    /* CPUs inside the critical section */
static long overlaps; /* times a CPU found another one inside */

static void increment_under_lock(struct worker *w)
{
	for (int i = 0; i < ROUNDS; i++) {
		unsigned long flags;

		spin_lock_irqsave(&counter_lock, flags);
		if (__atomic_fetch_add(&inside, 1, __ATOMIC_RELAXED))
			overlaps++;
		counter = counter + 1;
		__atomic_fetch_sub(&inside, 1, __ATOMIC_RELAXED);
		spin_unlock_irqrestore(&counter_lock, flags);
	}
	w->result = 0;
}

static void locking_threads_lose_no_increment_under_the_lock(struct ktap_test *t)
{
	struct worker w[NR_THREADS];

	counter = 0;
	overlaps = 0;
	run_on_cpus(w, increment_under_lock);
	KTAP_EXPECT_EQ(t, counter, (long)NR_THREADS * ROUNDS);
	KTAP_EXPECT_EQ(t, overlaps, 0l);
	KTAP_EXPECT_FALSE(t, spin_is_locked(&counter_lock));
}

static void increment_with_trylock(struct worker *w)
{
	long failures = 0;

	for (int i = 0; i < ROUNDS; i++) {
		while (!spin_trylock(&counter_lock))
			failures++;
		counter = counter + 1;
		spin_unlock(&counter_lock);
	}
	w->result = failures;
}

static void locking_threads_trylock_excludes_as_the_lock_does(struct ktap_test *t)
{
	struct worker w[NR_THREADS];

	counter = 0;
	run_on_cpus(w, increment_with_trylock);
	KTAP_EXPECT_EQ(t, counter, (long)NR_THREADS * ROUNDS);
}

static atomic_t shared = ATOMIC_INIT(0);
static atomic_t cas_counter = ATOMIC_INIT(0);
static atomic_long_t managed = ATOMIC_LONG_INIT(0); /* as adjust_managed_page_count() adds */

static void hammer_atomics(struct worker *w)
{
	long last_seen = 0;

	for (int i = 0; i < ROUNDS; i++) {
		int old;

		atomic_inc(&shared);
		atomic_add(3, &shared);
		atomic_sub(2, &shared);
		last_seen += atomic_inc_return(&shared) > 0;
		atomic_dec(&shared);
		atomic_long_add(5, &managed);
		atomic_long_add(-4, &managed);
		do
			old = atomic_read(&cas_counter);
		while (atomic_cmpxchg(&cas_counter, old, old + 1) != old);
	}
	w->result = last_seen;
}

static void locking_threads_lose_no_atomic_update(struct ktap_test *t)
{
	struct worker w[NR_THREADS];

	atomic_set(&shared, 0);
	atomic_set(&cas_counter, 0);
	atomic_long_set(&managed, 0);
	run_on_cpus(w, hammer_atomics);
	/* Each round adds 1 + 3 - 2 + 1 - 1 = 2. */
	KTAP_EXPECT_EQ(t, atomic_read(&shared), 2 * NR_THREADS * ROUNDS);
	KTAP_EXPECT_EQ(t, atomic_read(&cas_counter), NR_THREADS * ROUNDS);
	KTAP_EXPECT_EQ(t, atomic_long_read(&managed), (long)NR_THREADS * ROUNDS);
	for (int i = 0; i < NR_THREADS; i++)
		KTAP_EXPECT_EQ(t, w[i].result, (long)ROUNDS); /* the counter only grows */
}

/* Every thread claims every bit; test_and_set_bit must give each to exactly one. */
#define CLAIM_BITS 4096
static unsigned long claim_map[BITS_TO_LONGS(CLAIM_BITS)];
static unsigned char claimed_by[CLAIM_BITS];
static atomic_t dec_to_zero_seen;
static atomic_t refs;

static void claim_bits(struct worker *w)
{
	long won = 0;

	for (unsigned long nr = 0; nr < CLAIM_BITS; nr++)
		if (!test_and_set_bit(nr, claim_map)) {
			claimed_by[nr]++; /* the winner alone writes here */
			won++;
		}
	/* And a reference count: exactly one thread drops the last reference. */
	for (int i = 0; i < 1000; i++)
		if (atomic_dec_and_test(&refs))
			atomic_inc(&dec_to_zero_seen);
	w->result = won;
}

static void locking_threads_test_and_set_bit_has_one_winner_per_bit(struct ktap_test *t)
{
	struct worker w[NR_THREADS];
	long total = 0;
	int once = 0;

	memset(claim_map, 0, sizeof(claim_map));
	memset(claimed_by, 0, sizeof(claimed_by));
	atomic_set(&refs, NR_THREADS * 1000);
	atomic_set(&dec_to_zero_seen, 0);
	run_on_cpus(w, claim_bits);
	for (int i = 0; i < NR_THREADS; i++)
		total += w[i].result;
	KTAP_EXPECT_EQ(t, total, (long)CLAIM_BITS);
	for (int nr = 0; nr < CLAIM_BITS; nr++)
		once += claimed_by[nr] == 1;
	KTAP_EXPECT_EQ(t, once, CLAIM_BITS);
	KTAP_EXPECT_EQ(t, atomic_read(&dec_to_zero_seen), 1);
	for (unsigned long nr = 0; nr < CLAIM_BITS; nr++)
		KTAP_EXPECT_TRUE(t, test_and_clear_bit(nr, claim_map));
}

/*
 * FIFO: CPU 0 holds the lock while CPUs 1, 2 and 3 queue, one at a time
 * (each starts only when the previous one's ticket is visible in the lock
 * word); released, the lock must go to them in that order.
 */
static spinlock_t fifo_lock;
static int fifo_order[NR_THREADS];
static int fifo_served;

static void *fifo_waiter(void *arg)
{
	unsigned int cpu = (unsigned int)(unsigned long)arg;

	host_become_cpu(cpu);
	spin_lock(&fifo_lock);
	fifo_order[fifo_served++] = (int)cpu;
	spin_unlock(&fifo_lock);
	return NULL;
}

static unsigned int tickets_out(spinlock_t *lock)
{
	u32 w = __atomic_load_n(&lock->raw_lock.slock, __ATOMIC_ACQUIRE);

	return (u16)((w >> TICKET_SHIFT) - (w & 0xffff));
}

static void locking_threads_tickets_are_served_in_arrival_order(struct ktap_test *t)
{
	pthread_t tid[NR_THREADS];

	host_smp_init(NR_THREADS);
	spin_lock_init(&fifo_lock);
	fifo_served = 0;
	spin_lock(&fifo_lock);
	for (unsigned int cpu = NR_THREADS - 1; cpu >= 1;
	     cpu--) { /* 3, 2, 1: not creation order by chance */
		unsigned int queued = tickets_out(&fifo_lock);

		BUG_ON(pthread_create(&tid[cpu], NULL, fifo_waiter, (void *)(unsigned long)cpu));
		while (tickets_out(&fifo_lock) == queued)
			cpu_relax();
	}
	KTAP_EXPECT_EQ(t, tickets_out(&fifo_lock), (unsigned int)NR_THREADS);
	fifo_order[fifo_served++] = 0;
	spin_unlock(&fifo_lock);
	for (unsigned int cpu = 1; cpu < NR_THREADS; cpu++)
		pthread_join(tid[cpu], NULL);
	KTAP_EXPECT_EQ(t, fifo_served, NR_THREADS);
	for (int i = 1; i < NR_THREADS; i++)
		KTAP_EXPECT_EQ(t, fifo_order[i], NR_THREADS - i);
	host_smp_reset();
}

static DEFINE_PER_CPU(long, pcpu_sum);

static void count_per_cpu(struct worker *w)
{
	for (int i = 0; i < ROUNDS; i++)
		this_cpu_write(pcpu_sum, this_cpu_read(pcpu_sum) + 1); /* no lock: it is ours */
	w->result = smp_processor_id();
}

static void locking_threads_each_cpu_sees_its_own_per_cpu_data(struct ktap_test *t)
{
	struct worker w[NR_THREADS];
	pthread_t tid[NR_THREADS];

	host_smp_init(NR_THREADS);
	KTAP_EXPECT_EQ(t, num_possible_cpus(), (unsigned int)NR_THREADS);
	for (unsigned int i = 0; i < NR_THREADS; i++) {
		w[i] = (struct worker){.cpu = i, .fn = count_per_cpu};
		BUG_ON(pthread_create(&tid[i], NULL, worker_main, &w[i]));
	}
	for (unsigned int i = 0; i < NR_THREADS; i++)
		pthread_join(tid[i], NULL);
	KTAP_EXPECT_EQ(t, num_online_cpus(), (unsigned int)NR_THREADS);
	for (int i = 0; i < NR_THREADS; i++) {
		KTAP_EXPECT_EQ(t, w[i].result, (long)i);
		KTAP_EXPECT_EQ(t, per_cpu(pcpu_sum, i), (long)ROUNDS);
		KTAP_EXPECT_EQ(t, per_cpu(cpu_number, i), i);
	}
	KTAP_EXPECT_EQ(t, pcpu_sum, 0l); /* the template itself is nobody's */
	host_smp_reset();
	KTAP_EXPECT_EQ(t, num_online_cpus(), 1u);
	KTAP_EXPECT_EQ(t, smp_processor_id(), 0);
}

static struct ktap_case locking_threads_cases[] = {
	KTAP_CASE(locking_threads_lose_no_increment_under_the_lock),
	KTAP_CASE(locking_threads_trylock_excludes_as_the_lock_does),
	KTAP_CASE(locking_threads_lose_no_atomic_update),
	KTAP_CASE(locking_threads_test_and_set_bit_has_one_winner_per_bit),
	KTAP_CASE(locking_threads_tickets_are_served_in_arrival_order),
	KTAP_CASE(locking_threads_each_cpu_sees_its_own_per_cpu_data),
	{}};
KTAP_SUITE(locking_threads, locking_threads_cases);
