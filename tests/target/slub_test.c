// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator on the target (mm/slub.c): every kmalloc size class,
 * alignment, slabs going back to the buddy allocator, the checks every
 * free makes, and slub_debug's reports, read back from the log.
 */
#include "ktap.h"
#include "mm.h"
#include "printk.h"
#include "slab.h"
#include "vmstat.h"
#include "../../mm/slub_def.h"
#include <string.h>

/*
 * The alignment kmalloc(@size) must give: a power-of-two class is naturally
 * aligned (at most a page), debugging or not, as in Linux.  96 and 192 are
 * only guaranteed ARCH_SLAB_MINALIGN once slub_debug grows their slots;
 * without it, slots packed at multiples of the class line up with its
 * largest power-of-two divisor.
 */
static unsigned long class_alignment(size_t size, size_t class_size)
{
	if (size <= KMALLOC_MAX_CACHE_SIZE && (class_size & (class_size - 1)) &&
	    kmem_cache_debug_flags(kmalloc_caches[kmalloc_index(size)]))
		return ARCH_SLAB_MINALIGN;
	return min(class_size & -class_size, (size_t)PAGE_SIZE);
}

/* Tests of a cache's exact geometry or CPU slab: slub_debug changes both. */
static bool skip_if_debug(struct ktap_test *t, struct kmem_cache *s)
{
	if (!kmem_cache_debug_flags(s))
		return false;
	ktap_skip(t, "slub_debug changes this cache's layout");
	kmem_cache_destroy(s);
	return true;
}

static const size_t kmalloc_test_sizes[] = {
	1,   8,	  9,   16,  17,	  32,	33,   64,   65,	  96,	97,   128,  129,   192,	  193,
	256, 257, 512, 513, 1024, 1025, 2048, 2049, 4096, 4097, 8192, 8193, 12288, 65536, 1 << 20,
};

/* Free blocks of @order the buddy lists could hand out (larger blocks split), pcp drained. */
static unsigned long free_blocks_of_order(unsigned int order)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long blocks = 0;

	drain_all_pages(NULL);
	for (unsigned int o = order; o < MAX_ORDER; o++)
		blocks += normal->free_area[o].nr_free << (o - order);
	return blocks;
}

/* The size class kmalloc(@size) should come from (or the block it takes). */
static size_t expected_class(size_t size)
{
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE << get_order(size);
	if (size > 64 && size <= 96)
		return 96;
	if (size > 128 && size <= 192)
		return 192;
	return size <= 8 ? 8 : 1UL << (8 * sizeof(long) - __builtin_clzl(size - 1));
}

static void slub_every_kmalloc_size_class_round_trips(struct ktap_test *t)
{
	size_t left_out = 0;

	for (size_t i = 0; i < ARRAY_SIZE(kmalloc_test_sizes); i++) {
		size_t size = kmalloc_test_sizes[i], class = expected_class(size);
		u8 *p[3];

		/* Above the caches each takes a block of its own (3 MiB of 1 MiB at -m 2M); a
		 * fourth keeps the three clear of the watermarks. */
		if (size > KMALLOC_MAX_CACHE_SIZE &&
		    free_blocks_of_order(get_order(size)) < 3 + 1) {
			ktap_info("kmalloc(%zu) not tried: fewer than 4 free order-%u blocks", size,
				  get_order(size));
			left_out = size;
			continue;
		}
		/* Three at once: they must not overlap, and each keeps its bytes. */
		for (int j = 0; j < 3; j++) {
			p[j] = kmalloc(size, GFP_KERNEL);
			KTAP_ASSERT_TRUE(t, p[j] != NULL);
			memset(p[j], 0x40 + j, size);
		}
		for (int j = 0; j < 3; j++) {
			KTAP_EXPECT_EQ(t, ksize(p[j]), class);
			KTAP_EXPECT_EQ(t, (unsigned long)p[j] & (class_alignment(size, class) - 1),
				       0);
			KTAP_EXPECT_TRUE(t, p[j][0] == 0x40 + j && p[j][size - 1] == 0x40 + j);
		}
		for (int j = 0; j < 3; j++)
			kfree(p[j]);
	}
	if (left_out)
		ktap_skip(t, "too few free blocks for three page-backed kmallocs at the largest "
			     "size (every smaller size was checked)");
}

