// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmalloc.c on the host: the vmap_area allocator and the page tables it
 * writes, read back descriptor by descriptor from simulated RAM.  The
 * randomized model test keeps a shadow of every live area and checks, all
 * along, that areas never overlap, every guard page stays unmapped, each
 * page maps what vmalloc_to_page says and keeps its contents, freeing
 * flushes exactly the unmapped range, busy and free areas tile the space,
 * and at the end every page and every address comes back.
 */
#include "ktap.h"
#include "../random.h"
#include "host_mm.h"
#include "highmem.h"
#include "slab.h"
#include "vmalloc.h"
#include "vmstat.h"
#include "../../mm/slub_def.h" /* slab_caches, to shrink them all */
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <stdlib.h>
#include <string.h>

/* 96 MiB: 64 MiB Normal, 32 MiB HighMem; a 16 MiB vmalloc space, so it fills up. */
static const struct host_mm_layout vm_layout = {
	.mem = {{0x60000000, MB(96)}},
	.nr_mem = 1,
	.lowmem_limit = 0x64000000,
	HOST_MM_TEST_IMAGE,
};
#define SPACE SZ_16M

static int vmalloc_suite_init(struct ktap_test *t)
{
	struct page *pgd;

	(void)t;
	host_mm_boot(&vm_layout);
	pgd = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2); /* 16 KiB, naturally aligned */
	if (!pgd)
		return -ENOMEM;
	kernel_pgd = page_address(pgd);
	vmalloc_start = VMALLOC_END - SPACE;
	kmem_cache_init();
	vmalloc_init();
	return 0;
}

/* The pte that maps @va, or NULL if its table is missing. */
static pte_t *pte_of(unsigned long va)
{
	int level;
	u32 *d = lookup_address(kernel_pgd, va, &level);

	return d && level == 2 ? d : NULL;
}

static bool mapped(unsigned long va)
{
	pte_t *pte = pte_of(va);

	return pte && pte_present(*pte);
}

/* Host pointer to the byte the target would see at vmalloc address @va. */
static u8 *through_mapping(unsigned long va)
{
	pte_t *pte = pte_of(va);

	return pte && pte_present(*pte) ? (u8 *)__va(*pte & PAGE_MASK) + (va & ~PAGE_MASK) : NULL;
}

/* Free pages, with every slab cache shrunk and the pcp lists drained: comparable at any two points. */
static long free_now(void)
{
	struct kmem_cache *s;
	struct zone *zone;
	long n = 0;

	list_for_each_entry (s, &slab_caches, list)
		kmem_cache_shrink(s);
	drain_all_pages(NULL);
	for_each_populated_zone (zone)
		n += zone->vm_stat[NR_FREE_PAGES];
	return n;
}

/* Busy and free areas tile [vmalloc_start, VMALLOC_END): sorted, disjoint, free space coalesced. */
static bool areas_tile_the_space(char *why, size_t len)
{
	struct list_head *busy = vmap_area_list.next, *free = free_vmap_area_list.next;
	unsigned long at = vmalloc_start;
	bool last_free = false;

	while (busy != &vmap_area_list || free != &free_vmap_area_list) {
		struct vmap_area *b = list_entry(busy, struct vmap_area, list);
		struct vmap_area *f = list_entry(free, struct vmap_area, list);
		bool take_free = busy == &vmap_area_list ||
				 (free != &free_vmap_area_list && f->va_start < b->va_start);
		struct vmap_area *va = take_free ? f : b;

		if (va->va_start != at || va->va_end <= va->va_start) {
			scnprintf(why, len, "%s area 0x%lx-0x%lx where 0x%lx was expected",
				  take_free ? "free" : "busy", va->va_start, va->va_end, at);
			return false;
		}
		if (take_free && last_free) {
			scnprintf(why, len, "free space at 0x%lx not merged", at);
			return false;
		}
		if (!take_free && (!va->vm || (unsigned long)va->vm->addr != va->va_start ||
				   va->vm->size != va->va_end - va->va_start)) {
			scnprintf(why, len, "busy area 0x%lx: vm_struct does not match", at);
			return false;
		}
		last_free = take_free;
		at = va->va_end;
		if (take_free)
			free = free->next;
		else
			busy = busy->next;
	}
	if (at != VMALLOC_END) {
		scnprintf(why, len, "areas end at 0x%lx, not 0x%lx", at,
			  (unsigned long)VMALLOC_END);
		return false;
	}
	return true;
}

