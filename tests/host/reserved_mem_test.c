// SPDX-License-Identifier: GPL-2.0
/*
 * What the kernel must not hand out: /memreserve/, /reserved-memory
 * (boot/of_reserved_mem.c) and ARM's reservations of the kernel, initrd and
 * DTB with mem= (arch/arm/mm/init.c), each checked against memblock and the
 * lines printed.
 *
 * Every board here has 256 MiB at 0x60000000, the kernel at 0x60010000-
 * 0x60090000 and the DTB at 0x60800000.
 */
#include "early_boot_helpers.h"
#include "cma.h"

/* An initialiser of the test binary's own, to watch the claiming protocol. */
static int test_pool_calls;
static struct reserved_mem test_pool_seen;

static int test_pool_init(struct reserved_mem *rmem)
{
	test_pool_calls++;
	test_pool_seen = *rmem;
	return 0;
}
RESERVEDMEM_OF_DECLARE(test_pool, "a9mm,test-pool", test_pool_init);

static int test_decline_init(struct reserved_mem *rmem)
{
	(void)rmem;
	return -EBUSY;
}
RESERVEDMEM_OF_DECLARE(test_decline, "a9mm,test-decline", test_decline_init);

static int rmem_suite_init(struct ktap_test *t)
{
	test_pool_calls = 0;
	memset(&test_pool_seen, 0, sizeof(test_pool_seen));
	return early_boot_suite_init(t);
}

/* Root, 256 MiB of memory, and an open /reserved-memory: add children, then rmem_board_end. */
static void rmem_board_begin(struct dt *d, int cells)
{
	dt_begin(d, cells, cells);
	dt_memory(d, "memory@60000000", 0x60000000, 0x10000000);
	dt_resmem_begin(d);
}

static int rmem_board_end(struct dt *d)
{
	dt_end(d); /* /reserved-memory */
	return dt_finish(d);
}

/* A /reserved-memory child with a static reg and optional flags (NULL-terminated). */
static void rmem_static(struct dt *d, const char *name, u64 base, u64 size, const char *compat,
			const char *flag1, const char *flag2)
{
	dt_node(d, name);
	if (compat)
		dt_str(d, "compatible", compat);
	dt_reg(d, base, size);
	if (flag1)
		dt_flag(d, flag1);
	if (flag2)
		dt_flag(d, flag2);
	dt_end(d);
}

/* ---------------------------------------------------------------- /memreserve/ */

static void rmem_memreserve_entries_are_reserved(struct ktap_test *t)
{
	static struct dt d;
	const u64 rsv[] = {0x61000000, 0x100000, 0x62000000, 0x10000};

	dt_begin_rsv(&d, 1, 1, rsv, 2);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x61000000, 0x100000));
	KTAP_EXPECT_TRUE(t, reserved_covers(0x62000000, 0x10000));
}

static void rmem_memreserve_over_the_kernel_is_refused(struct ktap_test *t)
{
	static struct dt d;
	const u64 rsv[] = {0x60000000, 0x100000};
	size_t mark = printk_log_mark();

	dt_begin_rsv(&d, 1, 1, rsv, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: /memreserve/ 0x60000000 - 0x60100000 overlaps the kernel "
		   "image at 0x60010000 - 0x60090000: skipped\n");
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x60000000));
	KTAP_EXPECT_TRUE(t, reserved_covers(TEST_LOAD, TEST_KERNEL_END - TEST_LOAD));
}

static void rmem_memreserve_over_the_dtb_is_accepted(struct ktap_test *t)
{
	static struct dt d;
	const u64 rsv[] = {TEST_DTB_PHYS, 0x2000};
	size_t mark = printk_log_mark();

	dt_begin_rsv(&d, 1, 1, rsv, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_NO_LOG(t, mark, "skipped");
	KTAP_EXPECT_TRUE(t, reserved_covers(TEST_DTB_PHYS, 0x2000));
}

static void rmem_wrapping_memreserve_is_refused(struct ktap_test *t)
{
	static struct dt d;
	const u64 rsv[] = {0xfffffffffffff000ULL, 0x2000};
	size_t mark = printk_log_mark();

	dt_begin_rsv(&d, 1, 1, rsv, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: /memreserve/ 0xfffffffffffff000 + 0x2000 wraps around the "
		   "end of the address space: skipped\n");
}

/*
 * More entries than memblock's static reserved array holds.  The
 * array must grow while they are reserved, and not onto a region the DT
 * still has to reserve: top-down it would land at the top of RAM, where a
 * static /reserved-memory region waits.
 */
static void
rmem_more_memreserve_entries_than_the_static_array_all_stay_reserved(struct ktap_test *t)
{
	enum { N = 2 * INIT_MEMBLOCK_RESERVED_REGIONS + 10 };
	static struct dt d;
	static u64 rsv[2 * N];
	phys_addr_t array, array_end;

	for (int i = 0; i < N; i++) {
		rsv[2 * i] = 0x61000000 + 2 * i * PAGE_SIZE;
		rsv[2 * i + 1] = PAGE_SIZE;
	}
	dt_begin_rsv(&d, 1, 1, rsv, N);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_resmem_begin(&d);
	rmem_static(&d, "top@6ff00000", 0x6ff00000, 0x100000, NULL, NULL, NULL);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	for (int i = 0; i < N; i++)
		if (!KTAP_EXPECT_TRUE(t, reserved_covers(rsv[2 * i], PAGE_SIZE)))
			break;
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6ff00000, 0x100000));
	KTAP_EXPECT_GT(t, memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
	array = __pa(memblock.reserved.regions);
	array_end = array + memblock.reserved.max * sizeof(struct memblock_region);
	KTAP_EXPECT_TRUE(t, array_end <= 0x6ff00000);
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(array, array_end - array));
}

