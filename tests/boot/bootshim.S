/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small boot loader for the QEMU boot tests that need full control of
 * the boot: QEMU's own -kernel loader rewrites the DTB's memory nodes and
 * always loads at RAM + 0x10000.  scripts/run-tests.py appends six words
 * (r1, r2, entry, cpu_off, pen, GIC CPU interface: boards.shim_params) to
 * this code and loads it, the kernel and the DTB with QEMU's generic
 * loader device, as U-Boot's bootz would, and starts every CPU here.
 *
 * Core 0 enters the kernel.  Without -kernel QEMU holds no secondary CPU,
 * so the others do here what the board's firmware does with them:
 *  - cpu_off non-zero (a PSCI CPU_OFF function ID, for a machine whose
 *    emulated firmware answers SMC): power off, so the kernel's CPU_ON
 *    finds them off;
 *  - else pen non-zero (the vexpress/realview system registers' SYS_FLAGS,
 *    as U-Boot's smp_waitloop and QEMU's secondary boot stub): enable the
 *    GIC CPU interface so that an SGI wakes them, WFI until the word at pen
 *    holds an address, and jump there;
 *  - else (or if CPU_OFF returns) wait in WFI, interrupts masked, for good.
 * They never run anything the kernel did not hand them.
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
	adr	r3, params + 12
	ldm	r3, {r0, r5, r6}	@ cpu_off, pen, GIC CPU interface
	cmp	r0, #0
	smcne	#0
	teq	r5, #0
	beq	park
	mov	r0, #1
	str	r0, [r6]		@ GICC_CTLR: enable
	mov	r0, #0xff
	str	r0, [r6, #4]		@ GICC_PMR: every priority
	dsb
1:	wfi				@ wakes on a pending interrupt, masked or not
	ldr	r0, [r5]
	teq	r0, #0
	beq	1b
	bx	r0
park:	wfi
	b	park
	.align	2
params:					@ appended by the test runner
