// SPDX-License-Identifier: GPL-2.0
/*
 * Device addresses (boot/of_address.c): "reg" read with the parent's cell
 * counts and translated through every "ranges" up to the root, on the bus
 * shapes the boards we run on use.
 */
#include "early_boot_helpers.h"
#include "of_address.h"

static void bus_begin(struct dt *d, const char *name, u32 ac, u32 sc)
{
	dt_node(d, name);
	dt_str(d, "compatible", "simple-bus");
	dt_u32(d, "#address-cells", ac);
	dt_u32(d, "#size-cells", sc);
}

/*
 * vexpress-a9 as Linux's vexpress-v2m.dtsi describes it: the motherboard
 * bus addresses a device by <chip-select offset>, the root maps CS7 to
 * 0x10000000, and iofpga@7,00000000 maps its one-cell space onto CS7.
 */
static int vexpress_tree(struct dt *d)
{
	dt_begin(d, 1, 1);
	dt_memory(d, "memory@60000000", 0x60000000, 0x10000000);
	bus_begin(d, "bus@40000000", 2, 1);
	CELLS(d, "ranges", 0, 0, 0x40000000, 0x04000000, 7, 0, 0x10000000, 0x00020000);
	bus_begin(d, "motherboard-bus@40000000", 2, 1);
	dt_flag(d, "ranges");
	bus_begin(d, "iofpga@7,00000000", 1, 1);
	CELLS(d, "ranges", 0, 7, 0, 0x20000);
	dt_node(d, "sysreg@10000");
	CELLS(d, "reg", 0x10000, 0x1000);
	dt_end(d);
	dt_node(d, "serial@9000");
	CELLS(d, "reg", 0x9000, 0x1000, 0xa000, 0x1000);
	dt_end(d);
	dt_end(d);
	dt_node(d, "flash@0,00000000");
	CELLS(d, "reg", 0, 0, 0x04000000);
	dt_end(d);
	dt_end(d);
	dt_end(d);
	/* A bus with no "ranges": nothing below it is memory-mapped. */
	bus_begin(d, "i2c-bus", 1, 0);
	dt_node(d, "eeprom@50");
	CELLS(d, "reg", 0x50);
	dt_end(d);
	dt_end(d);
	return dt_finish(d);
}

static int node(const void *fdt, const char *path)
{
	return fdt_path_offset(fdt, path);
}

static void of_address_vexpress_uart_is_translated_through_two_buses(struct ktap_test *t)
{
	static struct dt d;
	const char *uart = "/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000/serial@9000";
	struct resource r;
	u64 addr, size;

	KTAP_ASSERT_EQ(t, vexpress_tree(&d), 0);
	KTAP_ASSERT_TRUE(t, node(d.buf, uart) >= 0);
	KTAP_EXPECT_EQ(t, of_get_address(d.buf, node(d.buf, uart), 0, &addr, &size), 0);
	KTAP_EXPECT_EQ(t, addr, 0x9000);
	KTAP_EXPECT_EQ(t, size, 0x1000);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, uart), 0, &r), 0);
	KTAP_EXPECT_EQ(t, r.start, 0x10009000);
	KTAP_EXPECT_EQ(t, r.end, 0x10009fff);
	KTAP_EXPECT_EQ(t, resource_size(&r), 0x1000);
	KTAP_EXPECT_STREQ(t, r.name, "serial@9000");
	/* The second reg entry goes the same way. */
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, uart), 1, &r), 0);
	KTAP_EXPECT_EQ(t, r.start, 0x1000a000);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, uart), 2, &r), -ENOENT);
}

static void of_address_two_cell_child_addresses_select_the_range(struct ktap_test *t)
{
	static struct dt d;
	const char *flash = "/bus@40000000/motherboard-bus@40000000/flash@0,00000000";
	const char *sysreg =
		"/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000/sysreg@10000";
	struct resource r;

	KTAP_ASSERT_EQ(t, vexpress_tree(&d), 0);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, flash), 0, &r), 0);
	KTAP_EXPECT_EQ(t, r.start, 0x40000000);
	KTAP_EXPECT_EQ(t, r.end, 0x43ffffff);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, sysreg), 0, &r), 0);
	KTAP_EXPECT_EQ(t, r.start, 0x10010000);
	/* <7 0x9000> by hand: chip select 7 is the second range. */
	KTAP_EXPECT_EQ(
		t,
		of_translate_address(
			d.buf,
			node(d.buf, "/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000"),
			(7ULL << 32) | 0x9000),
		0x10009000);
}

static void of_address_outside_every_range_or_behind_no_ranges_fails(struct ktap_test *t)
{
	static struct dt d;
	const char *iofpga = "/bus@40000000/motherboard-bus@40000000/iofpga@7,00000000/serial@9000";
	const char *eeprom = "/i2c-bus/eeprom@50";
	struct resource r;
	u64 addr, size;

	KTAP_ASSERT_EQ(t, vexpress_tree(&d), 0);
	/* iofpga's range covers 0x20000 bytes of CS7. */
	KTAP_EXPECT_EQ(t, of_translate_address(d.buf, node(d.buf, iofpga), 0x20000), OF_BAD_ADDR);
	KTAP_EXPECT_EQ(t, of_translate_address(d.buf, node(d.buf, iofpga), 0x1ffff), 0x1001ffff);
	/* Chip select 3 is in no range of the root bus. */
	KTAP_EXPECT_EQ(
		t,
		of_translate_address(
			d.buf,
			node(d.buf, "/bus@40000000/motherboard-bus@40000000/flash@0,00000000"),
			3ULL << 32),
		OF_BAD_ADDR);
	/* The i2c bus has #size-cells = <0> and no ranges. */
	KTAP_EXPECT_EQ(t, of_get_address(d.buf, node(d.buf, eeprom), 0, &addr, &size), 0);
	KTAP_EXPECT_EQ(t, addr, 0x50);
	KTAP_EXPECT_EQ(t, size, 0);
	KTAP_EXPECT_EQ(t, of_translate_address(d.buf, node(d.buf, eeprom), addr), OF_BAD_ADDR);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, eeprom), 0, &r), -EINVAL);
}

