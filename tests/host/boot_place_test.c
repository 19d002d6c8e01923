// SPDX-License-Identifier: GPL-2.0
/*
 * Where the kernel runs (arch/arm/kernel/boot_place.c, head.S's step 4):
 * U-Boot's default load addresses on each board, the DT's cell sizes,
 * /memreserve/ and initrd in the way, a DTB in the way or padded, images
 * whose old and new places overlap, and the DTs and RAM sizes on which the
 * kernel cannot run, with the exact messages.
 */
#include "early_boot_helpers.h"
#include <asm/boot_place.h>
#include <stdlib.h>

#define LOAD_SIZE 0x34000 /* about kernel.bin */
#define RUN_SIZE  0x54000 /* about _end - _text */

/* One board: a memory node of @size at @base, maybe an initrd; cells @ac/@sc. */
static void board(struct dt *d, int ac, int sc, const u64 *rsv, int nrsv, u64 base, u64 size,
		  u64 initrd_start, u64 initrd_end)
{
	dt_begin_rsv(d, ac, sc, rsv, nrsv);
	dt_memory(d, "memory", base, size);
	if (initrd_end) {
		dt_node(d, "chosen");
		dt_u32(d, "linux,initrd-start", (u32)initrd_start);
		dt_u64(d, "linux,initrd-end", initrd_end);
		dt_end(d);
	}
	dt_finish(d);
}

static int plan(struct boot_place *bp, const struct dt *d, u32 load, u32 fdt)
{
	bp->load = load;
	bp->load_size = LOAD_SIZE;
	bp->run_size = RUN_SIZE;
	bp->fdt = fdt;
	return boot_place_plan(bp, d->buf);
}

static bool disjoint(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a + a_size <= b || b + b_size <= a;
}

static void place_uboot_default_addresses_run_at_ram_start(struct ktap_test *t)
{
	static const struct {
		u32 load, ram;
		int ac;
	} boards[] = {
		{0x60100000, 0x60000000, 1}, /* vexpress_ca9x4 */
		{0x12000000, 0x10000000, 1}, /* mx6qsabrelite */
		{0x02000000, 0x00000000, 1}, /* Zynq */
		{0x00800000, 0x00000000, 1}, /* highbank */
		{0x40400000, 0x40000000, 2}, /* qemu_arm: #address-cells = <2> */
	};
	static struct dt d;
	struct boot_place bp;

	for (size_t i = 0; i < ARRAY_SIZE(boards); i++) {
		board(&d, boards[i].ac, boards[i].ac, NULL, 0, boards[i].ram, SZ_1G, 0, 0);
		KTAP_ASSERT_EQ(t, d.err, 0);
		KTAP_EXPECT_EQ(t, plan(&bp, &d, boards[i].load, boards[i].ram + 0x08000000), 0);
		KTAP_EXPECT_EQ(t, bp.phys_offset, boards[i].ram);
		KTAP_EXPECT_EQ(t, bp.copy_to, boards[i].ram + TEXT_OFFSET);
		KTAP_EXPECT_EQ(t, bp.fdt_to, boards[i].ram + 0x08000000);
		KTAP_EXPECT_STREQ(t, bp.msg, "");
	}
}

static void place_in_place_stays(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, 0x62000000), 0);
	KTAP_EXPECT_EQ(t, bp.copy_to, 0x60010000);
	KTAP_EXPECT_EQ(t, bp.fdt_to, 0x62000000);
}

static void place_ram_start_off_the_section_grid_rounds_up(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, NULL, 0, 0x60081000, SZ_256M, 0, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x62000000, 0x64000000), 0);
	KTAP_EXPECT_EQ(t, bp.phys_offset, 0x60100000);
}

static void place_adjacent_memory_nodes_are_one_bank(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@64000000", 0x64000000, SZ_64M);
	dt_memory(&d, "memory@60000000", 0x60000000, SZ_64M);
	dt_node(&d, "memory@70000000"); /* disabled: not RAM */
	dt_str(&d, "device_type", "memory");
	dt_reg(&d, 0x70000000, SZ_64M);
	dt_str(&d, "status", "disabled");
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x64100000, 0x66000000), 0);
	KTAP_EXPECT_EQ(t, bp.phys_offset, 0x60000000);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x70010000, 0x66000000), -1);
}

