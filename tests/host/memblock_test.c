// SPDX-License-Identifier: GPL-2.0
/*
 * memblock unit tests: every operation of mm/memblock.c, with the edge cases
 * that matter at boot (address 0, the top of the 64-bit space, flags that
 * keep regions apart, arrays that must grow, the exact dump text).
 * Every case starts from memblock_reset() (the suite's init hook).
 */
#include "ktap.h"
#include "kernel.h"
#include "memblock.h"
#include "printk.h"
#include "../../mm/internal.h"
#include <asm/cache.h>
#include <asm/memory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RAM   0x60000000ULL		  /* vexpress-a9's DRAM */
#define TOP   (PHYS_ADDR_MAX - SZ_4K + 1) /* the last page of the 64-bit space */
#define SZ_8G (2 * SZ_4G)

struct rgn {
	phys_addr_t base, size;
	unsigned int flags;
};

/* Does @type hold exactly @n regions equal to @exp, with a matching total_size? */
static void expect_regions(struct ktap_test *t, int line, const struct memblock_type *type,
			   const struct rgn *exp, unsigned long n)
{
	phys_addr_t total = 0;

	if (type->cnt != n) {
		ktap_fail(t, __FILE__, line, "%s.cnt is %lu, expected %lu", type->name, type->cnt,
			  n);
		return;
	}
	for (unsigned long i = 0; i < n; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base != exp[i].base || r->size != exp[i].size || r->flags != exp[i].flags)
			ktap_fail(t, __FILE__, line,
				  "%s[%lu] is [0x%llx +0x%llx flags %#x], expected [0x%llx +0x%llx "
				  "flags %#x]",
				  type->name, i, (unsigned long long)r->base,
				  (unsigned long long)r->size, r->flags,
				  (unsigned long long)exp[i].base, (unsigned long long)exp[i].size,
				  exp[i].flags);
		total += exp[i].size;
	}
	if (type->total_size != total)
		ktap_fail(t, __FILE__, line, "%s.total_size is 0x%llx, expected 0x%llx", type->name,
			  (unsigned long long)type->total_size, (unsigned long long)total);
}

/* A region, or a region with flags, for EXPECT_REGIONS. */
#define R(b, s)             \
	{                   \
		(b), (s), 0 \
	}
#define RF(b, s, f)           \
	{                     \
		(b), (s), (f) \
	}

#define EXPECT_REGIONS(t, set, ...)                                                   \
	expect_regions(t, __LINE__, &memblock.set, (const struct rgn[]){__VA_ARGS__}, \
		       sizeof((const struct rgn[]){__VA_ARGS__}) / sizeof(struct rgn))
#define EXPECT_EMPTY(t, set) expect_regions(t, __LINE__, &memblock.set, NULL, 0)

static int memblock_test_init(struct ktap_test *t)
{
	(void)t;
	memblock_reset();
	memblock_debug = false;
	return 0;
}

/* ---------------------------------------------------------------- add */

static void memblock_starts_empty_with_a_zero_size_dummy(struct ktap_test *t)
{
	EXPECT_EMPTY(t, memory);
	EXPECT_EMPTY(t, reserved);
	KTAP_EXPECT_EQ(t, memblock.memory.regions[0].size, 0);
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 0);
	KTAP_EXPECT_EQ(t, memblock_start_of_DRAM(), 0);
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), 0);
	KTAP_EXPECT_FALSE(t, memblock_is_memory(0));
	KTAP_EXPECT_FALSE(t, memblock_bottom_up());
	KTAP_EXPECT_EQ(t, memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
}

static void memblock_add_keeps_regions_sorted(struct ktap_test *t)
{
	KTAP_EXPECT_EQ(t, memblock_add(0x30000, 0x1000), 0);
	KTAP_EXPECT_EQ(t, memblock_add(0x10000, 0x1000), 0);
	KTAP_EXPECT_EQ(t, memblock_add(0x20000, 0x1000), 0);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x1000), R(0x20000, 0x1000), R(0x30000, 0x1000));
	KTAP_EXPECT_EQ(t, memblock_start_of_DRAM(), 0x10000);
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), 0x31000);
}

static void memblock_add_merges_adjacent_regions(struct ktap_test *t)
{
	memblock_add(0x20000, 0x10000);
	memblock_add(0x10000, 0x10000); /* touches from below */
	memblock_add(0x30000, 0x10000); /* touches from above */
	EXPECT_REGIONS(t, memory, R(0x10000, 0x30000));
}

static void memblock_add_merges_overlaps_without_double_counting(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	memblock_add(0x18000, 0x10000); /* overlaps the top half */
	memblock_add(0x12000, 0x1000);	/* entirely inside */
	memblock_add(0x10000, 0x18000); /* exactly what is there */
	EXPECT_REGIONS(t, memory, R(0x10000, 0x18000));
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 0x18000);
}

static void memblock_add_bridging_range_merges_three_regions(struct ktap_test *t)
{
	memblock_add(0x10000, 0x1000);
	memblock_add(0x20000, 0x1000);
	memblock_add(0x30000, 0x1000);
	memblock_add(0x10800,
		     0x20000); /* overlaps the first, swallows the second, reaches the third */
	EXPECT_REGIONS(t, memory, R(0x10000, 0x21000));
}

static void memblock_add_at_address_zero_works(struct ktap_test *t)
{
	memblock_add(0x1000, 0x1000);
	memblock_add(0, 0x1000);
	EXPECT_REGIONS(t, memory, R(0, 0x2000));
	KTAP_EXPECT_TRUE(t, memblock_is_memory(0));
	KTAP_EXPECT_EQ(t, memblock_start_of_DRAM(), 0);
	memblock_remove(0, 0x1000);
	EXPECT_REGIONS(t, memory, R(0x1000, 0x1000));
	memblock_reserve(0, 1);
	EXPECT_REGIONS(t, reserved, R(0, 1));
	KTAP_EXPECT_TRUE(t, memblock_is_reserved(0));
}

