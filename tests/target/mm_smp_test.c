// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator, the object store and CMA with every CPU at work at
 * once.  Portable: the target runs it on each online CPU through
 * on_each_cpu() (with -smp 4 and multi-threaded TCG the races are real);
 * the host runs the same code with each CPU a thread (host_smp_call.c), under
 * ASan/UBSan.
 *
 *  - every CPU allocates and frees blocks of random orders and gfp flags
 *    for a bounded number of operations, and marks each page it is handed
 *    in a shared ownership bitmap with an atomic test_and_set_bit(), so a
 *    page handed out twice is caught at once; each page carries a
 *    signature that is checked when it is freed (someone else wrote to
 *    it otherwise); afterwards, every pcp list drained, the free counts
 *    of every zone are what they were;
 *  - every CPU kmallocs objects of random sizes, fills each with a pattern
 *    of its address and size, and hands some to the other CPUs through a
 *    shared exchange (so objects are freed on CPUs that do not own their
 *    slab); every pattern is intact when the object is freed;
 *  - one CPU takes a CMA area full of object-store pages with cma_alloc()
 *    while the other CPUs allocate, check and free their objects, some of
 *    which lie in the area and are being migrated as they are freed:
 *    every object that survives holds its data, none is left in the area,
 *    and the free counts are what they were once everything is given back.
 *
 * Failures on the worker CPUs are counted and the first one's text kept;
 * the CPU that runs the suite reports them (KTAP output stays on one CPU).
 */
#include "mm_smp.h"
#include "../mm_test.h"
#include "atomic.h"
#include "bitops.h"
#include "cma.h"
#include "dma-map-ops.h"
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "mm.h"
#include "objstore.h"
#include "printk.h"
#include "slab.h"
#include "smp.h"
#include "vmstat.h"
#include <string.h>

/* Operations per CPU: bounded, so a boot under TCG stays in seconds. */
#define CHURN_OPS     2000
#define CHURN_LIVE    48    /* blocks a CPU holds at most */
#define CMA_TRIES     20    /* cma_alloc() attempts, as a driver would retry */
#define CMA_CHURN_MAX 20000 /* a churning CPU stops here even if never told */
#define MEET_SPINS    (1UL << 28)
#define DRAIN_EVERY   16 /* the coordinator drains every CPU's pcp lists this often */

/* What the CPUs share during one run. */
struct mm_smp_run {
	atomic_t arrived;
	atomic_t failures;
	atomic_t have_msg;
	atomic_t stop;
	unsigned int nr_cpus;
	int coordinator;
	char msg[160];
	/* the ownership bitmap: one bit per frame of the node */
	unsigned long *owned;
	unsigned long base_pfn, nr_pfns;
	size_t owned_bytes;
	/* per-CPU results */
	unsigned long allocs[NR_CPUS], alloc_failures[NR_CPUS], churn_ops[NR_CPUS];
	/* the CMA case */
	struct cma *cma;
	struct page *cma_page;
	int cma_tries;
	struct objstore stores[NR_CPUS];
	u32 seeds[NR_CPUS];
};

static struct mm_smp_run run;

/*
 * The free lists before a run, every pcp list drained.  The pageblock
 * types are saved too: unmovable allocations claim movable pageblocks,
 * which a run does not give back by itself.
 */
static bool take_free_state(struct ktap_test *t, struct free_state *before)
{
	if (!save_pageblock_types(t))
		return false;
	snapshot_free_state(before);
	return true;
}

/* Every page given back: the free lists are exactly as before. */
static void expect_free_state_restored(struct ktap_test *t, const struct free_state *before)
{
	struct free_state after;

	restore_pageblock_types(t);
	snapshot_free_state(&after);
	expect_same_free_state(t, before, &after);
}

/* A worker's failure: counted, and the first one's text kept. */
static __printf(1, 2) void smp_fail(const char *fmt, ...)
{
	va_list args;

	atomic_inc(&run.failures);
	if (atomic_cmpxchg(&run.have_msg, 0, 1) != 0)
		return;
	va_start(args, fmt);
	vscnprintf(run.msg, sizeof(run.msg), fmt, args);
	va_end(args);
}

static void report_failures(struct ktap_test *t)
{
	if (atomic_read(&run.failures))
		ktap_fail(t, __FILE__, __LINE__, "%d failures on the CPUs, the first: %s",
			  atomic_read(&run.failures), run.msg);
}

