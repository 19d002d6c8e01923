// SPDX-License-Identifier: GPL-2.0
/*
 * The early DT scan (boot/fdt.c): header checks, machine model, /chosen,
 * and every way a memory node can be right or wrong, checked against the
 * memblock it produces and the exact lines it prints.
 */
#include "early_boot_helpers.h"
#include <stdio.h>
#include <stdlib.h>

/* The usual board: 256 MiB at 0x60000000. */
static int simple_board(struct dt *d, int ac, int sc)
{
	dt_begin(d, ac, sc);
	dt_memory(d, "memory@60000000", 0x60000000, 0x10000000);
	return dt_finish(d);
}

/* ---------------------------------------------------------------- header */

static void fdt_verify_rejects_null_corrupt_and_oversized_blobs(struct ktap_test *t)
{
	static struct dt d;
	char *fdt;

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	fdt = dt_place(d.buf);
	KTAP_EXPECT_EQ(t, early_init_dt_verify(fdt), 0);
	KTAP_EXPECT_TRUE(t, early_fdt_info.blob == fdt);

	KTAP_EXPECT_EQ(t, early_init_dt_verify(NULL), -EARLY_DT_ERR_NULL);
	KTAP_EXPECT_STREQ(t, early_init_dt_strerror(-EARLY_DT_ERR_NULL), "no device tree blob");

	fdt_set_magic(fdt, 0x12345678);
	KTAP_EXPECT_EQ(t, early_init_dt_verify(fdt), -FDT_ERR_BADMAGIC);
	KTAP_EXPECT_STREQ(t, early_init_dt_strerror(-FDT_ERR_BADMAGIC), "FDT_ERR_BADMAGIC");
	KTAP_EXPECT_TRUE(t, early_fdt_info.blob == NULL);

	fdt = dt_place(d.buf);
	fdt_set_totalsize(fdt, 2 * SZ_1M);
	KTAP_EXPECT_EQ(t, early_init_dt_verify(fdt), -EARLY_DT_ERR_TOO_BIG);
}

static void fdt_verify_rejects_truncated_blob(struct ktap_test *t)
{
	static struct dt d;
	char *fdt;

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	fdt = dt_place(d.buf);
	/* The header now claims less than its own blocks need. */
	fdt_set_totalsize(fdt, fdt_off_dt_strings(fdt) - 8);
	KTAP_EXPECT_EQ(t, early_init_dt_verify(fdt), -FDT_ERR_TRUNCATED);
}

/* The offset in @fdt of the length word of its first property. */
static int first_prop_len_offset(const void *fdt)
{
	int node = 0, prop = fdt_first_property_offset(fdt, node);

	return prop < 0 ? prop : (int)fdt_off_dt_struct(fdt) + prop + 4;
}

static void fdt_verify_rejects_property_length_that_loops(struct ktap_test *t)
{
	static struct dt d;
	char *fdt;
	int at;

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	fdt = dt_place(d.buf);
	at = first_prop_len_offset(fdt);
	KTAP_ASSERT_TRUE(t, at > 0);
	/* len = -12: libfdt 1.6.1 walks back to the same tag for ever. */
	*(fdt32_t *)(fdt + at) = cpu_to_fdt32(0xfffffff4);
	KTAP_EXPECT_EQ(t, early_init_dt_verify(fdt), -FDT_ERR_BADSTRUCTURE);
	KTAP_EXPECT_EQ(t, early_init_dt_scan(fdt), -EINVAL);
}

static void fdt_verify_rejects_bad_structure(struct ktap_test *t)
{
	static struct dt d;
	char *fdt;
	int at;

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	fdt = dt_place(d.buf);
	at = first_prop_len_offset(fdt);
	KTAP_ASSERT_TRUE(t, at > 0);
	/* A property running past the structure block. */
	*(fdt32_t *)(fdt + at) = cpu_to_fdt32(0x10000);
	KTAP_EXPECT_LT(t, 0, -early_init_dt_verify(fdt));
	KTAP_EXPECT_TRUE(t, early_fdt_info.blob == NULL);
}