/*
 * When the array cannot grow at all (every free page is itself a
 * /memreserve/ entry), the entries that do not fit are reported and the
 * boot is refused: their pages must never reach the page allocator.
 */
static void rmem_memreserve_that_cannot_be_reserved_refuses_the_boot(struct ktap_test *t)
{
	enum { N = INIT_MEMBLOCK_RESERVED_REGIONS + 10 };
	static struct dt d;
	static u64 rsv[2 * (N + 2)];
	size_t mark = printk_log_mark();

	/* All of RAM but the kernel, then entries outside RAM (firmware areas, say). */
	rsv[0] = 0x60000000;
	rsv[1] = TEST_LOAD - 0x60000000;
	rsv[2] = TEST_KERNEL_END;
	rsv[3] = 0x70000000 - TEST_KERNEL_END;
	for (int i = 0; i < N; i++) {
		rsv[4 + 2 * i] = 0x50000000 + 2 * i * PAGE_SIZE;
		rsv[4 + 2 * i + 1] = PAGE_SIZE;
	}
	dt_begin_rsv(&d, 1, 1, rsv, N + 2);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_boot(&d), -ENOMEM);
	EXPECT_LOG(t, mark, "could not be reserved\n");
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: 11 region(s) the device tree reserves could not be "
		   "reserved: the page allocator would hand them out\n");
}

/* ---------------------------------------------------------------- static regions */

static void rmem_static_region_is_reserved_and_recorded(struct ktap_test *t)
{
	static struct dt d;
	struct reserved_mem *rmem;

	rmem_board_begin(&d, 1);
	rmem_static(&d, "fw@6e000000", 0x6e000000, 0x100000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e000000, 0x100000));
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e000000), MEMBLOCK_NONE);
	KTAP_ASSERT_EQ(t, of_reserved_mem_count(), 1);
	rmem = of_reserved_mem_lookup_name("fw@6e000000");
	KTAP_ASSERT_TRUE(t, rmem != NULL);
	KTAP_EXPECT_EQ(t, rmem->base, 0x6e000000);
	KTAP_EXPECT_EQ(t, rmem->size, 0x100000);
	KTAP_EXPECT_FALSE(t, rmem->dynamic);
	KTAP_EXPECT_FALSE(t, rmem->claimed);
}

static void rmem_static_no_map_region_leaves_the_linear_map(struct ktap_test *t)
{
	static struct dt d;

	rmem_board_begin(&d, 1);
	rmem_static(&d, "nomap@6e800000", 0x6e800000, 0x100000, NULL, "no-map", NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e800000), MEMBLOCK_NOMAP);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e800000));
	KTAP_EXPECT_FALSE(t, memblock_is_map_memory(0x6e800000));
	KTAP_EXPECT_TRUE(t, of_reserved_mem_get(0)->nomap);
}

/* 256 MiB, /memreserve/ 0x6e000000 + 1 MiB, and one no-map node @name at @base, @size. */
static int rmem_nomap_over_memreserve(struct dt *d, const char *name, u64 base, u64 size)
{
	static const u64 rsv[] = {0x6e000000, 0x100000};

	dt_begin_rsv(d, 1, 1, rsv, 1);
	dt_memory(d, "memory@60000000", 0x60000000, 0x10000000);
	dt_resmem_begin(d);
	rmem_static(d, name, base, size, NULL, "no-map", NULL);
	return rmem_board_end(d);
}

static void rmem_no_map_over_memreserve_is_refused_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, rmem_nomap_over_memreserve(&d, "fw@6e000000", 0x6e000000, 0x100000), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Reserved memory: failed to reserve memory for node 'fw@6e000000': "
		   "base 0x6e000000, size 1 MiB\n");
	/* Still reserved by /memreserve/, still in the linear map, still in the table. */
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e000000, 0x100000));
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e000000), 0);
	KTAP_ASSERT_EQ(t, of_reserved_mem_count(), 1);
	KTAP_EXPECT_EQ(t, of_reserved_mem_get(0)->base, 0x6e000000);
	KTAP_EXPECT_EQ(t, of_reserved_mem_get(0)->size, 0x100000);
}

