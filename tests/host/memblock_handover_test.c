// SPDX-License-Identifier: GPL-2.0
/*
 * The end of memblock, through the real page allocator: after the
 * hand-over, a reserved array that grew during boot is given back
 * (memblock_discard → memblock_free_late → the buddy allocator), the
 * static arrays are in use again, memory's array is kept (pfn_valid reads
 * it), and memblock_free_late frees exactly the whole pages of a range.
 */
#include "host_mm.h"
#include "ktap.h"
#include "memblock.h"
#include "mm.h"
#include "page-flags.h"

static const struct host_mm_layout layout = {
	.mem = {{0x60000000, MB(32)}},
	.nr_mem = 1,
	HOST_MM_TEST_IMAGE,
};

/* A page is free when the buddy (or a pcp list) owns it: no reference, not reserved. */
static bool page_is_free(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return !PageReserved(page) && page_ref_count(page) == 0;
}

static void memblock_discard_gives_a_grown_array_to_the_buddy_allocator(struct ktap_test *t)
{
	struct memblock_region *memory_array;
	phys_addr_t array, array_size;
	unsigned long before;

	host_mm_setup_memblock(&layout);
	memblock_allow_resize();
	/* Enough separate reservations to double the reserved array once. */
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS + 8; i++)
		memblock_reserve(0x61000000 + 2 * i * PAGE_SIZE, PAGE_SIZE);
	memblock_reserve(0x61800000, 4 * PAGE_SIZE); /* for memblock_free_late below */
	KTAP_ASSERT_EQ(t, memblock.reserved.max, 2 * INIT_MEMBLOCK_RESERVED_REGIONS);
	array = __pa(memblock.reserved.regions);
	array_size = memblock.reserved.max * sizeof(struct memblock_region);
	memory_array = memblock.memory.regions;
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(array, array_size));

	host_mm_boot_rest(&layout); /* mm_core_init(): hand-over, then memblock_discard() */

	KTAP_EXPECT_EQ(t, memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
	KTAP_EXPECT_TRUE(t, memblock.memory.regions == memory_array);
	for (phys_addr_t pa = array; pa < array + array_size; pa += PAGE_SIZE)
		KTAP_EXPECT_TRUE(t, page_is_free(PFN_DOWN(pa)));
	/* The reservations themselves stay reserved pages. */
	KTAP_EXPECT_FALSE(t, page_is_free(PFN_DOWN(0x61000000)));
	KTAP_EXPECT_TRUE(t, page_is_free(PFN_DOWN(0x61000000) + 1));

	/* Late freeing gives back the whole pages of a range, and only those. */
	before = totalram_pages();
	memblock_free_late(0x61800800, 0x3000); /* whole pages: 0x61801 and 0x61802 */
	KTAP_EXPECT_EQ(t, totalram_pages(), before + 2);
	KTAP_EXPECT_FALSE(t, page_is_free(PFN_DOWN(0x61800000)));
	KTAP_EXPECT_TRUE(t, page_is_free(PFN_DOWN(0x61801000)));
	KTAP_EXPECT_TRUE(t, page_is_free(PFN_DOWN(0x61802000)));
	KTAP_EXPECT_FALSE(t, page_is_free(PFN_DOWN(0x61803000)));

	/* Giving back a page that is already free is a double free: reported, not counted. */
	before = totalram_pages();
	size_t mark = printk_log_mark();

	memblock_free_late(0x61801000, PAGE_SIZE);
	KTAP_EXPECT_EQ(t, totalram_pages(), before);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "BUG: Bad page state in process swapper  pfn:61801"));
}

static struct ktap_case memblock_handover_cases[] = {
	KTAP_CASE(memblock_discard_gives_a_grown_array_to_the_buddy_allocator), {}};
KTAP_SUITE(memblock_handover, memblock_handover_cases);
