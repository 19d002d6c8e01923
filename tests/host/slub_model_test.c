// SPDX-License-Identifier: GPL-2.0
/*
 * A million random kmalloc/kfree/krealloc operations against a shadow of
 * what is handed out (mm/slub.c on the host, under ASan and UBSan): no
 * two live objects overlap, every object keeps its bytes until it is
 * freed, each cache's allocated objects are exactly the live ones of its
 * size class, and the buddy allocator's free pages plus the slabs plus the
 * large blocks always add up to the managed pages.  Every 10000
 * operations a live object is freed through a pointer into its middle and
 * another is freed twice: each must be one report, and nothing lost.
 * Deterministic: a fixed-seed xorshift generator.
 */
#include "ktap.h"
#include "host_mm.h"
#include "host_smp.h"
#include "../random.h"
#include "slab.h"
#include "smp.h"
#include "../../mm/slub_def.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NR_OPS	    1000000
#define CHECK_EVERY 50000
#define MAX_LIVE    8000
#define GRANULE	    8 /* the smallest object and alignment */

/* 64 MiB, all lowmem: the shadow has one byte per 8-byte granule of it. */
static const struct host_mm_layout model_layout = {
	.mem = {{0x60000000, MB(64)}},
	.nr_mem = 1,
	HOST_MM_TEST_IMAGE,
};

struct live {
	u8 *p;
	size_t size;
	size_t home_size; /* what it was allocated as (krealloc may keep it in place) */
	u8 fill;
};

struct model {
	struct live *live;
	int nr_live;
	u8 *shadow; /* 1 for every granule some live object covers */
	u8 *ram;    /* the simulated RAM's first byte */
	size_t ram_size;
	long live_per_cache[KMALLOC_SHIFT_HIGH + 1];
	long large_pages;
	unsigned long allocs, frees, reallocs;
};

/* Mostly small, as kernels ask; now and then a page-allocator block. */
static size_t random_size(void)
{
	unsigned int r = (unsigned int)(rnd() % 100);

	if (r < 60)
		return 1 + rnd() % 128;
	if (r < 90)
		return 129 + rnd() % (2048 - 128);
	if (r < 99)
		return 2049 + rnd() % (KMALLOC_MAX_CACHE_SIZE - 2048);
	return KMALLOC_MAX_CACHE_SIZE + 1 + rnd() % (64 * 1024);
}

/* Account @size's home: a kmalloc cache index, or -1 for a large block. */
static int home(size_t size)
{
	return size > KMALLOC_MAX_CACHE_SIZE ? -1 : (int)kmalloc_index(size);
}

static void account(struct model *m, size_t size, int sign)
{
	int h = home(size);

	if (h < 0)
		m->large_pages += sign * (1L << get_order(size));
	else
		m->live_per_cache[h] += sign;
}

static bool mark(struct ktap_test *t, struct model *m, u8 *p, size_t size, u8 value)
{
	size_t off = (size_t)(p - m->ram);

	if (p < m->ram || off + size > m->ram_size || off % GRANULE) {
		ktap_fail(t, __FILE__, __LINE__, "object %p (%zu bytes) outside RAM or misaligned",
			  (void *)p, size);
		return false;
	}
	for (size_t g = off / GRANULE; g < DIV_ROUND_UP(off + size, GRANULE); g++) {
		if (m->shadow[g] == value) {
			ktap_fail(t, __FILE__, __LINE__, "granule %#zx of %p (%zu bytes) %s", g * 8,
				  (void *)p, size, value ? "is already live" : "was not live");
			return false;
		}
		m->shadow[g] = value;
	}
	return true;
}

static bool intact(struct ktap_test *t, const struct live *l, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (l->p[i] != l->fill) {
			ktap_fail(t, __FILE__, __LINE__,
				  "object %p (%zu bytes): byte %zu is %#x, not %#x", (void *)l->p,
				  l->size, i, l->p[i], l->fill);
			return false;
		}
	}
	return true;
}

static bool do_alloc(struct ktap_test *t, struct model *m)
{
	size_t size = random_size();
	bool zero = rnd() % 8 == 0;
	struct live *l = &m->live[m->nr_live];
	u8 *p = kmalloc(size, GFP_KERNEL | (zero ? __GFP_ZERO : 0) | __GFP_NOWARN);

	if (!p)
		return true; /* memory ran out: allowed */
	if (zero)
		for (size_t i = 0; i < size; i++)
			if (p[i]) {
				ktap_fail(t, __FILE__, __LINE__, "kzalloc(%zu) byte %zu not 0",
					  size, i);
				return false;
			}
	if (ksize(p) < size) {
		ktap_fail(t, __FILE__, __LINE__, "ksize %zu < %zu", ksize(p), size);
		return false;
	}
	if (!mark(t, m, p, size, 1))
		return false;
	l->p = p;
	l->size = size;
	l->home_size = size;
	l->fill = (u8)(rnd() | 1);
	memset(p, l->fill, size);
	account(m, size, 1);
	m->nr_live++;
	m->allocs++;
	return true;
}