static void memblock_add_at_top_of_address_space_stops_below_2_pow_64(struct ktap_test *t)
{
	/* The exclusive end 2^64 is not representable: the last byte is cut off, as in Linux. */
	KTAP_EXPECT_EQ(t, memblock_add(TOP, SZ_4K), 0);
	EXPECT_REGIONS(t, memory, R(TOP, SZ_4K - 1));
	memblock_add(TOP - SZ_4K, SZ_4K);
	EXPECT_REGIONS(t, memory, R(TOP - SZ_4K, 2 * SZ_4K - 1));
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), PHYS_ADDR_MAX);
	KTAP_EXPECT_TRUE(t, memblock_is_memory(PHYS_ADDR_MAX - 1));
	KTAP_EXPECT_FALSE(t, memblock_is_memory(PHYS_ADDR_MAX));
	KTAP_EXPECT_TRUE(t, memblock_is_region_memory(TOP, SZ_4K));
}

static void memblock_add_with_overflowing_size_clamps_instead_of_wrapping(struct ktap_test *t)
{
	memblock_add(0x1000, 0x1000);
	KTAP_EXPECT_EQ(t, memblock_add(TOP, SZ_1M), 0);
	EXPECT_REGIONS(t, memory, R(0x1000, 0x1000), R(TOP, SZ_4K - 1));
	memblock_reset();
	KTAP_EXPECT_EQ(t, memblock_add(0x5000, PHYS_ADDR_MAX), 0);
	EXPECT_REGIONS(t, memory, R(0x5000, PHYS_ADDR_MAX - 0x5000));
	KTAP_EXPECT_FALSE(t, memblock_is_memory(0x4fff));
}

static void memblock_zero_size_operations_change_nothing(struct ktap_test *t)
{
	KTAP_EXPECT_EQ(t, memblock_add(0x1000, 0), 0);
	KTAP_EXPECT_EQ(t, memblock_reserve(0x1000, 0), 0);
	EXPECT_EMPTY(t, memory);
	EXPECT_EMPTY(t, reserved);
	memblock_add(0x1000, 0x1000);
	KTAP_EXPECT_EQ(t, memblock_remove(0x1000, 0), 0);
	KTAP_EXPECT_EQ(t, memblock_mark_nomap(0x1000, 0), 0);
	EXPECT_REGIONS(t, memory, R(0x1000, 0x1000));
}

static void memblock_add_node_records_flags_of_new_parts_only(struct ktap_test *t)
{
	memblock_add(0x10000, 0x1000);
	KTAP_EXPECT_EQ(t, memblock_add_node(0xf000, 0x3000, 0, MEMBLOCK_HOTPLUG), 0);
	EXPECT_REGIONS(t, memory, RF(0xf000, 0x1000, MEMBLOCK_HOTPLUG), R(0x10000, 0x1000),
		       RF(0x11000, 0x1000, MEMBLOCK_HOTPLUG));
}

/* ---------------------------------------------------------------- flags */

static void memblock_flags_prevent_merging_of_touching_regions(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	KTAP_EXPECT_EQ(t, memblock_mark_nomap(0x10000, 0x8000), 0);
	EXPECT_REGIONS(t, memory, RF(0x10000, 0x8000, MEMBLOCK_NOMAP), R(0x18000, 0x8000));
	memblock_add(0x20000, 0x1000); /* merges with the flag-less neighbour only */
	EXPECT_REGIONS(t, memory, RF(0x10000, 0x8000, MEMBLOCK_NOMAP), R(0x18000, 0x9000));
	KTAP_EXPECT_EQ(t, memblock_clear_nomap(0x10000, 0x8000), 0);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x11000));
}

static void memblock_mark_nomap_in_the_middle_splits_in_three(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	memblock_mark_nomap(0x14000, 0x4000);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x4000), RF(0x14000, 0x4000, MEMBLOCK_NOMAP),
		       R(0x18000, 0x8000));
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 0x10000);
}

static void memblock_flags_combine_and_clear_independently(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	memblock_mark_hotplug(0x10000, 0x8000);
	memblock_mark_nomap(0x14000, 0x8000);
	EXPECT_REGIONS(t, memory, RF(0x10000, 0x4000, MEMBLOCK_HOTPLUG),
		       RF(0x14000, 0x4000, MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP),
		       RF(0x18000, 0x4000, MEMBLOCK_NOMAP), R(0x1c000, 0x4000));
	memblock_clear_hotplug(0, PHYS_ADDR_MAX); /* the hand-over's idiom: everything */
	EXPECT_REGIONS(t, memory, R(0x10000, 0x4000), RF(0x14000, 0x8000, MEMBLOCK_NOMAP),
		       R(0x1c000, 0x4000));
}

static void memblock_mark_nomap_outside_memory_does_nothing(struct ktap_test *t)
{
	memblock_add(0x10000, 0x1000);
	memblock_mark_nomap(0x20000, 0x1000);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x1000));
	EXPECT_EMPTY(t, reserved);
}

/* ---------------------------------------------------------------- remove, reserve, free */

static void memblock_remove_splits_a_region_in_three_and_drops_the_middle(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	KTAP_EXPECT_EQ(t, memblock_remove(0x14000, 0x4000), 0);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x4000), R(0x18000, 0x8000));
	KTAP_EXPECT_FALSE(t, memblock_is_memory(0x14000));
	KTAP_EXPECT_TRUE(t, memblock_is_memory(0x13fff));
	KTAP_EXPECT_TRUE(t, memblock_is_memory(0x18000));
}

static void memblock_remove_across_regions_trims_both_edges(struct ktap_test *t)
{
	memblock_add(0x10000, 0x1000);
	memblock_add(0x20000, 0x1000);
	memblock_add(0x30000, 0x1000);
	memblock_remove(0x10800, 0x20000);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x800), R(0x30800, 0x800));
}

static void memblock_remove_to_phys_addr_max_drops_everything_above(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	memblock_add(0x880000000ull, SZ_1G);
	memblock_add(TOP, SZ_4K);
	memblock_remove(0x18000, PHYS_ADDR_MAX);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x8000));
	memblock_remove(0, PHYS_ADDR_MAX);
	EXPECT_EMPTY(t, memory);
	KTAP_EXPECT_EQ(t, memblock.memory.regions[0].size, 0);
}

static void memblock_remove_at_zero_and_top_of_address_space(struct ktap_test *t)
{
	memblock_add(0, 0x2000);
	memblock_add(TOP - SZ_4K, 2 * SZ_4K);
	memblock_remove(0, 0x1000);
	memblock_remove(TOP, SZ_4K);
	EXPECT_REGIONS(t, memory, R(0x1000, 0x1000), R(TOP - SZ_4K, SZ_4K));
}