static void fdt_scan_of_corrupt_blob_fails_with_message(struct ktap_test *t)
{
	static struct dt d;
	size_t mark;
	char *fdt;

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	fdt = dt_place(d.buf);
	fdt_set_magic(fdt, 0);
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, early_init_dt_scan(fdt), -EINVAL);
	EXPECT_LOG(t, mark, "OF: fdt: invalid device tree blob: FDT_ERR_BADMAGIC\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 0);
}

/* ---------------------------------------------------------------- model */

static void fdt_prints_machine_model_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark, "OF: fdt: Machine model: V2P-CA9\n");
	KTAP_EXPECT_STREQ(t, early_fdt_info.model, "V2P-CA9");
}

static void fdt_model_falls_back_to_compatible(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	memset(&d, 0, sizeof(d));
	d.ac = d.sc = 1; /* the defaults the scan assumes without #*-cells */
	KTAP_EXPECT_EQ(t, fdt_create(d.buf, sizeof(d.buf)), 0);
	fdt_finish_reservemap(d.buf);
	fdt_begin_node(d.buf, "");
	fdt_property_string(d.buf, "compatible", "arm,vexpress");
	dt_memory(&d, "memory", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark, "OF: fdt: Machine model: arm,vexpress\n");
}

/* ---------------------------------------------------------------- memory nodes */

static void fdt_one_cell_memory_node_reaches_memblock(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 1), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
	KTAP_EXPECT_EQ(t, dt_root_addr_cells, 1);
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_nodes, 1);
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_added, 1);
}

static void fdt_two_cell_memory_node_reaches_memblock(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, simple_board(&d, 2, 2), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, dt_root_addr_cells, 2);
	KTAP_EXPECT_EQ(t, dt_root_size_cells, 2);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
}

static void fdt_mixed_cell_sizes_are_honoured(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, simple_board(&d, 2, 1), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));

	early_boot_setup();
	KTAP_ASSERT_EQ(t, simple_board(&d, 1, 2), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
}

static void fdt_missing_root_cells_default_to_one(struct ktap_test *t)
{
	static struct dt d;

	KTAP_ASSERT_EQ(t, simple_board(&d, -1, -1), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
}

static void fdt_several_reg_tuples_make_several_banks(struct ktap_test *t)
{
	static struct dt d;
	const u64 banks[] = {0x60000000, 0x04000000, 0x68000000, 0x08000000};

	dt_begin(&d, 1, 1);
	dt_node(&d, "memory@60000000");
	dt_str(&d, "device_type", "memory");
	dt_pairs(&d, "reg", banks, 2);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x04000000));
	KTAP_EXPECT_TRUE(t, mem_region_is(1, 0x68000000, 0x08000000));
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_ranges, 2);
}

static void fdt_memory_nodes_of_any_name_are_used(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_memory(&d, "ram@68000000", 0x68000000, 0x08000000);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x04000000);
	/* Named like memory but without device_type: not memory, as in Linux. */
	dt_node(&d, "memory@70000000");
	dt_reg(&d, 0x70000000, 0x1000000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x04000000));
	KTAP_EXPECT_TRUE(t, mem_region_is(1, 0x68000000, 0x08000000));
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_nodes, 2);
}

static void fdt_disabled_memory_node_is_skipped(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x04000000);
	dt_node(&d, "memory@68000000");
	dt_str(&d, "device_type", "memory");
	dt_str(&d, "status", "disabled");
	dt_reg(&d, 0x68000000, 0x08000000);
	dt_end(&d);
	dt_node(&d, "memory@70000000");
	dt_str(&d, "device_type", "memory");
	dt_str(&d, "status", "okay");
	dt_reg(&d, 0x70000000, 0x01000000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x04000000));
	KTAP_EXPECT_TRUE(t, mem_region_is(1, 0x70000000, 0x01000000));
}

static void fdt_memory_node_below_the_root_is_not_scanned(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x04000000);
	dt_node(&d, "soc");
	dt_memory(&d, "memory@70000000", 0x70000000, 0x01000000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
}

static void fdt_hotpluggable_memory_is_marked(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "memory@60000000");
	dt_str(&d, "device_type", "memory");
	dt_flag(&d, "hotpluggable");
	dt_reg(&d, 0x60000000, 0x04000000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, mem_flags_at(0x60000000), MEMBLOCK_HOTPLUG);
}