static void slub_kmalloc_classes_are_linux_caches(struct ktap_test *t)
{
	static const char *const names[] = {
		"kmalloc-8",   "kmalloc-16",  "kmalloc-32",  "kmalloc-64",  "kmalloc-96",
		"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512", "kmalloc-1k",
		"kmalloc-2k",  "kmalloc-4k",  "kmalloc-8k"};
	static const unsigned int sizes[] = {8,	  16,  32,   64,   96,	 128, 192,
					     256, 512, 1024, 2048, 4096, 8192};

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmalloc_caches[kmalloc_index(sizes[i])];

		KTAP_ASSERT_TRUE(t, s != NULL);
		KTAP_EXPECT_STREQ(t, kmem_cache_name(s), names[i]);
		KTAP_EXPECT_EQ(t, kmem_cache_size(s), sizes[i]);
	}
}

static void slub_zero_size_and_overflow_requests(struct ktap_test *t)
{
	size_t huge = (size_t)-1 / 2 + 2;
	u8 *p;

	KTAP_EXPECT_PTR_EQ(t, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	KTAP_EXPECT_PTR_EQ(t, kcalloc(huge, 2, GFP_KERNEL), NULL);
	KTAP_EXPECT_PTR_EQ(t, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN), NULL);
	p = kcalloc(10, 30, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	for (int i = 0; i < 300; i++)
		KTAP_EXPECT_EQ(t, p[i], 0);
	kfree(p);
}

static void slub_kzalloc_zeroes_a_reused_object(struct ktap_test *t)
{
	u8 *p = kmalloc(200, GFP_KERNEL), *q;

	KTAP_ASSERT_TRUE(t, p != NULL);
	memset(p, 0xff, 200);
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, q != NULL);
	KTAP_EXPECT_PTR_EQ(t, q, p); /* the CPU freelist is LIFO */
	for (int i = 0; i < 200; i++)
		KTAP_EXPECT_EQ(t, q[i], 0);
	kfree(q);
}

static void slub_krealloc_keeps_contents(struct ktap_test *t)
{
	u8 *p = kmalloc(40, GFP_KERNEL), *q;

	KTAP_ASSERT_TRUE(t, p != NULL);
	for (int i = 0; i < 40; i++)
		p[i] = (u8)i;
	q = krealloc(p, 60, GFP_KERNEL); /* still fits kmalloc-64: the same object */
	KTAP_EXPECT_PTR_EQ(t, q, p);
	p = krealloc(q, 5000, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, ksize(p), 8192);
	for (int i = 0; i < 40; i++)
		KTAP_EXPECT_EQ(t, p[i], i);
	q = krealloc(p, 20000, GFP_KERNEL); /* into a compound block from the page allocator */
	KTAP_ASSERT_TRUE(t, q != NULL);
	KTAP_EXPECT_EQ(t, ksize(q), PAGE_SIZE << get_order(20000));
	for (int i = 0; i < 40; i++)
		KTAP_EXPECT_EQ(t, q[i], i);
	KTAP_EXPECT_PTR_EQ(t, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static void slub_large_kmalloc_is_a_compound_block(struct ktap_test *t)
{
	u8 *p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct page *page;

	KTAP_ASSERT_TRUE(t, p != NULL);
	page = virt_to_page(p);
	KTAP_EXPECT_TRUE(t, PageHead(page));
	KTAP_EXPECT_EQ(t, compound_order(page), 2);
	for (int i = 1; i < 4; i++) {
		KTAP_EXPECT_TRUE(t, PageTail(page + i));
		KTAP_EXPECT_PTR_EQ(t, compound_head(page + i), page);
	}
	kfree(p);
	for (int i = 1; i < 4; i++)
		KTAP_EXPECT_FALSE(t, PageTail(page + i));
}

static void slub_cache_alignment_is_honoured(struct ktap_test *t)
{
	static const struct {
		unsigned int size, align;
		slab_flags_t flags;
		unsigned long expect;
	} cases[] = {
		{20, 0, 0, 8},
		{20, 64, 0, 64},
		{100, 128, 0, 128},
		{20, 0, SLAB_HWCACHE_ALIGN, L1_CACHE_BYTES},
		{12, 0, SLAB_HWCACHE_ALIGN, 16}, /* two per line, as Linux packs them */
		{700, 256, SLAB_RED_ZONE | SLAB_POISON, 256},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct kmem_cache *s = kmem_cache_create("test-align", cases[i].size,
							 cases[i].align, cases[i].flags, NULL);
		void *p[40];

		KTAP_ASSERT_TRUE(t, s != NULL);
		for (int j = 0; j < 40; j++) {
			p[j] = kmem_cache_alloc(s, GFP_KERNEL);
			KTAP_ASSERT_TRUE(t, p[j] != NULL);
			KTAP_EXPECT_EQ(t, (unsigned long)p[j] & (cases[i].expect - 1), 0);
		}
		for (int j = 0; j < 40; j++)
			kmem_cache_free(s, p[j]);
		kmem_cache_destroy(s);
	}
}

/* Free pages in the buddy lists, the pcp lists drained into them first. */
static unsigned long free_pages_drained(unsigned long nr_free[MAX_ORDER])
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];

	drain_all_pages(NULL);
	for (int order = 0; order < MAX_ORDER; order++)
		nr_free[order] = normal->free_area[order].nr_free;
	return nr_free_pages();
}

