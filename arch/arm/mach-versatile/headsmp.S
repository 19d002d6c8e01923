/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The versatile holding pen (Linux's arch/arm/mach-versatile/headsmp.S).
 * The system registers' SYS_FLAGS holds one entry address for every
 * secondary CPU, and a CPU that wakes from the boot monitor's (or QEMU's
 * secondary boot stub's) WFI for any reason jumps to it.  So the address
 * is this pen: each CPU waits here, MMU and caches off, until
 * versatile_cpu_release holds its MPIDR[23:0], and only then enters
 * secondary_startup.  Position-independent: it finds the release word
 * from the difference between where it runs and where it was linked.
 */
	.arch	armv7-a
	.arm
	.text
	.align	5
	.globl	versatile_secondary_startup
versatile_secondary_startup:
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	bic	r0, r0, #0xff000000	@ MPIDR[23:0], as cpu_logical_map
	adr	r4, 2f
	ldmia	r4, {r5, r6}
	sub	r4, r4, r5		@ PA - VA
	add	r6, r6, r4		@ &versatile_cpu_release, physical
1:	ldr	r7, [r6]
	cmp	r7, r0
	beq	secondary_startup
	wfe				@ the releasing CPU sends SEV
	b	1b
	.align	2
2:	.long	.
	.long	versatile_cpu_release
