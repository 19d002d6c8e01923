// SPDX-License-Identifier: GPL-2.0
/*
 * dma_alloc_coherent()'s mappings, read from the page tables: the lowmem of
 * every CMA area mapped with pages at boot (Linux's dma_contiguous_remap),
 * a lowmem buffer's own ptes of the linear map uncached while it is
 * allocated and cacheable again after dma_free_coherent(), a highmem
 * buffer mapped uncached in the vmalloc space, no cacheable mapping of a
 * buffer left in either case, and its contents the same through another
 * uncached view (a device's stand-in).  With -smp 4 every CPU remaps
 * buffers in the same pte tables at once.
 *
 * QEMU models no caches: what the attributes do cannot be seen here, only
 * that the tables say what Linux's would (docs/cache-coherency.md).
 */
#include "atomic.h"
#include "cma.h"
#include "dma-map-ops.h"
#include "dma-mapping.h"
#include "highmem.h"
#include "ktap.h"
#include "mm.h"
#include "slab.h"
#include "smp.h"
#include "vmalloc.h"
#include <asm/cp15.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/* The low bits of the pte that maps @va (its attributes), or 0 if no pte does. */
static u32 pte_attrs(unsigned long va)
{
	int level;
	u32 *pte = lookup_address(kernel_pgd, va, &level);

	return pte && level == 2 ? *pte & ~PAGE_MASK : 0;
}

static u32 prot_pte(unsigned int type)
{
	return get_mem_type(type)->prot_pte;
}

/* The CMA area holding the default area's pages, if its first page is (not) in highmem. */
static struct cma *default_area_in(bool highmem)
{
	struct cma *cma = dma_contiguous_default_area;

	if (!cma || !cma->count)
		return NULL;
	return PageHighMem(pfn_to_page(cma->base_pfn)) == highmem ? cma : NULL;
}

/*
 * Every lowmem page of every CMA area: a pte (its pmd a table, not a
 * section) mapping that page, MT_MEMORY_DMA_READY: cacheable as the rest
 * of lowmem, never executable.  Counts the pages looked at in *@checked
 * and returns how many are not so (the first one is named).
 */
static unsigned long cma_lowmem_not_dma_ready(unsigned long *checked)
{
	unsigned long bad = 0;

	*checked = 0;
	for (unsigned int i = 0; i < cma_area_count; i++) {
		const struct cma *cma = &cma_areas[i];

		for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count; pfn++) {
			unsigned long va;

			if (PageHighMem(pfn_to_page(pfn)))
				break;
			va = (unsigned long)page_address(pfn_to_page(pfn));
			if ((pte_attrs(va) != prot_pte(MT_MEMORY_DMA_READY) ||
			     (arm_translate_read(va) & PAGE_MASK) != PFN_PHYS(pfn)) &&
			    !bad++)
				ktap_info(
					"pfn 0x%lx at 0x%08lx: pte attributes 0x%03x, want 0x%03x",
					pfn, va, pte_attrs(va), prot_pte(MT_MEMORY_DMA_READY));
			(*checked)++;
		}
	}
	return bad;
}

/* No coherent buffer is allocated now: the areas are as paging_init made them. */
static void dma_coherent_cma_lowmem_is_mapped_with_pages_at_boot(struct ktap_test *t)
{
	unsigned long checked, bad = cma_lowmem_not_dma_ready(&checked);

	if (!checked) {
		ktap_skip(t, "no CMA area has lowmem (at 1 GiB the default area is in highmem)");
		return;
	}
	ktap_info("%lu CMA pages of lowmem checked", checked);
	KTAP_EXPECT_EQ(t, bad, 0ul);
}