/* Every CPU waits here until all have arrived, so they really run at once. */
static bool meet(void)
{
	atomic_inc(&run.arrived);
	for (unsigned long spins = 0; spins < MEET_SPINS; spins++)
		if ((unsigned int)atomic_read(&run.arrived) >= run.nr_cpus)
			return true;
	smp_fail("CPU %d waited in vain for %u CPUs (%d arrived)", smp_processor_id(), run.nr_cpus,
		 atomic_read(&run.arrived));
	return false;
}

/* xorshift32, one state per CPU. */
static u32 next_rnd(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static unsigned long bad_pages_before;

static void begin_run(unsigned int nr_cpus)
{
	memset(&run, 0, sizeof(run));
	run.nr_cpus = nr_cpus;
	run.coordinator = smp_processor_id();
	bad_pages_before = READ_ONCE(bad_page_reports);
}

/* The allocator's own checks ("BUG: Bad page state") must have stayed quiet. */
static void expect_no_bad_pages(struct ktap_test *t)
{
	KTAP_EXPECT_EQ(t, READ_ONCE(bad_page_reports), bad_pages_before);
}

/* ---------------------------------------------------------------- random orders */

struct held {
	struct page *page;
	unsigned int order;
	u32 sig;
};

static const gfp_t churn_gfps[] = {
	GFP_KERNEL,   GFP_KERNEL | __GFP_MOVABLE,     GFP_HIGHUSER_MOVABLE,
	GFP_HIGHUSER, GFP_KERNEL | __GFP_RECLAIMABLE, GFP_ATOMIC,
};

/* Mostly single pages, as real users ask; now and then up to 2 MiB. */
static unsigned int churn_order(u32 *rng)
{
	unsigned int r = next_rnd(rng) % 100;

	if (r < 60)
		return 0;
	if (r < 90)
		return 1 + next_rnd(rng) % 3;
	if (r < 99)
		return 4 + next_rnd(rng) % 3;
	return 7 + next_rnd(rng) % 3;
}

/* The words of a page's signature: first, middle and last, each different. */
static u32 page_sig(u32 sig, unsigned long pfn, unsigned int i)
{
	return (sig ^ (u32)pfn * 0x9e3779b9u) + i * 0x85ebca6bu;
}

#define SIG_WORDS 3
static const unsigned int sig_index[SIG_WORDS] = {0, PAGE_SIZE / 8, PAGE_SIZE / 4 - 1};

static void sign_page(struct page *page, u32 sig)
{
	u32 *words = kmap_atomic(page);

	for (unsigned int i = 0; i < SIG_WORDS; i++)
		words[sig_index[i]] = page_sig(sig, page_to_pfn(page), i);
	kunmap_atomic(words);
}

static bool page_signed(struct page *page, u32 sig)
{
	u32 *words = kmap_atomic(page);
	bool ok = true;

	for (unsigned int i = 0; i < SIG_WORDS; i++)
		ok &= words[sig_index[i]] == page_sig(sig, page_to_pfn(page), i);
	kunmap_atomic(words);
	return ok;
}

/* Mark the block ours in the bitmap; a page someone already holds is a double hand-out. */
static bool take_block(struct held *h)
{
	unsigned long pfn = page_to_pfn(h->page);
	bool ok = true;

	if (pfn < run.base_pfn || pfn + (1UL << h->order) > run.base_pfn + run.nr_pfns) {
		smp_fail("CPU %d got pfn %#lx order %u outside the node", smp_processor_id(), pfn,
			 h->order);
		return false;
	}
	for (unsigned long i = 0; i < (1UL << h->order); i++) {
		if (test_and_set_bit(pfn + i - run.base_pfn, run.owned)) {
			smp_fail("pfn %#lx handed out twice (the second time to CPU %d, order %u)",
				 pfn + i, smp_processor_id(), h->order);
			ok = false;
			continue;
		}
		sign_page(h->page + i, h->sig);
	}
	return ok;
}

/* Check the signatures and give the block back (bitmap first, then the allocator). */
static void give_block(struct held *h)
{
	unsigned long pfn = page_to_pfn(h->page);

	for (unsigned long i = 0; i < (1UL << h->order); i++) {
		if (!page_signed(h->page + i, h->sig))
			smp_fail("pfn %#lx (CPU %d's, order %u) was written by someone else",
				 pfn + i, smp_processor_id(), h->order);
		if (!test_and_clear_bit(pfn + i - run.base_pfn, run.owned))
			smp_fail("pfn %#lx lost its owner bit while CPU %d held it", pfn + i,
				 smp_processor_id());
	}
	__free_pages(h->page, h->order);
}

static void churn_random_orders(void *unused)
{
	int cpu = smp_processor_id();
	struct held held[CHURN_LIVE];
	u32 rng = 0x9e3779b9u * (u32)(cpu + 1);
	int nr = 0;

	(void)unused;
	if (!meet())
		return;
	for (unsigned int op = 0; op < CHURN_OPS; op++) {
		bool alloc;

		/* Remote drains while the owners use their lists (CMA's isolation does this). */
		if (cpu == run.coordinator && op % DRAIN_EVERY == 0)
			drain_all_pages(NULL);
		alloc = nr == 0 || (nr < CHURN_LIVE && next_rnd(&rng) % 100 < 55);
		if (alloc) {
			struct held *h = &held[nr];
			gfp_t gfp = churn_gfps[next_rnd(&rng) % ARRAY_SIZE(churn_gfps)];

			h->order = churn_order(&rng);
			h->page = alloc_pages(gfp | __GFP_NOWARN, h->order);
			if (!h->page) {
				run.alloc_failures[cpu]++;
				continue;
			}
			run.allocs[cpu]++;
			h->sig = next_rnd(&rng);
			if (!take_block(h))
				return; /* the block is someone else's too: do not free it */
			nr++;
		} else {
			int i = (int)(next_rnd(&rng) % (u32)nr);

			give_block(&held[i]);
			held[i] = held[--nr];
		}
	}
	while (nr)
		give_block(&held[--nr]);
}

static void mm_smp_random_orders_never_hand_out_a_page_twice(struct ktap_test *t)
{
	static struct free_state before;
	unsigned long allocs = 0, fails = 0;
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned int cpu;

	begin_run(num_online_cpus());
	run.base_pfn = pgdat->node_start_pfn;
	run.nr_pfns = pgdat->node_spanned_pages;
	run.owned_bytes = BITS_TO_LONGS(run.nr_pfns) * sizeof(long);
	run.owned = alloc_pages_exact(run.owned_bytes, GFP_KERNEL | __GFP_ZERO);
	KTAP_ASSERT_TRUE(t, run.owned != NULL);
	if (!take_free_state(t, &before))
		goto out;

	on_each_cpu(churn_random_orders, NULL, 1);

	report_failures(t);
	expect_no_bad_pages(t);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		allocs += run.allocs[cpu];
		fails += run.alloc_failures[cpu];
	}
	ktap_info("%u CPUs: %lu blocks allocated and freed, %lu allocations failed", run.nr_cpus,
		  allocs, fails);
	KTAP_EXPECT_GT(t, allocs, 0);
	for (unsigned long w = 0; w < BITS_TO_LONGS(run.nr_pfns); w++)
		if (run.owned[w]) {
			ktap_fail(t, __FILE__, __LINE__, "owner bits left at pfn %#lx",
				  run.base_pfn + w * BITS_PER_LONG);
			break;
		}
	expect_free_state_restored(t, &before);
out:
	free_pages_exact(run.owned, run.owned_bytes);
}

