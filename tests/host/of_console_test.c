// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the console (boot/of_console.c): stdout-path with options, an
 * alias or a path, serial0 when there is no stdout-path, the four UART
 * families and their register layouts, "earlycon=" in every form Linux
 * takes, and the bad inputs, each with its message.
 */
#include "early_boot_helpers.h"
#include "serial.h"

static void uart(struct dt *d, const char *name, const char *compat, u32 reg)
{
	dt_node(d, name);
	dt_raw(d, "compatible", compat, (int)strlen(compat) + 1);
	dt_reg(d, reg, 0x1000);
}

/* A tree with one UART at the root, /chosen/stdout-path = @stdout (NULL: none). */
static int board(struct dt *d, const char *stdout, const char *compat)
{
	dt_begin(d, 1, 1);
	dt_memory(d, "memory@60000000", 0x60000000, 0x10000000);
	dt_node(d, "aliases");
	dt_str(d, "serial0", "/uart@1000");
	dt_str(d, "serial1", "/uart@2000");
	dt_end(d);
	if (stdout) {
		dt_node(d, "chosen");
		dt_str(d, "stdout-path", stdout);
		dt_end(d);
	}
	uart(d, "uart@1000", compat, 0x1000);
	dt_end(d);
	uart(d, "uart@2000", compat, 0x2000);
	dt_u32(d, "reg-shift", 2);
	dt_u32(d, "reg-io-width", 4);
	dt_end(d);
	return dt_finish(d);
}

static int find(struct dt *d, struct earlycon_spec *spec, const char *param)
{
	void *fdt = dt_place(d->buf);

	early_init_dt_scan(fdt);
	return earlycon_find(fdt, param, spec);
}