/* pages_only: the memory types made for this are never given sections. */
static void dma_coherent_types_have_no_sections_and_differ_only_in_cacheability(struct ktap_test *t)
{
	const u32 tcb = PTE_EXT_TEX(7) | PTE_CACHEABLE | PTE_BUFFERABLE;

	KTAP_EXPECT_EQ(t, get_mem_type(MT_MEMORY_DMA_READY)->prot_sect, 0u);
	KTAP_EXPECT_EQ(t, get_mem_type(MT_DMA_COHERENT)->prot_sect, 0u);
	/* Cacheable as lowmem's data; uncached normal memory (TEX 001, C 0, B 0). */
	KTAP_EXPECT_EQ(t, prot_pte(MT_MEMORY_DMA_READY), prot_pte(MT_MEMORY_RW));
	KTAP_EXPECT_EQ(t, prot_pte(MT_DMA_COHERENT) & tcb, PTE_EXT_TEX(1));
	KTAP_EXPECT_EQ(t, prot_pte(MT_DMA_COHERENT) & ~tcb, prot_pte(MT_MEMORY_RW) & ~tcb);
}

/*
 * A lowmem buffer is its own linear map (Linux returns page_address()),
 * whose ptes are uncached while it is allocated, and only its ptes: the
 * pages around it in the area keep theirs.  dma_free_coherent() makes
 * them cacheable again.
 */
static void dma_coherent_lowmem_buffer_is_its_linear_map_uncached(struct ktap_test *t)
{
	const size_t count = 3;
	dma_addr_t handle;
	struct page *page;
	unsigned long va;
	u8 *buf;

	if (!default_area_in(false)) {
		ktap_skip(t, "the default CMA area is not in lowmem (boot with less than 1 GiB)");
		return;
	}
	buf = dma_alloc_coherent(NULL, count * PAGE_SIZE, &handle);
	KTAP_ASSERT_TRUE(t, buf != NULL);
	page = phys_to_page(handle);
	KTAP_EXPECT_TRUE(t, buf == page_address(page));
	KTAP_EXPECT_FALSE(t, is_vmalloc_addr(buf));
	va = (unsigned long)buf;
	for (size_t i = 0; i < count; i++) {
		KTAP_EXPECT_EQ(t, pte_attrs(va + i * PAGE_SIZE), prot_pte(MT_DMA_COHERENT));
		KTAP_EXPECT_EQ(t, arm_translate_read(va + i * PAGE_SIZE) & PAGE_MASK,
			       (u32)handle + i * PAGE_SIZE);
	}
	/* The neighbours in the area (the buffer is aligned to 4 pages, so one follows). */
	if (cma_pages_valid(dma_contiguous_default_area, page + count, 1))
		KTAP_EXPECT_EQ(t, pte_attrs(va + count * PAGE_SIZE), prot_pte(MT_MEMORY_DMA_READY));
	if (cma_pages_valid(dma_contiguous_default_area, page - 1, 1))
		KTAP_EXPECT_EQ(t, pte_attrs(va - PAGE_SIZE), prot_pte(MT_MEMORY_DMA_READY));

	dma_free_coherent(NULL, count * PAGE_SIZE, buf, handle);
	for (size_t i = 0; i < count; i++) {
		KTAP_EXPECT_EQ(t, pte_attrs(va + i * PAGE_SIZE), prot_pte(MT_MEMORY_DMA_READY));
		KTAP_EXPECT_EQ(t, arm_translate_read(va + i * PAGE_SIZE) & PAGE_MASK,
			       (u32)handle + i * PAGE_SIZE);
	}
}

/*
 * A highmem buffer has no linear alias: it is a new uncached mapping in
 * the vmalloc space (Linux's dma_common_contiguous_remap), nowhere else
 * mapped (not kmapped), and gone after dma_free_coherent().
 */