/* ---------------------------------------------------------------- kmalloc across CPUs */

#define KMALLOC_OPS	 2000
#define KMALLOC_LIVE	 32
#define KMALLOC_EXCHANGE 64

static void *exchange[KMALLOC_EXCHANGE];

static const size_t kmalloc_sizes[] = {8, 24, 64, 96, 192, 256, 512, 1000, 2048, 4096};

struct kobj {
	size_t size;
	u32 words[];
};

/* The pattern of the object at @o: its address and size, every word different. */
static u32 kobj_word(const struct kobj *o, size_t i)
{
	return (u32)(unsigned long)o * 0x9e3779b9u + (u32)o->size + (u32)i * 0x85ebca6bu;
}

static size_t kobj_words(const struct kobj *o)
{
	return (o->size - sizeof(*o)) / sizeof(u32);
}

static struct kobj *kobj_alloc(u32 *rng)
{
	size_t size = kmalloc_sizes[next_rnd(rng) % ARRAY_SIZE(kmalloc_sizes)];
	struct kobj *o = kmalloc(size, GFP_KERNEL);

	if (!o)
		return NULL;
	o->size = size;
	for (size_t i = 0; i < kobj_words(o); i++)
		o->words[i] = kobj_word(o, i);
	return o;
}

static void kobj_free(struct kobj *o)
{
	for (size_t i = 0; i < kobj_words(o); i++)
		if (o->words[i] != kobj_word(o, i)) {
			smp_fail("CPU %d: kmalloc(%zu) object %p was written by someone else",
				 smp_processor_id(), o->size, (void *)o);
			return; /* not freed: it may be someone else's now */
		}
	kfree(o);
}

