// SPDX-License-Identifier: GPL-2.0
/*
 * memblock against a reference model: random operations on a small window
 * of physical memory, each followed by a comparison with a page-by-page
 * model (is the page memory? reserved? NOMAP? hot-pluggable?) and a check
 * of the structural invariants of both region sets.  Allocation results are
 * predicted exactly: the model knows which aligned block top-down or
 * bottom-up placement must pick, or that none fits.
 *
 * The seed is printed; MEMBLOCK_MODEL_SEED=<n> in the environment replays one.
 */
#include "ktap.h"
#include "kernel.h"
#include "memblock.h"
#include "printk.h"
#include "../random.h"
#include <asm/memory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NPAGES	     64
#define DEFAULT_SEED 0x6d656d626c6f636bULL /* "memblock" */

struct page_model {
	bool mem, reserved, nomap, hotplug;
};

struct model {
	phys_addr_t window; /* physical address of page 0 */
	struct page_model page[NPAGES];
	phys_addr_t limit;
	unsigned int allocs_ok, allocs_failed; /* to show the run exercised both outcomes */
	unsigned long max_memory_cnt, max_reserved_cnt;
	char op[160]; /* the operation under test, for failure messages */
};

static unsigned int below(unsigned int n)
{
	return (unsigned int)(rnd() % n);
}

static phys_addr_t page_addr(const struct model *m, unsigned int pfn)
{
	return m->window + (phys_addr_t)pfn * PAGE_SIZE;
}

/* A random page range inside the window, short ones more likely. */
static void random_range(unsigned int *first, unsigned int *count)
{
	unsigned int max_len = below(4) ? 8 : NPAGES;

	*first = below(NPAGES);
	*count = 1 + below(min(max_len, NPAGES - *first));
}

static bool page_is_free(const struct page_model *p)
{
	return p->mem && !p->nomap && !p->reserved;
}

/*
 * Where must an allocation land?  A block qualifies if all its pages are
 * free and in one memory region (same flags), it lies in [lo, hi) and is
 * aligned; top-down takes the highest, bottom-up the lowest.  0: none fits.
 */
static phys_addr_t model_alloc(const struct model *m, unsigned int npages, phys_addr_t align,
			       phys_addr_t lo, phys_addr_t hi, bool bottom_up)
{
	phys_addr_t found = 0;

	lo = max(lo, (phys_addr_t)PAGE_SIZE);
	for (unsigned int first = 0; first + npages <= NPAGES; first++) {
		phys_addr_t a = page_addr(m, first);
		bool fits = a % align == 0 && a >= lo && a + npages * PAGE_SIZE <= hi;

		for (unsigned int i = first; fits && i < first + npages; i++)
			fits = page_is_free(&m->page[i]) &&
			       m->page[i].hotplug == m->page[first].hotplug;
		if (!fits)
			continue;
		if (bottom_up)
			return a;
		found = a;
	}
	return found;
}

/* Apply @fn to the model pages [first, first + count). */
#define MODEL_EACH(m, first, count, stmt)                               \
	for (unsigned int _i = (first); _i < (first) + (count); _i++) { \
		struct page_model *p = &(m)->page[_i];                  \
		stmt;                                                   \
	}

static void model_remove_memory(struct page_model *p)
{
	p->mem = p->nomap = p->hotplug = false;
}

/* ---------------------------------------------------------------- checks */

static bool check_type(struct ktap_test *t, const struct model *m, const struct memblock_type *type)
{
	phys_addr_t total = 0, window_end = page_addr(m, NPAGES);

	if (type->cnt > type->max || (!type->cnt && type->regions[0].size)) {
		ktap_fail(t, __FILE__, __LINE__, "after %s: %s cnt %lu max %lu", m->op, type->name,
			  type->cnt, type->max);
		return false;
	}
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		const struct memblock_region *next = i + 1 < type->cnt ? r + 1 : NULL;
		const char *broken = NULL;

		if (!r->size)
			broken = "is empty";
		else if (r->base < m->window || r->base + r->size > window_end)
			broken = "lies outside the window";
		else if (r->base % PAGE_SIZE || r->size % PAGE_SIZE)
			broken = "is not page-granular";
		else if (next && r->base + r->size > next->base)
			broken = "overlaps or is out of order with the next one";
		else if (next && r->base + r->size == next->base && r->flags == next->flags)
			broken = "was not merged with the next one";
		if (broken) {
			ktap_fail(t, __FILE__, __LINE__, "after %s: %s[%lu] [0x%llx+0x%llx] %s",
				  m->op, type->name, i, (unsigned long long)r->base,
				  (unsigned long long)r->size, broken);
			return false;
		}
		total += r->size;
	}
	if (total != type->total_size) {
		ktap_fail(t, __FILE__, __LINE__,
			  "after %s: %s.total_size 0x%llx, regions sum 0x%llx", m->op, type->name,
			  (unsigned long long)type->total_size, (unsigned long long)total);
		return false;
	}
	return true;
}

