// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc on the real MMU: an area larger than any free buddy block is
 * built from scattered pages (highmem ones with 1 GiB), every page
 * translates to the page vmalloc_to_page names, the guard page and a freed
 * area really fault (the TLB was flushed), vfree gives back exactly what
 * vmalloc took, and vmallocinfo lists the boot's ioremaps.
 */
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "mm.h"
#include "mmzone.h"
#include "printk.h"
#include "vmalloc.h"
#include "vmstat.h"
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

static bool translates_to(unsigned long va, phys_addr_t pa)
{
	u32 par = arm_translate_read(va);

	return !(par & PAR_F) && ((par & PAGE_MASK) | (va & ~PAGE_MASK)) == (u32)pa;
}

/* Free pages per zone, with the pcp lists drained into the buddy lists. */
static void free_per_zone(long counts[MAX_NR_ZONES])
{
	drain_all_pages(NULL);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		counts[z] = contig_page_data.node_zones[z].vm_stat[NR_FREE_PAGES];
}

static unsigned int largest_free_order(void)
{
	unsigned int best = 0;
	struct zone *zone;

	drain_all_pages(NULL);
	for_each_populated_zone (zone)
		for (unsigned int order = 0; order < MAX_ORDER; order++)
			if (zone->free_area[order].nr_free)
				best = max(best, order);
	return best;
}

/* Every page of [p, p + size) translates to its vmalloc_to_page() and holds what we wrote. */
static unsigned long check_pages(struct ktap_test *t, u32 *p, unsigned long size,
				 unsigned long *highmem, unsigned long *breaks)
{
	unsigned long bad = 0, prev_pfn = 0;

	for (unsigned long off = 0; off < size; off += PAGE_SIZE)
		p[off / 4] = 0xa5000000 | (u32)(off >> PAGE_SHIFT);
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		struct page *page = vmalloc_to_page((char *)p + off);

		if (!page || !translates_to((unsigned long)p + off, page_to_phys(page)) ||
		    p[off / 4] != (0xa5000000 | (u32)(off >> PAGE_SHIFT))) {
			if (!bad++)
				KTAP_EXPECT_EQ(t, off, ~0UL); /* reports the first bad page */
			continue;
		}
		*highmem += PageHighMem(page);
		*breaks += off && page_to_pfn(page) != prev_pfn + 1;
		prev_pfn = page_to_pfn(page);
	}
	return bad;
}

#define HOLES 64

/*
 * Take 2 * HOLES pages and give back every other one: HOLES free pages
 * none of which has a free neighbour, the kind of memory a long-running
 * system has, and the first that order-0 allocations get.
 */
static void punch_holes(struct page *held[HOLES])
{
	struct page *all[2 * HOLES];

	for (int i = 0; i < 2 * HOLES; i++)
		all[i] = alloc_pages(GFP_HIGHUSER, 0);
	for (int i = 0; i < HOLES; i++) {
		held[i] = all[2 * i];
		if (all[2 * i + 1])
			__free_pages(all[2 * i + 1], 0);
	}
}

/* How many held pages are in unmovable pageblocks (their holes freed to the same lists). */
static int holes_in_unmovable_blocks(struct page *held[HOLES])
{
	int n = 0;

	for (int i = 0; i < HOLES; i++)
		if (held[i] && get_pageblock_migratetype(held[i]) == MIGRATE_UNMOVABLE)
			n++;
	return n;
}

static void vmalloc_more_than_the_largest_free_buddy_block_works(struct ktap_test *t)
{
	unsigned int order = largest_free_order();
	unsigned long size = 2UL << (order + PAGE_SHIFT), highmem = 0, breaks = 0;
	struct page *held[HOLES];
	u32 *p;

	/* vmalloc's pages are not movable: CMA's free pages do not count (mem=32M cma=24M). */
	if (size / PAGE_SIZE > (nr_free_pages() - global_zone_page_state(NR_FREE_CMA_PAGES)) / 2) {
		ktap_skip(t, "not enough free memory outside CMA for twice the largest block");
		return;
	}
	/* vmalloc=1M gives 16 MiB: no room for 2 x 8 MiB (MAX_ORDER 12) and a guard page. */
	if (size + PAGE_SIZE > VMALLOC_END - vmalloc_start) {
		ktap_skip(t, "the vmalloc area is smaller than twice the largest block");
		return;
	}
	punch_holes(held);
	/*
	 * vmalloc's pages are unmovable: holes in movable pageblocks (a steal
	 * too small to claim the block, as when RAM is a pageblock or two) are
	 * on the movable lists, and the fallback takes a large block first.
	 */
	if (holes_in_unmovable_blocks(held) < HOLES / 2) {
		for (int i = 0; i < HOLES; i++)
			if (held[i])
				__free_pages(held[i], 0);
		ktap_skip(t, "the holes are not in unmovable pageblocks, so vmalloc does not "
			     "come to them first");
		return;
	}
	p = vmalloc(size);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_TRUE(t, is_vmalloc_addr(p));
	KTAP_EXPECT_EQ(t, check_pages(t, p, size, &highmem, &breaks), 0);
	/* The scattered free pages came first: many physical runs, not one. */
	KTAP_EXPECT_GE(t, breaks, HOLES / 2);
	ktap_info("%lu KiB (largest free block: order %u), %lu highmem pages, %lu physical runs",
		  size >> 10, order, highmem, breaks + 1);
	vfree(p);
	for (int i = 0; i < HOLES; i++)
		if (held[i])
			__free_pages(held[i], 0);
}

