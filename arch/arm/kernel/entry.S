/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception vectors and entry.  Every exception saves the interrupted
 * context as a struct pt_regs on the SVC stack (SRS stores the return
 * address and SPSR there, then we switch to SVC and push the rest), calls
 * arm_exception(regs, kind), and returns with RFE to regs->pc.  The kernel
 * runs in SVC mode, so the other modes need no stack of their own.
 *
 * The return address each vector records is made to point at the
 * instruction to resume: the faulting one for aborts (so a handler that
 * fixed the cause retries it, and one that skips it adds the instruction
 * size), the next one for SVC and undefined instructions.
 */
#include <asm/ptrace.h>

	.arch	armv7-a
	.arm

	.section ".text.vectors", "ax"
	.align	5
	.globl	vectors
vectors:
	b	vector_reset
	b	vector_und
	b	vector_svc
	b	vector_pabt
	b	vector_dabt
	b	vector_addrexcptn
	b	vector_irq
	b	vector_fiq

	.macro	vector name, kind, correction
\name:
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	srsdb	sp!, #SVC_MODE		@ push {pc, cpsr} on the SVC stack
	cps	#SVC_MODE
	sub	sp, sp, #(S_FRAME_SIZE - 8)
	stmia	sp, {r0 - r12}
	add	r0, sp, #S_FRAME_SIZE	@ sp before the exception
	str	r0, [sp, #S_SP]
	str	lr, [sp, #S_LR]
	mov	r1, #\kind
	b	exception_common
	.endm

	/*
	 * lr on entry: undef = instruction + 4 (ARM) or + 2 (Thumb), which is
	 * where to resume; svc = next instruction; pabt = insn + 4;
	 * dabt = insn + 8; irq/fiq = next + 4.
	 */
	vector	vector_reset, EXC_RESET, 0
	vector	vector_und, EXC_UNDEF, 0
	vector	vector_svc, EXC_SVC, 0
	vector	vector_pabt, EXC_PABT, 4
	vector	vector_dabt, EXC_DABT, 8
	vector	vector_addrexcptn, EXC_ADDR, 0
	vector	vector_irq, EXC_IRQ, 4
	vector	vector_fiq, EXC_FIQ, 4

exception_common:
	mov	r0, sp			@ struct pt_regs *
	mov	r4, sp
	bic	sp, sp, #7		@ AAPCS: 8-byte aligned stack at calls
	bl	arm_exception
	mov	sp, r4
	ldr	lr, [sp, #S_LR]
	ldmia	sp, {r0 - r12}
	add	sp, sp, #(S_FRAME_SIZE - 8)
	rfeia	sp!			@ pc and cpsr from the frame
