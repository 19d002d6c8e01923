// SPDX-License-Identifier: GPL-2.0
/*
 * free_area_init and the hand-over on the host: node and zone spans, holes,
 * NOMAP, the Memory line's numbers, and the size of mem_map, for the
 * layouts the target boots with (vexpress-a9: RAM at 0x60000000, lowmem up
 * to 0x90000000 as with Linux's default vmalloc area).
 */
#include "ktap.h"
#include "host_mm.h"
#include "vmstat.h"
#include "sections.h"
#include "../../mm/internal.h"
#include <string.h>

/* sizeof(struct page) on the target (static_assert in page-flags.h). */
#define ARM_STRUCT_PAGE_SIZE 28

#define IMAGE                                                                           \
	.image_base = 0x60008000, .text = 0x180000, .rodata = 0x60000, .init = 0x40000, \
	.data = 0x30000, .bss = 0x50000

static const struct host_mm_layout layout_1g = {
	.mem = {{0x60000000, MB(1024)}},
	.nr_mem = 1,
	.lowmem_limit = 0x90000000,
	IMAGE,
};

static const struct host_mm_layout layout_64m = {
	.mem = {{0x60000000, MB(64)}},
	.nr_mem = 1,
	.lowmem_limit = 0x90000000,
	IMAGE,
};

static const struct host_mm_layout layout_256m = {
	.mem = {{0x60000000, MB(256)}},
	.nr_mem = 1,
	.lowmem_limit = 0x90000000,
	IMAGE,
};

/* Two 128 MiB banks 384 MiB apart; lowmem ends inside the second. */
static const struct host_mm_layout layout_two_banks = {
	.mem = {{0x60000000, MB(128)}, {0x80000000, MB(128)}},
	.nr_mem = 2,
	.lowmem_limit = 0x84000000,
	IMAGE,
};

static unsigned long image_bytes(const struct host_mm_layout *l)
{
	return l->text + l->rodata + l->init + l->data + l->bss;
}

/* Pages memblock has reserved, whole pages, as the hand-over marks them. */
static unsigned long memblock_reserved_pages(void)
{
	unsigned long n = 0, done = 0; /* two ranges may share a page: count it once */
	phys_addr_t start, end;
	u64 i;

	for_each_reserved_mem_range (i, &start, &end) {
		unsigned long s = max(PFN_DOWN(start), done), e = PFN_UP(end);

		if (s < e)
			n += e - s;
		done = max(done, e);
	}
	return n;
}

/*
 * The Memory line Linux would print: available = free pages, reserved =
 * present - managed - cma.
 */
static void expected_memory_line(char *buf, size_t size, const struct host_mm_layout *l,
				 unsigned long physpages, unsigned long reserved, unsigned long cma,
				 unsigned long high)
{
	scnprintf(buf, size,
		  "Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK "
		  "init, %luK bss, %luK reserved, %luK cma-reserved, %luK highmem)\n",
		  K(physpages - reserved - cma), K(physpages), l->text >> 10, l->data >> 10,
		  l->rodata >> 10, l->init >> 10, l->bss >> 10, K(reserved), K(cma), K(high));
}

static void mm_init_1g_splits_normal_and_highmem_at_0x90000000(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	unsigned long reserved;
	char line[320];

	host_mm_boot(&layout_1g);
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->node_start_pfn, 0x60000);
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->node_spanned_pages, 262144);
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->node_present_pages, 262144);
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->nr_zones, 2);
	KTAP_EXPECT_EQ(t, NORMAL->zone_start_pfn, 0x60000);
	KTAP_EXPECT_EQ(t, NORMAL->spanned_pages, 0x30000); /* 0x60000000-0x8fffffff */
	KTAP_EXPECT_EQ(t, HIGHMEM->zone_start_pfn, 0x90000);
	KTAP_EXPECT_EQ(t, HIGHMEM->spanned_pages, 0x10000); /* 0x90000000-0x9fffffff */
	KTAP_EXPECT_EQ(t, HIGHMEM->present_pages, 0x10000);
	/* Nothing is reserved in highmem: all of it is managed. */
	KTAP_EXPECT_EQ(t, zone_managed_pages(HIGHMEM), 0x10000);
	KTAP_EXPECT_EQ(t, totalhigh_pages(), 0x10000);
	/* Boot allocations stayed in lowmem, below the limit. */
	KTAP_EXPECT_LT(t, __pa(NODE_DATA(0)->node_mem_map), 0x90000000ULL);

	reserved = memblock_reserved_pages();
	KTAP_EXPECT_EQ(t, totalram_pages(), 262144 - reserved);
	expected_memory_line(line, sizeof(line), &layout_1g, 262144, reserved, 0, 0x10000);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	if (!printk_log_since(mark, line))
		ktap_info("expected: %s", line);
	/* reserved = image + mem_map (+ a page of pageblock bitmaps) */
	KTAP_EXPECT_LE(t, reserved,
		       PFN_UP(image_bytes(&layout_1g)) + PFN_UP(262144 * sizeof(struct page)) + 2);
	/* On the target the same line's reserved is <= 1% of RAM (image here: 2 MiB). */
	KTAP_EXPECT_LE(t,
		       (PFN_UP(image_bytes(&layout_1g)) * 4096 + 262144UL * ARM_STRUCT_PAGE_SIZE +
			8192) * 100,
		       MB(1024));
}