static void place_skips_memreserve_and_initrd_at_ram_start(struct ktap_test *t)
{
	static const u64 rsv[] = {0x60000000, SZ_1M};
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, rsv, 1, 0x60000000, SZ_256M, 0x60100000, 0x60180000);
	KTAP_ASSERT_EQ(t, d.err, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000 + SZ_4M, 0x62000000), 0);
	KTAP_EXPECT_EQ(t, bp.phys_offset, 0x60200000);
	KTAP_EXPECT_EQ(t, bp.copy_to, 0x60210000);
}

static void place_moves_a_dtb_in_the_way_to_the_lowest_free_place(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;
	u32 fdt;

	board(&d, 1, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	/* Right after the loaded image: where BSS and the boot page table go. */
	fdt = 0x60010000 + LOAD_SIZE;
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, fdt), 0);
	KTAP_EXPECT_EQ(t, bp.copy_to, 0x60010000);
	KTAP_EXPECT_EQ(t, bp.fdt_to, 0x60000000); /* below the kernel: it fits */
	KTAP_EXPECT_EQ(t, bp.fdt_size, ALIGN(fdt_totalsize(d.buf), 8));

	/* Only its last bytes in the kernel's range. */
	fdt = ALIGN_DOWN(0x60010000 + RUN_SIZE - fdt_totalsize(d.buf) + 8, 8);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, fdt), 0);
	KTAP_EXPECT_NE(t, bp.fdt_to, fdt);
	KTAP_EXPECT_TRUE(t, disjoint(bp.fdt_to, bp.fdt_size, 0x60010000, RUN_SIZE));

	/* Loaded at 0x60000000: the 64 KiB below the kernel is the image; the DTB goes above. */
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60000000, 0x60000000 + LOAD_SIZE), 0);
	KTAP_EXPECT_TRUE(t, disjoint(bp.fdt_to, bp.fdt_size, 0x60010000, RUN_SIZE));
	KTAP_EXPECT_TRUE(t, disjoint(bp.fdt_to, bp.fdt_size, 0x60000000, LOAD_SIZE));
}

static void place_overlapping_move_passes_through_a_free_place(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60018000, 0x62000000), 0);
	KTAP_EXPECT_NE(t, bp.copy_to, 0x60010000);
	KTAP_EXPECT_TRUE(t, disjoint(bp.copy_to, LOAD_SIZE, 0x60018000, LOAD_SIZE));
	KTAP_EXPECT_TRUE(t, disjoint(bp.copy_to, LOAD_SIZE, 0x60010000, LOAD_SIZE));
	/* From there, straight to the final place. */
	KTAP_EXPECT_EQ(t, plan(&bp, &d, bp.copy_to, 0x62000000), 0);
	KTAP_EXPECT_EQ(t, bp.copy_to, 0x60010000);
}

static void place_padded_dtb_sheds_its_padding(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;
	static char padded[SZ_2M];

	board(&d, 1, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	KTAP_ASSERT_EQ(t, fdt_open_into(d.buf, padded, SZ_1M + SZ_512K), 0);
	bp = (struct boot_place){.load = 0x60010000,
				 .load_size = LOAD_SIZE,
				 .run_size = RUN_SIZE,
				 .fdt = 0x62000000};
	KTAP_EXPECT_EQ(t, boot_place_plan(&bp, padded), 0);
	KTAP_EXPECT_EQ(t, bp.fdt_to, 0x60000000);
	KTAP_EXPECT_TRUE(t, bp.fdt_size < SZ_64K);
}

static void place_dt_of_another_board_is_refused_by_name(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, NULL, 0, 0x10000000, SZ_1G, 0, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, 0x62000000), -1);
	KTAP_EXPECT_STREQ(t, bp.msg,
			  "the kernel was loaded at 0x60010000, which is in none of the device "
			  "tree's memory nodes (the lowest is 0x10000000-0x4fffffff): is this the "
			  "device tree of another board?");
}

