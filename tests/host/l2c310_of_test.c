// SPDX-License-Identifier: GPL-2.0
/*
 * The L2C-310's configuration from the device tree (arch/arm/mm/cache-l2x0-of.c):
 * the register values Linux 6.1 computes for its own boards' nodes, the
 * errata by RTL release, the A9-specific auxiliary bits, and the values
 * the registers cannot hold refused by name.  The figures come from Linux
 * booted on the same input under QEMU where that is possible (vexpress:
 * AUX_CTRL 0x02020000 -> 0x46420001; highbank), else from the TRM's
 * field layout.
 */
#include "early_boot_helpers.h"
#include <asm/cache-l2x0.h>

#define QEMU_RESET_AUX 0x02020000u /* QEMU's PL310 after reset: 16 KiB ways, round robin */
#define RTL_R3P2       L310_CACHE_ID_RTL_R3P2

/* A root whose compatible names @machine (dt_begin's is vexpress's), and the L2 node. */
static void l2_begin(struct dt *d, const char *machine)
{
	memset(d, 0, sizeof(*d));
	d->ac = d->sc = 1;
	dt_check(d, fdt_create(d->buf, sizeof(d->buf)));
	dt_check(d, fdt_finish_reservemap(d->buf));
	dt_check(d, fdt_begin_node(d->buf, ""));
	dt_str(d, "compatible", machine);
	dt_u32(d, "#address-cells", 1);
	dt_u32(d, "#size-cells", 1);
	dt_node(d, "cache-controller@1e00a000");
	dt_str(d, "compatible", "arm,pl310-cache");
	CELLS(d, "reg", 0x1e00a000, 0x1000);
	dt_flag(d, "cache-unified");
	dt_u32(d, "cache-level", 2);
}

static int l2_finish(struct dt *d)
{
	dt_end(d);
	return dt_finish(d);
}

static int l2_node(const void *fdt)
{
	return fdt_node_offset_by_compatible(fdt, -1, "arm,pl310-cache");
}

/* Parse the node with the machine's mask and value over the given registers. */
static int parse(struct dt *d, u32 *val, u32 *mask, struct l2x0_regs *regs,
		 struct l2c310_of_config *cfg)
{
	bool write_sec;

	l2c_machine_aux(d->buf, val, mask, &write_sec);
	return l2c310_of_parse(d->buf, l2_node(d->buf), val, mask, regs, cfg);
}

static void l2c310_vexpress_node_gives_linux_aux_ctrl(struct ktap_test *t)
{
	static struct dt d;
	struct l2x0_regs regs = {.aux_ctrl = QEMU_RESET_AUX};
	struct l2c310_of_config cfg = {0};
	struct l2c310_enable_in in = {
		.aux_cur = QEMU_RESET_AUX, .rev = RTL_R3P2, .cortex_a9 = true, .cfg = &cfg};
	u32 val, mask, aux;

	l2_begin(&d, "arm,vexpress");
	CELLS(&d, "arm,data-latency", 1, 1, 1);
	CELLS(&d, "arm,tag-latency", 1, 1, 1);
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_ASSERT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), 0);
	/* v2m.c: shared override on, bits 20-24 (event monitor .. write alloc) cleared. */
	KTAP_EXPECT_EQ(t, val, 0x00400000);
	KTAP_EXPECT_EQ(t, mask, 0xfe0fffff);
	aux = l2c_aux_merge(QEMU_RESET_AUX, val, mask);
	KTAP_EXPECT_EQ(t, aux, 0x02420000); /* Linux: "0x02020000 -> 0x02420000" */
	/* One cycle each: every field 0. */
	KTAP_EXPECT_EQ(t, regs.tag_latency, 0);
	KTAP_EXPECT_EQ(t, regs.data_latency, 0);
	/* Power control: clock gating and standby asked for by default. */
	KTAP_EXPECT_EQ(t, regs.pwr_ctrl, L310_DYNAMIC_CLK_GATING_EN | L310_STNDBY_MODE_EN);
	in.aux = aux;
	/* Linux: AUX_CTRL 0x46420001 (early BRESP, NS lockdown, full line of zeros). */
	KTAP_EXPECT_EQ(t, l2c310_enable_aux(&in), 0x46420001);
	KTAP_EXPECT_EQ(t, l2c310_ways(aux), 8);
	KTAP_EXPECT_EQ(t, l2c310_size(aux), 128 * 1024);
}