static void slub_cache_slabs_return_to_the_buddy_allocator(struct ktap_test *t)
{
	/*
	 * 700 bytes: compound slabs, so those are exercised too.  Linux's
	 * calculate_order wants 4 * (fls(CPUs) + 1) objects a slab: 8 with one
	 * CPU (order 1, 11 objects), 12 or 16 with more (order 2, 23 objects).
	 * The CPUs are the present ones, or all possible ones (the DT's) when
	 * only the boot CPU is present (nosmp): not how many are running.
	 */
	unsigned int cpus = num_present_cpus() > 1 ? num_present_cpus() : nr_cpu_ids;
	struct kmem_cache *s = kmem_cache_create("test-return", 700, 0, 0, NULL);
	unsigned long before[MAX_ORDER], after[MAX_ORDER], free_before;
	struct slabinfo si;
	enum { N = 400 };
	void **objs;

	KTAP_ASSERT_TRUE(t, s != NULL);
	objs = kmalloc_array(N, sizeof(*objs), GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, objs != NULL);
	free_before = free_pages_drained(before);
	for (int i = 0; i < N; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTAP_ASSERT_TRUE(t, objs[i] != NULL);
	}
	get_slabinfo(s, &si);
	KTAP_EXPECT_EQ(t, si.cache_order, cpus > 1 ? 2 : 1);
	KTAP_EXPECT_EQ(t, si.num_slabs, DIV_ROUND_UP(N, si.objects_per_slab));
	/* The CPU slab's free objects count as active; debug caches have none. */
	if (!kmem_cache_debug_flags(s))
		KTAP_EXPECT_EQ(t, si.active_objs, si.num_objs);
	KTAP_EXPECT_LT(t, nr_free_pages(), free_before);
	/* Every other object first, so slabs go full -> partial -> empty. */
	for (int i = 0; i < N; i += 2)
		kmem_cache_free(s, objs[i]);
	for (int i = 1; i < N; i += 2)
		kmem_cache_free(s, objs[i]);
	/* The empty slabs past min_partial went back as they emptied. */
	get_slabinfo(s, &si);
	KTAP_EXPECT_LE(t, si.num_slabs, s->min_partial + 1);
	kmem_cache_shrink(s);
	get_slabinfo(s, &si);
	KTAP_EXPECT_EQ(t, si.num_slabs, 0);
	KTAP_EXPECT_EQ(t, free_pages_drained(after), free_before);
	for (int order = 0; order < MAX_ORDER; order++)
		KTAP_EXPECT_EQ(t, after[order], before[order]);
	kfree(objs);
	kmem_cache_destroy(s);
}