static enum memblock_flags flags_at(phys_addr_t addr)
{
	struct memblock_region *r;

	for_each_memblock (memory, r)
		if (addr >= r->base && addr < r->base + r->size)
			return r->flags;
	return MEMBLOCK_NONE;
}

/* Do the pages an iterator yields equal exactly the pages @want selects? */
static bool check_walk(struct ktap_test *t, const struct model *m, const char *what,
		       struct memblock_type *type_a, struct memblock_type *type_b,
		       bool (*want)(const struct page_model *))
{
	bool seen[NPAGES] = {false};
	phys_addr_t start, end, prev_end = 0;
	u64 i = 0;

	for (__next_mem_range(&i, MEMBLOCK_NONE, type_a, type_b, &start, &end); i != ULLONG_MAX;
	     __next_mem_range(&i, MEMBLOCK_NONE, type_a, type_b, &start, &end)) {
		if (start >= end || start < prev_end || start < m->window ||
		    end > page_addr(m, NPAGES) || start % PAGE_SIZE || end % PAGE_SIZE) {
			ktap_fail(t, __FILE__, __LINE__, "after %s: %s yields bad [0x%llx-0x%llx)",
				  m->op, what, (unsigned long long)start, (unsigned long long)end);
			return false;
		}
		for (phys_addr_t a = start; a < end; a += PAGE_SIZE)
			seen[(a - m->window) / PAGE_SIZE] = true;
		prev_end = end;
	}
	for (unsigned int pfn = 0; pfn < NPAGES; pfn++) {
		if (seen[pfn] != want(&m->page[pfn])) {
			ktap_fail(t, __FILE__, __LINE__, "after %s: %s %s page %u", m->op, what,
				  seen[pfn] ? "includes" : "misses", pfn);
			return false;
		}
	}
	return true;
}

static bool want_free(const struct page_model *p)
{
	return page_is_free(p);
}

static bool want_mapped(const struct page_model *p)
{
	return p->mem && !p->nomap;
}

static bool want_reserved(const struct page_model *p)
{
	return p->reserved;
}

static bool check_all(struct ktap_test *t, const struct model *m)
{
	phys_addr_t mem_bytes = 0, reserved_bytes = 0;

	if (!check_type(t, m, &memblock.memory) || !check_type(t, m, &memblock.reserved))
		return false;
	for (unsigned int pfn = 0; pfn < NPAGES; pfn++) {
		const struct page_model *p = &m->page[pfn];
		phys_addr_t a = page_addr(m, pfn);
		enum memblock_flags want =
			(p->nomap ? MEMBLOCK_NOMAP : 0) | (p->hotplug ? MEMBLOCK_HOTPLUG : 0);

		if (memblock_is_memory(a) != p->mem || memblock_is_reserved(a) != p->reserved ||
		    memblock_is_map_memory(a) != (p->mem && !p->nomap) || flags_at(a) != want) {
			ktap_fail(t, __FILE__, __LINE__,
				  "after %s: page %u is memory %d reserved %d map %d flags %#x; "
				  "model says %d %d %d %#x",
				  m->op, pfn, memblock_is_memory(a), memblock_is_reserved(a),
				  memblock_is_map_memory(a), flags_at(a), p->mem, p->reserved,
				  p->mem && !p->nomap, want);
			return false;
		}
		mem_bytes += p->mem ? PAGE_SIZE : 0;
		reserved_bytes += p->reserved ? PAGE_SIZE : 0;
	}
	if (memblock_phys_mem_size() != mem_bytes || memblock_reserved_size() != reserved_bytes) {
		ktap_fail(t, __FILE__, __LINE__,
			  "after %s: sizes 0x%llx/0x%llx, model 0x%llx/0x%llx", m->op,
			  (unsigned long long)memblock_phys_mem_size(),
			  (unsigned long long)memblock_reserved_size(),
			  (unsigned long long)mem_bytes, (unsigned long long)reserved_bytes);
		return false;
	}
	return check_walk(t, m, "free ranges", &memblock.memory, &memblock.reserved, want_free) &&
	       check_walk(t, m, "memory ranges", &memblock.memory, NULL, want_mapped) &&
	       check_walk(t, m, "reserved ranges", &memblock.reserved, NULL, want_reserved);
}

/* ---------------------------------------------------------------- operations */