static void memblock_reserve_merges_and_may_lie_outside_memory(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	memblock_reserve(0x11000, 0x1000);
	memblock_reserve(0x12000, 0x1000);
	memblock_reserve(0x40000, 0x2000); /* firmware outside RAM */
	EXPECT_REGIONS(t, reserved, R(0x11000, 0x2000), R(0x40000, 0x2000));
	KTAP_EXPECT_EQ(t, memblock_reserved_size(), 0x4000);
	EXPECT_REGIONS(t, memory, R(0x10000, 0x10000));
}

static void memblock_phys_free_releases_part_of_a_reservation(struct ktap_test *t)
{
	memblock_reserve(0x10000, 0x10000);
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x14000, 0x4000), 0);
	EXPECT_REGIONS(t, reserved, R(0x10000, 0x4000), R(0x18000, 0x8000));
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x10000, 0x4000), 0);
	EXPECT_REGIONS(t, reserved, R(0x18000, 0x8000));
}

/*
 * A free of what is not (all) reserved is the caller's bug — a
 * double free, a wrong size, a neighbour's range.  It is reported with the
 * caller and nothing changes.
 */
static void memblock_phys_free_of_unreserved_memory_is_refused(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	memblock_reserve(0x10000, 0x10000);
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x8000, 0x10000), -EINVAL); /* overlaps the low edge */
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x50000, 0x1000), -EINVAL); /* not reserved at all */
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x10000, 0x10001), -EINVAL); /* one byte too many */
	EXPECT_REGIONS(t, reserved, R(0x10000, 0x10000));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "memblock_phys_free: [0x00008000-0x00017fff] "
						   "is not all reserved: nothing freed (caller "));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "WARNING: at mm/memblock.c:"));
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x10000, 0x10000), 0);
	KTAP_EXPECT_EQ(t, memblock_phys_free(0x10000, 0x10000), -EINVAL); /* twice */
	EXPECT_EMPTY(t, reserved);
}

static void memblock_free_takes_a_virtual_address_and_ignores_null(struct ktap_test *t)
{
	void *p;

	host_ram_setup(RAM, SZ_1M);
	memblock_add(RAM, SZ_1M);
	p = memblock_alloc(SZ_8K, SZ_4K);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(__pa(p), SZ_8K));
	memblock_free(p, SZ_4K);
	EXPECT_REGIONS(t, reserved, R(__pa(p) + SZ_4K, SZ_4K));
	memblock_free(NULL, SZ_4K);
	EXPECT_REGIONS(t, reserved, R(__pa(p) + SZ_4K, SZ_4K));
}

/* ---------------------------------------------------------------- allocation */

static void memblock_alloc_is_top_down_by_default(struct ktap_test *t)
{
	memblock_add(RAM, SZ_1M);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), RAM + SZ_1M - SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), RAM + SZ_1M - SZ_8K);
	EXPECT_REGIONS(t, reserved, R(RAM + SZ_1M - SZ_8K, SZ_8K));
}

static void memblock_alloc_bottom_up_starts_at_the_lowest_free_byte(struct ktap_test *t)
{
	memblock_add(RAM, SZ_1M);
	memblock_reserve(RAM, 0x123);
	memblock_set_bottom_up(true);
	KTAP_EXPECT_TRUE(t, memblock_bottom_up());
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(0x100, 0x10), RAM + 0x130);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), RAM + SZ_4K);
	EXPECT_REGIONS(t, reserved, R(RAM, 0x123), R(RAM + 0x130, 0x100), R(RAM + SZ_4K, SZ_4K));
}

static void memblock_alloc_honours_every_alignment_in_both_directions(struct ktap_test *t)
{
	static const phys_addr_t aligns[] = {1, 8, 64, SZ_4K, SZ_64K, SZ_1M, SZ_16M};

	for (int dir = 0; dir < 2; dir++) {
		for (size_t i = 0; i < ARRAY_SIZE(aligns); i++) {
			phys_addr_t a;

			memblock_reset();
			memblock_set_bottom_up(dir);
			memblock_add(RAM, SZ_64M);
			/* Make both ends of free memory misaligned for everything above 1. */
			memblock_reserve(RAM, 0x333);
			memblock_reserve(RAM + SZ_64M - 0x333, 0x333);
			a = memblock_phys_alloc(0x777, aligns[i]);
			KTAP_EXPECT_NE(t, a, 0);
			KTAP_EXPECT_EQ(t, a % aligns[i], 0);
			KTAP_EXPECT_GE(t, a, RAM + 0x333);
			KTAP_EXPECT_LE(t, a + 0x777, RAM + SZ_64M - 0x333);
			/* The closest aligned block to the starting end, not just any. */
			if (dir)
				KTAP_EXPECT_EQ(t, a, ALIGN(RAM + 0x333, aligns[i]));
			else
				KTAP_EXPECT_EQ(t, a,
					       ALIGN_DOWN(RAM + SZ_64M - 0x333 - 0x777, aligns[i]));
			KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(a, 0x777));
		}
	}
}

static void memblock_alloc_stays_below_current_limit(struct ktap_test *t)
{
	memblock_add(RAM, SZ_1M);
	memblock_set_current_limit(RAM + SZ_512K);
	KTAP_EXPECT_EQ(t, memblock_get_current_limit(), RAM + SZ_512K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), RAM + SZ_512K - SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE),
		       RAM + SZ_512K - SZ_8K);
	/* An explicit end is the caller's business, as in Linux. */
	KTAP_EXPECT_EQ(t, memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, RAM + SZ_1M),
		       RAM + SZ_1M - SZ_4K);
	memblock_set_current_limit(RAM);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
}

static void memblock_phys_alloc_range_stays_inside_start_and_end(struct ktap_test *t)
{
	memblock_add(RAM, SZ_16M);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc_range(SZ_64K, SZ_4K, RAM + SZ_1M, RAM + SZ_2M),
		       RAM + SZ_2M - SZ_64K);
	memblock_set_bottom_up(true);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc_range(SZ_64K, SZ_4K, RAM + SZ_1M, RAM + SZ_2M),
		       RAM + SZ_1M);
	/* A window too small for the block. */
	KTAP_EXPECT_EQ(
		t, memblock_phys_alloc_range(SZ_64K, SZ_4K, RAM + SZ_4M, RAM + SZ_4M + SZ_32K), 0);
}