static void fdt_unaligned_memory_is_trimmed_to_whole_pages(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000800", 0x60000800, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60001000, 0x0ffff000));
}

static void fdt_memory_smaller_than_a_page_is_ignored_like_linux(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x04000000);
	dt_memory(&d, "memory@70000800", 0x70000800, 0x400);
	dt_memory(&d, "memory@70100800", 0x70100800, 0x1000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark, "OF: fdt: Ignoring memory block 0x70000800 - 0x70000c00\n");
	EXPECT_LOG(t, mark, "OF: fdt: Ignoring memory block 0x70100800 - 0x70101800\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
}

static void fdt_memory_below_phys_offset_is_cut_off(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@40000000", 0x40000000, 0x01000000);
	dt_memory(&d, "memory@50000000", 0x50000000, 0x20000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark, "OF: fdt: Ignoring memory below PHYS_OFFSET: 0x40000000-0x41000000\n");
	EXPECT_LOG(t, mark, "OF: fdt: Ignoring memory below PHYS_OFFSET: 0x50000000-0x60000000\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
}

static void fdt_memory_above_4g_is_reported_and_ignored(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 2, 2);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_memory(&d, "memory@100000000", 0x100000000ULL, 0x40000000);
	dt_memory(&d, "memory@f0000000", 0xf0000000, 0x20000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Ignoring memory block 0x100000000 - 0x140000000: above 4 GiB, which "
		   "needs LPAE\n");
	EXPECT_LOG(t, mark,
		   "OF: fdt: Ignoring memory range 0x100000000 - 0x110000000: above 4 GiB, which "
		   "needs LPAE\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTAP_EXPECT_TRUE(t, mem_region_is(1, 0xf0000000, 0x10000000));
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), SZ_4G);
}

static void fdt_zero_size_reg_is_reported_and_ignored(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_memory(&d, "memory@70000000", 0x70000000, 0);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Ignoring zero-size memory range at 0x70000000 (memory@70000000)\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_ranges, 2);
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_added, 1);
}

static void fdt_wrapping_reg_is_reported_and_ignored(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 2, 2);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_memory(&d, "memory@fffffffffffff000", 0xfffffffffffff000ULL, 0x2000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: Ignoring memory block 0xfffffffffffff000 + 0x2000 "
		   "(memory@fffffffffffff000): the range wraps around the end of the address "
		   "space\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
}

static void fdt_overlapping_memory_nodes_are_reported_and_merged(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x08000000);
	dt_memory(&d, "memory@64000000", 0x64000000, 0x08000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: memory 0x64000000 - 0x6c000000 (memory@64000000) overlaps 0x60000000 "
		   "- 0x68000000 (memory@60000000); using their union\n");
	KTAP_EXPECT_EQ(t, early_fdt_info.nr_memory_overlaps, 1);
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x0c000000));
	KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), 0x0c000000);
}

static void fdt_adjacent_memory_nodes_are_not_an_overlap(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x08000000);
	dt_memory(&d, "memory@68000000", 0x68000000, 0x08000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_NO_LOG(t, mark, "overlaps");
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
}

static void fdt_partial_reg_tuple_is_reported(struct ktap_test *t)
{
	static struct dt d;
	const fdt32_t reg[3] = {cpu_to_fdt32(0x60000000), cpu_to_fdt32(0x10000000),
				cpu_to_fdt32(0x70000000)};
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_node(&d, "memory@60000000");
	dt_str(&d, "device_type", "memory");
	dt_raw(&d, "reg", reg, sizeof(reg));
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(
		t, mark,
		"OF: fdt: memory node memory@60000000: reg is 12 bytes, not a multiple of 8 "
		"(<address size> with #address-cells = <1>, #size-cells = <1>); the last 4 bytes "
		"are ignored\n");
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x10000000));
}

static void fdt_memory_node_without_reg_is_reported(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_node(&d, "memory@70000000");
	dt_str(&d, "device_type", "memory");
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark, "OF: fdt: memory node memory@70000000 has no reg property: ignored\n");
}

static void fdt_missing_memory_node_is_an_error(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), -ENODEV);
	EXPECT_LOG(t, mark, "OF: fdt: no memory node in the device tree\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 0);
}

