// SPDX-License-Identifier: GPL-2.0
/*
 * printk formatting: every conversion the kernel uses, with widths, padding
 * and the pointer extensions.  Portable: runs on the target and the host.
 */
#include "ktap.h"
#include "printk.h"
#include "kernel.h"
#include <string.h>

#define EXPECT_FORMAT(t, expected, fmt, ...)                       \
	do {                                                       \
		char _buf[128];                                    \
		scnprintf(_buf, sizeof(_buf), fmt, ##__VA_ARGS__); \
		KTAP_EXPECT_STREQ(t, _buf, expected);              \
	} while (0)

static void printk_formats_integers(struct ktap_test *t)
{
	EXPECT_FORMAT(t, "42 -42 42", "%d %i %u", 42, -42, 42u);
	EXPECT_FORMAT(t, "-2147483648", "%d", (int)0x80000000);
	EXPECT_FORMAT(t, "4294967295", "%u", 0xffffffffu);
	EXPECT_FORMAT(t, "dead BEEF", "%x %X", 0xdeadu, 0xbeefu);
	EXPECT_FORMAT(t, "17", "%o", 15u);
	EXPECT_FORMAT(t, "ffffffff", "%lx", 0xfffffffful);
	EXPECT_FORMAT(t, "123456789abcdef0", "%llx", 0x123456789abcdef0ull);
	EXPECT_FORMAT(t, "18446744073709551615", "%llu", ~0ull);
	EXPECT_FORMAT(t, "-9223372036854775808", "%lld", (long long)(1ull << 63));
	EXPECT_FORMAT(t, "4096 -1", "%zu %zd", (size_t)4096, (ptrdiff_t)-1);
	EXPECT_FORMAT(t, "200 -56", "%hhu %hhd", 200, 200);
}

static void printk_formats_width_and_padding(struct ktap_test *t)
{
	EXPECT_FORMAT(t, "   42", "%5d", 42);
	EXPECT_FORMAT(t, "42   |", "%-5d|", 42);
	EXPECT_FORMAT(t, "00042", "%05d", 42);
	EXPECT_FORMAT(t, "-0042", "%05d", -42);
	EXPECT_FORMAT(t, "0x0000000060000000", "%#018llx", 0x60000000ull);
	EXPECT_FORMAT(t, "0x1f", "%#x", 0x1fu);
	EXPECT_FORMAT(t, "  +7", "%+4d", 7);
	EXPECT_FORMAT(t, "    7", "%*d", 5, 7);
	EXPECT_FORMAT(t, "007", "%.3d", 7);
	EXPECT_FORMAT(t, "0", "%x", 0u);
	EXPECT_FORMAT(t, "%", "%%");
}

static void printk_formats_strings_and_chars(struct ktap_test *t)
{
	const char *volatile null_string = NULL; /* hidden from -Wformat-overflow */

	EXPECT_FORMAT(t, "hello", "%s", "hello");
	EXPECT_FORMAT(t, "   hi|hi   |", "%5s|%-5s|", "hi", "hi");
	EXPECT_FORMAT(t, "hel", "%.3s", "hello");
	EXPECT_FORMAT(t, "he", "%.*s", 2, "hello");
	EXPECT_FORMAT(t, "(null)", "%s", null_string);
	EXPECT_FORMAT(t, "a-b", "%c-%c", 'a', 'b');
}

static void printk_formats_pointers(struct ktap_test *t)
{
	phys_addr_t low = 0x60000000, high = 0x880000000ull;
	char buf[64];

	EXPECT_FORMAT(t, "0x60000000", "%pa", &low);
	EXPECT_FORMAT(t, "0x880000000", "%pa", &high);
	EXPECT_FORMAT(t, "[0x60000000-0x880000000]", "[%pa-%pa]", &low, &high);
	scnprintf(buf, sizeof(buf), "%p", (void *)buf);
	KTAP_EXPECT_EQ(t, strlen(buf), 2 + 2 * sizeof(void *));
	KTAP_EXPECT_TRUE(t, buf[0] == '0' && buf[1] == 'x');
}

static void printk_truncates_and_terminates(struct ktap_test *t)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	KTAP_EXPECT_EQ(t, scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	KTAP_EXPECT_STREQ(t, buf, "0123456");
	KTAP_EXPECT_EQ(t, scnprintf(buf, 1, "abc"), 0);
	KTAP_EXPECT_EQ(t, buf[0], '\0');
}

/*
 * The log keeps what the console showed, so these set the console level
 * they need rather than assume loglevel= left the default.
 */
static void printk_log_keeps_what_was_printed(struct ktap_test *t)
{
	int saved = console_loglevel;
	size_t mark = printk_log_mark();

	console_loglevel = LOGLEVEL_DEBUG + 1;
	printk(KERN_INFO "printk_test: marker %d\n", 1234);
	console_loglevel = saved;
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "printk_test: marker 1234\n"));
	KTAP_EXPECT_FALSE(t, printk_log_since(mark, "marker 1235"));
}

/* KTAP lines are the product's output: no console level hides them. */
static void printk_output_is_shown_whatever_the_console_level(struct ktap_test *t)
{
	int saved = console_loglevel;
	size_t mark = printk_log_mark();

	console_loglevel = 0;
	printk(KERN_OUTPUT "printk_test: output\n");
	printk(KERN_EMERG "printk_test: emerg\n");
	console_loglevel = saved;
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "printk_test: output\n"));
	KTAP_EXPECT_FALSE(t, printk_log_since(mark, "printk_test: emerg"));
}

static void printk_hides_levels_above_console_loglevel(struct ktap_test *t)
{
	int saved = console_loglevel;
	size_t mark = printk_log_mark();

	console_loglevel = LOGLEVEL_INFO; /* shows levels 0..5 */
	printk(KERN_INFO "printk_test: hidden\n");
	printk(KERN_NOTICE "printk_test: shown\n");
	console_loglevel = saved;
	KTAP_EXPECT_FALSE(t, printk_log_since(mark, "printk_test: hidden"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "printk_test: shown"));
}

static void printk_continues_lines_with_kern_cont(struct ktap_test *t)
{
	int saved = console_loglevel;
	size_t mark = printk_log_mark();

	console_loglevel = LOGLEVEL_DEBUG + 1;
	printk(KERN_INFO "printk_test: a");
	pr_cont("b");
	pr_cont("c\n");
	console_loglevel = saved;
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "printk_test: abc\n"));
}

static struct ktap_case printk_cases[] = {
	KTAP_CASE(printk_formats_integers),
	KTAP_CASE(printk_formats_width_and_padding),
	KTAP_CASE(printk_formats_strings_and_chars),
	KTAP_CASE(printk_formats_pointers),
	KTAP_CASE(printk_truncates_and_terminates),
	KTAP_CASE(printk_log_keeps_what_was_printed),
	KTAP_CASE(printk_output_is_shown_whatever_the_console_level),
	KTAP_CASE(printk_hides_levels_above_console_loglevel),
	KTAP_CASE(printk_continues_lines_with_kern_cont),
	{}};
KTAP_SUITE(printk, printk_cases);