static void vmalloc_highmem_pages_appear_with_1GiB(struct ktap_test *t)
{
	unsigned long highmem = 0, breaks = 0;
	u32 *p;

	if (!totalhigh_pages()) {
		ktap_skip(t, "no highmem (boot with 1 GiB)");
		return;
	}
	/* A page or two of highmem is a valid layout, but cannot serve 4 MiB. */
	if (zone_page_state(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM], NR_FREE_PAGES) <
	    (long)(2 * SZ_4M / PAGE_SIZE)) {
		ktap_skip(t, "too little free highmem for 4 MiB");
		return;
	}
	p = vmalloc(SZ_4M);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, check_pages(t, p, SZ_4M, &highmem, &breaks), 0);
	/* vmalloc asks for __GFP_HIGHMEM, and the zonelist tries HighMem first. */
	KTAP_EXPECT_EQ(t, highmem, SZ_4M / PAGE_SIZE);
	vfree(p);
}

static void vmalloc_guard_page_faults(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	volatile u32 *p = vmalloc(2 * PAGE_SIZE);
	volatile u32 *guard;

	KTAP_ASSERT_TRUE(t, p != NULL);
	guard = p + 2 * PAGE_SIZE / 4;
	p[2 * PAGE_SIZE / 4 - 1] = 1; /* the last word of the area is fine */
	expect_fault(&f);
	*guard = 0xdead;
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.far, (u32)(unsigned long)guard);
	KTAP_EXPECT_EQ(t, FSR_FS(f.fsr), FSR_FS_TRANS_PAGE);
	KTAP_EXPECT_NE(t, f.fsr & FSR_WNR, 0);
	vfree((void *)p);
}

static void vmalloc_freed_area_faults_at_once(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	volatile u32 *p = vmalloc(PAGE_SIZE);
	u32 value = 0x1234;

	KTAP_ASSERT_TRUE(t, p != NULL);
	*p = 7; /* the translation is in the TLB now */
	KTAP_EXPECT_EQ(t, *p, 7);
	vfree((void *)p);
	expect_fault(&f);
	__asm__ __volatile__("ldr %0, [%1]" : "+r"(value) : "r"(p) : "memory");
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f)); /* vfree flushed the TLB entry */
	KTAP_EXPECT_EQ(t, f.far, (u32)(unsigned long)p);
	KTAP_EXPECT_EQ(t, value, 0x1234);
}

static void vmalloc_vfree_gives_every_page_back_exactly(struct ktap_test *t)
{
	long before[MAX_NR_ZONES], during[MAX_NR_ZONES], after[MAX_NR_ZONES];
	void *p;

	/* vmalloc's pages are not movable, and the watermarks keep totalreserve_pages back. */
	if (nr_free_pages() - global_zone_page_state(NR_FREE_CMA_PAGES) <
	    SZ_4M / PAGE_SIZE + totalreserve_pages) {
		ktap_skip(t, "too little free memory outside the CMA area for 4 MiB");
		return;
	}
	/* The first use of an address range made its page tables; they stay. */
	p = vmalloc(SZ_4M);
	KTAP_ASSERT_TRUE(t, p != NULL);
	vfree(p);
	free_per_zone(before);
	p = vmalloc(SZ_4M);
	KTAP_ASSERT_TRUE(t, p != NULL);
	free_per_zone(during);
	KTAP_EXPECT_GE(t,
		       (before[ZONE_NORMAL] - during[ZONE_NORMAL]) +
			       (before[ZONE_HIGHMEM] - during[ZONE_HIGHMEM]),
		       (long)(SZ_4M / PAGE_SIZE));
	vfree(p);
	free_per_zone(after);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		KTAP_EXPECT_EQ(t, after[z], before[z]);
	KTAP_EXPECT_EQ(t, nr_vmalloc_pages, 0);
}