static void fdt_only_unusable_memory_is_an_error(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 2, 2);
	dt_memory(&d, "memory@800000000", 0x800000000ULL, 0x40000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), -ENODEV);
	EXPECT_LOG(t, mark, "OF: fdt: no usable memory in the device tree's memory nodes\n");
}

static void fdt_unsupported_root_cells_are_rejected(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, simple_board(&d, 3, 1), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), -EINVAL);
	EXPECT_LOG(t, mark,
		   "OF: fdt: unsupported #address-cells = <3> at the root (1 or 2 are supported): "
		   "memory nodes cannot be read\n");
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 0);

	dt_begin(&d, 1, -1);
	dt_u64(&d, "#size-cells", 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, dt_scan(&d), -EINVAL);
	EXPECT_LOG(t, mark,
		   "OF: fdt: #size-cells at the root is 8 bytes, not one cell: memory nodes cannot "
		   "be read\n");
}

static void fdt_add_memory_arch_applies_the_same_checks(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	early_init_dt_add_memory_arch(0x60000000, 0x01000000);
	early_init_dt_add_memory_arch(0x200000000ULL, 0x1000);
	EXPECT_LOG(t, mark, "Ignoring memory block 0x200000000 - 0x200001000: above 4 GiB");
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x01000000));
	KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
}

/* ---------------------------------------------------------------- /chosen */

static void fdt_bootargs_become_the_command_line(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_str(&d, "bootargs", "console=ttyAMA0 mem=128M");
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_STREQ(t, boot_command_line, "console=ttyAMA0 mem=128M");
	KTAP_EXPECT_TRUE(t, early_fdt_info.bootargs_from_dt);
	KTAP_EXPECT_TRUE(t, early_fdt_info.has_chosen);
}

static void fdt_without_bootargs_uses_the_builtin_command_line(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	strcpy(boot_command_line, "left over from an earlier boot");
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_STREQ(t, boot_command_line, CONFIG_CMDLINE);
	KTAP_EXPECT_FALSE(t, early_fdt_info.bootargs_from_dt);
}

static void fdt_too_long_bootargs_are_truncated_with_a_warning(struct ktap_test *t)
{
	static struct dt d;
	static char args[1500];
	size_t mark = printk_log_mark();

	/* 100 parameters of 13 characters and a space: p73= straddles character 1023. */
	for (int i = 0; i < 100; i++)
		scnprintf(args + 14 * i, sizeof(args) - 14 * i, "p%02d=abcdefghi ", i);
	args[14 * 100 - 1] = '\0';
	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_str(&d, "bootargs", args);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	/* The cut parameter is named, and dropped rather than kept half. */
	KTAP_EXPECT_EQ(t, strlen(boot_command_line), 14 * 73 - 1);
	KTAP_EXPECT_EQ(t, memcmp(boot_command_line + 14 * 72, "p72=abcdefghi", 13), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: bootargs is 1399 characters, more than the 1023 the kernel keeps: "
		   "\"p73=abcdefghi\" (at 1022) and everything after it are dropped\n");
}

static void fdt_disabled_memory_nodes_and_empty_reg_are_named(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_node(&d, "memory@60000000");
	dt_str(&d, "device_type", "memory");
	dt_reg(&d, 0x60000000, 0x10000000);
	dt_str(&d, "status", "disabled");
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), -ENODEV);
	EXPECT_LOG(t, mark,
		   "OF: fdt: memory node memory@60000000 is disabled (status = \"disabled\"): "
		   "ignored\n");
	EXPECT_LOG(t, mark,
		   "OF: fdt: every memory node in the device tree is disabled (1 of them)\n");
	EXPECT_NO_LOG(t, mark, "no memory node");

	mark = printk_log_mark();
	dt_begin(&d, 1, 1);
	dt_node(&d, "memory@60000000");
	dt_str(&d, "device_type", "memory");
	dt_raw(&d, "reg", NULL, 0);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), -ENODEV);
	EXPECT_LOG(t, mark,
		   "OF: fdt: memory node memory@60000000 has an empty reg property (no ranges): "
		   "ignored\n");
}

static void fdt_unterminated_bootargs_are_read_safely(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_raw(&d, "bootargs", "mem=64M", 7); /* no NUL */
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	/* As Linux's strscpy(dst, prop, len): the last byte makes room for the NUL. */
	KTAP_EXPECT_STREQ(t, boot_command_line, "mem=64");
}