static bool do_alloc(struct ktap_test *t, struct model *m)
{
	unsigned int npages = 1 + below(below(4) ? 4 : 16);
	phys_addr_t align = (phys_addr_t)1 << below(18); /* 1 byte .. 32 pages */
	bool bottom_up = below(2), virt = !below(8);
	phys_addr_t start = 0, end = MEMBLOCK_ALLOC_ACCESSIBLE, hi, want = 0, got;

	if (below(2)) {
		start = page_addr(m, below(NPAGES + 1));
		end = page_addr(m, below(NPAGES + 1));
		if (start > end && below(4)) /* mostly sensible windows, some empty ones */
			swap(start, end);
	}
	hi = end == MEMBLOCK_ALLOC_ACCESSIBLE ? m->limit : end;
	memblock_set_bottom_up(bottom_up);
	/*
	 * The zeroing allocator caps @end at the current limit and logs its
	 * failures, so it is used only where the model says it succeeds.
	 */
	virt = virt && !start;
	if (virt)
		want = model_alloc(m, npages, align, start, min(hi, m->limit), bottom_up);
	virt = virt && want;
	if (!virt)
		want = model_alloc(m, npages, align, start, hi, bottom_up);
	snprintf(m->op, sizeof(m->op), "%s %s %u pages align 0x%llx [0x%llx, 0x%llx)",
		 bottom_up ? "bottom-up" : "top-down",
		 virt ? "memblock_alloc_try_nid" : "phys_alloc_range", npages,
		 (unsigned long long)align, (unsigned long long)start, (unsigned long long)end);

	if (virt) {
		unsigned char *p = memblock_alloc_try_nid(npages * PAGE_SIZE, align, 0, end, -1);

		got = p ? __pa(p) : 0;
		for (size_t i = 0; p && i < npages * PAGE_SIZE; i += 997)
			if (p[i]) {
				ktap_fail(t, __FILE__, __LINE__, "after %s: byte %zu not zeroed",
					  m->op, i);
				return false;
			}
		if (p)
			memset(p, 0x5a, npages * PAGE_SIZE); /* so the next zeroing is observable */
	} else {
		got = memblock_phys_alloc_range(npages * PAGE_SIZE, align, start, end);
	}
	if (got != want) {
		ktap_fail(t, __FILE__, __LINE__, "%s returned 0x%llx, model expects 0x%llx", m->op,
			  (unsigned long long)got, (unsigned long long)want);
		return false;
	}
	if (got)
		m->allocs_ok++;
	else
		m->allocs_failed++;
	if (got)
		MODEL_EACH(m, (unsigned int)((got - m->window) / PAGE_SIZE), npages,
			   p->reserved = true);
	return true;
}

static void do_enforce_limit(struct model *m)
{
	unsigned int keep = below(NPAGES + 1), counted = 0, cut = NPAGES;

	snprintf(m->op, sizeof(m->op), "enforce_memory_limit(%u pages)", keep);
	memblock_enforce_memory_limit((phys_addr_t)keep * PAGE_SIZE);
	if (!keep)
		return;
	for (unsigned int pfn = 0; pfn < NPAGES && cut == NPAGES; pfn++)
		if (m->page[pfn].mem && ++counted == keep)
			cut = pfn + 1;
	if (counted < keep)
		return;
	MODEL_EACH(m, cut, NPAGES - cut, (model_remove_memory(p), p->reserved = false));
}

static void do_cap_range(struct model *m)
{
	unsigned int first, count;

	random_range(&first, &count);
	snprintf(m->op, sizeof(m->op), "cap_memory_range(pages %u+%u)", first, count);
	memblock_cap_memory_range(page_addr(m, first), (phys_addr_t)count * PAGE_SIZE);
	for (unsigned int pfn = 0; pfn < NPAGES; pfn++) {
		struct page_model *p = &m->page[pfn];

		if (pfn >= first && pfn < first + count)
			continue;
		if (!p->nomap)
			model_remove_memory(p);
		p->reserved = false;
	}
}

/*
 * Freeing a range that is not all reserved is refused and changes nothing
 * (checked, quietly: the report is a WARNING); then the reserved run at
 * the start of the range, if any, is freed, so frees stay as common.
 */
static int do_phys_free(struct model *m, unsigned int first, unsigned int *count)
{
	unsigned int run = 0;
	int saved = console_loglevel, ret;

	while (run < *count && m->page[first + run].reserved)
		run++;
	if (run < *count) {
		console_loglevel = 1;
		ret = memblock_phys_free(page_addr(m, first), (phys_addr_t)*count * PAGE_SIZE);
		console_loglevel = saved;
		if (ret != -EINVAL)
			return ret ? ret : -EIO;
		*count = run;
	}
	if (!run)
		return 0;
	MODEL_EACH(m, first, run, p->reserved = false);
	return memblock_phys_free(page_addr(m, first), (phys_addr_t)run * PAGE_SIZE);
}