static void vmalloc_vzalloc_zeroes_reused_pages(struct ktap_test *t)
{
	unsigned long size = 16 * PAGE_SIZE, nonzero = 0;
	u32 *p = vmalloc(size);

	KTAP_ASSERT_TRUE(t, p != NULL);
	for (unsigned long i = 0; i < size / 4; i++)
		p[i] = 0xffffffff;
	vfree(p);
	p = vzalloc(size);
	KTAP_ASSERT_TRUE(t, p != NULL);
	for (unsigned long i = 0; i < size / 4; i++)
		nonzero += p[i] != 0;
	KTAP_EXPECT_EQ(t, nonzero, 0);
	vfree(p);
}

static void vmalloc_vmap_shows_the_callers_pages(struct ktap_test *t)
{
	struct page *pages[2] = {alloc_pages(GFP_HIGHUSER, 0), alloc_pages(GFP_KERNEL, 0)};
	u32 *p, *k;

	KTAP_ASSERT_TRUE(t, pages[0] && pages[1]);
	k = kmap(pages[0]);
	*k = 0x600d0001;
	kunmap(pages[0]);
	*(u32 *)page_address(pages[1]) = 0x600d0002;
	p = vmap(pages, 2, 0, MT_MEMORY_RW);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, p[0], 0x600d0001);
	KTAP_EXPECT_EQ(t, p[PAGE_SIZE / 4], 0x600d0002);
	KTAP_EXPECT_PTR_EQ(t, vmalloc_to_page(p), pages[0]);
	p[1] = 0x600d0003;
	vunmap(p);
	KTAP_EXPECT_NE(t, arm_translate_read((unsigned long)p) & PAR_F, 0);
	k = kmap(pages[0]);
	KTAP_EXPECT_EQ(t, k[1], 0x600d0003); /* the page is still the caller's */
	kunmap(pages[0]);
	__free_pages(pages[0], 0);
	__free_pages(pages[1], 0);
}

static void vmalloc_bad_vfree_is_reported_and_ignored(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	size_t mark = printk_log_mark();

	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_FALSE(t, is_vmalloc_addr(page_address(page)));
	vfree(page_address(page));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "Trying to vfree() nonexistent vm area"));
	KTAP_EXPECT_EQ(t, page_ref_count(page), 1);
	__free_pages(page, 0);
}

/*
 * The console's registers are board-specific, so the ioremap checked here is
 * one the test makes itself: the Cortex-A9's private peripherals (CP15 CBAR),
 * present on every board.
 */
static void vmalloc_vmallocinfo_lists_ioremaps_and_vmallocs(struct ktap_test *t)
{
	u32 periphbase = read_cbar() & ~0x1fffu;
	size_t mark = printk_log_mark();
	void __iomem *io;
	void *p;
	char line[64];

	if (!periphbase) {
		ktap_skip(t, "CBAR reads 0: no private peripherals to ioremap");
		return;
	}
	io = ioremap(periphbase, PAGE_SIZE);
	p = vmalloc(3 * PAGE_SIZE);
	KTAP_ASSERT_TRUE(t, io != NULL && p != NULL);
	vmallocinfo_show();
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, " vmalloc_vmallocinfo_lists_ioremaps_and_vmallocs+"));
	scnprintf(line, sizeof(line), " phys=0x%08x ioremap\n", periphbase);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	iounmap(io);
	scnprintf(line, sizeof(line), "0x%08lx-0x%08lx   16384 ", (unsigned long)p,
		  (unsigned long)p + 4 * PAGE_SIZE);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, " pages=3 vmalloc\n"));
	vfree(p);
}

static struct ktap_case vmalloc_cases[] = {
	KTAP_CASE(vmalloc_more_than_the_largest_free_buddy_block_works),
	KTAP_CASE(vmalloc_highmem_pages_appear_with_1GiB),
	KTAP_CASE(vmalloc_guard_page_faults),
	KTAP_CASE(vmalloc_freed_area_faults_at_once),
	KTAP_CASE(vmalloc_vfree_gives_every_page_back_exactly),
	KTAP_CASE(vmalloc_vzalloc_zeroes_reused_pages),
	KTAP_CASE(vmalloc_vmap_shows_the_callers_pages),
	KTAP_CASE(vmalloc_bad_vfree_is_reported_and_ignored),
	KTAP_CASE(vmalloc_vmallocinfo_lists_ioremaps_and_vmallocs),
	{}};
KTAP_SUITE(vmalloc, vmalloc_cases);