static void rmem_no_map_partly_over_memreserve_is_refused_whole_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	/* The first half is /memreserve/'s, the second is free: Linux touches neither. */
	KTAP_ASSERT_EQ(t, rmem_nomap_over_memreserve(&d, "fw@6e080000", 0x6e080000, 0x100000), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Reserved memory: failed to reserve memory for node 'fw@6e080000': "
		   "base 0x6e080000, size 1 MiB\n");
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e080000), 0);
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e100000), 0);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e100000));
	KTAP_EXPECT_TRUE(t, memblock_is_map_memory(0x6e170000));
}

static void rmem_no_map_next_to_memreserve_is_accepted(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, rmem_nomap_over_memreserve(&d, "fw@6e100000", 0x6e100000, 0x100000), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_NO_LOG(t, mark, "failed to reserve memory");
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e100000), MEMBLOCK_NOMAP);
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e000000), 0);
}

static void rmem_several_reg_tuples_are_all_reserved(struct ktap_test *t)
{
	static struct dt d;
	const u64 regs[] = {0x6e000000, 0x10000, 0x6e100000, 0x10000};

	rmem_board_begin(&d, 1);
	dt_node(&d, "two");
	dt_pairs(&d, "reg", regs, 2);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e000000, 0x10000));
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e100000, 0x10000));
	KTAP_EXPECT_EQ(t, of_reserved_mem_get(0)->base, 0x6e000000);
}

static void rmem_two_cell_reserved_memory_is_read(struct ktap_test *t)
{
	static struct dt d;

	rmem_board_begin(&d, 2);
	rmem_static(&d, "fw@6e000000", 0x6e000000, 0x100000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e000000, 0x100000));
}

static void rmem_vexpress_vram_outside_ram_makes_a_dma_pool_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "vram@4c000000", 0x4c000000, 0x800000, "shared-dma-pool", "no-map", NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "Reserved memory: created DMA memory pool at 0x4c000000, size 8 MiB\n");
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: initialized node vram@4c000000, compatible id "
		   "shared-dma-pool\n");
	EXPECT_NO_LOG(t, mark, "skipped");
	KTAP_EXPECT_TRUE(t, of_reserved_mem_lookup_name("vram@4c000000")->claimed);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
}

static void rmem_region_outside_ram_without_no_map_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "fb@4c000000", 0x4c000000, 0x800000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node fb@4c000000: 0x4c000000 - 0x4c800000 is outside RAM and "
		   "not no-map: skipped\n");
	KTAP_EXPECT_EQ(t, of_reserved_mem_count(), 0);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x4c000000));
}

static void rmem_region_partly_inside_ram_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "edge@6ff00000", 0x6ff00000, 0x200000, NULL, "no-map", NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node edge@6ff00000: 0x6ff00000 - 0x70100000 is only partly "
		   "inside RAM: skipped\n");
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6ff00000), MEMBLOCK_NONE);
}

static void rmem_region_over_the_kernel_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "bad@60000000", 0x60000000, 0x100000, NULL, "no-map", NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node bad@60000000: 0x60000000 - 0x60100000 overlaps the "
		   "kernel image at 0x60010000 - 0x60090000: skipped\n");
	KTAP_EXPECT_EQ(t, mem_flags_at(TEST_LOAD), MEMBLOCK_NONE);
	KTAP_EXPECT_TRUE(t, memblock_is_map_memory(TEST_LOAD));
}

static void rmem_region_over_the_dtb_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "bad@60800000", TEST_DTB_PHYS, 0x1000, NULL, "no-map", NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node bad@60800000: 0x60800000 - 0x60801000 overlaps "
		   "the device tree blob at 0x60800000");
	KTAP_EXPECT_EQ(t, mem_flags_at(TEST_DTB_PHYS), MEMBLOCK_NONE);
}

static void rmem_region_over_the_initrd_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_u32(&d, "linux,initrd-start", 0x64000000);
	dt_u32(&d, "linux,initrd-end", 0x64200000);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_resmem_begin(&d);
	rmem_static(&d, "bad@64100000", 0x64100000, 0x100000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node bad@64100000: 0x64100000 - 0x64200000 overlaps the "
		   "initrd at 0x64000000 - 0x64200000: skipped\n");
	KTAP_EXPECT_EQ(t, of_reserved_mem_count(), 0);
}

static void rmem_static_region_larger_than_ram_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "huge@68000000", 0x68000000, 0x20000000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node huge@68000000: 0x68000000 - 0x88000000 (512 MiB) is "
		   "larger than all of RAM (256 MiB): skipped\n");
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x68000000));
}

static void rmem_zero_size_reg_is_reported_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "z@6e000000", 0x6e000000, 0, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Reserved memory: failed to reserve memory for node 'z@6e000000': base "
		   "0x6e000000, size 0 MiB\n");
	KTAP_EXPECT_EQ(t, of_reserved_mem_count(), 0);
}