static void dma_coherent_highmem_buffer_is_an_uncached_vmap(struct ktap_test *t)
{
	const size_t count = 2;
	dma_addr_t handle;
	struct page *page;
	unsigned long va;
	u8 *buf;

	if (!default_area_in(true)) {
		ktap_skip(t, "the default CMA area is not in highmem (boot with 1 GiB)");
		return;
	}
	buf = dma_alloc_coherent(NULL, count * PAGE_SIZE, &handle);
	KTAP_ASSERT_TRUE(t, buf != NULL);
	page = phys_to_page(handle);
	KTAP_EXPECT_TRUE(t, PageHighMem(page));
	KTAP_EXPECT_TRUE(t, is_vmalloc_addr(buf));
	KTAP_EXPECT_TRUE(t, find_vm_area(buf) != NULL);
	KTAP_EXPECT_TRUE(t, page_address(page) == NULL);
	va = (unsigned long)buf;
	for (size_t i = 0; i < count; i++) {
		KTAP_EXPECT_EQ(t, pte_attrs(va + i * PAGE_SIZE), prot_pte(MT_DMA_COHERENT));
		KTAP_EXPECT_EQ(t, arm_translate_read(va + i * PAGE_SIZE) & PAGE_MASK,
			       (u32)handle + i * PAGE_SIZE);
	}
	dma_free_coherent(NULL, count * PAGE_SIZE, buf, handle);
	KTAP_EXPECT_TRUE(t, find_vm_area(buf) == NULL);
	KTAP_EXPECT_TRUE(t, arm_translate_read(va) & PAR_F);
}

/* A second uncached mapping of the buffer's pages: what a device sees, memory itself. */
static u8 *device_view(dma_addr_t handle, size_t count)
{
	struct page *pages[4];

	for (size_t i = 0; i < count && i < ARRAY_SIZE(pages); i++)
		pages[i] = phys_to_page(handle) + i;
	return vmap(pages, (unsigned int)count, 0, MT_DMA_COHERENT);
}

/*
 * Zeroed, and what one side writes the other reads, both ways, wherever
 * the buffer is (lowmem at 64 and 256 MiB, highmem at 1 GiB).
 */
static void dma_coherent_contents_are_seen_through_both_views(struct ktap_test *t)
{
	const size_t count = 4, size = count * PAGE_SIZE;
	dma_addr_t handle;
	size_t i, bad = 0;
	u8 *buf, *dev;

	buf = dma_alloc_coherent(NULL, size, &handle);
	if (!buf && !dma_contiguous_default_area) {
		ktap_skip(t, "no CMA area");
		return;
	}
	KTAP_ASSERT_TRUE(t, buf != NULL);
	dev = device_view(handle, count);
	KTAP_ASSERT_TRUE(t, dev != NULL);
	for (i = 0; i < size; i++)
		bad += buf[i] != 0 || dev[i] != 0;
	KTAP_EXPECT_EQ(t, bad, (size_t)0);
	for (i = 0; i < size; i++)
		buf[i] = (u8)(i * 13 + 1);
	for (i = 0, bad = 0; i < size; i++)
		bad += dev[i] != (u8)(i * 13 + 1);
	KTAP_EXPECT_EQ(t, bad, (size_t)0);
	for (i = 0; i < size; i++)
		dev[i] = (u8)(i * 7 + 5);
	for (i = 0, bad = 0; i < size; i++)
		bad += buf[i] != (u8)(i * 7 + 5);
	KTAP_EXPECT_EQ(t, bad, (size_t)0);
	vunmap(dev);
	dma_free_coherent(NULL, size, buf, handle);
}

/*
 * A free that names no buffer dma_alloc_coherent() handed out changes
 * nothing: another address, a size past the buffer, a second free.
 */