static unsigned long largest_free_area(void)
{
	struct vmap_area *va;
	unsigned long best = 0;

	for_each_free_vmap_area (va)
		best = max(best, va->va_end - va->va_start);
	return best;
}

static void vmalloc_first_fit_reuses_the_lowest_hole_and_merges(struct ktap_test *t)
{
	void *a = vmalloc(PAGE_SIZE), *b = vmalloc(3 * PAGE_SIZE), *c = vmalloc(PAGE_SIZE), *d;
	char why[128];

	KTAP_ASSERT_TRUE(t, a && b && c);
	KTAP_EXPECT_EQ(t, (unsigned long)a, vmalloc_start);
	/* Each area is followed by its guard page. */
	KTAP_EXPECT_EQ(t, (unsigned long)b, (unsigned long)a + 2 * PAGE_SIZE);
	KTAP_EXPECT_EQ(t, (unsigned long)c, (unsigned long)b + 4 * PAGE_SIZE);
	vfree(b);
	d = vmalloc(PAGE_SIZE);
	KTAP_EXPECT_PTR_EQ(t, d, b); /* the lowest hole that fits */
	vfree(a);
	vfree(d);
	KTAP_EXPECT_TRUE(t, areas_tile_the_space(why, sizeof(why)));
	vfree(c);
	KTAP_EXPECT_TRUE(t, list_empty(&vmap_area_list));
	KTAP_EXPECT_TRUE(t, list_is_singular(&free_vmap_area_list));
	KTAP_EXPECT_EQ(t, largest_free_area(), (unsigned long)SPACE);
}

static void vmalloc_maps_every_page_and_leaves_the_guard_unmapped(struct ktap_test *t)
{
	unsigned long size = 37 * PAGE_SIZE;
	u8 *p = vmalloc(size - 100); /* rounded up to 37 pages */
	unsigned long va = (unsigned long)p;
	unsigned int highmem = 0, bad = 0;

	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_TRUE(t, is_vmalloc_addr(p) && is_vmalloc_addr(p + size - 1));
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		struct page *page = vmalloc_to_page(p + off);
		pte_t *pte = pte_of(va + off);

		bad += !page || !pte || (*pte & PAGE_MASK) != page_to_phys(page);
		bad += pte && (*pte & ~PAGE_MASK) != get_mem_type(MT_MEMORY_RW)->prot_pte;
		highmem += page && PageHighMem(page);
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT_EQ(t, highmem, 37); /* highmem first, and there is plenty */
	KTAP_EXPECT_FALSE(t, mapped(va + size));
	KTAP_EXPECT_PTR_EQ(t, vmalloc_to_page(p + size), NULL);
	KTAP_EXPECT_EQ(t, nr_vmalloc_pages, 37);
	vfree(p);
	KTAP_EXPECT_EQ(t, nr_vmalloc_pages, 0);
	KTAP_EXPECT_EQ(t, host_tlb_last_start, va);
	KTAP_EXPECT_EQ(t, host_tlb_last_end, va + size);
	bad = 0;
	for (unsigned long off = 0; off < size; off += PAGE_SIZE)
		bad += mapped(va + off);
	KTAP_EXPECT_EQ(t, bad, 0);
}

static void vmalloc_vfree_gives_every_page_back(struct ktap_test *t)
{
	void *warm = vmalloc(SZ_4M), *p;
	long before;

	/* The first use of a range allocates its page tables, which stay. */
	KTAP_ASSERT_TRUE(t, warm != NULL);
	vfree(warm);
	before = free_now();
	p = vmalloc(SZ_4M);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_PTR_EQ(t, p, warm);
	KTAP_EXPECT_LE(t, free_now(), before - (long)(SZ_4M / PAGE_SIZE));
	vfree(p);
	KTAP_EXPECT_EQ(t, free_now(), before);
}