static void place_dtb_loaded_over_the_image_is_refused_by_name(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;
	u32 size;

	board(&d, 1, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	size = fdt_totalsize(d.buf);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000, 0x60100000 + LOAD_SIZE - 8), -1);
	KTAP_EXPECT_TRUE(t, strstr(bp.msg, "the boot loader put the DTB (0x60133ff8-") == bp.msg);
	KTAP_EXPECT_TRUE(t,
			 strstr(bp.msg, ") over the kernel image (0x60100000-0x60133fff): one of "
					"them is damaged") != NULL);
	/* Only padding over it: shed where it lies. */
	fdt_set_totalsize(d.buf, SZ_1M);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, 0x60000000), 0);
	KTAP_EXPECT_EQ(t, bp.fdt_to, 0x60000000);
	KTAP_EXPECT_EQ(t, bp.fdt_size, ALIGN(size, 8));
	fdt_set_totalsize(d.buf, size);
	/* Right after it is fine. */
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000, 0x60100000 + LOAD_SIZE), 0);
	KTAP_EXPECT_EQ(t, bp.fdt_size, size);
}

static void place_ram_too_small_is_refused_by_name(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, NULL, 0, 0x60000000, 300 * SZ_1K, 0, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, 0x60008000), -1);
	KTAP_EXPECT_STREQ(t, bp.msg,
			  "RAM 0x60000000-0x6004afff (300 KiB) has no room for the kernel: it "
			  "needs 336 KiB at a 1 MiB boundary + TEXT_OFFSET, clear of /memreserve/ "
			  "and the initrd");
}

static void place_unreadable_dt_runs_in_place_or_says_why(struct ktap_test *t)
{
	static struct dt d;
	struct boot_place bp;

	board(&d, 1, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	fdt_set_magic(d.buf, 0x12345678);
	/* A legal place: setup_arch reports the DT. */
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60010000, 0x62000000), 0);
	KTAP_EXPECT_EQ(t, bp.copy_to, 0x60010000);
	KTAP_EXPECT_EQ(t, bp.phys_offset, 0x60000000);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000, 0x62000000), -1);
	KTAP_EXPECT_STREQ(t, bp.msg,
			  "cannot find RAM: the device tree at r2 = 0x62000000 is unusable (bad "
			  "magic), and the kernel was loaded at 0x60100000, not at a 1 MiB "
			  "boundary + TEXT_OFFSET where it could run without one");
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000, 0), -1);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000, 0x62000004), -1);

	board(&d, 3, 1, NULL, 0, 0x60000000, SZ_256M, 0, 0);
	KTAP_EXPECT_EQ(t, plan(&bp, &d, 0x60100000, 0x62000000), -1);
	KTAP_EXPECT_TRUE(t, strstr(bp.msg, "unsupported #address-cells") != NULL);
}

/*
 * A plan is a message, or a place on the 1 MiB grid reached by a copy that
 * does not overlap its source, with any moved DTB out of the kernel's way.
 */
static bool plan_is_sane(const struct boot_place *bp, int err)
{
	const u32 dest = bp->phys_offset + TEXT_OFFSET;

	if (err)
		return bp->msg[0] != '\0';
	return !bp->msg[0] && IS_ALIGNED(bp->phys_offset, SZ_1M) &&
	       (bp->copy_to == bp->load || disjoint(bp->copy_to, LOAD_SIZE, bp->load, LOAD_SIZE)) &&
	       (bp->fdt_to == bp->fdt || disjoint(bp->fdt_to, bp->fdt_size, dest, RUN_SIZE));
}

/*
 * Every truncation and every flipped byte of @blob: the walker reads
 * nothing outside totalsize (ASan: the copy is exactly that long), for the
 * plan and for the console; returns how many plans were not sane.
 */
static int mangle_all(const char *blob)
{
	struct boot_place bp = {.load = 0x60100000, .load_size = LOAD_SIZE, .run_size = RUN_SIZE};
	u32 size = fdt_totalsize(blob), phys, shift, width;
	int insane = 0;
	enum uart_type kind;

	for (u32 n = 0; n < size; n++) {
		for (int flip = 0; flip < 2; flip++) {
			u32 len = flip ? size : max(n, 64u);
			char *copy = malloc(len);
			int err;

			memcpy(copy, blob, len);
			if (flip)
				copy[n] ^= 0xa5;
			else
				fdt_set_totalsize(copy, n);
			bp.fdt = 0x62000000;
			err = boot_place_plan(&bp, copy);
			insane += !plan_is_sane(&bp, err);
			boot_place_console(copy, &phys, &kind, &shift, &width);
			free(copy);
		}
	}
	return insane;
}