static void slub_shrink_frees_empty_slabs_and_puts_the_fullest_first(struct ktap_test *t)
{
	static const int keep[4] = {1, 20, 10, 0}; /* objects left in each slab */
	struct kmem_cache *s = kmem_cache_create("test-shrink", 128, 0, 0, NULL);
	static const unsigned int expect[] = {20, 10, 1};
	struct kmem_cache_node *n;
	void *objs[4][32];
	struct slab *slab;
	unsigned int i = 0;

	KTAP_ASSERT_TRUE(t, s != NULL);
	if (skip_if_debug(t, s))
		return;
	KTAP_ASSERT_EQ(t, oo_objects(s->oo), 32);
	for (int sl = 0; sl < 4; sl++)
		for (int j = 0; j < 32; j++)
			objs[sl][j] = kmem_cache_alloc(s, GFP_KERNEL);
	for (int sl = 0; sl < 4; sl++)
		for (int j = keep[sl]; j < 32; j++)
			kmem_cache_free(s, objs[sl][j]);
	kmem_cache_shrink(s);
	n = get_node(s, 0);
	KTAP_EXPECT_EQ(t, n->nr_slabs, 3);
	KTAP_EXPECT_EQ(t, n->nr_partial, 3);
	list_for_each_entry (slab, &n->partial, slab_list) {
		if (i < ARRAY_SIZE(expect))
			KTAP_EXPECT_EQ(t, slab->inuse, expect[i]);
		i++;
	}
	for (int sl = 0; sl < 4; sl++)
		for (int j = 0; j < keep[sl]; j++)
			kmem_cache_free(s, objs[sl][j]);
	kmem_cache_destroy(s);
}

static int ctor_calls;

static void test_ctor(void *object)
{
	memset(object, 0x5c, 48);
	ctor_calls++;
}

static void slub_constructor_runs_once_per_object_of_a_new_slab(struct ktap_test *t)
{
	struct kmem_cache *s = kmem_cache_create("test-ctor", 48, 0, 0, test_ctor);
	u8 *p;

	KTAP_ASSERT_TRUE(t, s != NULL);
	ctor_calls = 0;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, ctor_calls, oo_objects(s->oo));
	/* The free pointer is outside the object: it stays as the constructor left it. */
	for (int i = 0; i < 48; i++)
		KTAP_EXPECT_EQ(t, p[i], 0x5c);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slub_create_names_what_is_wrong_with_its_arguments(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	char expect[80];

	KTAP_EXPECT_PTR_EQ(t, kmem_cache_create("test-bad", 0, 0, 0, NULL), NULL);
	scnprintf(expect, sizeof(expect),
		  "kmem_cache_create(test-bad): object size 0 is not 1..%zu", KMALLOC_MAX_SIZE);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, expect));
	KTAP_EXPECT_PTR_EQ(t, kmem_cache_create("test-bad", 32, 24, 0, NULL), NULL);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "align 24 is not a power of two"));
	KTAP_EXPECT_PTR_EQ(t, kmem_cache_create("test-bad", 32, 0, 0x1, NULL), NULL);
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "kmem_cache_create(test-bad): unknown flags 0x1"));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "kmem_cache_create(test-bad) failed with error -22"));
	KTAP_EXPECT_PTR_EQ(t, kmem_cache_create(NULL, 32, 0, 0, NULL), NULL);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "kmem_cache_create: no name"));
}