static void mm_init_64m_has_an_empty_highmem_zone(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	unsigned long reserved;
	char line[320];

	host_mm_boot(&layout_64m);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "  Normal   [mem 0x0000000060000000-0x0000000063ffffff]\n"
					  "  HighMem  empty\n"));
	KTAP_EXPECT_EQ(t, NORMAL->spanned_pages, 16384);
	KTAP_EXPECT_EQ(t, HIGHMEM->spanned_pages, 0);
	KTAP_EXPECT_EQ(t, HIGHMEM->present_pages, 0);
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->nr_zones, 1);
	KTAP_EXPECT_EQ(t, totalhigh_pages(), 0);
	reserved = memblock_reserved_pages();
	expected_memory_line(line, sizeof(line), &layout_64m, 16384, reserved, 0, 0);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
}

static void mm_init_256m_is_all_lowmem(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	char line[320];

	host_mm_boot(&layout_256m);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "  Normal   [mem 0x0000000060000000-0x000000006fffffff]\n"
					  "  HighMem  empty\n"));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(
			   mark,
			   "Initmem setup node 0 [mem 0x0000000060000000-0x000000006fffffff]\n"));
	KTAP_EXPECT_EQ(t, NORMAL->spanned_pages, 65536);
	expected_memory_line(line, sizeof(line), &layout_256m, 65536, memblock_reserved_pages(), 0,
			     0);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
}

static void mm_init_two_banks_span_the_hole_but_do_not_count_it(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	char line[320];

	host_mm_boot(&layout_two_banks);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(
			   mark,
			   "Early memory node ranges\n"
			   "  node   0: [mem 0x0000000060000000-0x0000000067ffffff]\n"
			   "  node   0: [mem 0x0000000080000000-0x0000000087ffffff]\n"
			   "Initmem setup node 0 [mem 0x0000000060000000-0x0000000087ffffff]\n"));
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->node_spanned_pages, 0x28000);
	KTAP_EXPECT_EQ(t, NODE_DATA(0)->node_present_pages, 0x10000);
	KTAP_EXPECT_EQ(t, NORMAL->spanned_pages, 0x24000);
	KTAP_EXPECT_EQ(t, NORMAL->present_pages, 0xc000);
	KTAP_EXPECT_EQ(t, HIGHMEM->zone_start_pfn, 0x84000);
	KTAP_EXPECT_EQ(t, HIGHMEM->present_pages, 0x4000);
	KTAP_EXPECT_FALSE(t, pfn_valid(0x68000));
	KTAP_EXPECT_FALSE(t, pfn_valid(0x7ffff));
	KTAP_EXPECT_TRUE(t, pfn_valid(0x80000));
	/* A hole of whole pageblocks is not "unavailable" in Linux's count. */
	KTAP_EXPECT_FALSE(t, printk_log_since(mark, "unavailable ranges"));
	expected_memory_line(line, sizeof(line), &layout_two_banks, 0x10000,
			     memblock_reserved_pages(), 0, 0x4000);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
}

/*
 * mem_map's share of RAM, as the target would have it: the pages memblock
 * still holds for it (after the hole's part went back), scaled to the
 * target's struct page size.
 */
static unsigned long long arm_mem_map_bytes(const struct host_mm_layout *l)
{
	unsigned long pages = memblock_reserved_pages() - PFN_UP(image_bytes(l)) - 1;

	return (unsigned long long)pages * PAGE_SIZE * ARM_STRUCT_PAGE_SIZE / sizeof(struct page);
}