static void dma_coherent_free_refuses_what_it_did_not_hand_out(struct ktap_test *t)
{
	dma_addr_t handle;
	u8 *buf = dma_alloc_coherent(NULL, PAGE_SIZE, &handle);
	unsigned long used;

	if (!buf && !dma_contiguous_default_area) {
		ktap_skip(t, "no CMA area");
		return;
	}
	KTAP_ASSERT_TRUE(t, buf != NULL);
	used = cma_used_pages(dma_contiguous_default_area);
	dma_free_coherent(NULL, PAGE_SIZE, buf + PAGE_SIZE, handle);
	dma_free_coherent(NULL, PAGE_SIZE, buf, handle + 1);
	KTAP_EXPECT_EQ(t, cma_used_pages(dma_contiguous_default_area), used);
	KTAP_EXPECT_EQ(t, pte_attrs((unsigned long)buf), prot_pte(MT_DMA_COHERENT));
	dma_free_coherent(NULL, PAGE_SIZE, buf, handle);
	KTAP_EXPECT_EQ(t, cma_used_pages(dma_contiguous_default_area), used - 1);
	dma_free_coherent(NULL, PAGE_SIZE, buf, handle); /* twice */
	KTAP_EXPECT_EQ(t, cma_used_pages(dma_contiguous_default_area), used - 1);
}

/* PAR's memory attributes (short-descriptor format): Inner [6:4], Outer [3:2]. */
#define PAR_ATTRS(par)	((par)&0x7c)
#define PAR_NORMAL_NC	0x00 /* Inner 000, Outer 00: non-cacheable */
#define PAR_NORMAL_WBWA 0x54 /* Inner 101, Outer 01: write-back write-allocate */

struct par_check {
	unsigned long buf, cached; /* a buffer's address, and one in ordinary lowmem */
	size_t count;
	u32 buf_attrs[NR_CPUS], cached_attrs[NR_CPUS];
	bool seen[NR_CPUS];
};

/* What this CPU's MMU (its TLB included) says the buffer and ordinary memory are. */
static void par_on_this_cpu(void *arg)
{
	struct par_check *c = arg;
	int cpu = smp_processor_id();

	c->buf_attrs[cpu] = 0;
	for (size_t i = 0; i < c->count; i++)
		c->buf_attrs[cpu] |= PAR_ATTRS(arm_translate_read(c->buf + i * PAGE_SIZE));
	c->cached_attrs[cpu] = PAR_ATTRS(arm_translate_read(c->cached));
	c->seen[cpu] = true;
}

/*
 * The MMU of every CPU, asked with ATS1CPR, translates the buffer as normal
 * non-cacheable memory (no CPU kept the cacheable entry in its TLB) and
 * ordinary lowmem as write-back.  QEMU's PAR reports no attributes: the
 * case skips there, and runs on a board.
 */
static void dma_coherent_every_cpus_mmu_sees_the_buffer_uncached(struct ktap_test *t)
{
	struct par_check *c = kzalloc(sizeof(*c), GFP_KERNEL);
	dma_addr_t handle;
	u8 *buf;
	int cpu;

	KTAP_ASSERT_TRUE(t, c != NULL);
	c->cached = (unsigned long)c;
	if (!PAR_ATTRS(arm_translate_read(c->cached))) {
		ktap_skip(t, "PAR reports no memory attributes (QEMU does not model them)");
		kfree(c);
		return;
	}
	c->count = 2;
	buf = dma_alloc_coherent(NULL, c->count * PAGE_SIZE, &handle);
	if (!buf) {
		ktap_skip(t, "no CMA area");
		kfree(c);
		return;
	}
	c->buf = (unsigned long)buf;
	on_each_cpu(par_on_this_cpu, c, 1);
	for_each_online_cpu (cpu) {
		KTAP_EXPECT_TRUE(t, c->seen[cpu]);
		KTAP_EXPECT_EQ(t, c->buf_attrs[cpu], (u32)PAR_NORMAL_NC);
		KTAP_EXPECT_EQ(t, c->cached_attrs[cpu], (u32)PAR_NORMAL_WBWA);
	}
	dma_free_coherent(NULL, c->count * PAGE_SIZE, buf, handle);
	kfree(c);
}

#define SMP_ROUNDS 16

