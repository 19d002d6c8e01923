// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark clock: the Cortex-A9 global timer (Cortex-A9 MPCore TRM,
 * 4.3), a 64-bit up-counter at PERIPHBASE + 0x200 shared by all cores.
 * Linux drives it in drivers/clocksource/arm_global_timer.c; we only need
 * it to count, never to interrupt.  See include/bench.h for how its ticks
 * become guest instructions under QEMU -icount.
 */
#include "bench.h"
#include "kernel.h"
#include "printk.h"
#include <asm/cp15.h>
#include <asm/cputype.h>
#include <asm/io.h>

#define GT_OFFSET		0x200 /* from PERIPHBASE */
#define GT_COUNTER0		0x00  /* count, low word */
#define GT_COUNTER1		0x04  /* count, high word */
#define GT_CONTROL		0x08
#define GT_CONTROL_TIMER_ENABLE BIT(0)

/* Written by head.S with the MMU off, before BSS is cleared: so not in BSS. */
u32 bench_entry_count = BENCH_NO_STAMP;

static void __iomem *gt_base;
static u64 boot_ticks[BENCH_BOOT_NR_POINTS];
static u64 insns_per_tick; /* BENCH_FIXED_SHIFT fixed point; 0 until calibrated */

/**
 * bench_clock_read - the global timer's 64-bit count (0 without a timer)
 *
 * The count is two 32-bit registers: read high, low, high again, and retry
 * if the low word wrapped in between (the TRM's recommended sequence).
 */
u64 bench_clock_read(void)
{
	u32 hi, lo, again;

	if (!gt_base)
		return 0;
	do {
		hi = readl_relaxed(gt_base + GT_COUNTER1);
		lo = readl_relaxed(gt_base + GT_COUNTER0);
		again = readl_relaxed(gt_base + GT_COUNTER1);
	} while (hi != again);
	return ((u64)hi << 32) | lo;
}

/**
 * bench_clock_available - did bench_clock_init() find the global timer?
 */
bool bench_clock_available(void)
{
	return gt_base != NULL;
}

/**
 * bench_clock_init - map the global timer and start it if head.S did not
 *
 * Called by start_kernel() right after setup_arch(): PERIPHBASE comes from
 * CP15 CBAR, the registers are mapped with early_ioremap() in one of the
 * early I/O sections (shared with anything else at PERIPHBASE, such as the
 * SCU).  Returns false, and the clock reads 0 from then on, if there is no
 * usable global timer.
 */
bool bench_clock_init(void)
{
	u32 periphbase, ctrl;

	/* CBAR is IMPLEMENTATION DEFINED: only a Cortex-A9's says PERIPHBASE. */
	if (read_cpuid_part() != ARM_CPU_PART_CORTEX_A9)
		return false;
	periphbase = read_cbar() & ~0x1fffu; /* bits 12:0 are not part of the address */
	if (!periphbase)
		return false;
	gt_base = ioremap(periphbase + GT_OFFSET, 0x20); /* called after paging_init */
	if (!gt_base)
		return false;
	ctrl = readl_relaxed(gt_base + GT_CONTROL);
	if (!(ctrl & GT_CONTROL_TIMER_ENABLE)) {
		/* head.S did not start it: the boot before this point is not timed. */
		writel_relaxed(ctrl | GT_CONTROL_TIMER_ENABLE, gt_base + GT_CONTROL);
		bench_entry_count = BENCH_NO_STAMP;
	}
	return true;
}

static bool boot_stamped[BENCH_BOOT_NR_POINTS];

/**
 * bench_boot_stamp - note the clock at a boot stage
 * @point: the stage just finished
 */
void bench_boot_stamp(enum bench_boot_point point)
{
	if (point < BENCH_BOOT_NR_POINTS && gt_base) {
		boot_ticks[point] = bench_clock_read();
		boot_stamped[point] = true;
	}
}

/**
 * bench_boot_ticks - the clock at a boot stage, as bench_clock_read() counts
 * @point: the stage
 * @ticks: set to the count
 *
 * Returns false if the stage was not stamped (head.S stamps only on a
 * Cortex-A9; the others need the clock mapped).
 */
bool bench_boot_ticks(enum bench_boot_point point, u64 *ticks)
{
	u64 later = boot_ticks[BENCH_BOOT_SETUP_ARCH];

	if (point >= BENCH_BOOT_NR_POINTS)
		return false;
	if (point != BENCH_BOOT_ENTRY) {
		*ticks = boot_ticks[point];
		return boot_stamped[point];
	}
	/*
	 * head.S keeps only the low word (one store, no 64-bit sequence with
	 * the MMU off); the boot takes far less than 2^32 ticks to get
	 * through setup_arch, so the high word follows from the next stamp.
	 */
	if (bench_entry_count == BENCH_NO_STAMP || !boot_stamped[BENCH_BOOT_SETUP_ARCH])
		return false;
	*ticks = later - (u32)((u32)later - bench_entry_count);
	return true;
}

/**
 * bench_spin - execute exactly 2 * @loops + a few instructions
 * @loops: iterations of "subs; bne"
 *
 * The calibration loop, exported so tests can check the calibration.
 *
 * Two instructions an iteration: the subs and the taken bne.
 */
noinline void bench_spin(u32 loops)
{
	if (!loops)
		return;
	__asm__ __volatile__("1:	subs	%0, %0, #1\n"
			     "	bne	1b\n"
			     : "+r"(loops)
			     :
			     : "cc");
}

static u64 ticks_for_spin(u32 loops)
{
	u64 t0 = bench_clock_read();

	bench_spin(loops);
	return bench_clock_read() - t0;
}

/**
 * bench_calibrate - measure guest instructions per clock tick
 *
 * Runs a two-instruction loop for two different lengths and divides the
 * difference in instructions by the difference in ticks, so the cost of
 * the call and of reading the clock cancels out.  Returns instructions per
 * tick in BENCH_FIXED_SHIFT fixed point (0 without a clock) and keeps it
 * for bench_ticks_to_insns().
 */
u64 bench_calibrate(void)
{
	const u32 short_loops = 50000, long_loops = 550000;
	u64 dt;

	if (!gt_base)
		return 0;
	ticks_for_spin(short_loops); /* warm the caches and the TLB */
	dt = ticks_for_spin(long_loops) - ticks_for_spin(short_loops);
	if (!dt)
		return 0;
	insns_per_tick = ((u64)2 * (long_loops - short_loops) << BENCH_FIXED_SHIFT) / dt;
	return insns_per_tick;
}

/**
 * bench_ticks_to_insns - convert a tick count to instructions (calibrated)
 * @ticks: clock ticks
 *
 * Calibrates first if bench_calibrate() has not run yet.
 */
u64 bench_ticks_to_insns(u64 ticks)
{
	if (!insns_per_tick && !bench_calibrate())
		return 0;
	/* Rounded to the nearest instruction; ticks stay far below 2^48. */
	return (ticks * insns_per_tick + (1ULL << (BENCH_FIXED_SHIFT - 1))) >> BENCH_FIXED_SHIFT;
}

/**
 * bench_now_instructions - the clock, in instructions since the timer started
 */
u64 bench_now_instructions(void)
{
	return bench_ticks_to_insns(bench_clock_read());
}