static void console_board(struct dt *d, const char *stdout_path, bool bus_ranges);

static void place_survives_truncated_and_corrupt_blobs(struct ktap_test *t)
{
	static const u64 rsv[] = {0x61000000, SZ_1M};
	static struct dt d;

	board(&d, 2, 2, rsv, 1, 0x60000000, SZ_256M, 0x61000000, 0x61100000);
	KTAP_ASSERT_EQ(t, d.err, 0);
	KTAP_EXPECT_EQ(t, mangle_all(d.buf), 0);
	console_board(&d, "serial1:115200n8", true);
	KTAP_ASSERT_EQ(t, d.err, 0);
	KTAP_EXPECT_EQ(t, mangle_all(d.buf), 0);
}

/* Linux's vexpress layout: a UART behind three buses, one with two-cell chip selects. */
static void console_board(struct dt *d, const char *stdout_path, bool bus_ranges)
{
	const fdt32_t top[] = {cpu_to_fdt32(0x10000000), cpu_to_fdt32(0x10000000),
			       cpu_to_fdt32(0x20000)};
	const fdt32_t mb[] = {
		cpu_to_fdt32(0), cpu_to_fdt32(0), cpu_to_fdt32(0x40000000), cpu_to_fdt32(0x4000000),
		cpu_to_fdt32(7), cpu_to_fdt32(0), cpu_to_fdt32(0x10000000), cpu_to_fdt32(0x20000)};
	const fdt32_t io[] = {cpu_to_fdt32(0), cpu_to_fdt32(7), cpu_to_fdt32(0),
			      cpu_to_fdt32(0x20000)};

	dt_begin(d, 1, 1);
	dt_node(d, "aliases");
	dt_str(d, "serial1", "/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000/uart@a000");
	dt_end(d);
	if (stdout_path) {
		dt_node(d, "chosen");
		dt_str(d, "stdout-path", stdout_path);
		dt_end(d);
	}
	dt_node(d, "bus@40000000");
	dt_u32(d, "#address-cells", 1);
	dt_u32(d, "#size-cells", 1);
	if (bus_ranges)
		dt_raw(d, "ranges", top, sizeof(top));
	dt_node(d, "motherboard-bus@40000000");
	dt_u32(d, "#address-cells", 2);
	dt_raw(d, "ranges", mb, sizeof(mb));
	dt_node(d, "iofpga@7,00000000");
	dt_u32(d, "#address-cells", 1);
	dt_raw(d, "ranges", io, sizeof(io));
	dt_node(d, "uart@a000");
	dt_raw(d, "compatible", "arm,pl011\0arm,primecell", sizeof("arm,pl011\0arm,primecell"));
	dt_reg(d, 0xa000, 0x1000);
	dt_end(d);
	dt_node(d, "serial@b000");
	dt_raw(d, "compatible", "acme,uart\0snps,dw-apb-uart",
	       sizeof("acme,uart\0snps,dw-apb-uart"));
	dt_reg(d, 0xb000, 0x1000);
	dt_u32(d, "reg-shift", 2);
	dt_u32(d, "reg-io-width", 4);
	dt_end(d);
	dt_node(d, "serial@c000");
	dt_str(d, "compatible", "acme,unknown-uart");
	dt_reg(d, 0xc000, 0x1000);
	dt_end(d);
	dt_end(d);
	dt_end(d);
	dt_end(d);
	dt_memory(d, "memory@60000000", 0x60000000, SZ_256M);
	dt_finish(d);
}

static void console_is_found_through_aliases_and_every_bus(struct ktap_test *t)
{
	static struct dt d;
	u32 phys = 0, shift = 9, width = 9;
	enum uart_type kind = NR_UART_TYPES;

	console_board(&d, "serial1:115200n8", true);
	KTAP_ASSERT_EQ(t, d.err, 0);
	KTAP_EXPECT_TRUE(t, boot_place_console(d.buf, &phys, &kind, &shift, &width));
	KTAP_EXPECT_EQ(t, phys, 0x1000a000);
	KTAP_EXPECT_EQ(t, kind, UART_PL011);
	KTAP_EXPECT_EQ(t, shift, 0);
	KTAP_EXPECT_EQ(t, width, 1);

	/* A full path; a node named without its unit address; an 8250's register layout. */
	console_board(&d, "/bus@40000000/motherboard-bus/iofpga@7,00000000/serial@b000:115200",
		      true);
	KTAP_EXPECT_TRUE(t, boot_place_console(d.buf, &phys, &kind, &shift, &width));
	KTAP_EXPECT_EQ(t, phys, 0x1000b000);
	KTAP_EXPECT_EQ(t, kind, UART_8250);
	KTAP_EXPECT_EQ(t, shift, 2);
	KTAP_EXPECT_EQ(t, width, 4);
}

