// SPDX-License-Identifier: GPL-2.0
/*
 * What the target's boot/ and arch/ code provides to mm/, done for the host:
 * the console (stdout), BUG/panic/WARN, and the symbol lookup.
 */
#include "kernel.h"
#include "printk.h"
#include "symbols.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

enum system_states system_state = SYSTEM_BOOTING;

static void stdout_write(struct console *con, const char *s, size_t len)
{
	(void)con;
	fwrite(s, 1, len, stdout);
}

static struct console stdout_console = {.name = "stdout", .write = stdout_write};

/* Registered before main() so every printk of every test reaches stdout. */
__attribute__((constructor)) static void host_console_init(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	register_console(&stdout_console, false);
}

/*
 * A fatal message goes to stderr as well as the console: the fuzzers
 * discard stdout (libFuzzer's -close_fd_mask=1), and without it their
 * report would say only that the process aborted or exited.
 */
static __printf(1, 2) void fatal_message(const char *fmt, ...)
{
	char buf[320];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "%s", buf);
	fflush(stdout);
	fputs(buf, stderr);
}

void __bug(const char *file, int line, const char *cond)
{
	fatal_message("kernel BUG at %s:%d! (%s)\n", file, line, cond);
	abort();
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	fatal_message("Kernel panic - not syncing: %s\n", buf);
	exit(3);
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: at %s:%d %s\n", file, line, cond);
}

const char *lookup_symbol(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	(void)addr;
	(void)offset;
	(void)size;
	return NULL;
}