/* QEMU's virt: two-cell addresses and sizes, devices straight under the root. */
static void of_address_two_cell_root_reads_64_bit_reg(struct ktap_test *t)
{
	static struct dt d;
	struct resource r;

	dt_begin(&d, 2, 2);
	dt_memory(&d, "memory@40000000", 0x40000000, 0x10000000);
	dt_node(&d, "pl011@9000000");
	CELLS(&d, "reg", 0, 0x09000000, 0, 0x1000);
	dt_end(&d);
	dt_node(&d, "far@880000000");
	CELLS(&d, "reg", 8, 0x80000000, 0, 0x1000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, "/pl011@9000000"), 0, &r), 0);
	KTAP_EXPECT_EQ(t, r.start, 0x09000000);
	KTAP_EXPECT_EQ(t, r.end, 0x09000fff);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, "/far@880000000"), 0, &r), 0);
	KTAP_EXPECT_EQ(t, r.start, 0x880000000ULL);
}

/* A bus with ranges to a two-cell parent, cells inherited from an ancestor. */
static void of_address_cells_are_inherited_and_parent_widths_used(struct ktap_test *t)
{
	static struct dt d;
	struct resource r;

	dt_begin(&d, 2, 2);
	dt_memory(&d, "memory@10000000", 0x10000000, 0x10000000);
	dt_node(&d, "soc"); /* no cell counts: inherits <2> <2> from the root */
	dt_str(&d, "compatible", "simple-bus");
	CELLS(&d, "ranges", 0, 0x02000000, 0, 0x02000000, 0, 0x00100000);
	dt_node(&d, "aips-bus@2000000");
	dt_u32(&d, "#address-cells", 1);
	dt_u32(&d, "#size-cells", 1);
	CELLS(&d, "ranges", 0x02000000, 0, 0x02000000, 0x00100000);
	dt_node(&d, "serial@2020000");
	CELLS(&d, "reg", 0x02020000, 0x4000);
	dt_end(&d);
	dt_end(&d);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, of_bus_n_addr_cells(d.buf, node(d.buf, "/soc")), 2);
	KTAP_EXPECT_EQ(t, of_bus_n_size_cells(d.buf, node(d.buf, "/soc")), 2);
	KTAP_EXPECT_EQ(t,
		       of_address_to_resource(
			       d.buf, node(d.buf, "/soc/aips-bus@2000000/serial@2020000"), 0, &r),
		       0);
	KTAP_EXPECT_EQ(t, r.start, 0x02020000);
	KTAP_EXPECT_EQ(t, r.end, 0x02023fff);
}

static void of_address_rejects_unusable_cell_counts(struct ktap_test *t)
{
	static struct dt d;
	struct resource r;
	u64 addr, size;

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@0", 0, 0x10000000);
	bus_begin(&d, "wide", 5, 1);
	dt_flag(&d, "ranges");
	dt_node(&d, "dev@0");
	CELLS(&d, "reg", 0, 0, 0, 0, 0x1000, 0x100);
	dt_end(&d);
	dt_end(&d);
	dt_node(&d, "odd");
	dt_raw(&d, "#address-cells", "\0\0", 2); /* not one cell */
	dt_flag(&d, "ranges");
	dt_node(&d, "dev@0");
	CELLS(&d, "reg", 0x1000, 0x100);
	dt_end(&d);
	dt_end(&d);
	dt_node(&d, "short@0");
	CELLS(&d, "reg", 0x1000); /* half an entry */
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t, of_get_address(d.buf, node(d.buf, "/wide/dev@0"), 0, &addr, &size),
		       -EINVAL);
	KTAP_EXPECT_EQ(t, of_get_address(d.buf, node(d.buf, "/odd/dev@0"), 0, &addr, &size),
		       -EINVAL);
	KTAP_EXPECT_EQ(t, of_address_to_resource(d.buf, node(d.buf, "/short@0"), 0, &r), -ENOENT);
	KTAP_EXPECT_EQ(t, of_get_address(d.buf, 0, 0, &addr, &size), -EINVAL); /* the root */
}

static void of_address_window_wrapping_the_space_is_refused(struct ktap_test *t)
{
	static struct dt d;
	struct resource r;

	dt_begin(&d, 2, 2);
	dt_memory(&d, "memory@0", 0, 0x10000000);
	dt_node(&d, "dev@ffffffffffff0000");
	CELLS(&d, "reg", 0xffffffff, 0xffff0000, 0, 0x20000);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_EXPECT_EQ(t,
		       of_address_to_resource(d.buf, node(d.buf, "/dev@ffffffffffff0000"), 0, &r),
		       -EINVAL);
}

static struct ktap_case of_address_cases[] = {
	KTAP_CASE(of_address_vexpress_uart_is_translated_through_two_buses),
	KTAP_CASE(of_address_two_cell_child_addresses_select_the_range),
	KTAP_CASE(of_address_outside_every_range_or_behind_no_ranges_fails),
	KTAP_CASE(of_address_two_cell_root_reads_64_bit_reg),
	KTAP_CASE(of_address_cells_are_inherited_and_parent_widths_used),
	KTAP_CASE(of_address_rejects_unusable_cell_counts),
	KTAP_CASE(of_address_window_wrapping_the_space_is_refused),
	{}};

KTAP_SUITE(of_address, of_address_cases);
