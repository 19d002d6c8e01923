// SPDX-License-Identifier: GPL-2.0
/*
 * The command line (boot/cmdline.c): number parsers, splitting, the early
 * parameter table, and the parameters of this stage (loglevel=,
 * memblock=debug, mem=) with the message each malformed value gets.
 */
#include "early_boot_helpers.h"
#include "memtest.h"
#include "mm.h"
#include "serial.h"
#include "slab.h"
#include "vmalloc.h"
#include "vmstat.h"
#include <asm/memmap.h>

/* A parameter of the test binary's own, to watch the dispatcher. */
static int ktest_calls;
static char ktest_value[64];
static bool ktest_value_null;

static int ktest_param(char *val)
{
	ktest_calls++;
	ktest_value_null = !val;
	strncpy(ktest_value, val ? val : "", sizeof(ktest_value) - 1);
	return val && !strcmp(val, "bad") ? -EINVAL : 0;
}
early_param("ktest_param", ktest_param);

static int cmdline_suite_init(struct ktap_test *t)
{
	ktest_calls = 0;
	memset(ktest_value, 0, sizeof(ktest_value));
	ktest_value_null = false;
	return early_boot_suite_init(t);
}

/* Run the early pass over a literal command line. */
static void parse(const char *cmdline)
{
	static char buf[COMMAND_LINE_SIZE];

	strncpy(buf, cmdline, sizeof(buf) - 1);
	parse_early_options(buf);
}

/* ---------------------------------------------------------------- numbers */

static void cmdline_memparse_reads_suffixes_and_prefixes(struct ktap_test *t)
{
	char *end;

	KTAP_EXPECT_EQ(t, memparse("64M", &end), 64ULL << 20);
	KTAP_EXPECT_EQ(t, *end, '\0');
	KTAP_EXPECT_EQ(t, memparse("1G", NULL), SZ_1G);
	KTAP_EXPECT_EQ(t, memparse("4k", NULL), 4096);
	KTAP_EXPECT_EQ(t, memparse("2T", NULL), 2ULL << 40);
	KTAP_EXPECT_EQ(t, memparse("0x1000", NULL), 0x1000);
	KTAP_EXPECT_EQ(t, memparse("0x10M", NULL), 16ULL << 20);
	KTAP_EXPECT_EQ(t, memparse("010", NULL), 8);
	KTAP_EXPECT_EQ(t, memparse("12", &end), 12);
	KTAP_EXPECT_EQ(t, memparse("64M@0x60000000", &end), 64ULL << 20);
	KTAP_EXPECT_EQ(t, *end, '@');
}

static void cmdline_memparse_stops_at_junk_like_linux(struct ktap_test *t)
{
	char *end;

	KTAP_EXPECT_EQ(t, memparse("12X", &end), 12);
	KTAP_EXPECT_EQ(t, *end, 'X');
	KTAP_EXPECT_EQ(t, memparse("", &end), 0);
	KTAP_EXPECT_EQ(t, memparse("0x", &end), 0);
	KTAP_EXPECT_EQ(t, *end, 'x');
}