static void slub_destroy_refuses_a_cache_with_objects(struct ktap_test *t)
{
	struct kmem_cache *s = kmem_cache_create("test-busy", 32, 0, 0, NULL);
	size_t mark;
	void *p;

	KTAP_ASSERT_TRUE(t, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	mark = printk_log_mark();
	kmem_cache_destroy(s);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark,
				    "kmem_cache_destroy test-busy: Slab cache still has objects"));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slub_cache_runs_out_with_linux_report_and_recovers(struct ktap_test *t)
{
	/* 1 MiB objects: order-8 slabs of one object each, so memory runs out soon. */
	struct kmem_cache *s = kmem_cache_create("test-oom", 1 << 20, 0, 0, NULL);
	unsigned long before[MAX_ORDER], after[MAX_ORDER], free_before;
	enum { MAX = 1024 };
	void **objs = kcalloc(MAX, sizeof(void *), GFP_KERNEL);
	size_t mark;
	int n = 0;

	KTAP_ASSERT_TRUE(t, s != NULL && objs != NULL);
	if (skip_if_debug(t, s)) {
		kfree(objs);
		return;
	}
	KTAP_EXPECT_EQ(t, oo_order(s->oo), 8);
	if (!free_blocks_of_order(oo_order(s->oo))) {
		kfree(objs);
		kmem_cache_destroy(s);
		ktap_skip(t, "no free order-8 block: not one slab fits at this memory size");
		return;
	}
	free_before = free_pages_drained(before);
	mark = printk_log_mark();
	while (n < MAX && (objs[n] = kmem_cache_alloc(s, GFP_KERNEL)) != NULL)
		n++;
	KTAP_EXPECT_LT(t, n, MAX);
	KTAP_EXPECT_GT(t, n, 0);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "SLUB: Unable to allocate memory on node -1, "
						   "gfp=0xcc0(GFP_KERNEL)"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "  cache: test-oom, object size: 1048576, "
						   "buffer size: 1048576, default order: 8, "
						   "min order: 8"));
	while (n--)
		kmem_cache_free(s, objs[n]);
	kmem_cache_shrink(s);
	KTAP_EXPECT_EQ(t, free_pages_drained(after), free_before);
	kfree(objs);
	kmem_cache_destroy(s);
}

/* ---------------------------------------------------------------- checks on every free */

static void slub_double_kfree_is_caught_without_debug(struct ktap_test *t)
{
	unsigned long reports = slab_bug_reports;
	u8 *p = kmalloc(64, GFP_KERNEL), *q, *r;
	size_t mark;

	KTAP_ASSERT_TRUE(t, p != NULL);
	if (kmem_cache_debug_flags(kmalloc_caches[6])) {
		kfree(p);
		ktap_skip(t, "slub_debug is on for kmalloc-64");
		return;
	}
	kfree(p);
	mark = printk_log_mark();
	kfree(p);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Object already free");
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "BUG kmalloc-64 ("));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "): Object already free"));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "caller: slub_double_kfree_is_caught_without_debug+0x"));
	/* The freelist was not corrupted: two allocations get two objects. */
	q = kmalloc(64, GFP_KERNEL);
	r = kmalloc(64, GFP_KERNEL);
	KTAP_EXPECT_PTR_NE(t, q, r);
	kfree(q);
	kfree(r);
}

static void slub_double_free_in_a_partial_slab_is_caught(struct ktap_test *t)
{
	struct kmem_cache *s = kmem_cache_create("test-df", 128, 0, 0, NULL);
	unsigned long reports = slab_bug_reports;
	void *objs[100];

	KTAP_ASSERT_TRUE(t, s != NULL);
	for (int i = 0; i < 100; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	/* objs[0]'s slab is no longer the CPU's: the free goes to the slab's own list. */
	kmem_cache_free(s, objs[0]);
	kmem_cache_free(s, objs[0]);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Object already free");
	for (int i = 1; i < 100; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
}

static void slub_foreign_pointers_are_refused(struct ktap_test *t)
{
	unsigned long reports = slab_bug_reports;
	u8 *p = kmalloc(64, GFP_KERNEL), *big = kmalloc(20000, GFP_KERNEL);
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	size_t mark = printk_log_mark();
	int on_stack;

	KTAP_ASSERT_TRUE(t, p && big && page);
	kfree(p + 8); /* inside an object */
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Invalid object pointer"));
	kfree(big + PAGE_SIZE);	   /* inside a large block */
	kfree(page_address(page)); /* a page allocator page */
	kfree(&on_stack);	   /* not kmalloc memory at all */
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "BUG: kfree("));
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 4);
	KTAP_EXPECT_EQ(t, ksize(p + 8), 64); /* still allocated, still whole */
	kfree(p);
	kfree(big);
	__free_page(page);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 4);
}