static void rmem_invalid_reg_length_skips_the_node_like_linux(struct ktap_test *t)
{
	static struct dt d;
	const fdt32_t reg[3] = {cpu_to_fdt32(0x6e000000), cpu_to_fdt32(0x1000),
				cpu_to_fdt32(0x6f000000)};
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	dt_node(&d, "bad");
	dt_raw(&d, "reg", reg, sizeof(reg));
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Reserved memory: invalid reg property in 'bad', skipping node.\n");
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e000000));
}

static void rmem_unsupported_reserved_memory_format_is_ignored_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_node(&d, "reserved-memory");
	dt_u32(&d, "#address-cells", 1);
	dt_u32(&d, "#size-cells", 1);
	rmem_static(&d, "fw@6e000000", 0x6e000000, 0x100000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0); /* no "ranges" */
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "OF: fdt: Reserved memory: unsupported node format, ignoring\n");
	EXPECT_LOG(t, mark, "/reserved-memory has no ranges property (an empty one is required)\n");
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e000000));
}

/* Cell counts that differ from the root's are named, both pairs. */
static void rmem_reserved_memory_cells_unlike_the_root_are_named(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_node(&d, "reserved-memory");
	dt_u32(&d, "#address-cells", 2);
	dt_u32(&d, "#size-cells", 1);
	dt_flag(&d, "ranges");
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: /reserved-memory has #address-cells = <2>, #size-cells = <1> "
		   "(-1: absent or not one cell); the root has <1>, <1>: they must be the same\n");
	EXPECT_LOG(t, mark, "OF: fdt: Reserved memory: unsupported node format, ignoring\n");
}

static void rmem_disabled_node_is_skipped(struct ktap_test *t)
{
	static struct dt d;

	rmem_board_begin(&d, 1);
	dt_node(&d, "off@6e000000");
	dt_str(&d, "status", "disabled");
	dt_reg(&d, 0x6e000000, 0x100000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e000000));
	KTAP_EXPECT_EQ(t, of_reserved_mem_count(), 0);
}

static void rmem_node_without_reg_or_size_is_reported(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	dt_node(&d, "empty");
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "OF: reserved mem: node empty has neither reg nor size: ignored\n");
}

static void rmem_overlapping_regions_are_detected_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "a@6e000000", 0x6e000000, 0x200000, NULL, NULL, NULL);
	rmem_static(&d, "b@6e100000", 0x6e100000, 0x200000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: OVERLAP DETECTED!\na@6e000000 (0x6e000000--0x6e200000) "
		   "overlaps with b@6e100000 (0x6e100000--0x6e300000)\n");
}

static void rmem_table_full_is_reported_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();
	char name[32];

	rmem_board_begin(&d, 1);
	for (int i = 0; i < MAX_RESERVED_REGIONS + 1; i++) {
		u64 base = 0x6c000000 + (u64)i * 0x2000;

		scnprintf(name, sizeof(name), "r@%llx", base);
		rmem_static(&d, name, base, 0x1000, NULL, NULL, NULL);
	}
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "OF: reserved mem: not enough space for all defined regions.\n");
	KTAP_EXPECT_EQ(t, of_reserved_mem_count(), MAX_RESERVED_REGIONS);
}

/* ---------------------------------------------------------------- dynamic regions */

static void rmem_dynamic(struct dt *d, const char *name, u64 size, u64 align, const u64 *ranges,
			 int nranges)
{
	dt_node(d, name);
	dt_num(d, "size", size, d->sc);
	if (align)
		dt_num(d, "alignment", align, d->ac);
	if (nranges)
		dt_pairs(d, "alloc-ranges", ranges, nranges);
}

static void rmem_dynamic_region_is_allocated_top_down(struct ktap_test *t)
{
	static struct dt d;
	struct reserved_mem *rmem;

	rmem_board_begin(&d, 1);
	rmem_dynamic(&d, "dyn", 0x200000, 0, NULL, 0);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	rmem = of_reserved_mem_lookup_name("dyn");
	KTAP_ASSERT_TRUE(t, rmem != NULL);
	KTAP_EXPECT_EQ(t, rmem->base, 0x6fe00000);
	KTAP_EXPECT_EQ(t, rmem->size, 0x200000);
	KTAP_EXPECT_TRUE(t, rmem->dynamic);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6fe00000, 0x200000));
}

static void rmem_dynamic_alignment_is_honoured(struct ktap_test *t)
{
	static struct dt d;

	rmem_board_begin(&d, 1);
	rmem_static(&d, "top@6ff00000", 0x6ff00000, 0x100000, NULL, NULL, NULL);
	rmem_dynamic(&d, "aligned", 0x100000, 0x1000000, NULL, 0);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_EQ(t, of_reserved_mem_lookup_name("aligned")->base, 0x6f000000);
}