static void l2c310_latency_cells_are_cycles_minus_one(struct ktap_test *t)
{
	static struct dt d;
	struct l2x0_regs regs = {0};
	struct l2c310_of_config cfg = {0};
	u32 val, mask;

	/* i.MX6's <4 2 3>: read 4, write 2, setup 3 cycles. */
	l2_begin(&d, "fsl,imx6q");
	CELLS(&d, "arm,tag-latency", 4, 2, 3);
	CELLS(&d, "arm,data-latency", 8, 1, 5);
	dt_flag(&d, "arm,shared-override");
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_ASSERT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), 0);
	KTAP_EXPECT_EQ(t, regs.tag_latency, (3u << 4) | (1u << 8) | (2u << 0));
	KTAP_EXPECT_EQ(t, regs.data_latency, (7u << 4) | (0u << 8) | (4u << 0));
	KTAP_EXPECT_EQ(t, val, L2C_AUX_CTRL_SHARED_OVERRIDE);
	KTAP_EXPECT_EQ(t, mask, ~L2C_AUX_CTRL_SHARED_OVERRIDE);
}

static void l2c310_absurd_latency_is_refused_by_name(struct ktap_test *t)
{
	static const u32 bad[][3] = {{9, 1, 1}, {1, 0, 1}, {1, 1, 100}};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		static struct dt d;
		struct l2x0_regs regs = {.tag_latency = 0x777};
		struct l2c310_of_config cfg = {0};
		size_t mark = printk_log_mark();
		u32 val, mask;

		l2_begin(&d, "arm,vexpress");
		CELLS(&d, "arm,tag-latency", bad[i][0], bad[i][1], bad[i][2]);
		KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
		KTAP_EXPECT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), -EINVAL);
		EXPECT_LOG(t, mark, "L2C-310 OF arm,tag-latency = <");
		EXPECT_LOG(t, mark, "is outside 1..8: L2 left off");
		KTAP_EXPECT_EQ(t, regs.tag_latency, 0x777); /* untouched */
	}
}

static void l2c310_short_latency_and_big_prefetch_offset_are_refused(struct ktap_test *t)
{
	static struct dt d;
	struct l2x0_regs regs = {0};
	struct l2c310_of_config cfg = {0};
	size_t mark = printk_log_mark();
	u32 val, mask;

	l2_begin(&d, "arm,vexpress");
	CELLS(&d, "arm,data-latency", 1, 1); /* the L2C-210/220 form: two cells */
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_EXPECT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), -EINVAL);
	EXPECT_LOG(t, mark, "L2C-310 OF arm,data-latency needs 3 cells");

	mark = printk_log_mark();
	l2_begin(&d, "arm,vexpress");
	dt_u32(&d, "arm,prefetch-offset", 32);
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_EXPECT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), -EINVAL);
	EXPECT_LOG(t, mark, "L2C-310 OF arm,prefetch-offset = <32>: the field holds 0..31");
}

static void l2c310_prefetch_properties_set_their_bits(struct ktap_test *t)
{
	static struct dt d;
	/* Start from bits the properties must clear. */
	struct l2x0_regs regs = {.prefetch_ctrl = L310_PREFETCH_CTRL_DBL_LINEFILL_INCR | 0x1f};
	struct l2c310_of_config cfg = {0};
	u32 val, mask;

	l2_begin(&d, "arm,realview-pbx");
	dt_u32(&d, "prefetch-data", 1);
	dt_u32(&d, "prefetch-instr", 1);
	dt_u32(&d, "arm,prefetch-offset", 7);
	dt_u32(&d, "arm,double-linefill", 1);
	dt_u32(&d, "arm,double-linefill-incr", 0);
	dt_u32(&d, "arm,double-linefill-wrap", 0); /* 0: wrapping bursts off, the bit set */
	dt_u32(&d, "arm,prefetch-drop", 1);
	dt_u32(&d, "arm,dynamic-clock-gating", 0);
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_ASSERT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), 0);
	KTAP_EXPECT_EQ(t, regs.prefetch_ctrl,
		       L310_PREFETCH_CTRL_DATA_PREFETCH | L310_PREFETCH_CTRL_INSTR_PREFETCH |
			       L310_PREFETCH_CTRL_DBL_LINEFILL |
			       L310_PREFETCH_CTRL_DBL_LINEFILL_WRAP |
			       L310_PREFETCH_CTRL_PREFETCH_DROP | 7);
	KTAP_EXPECT_EQ(t, regs.pwr_ctrl, L310_STNDBY_MODE_EN);
	KTAP_EXPECT_EQ(t, val, 0);
	KTAP_EXPECT_EQ(t, mask, ~0u);
}

