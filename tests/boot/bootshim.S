/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A four-instruction boot loader for the QEMU boot tests that need full
 * control of the boot: QEMU's own -kernel loader rewrites the DTB's memory
 * nodes and always loads at RAM + 0x10000.  scripts/run-tests.py appends
 * three words (r1, r2, entry) to this code and loads it, the kernel and
 * the DTB with QEMU's generic loader device, as U-Boot's bootz would.
 */
	.arch	armv7-a
	.arm
	.text
	.globl	_start
_start:
	adr	r3, params
	ldm	r3, {r1, r2, r4}	@ machine type, DTB address, kernel entry
	mov	r0, #0
	bx	r4
	.align	2
params:					@ appended by the test runner