/* ---------------------------------------------------------------- slub_debug */

static struct kmem_cache *debug_cache(const char *name, slab_flags_t flags)
{
	return kmem_cache_create(name, 64, 0, flags, NULL);
}

static void slub_debug_catches_a_red_zone_overwrite(struct ktap_test *t)
{
	struct kmem_cache *s = debug_cache("test-redzone", SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE |
								   SLAB_STORE_USER);
	unsigned long reports = slab_bug_reports;
	size_t mark;
	u8 *p;

	KTAP_ASSERT_TRUE(t, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	p[64] = 0x11; /* one byte past the end */
	mark = printk_log_mark();
	kmem_cache_free(s, p);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Right Redzone overwritten");
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "BUG test-redzone ("));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "): Right Redzone overwritten"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, ". First byte 0x11 instead of 0xcc"));
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(mark, "Allocated in slub_debug_catches_a_red_zone_overwrite+0x"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Redzone  "));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Object   "));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "FIX test-redzone: Restoring Right Redzone"));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "caller: slub_debug_catches_a_red_zone_overwrite"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "FIX test-redzone: Object at 0x"));
	/* The red zone was restored and the object kept: now it frees cleanly. */
	kmem_cache_free(s, p);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	kmem_cache_destroy(s);
}

static void slub_debug_catches_a_left_red_zone_overwrite(struct ktap_test *t)
{
	struct kmem_cache *s =
		debug_cache("test-lredzone", SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	unsigned long reports = slab_bug_reports;
	u8 *p;

	KTAP_ASSERT_TRUE(t, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	p[-1] = 0;
	kmem_cache_free(s, p);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Left Redzone overwritten");
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slub_debug_poison_catches_a_use_after_free(struct ktap_test *t)
{
	struct kmem_cache *s =
		debug_cache("test-poison", SLAB_CONSISTENCY_CHECKS | SLAB_POISON | SLAB_STORE_USER);
	unsigned long reports = slab_bug_reports;
	size_t mark;
	u8 *p, *q;

	KTAP_ASSERT_TRUE(t, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	kmem_cache_free(s, p);
	KTAP_EXPECT_EQ(t, p[0], 0x6b);
	KTAP_EXPECT_EQ(t, p[63], 0xa5);
	p[10] = 0x42; /* the use after free */
	mark = printk_log_mark();
	q = kmem_cache_alloc(s, GFP_KERNEL); /* checks the poison of the object it takes */
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Poison overwritten");
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "): Poison overwritten"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, ". First byte 0x42 instead of 0x6b"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Freed in slub_debug_poison_catches"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Object   "));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "6b 6b 42 6b"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "FIX test-poison: Marking all objects used"));
	/* The corrupted slab is retired; the allocation came from a new one. */
	KTAP_ASSERT_TRUE(t, q != NULL);
	KTAP_EXPECT_NE(t, (unsigned long)virt_to_page(q), (unsigned long)virt_to_page(p));
	kmem_cache_free(s, q);
	/* The retired slab stays (its objects all count as used): the cache is kept. */
}

static void slub_debug_catches_a_double_free(struct ktap_test *t)
{
	struct kmem_cache *s = debug_cache("test-dfree", SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE |
								 SLAB_POISON | SLAB_STORE_USER);
	unsigned long reports = slab_bug_reports;
	size_t mark;
	u8 *p;

	KTAP_ASSERT_TRUE(t, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	kmem_cache_free(s, p);
	mark = printk_log_mark();
	kmem_cache_free(s, p);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Object already free");
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "BUG test-dfree ("));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Freed in slub_debug_catches_a_double_free+0x"));
	kmem_cache_destroy(s);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
}