static void console_stdout_path_alias_with_options_picks_the_uart(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;

	KTAP_ASSERT_EQ(t, board(&d, "serial1:115200n8", "arm,pl011\0arm,primecell"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_PL011);
	KTAP_EXPECT_STREQ(t, s.name, "pl011");
	KTAP_EXPECT_EQ(t, s.phys, 0x2000);
	KTAP_EXPECT_STREQ(t, s.options, "115200n8");
	KTAP_EXPECT_EQ(t, s.index, 1);
	KTAP_EXPECT_STREQ(t, s.tty, "ttyAMA");
	/* PL011 registers are 32 bits whatever the DT says about 8250s. */
	KTAP_EXPECT_EQ(t, s.iowidth, 4);
}

static void console_full_path_and_serial0_fallback(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;

	KTAP_ASSERT_EQ(t, board(&d, "/uart@1000", "ns16550a"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, ""), 0); /* a bare "earlycon": the DT's */
	KTAP_EXPECT_EQ(t, s.phys, 0x1000);
	KTAP_EXPECT_STREQ(t, s.options, "");
	KTAP_EXPECT_EQ(t, s.index, 0);

	KTAP_ASSERT_EQ(t, board(&d, NULL, "ns16550a"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.phys, 0x1000);
	KTAP_EXPECT_STREQ(t, s.tty, "ttyS");
}

static void console_8250_reg_shift_and_io_width(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;

	KTAP_ASSERT_EQ(t, board(&d, "serial1", "nuvoton,npcm750-uart"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_8250);
	KTAP_EXPECT_STREQ(t, s.name, "uart");
	KTAP_EXPECT_EQ(t, s.regshift, 2);
	KTAP_EXPECT_EQ(t, s.iowidth, 4);
	KTAP_ASSERT_EQ(t, board(&d, "serial0", "snps,dw-apb-uart"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.regshift, 0);
	KTAP_EXPECT_EQ(t, s.iowidth, 1);
}

static void console_imx_and_cadence_are_recognised(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;

	KTAP_ASSERT_EQ(t, board(&d, "serial1:115200n8", "fsl,imx6q-uart\0fsl,imx21-uart"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_IMX);
	KTAP_EXPECT_STREQ(t, s.name, "ec_imx6q");
	KTAP_EXPECT_STREQ(t, s.tty, "ttymxc");
	KTAP_EXPECT_EQ(t, s.index, 1);
	KTAP_ASSERT_EQ(t, board(&d, "serial0", "fsl,imx21-uart"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_STREQ(t, s.name, "ec_imx21");
	KTAP_ASSERT_EQ(t, board(&d, "serial0", "xlnx,xuartps\0cdns,uart-r1p8"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_CDNS);
	KTAP_EXPECT_STREQ(t, s.tty, "ttyPS");
}

static void console_unknown_compatible_is_skipped_with_a_note(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;
	size_t mark;

	KTAP_ASSERT_EQ(t, board(&d, "serial0", "acme,uart9000"), 0);
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, find(&d, &s, NULL), -ENODEV);
	EXPECT_LOG(t, mark, "earlycon: uart@1000: no driver for compatible \"acme,uart9000\"");
	/* A stdout-path to nowhere, no alias to fall back on. */
	KTAP_ASSERT_EQ(t, board(&d, "/nowhere", "arm,pl011"), 0);
	mark = printk_log_mark();
	KTAP_EXPECT_EQ(t, find(&d, &s, NULL), 0); /* serial0 still names one */
	EXPECT_LOG(t, mark, "earlycon: stdout-path \"/nowhere\" names no node");
}

static void console_earlycon_parameter_forms(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;

	KTAP_ASSERT_EQ(t, board(&d, "serial0", "arm,pl011"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, "uart8250,mmio32,0xf0001000,115200n8"), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_8250);
	KTAP_EXPECT_EQ(t, s.phys, 0xf0001000);
	KTAP_EXPECT_EQ(t, s.iowidth, 4);
	KTAP_EXPECT_EQ(t, s.regshift, 2);
	KTAP_EXPECT_EQ(t, s.node, -1);
	KTAP_EXPECT_STREQ(t, s.options, "115200n8");
	KTAP_ASSERT_EQ(t, earlycon_parse("uart8250,mmio,0x3f8", &s), 0);
	KTAP_EXPECT_EQ(t, s.iowidth, 1);
	KTAP_ASSERT_EQ(t, earlycon_parse("pl011,0x9000000", &s), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_PL011);
	KTAP_EXPECT_EQ(t, s.phys, 0x9000000);
	KTAP_ASSERT_EQ(t, earlycon_parse("ec_imx6q,0x021e8000", &s), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_IMX);
	KTAP_ASSERT_EQ(t, earlycon_parse("cdns,0xe0000000,115200n8", &s), 0);
	KTAP_EXPECT_EQ(t, s.type, UART_CDNS);
	KTAP_EXPECT_STREQ(t, s.options, "115200n8");
}

static void console_earlycon_parameter_errors_fall_back_to_the_dt(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;
	size_t mark = printk_log_mark();

	KTAP_EXPECT_EQ(t, earlycon_parse("acme,0x1000", &s), -EINVAL);
	EXPECT_LOG(t, mark, "earlycon=acme,0x1000: unknown console \"acme\"");
	KTAP_EXPECT_EQ(t, earlycon_parse("uart8250,io,0x3f8", &s), -EINVAL);
	EXPECT_LOG(t, mark, "\"io\" is neither mmio, mmio32 nor an address");
	KTAP_EXPECT_EQ(t, earlycon_parse("pl011,0x1234zz", &s), -EINVAL);
	EXPECT_LOG(t, mark, "earlycon=pl011,0x1234zz: bad address \"0x1234zz\"");
	KTAP_EXPECT_EQ(t, earlycon_parse("pl011,0x100000000", &s), -EINVAL);
	KTAP_EXPECT_EQ(t, earlycon_parse("pl011", &s), -EINVAL);
	KTAP_ASSERT_EQ(t, board(&d, "serial1", "arm,pl011"), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, "nonsense"), 0);
	KTAP_EXPECT_EQ(t, s.phys, 0x2000);
}

static void console_earlycon_is_an_early_param(struct ktap_test *t)
{
	char cmdline[] = "mem=64M earlycon=pl011,0x9000000 loglevel=8";

	earlycon_param_reset();
	KTAP_EXPECT_PTR_EQ(t, earlycon_param(), NULL);
	parse_early_options(cmdline);
	KTAP_EXPECT_STREQ(t, earlycon_param(), "pl011,0x9000000");
	earlycon_param_reset();
	strcpy(cmdline, "earlycon");
	parse_early_options(cmdline);
	KTAP_EXPECT_STREQ(t, earlycon_param(), "");
	earlycon_param_reset();
}

static void console_reg_behind_buses_is_translated(struct ktap_test *t)
{
	static struct dt d;
	struct earlycon_spec s;
	const fdt32_t ranges[] = {cpu_to_fdt32(0), cpu_to_fdt32(0x10000000), cpu_to_fdt32(0x20000)};

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	dt_node(&d, "chosen");
	dt_str(&d, "stdout-path", "/bus/uart@9000:38400n8");
	dt_end(&d);
	dt_node(&d, "bus");
	dt_u32(&d, "#address-cells", 1);
	dt_u32(&d, "#size-cells", 1);
	dt_raw(&d, "ranges", ranges, sizeof(ranges));
	uart(&d, "uart@9000", "arm,pl011", 0x9000);
	dt_end(&d);
	dt_end(&d);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, find(&d, &s, NULL), 0);
	KTAP_EXPECT_EQ(t, s.phys, 0x10009000);
	KTAP_EXPECT_STREQ(t, s.options, "38400n8");
}

static struct ktap_case of_console_cases[] = {
	KTAP_CASE(console_stdout_path_alias_with_options_picks_the_uart),
	KTAP_CASE(console_full_path_and_serial0_fallback),
	KTAP_CASE(console_8250_reg_shift_and_io_width),
	KTAP_CASE(console_imx_and_cadence_are_recognised),
	KTAP_CASE(console_unknown_compatible_is_skipped_with_a_note),
	KTAP_CASE(console_earlycon_parameter_forms),
	KTAP_CASE(console_earlycon_parameter_errors_fall_back_to_the_dt),
	KTAP_CASE(console_earlycon_is_an_early_param),
	KTAP_CASE(console_reg_behind_buses_is_translated),
	{}};

static int of_console_init(struct ktap_test *t)
{
	earlycon_param_reset(); /* console= from the other suites' command lines */
	return early_boot_suite_init(t);
}

static struct ktap_suite of_console_suite = {
	.name = "of_console",
	.cases = of_console_cases,
	.init = of_console_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(of_console_suite);