static void memblock_alloc_avoids_reserved_and_nomap_memory(struct ktap_test *t)
{
	memblock_add(RAM, 8 * SZ_4K);
	memblock_reserve(RAM + 7 * SZ_4K, SZ_4K);	 /* top page reserved */
	memblock_mark_nomap(RAM + 5 * SZ_4K, 2 * SZ_4K); /* the two below it NOMAP */
	memblock_reserve(RAM + 2 * SZ_4K, SZ_4K);	 /* and a hole in the middle */
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(2 * SZ_4K, SZ_4K), RAM + 3 * SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(2 * SZ_4K, SZ_4K), RAM);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	/* NOMAP memory is still memory, just never handed out. */
	KTAP_EXPECT_TRUE(t, memblock_is_memory(RAM + 5 * SZ_4K));
	KTAP_EXPECT_FALSE(t, memblock_is_map_memory(RAM + 5 * SZ_4K));
}

static void memblock_alloc_does_not_span_regions_with_different_flags(struct ktap_test *t)
{
	memblock_add(RAM, 2 * SZ_4K);
	memblock_mark_hotplug(RAM + SZ_4K, SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(2 * SZ_4K, SZ_4K), 0);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), RAM + SZ_4K);
}

static void memblock_alloc_failure_returns_zero_or_null_with_a_message(struct ktap_test *t)
{
	size_t mark;

	memblock_add(RAM, SZ_1M);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_2M, SZ_4K), 0);
	mark = printk_log_mark();
	KTAP_EXPECT_TRUE(t, memblock_alloc(SZ_2M, SZ_4K) == NULL);
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(
			mark, "memblock_alloc: Failed to allocate 2097152 bytes align=0x1000\n"));
	EXPECT_EMPTY(t, reserved);
	mark = printk_log_mark();
	KTAP_EXPECT_TRUE(t, memblock_alloc_try_nid(SZ_2M, SZ_8K, 0, 0, -1) == NULL);
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(
			mark,
			"memblock_alloc_try_nid: Failed to allocate 2097152 bytes align=0x2000\n"));
}

static void memblock_alloc_returns_zeroed_memory_at_the_linear_address(struct ktap_test *t)
{
	unsigned char *p;

	host_ram_setup(RAM, SZ_1M);
	memset(__va(RAM), 0xa5, SZ_1M);
	memblock_add(RAM, SZ_1M);
	p = memblock_alloc(SZ_64K, SZ_4K);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, __pa(p), RAM + SZ_1M - SZ_64K);
	for (size_t i = 0; i < SZ_64K; i++)
		if (p[i]) {
			KTAP_EXPECT_EQ(t, p[i], 0);
			break;
		}
	KTAP_EXPECT_EQ(t, p[-1], 0xa5); /* and nothing outside it */
}

static void memblock_alloc_never_returns_page_zero(struct ktap_test *t)
{
	memblock_add(0, 2 * SZ_4K);
	memblock_set_bottom_up(true);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0));
}

static void memblock_alloc_rejects_zero_size_and_non_power_of_two_alignment(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	phys_addr_t a;

	memblock_add(RAM, SZ_1M);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(0, SZ_4K), 0);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "zero-size allocation refused"));
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, 3), 0);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "alignment 0x3 is not a power of two"));
	EXPECT_EMPTY(t, reserved);
	/* No alignment means the cache line, as Linux's SMP_CACHE_BYTES fallback. */
	memblock_reserve(RAM + SZ_1M - 1, 1);
	a = memblock_phys_alloc(0x10, 0);
	KTAP_EXPECT_EQ(t, a, RAM + SZ_1M - SMP_CACHE_BYTES);
}

static void memblock_alloc_try_nid_drops_min_addr_when_nothing_fits_above(struct ktap_test *t)
{
	void *p;

	host_ram_setup(RAM, SZ_1M);
	memblock_add(RAM, SZ_1M);
	memblock_reserve(RAM + SZ_512K, SZ_512K);
	p = memblock_alloc_try_nid(SZ_4K, SZ_4K, RAM + SZ_512K, MEMBLOCK_ALLOC_ACCESSIBLE, -1);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, __pa(p), RAM + SZ_512K - SZ_4K);
	/* max_addr above the current limit is brought down to it. */
	memblock_set_current_limit(RAM + SZ_256K);
	p = memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, -1);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, __pa(p), RAM + SZ_256K - SZ_4K);
}

static void memblock_alloc_low_stays_below_4g(struct ktap_test *t)
{
	void *p;

	host_ram_setup(SZ_4G - SZ_1M, SZ_2M);
	memblock_add(SZ_4G - SZ_1M, SZ_2M);
	p = memblock_alloc_low(SZ_4K, SZ_4K);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, __pa(p), SZ_4G - 2 * SZ_4K); /* 0xffffffff is exclusive */
	p = memblock_alloc(SZ_4K, SZ_4K);
	KTAP_ASSERT_TRUE(t, p != NULL);
	KTAP_EXPECT_EQ(t, __pa(p), SZ_4G + SZ_1M - SZ_4K);
}

static void memblock_alloc_works_at_the_top_of_address_space(struct ktap_test *t)
{
	memblock_add(TOP - SZ_64K, SZ_64K + SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), TOP - SZ_4K);
	memblock_set_bottom_up(true);
	KTAP_EXPECT_EQ(t, memblock_phys_alloc(SZ_4K, SZ_4K), TOP - SZ_64K);
	/* Rounding up past the top must fail, not wrap to 0. */
	KTAP_EXPECT_EQ(t, memblock_phys_alloc_range(0x10, SZ_1G, TOP, 0), 0);
}

/* ---------------------------------------------------------------- growing the arrays */

static void
memblock_full_array_before_allow_resize_refuses_only_what_needs_a_slot(struct ktap_test *t)
{
	size_t mark;

	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		KTAP_ASSERT_EQ(t, memblock_reserve(RAM + 2 * i * SZ_4K, SZ_4K), 0);
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, memblock_reserve(SZ_4G, SZ_4K), -ENOMEM);
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "memblock: reserved array is full (128 regions)"));
	KTAP_EXPECT_EQ(t, memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS);
	/* What needs no new slot still works: re-reserving, freeing whole regions. */
	KTAP_EXPECT_EQ(t, memblock_reserve(RAM, SZ_4K), 0);
	KTAP_EXPECT_EQ(t, memblock_phys_free(RAM, SZ_4K), 0);
	KTAP_EXPECT_EQ(t, memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS - 1);
	/* Freeing the middle of a region needs two more slots; only one is left. */
	KTAP_EXPECT_EQ(t, memblock_phys_free(RAM + 2 * SZ_4K + 0x800, 0x100), -ENOMEM);
	KTAP_EXPECT_EQ(t, memblock_phys_free(RAM + 2 * SZ_4K, 0x100), 0); /* one cut: fits */
	KTAP_EXPECT_EQ(t, memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS - 1);
	KTAP_EXPECT_TRUE(t, memblock_is_reserved(RAM + 2 * SZ_4K + 0x100));
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(RAM + 2 * SZ_4K + 0xff));
}