static void l2c310_cache_size_properties_set_way_size(struct ktap_test *t)
{
	static struct dt d;
	struct l2x0_regs regs = {0};
	struct l2c310_of_config cfg = {0};
	size_t mark = printk_log_mark();
	u32 val, mask, aux;

	/* RealView PBX-A9: 128 KiB, 512 sets of 32-byte lines: 16 KiB ways, 8 of them. */
	l2_begin(&d, "arm,realview-pbx");
	dt_u32(&d, "cache-size", 131072);
	dt_u32(&d, "cache-sets", 512);
	dt_u32(&d, "cache-line-size", 32);
	dt_flag(&d, "arm,parity-disable");
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_ASSERT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), 0);
	KTAP_EXPECT_EQ(t, val, 1u << L2C_AUX_CTRL_WAY_SIZE_SHIFT);
	KTAP_EXPECT_EQ(t,
		       mask & (L2C_AUX_CTRL_WAY_SIZE_MASK | L2X0_AUX_CTRL_ASSOC_MASK |
			       L2C_AUX_CTRL_PARITY_ENABLE),
		       0);
	EXPECT_LOG(t, mark, "L2C OF: override way size: 16384 bytes (16KB)");
	EXPECT_LOG(t, mark, "L2C OF: override associativity: 8");
	/* A reset value with 64 KiB ways and parity on comes out as asked. */
	aux = l2c_aux_merge((3u << 17) | L2C_AUX_CTRL_PARITY_ENABLE, val, mask);
	KTAP_EXPECT_EQ(t, l2c310_size(aux), 128 * 1024);

	/* 16 ways: 512 KiB in 32 KiB ways. */
	l2_begin(&d, "arm,realview-pbx");
	dt_u32(&d, "cache-size", 512 * 1024);
	dt_u32(&d, "cache-sets", 1024);
	dt_u32(&d, "cache-line-size", 32);
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	KTAP_ASSERT_EQ(t, parse(&d, &val, &mask, &regs, &cfg), 0);
	aux = l2c_aux_merge(0, val, mask);
	KTAP_EXPECT_EQ(t, l2c310_ways(aux), 16);
	KTAP_EXPECT_EQ(t, l2c310_size(aux), 512 * 1024);
}

static void l2c310_errata_follow_the_rtl_release(struct ktap_test *t)
{
	static const struct {
		unsigned int rev;
		u32 errata;
	} want[] = {
		{L310_CACHE_ID_RTL_R0P0, L2C310_ERRATUM_588369 | L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R1P0, L2C310_ERRATUM_588369 | L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R2P0, L2C310_ERRATUM_727915 | L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R3P0, L2C310_ERRATUM_727915 | L2C310_ERRATUM_752271 |
						 L2C310_ERRATUM_753970 | L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R3P1, L2C310_ERRATUM_752271 | L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R3P1_50REL0, L2C310_ERRATUM_752271 | L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R3P2, L2C310_ERRATUM_769419},
		{L310_CACHE_ID_RTL_R3P3, L2C310_ERRATUM_769419},
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		/* Double line fill asked for, so that 752271 shows where it applies. */
		struct l2x0_regs regs = {.prefetch_ctrl = L310_PREFETCH_CTRL_DBL_LINEFILL};
		u32 e = l2c310_errata(want[i].rev, &regs);

		KTAP_EXPECT_EQ(t, e, want[i].errata);
		KTAP_EXPECT_EQ(t, !(regs.prefetch_ctrl & L310_PREFETCH_CTRL_DBL_LINEFILL),
			       !!(want[i].errata & L2C310_ERRATUM_752271));
	}
}

static void l2c310_errata_line_is_linux_s(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	l2c310_print_errata(L2C310_ERRATUM_769419);
	EXPECT_LOG(t, mark, "L2C-310 erratum 769419 enabled"); /* Linux on vexpress */
	mark = printk_log_mark();
	l2c310_print_errata(L2C310_ERRATUM_588369 | L2C310_ERRATUM_769419);
	EXPECT_LOG(t, mark, "L2C-310 errata 588369 769419 enabled");
}