static void churn_kmalloc(void *unused)
{
	int cpu = smp_processor_id();
	struct kobj *live[KMALLOC_LIVE];
	u32 rng = 0x7feb352du * (u32)(cpu + 1);
	int nr = 0;

	(void)unused;
	if (!meet())
		return;
	for (unsigned int op = 0; op < KMALLOC_OPS; op++) {
		unsigned int r = next_rnd(&rng) % 100;
		struct kobj *o;

		if (nr == 0 || (nr < KMALLOC_LIVE && r < 50)) {
			o = kobj_alloc(&rng);
			if (!o) {
				run.alloc_failures[cpu]++;
				continue;
			}
			run.allocs[cpu]++;
			live[nr++] = o;
		} else if (r < 75) {
			/* Swap one for whatever another CPU left in the exchange. */
			int i = (int)(next_rnd(&rng) % (u32)nr);
			void **slot = &exchange[next_rnd(&rng) % KMALLOC_EXCHANGE];

			o = __atomic_exchange_n(slot, live[i], __ATOMIC_ACQ_REL);
			if (o)
				live[i] = o;
			else
				live[i] = live[--nr];
		} else {
			int i = (int)(next_rnd(&rng) % (u32)nr);

			kobj_free(live[i]);
			live[i] = live[--nr];
		}
	}
	while (nr)
		kobj_free(live[--nr]);
}

static void mm_smp_kmalloc_objects_freed_on_other_cpus_stay_intact(struct ktap_test *t)
{
	unsigned long allocs = 0;
	unsigned int cpu;

	begin_run(num_online_cpus());
	memset(exchange, 0, sizeof(exchange));

	on_each_cpu(churn_kmalloc, NULL, 1);

	for (int i = 0; i < KMALLOC_EXCHANGE; i++)
		if (exchange[i])
			kobj_free(exchange[i]);
	report_failures(t);
	expect_no_bad_pages(t);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		allocs += run.allocs[cpu];
	ktap_info("%u CPUs: %lu kmalloc objects, %lu failed", run.nr_cpus, allocs,
		  run.alloc_failures[0] + run.alloc_failures[1] + run.alloc_failures[2] +
			  run.alloc_failures[3]);
	KTAP_EXPECT_GT(t, allocs, 0);
}

/* ---------------------------------------------------------------- CMA under churn */

static bool in_cma(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	return pfn >= run.cma->base_pfn && pfn < run.cma->base_pfn + run.cma->count;
}

/* The coordinator: take the whole area, check it is ours, then tell the others to stop. */
static void take_whole_area(void)
{
	struct cma *cma = run.cma;

	for (run.cma_tries = 1; run.cma_tries <= CMA_TRIES; run.cma_tries++) {
		run.cma_page = cma_alloc(cma, cma->count, 0, true);
		if (run.cma_page)
			break;
	}
	if (!run.cma_page) {
		smp_fail("cma_alloc() of the whole area (%lu pages) failed %d times", cma->count,
			 CMA_TRIES);
		atomic_set(&run.stop, 1);
		return;
	}
	for (unsigned long i = 0; i < cma->count; i++) {
		struct page *page = run.cma_page + i;

		if (page_ref_count(page) != 1 || PageBuddy(page) || page->mapping) {
			smp_fail("cma_alloc() handed out pfn %#lx in use (refcount %d)",
				 page_to_pfn(page), page_ref_count(page));
			break;
		}
		sign_page(page, 0xc3a);
	}
	atomic_set(&run.stop, 1);
}

/* A churning CPU: its own store's objects, allocated, checked and freed at random. */
static void churn_objects(int cpu)
{
	struct objstore *os = &run.stores[cpu];
	u32 rng = 0x85ebca6bu * (u32)(cpu + 1);
	unsigned long ops;

	for (ops = 0; ops < CMA_CHURN_MAX && !atomic_read(&run.stop); ops++) {
		objstore_handle_t h = 1 + next_rnd(&rng) % os->nr_slots;
		unsigned int r = next_rnd(&rng) % 100;

		if (!objstore_page(os, h)) {
			if (r < 50 && !objstore_alloc(os, &h))
				objstore_fill_pattern(os, h, run.seeds[cpu]);
			continue;
		}
		if (!objstore_check_pattern(os, h, run.seeds[cpu]))
			smp_fail("CPU %d: object %lu lost its data", cpu, h);
		if (r < 40)
			objstore_free(os, h);
	}
	run.churn_ops[cpu] = ops;
}