static void vmalloc_vzalloc_returns_zeroed_pages(struct ktap_test *t)
{
	unsigned long size = 8 * PAGE_SIZE, nonzero = 0;
	unsigned long va = (unsigned long)vmalloc(size);

	KTAP_ASSERT_TRUE(t, va != 0);
	for (unsigned long off = 0; off < size; off++)
		*through_mapping(va + off) = 0xa5;
	vfree((void *)va);
	va = (unsigned long)vzalloc(size); /* the same pages, from the pcp lists */
	KTAP_ASSERT_TRUE(t, va != 0);
	for (unsigned long off = 0; off < size; off++)
		nonzero += *through_mapping(va + off) != 0;
	KTAP_EXPECT_EQ(t, nonzero, 0);
	vfree((void *)va);
}

static void vmalloc_vmap_maps_the_callers_pages_and_vunmap_leaves_them(struct ktap_test *t)
{
	struct page *pages[3];
	u8 *p;

	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_pages(GFP_HIGHUSER, 0);
		KTAP_ASSERT_TRUE(t, pages[i] != NULL);
		*(u8 *)__va(page_to_phys(pages[i])) = (u8)(0x10 + i);
	}
	p = vmap(pages, 3, 0, MT_MEMORY_RW);
	KTAP_ASSERT_TRUE(t, p != NULL);
	for (int i = 0; i < 3; i++) {
		KTAP_EXPECT_PTR_EQ(t, vmalloc_to_page(p + i * PAGE_SIZE), pages[i]);
		KTAP_EXPECT_EQ(t, *through_mapping((unsigned long)p + i * PAGE_SIZE), 0x10 + i);
	}
	vfree(p); /* not vmalloc's: refused */
	KTAP_EXPECT_TRUE(t, mapped((unsigned long)p));
	vunmap(p);
	KTAP_EXPECT_FALSE(t, mapped((unsigned long)p));
	for (int i = 0; i < 3; i++) {
		KTAP_EXPECT_EQ(t, page_ref_count(pages[i]), 1);
		__free_pages(pages[i], 0);
	}
}

static void vmalloc_bad_frees_are_reported_and_change_nothing(struct ktap_test *t)
{
	u8 *p = vmalloc(2 * PAGE_SIZE);
	size_t mark = printk_log_mark();
	long before;
	char why[128];

	KTAP_ASSERT_TRUE(t, p != NULL);
	before = free_now();
	vfree(NULL);
	vfree(p + 1);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Trying to vfree() bad address"));
	vfree(p + PAGE_SIZE); /* inside the area, not its start */
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Trying to vfree() nonexistent vm area"));
	vunmap(p);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "which vmap or ioremap did not make"));
	KTAP_EXPECT_TRUE(t, mapped((unsigned long)p + PAGE_SIZE));
	KTAP_EXPECT_EQ(t, free_now(), before);
	vfree(p);
	mark = printk_log_mark();
	vfree(p); /* twice */
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Trying to vfree() nonexistent vm area"));
	KTAP_EXPECT_GE(t, free_now(), before + 2); /* its pages, and maybe now-empty slabs */
	KTAP_EXPECT_TRUE(t, areas_tile_the_space(why, sizeof(why)));
}

static void vmalloc_refuses_zero_too_big_and_out_of_space(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	void *p;

	KTAP_EXPECT_PTR_EQ(t, vmalloc(0), NULL);
	KTAP_EXPECT_PTR_EQ(t, vmalloc((totalram_pages() + 1) * PAGE_SIZE), NULL);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "vmalloc error: size"));
	/* The space is 16 MiB: 16 MiB plus its guard page cannot fit. */
	KTAP_EXPECT_PTR_EQ(t, vmalloc(SPACE), NULL);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "vmap allocation for size 16781312 failed: "
						   "use vmalloc=<size> to increase size"));
	p = vmalloc(SPACE - PAGE_SIZE); /* exactly fills it */
	KTAP_EXPECT_PTR_EQ(t, p, (void *)vmalloc_start);
	KTAP_EXPECT_PTR_EQ(t, vmalloc(1), NULL);
	vfree(p);
	KTAP_EXPECT_EQ(t, largest_free_area(), (unsigned long)SPACE);
}