static void mm_init_mem_map_stays_below_0_8_percent_of_ram(struct ktap_test *t)
{
	static const struct {
		const struct host_mm_layout *layout;
		phys_addr_t ram;
	} cases[] = {
		{&layout_64m, MB(64)},
		{&layout_256m, MB(256)},
		{&layout_1g, MB(1024)},
		{&layout_two_banks, MB(256)},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long bytes;

		host_mm_boot(cases[i].layout);
		bytes = arm_mem_map_bytes(cases[i].layout);
		ktap_info("%llu MiB: mem_map %llu KiB on ARM (%llu.%02llu%%)",
			  (unsigned long long)cases[i].ram >> 20, bytes >> 10,
			  bytes * 100 / cases[i].ram, bytes * 10000 / cases[i].ram % 100);
		KTAP_EXPECT_LE(t, bytes * 1000, cases[i].ram * 8);
	}
	/* Without freeing the hole's part, two banks would need 0x28000 struct pages. */
	KTAP_EXPECT_GT(t, 0x28000ULL * ARM_STRUCT_PAGE_SIZE * 1000, MB(256) * 8);
}

static void mm_init_struct_page_is_28_bytes_on_32_bit(struct ktap_test *t)
{
	if (sizeof(void *) == 4)
		KTAP_EXPECT_EQ(t, sizeof(struct page), ARM_STRUCT_PAGE_SIZE);
	else
		KTAP_EXPECT_EQ(t, sizeof(struct page), 48); /* the same fields, 64-bit */
}

static void mm_init_memory_line_reports_cma_and_highmem_like_linux(struct ktap_test *t)
{
	const phys_addr_t cma_base = 0x9f000000; /* where Linux puts 16 MiB on this machine */
	size_t mark;
	char line[320];
	unsigned long reserved;

	host_mm_setup_memblock(&layout_1g);
	memblock_reserve(cma_base, MB(16));
	totalcma_pages = 4096; /* as cma.c counts it at reservation */
	mark = printk_log_mark();
	host_mm_boot_rest(&layout_1g);
	reserved = memblock_reserved_pages() - 4096;
	expected_memory_line(line, sizeof(line), &layout_1g, 262144, reserved, 4096,
			     0x10000 - 4096);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "K reserved, 16384K cma-reserved, 245760K highmem)\n"));
	/* Then cma_init_reserved_areas() lends the pageblocks to the buddy allocator. */
	for (phys_addr_t b = cma_base; b < cma_base + MB(16); b += pageblock_nr_pages * PAGE_SIZE)
		init_cma_reserved_pageblock(phys_to_page(b));
	KTAP_EXPECT_EQ(t, HIGHMEM->cma_pages, 4096);
	KTAP_EXPECT_EQ(t, zone_managed_pages(HIGHMEM), 0x10000);
	KTAP_EXPECT_EQ(t, zone_page_state(HIGHMEM, NR_FREE_CMA_PAGES), 4096);
	totalcma_pages = 0;
}

static void mm_init_nomap_memory_is_present_but_never_free(struct ktap_test *t)
{
	static const struct host_mm_layout layout = {
		.mem = {{0x60000000, MB(64)}},
		.nr_mem = 1,
		.nomap = {{0x61000000, MB(1)}},
		.nr_nomap = 1,
	};
	struct page *page;

	host_mm_boot(&layout);
	page = phys_to_page(0x61000000);
	KTAP_EXPECT_EQ(t, NORMAL->present_pages, 16384);
	KTAP_EXPECT_TRUE(t, pfn_valid(page_to_pfn(page)));
	KTAP_EXPECT_TRUE(t, PageReserved(page));
	KTAP_EXPECT_TRUE(t, PageReserved(phys_to_page(0x610ff000)));
	KTAP_EXPECT_FALSE(t, PageReserved(phys_to_page(0x61100000)));
	KTAP_EXPECT_EQ(t, zone_managed_pages(NORMAL), 16384 - 256 - memblock_reserved_pages());
}

static void mm_init_free_reserved_area_gives_init_memory_back(struct ktap_test *t)
{
	unsigned long ram_before, pages;
	size_t mark;
	long free_before;

	host_mm_boot(&layout_64m);
	drain_all_pages(NULL);
	ram_before = totalram_pages();
	free_before = zone_page_state(NORMAL, NR_FREE_PAGES);
	mark = printk_log_mark();
	pages = free_reserved_area(__init_begin, __init_end, PAGE_POISON,
				   "unused kernel image (initmem)");
	KTAP_EXPECT_EQ(t, pages, layout_64m.init >> PAGE_SHIFT);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "Freeing unused kernel image (initmem) memory: 256K\n"));
	KTAP_EXPECT_EQ(t, totalram_pages(), ram_before + pages);
	KTAP_EXPECT_FALSE(t, PageReserved(virt_to_page(__init_begin)));
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, zone_page_state(NORMAL, NR_FREE_PAGES), free_before + (long)pages);
	/* memblock_free_late() (memblock_discard's path) works the same way. */
	memblock_free_late(0x60008000, PAGE_SIZE);
	KTAP_EXPECT_EQ(t, totalram_pages(), ram_before + pages + 1);
	KTAP_EXPECT_FALSE(t, PageReserved(phys_to_page(0x60008000)));
}