static bool is_region_exactly_reserved(phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;

	for_each_memblock (reserved, r)
		if (r->base <= base && base + size <= r->base + r->size)
			return true;
	return false;
}

static void memblock_reserved_array_doubles_for_1000_reservations(struct ktap_test *t)
{
	struct memblock_region *seen[8];
	int nseen = 0;

	host_ram_setup(RAM, SZ_16M);
	memblock_add(RAM, SZ_16M);
	memblock_allow_resize();
	for (int i = 0; i < 1000; i++) {
		KTAP_ASSERT_EQ(t, memblock_reserve(RAM + 2 * i * SZ_4K, SZ_4K), 0);
		if (memblock.reserved.regions != (nseen ? seen[nseen - 1] : NULL) && nseen < 8)
			seen[nseen++] = memblock.reserved.regions;
	}
	/* 128 (static) -> 256 -> 512 -> 1024 */
	KTAP_EXPECT_EQ(t, memblock.reserved.max, 1024);
	KTAP_EXPECT_EQ(t, nseen, 4);
	/* The 1000 reservations plus the live array, which lies away from them (top-down). */
	KTAP_EXPECT_EQ(t, memblock.reserved.cnt, 1001);
	for (int i = 0; i < 1000; i++)
		if (!memblock_is_reserved(RAM + 2 * i * SZ_4K + SZ_4K - 1) ||
		    memblock_is_reserved(RAM + (2 * i + 1) * SZ_4K)) {
			KTAP_EXPECT_TRUE(t, !"reservation pattern intact");
			break;
		}

	/* The live array is reserved; each one it replaced was freed again. */
	KTAP_EXPECT_TRUE(
		t, is_region_exactly_reserved(__pa(memblock.reserved.regions),
					      ALIGN(1024 * sizeof(struct memblock_region), SZ_4K)));
	for (int i = 1; i < nseen - 1; i++)
		KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(__pa(seen[i]), SZ_4K));
	KTAP_EXPECT_EQ(t, memblock_reserved_size(),
		       1000 * SZ_4K + ALIGN(1024 * sizeof(struct memblock_region), SZ_4K));
}

static void memblock_memory_array_doubles_and_reserves_itself(struct ktap_test *t)
{
	phys_addr_t array;

	host_ram_setup(RAM, SZ_16M);
	memblock_add(RAM + SZ_8M, SZ_8M); /* one big bank at the top for the array */
	memblock_allow_resize();
	for (int i = 0; i < 200; i++)
		KTAP_ASSERT_EQ(t, memblock_add(RAM + 2 * i * SZ_4K, SZ_4K), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 201);
	KTAP_EXPECT_EQ(t, memblock.memory.max, 256);
	array = __pa(memblock.memory.regions);
	KTAP_EXPECT_EQ(t, array, RAM + SZ_16M - SZ_8K);
	EXPECT_REGIONS(t, reserved, R(array, SZ_8K));
	KTAP_EXPECT_TRUE(t, memblock_is_memory(RAM + 2 * 199 * SZ_4K));
}

static void memblock_doubling_keeps_the_new_array_off_the_range_being_reserved(struct ktap_test *t)
{
	phys_addr_t top = RAM + SZ_64K - SZ_8K;

	host_ram_setup(RAM, SZ_64K);
	memblock_add(RAM, SZ_64K);
	/* Fill the reserved array with ranges outside memory. */
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		memblock_reserve(SZ_4G + 2 * i * SZ_4K, SZ_4K);
	memblock_allow_resize();
	/* Top-down, the array would land exactly on these two pages: they are not yet reserved. */
	KTAP_ASSERT_EQ(t, memblock_reserve(top, SZ_8K), 0);
	KTAP_EXPECT_EQ(t, __pa(memblock.reserved.regions), top - SZ_8K);
	KTAP_EXPECT_TRUE(t, is_region_exactly_reserved(top - SZ_8K, 2 * SZ_8K));
}

static void memblock_doubling_fails_cleanly_without_free_memory(struct ktap_test *t)
{
	size_t mark;

	memblock_add(RAM, SZ_4K);
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		memblock_reserve(SZ_4G + 2 * i * SZ_4K, SZ_4K);
	memblock_allow_resize();
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, memblock_reserve(SZ_8G, SZ_4K), -ENOMEM);
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(
			mark,
			"memblock: Failed to double reserved array from 128 to 256 entries !\n"));
	KTAP_EXPECT_EQ(t, memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
}

/* ---------------------------------------------------------------- mem= and capping */

static void memblock_enforce_memory_limit_keeps_the_first_bytes_over_regions(struct ktap_test *t)
{
	memblock_add(0x10000000, SZ_1M);
	memblock_add(0x20000000, SZ_1M);
	memblock_mark_nomap(0x20000000, SZ_256K); /* NOMAP counts towards the limit */
	memblock_add(0x30000000, SZ_1M);
	memblock_reserve(0x100ff000, SZ_4K);
	memblock_reserve(0x2007f000, SZ_8K); /* straddles the cut */
	memblock_reserve(0x30000000, SZ_4K);
	memblock_reserve(0x40000000, SZ_4K); /* outside memory, above the cut */

	memblock_enforce_memory_limit(SZ_1M + SZ_512K);
	EXPECT_REGIONS(t, memory, R(0x10000000, SZ_1M), RF(0x20000000, SZ_256K, MEMBLOCK_NOMAP),
		       R(0x20040000, SZ_256K));
	EXPECT_REGIONS(t, reserved, R(0x100ff000, SZ_4K), R(0x2007f000, SZ_4K));
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), SZ_1M + SZ_512K);
}