static void fdt_stdout_path_is_kept_for_the_console(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_str(&d, "stdout-path", "serial0:38400n8");
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_STREQ(t, of_get_stdout_path(), "serial0:38400n8");

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_str(&d, "linux,stdout-path", "/smb@10000000/serial@10009000");
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	early_boot_setup();
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_STREQ(t, of_get_stdout_path(), "/smb@10000000/serial@10009000");
}

static void fdt_initrd_accepts_32_and_64_bit_values(struct ktap_test *t)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_u32(&d, "linux,initrd-start", 0x61000000);
	dt_u64(&d, "linux,initrd-end", 0x61100000);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	KTAP_EXPECT_EQ(t, phys_initrd_start, 0x61000000);
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0x100000);
}

static void fdt_bad_initrd_properties_are_reported_and_ignored(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_u32(&d, "linux,initrd-start", 0x62000000);
	dt_u32(&d, "linux,initrd-end", 0x61000000);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: linux,initrd-start 0x62000000 is above linux,initrd-end 0x61000000: "
		   "initrd ignored\n");
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0);

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_raw(&d, "linux,initrd-start", "abc", 3);
	dt_u32(&d, "linux,initrd-end", 0x61000000);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	mark = printk_log_mark();
	early_boot_setup();
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark,
		   "OF: fdt: linux,initrd-start is 3 bytes long, not a 32- or 64-bit number: "
		   "initrd ignored\n");
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0);

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_u32(&d, "linux,initrd-start", 0x61000000);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	mark = printk_log_mark();
	early_boot_setup();
	KTAP_EXPECT_EQ(t, dt_scan(&d), 0);
	EXPECT_LOG(t, mark, "only one of linux,initrd-start and linux,initrd-end");
	KTAP_EXPECT_EQ(t, phys_initrd_size, 0);
}

/* ---------------------------------------------------------------- the project's own DTB */

/*
 * Read the DTB of a fuzz seed of the repository (make runs the tests from
 * its top): a board's seed is tests/fuzz/fdt_fuzz.c's 8-byte header, all
 * zero, then the DTB.
 */