static void cmdline_memparse_checked_rejects_junk_empty_and_overflow(struct ktap_test *t)
{
	const char *bad = NULL;
	u64 v = 0;

	KTAP_EXPECT_EQ(t, memparse_checked("128M", &v, NULL), 0);
	KTAP_EXPECT_EQ(t, v, 128ULL << 20);
	KTAP_EXPECT_EQ(t, memparse_checked("18446744073709551615", &v, NULL), 0);
	KTAP_EXPECT_EQ(t, v, ~0ULL);
	KTAP_EXPECT_EQ(t, memparse_checked("15E", &v, NULL), 0);
	KTAP_EXPECT_EQ(t, v, 15ULL << 60);

	KTAP_EXPECT_EQ(t, memparse_checked("12X", &v, &bad), -EINVAL);
	KTAP_EXPECT_STREQ(t, bad, "X");
	KTAP_EXPECT_EQ(t, memparse_checked("", &v, NULL), -EINVAL);
	KTAP_EXPECT_EQ(t, memparse_checked("M", &v, NULL), -EINVAL);
	KTAP_EXPECT_EQ(t, memparse_checked("1K ", &v, NULL), -EINVAL);
	KTAP_EXPECT_EQ(t, memparse_checked("1MM", &v, NULL), -EINVAL);
	KTAP_EXPECT_EQ(t, memparse_checked("0x", &v, NULL), -EINVAL);
	KTAP_EXPECT_EQ(t, memparse_checked("-1", &v, NULL), -EINVAL);
	KTAP_EXPECT_EQ(t, memparse_checked("18446744073709551616", &v, NULL), -ERANGE);
	KTAP_EXPECT_EQ(t, memparse_checked("99999999999999999999G", &v, NULL), -ERANGE);
	KTAP_EXPECT_EQ(t, memparse_checked("16E", &v, NULL), -ERANGE);
	KTAP_EXPECT_EQ(t, memparse_checked("0x400000000000G", &v, NULL), -ERANGE);
	KTAP_EXPECT_EQ(t, v, 15ULL << 60); /* failures leave the result alone */
}

static void cmdline_kstrto_functions_check_the_whole_string(struct ktap_test *t)
{
	unsigned long long u = 0;
	int i = 0;

	KTAP_EXPECT_EQ(t, kstrtoull("+5", 10, &u), 0);
	KTAP_EXPECT_EQ(t, u, 5);
	KTAP_EXPECT_EQ(t, kstrtoull("5\n", 10, &u), 0);
	KTAP_EXPECT_EQ(t, kstrtoull("0x10", 0, &u), 0);
	KTAP_EXPECT_EQ(t, u, 16);
	KTAP_EXPECT_EQ(t, kstrtoull("ff", 16, &u), 0);
	KTAP_EXPECT_EQ(t, u, 255);
	KTAP_EXPECT_EQ(t, kstrtoull("-1", 10, &u), -EINVAL);
	KTAP_EXPECT_EQ(t, kstrtoull("", 10, &u), -EINVAL);
	KTAP_EXPECT_EQ(t, kstrtoull("5 ", 10, &u), -EINVAL);
	KTAP_EXPECT_EQ(t, kstrtoull("18446744073709551616", 10, &u), -ERANGE);

	KTAP_EXPECT_EQ(t, kstrtoint("-2147483648", 10, &i), 0);
	KTAP_EXPECT_EQ(t, (long long)i, -2147483648LL);
	KTAP_EXPECT_EQ(t, kstrtoint("2147483647", 10, &i), 0);
	KTAP_EXPECT_EQ(t, i, 2147483647);
	KTAP_EXPECT_EQ(t, kstrtoint("2147483648", 10, &i), -ERANGE);
	KTAP_EXPECT_EQ(t, kstrtoint("-2147483649", 10, &i), -ERANGE);
	KTAP_EXPECT_EQ(t, kstrtoint("--1", 10, &i), -EINVAL);
}

static void cmdline_simple_strtoull_reports_where_it_stopped(struct ktap_test *t)
{
	char *end;

	KTAP_EXPECT_EQ(t, simple_strtoull("1234abc", &end, 10), 1234);
	KTAP_EXPECT_STREQ(t, end, "abc");
	KTAP_EXPECT_EQ(t, simple_strtoull("0x1f!", &end, 0), 0x1f);
	KTAP_EXPECT_STREQ(t, end, "!");
	KTAP_EXPECT_EQ(t, simple_strtoull("0x1f", &end, 16), 0x1f);
	KTAP_EXPECT_EQ(t, simple_strtoul("777", &end, 8), 0777);
	KTAP_EXPECT_EQ(t, simple_strtoull("z", &end, 10), 0);
	KTAP_EXPECT_STREQ(t, end, "z");
}