static void memblock_enforce_memory_limit_ignores_zero_and_oversized_limits(struct ktap_test *t)
{
	memblock_add(0x10000000, SZ_1M);
	memblock_reserve(0x50000000, SZ_4K);
	memblock_enforce_memory_limit(0);
	memblock_enforce_memory_limit(SZ_2M);
	EXPECT_REGIONS(t, memory, R(0x10000000, SZ_1M));
	EXPECT_REGIONS(t, reserved, R(0x50000000, SZ_4K));
	/* Exactly all of memory: memory stays, reservations above its end go. */
	memblock_enforce_memory_limit(SZ_1M);
	EXPECT_REGIONS(t, memory, R(0x10000000, SZ_1M));
	EXPECT_EMPTY(t, reserved);
}

static void memblock_cap_memory_range_keeps_nomap_outside_the_range(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	memblock_cap_memory_range(0, SZ_1M);
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "memblock_cap_memory_range: No memory registered yet"));

	memblock_add(0x10000000, SZ_1M);
	memblock_add(0x20000000, SZ_1M);
	memblock_mark_nomap(0x20000000, SZ_4K);
	memblock_add(0x30000000, SZ_1M);
	memblock_reserve(0x0ffff000, SZ_8K);
	memblock_reserve(0x30000000, SZ_4K);
	memblock_cap_memory_range(0x10080000, SZ_512K);
	EXPECT_REGIONS(t, memory, R(0x10080000, SZ_512K), RF(0x20000000, SZ_4K, MEMBLOCK_NOMAP));
	EXPECT_EMPTY(t, reserved);
}

/* ---------------------------------------------------------------- queries */

static void memblock_region_queries_respect_edges_and_flags(struct ktap_test *t)
{
	memblock_add(0x10000, 0x10000);
	memblock_mark_nomap(0x18000, 0x8000);
	memblock_reserve(0x12000, 0x1000);

	KTAP_EXPECT_TRUE(t, memblock_is_region_memory(0x10000, 0x8000));
	/* Spanning two regions (different flags) does not count. */
	KTAP_EXPECT_FALSE(t, memblock_is_region_memory(0x17000, 0x2000));
	KTAP_EXPECT_FALSE(t, memblock_is_region_memory(0x1f000, 0x2000));
	KTAP_EXPECT_TRUE(t, memblock_is_map_memory(0x17fff));
	KTAP_EXPECT_FALSE(t, memblock_is_map_memory(0x18000));
	KTAP_EXPECT_FALSE(t, memblock_is_map_memory(0x20000));

	KTAP_EXPECT_TRUE(t, memblock_is_reserved(0x12000));
	KTAP_EXPECT_TRUE(t, memblock_is_reserved(0x12fff));
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x13000));
	KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(0x11000, 0x1000)); /* touches below */
	KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(0x13000, 0x1000)); /* touches above */
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(0x11fff, 2));
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(0x12fff, PHYS_ADDR_MAX));
}

/* ---------------------------------------------------------------- iterators */

struct range {
	phys_addr_t start, end;
};

#define EXPECT_WALK(t, iterator, ...)                                  \
	do {                                                           \
		static const struct range _exp[] = {__VA_ARGS__};      \
		phys_addr_t _s, _e;                                    \
		size_t _n = 0;                                         \
		u64 _i;                                                \
		iterator(_i, &_s, &_e)                                 \
		{                                                      \
			if (_n < ARRAY_SIZE(_exp)) {                   \
				KTAP_EXPECT_EQ(t, _s, _exp[_n].start); \
				KTAP_EXPECT_EQ(t, _e, _exp[_n].end);   \
			}                                              \
			_n++;                                          \
		}                                                      \
		KTAP_EXPECT_EQ(t, _n, ARRAY_SIZE(_exp));               \
	} while (0)

static void memblock_free_ranges_are_exactly_memory_minus_reserved(struct ktap_test *t)
{
	memblock_add(0x1000, 0xf000);	/* [0x1000, 0x10000) */
	memblock_add(0x20000, 0x10000); /* [0x20000, 0x30000) */
	memblock_mark_nomap(0x28000, 0x2000);
	memblock_reserve(0, 0x2000);	   /* covers the first region's low edge */
	memblock_reserve(0x4000, 0x1000);  /* a hole */
	memblock_reserve(0xf000, 0x12000); /* across the gap between the regions */
	memblock_reserve(0x40000, 0x1000); /* outside memory: no effect on free ranges */

	EXPECT_WALK(t, for_each_free_mem_range, {0x2000, 0x4000}, {0x5000, 0xf000},
		    {0x21000, 0x28000}, {0x2a000, 0x30000});
	EXPECT_WALK(t, for_each_mem_range, {0x1000, 0x10000}, {0x20000, 0x28000},
		    {0x2a000, 0x30000});
	EXPECT_WALK(t, for_each_reserved_mem_range, {0, 0x2000}, {0x4000, 0x5000},
		    {0xf000, 0x21000}, {0x40000, 0x41000});
}

static void memblock_next_mem_range_includes_nomap_when_asked(struct ktap_test *t)
{
	phys_addr_t s, e;
	u64 i = 0;

	memblock_add(0x1000, 0x1000);
	memblock_mark_nomap(0x1000, 0x1000);
	__next_mem_range(&i, MEMBLOCK_NONE, &memblock.memory, &memblock.reserved, &s, &e);
	KTAP_EXPECT_EQ(t, i, ULLONG_MAX);
	i = 0;
	__next_mem_range(&i, MEMBLOCK_NOMAP, &memblock.memory, &memblock.reserved, &s, &e);
	KTAP_EXPECT_NE(t, i, ULLONG_MAX);
	KTAP_EXPECT_EQ(t, s, 0x1000);
	KTAP_EXPECT_EQ(t, e, 0x2000);
	/* NULL outputs are allowed. */
	i = 0;
	__next_mem_range(&i, MEMBLOCK_NOMAP, &memblock.memory, NULL, NULL, NULL);
	KTAP_EXPECT_NE(t, i, ULLONG_MAX);
}

static void memblock_free_ranges_of_empty_sets(struct ktap_test *t)
{
	phys_addr_t s, e;
	u64 i;
	int n = 0;

	for_each_free_mem_range (i, &s, &e)
		n++;
	KTAP_EXPECT_EQ(t, n, 0);
	memblock_add(0, 0x1000);
	memblock_add(TOP, SZ_4K);
	EXPECT_WALK(t, for_each_free_mem_range, {0, 0x1000}, {TOP, PHYS_ADDR_MAX});
	memblock_reserve(0, PHYS_ADDR_MAX);
	for_each_free_mem_range (i, &s, &e)
		n++;
	KTAP_EXPECT_EQ(t, n, 0);
}