static void rmem_dynamic_region_avoids_static_ones(struct ktap_test *t)
{
	static struct dt d;

	rmem_board_begin(&d, 1);
	rmem_dynamic(&d, "dyn", 0x100000, 0, NULL, 0);
	dt_end(&d);
	rmem_static(&d, "top@6ff00000", 0x6ff00000, 0x100000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_EQ(t, of_reserved_mem_lookup_name("dyn")->base, 0x6fe00000);
}

/*
 * Dynamic regions all sort equal (base 0, size 0), and Linux's heapsort
 * leaves n of them as the 2nd, ..., nth, 1st: that is the order they are
 * allocated in, top-down, whatever the DT order was.
 */
static void rmem_dynamic_regions_are_placed_in_linux_sort_order(struct ktap_test *t)
{
	static struct dt d;
	static const char *const names[] = {"d0", "d1", "d2", "d3"};
	static const u64 want[] = {0x6fc00000, 0x6ff00000, 0x6fe00000, 0x6fd00000};

	rmem_board_begin(&d, 1);
	for (int i = 0; i < 4; i++) {
		rmem_dynamic(&d, names[i], 0x100000, 0x100000, NULL, 0);
		dt_end(&d);
	}
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	for (int i = 0; i < 4; i++)
		KTAP_EXPECT_EQ(t, of_reserved_mem_lookup_name(names[i])->base, want[i]);
}

static void rmem_dynamic_alloc_ranges_are_honoured_in_order(struct ktap_test *t)
{
	static struct dt d;
	const u64 ranges[] = {0x61000000, 0x100000, 0x64000000, 0x4000000};

	rmem_board_begin(&d, 1);
	/* 2 MiB cannot fit the first 1 MiB range, so the second one is used. */
	rmem_dynamic(&d, "ranged", 0x200000, 0, ranges, 2);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_EQ(t, of_reserved_mem_lookup_name("ranged")->base, 0x67e00000);
}

static void rmem_dynamic_no_map_region_is_unmapped(struct ktap_test *t)
{
	static struct dt d;
	struct reserved_mem *rmem;

	rmem_board_begin(&d, 1);
	rmem_dynamic(&d, "dynnomap", 0x100000, 0, NULL, 0);
	dt_flag(&d, "no-map");
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	rmem = of_reserved_mem_lookup_name("dynnomap");
	KTAP_EXPECT_EQ(t, mem_flags_at(rmem->base), MEMBLOCK_NOMAP);
}

static void rmem_dynamic_region_that_cannot_fit_is_reported_like_linux(struct ktap_test *t)
{
	static struct dt d;
	const u64 ranges[] = {0x40000000, 0x1000000};
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_dynamic(&d, "nowhere", 0x200000, 0, ranges, 1);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: failed to allocate memory for node 'nowhere': size 2 MiB\n");
}

static void rmem_dynamic_region_larger_than_ram_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();
	phys_addr_t reserved_before;

	rmem_board_begin(&d, 1);
	rmem_dynamic(&d, "huge", 0x50000000, 0, NULL, 0);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node huge: size 1280 MiB is larger than all of RAM (256 "
		   "MiB): skipped\n");
	reserved_before = memblock_reserved_size();
	/* Kernel and DTB, and the default 16 MiB CMA area arm_memblock_init() reserves. */
	KTAP_EXPECT_LT(t, reserved_before, 0x100000 + SZ_16M);
}

static void rmem_dynamic_bad_properties_are_reported(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_dynamic(&d, "oddalign", 0x100000, 0x3000, NULL, 0);
	dt_end(&d);
	dt_node(&d, "badsize");
	dt_u64(&d, "size", 0x100000);
	dt_end(&d);
	dt_node(&d, "badalign");
	dt_u32(&d, "size", 0x100000);
	dt_u64(&d, "alignment", 0x100000);
	dt_end(&d);
	dt_node(&d, "badranges");
	dt_u32(&d, "size", 0x100000);
	dt_u32(&d, "alloc-ranges", 0x60000000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: alignment 0x3000 in 'oddalign' node is not a power of two, "
		   "skipping node.\n");
	EXPECT_LOG(t, mark, "OF: reserved mem: invalid size property in 'badsize' node.\n");
	EXPECT_LOG(t, mark, "OF: reserved mem: invalid alignment property in 'badalign' node.\n");
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: invalid alloc-ranges property in 'badranges', skipping "
		   "node.\n");
}

/* ---------------------------------------------------------------- reusable, CMA, initialisers */

static void rmem_reusable_with_no_map_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "cma@68000000", 0x68000000, 0x1000000, "shared-dma-pool", "reusable",
		    "no-map");
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: node cma@68000000: reusable and no-map together are invalid "
		   "(the OS cannot reuse memory it may not map): skipped\n");
	KTAP_EXPECT_EQ(t, of_reserved_mem_count(), 0);
	KTAP_EXPECT_EQ(t, mem_flags_at(0x68000000), MEMBLOCK_NONE);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x68000000));
}

