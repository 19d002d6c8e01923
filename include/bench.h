/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark clock ("make bench", docs/bench.md).
 *
 * Benchmarks count guest instructions, not seconds: under QEMU with
 * -icount shift=0 every instruction advances virtual time by exactly 1 ns,
 * so any clock derived from virtual time counts instructions,
 * deterministically.  The clock is the Cortex-A9 global timer (64-bit,
 * PERIPHBASE + 0x200), which QEMU 7.2 advances once every 10 instructions
 * there; bench_calibrate() measures that ratio with a loop of known
 * length instead of assuming it.  On hardware the same code reports time
 * in units of the calibration loop's instructions: useful for comparisons,
 * not deterministic.
 *
 * head.S starts the timer at kernel entry and keeps its count in
 * bench_entry_count; start_kernel stamps the later boot stages, so the
 * bench suites can report the cost of the boot per MiB of RAM.  The timer
 * is mapped only once setup_arch() has run (early_ioremap's window is
 * set up there), so there is no stamp in between.
 */
#ifndef _BENCH_H
#define _BENCH_H

#include "types.h"

/* Boot stages stamped with the global timer's count. */
enum bench_boot_point {
	BENCH_BOOT_ENTRY,	 /* head.S, right after PHYS_OFFSET is known */
	BENCH_BOOT_SETUP_ARCH,	 /* setup_arch done: memblock, paging_init, mem_map */
	BENCH_BOOT_MM_CORE_INIT, /* mm_core_init starts (early self-test hooks are done) */
	BENCH_BOOT_BUDDY_READY,	 /* mm_core_init done: the buddy allocator serves */
	BENCH_BOOT_CMA_READY,	 /* CMA areas lent to the buddy allocator, watermarks redone */
	BENCH_BOOT_NR_POINTS
};

/*
 * The global timer's count (low word) at kernel entry, written by head.S
 * with the MMU off; BENCH_NO_STAMP if head.S did not start the timer (not
 * a Cortex-A9).  Lives in .data: BSS is cleared after head.S writes it.
 */
extern u32 bench_entry_count;
#define BENCH_NO_STAMP 0xffffffffu

bool bench_clock_init(void);

bool bench_clock_available(void);

u64 bench_clock_read(void);

void bench_boot_stamp(enum bench_boot_point point);

bool bench_boot_ticks(enum bench_boot_point point, u64 *ticks);

/*
 * Fixed-point scale of bench_calibrate()'s result: instructions per tick
 * times this (so 10 instructions per tick is 10 << 16).
 */
#define BENCH_FIXED_SHIFT 16

u64 bench_calibrate(void);

u64 bench_ticks_to_insns(u64 ticks);

u64 bench_now_instructions(void);

void bench_spin(u32 loops);

/* ---- For the bench suites (tests/target/bench_*.c), in tests/target/bench_ktap.c. */
struct ktap_test;

void bench_report(const char *name, u64 num, u64 den, const char *unit);
bool bench_ready(struct ktap_test *t);

#endif /* _BENCH_H */