struct remap_race {
	atomic_t arrived;
	atomic_t failures; /* allocations that failed: the area is big enough for all */
	atomic_t bad;	   /* a pte, a translation or a byte not as it should be */
};

/*
 * Each CPU, SMP_ROUNDS times: a buffer of 1 or 2 pages, its ptes checked,
 * its own signature written and read back, freed.  Neighbouring buffers
 * share pte tables, so one CPU's break-before-make runs beside another's
 * use of its buffer: it must clear only its own ptes.
 */
static void remap_race(void *arg)
{
	struct remap_race *r = arg;
	u8 sig = (u8)(0x40 + smp_processor_id());

	atomic_inc(&r->arrived);
	for (int spins = 0; atomic_read(&r->arrived) < (int)num_online_cpus() && spins < (1 << 20);
	     spins++)
		cpu_relax();
	for (int round = 0; round < SMP_ROUNDS; round++) {
		size_t size = (size_t)(1 + (round & 1)) * PAGE_SIZE;
		dma_addr_t handle;
		u8 *buf = dma_alloc_coherent(NULL, size, &handle);

		if (!buf) {
			atomic_inc(&r->failures);
			continue;
		}
		for (size_t off = 0; off < size; off += PAGE_SIZE)
			if (pte_attrs((unsigned long)buf + off) != prot_pte(MT_DMA_COHERENT) ||
			    (arm_translate_read((unsigned long)buf + off) & PAGE_MASK) !=
				    handle + off)
				atomic_inc(&r->bad);
		for (size_t i = 0; i < size; i++)
			buf[i] = sig;
		for (size_t i = 0; i < size; i++)
			if (buf[i] != sig) {
				atomic_inc(&r->bad);
				break;
			}
		dma_free_coherent(NULL, size, buf, handle);
	}
}

static void dma_coherent_every_cpu_remaps_at_once(struct ktap_test *t)
{
	struct remap_race *r = kzalloc(sizeof(*r), GFP_KERNEL);
	unsigned long used;

	KTAP_ASSERT_TRUE(t, r != NULL);
	if (!dma_contiguous_default_area) {
		ktap_skip(t, "no CMA area");
		kfree(r);
		return;
	}
	used = cma_used_pages(dma_contiguous_default_area);
	on_each_cpu(remap_race, r, 1);
	ktap_info("%u CPUs, %d buffers each", num_online_cpus(), SMP_ROUNDS);
	KTAP_EXPECT_EQ(t, atomic_read(&r->arrived), (int)num_online_cpus());
	KTAP_EXPECT_EQ(t, atomic_read(&r->failures), 0);
	KTAP_EXPECT_EQ(t, atomic_read(&r->bad), 0);
	KTAP_EXPECT_EQ(t, cma_used_pages(dma_contiguous_default_area), used);
	kfree(r);
	/* And every lowmem pte of the areas is back as it was at boot. */
	KTAP_EXPECT_EQ(t, cma_lowmem_not_dma_ready(&used), 0ul);
}

static struct ktap_case dma_coherent_cases[] = {
	KTAP_CASE(dma_coherent_cma_lowmem_is_mapped_with_pages_at_boot),
	KTAP_CASE(dma_coherent_types_have_no_sections_and_differ_only_in_cacheability),
	KTAP_CASE(dma_coherent_lowmem_buffer_is_its_linear_map_uncached),
	KTAP_CASE(dma_coherent_highmem_buffer_is_an_uncached_vmap),
	KTAP_CASE(dma_coherent_contents_are_seen_through_both_views),
	KTAP_CASE(dma_coherent_free_refuses_what_it_did_not_hand_out),
	KTAP_CASE(dma_coherent_every_cpus_mmu_sees_the_buffer_uncached),
	KTAP_CASE(dma_coherent_every_cpu_remaps_at_once),
	{}};

KTAP_SUITE(dma_coherent, dma_coherent_cases);