static void vmalloc_ioremap_page_range_maps_device_pages(struct ktap_test *t)
{
	struct vm_struct *vm = get_vm_area_caller(2 * PAGE_SIZE, VM_IOREMAP, NULL);
	unsigned long va;
	pte_t *pte;

	KTAP_ASSERT_TRUE(t, vm != NULL);
	va = (unsigned long)vm->addr;
	vm->phys_addr = 0x10009000;
	KTAP_ASSERT_EQ(t, ioremap_page_range(va, va + 2 * PAGE_SIZE, 0x10009000, MT_DEVICE), 0);
	pte = pte_of(va + PAGE_SIZE);
	KTAP_ASSERT_TRUE(t, pte != NULL);
	KTAP_EXPECT_EQ(t, *pte, 0x1000a000 | get_mem_type(MT_DEVICE)->prot_pte);
	KTAP_EXPECT_PTR_EQ(t, vmalloc_to_page(vm->addr), NULL); /* not RAM */
	/* Mapping over a live pte is refused (break-before-make). */
	KTAP_EXPECT_EQ(t, ioremap_page_range(va, va + PAGE_SIZE, 0x10000000, MT_DEVICE), -EBUSY);
	vunmap(vm->addr);
	KTAP_EXPECT_FALSE(t, mapped(va));
}

/* Even a whole aligned MiB of contiguous registers gets small pages: each is unmapped alone. */
static void vmalloc_never_maps_sections(struct ktap_test *t)
{
	struct vm_struct *vm = get_vm_area_caller(SZ_1M, VM_IOREMAP | VM_NO_GUARD, NULL);
	unsigned long va;
	int level;

	KTAP_ASSERT_TRUE(t, vm != NULL);
	va = (unsigned long)vm->addr;
	KTAP_ASSERT_EQ(t, va, vmalloc_start); /* the empty space's first MiB: section aligned */
	KTAP_ASSERT_EQ(t, ioremap_page_range(va, va + SZ_1M, 0x10000000, MT_DEVICE), 0);
	KTAP_EXPECT_TRUE(t, lookup_address(kernel_pgd, va, &level) != NULL);
	KTAP_EXPECT_EQ(t, level, 2);
	KTAP_EXPECT_TRUE(t, mapped(va + SZ_1M - PAGE_SIZE));
	vunmap(vm->addr);
	KTAP_EXPECT_FALSE(t, mapped(va));
	KTAP_EXPECT_FALSE(t, mapped(va + SZ_1M - PAGE_SIZE));
}

static void vmalloc_vmallocinfo_prints_linux_format(struct ktap_test *t)
{
	void *p = vmalloc(3 * PAGE_SIZE);
	struct vm_struct *io = get_vm_area_caller(PAGE_SIZE, VM_IOREMAP, NULL);
	size_t mark = printk_log_mark();
	char line[96];

	KTAP_ASSERT_TRUE(t, p && io);
	io->phys_addr = 0x1e000000;
	vmallocinfo_show();
	scnprintf(line, sizeof(line), "0x%08lx-0x%08lx   16384 ", (unsigned long)p,
		  (unsigned long)p + 4 * PAGE_SIZE);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, " pages=3 vmalloc\n"));
	scnprintf(line, sizeof(line), "0x%08lx-0x%08lx    8192 phys=0x1e000000 ioremap\n",
		  (unsigned long)io->addr, (unsigned long)io->addr + 2 * PAGE_SIZE);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	vunmap(io->addr);
	vfree(p);
}

/*
 * Areas taken before vmalloc_init (ioremap at boot: addresses upwards from
 * vmalloc_start, bookkeeping and tables from memblock) become busy
 * vmap_areas, mapped as before, and the free space lies around them.
 */
