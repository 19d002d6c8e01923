/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small boot loader for the QEMU boot tests that need full control of
 * the boot: QEMU's own -kernel loader rewrites the DTB's memory nodes and
 * always loads at RAM + 0x10000.  scripts/run-tests.py appends four words
 * (r1, r2, entry, cpu_off) to this code and loads it, the kernel and the
 * DTB with QEMU's generic loader device, as U-Boot's bootz would.
 *
 * Without -kernel QEMU holds no secondary CPU: they run from the reset
 * vector and may reach this code.  As firmware would, they must not enter
 * the kernel: with cpu_off non-zero (a PSCI CPU_OFF function ID, for a
 * machine whose emulated firmware answers SMC) they power themselves off,
 * so the kernel's CPU_ON finds them off; otherwise, or if that returns,
 * they wait here with interrupts masked.
 */
	.arch	armv7-a
	.arch_extension sec
	.arm
	.text
	.globl	_start
_start:
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	ands	r0, r0, #0xff		@ affinity level 0: the core
	bne	secondary
	adr	r3, params
	ldm	r3, {r1, r2, r4}	@ machine type, DTB address, kernel entry
	mov	r0, #0
	bx	r4
secondary:
	cpsid	if
	ldr	r0, params + 12		@ cpu_off
	cmp	r0, #0
	smcne	#0
1:	wfi
	b	1b
	.align	2
params:					@ appended by the test runner
