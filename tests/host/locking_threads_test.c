// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP primitives under real concurrency: pthreads, each one a CPU
 * (host_smp.h), on the host's C11-atomics ticket lock.  What one CPU cannot
 * show: mutual exclusion, tickets served first come first served, atomic
 * read-modify-writes that lose no update, test_and_set_bit with exactly one
 * winner, every thread seeing its own CPU's per-CPU data, and printk's
 * messages from several CPUs kept whole.
 */
#include "atomic.h"
#include "bitops.h"
#include "host_smp.h"
#include "kernel.h"
#include "ktap.h"
#include "percpu.h"
#include "printk.h"
#include "smp.h"
#include "spinlock.h"
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
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

/*
 * printk from every CPU at once: each message reaches the log whole and in
 * its CPU's order, no console's write() runs on two CPUs at a time, and
 * none is marked broken (as one whose write faulted).
 */
#define PRINTK_LINES 32
#define PRINTK_FMT   "    # printk from CPU %u, message %d: one message, one piece\n"

static atomic_t console_inside;
static atomic_t console_overlaps;
static char printk_seen[PRINTK_LINES * NR_THREADS * 64];

static void overlap_checking_write(struct console *con, const char *s, size_t len)
{
	(void)con;
	(void)s;
	(void)len;
	if (atomic_inc_return(&console_inside) > 1)
		atomic_inc(&console_overlaps);
	sched_yield(); /* a slow UART: give the other CPUs every chance to come in */
	atomic_dec(&console_inside);
}

static atomic_t printers_ready;

static void print_lines(struct worker *w)
{
	atomic_inc(&printers_ready); /* all start together, or they would hardly meet */
	while (atomic_read(&printers_ready) < NR_THREADS)
		cpu_relax();
	for (int i = 0; i < PRINTK_LINES; i++)
		printk(KERN_INFO PRINTK_FMT, w->cpu, i);
}

static void locking_threads_printk_lines_never_interleave(struct ktap_test *t)
{
	struct console checker = {.name = "checker", .write = overlap_checking_write};
	int next[NR_THREADS] = {0};
	struct worker w[NR_THREADS];
	size_t mark;
	int bad = 0;

	atomic_set(&console_overlaps, 0);
	atomic_set(&printers_ready, 0);
	register_console(&checker, false);
	mark = printk_log_mark();
	run_on_cpus(w, print_lines);
	unregister_console(&checker);
	KTAP_EXPECT_EQ(t, atomic_read(&console_overlaps), 0);
	/* A printk that finds another CPU in a console's write must not take it for a fault there. */
	KTAP_EXPECT_FALSE(t, checker.broken);

	printk_log_copy(mark, printk_seen, sizeof(printk_seen));
	for (char *line = printk_seen, *end; *line; line = end + 1) {
		unsigned int cpu;
		int msg, used = 0;
		char expect[96];

		end = strchr(line, '\n');
		if (!end)
			break;
		*end = '\0';
		if (sscanf(line, "    # printk from CPU %u, message %d:%n", &cpu, &msg, &used) !=
			    2 ||
		    cpu >= NR_THREADS) {
			bad++;
			continue;
		}
		snprintf(expect, sizeof(expect), PRINTK_FMT, cpu, msg);
		expect[strlen(expect) - 1] = '\0';
		if (strcmp(line, expect) || msg != next[cpu])
			bad++;
		next[cpu] = msg + 1;
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	for (int cpu = 0; cpu < NR_THREADS; cpu++)
		KTAP_EXPECT_EQ(t, next[cpu], PRINTK_LINES);
}

static struct ktap_case locking_threads_cases[] = {
	KTAP_CASE(locking_threads_lose_no_increment_under_the_lock),
	KTAP_CASE(locking_threads_trylock_excludes_as_the_lock_does),
	KTAP_CASE(locking_threads_lose_no_atomic_update),
	KTAP_CASE(locking_threads_test_and_set_bit_has_one_winner_per_bit),
	KTAP_CASE(locking_threads_tickets_are_served_in_arrival_order),
	KTAP_CASE(locking_threads_each_cpu_sees_its_own_per_cpu_data),
	KTAP_CASE(locking_threads_printk_lines_never_interleave),
	{}};
KTAP_SUITE(locking_threads, locking_threads_cases);