static bool do_free(struct ktap_test *t, struct model *m, int idx)
{
	struct live l = m->live[idx];

	if (!intact(t, &l, l.size) || !mark(t, m, l.p, l.size, 0))
		return false;
	kfree(l.p);
	account(m, l.home_size, -1);
	m->live[idx] = m->live[--m->nr_live];
	m->frees++;
	return true;
}

static bool do_realloc(struct ktap_test *t, struct model *m, int idx)
{
	struct live *l = &m->live[idx];
	size_t size = random_size(), keep = min(size, l->size);
	u8 *p;

	if (!intact(t, l, l->size) || !mark(t, m, l->p, l->size, 0))
		return false;
	p = krealloc(l->p, size, GFP_KERNEL | __GFP_NOWARN);
	if (!p) {
		/* Failed: the old object is untouched and still live. */
		return mark(t, m, l->p, l->size, 1);
	}
	if (p != l->p) {
		account(m, l->home_size, -1);
		account(m, size, 1);
		l->home_size = size;
	}
	l->p = p;
	l->size = keep;
	if (!intact(t, l, keep) || !mark(t, m, p, size, 1))
		return false;
	l->size = size;
	memset(p, l->fill, size);
	m->reallocs++;
	return true;
}

/*
 * Frees that must be refused, each with exactly one report: a pointer
 * into a live object's middle (the object stays live and whole), and a
 * second free of an object just freed.
 */
static bool do_bad_frees(struct ktap_test *t, struct model *m, int idx)
{
	unsigned long reports = slab_bug_reports;
	struct live l = m->live[idx];

	if (l.size > 1) {
		kfree(l.p + 1 + rnd() % (l.size - 1));
		if (slab_bug_reports != reports + 1 || !intact(t, &l, l.size)) {
			ktap_fail(t, __FILE__, __LINE__,
				  "kfree(%p + k) of a %zu-byte object: %lu reports", (void *)l.p,
				  l.size, slab_bug_reports - reports);
			return false;
		}
		reports++;
	}
	/* A freed large block may be handed out again at once: slab objects only. */
	if (l.home_size > KMALLOC_MAX_CACHE_SIZE)
		return true;
	if (!do_free(t, m, idx))
		return false;
	kfree(l.p);
	if (slab_bug_reports != reports + 1) {
		ktap_fail(t, __FILE__, __LINE__,
			  "double kfree(%p) of a %zu-byte object: %lu reports", (void *)l.p, l.size,
			  slab_bug_reports - reports);
		return false;
	}
	return true;
}

/* Objects and pages against the model. */
static bool check_counts(struct ktap_test *t, struct model *m)
{
	long pages = host_mm_free_pages(NORMAL) + m->large_pages;
	struct kmem_cache *s;

	list_for_each_entry (s, &slab_caches, list) {
		struct kmem_cache_node *n = get_node(s, 0);

		pages += (long)n->nr_pages;
	}
	for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
		struct kmem_cache *c = kmalloc_caches[i];
		long allocated = (long)(get_node(c, 0)->total_objects - kmem_cache_free_objects(c));

		if (allocated != m->live_per_cache[i]) {
			ktap_fail(t, __FILE__, __LINE__, "%s: %ld allocated, the model has %ld",
				  kmem_cache_name(c), allocated, m->live_per_cache[i]);
			return false;
		}
	}
	if (pages != (long)totalram_pages()) {
		ktap_fail(t, __FILE__, __LINE__, "free + slab + large pages %ld != managed %lu",
			  pages, totalram_pages());
		return false;
	}
	return true;
}