static void slub_debug_param_selects_caches_by_name(struct ktap_test *t)
{
	struct kmem_cache *a, *b, *c;
	char param[] = "Z,test-param-a;FU,test-glob-*";

	KTAP_ASSERT_EQ(t, slub_debug_param(param), 0);
	a = kmem_cache_create("test-param-a", 32, 0, 0, NULL);
	b = kmem_cache_create("test-glob-b", 32, 0, 0, NULL);
	c = kmem_cache_create("test-other", 32, 0, 0, NULL);
	KTAP_EXPECT_EQ(t, kmem_cache_debug_flags(a), SLAB_RED_ZONE);
	KTAP_EXPECT_EQ(t, kmem_cache_debug_flags(b), SLAB_CONSISTENCY_CHECKS | SLAB_STORE_USER);
	KTAP_EXPECT_EQ(t, kmem_cache_debug_flags(c), 0);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	kmem_cache_destroy(c);
	{
		char bad[] = "FX";

		KTAP_EXPECT_EQ(t, slub_debug_param(bad), -EINVAL);
	}
	{
		char off[] = "-";

		KTAP_EXPECT_EQ(t, slub_debug_param(off), 0);
	}
}

static struct ktap_case slub_cases[] = {
	KTAP_CASE(slub_every_kmalloc_size_class_round_trips),
	KTAP_CASE(slub_kmalloc_classes_are_linux_caches),
	KTAP_CASE(slub_zero_size_and_overflow_requests),
	KTAP_CASE(slub_kzalloc_zeroes_a_reused_object),
	KTAP_CASE(slub_krealloc_keeps_contents),
	KTAP_CASE(slub_large_kmalloc_is_a_compound_block),
	KTAP_CASE(slub_cache_alignment_is_honoured),
	KTAP_CASE(slub_cache_slabs_return_to_the_buddy_allocator),
	KTAP_CASE(slub_shrink_frees_empty_slabs_and_puts_the_fullest_first),
	KTAP_CASE(slub_constructor_runs_once_per_object_of_a_new_slab),
	KTAP_CASE(slub_create_names_what_is_wrong_with_its_arguments),
	KTAP_CASE(slub_destroy_refuses_a_cache_with_objects),
	KTAP_CASE(slub_cache_runs_out_with_linux_report_and_recovers),
	KTAP_CASE(slub_double_kfree_is_caught_without_debug),
	KTAP_CASE(slub_double_free_in_a_partial_slab_is_caught),
	KTAP_CASE(slub_foreign_pointers_are_refused),
	KTAP_CASE(slub_debug_catches_a_red_zone_overwrite),
	KTAP_CASE(slub_debug_catches_a_left_red_zone_overwrite),
	KTAP_CASE(slub_debug_poison_catches_a_use_after_free),
	KTAP_CASE(slub_debug_catches_a_double_free),
	KTAP_CASE(slub_debug_param_selects_caches_by_name),
	{},
};
KTAP_SUITE(slub, slub_cases);

/*
 * Booted with "slub_debug=FZPU,kmalloc-64" (tests/boot/boots.conf): the
 * option reached kmalloc-64 and no other cache, and a kmalloc(64) red-zone
 * overwrite is reported.
 */
static void slub_debug_boot_option_reaches_kmalloc_64(struct ktap_test *t)
{
	unsigned long reports = slab_bug_reports;
	u8 *p;

	KTAP_EXPECT_EQ(t, kmem_cache_debug_flags(kmalloc_caches[6]), SLAB_DEBUG_FLAGS);
	KTAP_EXPECT_EQ(t, kmem_cache_debug_flags(kmalloc_caches[7]), 0);
	p = kmalloc(64, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, p != NULL);
	p[64] = 0;
	kfree(p);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTAP_EXPECT_STREQ(t, slab_last_bug, "Right Redzone overwritten");
	kfree(p);
}

static struct ktap_case slub_debug_boot_cases[] = {
	KTAP_CASE(slub_debug_boot_option_reaches_kmalloc_64),
	{},
};

static struct ktap_suite slub_debug_boot_suite = {
	.name = "slub_debug_boot",
	.cases = slub_debug_boot_cases,
	.on_request = true,
};
KTAP_SUITE_DEFINE(slub_debug_boot_suite);