static void vmalloc_boot_time_areas_are_taken_over(struct ktap_test *t)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = {
		[ZONE_NORMAL] = PFN_DOWN(vm_layout.lowmem_limit),
		[ZONE_HIGHMEM] = PFN_DOWN(vm_layout.mem[0].base + vm_layout.mem[0].size)};
	struct vm_struct *a, *b;
	struct vmap_area *va;
	char why[128];
	int n = 0;

	host_mm_setup_memblock(&vm_layout);
	kernel_pgd = memblock_alloc(PGD_TABLE_SIZE, PGD_TABLE_SIZE);
	KTAP_ASSERT_TRUE(t, kernel_pgd != NULL);
	free_area_init(max_zone_pfn);
	vmalloc_reset();
	a = get_vm_area_caller(PAGE_SIZE, VM_IOREMAP, NULL);
	b = get_vm_area_caller(3 * PAGE_SIZE, VM_IOREMAP, NULL);
	KTAP_ASSERT_TRUE(t, a && b);
	KTAP_EXPECT_EQ(t, (unsigned long)a->addr, vmalloc_start);
	KTAP_EXPECT_EQ(t, (unsigned long)b->addr, vmalloc_start + 2 * PAGE_SIZE);
	b->phys_addr = 0x10000000;
	KTAP_ASSERT_EQ(t,
		       ioremap_page_range((unsigned long)b->addr,
					  (unsigned long)b->addr + 3 * PAGE_SIZE, 0x10000000,
					  MT_DEVICE),
		       0);
	KTAP_EXPECT_TRUE(t, list_empty(&vmap_area_list)); /* on vmlist until vmalloc_init */

	mm_core_init();
	kmem_cache_init();
	vmalloc_init();
	for_each_vmap_area (va) {
		KTAP_EXPECT_EQ(t, va->va_start, vmalloc_start + (n ? 2 * PAGE_SIZE : 0));
		KTAP_EXPECT_EQ(t, va->vm->size, n ? 4 * PAGE_SIZE : 2 * PAGE_SIZE);
		n++;
	}
	KTAP_EXPECT_EQ(t, n, 2);
	KTAP_EXPECT_TRUE(t, areas_tile_the_space(why, sizeof(why)));
	KTAP_EXPECT_TRUE(t, mapped(vmalloc_start + 4 * PAGE_SIZE));
	KTAP_EXPECT_EQ(t, *pte_of(vmalloc_start + 4 * PAGE_SIZE) & PAGE_MASK, 0x10002000);
	/* The next area goes after them; the early ones unmap like any other. */
	KTAP_EXPECT_EQ(t, (unsigned long)vmalloc(PAGE_SIZE), vmalloc_start + 6 * PAGE_SIZE);
	vunmap((void *)(vmalloc_start + 2 * PAGE_SIZE));
	KTAP_EXPECT_FALSE(t, mapped(vmalloc_start + 4 * PAGE_SIZE));
	KTAP_EXPECT_EQ(t, (unsigned long)vmalloc(3 * PAGE_SIZE), vmalloc_start + 2 * PAGE_SIZE);
}

/* ---- the randomized model test ---- */

#define NR_OPS	    1000000
#define MAX_LIVE    256
#define CHECK_EVERY 5000

struct shadow_area {
	unsigned long va;
	unsigned long pages; /* mapped pages; the guard page follows */
	bool vmapped;	     /* vmap of our own pages, else vmalloc */
	struct page **own;   /* vmap: the pages we own */
	u8 seed;
};

struct model {
	struct shadow_area live[MAX_LIVE];
	int nr_live;
	long free_start;
	unsigned long allocs, frees, full, highmem_pages;
};

/* Mostly a few pages; now and then up to 1 MiB, so the 16 MiB space fills and fragments. */
static unsigned long random_pages(void)
{
	unsigned int r = (unsigned int)(rnd() % 100);

	if (r < 70)
		return 1 + rnd() % 4;
	if (r < 95)
		return 5 + rnd() % 60;
	return 65 + rnd() % 192;
}

static u8 pattern(const struct shadow_area *a, unsigned long page)
{
	return (u8)(a->seed + page * 7);
}

