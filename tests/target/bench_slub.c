// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the slab allocator, in guest instructions (include/bench.h,
 * docs/bench.md): a kmalloc(64)+kfree pair and a kmem_cache_alloc+free
 * pair of a 256-byte object on the CPU's fast path, the same with a
 * thousand objects live (slabs filled, taken from the partial list and
 * returned), and the memory the kmalloc caches need to hold a mix of
 * sizes and keep after it is freed.  On request only
 * (kunit.filter_glob=bench_slub); each result is one
 *
 *	# bench: slub.<measure>: <value> <unit>
 *
 * line.  Exact under QEMU with -icount shift=0.
 */
#include "bench.h"
#include "ktap.h"
#include "mm.h"
#include "slab.h"
#include "../../mm/slub_def.h"
#include "../random.h"

#define PAIR_LOOPS   4096
#define BATCH	     1024
#define BATCH_ROUNDS 8
#define FILL_BYTES   (4u << 20) /* requested bytes per fill */

static void bench_kmalloc64_pair(struct ktap_test *t)
{
	u64 t0, t1;
	void *p;

	if (!bench_ready(t))
		return;
	kfree(kmalloc(64, GFP_KERNEL)); /* warm: the CPU has a slab */
	t0 = bench_clock_read();
	for (int i = 0; i < PAIR_LOOPS; i++) {
		p = kmalloc(64, GFP_KERNEL);
		kfree(p);
	}
	t1 = bench_clock_read();
	bench_report("slub.kmalloc64_kfree_pair", bench_ticks_to_insns(t1 - t0), PAIR_LOOPS,
		     "instructions/op");
}

static void bench_cache256_pair(struct ktap_test *t)
{
	struct kmem_cache *s = kmem_cache_create("bench-256", 256, 0, 0, NULL);
	u64 t0, t1;
	void *p;

	KTAP_ASSERT_TRUE(t, s != NULL);
	if (!bench_ready(t))
		goto out;
	kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
	t0 = bench_clock_read();
	for (int i = 0; i < PAIR_LOOPS; i++) {
		p = kmem_cache_alloc(s, GFP_KERNEL);
		kmem_cache_free(s, p);
	}
	t1 = bench_clock_read();
	bench_report("slub.cache256_alloc_free_pair", bench_ticks_to_insns(t1 - t0), PAIR_LOOPS,
		     "instructions/op");
out:
	kmem_cache_destroy(s);
}

/*
 * BATCH objects allocated, then freed in allocation order, BATCH_ROUNDS
 * times: new slabs, full slabs, frees into slabs the CPU no longer owns,
 * partial slabs taken again.  Per allocation+free.
 */
static void bench_kmalloc64_batch(struct ktap_test *t)
{
	void **objs = kmalloc_array(BATCH, sizeof(void *), GFP_KERNEL);
	u64 t0, t1;

	KTAP_ASSERT_TRUE(t, objs != NULL);
	if (!bench_ready(t))
		goto out;
	t0 = bench_clock_read();
	for (int r = 0; r < BATCH_ROUNDS; r++) {
		for (int i = 0; i < BATCH; i++)
			objs[i] = kmalloc(64, GFP_KERNEL);
		for (int i = 0; i < BATCH; i++)
			kfree(objs[i]);
	}
	t1 = bench_clock_read();
	bench_report("slub.kmalloc64_batch1024_pair", bench_ticks_to_insns(t1 - t0),
		     BATCH * BATCH_ROUNDS, "instructions/op");
out:
	kfree(objs);
}

/* Sizes as kernels ask for them: mostly small, a tail up to 8 KiB (deterministic). */
static size_t fill_size(void)
{
	unsigned int r;

	u64 x = rnd();

	r = (unsigned int)(x % 100);
	if (r < 60)
		return 1 + (size_t)(x >> 8) % 128;
	if (r < 90)
		return 129 + (size_t)(x >> 8) % 896;
	return 1025 + (size_t)(x >> 8) % (KMALLOC_MAX_CACHE_SIZE - 1024);
}

/*
 * Fill: kmalloc random sizes until FILL_BYTES are requested; then free
 * everything in random order.  Reports the pages the kmalloc caches
 * needed for it (against the bytes asked for) and the pages they still
 * hold after the free, before and after kmem_cache_shrink().
 */
static void bench_kmalloc_fill_and_free(struct ktap_test *t)
{
	enum { MAX_OBJS = 32768 };
	void **objs = kmalloc_array(MAX_OBJS, sizeof(void *), GFP_KERNEL);
	unsigned long pages_before, pages_full, pages_after, pages_shrunk;
	size_t requested = 0;
	int n = 0;

	KTAP_ASSERT_TRUE(t, objs != NULL);
	rng_state = 0x2545f4914f6cdd1dULL;
	pages_before = kmalloc_caches_pages();
	while (requested < FILL_BYTES && n < MAX_OBJS) {
		size_t size = fill_size();

		objs[n] = kmalloc(size, GFP_KERNEL);
		KTAP_ASSERT_TRUE(t, objs[n] != NULL);
		requested += size;
		n++;
	}
	pages_full = kmalloc_caches_pages();
	/* Free in a scrambled order: a stride coprime with the count. */
	for (int i = 0, j = 0; i < n; i++, j = (j + 7919) % n)
		kfree(objs[j]);
	pages_after = kmalloc_caches_pages();
	for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
		kmem_cache_shrink(kmalloc_caches[i]);
	pages_shrunk = kmalloc_caches_pages();
	kfree(objs);
	bench_report("slub.kmalloc_fill_objects", (u64)n, 1, "objects");
	bench_report("slub.kmalloc_fill_overhead",
		     ((u64)(pages_full - pages_before) * PAGE_SIZE - requested) * 100, requested,
		     "percent");
	bench_report("slub.kmalloc_retained_after_free", (u64)pages_after * PAGE_SIZE, 1024, "KiB");
	bench_report("slub.kmalloc_retained_after_shrink", (u64)pages_shrunk * PAGE_SIZE, 1024,
		     "KiB");
}

static struct ktap_case bench_slub_cases[] = {
	KTAP_CASE(bench_kmalloc64_pair),
	KTAP_CASE(bench_cache256_pair),
	KTAP_CASE(bench_kmalloc64_batch),
	KTAP_CASE(bench_kmalloc_fill_and_free),
	{},
};

static struct ktap_suite bench_slub_suite = {
	.name = "bench_slub",
	.cases = bench_slub_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(bench_slub_suite);