/*
 * Only PG_reserved memory is the caller's to give.  A range
 * freed twice, or a page someone allocated, is refused: reported with the
 * caller, nothing poisoned, nothing freed, so no page reaches the free
 * lists twice or while its owner holds it.
 */
static void mm_init_free_reserved_area_refuses_a_page_that_is_not_reserved(struct ktap_test *t)
{
	unsigned long ram_before, reports_before;
	struct page *mine;
	u8 *init, *mine_addr;
	size_t mark;
	long free_before;

	host_mm_boot(&layout_64m);
	mine = alloc_page(GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, mine != NULL);
	mine_addr = page_address(mine);
	memset(mine_addr, 0x11, PAGE_SIZE);
	init = (u8 *)__init_begin;
	KTAP_EXPECT_EQ(t, free_reserved_area(__init_begin, __init_end, -1, NULL),
		       layout_64m.init >> PAGE_SHIFT);
	init[0] = 0x22; /* pretend someone got the page and wrote to it */
	drain_all_pages(NULL);
	ram_before = totalram_pages();
	free_before = zone_page_state(NORMAL, NR_FREE_PAGES);
	reports_before = bad_page_reports;
	mark = printk_log_mark();

	KTAP_EXPECT_EQ(t, free_reserved_area(__init_begin, __init_end, PAGE_POISON, "x"), 0);
	KTAP_EXPECT_EQ(t, init[0], 0x22);
	free_reserved_page(mine);
	KTAP_EXPECT_EQ(t, free_reserved_area(mine_addr, mine_addr + PAGE_SIZE, PAGE_POISON, "y"),
		       0);
	KTAP_EXPECT_EQ(t, bad_page_reports, reports_before + 3);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "BUG: Bad page state in process"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "free_reserved_area: page is not reserved"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "free_reserved_page: page is not reserved"));
	KTAP_EXPECT_EQ(t, mine_addr[0], 0x11);
	KTAP_EXPECT_EQ(t, page_count(mine), 1);
	drain_all_pages(NULL);
	KTAP_EXPECT_EQ(t, totalram_pages(), ram_before);
	KTAP_EXPECT_EQ(t, zone_page_state(NORMAL, NR_FREE_PAGES), free_before);
	__free_page(mine);
}

static void mm_init_boot_can_repeat_with_another_layout(struct ktap_test *t)
{
	host_mm_boot(&layout_1g);
	host_mm_boot(&layout_64m);
	KTAP_EXPECT_EQ(t, totalhigh_pages(), 0);
	KTAP_EXPECT_EQ(t, get_num_physpages(), 16384);
	KTAP_EXPECT_EQ(t, totalram_pages(), 16384 - memblock_reserved_pages());
	KTAP_EXPECT_TRUE(t, alloc_pages(GFP_HIGHUSER_MOVABLE, 0) != NULL);
}

static struct ktap_case mm_init_cases[] = {
	KTAP_CASE(mm_init_1g_splits_normal_and_highmem_at_0x90000000),
	KTAP_CASE(mm_init_64m_has_an_empty_highmem_zone),
	KTAP_CASE(mm_init_256m_is_all_lowmem),
	KTAP_CASE(mm_init_two_banks_span_the_hole_but_do_not_count_it),
	KTAP_CASE(mm_init_mem_map_stays_below_0_8_percent_of_ram),
	KTAP_CASE(mm_init_struct_page_is_28_bytes_on_32_bit),
	KTAP_CASE(mm_init_memory_line_reports_cma_and_highmem_like_linux),
	KTAP_CASE(mm_init_nomap_memory_is_present_but_never_free),
	KTAP_CASE(mm_init_free_reserved_area_gives_init_memory_back),
	KTAP_CASE(mm_init_free_reserved_area_refuses_a_page_that_is_not_reserved),
	KTAP_CASE(mm_init_boot_can_repeat_with_another_layout),
	{}};
KTAP_SUITE(mm_init, mm_init_cases);