/* One random operation, applied to memblock and to the model. */
static bool step(struct ktap_test *t, struct model *m)
{
	unsigned int first, count, dice = below(1000);
	phys_addr_t base, size;
	const char *name;
	int ret;

	if (dice < 250)
		return do_alloc(t, m);
	if (dice < 260) {
		m->limit = below(2) ? page_addr(m, below(NPAGES + 1)) : MEMBLOCK_ALLOC_ANYWHERE;
		memblock_set_current_limit(m->limit);
		snprintf(m->op, sizeof(m->op), "set_current_limit(0x%llx)",
			 (unsigned long long)m->limit);
		return true;
	}
	if (dice < 263) {
		do_enforce_limit(m);
		return true;
	}
	if (dice < 266) {
		if (!memblock_phys_mem_size())
			return true; /* it only warns then */
		do_cap_range(m);
		return true;
	}

	random_range(&first, &count);
	base = page_addr(m, first);
	size = (phys_addr_t)count * PAGE_SIZE;
	if (dice < 470) {
		name = "add";
		ret = memblock_add(base, size);
		MODEL_EACH(m, first, count, p->mem = true);
	} else if (dice < 550) {
		name = "remove";
		ret = memblock_remove(base, size);
		MODEL_EACH(m, first, count, model_remove_memory(p));
	} else if (dice < 650) {
		name = "reserve";
		ret = memblock_reserve(base, size);
		MODEL_EACH(m, first, count, p->reserved = true);
	} else if (dice < 850) {
		name = "phys_free";
		ret = do_phys_free(m, first, &count);
	} else if (dice < 890) {
		name = "mark_nomap";
		ret = memblock_mark_nomap(base, size);
		MODEL_EACH(m, first, count, p->nomap = p->mem);
	} else if (dice < 950) {
		name = "clear_nomap";
		ret = memblock_clear_nomap(base, size);
		MODEL_EACH(m, first, count, p->nomap = false);
	} else if (dice < 975) {
		name = "mark_hotplug";
		ret = memblock_mark_hotplug(base, size);
		MODEL_EACH(m, first, count, p->hotplug = p->mem);
	} else {
		name = "clear_hotplug";
		ret = memblock_clear_hotplug(base, size);
		MODEL_EACH(m, first, count, p->hotplug = false);
	}
	snprintf(m->op, sizeof(m->op), "%s(pages %u+%u)", name, first, count);
	if (ret) {
		ktap_fail(t, __FILE__, __LINE__, "%s returned %d", m->op, ret);
		return false;
	}
	return true;
}

static u64 model_seed(void)
{
	const char *env = getenv("MEMBLOCK_MODEL_SEED");

	return env && *env ? strtoull(env, NULL, 0) : DEFAULT_SEED;
}

static void run_model(struct ktap_test *t, phys_addr_t window, int ops)
{
	static struct model m;
	u64 seed = model_seed() ^ window;

	memset(&m, 0, sizeof(m));
	m.window = window;
	m.limit = MEMBLOCK_ALLOC_ANYWHERE;
	rng_state = seed ? seed : 1; /* xorshift stays at 0 */
	ktap_info("window 0x%llx, %d operations, seed 0x%llx (MEMBLOCK_MODEL_SEED=0x%llx)",
		  (unsigned long long)window, ops, (unsigned long long)seed,
		  (unsigned long long)model_seed());

	memblock_reset();
	host_ram_setup(window, NPAGES * PAGE_SIZE);
	for (int n = 0; n < ops; n++) {
		m.max_memory_cnt = max(m.max_memory_cnt, memblock.memory.cnt);
		m.max_reserved_cnt = max(m.max_reserved_cnt, memblock.reserved.cnt);
		if (!step(t, &m) || !check_all(t, &m)) {
			ktap_info("failed at operation %d of %d", n, ops);
			break;
		}
	}
	ktap_info("%u allocations placed, %u refused; up to %lu memory and %lu reserved regions",
		  m.allocs_ok, m.allocs_failed, m.max_memory_cnt, m.max_reserved_cnt);
	memblock_reset();
	host_ram_setup(0, 0);
}

static void memblock_matches_page_model_for_100000_random_operations_above_4g(struct ktap_test *t)
{
	run_model(t, SZ_4G, 100000);
}

static void memblock_matches_page_model_for_random_operations_at_address_zero(struct ktap_test *t)
{
	/* Page 0 exists and can be reserved, but is never allocated. */
	run_model(t, 0, 20000);
}

static struct ktap_case memblock_model_cases[] = {
	KTAP_CASE(memblock_matches_page_model_for_100000_random_operations_above_4g),
	KTAP_CASE(memblock_matches_page_model_for_random_operations_at_address_zero),
	{}};

KTAP_SUITE(memblock_model, memblock_model_cases);
