// SPDX-License-Identifier: GPL-2.0
/*
 * KTAP version 1 runner: prints the same document Linux's KUnit prints
 * (nested suites, "ok N name" / "not ok N name", "# SKIP", totals), so
 * scripts/ktap.py and any KTAP parser read both.
 */
#include "ktap.h"
#include "kernel.h"
#include "printk.h"
#include <string.h>

extern const struct ktap_suite *const __start_ktap_suites[];
extern const struct ktap_suite *const __stop_ktap_suites[];

#define ktap_for_each_suite(p) for (p = __start_ktap_suites; p < __stop_ktap_suites; p++)

extern const ktap_early_hook_t __start_ktap_early[] __attribute__((weak));
extern const ktap_early_hook_t __stop_ktap_early[] __attribute__((weak));

static const char *indent = ""; /* "    " while inside a suite */

/**
 * ktap_run_early_hooks - run every KTAP_EARLY_HOOK (start_kernel, before mm_core_init)
 */
void ktap_run_early_hooks(void)
{
	for (const ktap_early_hook_t *hook = __start_ktap_early; hook < __stop_ktap_early; hook++)
		(*hook)();
}

/* One "# " diagnostic line at the current nesting. */
static void vktap_info(const char *fmt, va_list args)
{
	char buf[256];

	vscnprintf(buf, sizeof(buf), fmt, args);
	printk(KERN_OUTPUT "%s# %s\n", indent, buf);
}

/**
 * ktap_info - print a "# " diagnostic line inside the running suite
 * @fmt: printk format
 */
void ktap_info(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vktap_info(fmt, args);
	va_end(args);
}

/**
 * ktap_fail - record a failed expectation and print its KTAP diagnostic
 * @t: the running test
 * @file: where
 * @line: where
 * @fmt: what was expected and what was found
 */
void ktap_fail(struct ktap_test *t, const char *file, int line, const char *fmt, ...)
{
	va_list args;

	t->failed = true;
	printk(KERN_OUTPUT "%s# %s: EXPECTATION FAILED at %s:%d\n", indent, t->name, file, line);
	va_start(args, fmt);
	vktap_info(fmt, args);
	va_end(args);
}

/**
 * ktap_skip - mark the running test skipped, with a reason
 * @t: the running test
 * @reason: why, printed after "# SKIP"
 */
void ktap_skip(struct ktap_test *t, const char *reason)
{
	t->skipped = true;
	t->skip_reason = reason;
}

/**
 * ktap_glob_match - '*'-only glob match, exposed for tests
 * @glob: the pattern
 * @str: the text (not NUL-terminated)
 * @len: its length
 */
bool ktap_glob_match(const char *glob, const char *str, size_t len)
{
	if (!*glob)
		return len == 0;
	if (*glob == '*') {
		for (size_t i = 0; i <= len; i++)
			if (ktap_glob_match(glob + 1, str + i, len - i))
				return true;
		return false;
	}
	return len && *glob == *str && ktap_glob_match(glob + 1, str + 1, len - 1);
}

/*
 * Does one comma-separated filter entry select @suite (and @test, or any
 * case of the suite when @test is NULL)?  An entry "a.b" names suite a,
 * case b; an entry without a dot selects whole suites.
 */
static bool entry_selects(const char *entry, size_t len, const struct ktap_suite *s,
			  const char *test)
{
	const char *dot = memchr(entry, '.', len);
	size_t slen = dot ? (size_t)(dot - entry) : len;
	char sglob[64], cglob[64];

	if (slen >= sizeof(sglob))
		return false;
	memcpy(sglob, entry, slen);
	sglob[slen] = '\0';
	/* An on-request suite runs only when named exactly, never by a wildcard. */
	if (s->on_request ? strcmp(sglob, s->name)
			  : !ktap_glob_match(sglob, s->name, strlen(s->name)))
		return false;
	if (!dot || !test)
		return true;
	size_t clen = len - slen - 1;

	if (clen >= sizeof(cglob))
		return false;
	memcpy(cglob, dot + 1, clen);
	cglob[clen] = '\0';
	return ktap_glob_match(cglob, test, strlen(test));
}

static bool selected(const char *filter, const struct ktap_suite *s, const char *test)
{
	if (!filter || !*filter)
		return !s->on_request;
	while (*filter) {
		const char *end = strchr(filter, ',');
		size_t len = end ? (size_t)(end - filter) : strlen(filter);

		if (entry_selects(filter, len, s, test))
			return true;
		filter += len + (end ? 1 : 0);
	}
	return false;
}

static int count_cases(const struct ktap_suite *s, const char *filter)
{
	int n = 0;

	for (const struct ktap_case *c = s->cases; c->name; c++)
		n += selected(filter, s, c->name);
	return n;
}

/*
 * The log keeps only what the console showed, and cases read back the
 * reports they provoke: while a case runs the console shows at least the
 * default levels, whatever loglevel= the boot was given, so no case depends
 * on it.  Ours: KUnit's cases read no log.
 */