static void console_is_not_guessed(struct ktap_test *t)
{
	static struct dt d;
	u32 phys, shift, width;
	enum uart_type kind;

	/* No stdout-path and no serial0 alias; a bus without ranges; a driver we lack; no such node. */
	console_board(&d, NULL, true);
	KTAP_EXPECT_FALSE(t, boot_place_console(d.buf, &phys, &kind, &shift, &width));
	console_board(&d, "serial1", false);
	KTAP_EXPECT_FALSE(t, boot_place_console(d.buf, &phys, &kind, &shift, &width));
	console_board(&d, "/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000/serial@c000",
		      true);
	KTAP_EXPECT_FALSE(t, boot_place_console(d.buf, &phys, &kind, &shift, &width));
	console_board(&d, "/bus@40000000/uart@a000", true);
	KTAP_EXPECT_FALSE(t, boot_place_console(d.buf, &phys, &kind, &shift, &width));
}

/* The MMU-off lookup and boot/of_console.c (libfdt) find the same console. */
static void console_agrees_with_of_console(struct ktap_test *t)
{
	static const char *const paths[] = {
		"serial1:115200n8",
		"/bus@40000000/motherboard-bus/iofpga@7,00000000/serial@b000:115200",
	};
	static struct dt d;
	struct earlycon_spec spec;
	u32 phys, shift, width;
	enum uart_type type;

	for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
		console_board(&d, paths[i], true);
		KTAP_ASSERT_TRUE(t, boot_place_console(d.buf, &phys, &type, &shift, &width));
		early_boot_setup();
		KTAP_ASSERT_EQ(t, dt_scan(&d), 0); /* of_console.c reads the scan's stdout-path */
		KTAP_ASSERT_EQ(t, earlycon_find(__va(TEST_DTB_PHYS), NULL, &spec), 0);
		KTAP_EXPECT_EQ(t, (u64)phys, spec.phys);
		KTAP_EXPECT_EQ(t, type, spec.type);
		if (type == UART_8250) { /* the others' layout is fixed */
			KTAP_EXPECT_EQ(t, shift, spec.regshift);
			KTAP_EXPECT_EQ(t, width, spec.iowidth);
		}
	}
}

static struct ktap_case boot_place_cases[] = {
	KTAP_CASE(place_uboot_default_addresses_run_at_ram_start),
	KTAP_CASE(place_in_place_stays),
	KTAP_CASE(place_ram_start_off_the_section_grid_rounds_up),
	KTAP_CASE(place_adjacent_memory_nodes_are_one_bank),
	KTAP_CASE(place_skips_memreserve_and_initrd_at_ram_start),
	KTAP_CASE(place_moves_a_dtb_in_the_way_to_the_lowest_free_place),
	KTAP_CASE(place_overlapping_move_passes_through_a_free_place),
	KTAP_CASE(place_padded_dtb_sheds_its_padding),
	KTAP_CASE(place_dt_of_another_board_is_refused_by_name),
	KTAP_CASE(place_dtb_loaded_over_the_image_is_refused_by_name),
	KTAP_CASE(place_ram_too_small_is_refused_by_name),
	KTAP_CASE(place_unreadable_dt_runs_in_place_or_says_why),
	KTAP_CASE(place_survives_truncated_and_corrupt_blobs),
	KTAP_CASE(console_is_found_through_aliases_and_every_bus),
	KTAP_CASE(console_is_not_guessed),
	KTAP_CASE(console_agrees_with_of_console),
	{}};

static struct ktap_suite boot_place_suite = {
	.name = "boot_place",
	.cases = boot_place_cases,
};
KTAP_SUITE_DEFINE(boot_place_suite);
