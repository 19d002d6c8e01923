// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the command-line parsers on arbitrary bytes.
 *
 * An input is a command line as a boot loader passes it (bootargs, QEMU's
 * -append): any bytes, cut at the first NUL and at COMMAND_LINE_SIZE - 1
 * as the DT scan cuts it.  It goes through next_arg() (the splitter), the
 * number parsers every early parameter uses (memparse_checked, kstrtoull,
 * kstrtoint, early_param_size, early_param_int) on every value, and
 * parse_early_param() with every early parameter the portable code
 * registers (mem=, vmalloc=, cma=, loglevel=, memblock=, page_poison=, ...).
 *
 * Failures: a crash, a sanitizer report, a BUG() or a panic(), a time-out
 * (a splitter that stops advancing), and these invariants:
 *  - next_arg() moves forward, and every param and value it returns lies
 *    inside the line and is NUL-terminated there;
 *  - a parser returns a result the value can mean (early_param_int within
 *    its bounds, memparse_checked's error position inside the value);
 *  - after parse_early_param(): loglevel in 0..15 and mem= page-aligned.
 * Build with clang -fsanitize=fuzzer,address,undefined.
 */
#include <asm/memblock.h>
#include "../host/host_boot.h"
#include "cmdline.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mm.h"
#include "printk.h"
#include <string.h>

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static char line[COMMAND_LINE_SIZE];
static char work[COMMAND_LINE_SIZE];

/* The number parsers on one value; each result must be one the value can mean. */
static void check_value(const char *val)
{
	unsigned long long ull;
	const char *end;
	u64 v;
	int i;

	/* On failure @end points at what could not be read, inside the value. */
	end = val;
	if (memparse_checked(val, &v, &end))
		BUG_ON(end < val || end > val + strlen(val));
	if (!kstrtoull(val, 0, &ull))
		BUG_ON(!*val);
	if (!kstrtoint(val, 0, &i))
		BUG_ON(!*val);
	if (!early_param_int("fuzz", val, -5, 40, &i))
		BUG_ON(i < -5 || i > 40);
	(void)early_param_size("fuzz", val, &v);
	(void)memparse(val, NULL);
	(void)simple_strtoull(val, NULL, 0);
}

/* Split @work as the early parser does, checking every piece. */
static void split(void)
{
	char *args = work, *param, *val, *next;
	const char *stop = work + sizeof(work);

	while (*args) {
		next = next_arg(args, &param, &val);
		BUG_ON(next <= args && *args);
		BUG_ON(next < work || next >= stop);
		BUG_ON(param < work || param >= stop || !memchr(param, '\0', stop - param));
		if (val) {
			BUG_ON(val < work || val >= stop || !memchr(val, '\0', stop - val));
			check_value(val);
		}
		check_value(param);
		args = next;
	}
}

/**
 * LLVMFuzzerTestOneInput - parse one command line
 * @data: its bytes
 * @size: how many
 *
 * Returns 0 (libFuzzer's "keep going").
 */
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	size_t n = strnlen((const char *)data, min(size, sizeof(line) - 1));

	memcpy(line, data, n);
	line[n] = '\0';
	memcpy(work, line, n + 1);
	split();

	host_early_boot_reset();
	console_loglevel = 1; /* the parsers' complaints would only slow the search */
	memcpy(boot_command_line, line, n + 1);
	parse_early_param();
	BUG_ON(console_loglevel < 0 || console_loglevel > 15);
	BUG_ON(arm_memory_limit() & (PAGE_SIZE - 1));
	/* The parsers work on a copy: the line the boot loader gave is kept as given. */
	BUG_ON(memcmp(boot_command_line, line, n + 1));
	return 0;
}