/* ---------------------------------------------------------------- splitting */

static void cmdline_next_arg_splits_quotes_and_bare_names(struct ktap_test *t)
{
	char line[] = "a=1 bare  \"c=d e\" f=\"g h\" last";
	char *args = line, *param, *val;

	args = next_arg(args, &param, &val);
	KTAP_EXPECT_STREQ(t, param, "a");
	KTAP_EXPECT_STREQ(t, val, "1");
	args = next_arg(args, &param, &val);
	KTAP_EXPECT_STREQ(t, param, "bare");
	KTAP_EXPECT_TRUE(t, val == NULL);
	args = next_arg(args, &param, &val);
	KTAP_EXPECT_STREQ(t, param, "c");
	KTAP_EXPECT_STREQ(t, val, "d e");
	args = next_arg(args, &param, &val);
	KTAP_EXPECT_STREQ(t, param, "f");
	KTAP_EXPECT_STREQ(t, val, "g h");
	args = next_arg(args, &param, &val);
	KTAP_EXPECT_STREQ(t, param, "last");
	KTAP_EXPECT_EQ(t, *args, '\0');
}

static void cmdline_unterminated_quote_runs_to_the_end(struct ktap_test *t)
{
	char line[] = "x=\"open value";
	char *param, *val;

	KTAP_EXPECT_EQ(t, *next_arg(line, &param, &val), '\0');
	KTAP_EXPECT_STREQ(t, param, "x");
	KTAP_EXPECT_STREQ(t, val, "open value");
}

/* ---------------------------------------------------------------- dispatch */

static void cmdline_registered_handler_gets_its_value(struct ktap_test *t)
{
	parse("  console=ttyAMA0 ktest_param=42 root=/dev/vda  ");
	KTAP_EXPECT_EQ(t, ktest_calls, 1);
	KTAP_EXPECT_STREQ(t, ktest_value, "42");
}

static void cmdline_dash_and_underscore_are_the_same(struct ktap_test *t)
{
	parse("ktest-param=7");
	KTAP_EXPECT_EQ(t, ktest_calls, 1);
	KTAP_EXPECT_STREQ(t, ktest_value, "7");
}

static void cmdline_bare_parameter_gets_null(struct ktap_test *t)
{
	parse("ktest_param");
	KTAP_EXPECT_EQ(t, ktest_calls, 1);
	KTAP_EXPECT_TRUE(t, ktest_value_null);
}

static void cmdline_quoted_value_reaches_the_handler_unquoted(struct ktap_test *t)
{
	parse("ktest_param=\"two words\"");
	KTAP_EXPECT_STREQ(t, ktest_value, "two words");
}

static void cmdline_unknown_parameters_are_ignored_silently(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	parse("nosuchparam=1 another quiet");
	KTAP_EXPECT_EQ(t, ktest_calls, 0);
	KTAP_EXPECT_EQ(t, printk_log_mark(), mark);
}

static void cmdline_double_dash_ends_the_kernel_parameters(struct ktap_test *t)
{
	parse("ktest_param=1 -- ktest_param=2");
	KTAP_EXPECT_EQ(t, ktest_calls, 1);
	KTAP_EXPECT_STREQ(t, ktest_value, "1");
}

static void cmdline_malformed_value_is_reported_like_linux(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	parse("ktest_param=bad");
	EXPECT_LOG(t, mark, "Malformed early option 'ktest_param'\n");
}

static void cmdline_parse_early_param_runs_once_on_a_copy(struct ktap_test *t)
{
	strcpy(boot_command_line, "ktest_param=9 x=\"y z\"");
	parse_early_param();
	parse_early_param();
	KTAP_EXPECT_EQ(t, ktest_calls, 1);
	KTAP_EXPECT_STREQ(t, ktest_value, "9");
	KTAP_EXPECT_STREQ(t, boot_command_line, "ktest_param=9 x=\"y z\"");
}