static void rmem_reusable_cma_node_is_recorded_for_cma(struct ktap_test *t)
{
	static struct dt d;
	struct reserved_mem *rmem;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	dt_node(&d, "linux,cma");
	dt_str(&d, "compatible", "shared-dma-pool");
	dt_flag(&d, "reusable");
	dt_u32(&d, "size", 0x1000000);
	dt_flag(&d, "linux,cma-default");
	dt_end(&d);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	rmem = of_reserved_mem_lookup_name("linux,cma");
	KTAP_ASSERT_TRUE(t, rmem != NULL);
	KTAP_EXPECT_TRUE(t, rmem->reusable);
	KTAP_EXPECT_TRUE(t, rmem->cma_default);
	KTAP_EXPECT_FALSE(t, rmem->nomap);
	KTAP_EXPECT_EQ(t, rmem->size, 0x1000000);
	/* Raised to a pageblock, and top-down: the last 16 MiB of RAM. */
	KTAP_EXPECT_EQ(t, rmem->base, 0x6f000000);
	KTAP_EXPECT_EQ(t, rmem->base % CMA_MIN_ALIGNMENT_BYTES, 0);
	/* Without a CMA initialiser linked in, Linux gives the memory back. */
	if (!rmem->claimed) {
		EXPECT_LOG(t, mark, "OF: reserved mem: node linux,cma compatible matching fail\n");
		KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6f000000));
	}
}

static void rmem_registered_initialiser_claims_its_compatible(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "pool@6e000000", 0x6e000000, 0x200000, "a9mm,test-pool", NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_EQ(t, test_pool_calls, 1);
	KTAP_EXPECT_EQ(t, test_pool_seen.base, 0x6e000000);
	KTAP_EXPECT_EQ(t, test_pool_seen.size, 0x200000);
	KTAP_EXPECT_STREQ(t, test_pool_seen.name, "pool@6e000000");
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: initialized node pool@6e000000, compatible id "
		   "a9mm,test-pool\n");
	KTAP_EXPECT_TRUE(t, of_reserved_mem_get(0)->claimed);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e000000, 0x200000));
}

static void rmem_declined_region_is_given_back_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "busy@6e000000", 0x6e000000, 0x200000, "a9mm,test-decline", NULL, NULL);
	rmem_static(&d, "busynomap@6e800000", 0x6e800000, 0x100000, "a9mm,test-decline", "no-map",
		    NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "OF: reserved mem: node busy@6e000000 compatible matching fail\n");
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e000000));
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e800000), MEMBLOCK_NONE);
}

static void rmem_coherent_pool_without_no_map_is_declined_like_linux_arm(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	rmem_board_begin(&d, 1);
	rmem_static(&d, "dma@6e000000", 0x6e000000, 0x200000, "shared-dma-pool", NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "Reserved memory: regions without no-map are not yet supported\n");
	EXPECT_LOG(t, mark, "OF: reserved mem: node dma@6e000000 compatible matching fail\n");
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x6e000000));
}

