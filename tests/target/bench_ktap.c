// SPDX-License-Identifier: GPL-2.0
/*
 * What every bench suite shares (include/bench.h): the check that the
 * clock works, and the one line each result is printed as.
 */
#include "bench.h"
#include "ktap.h"

/**
 * bench_report - print one result, "# bench: <name>: <num/den> <unit>"
 * @name: "<group>.<measure>", as scripts/bench.py collects it
 * @num: total (instructions, bytes, ...)
 * @den: per how many (operations); 0 prints 0
 * @unit: what the value counts
 *
 * One decimal, rounded: there is no floating point in the kernel.
 */
void bench_report(const char *name, u64 num, u64 den, const char *unit)
{
	u64 tenths = den ? (num * 10 + den / 2) / den : 0;

	ktap_info("bench: %s: %llu.%llu %s", name, tenths / 10, tenths % 10, unit);
}

/**
 * bench_ready - can @t measure?  Skips @t, with the reason, if not
 * @t: the running bench case
 */
bool bench_ready(struct ktap_test *t)
{
	if (!bench_clock_available()) {
		ktap_skip(t, "no Cortex-A9 global timer");
		return false;
	}
	if (!bench_calibrate()) {
		ktap_skip(t, "the global timer does not advance");
		return false;
	}
	return true;
}