/* ---------------------------------------------------------------- this stage's parameters */

static void cmdline_loglevel_sets_the_console_level(struct ktap_test *t)
{
	parse("loglevel=4");
	KTAP_EXPECT_EQ(t, console_loglevel, 4);
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
}

static void cmdline_bad_loglevel_is_reported_and_ignored(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	parse("loglevel=abc loglevel=99 loglevel");
	KTAP_EXPECT_EQ(t, console_loglevel, CONSOLE_LOGLEVEL_DEFAULT);
	EXPECT_LOG(t, mark, "loglevel=abc: not a number, parameter ignored\n");
	EXPECT_LOG(t, mark, "loglevel=99: out of range (0 to 15), parameter ignored\n");
	EXPECT_LOG(t, mark, "loglevel=: no value given, parameter ignored\n");
	EXPECT_LOG(t, mark, "Malformed early option 'loglevel'\n");
}

static void cmdline_memblock_debug_turns_on_memblock_debug(struct ktap_test *t)
{
	parse("memblock=verbose");
	KTAP_EXPECT_FALSE(t, memblock_debug);
	parse("memblock=debug");
	KTAP_EXPECT_TRUE(t, memblock_debug);
	memblock_debug = false;
}

static void cmdline_mem_stores_a_page_aligned_limit(struct ktap_test *t)
{
	parse("mem=64M");
	KTAP_EXPECT_EQ(t, arm_memory_limit(), 64ULL << 20);
	parse("mem=0x1000123");
	KTAP_EXPECT_EQ(t, arm_memory_limit(), 0x1000000);
}

static void cmdline_malformed_mem_is_reported_and_ignored(struct ktap_test *t)
{
	size_t mark = printk_log_mark();

	parse("mem=12X mem= mem=99999999999999999999G mem=M mem mem=64M@0x60000000");
	KTAP_EXPECT_EQ(t, arm_memory_limit(), 0);
	EXPECT_LOG(t, mark, "mem=12X: unexpected \"X\" after the number, parameter ignored\n");
	EXPECT_LOG(t, mark,
		   "mem=: no value given (expected a size such as 64M), parameter ignored\n");
	EXPECT_LOG(t, mark,
		   "mem=99999999999999999999G: the size does not fit in 64 bits, parameter "
		   "ignored\n");
	EXPECT_LOG(t, mark, "mem=M: not a number, parameter ignored\n");
	EXPECT_LOG(t, mark,
		   "mem=64M@0x60000000: the SIZE@START form is not supported (mem= only limits "
		   "the memory the DT describes), parameter ignored\n");
	EXPECT_LOG(t, mark, "Malformed early option 'mem'\n");
}

/* ---------------------------------------------------------------- forgetting a command line */

/*
 * Every early parameter of the host build, and a command line that sets
 * each.  host_early_boot_reset() must forget them all, or one host boot (one
 * fuzz input) changes the next, and a finding does not replay from its
 * input alone; page_poison=on did, in fdt_fuzz.  ktest_param is this
 * suite's own, reset by its init.
 */
static const char *const reset_params[] = {
	"cma",	    "console",	  "dump_page",	 "earlycon",	"ktest_param", "loglevel",
	"mem",	    "memblock",	  "memmap_json", "memtest",	"mminfo",      "page_poison",
	"slabinfo", "slub_debug", "vmalloc",	 "vmallocinfo",
};
static const char reset_cmdline[] =
	"cma=16M console=ttyAMA1 dump_page=0x60000 earlycon=pl011,0x9000000 ktest_param=x "
	"loglevel=3 mem=64M memblock=debug memmap_json memtest=3 mminfo page_poison=on "
	"slabinfo slub_debug=FZ vmalloc=128M vmallocinfo";

extern const struct obs_kernel_param __start_early_params[];
extern const struct obs_kernel_param __stop_early_params[];