static size_t read_file(const char *path, void *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0;

	if (!f)
		return 0;
	if (!fseek(f, 8, SEEK_SET))
		n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

static void fdt_vexpress_dtb_boots_with_linux_log_lines(struct ktap_test *t)
{
	static char blob[DT_BUF_SIZE];
	size_t mark = printk_log_mark();

	if (!read_file("tests/fuzz/corpus/vexpress-a9.seed", blob, sizeof(blob))) {
		ktap_skip(t, "tests/fuzz/corpus/vexpress-a9.seed not found");
		return;
	}
	KTAP_ASSERT_EQ(t, boot_blob(blob), 0);
	EXPECT_LOG(t, mark, "OF: fdt: Machine model: V2P-CA9\n");
	EXPECT_LOG(t, mark, "Reserved memory: created DMA memory pool at 0x4c000000, size 8 MiB\n");
	EXPECT_LOG(t, mark,
		   "OF: reserved mem: initialized node vram@4c000000, compatible id "
		   "shared-dma-pool\n");
	EXPECT_NO_LOG(t, mark, "skipped");
	KTAP_EXPECT_TRUE(t, mem_region_is(0, 0x60000000, 0x40000000));
	KTAP_EXPECT_STREQ(t, of_get_stdout_path(), "serial0:38400n8");
	KTAP_EXPECT_TRUE(t, reserved_covers(TEST_LOAD, 0x80000));
}

/*
 * Every board file of dts/ (as the committed seeds in tests/fuzz/corpus)
 * boots to the layout its comment promises, with the message its bad input
 * must produce.
 */
static const struct {
	const char *name;
	phys_addr_t memory;  /* memblock_phys_mem_size() afterwards */
	unsigned long banks; /* memblock.memory.cnt */
	const char *message; /* must be printed (NULL: nothing skipped or ignored) */
} board_variants[] = {
	{"vexpress-a9", SZ_1G, 1, NULL},
	{"vexpress-a9-twobanks", 192 * SZ_1M, 2, NULL},
	{"vexpress-a9-resmem", 256 * SZ_1M, 3, NULL},
	{"vexpress-a9-memreserve", 256 * SZ_1M, 1, NULL},
	{"vexpress-a9-2cell", 256 * SZ_1M, 1, NULL},
	{"vexpress-a9-bad-kernel-overlap", 256 * SZ_1M, 1,
	 "OF: reserved mem: node firmware@60000000: 0x60000000 - 0x60100000 overlaps the kernel "
	 "image at 0x60010000 - 0x60090000: skipped\n"},
	{"vexpress-a9-bad-resmem-too-big", 256 * SZ_1M, 1,
	 "OF: reserved mem: node huge-pool: size 512 MiB is larger than all of RAM (256 MiB): "
	 "skipped\n"},
	{"vexpress-a9-bad-reusable-nomap", 256 * SZ_1M, 1,
	 "OF: reserved mem: node linux,cma: reusable and no-map together are invalid"},
	{"vexpress-a9-bad-overlap", 192 * SZ_1M, 1,
	 "OF: fdt: memory 0x64000000 - 0x6c000000 (memory@64000000) overlaps 0x60000000 - "
	 "0x68000000 (memory@60000000); using their union\n"},
	{"vexpress-a9-bad-zero-size", 128 * SZ_1M, 1,
	 "OF: fdt: Ignoring zero-size memory range at 0x68000000 (memory@68000000)\n"},
	{"vexpress-a9-bad-above-4g", 256 * SZ_1M, 1,
	 "OF: fdt: Ignoring memory block 0x880000000 - 0x8c0000000: above 4 GiB, which needs "
	 "LPAE\n"},
};

static void fdt_board_variants_boot_as_described(struct ktap_test *t)
{
	static char blob[DT_BUF_SIZE];
	char path[128];
	int found = 0;

	for (size_t i = 0; i < ARRAY_SIZE(board_variants); i++) {
		size_t mark;

		scnprintf(path, sizeof(path), "tests/fuzz/corpus/%s.seed", board_variants[i].name);
		if (!read_file(path, blob, sizeof(blob)))
			continue;
		found++;
		early_boot_setup();
		mark = printk_log_mark();
		if (!KTAP_EXPECT_EQ(t, boot_blob(blob), 0))
			ktap_info("%s did not boot", path);
		KTAP_EXPECT_EQ(t, memblock_phys_mem_size(), board_variants[i].memory);
		KTAP_EXPECT_EQ(t, memblock.memory.cnt, board_variants[i].banks);
		if (board_variants[i].message)
			EXPECT_LOG(t, mark, board_variants[i].message);
		else if (printk_log_since(mark, "skipped") || printk_log_since(mark, "Ignoring"))
			ktap_fail(t, __FILE__, __LINE__, "%s: unexpected skipped/ignored input",
				  path);
		KTAP_EXPECT_TRUE(t, reserved_covers(TEST_LOAD, TEST_KERNEL_END - TEST_LOAD));
	}
	if (!found)
		ktap_skip(t, "no seeds in tests/fuzz/corpus");
}

static void fdt_resmem_variant_places_every_kind_of_region(struct ktap_test *t)
{
	static char blob[DT_BUF_SIZE];

	if (!read_file("tests/fuzz/corpus/vexpress-a9-resmem.seed", blob, sizeof(blob))) {
		ktap_skip(t, "tests/fuzz/corpus/vexpress-a9-resmem.seed not found");
		return;
	}
	KTAP_ASSERT_EQ(t, boot_blob(blob), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x6e000000, SZ_1M));
	KTAP_EXPECT_EQ(t, mem_flags_at(0x6e800000), MEMBLOCK_NOMAP);
	KTAP_EXPECT_EQ(t, of_reserved_mem_lookup_name("dyn-pool")->base, 0x67e00000);
	KTAP_EXPECT_EQ(t, of_reserved_mem_lookup_name("linux,cma")->base, 0x6f000000);
	KTAP_EXPECT_TRUE(t, of_reserved_mem_lookup_name("linux,cma")->cma_default);
	KTAP_EXPECT_TRUE(t, of_reserved_mem_lookup_name("vram@4c000000")->claimed);
}