static void cma_under_churn(void *unused)
{
	int cpu = smp_processor_id();

	(void)unused;
	if (!meet()) {
		atomic_set(&run.stop, 1);
		return;
	}
	if (cpu == run.coordinator)
		take_whole_area();
	else
		churn_objects(cpu);
}

/* Fill each pageblock of the area with objects of one CPU's store, in turn. */
static long fill_area_with_objects(void)
{
	struct cma *cma = run.cma;
	unsigned long pfn, end = cma->base_pfn + cma->count;
	long made = 0;
	int n = 0, cpu;

	for (pfn = cma->base_pfn; pfn < end; pfn += pageblock_nr_pages) {
		for (;;) {
			cpu = n++ % NR_CPUS;
			if (cpu_online(cpu))
				break;
		}
		long got = objstore_fill_range(&run.stores[cpu], pfn,
					       min(pfn + pageblock_nr_pages, end), run.seeds[cpu]);
		if (got < 0)
			return got;
		made += got;
	}
	return made;
}

static void mm_smp_cma_alloc_of_a_full_area_while_cpus_churn(struct ktap_test *t)
{
	struct cma *cma = dma_contiguous_default_area;
	static struct free_state before;
	unsigned long objects = 0, ops = 0;
	long made;
	int cpu;

	if (!cma || !cma->count) {
		ktap_skip(t, "this machine has no default CMA area");
		return;
	}
	begin_run(num_online_cpus());
	run.cma = cma;
	if (!take_free_state(t, &before))
		return;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		run.seeds[cpu] = 0x5eed0000u + (u32)cpu;
		/* Room for the area's pages spread over the CPUs, plus what they churn. */
		KTAP_ASSERT_EQ(t, objstore_init(&run.stores[cpu], "mm_smp", cma->count + 256), 0);
	}
	made = fill_area_with_objects();
	KTAP_EXPECT_GT(t, made, 0);

	on_each_cpu(cma_under_churn, NULL, 1);

	report_failures(t);
	expect_no_bad_pages(t);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		ops += run.churn_ops[cpu];
	ktap_info("%u CPUs: %ld objects in the area, cma_alloc() took %d tries, %lu churn ops",
		  run.nr_cpus, made, run.cma_tries, ops);
	if (run.cma_page) {
		for (unsigned long i = 0; i < cma->count; i++)
			if (!page_signed(run.cma_page + i, 0xc3a)) {
				ktap_fail(t, __FILE__, __LINE__, "CMA pfn %#lx was overwritten",
					  page_to_pfn(run.cma_page + i));
				break;
			}
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct objstore *os = &run.stores[cpu];

		for (objstore_handle_t h = 1; h <= os->nr_slots; h++) {
			struct page *page = objstore_page(os, h);

			if (!page)
				continue;
			objects++;
			if (run.cma_page && in_cma(page))
				ktap_fail(t, __FILE__, __LINE__,
					  "object %lu of CPU %d is still in the area", h, cpu);
			if (!objstore_check_pattern(os, h, run.seeds[cpu]))
				ktap_fail(t, __FILE__, __LINE__,
					  "object %lu of CPU %d lost its data", h, cpu);
		}
	}
	ktap_info("%lu objects checked after the run", objects);
	if (run.cma_page)
		KTAP_EXPECT_TRUE(t, cma_release(cma, run.cma_page, cma->count));
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		objstore_destroy(&run.stores[cpu]);
	expect_free_state_restored(t, &before);
}

/* ---------------------------------------------------------------- the suite */

static struct ktap_case mm_smp_cases[] = {
	KTAP_CASE(mm_smp_random_orders_never_hand_out_a_page_twice),
	KTAP_CASE(mm_smp_kmalloc_objects_freed_on_other_cpus_stay_intact),
	KTAP_CASE(mm_smp_cma_alloc_of_a_full_area_while_cpus_churn),
	{}};

static struct ktap_suite mm_smp_suite = {
	.name = "mm_smp",
	.cases = mm_smp_cases,
	.init = mm_smp_machine_setup,
	.exit = mm_smp_machine_teardown,
	/* Seconds of churn on every CPU: its own boots (tests/boot/boots.conf), not every boot. */
	.on_request = true,
};
KTAP_SUITE_DEFINE(mm_smp_suite);