static void l2c310_a9_bits_depend_on_cpu_release_and_firmware(struct ktap_test *t)
{
	struct l2c310_of_config cfg = {0};
	struct l2c310_enable_in in = {
		.aux = 0x02020000, .rev = RTL_R3P2, .cortex_a9 = true, .cfg = &cfg};

	/* Highbank: the secure registers are the firmware's: no full line of zeros. */
	in.write_sec = true;
	KTAP_EXPECT_EQ(t, l2c310_enable_aux(&in),
		       0x02020000 | L310_AUX_CTRL_EARLY_BRESP | L310_AUX_CTRL_NS_LOCKDOWN);
	/* Before r2p0 there is no early BRESP. */
	in.write_sec = false;
	in.rev = L310_CACHE_ID_RTL_R1P0;
	KTAP_EXPECT_EQ(t, l2c310_enable_aux(&in),
		       0x02020000 | L310_AUX_CTRL_FULL_LINE_ZERO | L310_AUX_CTRL_NS_LOCKDOWN);
	/* Not an A9: the A9-only bits are cleared if asked for. */
	in.rev = RTL_R3P2;
	in.cortex_a9 = false;
	in.aux = 0x02020000 | L310_AUX_CTRL_FULL_LINE_ZERO | L310_AUX_CTRL_EARLY_BRESP;
	KTAP_EXPECT_EQ(t, l2c310_enable_aux(&in), 0x02020000 | L310_AUX_CTRL_NS_LOCKDOWN);
	/* The DT can refuse both. */
	in.cortex_a9 = true;
	in.aux = 0x02020000;
	cfg.bresp_disable = true;
	cfg.flz_disable = true;
	KTAP_EXPECT_EQ(t, l2c310_enable_aux(&in), 0x02020000 | L310_AUX_CTRL_NS_LOCKDOWN);
}

static void l2c310_machine_table_is_linux_s(struct ktap_test *t)
{
	static const struct {
		const char *compatible;
		u32 val, mask;
		bool write_sec, known;
	} want[] = {
		{"arm,vexpress", 0x00400000, 0xfe0fffff, false, true},
		{"xlnx,zynq-7000", 0x00400000, 0xffbfffff, false, true},
		{"calxeda,highbank", 0, ~0u, true, true},
		{"fsl,imx6q", 0, ~0u, false, true},
		{"acme,board", 0, ~0u, false, false},
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		static struct dt d;
		u32 val, mask;
		bool ws;

		l2_begin(&d, want[i].compatible);
		KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
		KTAP_EXPECT_EQ(t, l2c_machine_aux(d.buf, &val, &mask, &ws), want[i].known);
		KTAP_EXPECT_EQ(t, val, want[i].val);
		KTAP_EXPECT_EQ(t, mask, want[i].mask);
		KTAP_EXPECT_EQ(t, ws, want[i].write_sec);
	}
}

static void l2c310_node_without_level_or_unified_is_reported(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_node(&d, "l2");
	dt_str(&d, "compatible", "arm,pl310-cache");
	dt_u32(&d, "cache-level", 3);
	KTAP_ASSERT_EQ(t, l2_finish(&d), 0);
	l2c_of_check_node(d.buf, l2_node(d.buf));
	EXPECT_LOG(t, mark, "L2C: device tree omits to specify unified cache");
	EXPECT_LOG(t, mark, "L2C: device tree specifies invalid cache level");
}

static struct ktap_case l2c310_of_cases[] = {
	KTAP_CASE(l2c310_vexpress_node_gives_linux_aux_ctrl),
	KTAP_CASE(l2c310_latency_cells_are_cycles_minus_one),
	KTAP_CASE(l2c310_absurd_latency_is_refused_by_name),
	KTAP_CASE(l2c310_short_latency_and_big_prefetch_offset_are_refused),
	KTAP_CASE(l2c310_prefetch_properties_set_their_bits),
	KTAP_CASE(l2c310_cache_size_properties_set_way_size),
	KTAP_CASE(l2c310_errata_follow_the_rtl_release),
	KTAP_CASE(l2c310_errata_line_is_linux_s),
	KTAP_CASE(l2c310_a9_bits_depend_on_cpu_release_and_firmware),
	KTAP_CASE(l2c310_machine_table_is_linux_s),
	KTAP_CASE(l2c310_node_without_level_or_unified_is_reported),
	{}};

KTAP_SUITE(l2c310_of, l2c310_of_cases);
