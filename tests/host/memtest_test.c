// SPDX-License-Identifier: GPL-2.0
/*
 * memtest= (mm/memtest.c): the option, the passes and their lines as Linux
 * prints them, and bad words reserved in runs.
 */
#include "early_boot_helpers.h"
#include "memtest.h"

/* 256 MiB with @bootargs, booted through arm_memblock_init. */
static int memtest_board(const char *bootargs)
{
	static struct dt d;

	dt_begin(&d, 1, 1);
	dt_node(&d, "chosen");
	dt_str(&d, "bootargs", bootargs);
	dt_end(&d);
	dt_memory(&d, "memory@60000000", 0x60000000, 0x10000000);
	if (dt_finish(&d))
		return -1;
	return dt_boot(&d);
}

static void memtest_two_passes_end_with_zero_and_print_like_linux(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, memtest_board("memtest=2"), 0);
	*(u64 *)__va(0x68000000) = 0x1234;
	early_memtest(0x68000000, 0x68100000);
	EXPECT_LOG(t, mark,
		   "early_memtest: # of tests: 2\n"
		   "  0x68000000 - 0x68100000 pattern ffffffffffffffff\n"
		   "  0x68000000 - 0x68100000 pattern 0000000000000000\n");
	KTAP_EXPECT_EQ(t, *(u64 *)__va(0x68000000), 0);
	KTAP_EXPECT_EQ(t, *(u64 *)__va(0x680ffff8), 0);
	KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(0x68000000, 0x100000));
}

static void memtest_alone_runs_all_17_patterns(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, memtest_board("memtest"), 0);
	early_memtest(0x68000000, 0x68001000);
	EXPECT_LOG(t, mark, "early_memtest: # of tests: 17\n");
	/* Linux prints its last pattern byte-swapped: "LINUXrlz". */
	EXPECT_LOG(t, mark, "  0x68000000 - 0x68001000 pattern 4c494e5558726c7a\n");
}

static void memtest_skips_reserved_memory(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, memtest_board("memtest=1"), 0);
	memblock_reserve(0x68080000, 0x1000);
	*(u64 *)__va(0x68080000) = 0xfeed;
	early_memtest(0x68000000, 0x68100000);
	EXPECT_LOG(t, mark,
		   "  0x68000000 - 0x68080000 pattern 0000000000000000\n"
		   "  0x68081000 - 0x68100000 pattern 0000000000000000\n");
	KTAP_EXPECT_EQ(t, *(u64 *)__va(0x68080000), 0xfeed);
}

static void memtest_off_by_default_and_with_zero(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, memtest_board("memtest=0"), 0);
	early_memtest(0x68000000, 0x68001000);
	EXPECT_NO_LOG(t, mark, "early_memtest");
}

static void memtest_bad_value_is_reported(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	KTAP_ASSERT_EQ(t, memtest_board("memtest=lots"), 0);
	EXPECT_LOG(t, mark, "memtest=lots: expected a number of patterns, parameter ignored\n");
	early_memtest(0x68000000, 0x68001000);
	EXPECT_NO_LOG(t, mark, "early_memtest");
}

static void memtest_bad_words_are_reserved_in_runs_like_linux(struct ktap_test *t)
{
	const u64 pattern = 0x5555555555555555ULL;
	size_t mark = printk_log_mark();
	u64 *w = __va(0x68000000);

	KTAP_ASSERT_EQ(t, memtest_board(""), 0);
	for (int i = 0; i < 512; i++)
		w[i] = pattern;
	w[3] = w[4] = w[5] = 0; /* one run of three */
	w[100] = 1;		/* and a single word */
	memtest_check(pattern, 0x68000000, 512 * 8);
	EXPECT_LOG(t, mark,
		   "  5555555555555555 bad mem addr 0x68000018 - 0x68000030 reserved\n"
		   "  5555555555555555 bad mem addr 0x68000320 - 0x68000328 reserved\n");
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(0x68000018, 0x18));
	KTAP_EXPECT_TRUE(t, memblock_is_region_reserved(0x68000320, 8));
	KTAP_EXPECT_FALSE(t, memblock_is_region_reserved(0x68000030, 0x2f0));
}

static struct ktap_case memtest_cases[] = {
	KTAP_CASE(memtest_two_passes_end_with_zero_and_print_like_linux),
	KTAP_CASE(memtest_alone_runs_all_17_patterns),
	KTAP_CASE(memtest_skips_reserved_memory),
	KTAP_CASE(memtest_off_by_default_and_with_zero),
	KTAP_CASE(memtest_bad_value_is_reported),
	KTAP_CASE(memtest_bad_words_are_reserved_in_runs_like_linux),
	{}};

static struct ktap_suite memtest_suite = {
	.name = "memtest",
	.cases = memtest_cases,
	.init = early_boot_suite_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(memtest_suite);