/* @a's pages hold their pattern (first and last byte), map where they should, guard unmapped. */
static bool check_area(struct ktap_test *t, const struct shadow_area *a)
{
	for (unsigned long i = 0; i < a->pages; i++) {
		unsigned long va = a->va + i * PAGE_SIZE;
		u8 *first = through_mapping(va);

		if (!first || *first != pattern(a, i) ||
		    *through_mapping(va + PAGE_SIZE - 1) != pattern(a, i)) {
			ktap_fail(t, __FILE__, __LINE__,
				  "page %lu of 0x%lx lost its mapping or data", i, a->va);
			return false;
		}
		if (a->vmapped && vmalloc_to_page((void *)va) != a->own[i]) {
			ktap_fail(t, __FILE__, __LINE__, "vmap page %lu of 0x%lx moved", i, a->va);
			return false;
		}
	}
	if (mapped(a->va + a->pages * PAGE_SIZE)) {
		ktap_fail(t, __FILE__, __LINE__, "guard page of 0x%lx is mapped", a->va);
		return false;
	}
	return true;
}

static bool overlaps_live(const struct model *m, unsigned long va, unsigned long pages)
{
	for (int i = 0; i < m->nr_live; i++) {
		const struct shadow_area *a = &m->live[i];

		/* Guard pages included: no area may start in another's guard. */
		if (va < a->va + (a->pages + 1) * PAGE_SIZE && a->va < va + (pages + 1) * PAGE_SIZE)
			return true;
	}
	return false;
}

static bool model_alloc(struct ktap_test *t, struct model *m)
{
	struct shadow_area a = {.pages = random_pages(), .seed = (u8)rnd()};
	bool vmapped = rnd() % 4 == 0;
	void *p;

	/* vmap is tried only where it fits, and then must succeed. */
	if (vmapped && largest_free_area() < (a.pages + 1) * PAGE_SIZE)
		vmapped = false;
	if (vmapped) {
		a.own = calloc(a.pages, sizeof(*a.own));
		for (unsigned long i = 0; i < a.pages; i++)
			a.own[i] = alloc_pages(GFP_HIGHUSER, 0);
		p = vmap(a.own, (unsigned int)a.pages, 0, MT_MEMORY_RW);
	} else {
		p = __vmalloc(a.pages * PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN |
							   (rnd() % 2 ? __GFP_ZERO : 0));
	}
	if (!p) {
		/* Only a full space may refuse: no hole takes the area and its guard. */
		if (vmapped || largest_free_area() >= (a.pages + 1) * PAGE_SIZE) {
			ktap_fail(t, __FILE__, __LINE__, "%lu pages refused with a 0x%lx hole",
				  a.pages, largest_free_area());
			return false;
		}
		for (unsigned long i = 0; vmapped && i < a.pages; i++)
			__free_pages(a.own[i], 0);
		free(a.own);
		m->full++;
		return true;
	}
	a.va = (unsigned long)p;
	a.vmapped = vmapped;
	if (a.va < vmalloc_start || a.va + (a.pages + 1) * PAGE_SIZE > VMALLOC_END ||
	    a.va & ~PAGE_MASK || overlaps_live(m, a.va, a.pages)) {
		ktap_fail(t, __FILE__, __LINE__, "area 0x%lx+%lu pages is outside or overlaps",
			  a.va, a.pages);
		return false;
	}
	for (unsigned long i = 0; i < a.pages; i++) {
		struct page *page = vmalloc_to_page(p + i * PAGE_SIZE);

		m->highmem_pages += page && PageHighMem(page);
		memset(through_mapping(a.va + i * PAGE_SIZE), pattern(&a, i), PAGE_SIZE);
	}
	m->live[m->nr_live++] = a;
	m->allocs++;
	return check_area(t, &a);
}

static bool model_free(struct ktap_test *t, struct model *m, int idx)
{
	struct shadow_area a = m->live[idx];

	if (!check_area(t, &a))
		return false;
	if (a.vmapped)
		vunmap((void *)a.va);
	else
		vfree((void *)a.va);
	if (host_tlb_last_start != a.va || host_tlb_last_end != a.va + a.pages * PAGE_SIZE) {
		ktap_fail(t, __FILE__, __LINE__, "free of 0x%lx flushed 0x%lx-0x%lx", a.va,
			  host_tlb_last_start, host_tlb_last_end);
		return false;
	}
	for (unsigned long i = 0; i < a.pages; i++) {
		if (mapped(a.va + i * PAGE_SIZE)) {
			ktap_fail(t, __FILE__, __LINE__, "0x%lx still mapped after free",
				  a.va + i * PAGE_SIZE);
			return false;
		}
		if (a.vmapped)
			__free_pages(a.own[i], 0);
	}
	free(a.own);
	m->live[idx] = m->live[--m->nr_live];
	m->frees++;
	return true;
}