static void memblock_mem_pfn_ranges_round_inwards_and_include_nomap(struct ktap_test *t)
{
	unsigned long s, e, got[3][2];
	int i, n = 0;

	memblock_add(0x1800, 0x2000);  /* only page 2 is whole */
	memblock_add(0x5100, 0x800);   /* no whole page: skipped */
	memblock_add(0x10000, 0x4000); /* pages 0x10-0x13 */
	memblock_mark_nomap(0x12000, 0x2000);
	for_each_mem_pfn_range (i, &s, &e) {
		if (n < 3) {
			got[n][0] = s;
			got[n][1] = e;
		}
		n++;
	}
	KTAP_ASSERT_EQ(t, n, 3);
	KTAP_EXPECT_EQ(t, got[0][0], 2);
	KTAP_EXPECT_EQ(t, got[0][1], 3);
	KTAP_EXPECT_EQ(t, got[1][0], 0x10);
	KTAP_EXPECT_EQ(t, got[1][1], 0x12);
	KTAP_EXPECT_EQ(t, got[2][0], 0x12);
	KTAP_EXPECT_EQ(t, got[2][1], 0x14);
}

/* ---------------------------------------------------------------- dump and debug */

static void memblock_dump_all_prints_linux_format(struct ktap_test *t)
{
	static const char expected[] =
		"MEMBLOCK configuration:\n"
		" memory size = 0x50000000 reserved size = 0x00031000\n"
		" memory.cnt  = 0x2\n"
		" memory[0x0]\t[0x60000000-0x6fffffff], 0x10000000 bytes flags: 0x0\n"
		" memory[0x1]\t[0x880000000-0x8bfffffff], 0x40000000 bytes flags: 0x4\n"
		" reserved.cnt  = 0x3\n"
		" reserved[0x0]\t[0x00000000-0x00000fff], 0x00001000 bytes flags: 0x0\n"
		" reserved[0x1]\t[0x60010000-0x6002ffff], 0x00020000 bytes flags: 0x0\n"
		" reserved[0x2]\t[0x6fff0000-0x6fffffff], 0x00010000 bytes flags: 0x0\n";
	char buf[1024];
	size_t mark;

	memblock_add(0x60000000, SZ_256M);
	memblock_add(0x880000000ull, SZ_1G);
	memblock_mark_nomap(0x880000000ull, SZ_1G);
	memblock_reserve(0x60010000, SZ_128K);
	memblock_reserve(0x6fff0000, SZ_64K);
	memblock_reserve(0, SZ_4K);

	mark = printk_log_mark();
	memblock_dump_all(); /* without memblock=debug: silent, as Linux */
	KTAP_EXPECT_EQ(t, printk_log_mark(), mark);

	memblock_debug = true;
	memblock_dump_all();
	printk_log_copy(mark, buf, sizeof(buf));
	KTAP_EXPECT_STREQ(t, buf, expected);

	mark = printk_log_mark();
	memblock_debug = false;
	__memblock_dump_all();
	printk_log_copy(mark, buf, sizeof(buf));
	KTAP_EXPECT_STREQ(t, buf, expected);
}

static void memblock_dump_all_of_empty_sets(struct ktap_test *t)
{
	char buf[256];
	size_t mark = printk_log_mark();

	__memblock_dump_all();
	printk_log_copy(mark, buf, sizeof(buf));
	KTAP_EXPECT_STREQ(t, buf,
			  "MEMBLOCK configuration:\n"
			  " memory size = 0x00000000 reserved size = 0x00000000\n"
			  " memory.cnt  = 0x0\n"
			  " reserved.cnt  = 0x0\n");
}

/* Calls through a known function so the logged caller can be checked. */
static noinline int reserve_from_here(phys_addr_t base, phys_addr_t size)
{
	return memblock_reserve(base, size);
}

static void memblock_debug_logs_each_call_with_its_caller(struct ktap_test *t)
{
	char buf[2048], *line;
	unsigned long ip;
	size_t mark;

	host_ram_setup(RAM, SZ_1M);
	memblock_add(RAM, SZ_1M);
	mark = printk_log_mark();
	memblock_reserve(RAM, SZ_4K);
	KTAP_EXPECT_EQ(t, printk_log_mark(), mark); /* silent without memblock=debug */

	memblock_debug = true;
	reserve_from_here(0x60000000, 0x20000);
	printk_log_copy(mark, buf, sizeof(buf));
	line = strstr(buf, "memblock_reserve: [0x60000000-0x6001ffff] 0x");
	KTAP_ASSERT_TRUE(t, line != NULL);
	/* The host has no symbol table, so %pS prints the return address. */
	ip = strtoul(line + strlen("memblock_reserve: [0x60000000-0x6001ffff] "), NULL, 16);
	KTAP_EXPECT_GT(t, ip, (unsigned long)reserve_from_here);
	KTAP_EXPECT_LT(t, ip, (unsigned long)reserve_from_here + 4096);

	mark = printk_log_mark();
	memblock_add(0x70000000, SZ_4K);
	memblock_add_node(0x71000000, SZ_4K, 0, MEMBLOCK_HOTPLUG);
	memblock_remove(0x70000000, SZ_4K);
	memblock_remove(0x71000000, SZ_4K); /* not backed by host RAM */
	memblock_phys_free(0x60000000, SZ_4K);
	memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, 0);
	memblock_alloc(SZ_8K, SZ_4K);
	memblock_debug = false;
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "memblock_add: [0x70000000-0x70000fff] 0x"));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark,
				    "memblock_add_node: [0x71000000-0x71000fff] nid=0 flags=1 0x"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "memblock_remove: [0x70000000-0x70000fff] 0x"));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "memblock_phys_free: [0x60000000-0x60000fff] 0x"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark,
					     "memblock_phys_alloc_range: 4096 bytes align=0x1000 "
					     "from=0x00000000 max_addr=0x00000000 0x"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "memblock_reserve: [0x600ff000-0x600fffff] 0x"));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "memblock_alloc_try_nid: 8192 bytes align=0x1000 "
						"nid=-1 from=0x00000000 max_addr=0x00000000 0x"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "memblock_reserve: [0x600fd000-0x600fefff] 0x"));
}