static void run_case(const struct ktap_suite *s, const struct ktap_case *c, int nr, int *counts)
{
	struct ktap_test t = {.name = c->name};
	int saved_loglevel = console_loglevel;

	console_loglevel = max(console_loglevel, CONSOLE_LOGLEVEL_DEFAULT);
	if (s->init && s->init(&t)) {
		t.failed = true;
		printk(KERN_OUTPUT "    # %s: suite init failed\n", c->name);
	} else {
		c->run(&t);
		if (s->exit)
			s->exit(&t);
	}
	console_loglevel = saved_loglevel;
	if (t.failed) {
		printk(KERN_OUTPUT "    not ok %d %s\n", nr, c->name);
		counts[1]++;
	} else if (t.skipped) {
		printk(KERN_OUTPUT "    ok %d %s # SKIP %s\n", nr, c->name,
		       t.skip_reason ? t.skip_reason : "");
		counts[2]++;
	} else {
		printk(KERN_OUTPUT "    ok %d %s\n", nr, c->name);
		counts[0]++;
	}
}

/*
 * KUnit's kunit.stats_enabled: 0 never prints the per-suite counts, 1 (the
 * default) only for a suite of more than one case, 2 always.
 */
int ktap_stats_enabled = 1;

static void print_stats(const char *name, const int *counts, int total)
{
	if (ktap_stats_enabled == 0 || (ktap_stats_enabled == 1 && total <= 1))
		return;
	printk(KERN_OUTPUT "# %s: pass:%d fail:%d skip:%d total:%d\n", name, counts[0], counts[1],
	       counts[2], total);
}

/*
 * Runs one suite as a KTAP subtest; returns its failed case count.  The
 * two count lines are KUnit's: the suite's cases, then "# Totals:" over
 * every run of every case.  The two are equal here: a case runs once (we
 * have no parameterised cases, which KUnit counts once per parameter in
 * the totals).  KUnit prints no count for the whole run, and neither do we.
 */
static int run_suite(const struct ktap_suite *s, const char *filter, int nr)
{
	int counts[3] = {0, 0, 0}; /* pass, fail, skip */
	int n = 0;

	printk(KERN_OUTPUT "    KTAP version 1\n");
	printk(KERN_OUTPUT "    # Subtest: %s\n", s->name);
	printk(KERN_OUTPUT "    1..%d\n", count_cases(s, filter));
	indent = "    ";
	for (const struct ktap_case *c = s->cases; c->name; c++)
		if (selected(filter, s, c->name))
			run_case(s, c, ++n, counts);
	indent = "";
	print_stats(s->name, counts, n);
	print_stats("Totals", counts, n);
	printk(KERN_OUTPUT "%s %d %s\n", counts[1] ? "not ok" : "ok", nr, s->name);
	return counts[1];
}

/**
 * ktap_run_all - run every registered suite that @filter selects
 * @filter: NULL or "" for all suites but the on_request ones; otherwise a comma-separated
 *          list of globs (only '*' is special) over "suite" or "suite.case",
 *          as Linux's kunit.filter_glob
 *
 * Prints the KTAP document and returns the number of failed cases, or 1
 * (with a "# no test matches" line) if a non-empty @filter selects nothing.
 */
int ktap_run_all(const char *filter)
{
	const struct ktap_suite *const *p;
	int nr_suites = 0, nr = 0, failed = 0;

	ktap_for_each_suite (p)
		nr_suites += count_cases(*p, filter) > 0;

	printk(KERN_OUTPUT "KTAP version 1\n");
	printk(KERN_OUTPUT "1..%d\n", nr_suites);
	/* A filter that selects nothing is a mistake, not a pass (kunit.py: "no tests run!"). */
	if (!nr_suites && filter && *filter) {
		printk(KERN_OUTPUT "# no test matches kunit.filter_glob=%s: nothing was run\n",
		       filter);
		return 1;
	}
	ktap_for_each_suite (p)
		if (count_cases(*p, filter) > 0)
			failed += run_suite(*p, filter, ++nr);
	return failed;
}

/**
 * ktap_list_all - print the cases @filter selects, one "suite.case" a line, running none
 * @filter: as for ktap_run_all()
 *
 * Linux's kunit.action=list: a "KTAP version 1" line (so tools find the
 * start), then the names, which kunit.py reads to run each case on its own.
 * Returns how many cases were listed.
 */
int ktap_list_all(const char *filter)
{
	const struct ktap_suite *const *p;
	int n = 0;

	printk(KERN_OUTPUT "KTAP version 1\n");
	ktap_for_each_suite (p)
		for (const struct ktap_case *c = (*p)->cases; c->name; c++)
			if (selected(filter, *p, c->name)) {
				printk(KERN_OUTPUT "%s.%s\n", (*p)->name, c->name);
				n++;
			}
	return n;
}