static void slub_model_million_random_ops_against_a_shadow(struct ktap_test *t)
{
	unsigned long reports = slab_bug_reports, bad_pages = bad_page_reports, bad_frees = 0;
	struct model m = {0};
	int target = MAX_LIVE / 2;

	rng_state = 0x2545f4914f6cdd1dULL;
	host_mm_boot(&model_layout);
	kmem_cache_init();
	m.ram = (u8 *)host_ram;
	m.ram_size = host_ram_size;
	m.shadow = calloc(m.ram_size / GRANULE, 1);
	m.live = calloc(MAX_LIVE, sizeof(*m.live));
	KTAP_ASSERT_TRUE(t, check_counts(t, &m));
	for (int op = 1; op <= NR_OPS; op++) {
		unsigned int r = (unsigned int)(rnd() % 16);
		bool ok = true;

		if (op % 25000 == 0)
			target = (int)(rnd() % MAX_LIVE);
		if (r == 0 && m.nr_live)
			ok = do_realloc(t, &m, (int)(rnd() % (unsigned long)m.nr_live));
		else if (m.nr_live < MAX_LIVE && (m.nr_live < target ? r < 12 : r < 4))
			ok = do_alloc(t, &m);
		else if (m.nr_live)
			ok = do_free(t, &m, (int)(rnd() % (unsigned long)m.nr_live));
		if (ok && op % 10000 == 0 && m.nr_live) {
			unsigned long before = slab_bug_reports;

			ok = do_bad_frees(t, &m, (int)(rnd() % (unsigned long)m.nr_live));
			bad_frees += slab_bug_reports - before;
		}
		if (!ok)
			break;
		if (op % CHECK_EVERY == 0 && !check_counts(t, &m))
			break;
	}
	while (m.nr_live && do_free(t, &m, m.nr_live - 1))
		;
	KTAP_EXPECT_TRUE(t, check_counts(t, &m));
	/* Emptied and shrunk, the kmalloc caches hold no page. */
	for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
		kmem_cache_shrink(kmalloc_caches[i]);
	KTAP_EXPECT_EQ(t, kmalloc_caches_pages(), 0);
	KTAP_EXPECT_EQ(t, slab_bug_reports, reports + bad_frees);
	KTAP_EXPECT_GE(t, bad_frees, 150);
	KTAP_EXPECT_EQ(t, bad_page_reports, bad_pages);
	ktap_info("%lu allocations, %lu reallocations, %lu frees, %lu bad frees refused", m.allocs,
		  m.reallocs, m.frees, bad_frees);
	KTAP_EXPECT_GT(t, m.allocs, 300000);
	free(m.shadow);
	free(m.live);
}

/*
 * What Linux 6.1's calculate_order gives for a CPU count: it wants
 * 4 * (fls(CPUs) + 1) objects a slab, 8 for one CPU, 12 for two or three,
 * 16 for four.  kmalloc-1k and -512 tell one CPU from more (the figures
 * Linux's /proc/slabinfo shows on vexpress-a9 with a DT of one, two and
 * four CPUs); a 336-byte cache tells 12 from 16 (12 fit an order-0 slab, 16
 * need order 1, which holds 24).
 */
struct slab_orders {
	unsigned int possible, present; /* the boot line says the possible ones */
	unsigned int objs_1k, order_1k, objs_512, order_512, objs_336, order_336;
};

static const struct slab_orders slab_orders[] = {
	{1, 1, 8, 1, 8, 0, 12, 0},
	{2, 2, 16, 2, 16, 1, 12, 0},
	{3, 3, 16, 2, 16, 1, 12, 0},
	{4, 4, 16, 2, 16, 1, 24, 1},
	/* Only the boot CPU present (kmem_cache_init before smp_init; nosmp): the possible ones. */
	{4, 1, 16, 2, 16, 1, 24, 1},
	{2, 1, 16, 2, 16, 1, 12, 0},
	/* More than one present: those, not the possible ones (Linux's rule). */
	{4, 2, 16, 2, 16, 1, 12, 0},
};

static void expect_order(struct ktap_test *t, const struct slab_orders *o, struct kmem_cache *s,
			 unsigned int objs, unsigned int order)
{
	if (oo_objects(s->oo) == objs && oo_order(s->oo) == order)
		return;
	KTAP_EXPECT_EQ(t, oo_objects(s->oo), objs);
	KTAP_EXPECT_EQ(t, oo_order(s->oo), order);
	ktap_info("%s with %u possible CPUs, %u present", s->name, o->possible, o->present);
}

static void slub_slab_orders_follow_the_cpu_count_as_linux(struct ktap_test *t)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(slab_orders); i++) {
		const struct slab_orders *o = &slab_orders[i];
		size_t mark = printk_log_mark();
		struct kmem_cache *s;
		char line[80];

		host_smp_init(o->possible);
		for (unsigned int cpu = o->present; cpu < o->possible; cpu++)
			set_cpu_present(cpu, false);
		host_mm_boot(&model_layout);
		kmem_cache_init();
		snprintf(line, sizeof(line), "MinObjects=0, CPUs=%u, Nodes=1", o->possible);
		KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
		expect_order(t, o, kmalloc_caches[kmalloc_index(1024)], o->objs_1k, o->order_1k);
		expect_order(t, o, kmalloc_caches[kmalloc_index(512)], o->objs_512, o->order_512);
		s = kmem_cache_create("test-336", 336, 0, 0, NULL);
		KTAP_ASSERT_TRUE(t, s != NULL);
		expect_order(t, o, s, o->objs_336, o->order_336);
		kmem_cache_destroy(s);
		host_smp_reset();
	}
}

static struct ktap_case slub_model_cases[] = {
	KTAP_CASE(slub_model_million_random_ops_against_a_shadow),
	KTAP_CASE(slub_slab_orders_follow_the_cpu_count_as_linux),
	{},
};
KTAP_SUITE(slub_model, slub_model_cases);