static void rmem_lookups_find_regions_in_address_order(struct ktap_test *t)
{
	static struct dt d;

	rmem_board_begin(&d, 1);
	rmem_static(&d, "high@6e000000", 0x6e000000, 0x1000, NULL, NULL, NULL);
	rmem_static(&d, "low@61000000", 0x61000000, 0x1000, NULL, NULL, NULL);
	KTAP_ASSERT_EQ(t, rmem_board_end(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_ASSERT_EQ(t, of_reserved_mem_count(), 2);
	KTAP_EXPECT_STREQ(t, of_reserved_mem_get(0)->name, "low@61000000");
	KTAP_EXPECT_STREQ(t, of_reserved_mem_get(1)->name, "high@6e000000");
	KTAP_EXPECT_TRUE(t, of_reserved_mem_get(2) == NULL);
	KTAP_EXPECT_TRUE(t, of_reserved_mem_lookup_name("nope") == NULL);
}

static struct ktap_case rmem_cases[] = {
	KTAP_CASE(rmem_memreserve_entries_are_reserved),
	KTAP_CASE(rmem_memreserve_over_the_kernel_is_refused),
	KTAP_CASE(rmem_memreserve_over_the_dtb_is_accepted),
	KTAP_CASE(rmem_wrapping_memreserve_is_refused),
	KTAP_CASE(rmem_more_memreserve_entries_than_the_static_array_all_stay_reserved),
	KTAP_CASE(rmem_memreserve_that_cannot_be_reserved_refuses_the_boot),
	KTAP_CASE(rmem_static_region_is_reserved_and_recorded),
	KTAP_CASE(rmem_static_no_map_region_leaves_the_linear_map),
	KTAP_CASE(rmem_no_map_over_memreserve_is_refused_like_linux),
	KTAP_CASE(rmem_no_map_partly_over_memreserve_is_refused_whole_like_linux),
	KTAP_CASE(rmem_no_map_next_to_memreserve_is_accepted),
	KTAP_CASE(rmem_several_reg_tuples_are_all_reserved),
	KTAP_CASE(rmem_two_cell_reserved_memory_is_read),
	KTAP_CASE(rmem_vexpress_vram_outside_ram_makes_a_dma_pool_like_linux),
	KTAP_CASE(rmem_region_outside_ram_without_no_map_is_refused),
	KTAP_CASE(rmem_region_partly_inside_ram_is_refused),
	KTAP_CASE(rmem_region_over_the_kernel_is_refused),
	KTAP_CASE(rmem_region_over_the_dtb_is_refused),
	KTAP_CASE(rmem_region_over_the_initrd_is_refused),
	KTAP_CASE(rmem_static_region_larger_than_ram_is_refused),
	KTAP_CASE(rmem_zero_size_reg_is_reported_like_linux),
	KTAP_CASE(rmem_invalid_reg_length_skips_the_node_like_linux),
	KTAP_CASE(rmem_unsupported_reserved_memory_format_is_ignored_like_linux),
	KTAP_CASE(rmem_reserved_memory_cells_unlike_the_root_are_named),
	KTAP_CASE(rmem_disabled_node_is_skipped),
	KTAP_CASE(rmem_node_without_reg_or_size_is_reported),
	KTAP_CASE(rmem_overlapping_regions_are_detected_like_linux),
	KTAP_CASE(rmem_table_full_is_reported_like_linux),
	KTAP_CASE(rmem_dynamic_region_is_allocated_top_down),
	KTAP_CASE(rmem_dynamic_alignment_is_honoured),
	KTAP_CASE(rmem_dynamic_region_avoids_static_ones),
	KTAP_CASE(rmem_dynamic_alloc_ranges_are_honoured_in_order),
	KTAP_CASE(rmem_dynamic_regions_are_placed_in_linux_sort_order),
	KTAP_CASE(rmem_dynamic_no_map_region_is_unmapped),
	KTAP_CASE(rmem_dynamic_region_that_cannot_fit_is_reported_like_linux),
	KTAP_CASE(rmem_dynamic_region_larger_than_ram_is_refused),
	KTAP_CASE(rmem_dynamic_bad_properties_are_reported),
	KTAP_CASE(rmem_reusable_with_no_map_is_refused),
	KTAP_CASE(rmem_reusable_cma_node_is_recorded_for_cma),
	KTAP_CASE(rmem_registered_initialiser_claims_its_compatible),
	KTAP_CASE(rmem_declined_region_is_given_back_like_linux),
	KTAP_CASE(rmem_coherent_pool_without_no_map_is_declined_like_linux_arm),
	KTAP_CASE(rmem_lookups_find_regions_in_address_order),
	{}};

static struct ktap_suite reserved_mem_suite = {
	.name = "reserved_mem",
	.cases = rmem_cases,
	.init = rmem_suite_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(reserved_mem_suite);

/* ---------------------------------------------------------------- arm_memblock_init */

/* 256 MiB at 0x60000000 with a command line and an optional initrd. */
static int arm_board(struct dt *d, const char *bootargs, u64 initrd_start, u64 initrd_end)
{
	dt_begin(d, 1, 1);
	dt_node(d, "chosen");
	if (bootargs)
		dt_str(d, "bootargs", bootargs);
	if (initrd_end) {
		dt_u32(d, "linux,initrd-start", (u32)initrd_start);
		dt_u32(d, "linux,initrd-end", (u32)initrd_end);
	}
	dt_end(d);
	dt_memory(d, "memory@60000000", 0x60000000, 0x10000000);
	return dt_finish(d);
}

static void arm_memblock_reserves_the_kernel_and_the_dtb(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, arm_board(&d, NULL, 0, 0), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(TEST_LOAD, TEST_KERNEL_END - TEST_LOAD));
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(TEST_LOAD - 1));
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(TEST_KERNEL_END));
	KTAP_EXPECT_TRUE(t, reserved_covers(TEST_DTB_PHYS, fdt_totalsize(d.buf)));
	/* ... and the default CMA area, 16 MiB at the top of RAM. */
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6f000000, SZ_16M));
	KTAP_EXPECT_EQ(t, memblock.reserved.cnt, 3);
}

static void arm_memblock_kernel_outside_memory_is_an_error(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@61000000", 0x61000000, 0x01000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_boot(&d), -EINVAL);
	EXPECT_LOG(t, mark,
		   "the kernel image 0x60010000-0x60090000 is not inside the memory the device "
		   "tree describes\n");
}

static void arm_memblock_initrd_is_reserved_in_whole_pages(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, arm_board(&d, NULL, 0x61000100, 0x61001100), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x61000000, 0x2000));
	KTAP_EXPECT_EQ(t, phys_initrd_start, 0x61000100);
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0x1000);
}

