// SPDX-License-Identifier: GPL-2.0
/*
 * A console that faults inside its write (printk is re-entered from it, as
 * the fault handler's report does) is marked broken and skipped, so the
 * report reaches the other consoles and nothing recurses.
 */
#include "ktap.h"
#include "printk.h"
#include <string.h>

static int faulty_calls, good_calls;
static char good_seen[256];

/* Stands for a UART write that faults: the abort handler's printk runs inside it. */
static void faulty_write(struct console *con, const char *s, size_t len)
{
	(void)con;
	(void)s;
	(void)len;
	if (++faulty_calls < 10)
		printk(KERN_EMERG "Unable to handle kernel paging request in the console\n");
}

static void good_write(struct console *con, const char *s, size_t len)
{
	size_t used = strlen(good_seen);

	(void)con;
	good_calls++;
	if (used + len < sizeof(good_seen))
		strncat(good_seen, s, len);
}

static void console_fault_in_write_marks_it_broken_without_recursing(struct ktap_test *t)
{
	struct console faulty = {.name = "faulty", .write = faulty_write};
	struct console good = {.name = "good", .write = good_write};

	faulty_calls = good_calls = 0;
	good_seen[0] = '\0';
	register_console(&good, false);
	register_console(&faulty, false);
	printk(KERN_EMERG "hello\n");
	KTAP_EXPECT_EQ(t, faulty_calls, 1);
	KTAP_EXPECT_TRUE(t, faulty.broken);
	KTAP_EXPECT_TRUE(t, strstr(good_seen, "Unable to handle kernel paging request") != NULL);
	KTAP_EXPECT_TRUE(t, strstr(good_seen, "hello") != NULL);
	printk(KERN_EMERG "after\n");
	KTAP_EXPECT_EQ(t, faulty_calls, 1); /* skipped from then on */
	KTAP_EXPECT_TRUE(t, strstr(good_seen, "after") != NULL);
	KTAP_EXPECT_TRUE(t, have_working_console());
	unregister_console(&faulty);
	unregister_console(&good);
}

static struct ktap_case console_fault_cases[] = {
	KTAP_CASE(console_fault_in_write_marks_it_broken_without_recursing), {}};
KTAP_SUITE(console_fault, console_fault_cases);