static bool model_check(struct ktap_test *t, struct model *m)
{
	char why[160];
	unsigned long vmalloc_pages = 0;

	if (!areas_tile_the_space(why, sizeof(why))) {
		ktap_fail(t, __FILE__, __LINE__, "%s", why);
		return false;
	}
	for (int i = 0; i < m->nr_live; i++) {
		if (!check_area(t, &m->live[i]))
			return false;
		vmalloc_pages += m->live[i].vmapped ? 0 : m->live[i].pages;
	}
	if (vmalloc_pages != nr_vmalloc_pages) {
		ktap_fail(t, __FILE__, __LINE__, "nr_vmalloc_pages %lu, shadow holds %lu",
			  nr_vmalloc_pages, vmalloc_pages);
		return false;
	}
	return true;
}

static void vmalloc_model_random_areas_match_the_shadow(struct ktap_test *t)
{
	struct model *m = calloc(1, sizeof(*m));
	void *warm;

	rng_state = 0x2545f4914f6cdd1dULL;
	/*
	 * What vmalloc keeps once made, every page table of the space, is
	 * made first; then the free counts at the end must match exactly.
	 */
	warm = vmalloc(SPACE - PAGE_SIZE);
	KTAP_ASSERT_TRUE(t, warm != NULL);
	vfree(warm);
	m->free_start = free_now();
	for (long op = 0; op < NR_OPS; op++) {
		bool ok;

		if (m->nr_live < MAX_LIVE && (m->nr_live == 0 || rnd() % 100 < 55))
			ok = model_alloc(t, m);
		else
			ok = model_free(t, m, (int)(rnd() % (unsigned long)m->nr_live));
		if (ok && op % CHECK_EVERY == 0)
			ok = model_check(t, m);
		if (!ok)
			goto out;
	}
	while (m->nr_live)
		if (!model_free(t, m, m->nr_live - 1))
			goto out;
	KTAP_EXPECT_TRUE(t, model_check(t, m));
	KTAP_EXPECT_TRUE(t, list_empty(&vmap_area_list));
	KTAP_EXPECT_EQ(t, largest_free_area(), (unsigned long)SPACE);
	KTAP_EXPECT_EQ(t, free_now(), m->free_start);
	KTAP_EXPECT_GT(t, m->full, 0);		/* the space did fill up */
	KTAP_EXPECT_GT(t, m->highmem_pages, 0); /* and highmem pages were used */
	ktap_info("%lu areas made, %lu freed, %lu refused for lack of space", m->allocs, m->frees,
		  m->full);
out:
	while (m->nr_live) /* after a failure: just give the memory back */
		free(m->live[--m->nr_live].own);
	free(m);
}

static struct ktap_case vmalloc_cases[] = {
	KTAP_CASE(vmalloc_first_fit_reuses_the_lowest_hole_and_merges),
	KTAP_CASE(vmalloc_maps_every_page_and_leaves_the_guard_unmapped),
	KTAP_CASE(vmalloc_vfree_gives_every_page_back),
	KTAP_CASE(vmalloc_vzalloc_returns_zeroed_pages),
	KTAP_CASE(vmalloc_vmap_maps_the_callers_pages_and_vunmap_leaves_them),
	KTAP_CASE(vmalloc_bad_frees_are_reported_and_change_nothing),
	KTAP_CASE(vmalloc_refuses_zero_too_big_and_out_of_space),
	KTAP_CASE(vmalloc_ioremap_page_range_maps_device_pages),
	KTAP_CASE(vmalloc_never_maps_sections),
	KTAP_CASE(vmalloc_vmallocinfo_prints_linux_format),
	KTAP_CASE(vmalloc_boot_time_areas_are_taken_over),
	KTAP_CASE(vmalloc_model_random_areas_match_the_shadow),
	{}};

static struct ktap_suite vmalloc_suite = {
	.name = "vmalloc", .cases = vmalloc_cases, .init = vmalloc_suite_init};
KTAP_SUITE_DEFINE(vmalloc_suite);