static void arm_memblock_initrd_outside_memory_is_disabled_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, NULL, 0x80000000, 0x80100000), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "INITRD: 0x80000000+0x00100000 is not a memory region - disabling initrd\n");
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0);
	KTAP_EXPECT_FALSE(t, memblock_is_reserved(0x80000000));
}

static void arm_memblock_initrd_over_the_kernel_is_disabled_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, NULL, 0x60080000, 0x60100000), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "INITRD: 0x60080000+0x00080000 overlaps in-use memory region - disabling "
		   "initrd\n");
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0);
}

static void arm_memblock_mem_limits_the_memory(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, "console=ttyAMA0 mem=64M", 0, 0), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "Memory limited to 64MB\n");
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 64ULL << 20);
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), 0x64000000);
	KTAP_EXPECT_TRUE(t, reserved_covers(TEST_LOAD, TEST_KERNEL_END - TEST_LOAD));
}

/* Below 1 MiB (or off a MiB) the limit is printed in KB, not as "0MB". */
static void arm_memblock_mem_below_1mib_is_printed_in_kb(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, "mem=900K cma=0", 0, 0), 0);
	dt_boot(&d); /* 900K is too little to go on with: what matters is the line */
	EXPECT_LOG(t, mark, "Memory limited to 900KB\n");
	EXPECT_NO_LOG(t, mark, "Memory limited to 0MB");
}

/* Reservations that leave no room for the boot name the culprit. */
static void arm_memblock_memreserve_over_all_free_ram_is_named(struct ktap_test *t)
{
	static struct dt d;
	const u64 rsv[] = {TEST_KERNEL_END, 0x70000000 - TEST_KERNEL_END};
	size_t mark = printk_log_mark();

	dt_begin_rsv(&d, 1, 1, rsv, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_boot(&d), -ENOMEM);
	EXPECT_LOG(t, mark, "of lowmem is left free after the reservations; the boot needs about ");
	EXPECT_LOG(t, mark,
		   "the largest reservation is 0x60010000-0x70000000 (/memreserve/ "
		   "0x60090000 + 0xff70000)\n");
}

static void arm_memblock_mem_below_the_kernel_end_is_refused(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, "mem=256K", 0, 0), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "mem=256K would end memory at 0x60040000, below the end of the kernel image at "
		   "0x60090000: ignored\n");
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 0x10000000);
}

static void arm_memblock_mem_larger_than_ram_changes_nothing(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, "mem=2G", 0, 0), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_NO_LOG(t, mark, "Memory limited");
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 0x10000000);
}

static void arm_memblock_mem_counts_across_banks(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_str(&d, "bootargs", "mem=96M");
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x04000000);
	dt_memory(&d, "memory@68000000", 0x68000000, 0x08000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTAP_EXPECT_TRUE(t, mem_region_is(1, 0x68000000, 0x02000000));
}

static void arm_memblock_memblock_debug_dumps_the_table(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, arm_board(&d, "memblock=debug", 0, 0), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark, "MEMBLOCK configuration:\n");
	EXPECT_LOG(t, mark, " memory[0x0]\t[0x60000000-0x6fffffff], 0x10000000 bytes flags: 0x0\n");
}

static void arm_memblock_lets_the_arrays_grow_afterwards(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, arm_board(&d, NULL, 0, 0), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	for (int i = 0; i < 300; i++)
		KTAP_EXPECT_EQ(t, memblock_reserve(0x61000000 + (phys_addr_t)i * 0x2000, 0x1000),
			       0);
	KTAP_EXPECT_GT(t, memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
}

static struct ktap_case arm_memblock_cases[] = {
	KTAP_CASE(arm_memblock_reserves_the_kernel_and_the_dtb),
	KTAP_CASE(arm_memblock_kernel_outside_memory_is_an_error),
	KTAP_CASE(arm_memblock_initrd_is_reserved_in_whole_pages),
	KTAP_CASE(arm_memblock_initrd_outside_memory_is_disabled_like_linux),
	KTAP_CASE(arm_memblock_initrd_over_the_kernel_is_disabled_like_linux),
	KTAP_CASE(arm_memblock_mem_limits_the_memory),
	KTAP_CASE(arm_memblock_mem_below_1mib_is_printed_in_kb),
	KTAP_CASE(arm_memblock_memreserve_over_all_free_ram_is_named),
	KTAP_CASE(arm_memblock_mem_below_the_kernel_end_is_refused),
	KTAP_CASE(arm_memblock_mem_larger_than_ram_changes_nothing),
	KTAP_CASE(arm_memblock_mem_counts_across_banks),
	KTAP_CASE(arm_memblock_memblock_debug_dumps_the_table),
	KTAP_CASE(arm_memblock_lets_the_arrays_grow_afterwards),
	{}};

static struct ktap_suite arm_memblock_suite = {
	.name = "arm_memblock",
	.cases = arm_memblock_cases,
	.init = early_boot_suite_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(arm_memblock_suite);
