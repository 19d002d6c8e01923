/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small boot loader for the QEMU boot tests that need full control of
 * the boot: QEMU's own -kernel loader rewrites the DTB's memory nodes and
 * always loads at RAM + 0x10000.  scripts/run-tests.py appends six words
 * (r1, r2, entry, cpu_off, pen, GIC CPU interface: boards.shim_params) to
 * this code and loads it, the kernel and the DTB with QEMU's generic
 * loader device, as U-Boot's bootz would, and starts every CPU here.
 *
 * Every CPU first leaves the Secure state, as firmware does before it
 * starts an OS (leave_secure, below), so the kernel finds each CPU, the
 * boot CPU included, in the state QEMU's PSCI CPU_ON starts a CPU in.
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
	bl	leave_secure
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

/*
 * Leave the Secure state for the Non-secure one, on a CPU with the
 * Security Extensions (QEMU 7.2's vexpress-a9, highbank and sabrelite CPUs
 * have EL3; its RealView and Zynq ones do not, and this returns at once
 * there).  A CPU comes out of reset
 * Secure; firmware hands an OS every CPU Non-secure (Calxeda's did, as
 * U-Boot's armv7 non-secure switch does), and QEMU's PSCI CPU_ON starts
 * every CPU Non-secure.  A Secure boot CPU among Non-secure secondaries
 * takes no IPI from them, nor they from it: its SGIs are group 0, theirs
 * must be group 1, and each side only sees its own group.  So, on each
 * CPU, before the state changes (only the Secure state may):
 *  - the GIC's interrupt groups: every interrupt in group 1, the
 *    Non-secure one: the CPU's own SGIs and PPIs (GICD_IGROUPR0 is banked
 *    per CPU) and, on the boot CPU, the shared ones;
 *  - GICC_PMR open: a Non-secure write cannot open a mask that is in the
 *    Secure half (bit 7 clear, as after reset), so the OS's would be lost;
 *  - NSACR: VFP/NEON (CP10, CP11) usable in Non-secure state, and the
 *    Cortex-A9's NS_SMP so that an OS may set ACTLR.SMP;
 *  - SCR: NS, and FW/AW so that the OS may mask FIQs and aborts; IRQs,
 *    FIQs and external aborts to their own modes, never Monitor mode.
 * The GIC is found through CBAR, at the Cortex-A9's offsets (the only CPU
 * the shim starts).  The distributor and CPU interface enables are the
 * OS's: their Non-secure views are the group-1 enables.  A Cortex-A9 has no
 * generic timer, so there is no CNTFRQ to set.  Monitor mode is entered
 * with CPS, which the Secure state allows, not SMC: on highbank QEMU's PSCI
 * firmware answers every SMC.  Returns (in Non-secure SVC mode, interrupts
 * masked) to lr; clobbers r0-r3 and r12.
 */
leave_secure:
	mrc	p15, 0, r0, c0, c1, 1	@ ID_PFR1
	tst	r0, #0xf0		@ [7:4]: the Security Extensions
	bxeq	lr
	mrc	p15, 4, r3, c15, c0, 0	@ CBAR: PERIPHBASE
	bfc	r3, #0, #13
	add	r1, r3, #0x1000		@ the GIC distributor
	add	r12, r1, #0x80		@ GICD_IGROUPRn
	mvn	r2, #0
	str	r2, [r12]		@ IGROUPR0: this CPU's SGIs and PPIs
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	tst	r0, #0xff
	bne	2f			@ the shared interrupts: the boot CPU's job
	ldr	r0, [r1, #4]		@ GICD_TYPER
	ands	r0, r0, #0x1f		@ ITLinesNumber: 32 * (N + 1) interrupts
	beq	2f
1:	str	r2, [r12, r0, lsl #2]	@ IGROUPRn, n = N .. 1
	subs	r0, r0, #1
	bne	1b
2:	mov	r0, #0xff
	str	r0, [r3, #0x104]	@ GICC_PMR (CPU interface at +0x100)
	mrc	p15, 0, r0, c1, c1, 2	@ NSACR
	orr	r0, r0, #(3 << 10)	@ CP10, CP11
	orr	r0, r0, #(1 << 18)	@ NS_SMP
	mcr	p15, 0, r0, c1, c1, 2
	mov	r12, lr			@ Monitor mode has a lr of its own
	cps	#0x16			@ Monitor mode
	mrc	p15, 0, r0, c1, c1, 0	@ SCR
	bic	r0, r0, #0x0e		@ IRQ, FIQ, EA: not to Monitor mode
	orr	r0, r0, #0x31		@ NS, FW, AW
	mcr	p15, 0, r0, c1, c1, 0
	isb
	mov	r0, #0x1d3		@ SVC mode, A, I and F masked
	msr	spsr_cxsf, r0
	movs	pc, r12			@ to Non-secure SVC mode
	.align	2
params:					@ appended by the test runner