static void fdt_memreserve_variant_reserves_its_entries(struct ktap_test *t)
{
	static char blob[DT_BUF_SIZE];

	if (!read_file("tests/fuzz/corpus/vexpress-a9-memreserve.seed", blob, sizeof(blob))) {
		ktap_skip(t, "tests/fuzz/corpus/vexpress-a9-memreserve.seed not found");
		return;
	}
	KTAP_ASSERT_EQ(t, boot_blob(blob), 0);
	KTAP_EXPECT_TRUE(t, reserved_covers(0x61000000, SZ_1M));
	KTAP_EXPECT_TRUE(t, reserved_covers(0x62000000, SZ_64K));
}

static struct ktap_case fdt_cases[] = {
	KTAP_CASE(fdt_verify_rejects_null_corrupt_and_oversized_blobs),
	KTAP_CASE(fdt_verify_rejects_truncated_blob),
	KTAP_CASE(fdt_verify_rejects_property_length_that_loops),
	KTAP_CASE(fdt_verify_rejects_bad_structure),
	KTAP_CASE(fdt_scan_of_corrupt_blob_fails_with_message),
	KTAP_CASE(fdt_prints_machine_model_like_linux),
	KTAP_CASE(fdt_model_falls_back_to_compatible),
	KTAP_CASE(fdt_one_cell_memory_node_reaches_memblock),
	KTAP_CASE(fdt_two_cell_memory_node_reaches_memblock),
	KTAP_CASE(fdt_mixed_cell_sizes_are_honoured),
	KTAP_CASE(fdt_missing_root_cells_default_to_one),
	KTAP_CASE(fdt_several_reg_tuples_make_several_banks),
	KTAP_CASE(fdt_memory_nodes_of_any_name_are_used),
	KTAP_CASE(fdt_disabled_memory_node_is_skipped),
	KTAP_CASE(fdt_memory_node_below_the_root_is_not_scanned),
	KTAP_CASE(fdt_hotpluggable_memory_is_marked),
	KTAP_CASE(fdt_unaligned_memory_is_trimmed_to_whole_pages),
	KTAP_CASE(fdt_memory_smaller_than_a_page_is_ignored_like_linux),
	KTAP_CASE(fdt_memory_below_phys_offset_is_cut_off),
	KTAP_CASE(fdt_memory_above_4g_is_reported_and_ignored),
	KTAP_CASE(fdt_zero_size_reg_is_reported_and_ignored),
	KTAP_CASE(fdt_wrapping_reg_is_reported_and_ignored),
	KTAP_CASE(fdt_overlapping_memory_nodes_are_reported_and_merged),
	KTAP_CASE(fdt_adjacent_memory_nodes_are_not_an_overlap),
	KTAP_CASE(fdt_partial_reg_tuple_is_reported),
	KTAP_CASE(fdt_memory_node_without_reg_is_reported),
	KTAP_CASE(fdt_missing_memory_node_is_an_error),
	KTAP_CASE(fdt_only_unusable_memory_is_an_error),
	KTAP_CASE(fdt_unsupported_root_cells_are_rejected),
	KTAP_CASE(fdt_add_memory_arch_applies_the_same_checks),
	KTAP_CASE(fdt_bootargs_become_the_command_line),
	KTAP_CASE(fdt_without_bootargs_uses_the_builtin_command_line),
	KTAP_CASE(fdt_too_long_bootargs_are_truncated_with_a_warning),
	KTAP_CASE(fdt_disabled_memory_nodes_and_empty_reg_are_named),
	KTAP_CASE(fdt_unterminated_bootargs_are_read_safely),
	KTAP_CASE(fdt_stdout_path_is_kept_for_the_console),
	KTAP_CASE(fdt_initrd_accepts_32_and_64_bit_values),
	KTAP_CASE(fdt_bad_initrd_properties_are_reported_and_ignored),
	KTAP_CASE(fdt_vexpress_dtb_boots_with_linux_log_lines),
	KTAP_CASE(fdt_board_variants_boot_as_described),
	KTAP_CASE(fdt_resmem_variant_places_every_kind_of_region),
	KTAP_CASE(fdt_memreserve_variant_reserves_its_entries),
	{}};

static struct ktap_suite fdt_suite = {
	.name = "fdt",
	.cases = fdt_cases,
	.init = early_boot_suite_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(fdt_suite);