static void memblock_debug_logs_array_doubling(struct ktap_test *t)
{
	size_t mark;

	host_ram_setup(RAM, SZ_1M);
	memblock_add(RAM, SZ_1M);
	memblock_allow_resize();
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		memblock_reserve(SZ_4G + 2 * i * SZ_4K, SZ_4K);
	mark = printk_log_mark();
	memblock_debug = true;
	memblock_reserve(SZ_8G, SZ_4K);
	memblock_debug = false;
	KTAP_EXPECT_TRUE(
		t,
		printk_log_since(
			mark, "memblock: reserved is doubled to 256 at [0x600fe000-0x600ff7ff]\n"));
}

/* ---------------------------------------------------------------- end of boot */

static void memblock_reset_restores_static_arrays_and_defaults(struct ktap_test *t)
{
	host_ram_setup(RAM, SZ_1M);
	memblock_add(RAM, SZ_1M);
	memblock_allow_resize();
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS + 1; i++)
		memblock_reserve(SZ_4G + 2 * i * SZ_4K, SZ_4K);
	memblock_set_bottom_up(true);
	memblock_set_current_limit(RAM);
	memblock_reset();
	EXPECT_EMPTY(t, memory);
	EXPECT_EMPTY(t, reserved);
	KTAP_EXPECT_EQ(t, memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
	KTAP_EXPECT_FALSE(t, memblock_bottom_up());
	KTAP_EXPECT_EQ(t, memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
	/* Resizing is forbidden again. */
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		memblock_reserve(SZ_4G + 2 * i * SZ_4K, SZ_4K);
	KTAP_EXPECT_EQ(t, memblock_reserve(SZ_8G, SZ_4K), -ENOMEM);
}

static struct ktap_case memblock_cases[] = {
	KTAP_CASE(memblock_starts_empty_with_a_zero_size_dummy),
	KTAP_CASE(memblock_add_keeps_regions_sorted),
	KTAP_CASE(memblock_add_merges_adjacent_regions),
	KTAP_CASE(memblock_add_merges_overlaps_without_double_counting),
	KTAP_CASE(memblock_add_bridging_range_merges_three_regions),
	KTAP_CASE(memblock_add_at_address_zero_works),
	KTAP_CASE(memblock_add_at_top_of_address_space_stops_below_2_pow_64),
	KTAP_CASE(memblock_add_with_overflowing_size_clamps_instead_of_wrapping),
	KTAP_CASE(memblock_zero_size_operations_change_nothing),
	KTAP_CASE(memblock_add_node_records_flags_of_new_parts_only),
	KTAP_CASE(memblock_flags_prevent_merging_of_touching_regions),
	KTAP_CASE(memblock_mark_nomap_in_the_middle_splits_in_three),
	KTAP_CASE(memblock_flags_combine_and_clear_independently),
	KTAP_CASE(memblock_mark_nomap_outside_memory_does_nothing),
	KTAP_CASE(memblock_remove_splits_a_region_in_three_and_drops_the_middle),
	KTAP_CASE(memblock_remove_across_regions_trims_both_edges),
	KTAP_CASE(memblock_remove_to_phys_addr_max_drops_everything_above),
	KTAP_CASE(memblock_remove_at_zero_and_top_of_address_space),
	KTAP_CASE(memblock_reserve_merges_and_may_lie_outside_memory),
	KTAP_CASE(memblock_phys_free_releases_part_of_a_reservation),
	KTAP_CASE(memblock_phys_free_of_unreserved_memory_is_refused),
	KTAP_CASE(memblock_free_takes_a_virtual_address_and_ignores_null),
	KTAP_CASE(memblock_alloc_is_top_down_by_default),
	KTAP_CASE(memblock_alloc_bottom_up_starts_at_the_lowest_free_byte),
	KTAP_CASE(memblock_alloc_honours_every_alignment_in_both_directions),
	KTAP_CASE(memblock_alloc_stays_below_current_limit),
	KTAP_CASE(memblock_phys_alloc_range_stays_inside_start_and_end),
	KTAP_CASE(memblock_alloc_avoids_reserved_and_nomap_memory),
	KTAP_CASE(memblock_alloc_does_not_span_regions_with_different_flags),
	KTAP_CASE(memblock_alloc_failure_returns_zero_or_null_with_a_message),
	KTAP_CASE(memblock_alloc_returns_zeroed_memory_at_the_linear_address),
	KTAP_CASE(memblock_alloc_never_returns_page_zero),
	KTAP_CASE(memblock_alloc_rejects_zero_size_and_non_power_of_two_alignment),
	KTAP_CASE(memblock_alloc_try_nid_drops_min_addr_when_nothing_fits_above),
	KTAP_CASE(memblock_alloc_low_stays_below_4g),
	KTAP_CASE(memblock_alloc_works_at_the_top_of_address_space),
	KTAP_CASE(memblock_full_array_before_allow_resize_refuses_only_what_needs_a_slot),
	KTAP_CASE(memblock_reserved_array_doubles_for_1000_reservations),
	KTAP_CASE(memblock_memory_array_doubles_and_reserves_itself),
	KTAP_CASE(memblock_doubling_keeps_the_new_array_off_the_range_being_reserved),
	KTAP_CASE(memblock_doubling_fails_cleanly_without_free_memory),
	KTAP_CASE(memblock_enforce_memory_limit_keeps_the_first_bytes_over_regions),
	KTAP_CASE(memblock_enforce_memory_limit_ignores_zero_and_oversized_limits),
	KTAP_CASE(memblock_cap_memory_range_keeps_nomap_outside_the_range),
	KTAP_CASE(memblock_region_queries_respect_edges_and_flags),
	KTAP_CASE(memblock_free_ranges_are_exactly_memory_minus_reserved),
	KTAP_CASE(memblock_next_mem_range_includes_nomap_when_asked),
	KTAP_CASE(memblock_free_ranges_of_empty_sets),
	KTAP_CASE(memblock_mem_pfn_ranges_round_inwards_and_include_nomap),
	KTAP_CASE(memblock_dump_all_prints_linux_format),
	KTAP_CASE(memblock_dump_all_of_empty_sets),
	KTAP_CASE(memblock_debug_logs_each_call_with_its_caller),
	KTAP_CASE(memblock_debug_logs_array_doubling),
	KTAP_CASE(memblock_reset_restores_static_arrays_and_defaults),
	{}};

static struct ktap_suite memblock_suite = {
	.name = "memblock",
	.cases = memblock_cases,
	.init = memblock_test_init,
};
KTAP_SUITE_DEFINE(memblock_suite);