static bool reset_param_named(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(reset_params); i++)
		if (!strcmp(reset_params[i], name))
			return true;
	return false;
}

static void cmdline_host_reset_knows_every_early_param(struct ktap_test *t)
{
	for (const struct obs_kernel_param *p = __start_early_params; p < __stop_early_params; p++)
		if (!reset_param_named(p->str))
			ktap_fail(
				t, __FILE__, __LINE__,
				"early_param(\"%s\"): forget its value in host_early_boot_reset() "
				"and name it in reset_params[]",
				p->str);
}

static void cmdline_host_reset_forgets_every_early_param(struct ktap_test *t)
{
	size_t mark;

	parse(reset_cmdline);
	KTAP_ASSERT_TRUE(t, page_poisoning_enabled());
	KTAP_ASSERT_TRUE(t, earlycon_param() != NULL);
	KTAP_ASSERT_TRUE(t, memmap_json_at_boot);
	early_boot_setup();
	KTAP_EXPECT_FALSE(t, page_poisoning_enabled());
	KTAP_EXPECT_PTR_EQ(t, earlycon_param(), NULL);
	KTAP_EXPECT_FALSE(t, memmap_json_at_boot);
	KTAP_EXPECT_EQ(t, arm_memory_limit(), 0);
	KTAP_EXPECT_EQ(t, console_loglevel, CONSOLE_LOGLEVEL_DEFAULT);
	KTAP_EXPECT_FALSE(t, memblock_debug);
	/* The reports a command line asks for at the end of the boot: none now. */
	mark = printk_log_mark();
	show_mminfo_at_boot();
	slabinfo_at_boot();
	vmallocinfo_at_boot();
	early_memtest(TEST_RAM_BASE, TEST_RAM_BASE + SZ_1M);
	KTAP_EXPECT_EQ(t, printk_log_mark(), mark);
}

static struct ktap_case cmdline_cases[] = {
	KTAP_CASE(cmdline_memparse_reads_suffixes_and_prefixes),
	KTAP_CASE(cmdline_memparse_stops_at_junk_like_linux),
	KTAP_CASE(cmdline_memparse_checked_rejects_junk_empty_and_overflow),
	KTAP_CASE(cmdline_kstrto_functions_check_the_whole_string),
	KTAP_CASE(cmdline_simple_strtoull_reports_where_it_stopped),
	KTAP_CASE(cmdline_next_arg_splits_quotes_and_bare_names),
	KTAP_CASE(cmdline_unterminated_quote_runs_to_the_end),
	KTAP_CASE(cmdline_registered_handler_gets_its_value),
	KTAP_CASE(cmdline_dash_and_underscore_are_the_same),
	KTAP_CASE(cmdline_bare_parameter_gets_null),
	KTAP_CASE(cmdline_quoted_value_reaches_the_handler_unquoted),
	KTAP_CASE(cmdline_unknown_parameters_are_ignored_silently),
	KTAP_CASE(cmdline_double_dash_ends_the_kernel_parameters),
	KTAP_CASE(cmdline_malformed_value_is_reported_like_linux),
	KTAP_CASE(cmdline_parse_early_param_runs_once_on_a_copy),
	KTAP_CASE(cmdline_loglevel_sets_the_console_level),
	KTAP_CASE(cmdline_bad_loglevel_is_reported_and_ignored),
	KTAP_CASE(cmdline_memblock_debug_turns_on_memblock_debug),
	KTAP_CASE(cmdline_mem_stores_a_page_aligned_limit),
	KTAP_CASE(cmdline_malformed_mem_is_reported_and_ignored),
	KTAP_CASE(cmdline_host_reset_knows_every_early_param),
	KTAP_CASE(cmdline_host_reset_forgets_every_early_param),
	{}};

static struct ktap_suite cmdline_suite = {
	.name = "cmdline",
	.cases = cmdline_cases,
	.init = cmdline_suite_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(cmdline_suite);
