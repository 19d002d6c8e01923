// SPDX-License-Identifier: GPL-2.0
/*
 * memtest=N: pattern-test the free lowmem before the page allocator gets it,
 * and reserve what does not hold a pattern, as Linux 6.1's mm/memtest.c
 * (CONFIG_MEMTEST; Debian's armmp kernel is built without it) with its
 * patterns, its order (the last pass writes 0, so memory is left zeroed),
 * and its lines:
 *
 *   early_memtest: # of tests: 2
 *     0x60600000 - 0x6f000000 pattern ffffffffffffffff
 *     0x60600000 - 0x6f000000 pattern 0000000000000000
 *     ffffffffffffffff bad mem addr 0x61234568 - 0x61234570 reserved
 *
 * memtest alone means all 17 patterns; memtest=0 none.  A value that is not
 * a number is reported and ignored (Linux fails the option silently).
 */
#include "memtest.h"
#include "cmdline.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "printk.h"
#include <asm/memory.h>

static const u64 patterns[] = {
	/* The first entry has to be 0, to leave memtest with zeroed memory. */
	0,
	0xffffffffffffffffULL,
	0x5555555555555555ULL,
	0xaaaaaaaaaaaaaaaaULL,
	0x1111111111111111ULL,
	0x2222222222222222ULL,
	0x4444444444444444ULL,
	0x8888888888888888ULL,
	0x3333333333333333ULL,
	0x6666666666666666ULL,
	0x9999999999999999ULL,
	0xccccccccccccccccULL,
	0x7777777777777777ULL,
	0xbbbbbbbbbbbbbbbbULL,
	0xddddddddddddddddULL,
	0xeeeeeeeeeeeeeeeeULL,
	0x7a6c7258554e494cULL, /* "LINUXrlz" as Linux prints it, big-endian */
};

static unsigned int memtest_pattern;

/* Linux prints the pattern as cpu_to_be64(): byte-swapped on little-endian ARM. */
static u64 as_printed(u64 pattern)
{
	return __builtin_bswap64(pattern);
}

static void reserve_bad_mem(u64 pattern, phys_addr_t start_bad, phys_addr_t end_bad)
{
	pr_info("  %016llx bad mem addr %pa - %pa reserved\n", as_printed(pattern), &start_bad,
		&end_bad);
	memblock_reserve(start_bad, end_bad - start_bad);
}

/**
 * memtest_check - reserve the words of [@start, @start + @size) not holding @pattern
 * @pattern: what memtest wrote there
 * @start: physical start (rounded up to 8 bytes)
 * @size: length in bytes
 *
 * Runs of bad words become one reservation each, reported as Linux does.
 * Split from the fill so the host tests can damage memory in between.
 */
void memtest_check(u64 pattern, phys_addr_t start, phys_addr_t size)
{
	const phys_addr_t incr = sizeof(pattern);
	phys_addr_t pa = ALIGN(start, incr), start_bad = 0, last_bad = 0;
	const u64 *p = __va(pa), *end = p + (size - (pa - start)) / incr;

	for (; p < end; p++, pa += incr) {
		if (*(const volatile u64 *)p == pattern)
			continue;
		if (start_bad && pa == last_bad + incr) {
			last_bad += incr;
			continue;
		}
		if (start_bad)
			reserve_bad_mem(pattern, start_bad, last_bad + incr);
		start_bad = last_bad = pa;
	}
	if (start_bad)
		reserve_bad_mem(pattern, start_bad, last_bad + incr);
}

static void memtest_fill(u64 pattern, phys_addr_t start, phys_addr_t size)
{
	phys_addr_t pa = ALIGN(start, (phys_addr_t)sizeof(pattern));
	u64 *p = __va(pa), *end = p + (size - (pa - start)) / sizeof(pattern);

	for (; p < end; p++)
		*(volatile u64 *)p = pattern;
}

static void do_one_pass(u64 pattern, phys_addr_t start, phys_addr_t end)
{
	phys_addr_t this_start, this_end;
	u64 i;

	for_each_free_mem_range (i, &this_start, &this_end) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		if (this_start < this_end) {
			pr_info("  %pa - %pa pattern %016llx\n", &this_start, &this_end,
				as_printed(pattern));
			memtest_fill(pattern, this_start, this_end - this_start);
			memtest_check(pattern, this_start, this_end - this_start);
		}
	}
}

static int __init parse_memtest(char *arg)
{
	unsigned long long n;

	if (!arg) {
		memtest_pattern = ARRAY_SIZE(patterns);
		return 0;
	}
	if (kstrtoull(arg, 0, &n) || n > 0xffffffffULL) {
		pr_err("memtest=%s: expected a number of patterns, parameter ignored\n", arg);
		return -EINVAL;
	}
	memtest_pattern = (unsigned int)n;
	return 0;
}
early_param("memtest", parse_memtest);

/**
 * early_memtest - test the free memory in [@start, @end) if memtest= asked
 * @start: physical start (ARM: the start of lowmem)
 * @end: physical end (ARM: the end of lowmem, which the linear map covers)
 *
 * Pattern memtest_pattern - 1 first, pattern 0 last, each over every free
 * memblock range; bad words are reserved so nobody is ever given them.
 */
void early_memtest(phys_addr_t start, phys_addr_t end)
{
	if (!memtest_pattern)
		return;
	pr_info("early_memtest: # of tests: %u\n", memtest_pattern);
	for (unsigned int i = memtest_pattern; i-- > 0;)
		do_one_pass(patterns[i % ARRAY_SIZE(patterns)], start, end);
}

/** memtest_reset - forget memtest= (the host tests boot many times) */
void memtest_reset(void)
{
	memtest_pattern = 0;
}
