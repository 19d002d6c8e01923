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

	/*
	 * The table loads each handler's absolute address from the eight words
	 * after it, so the 64 bytes [vectors, vectors_end) work wherever they
	 * are: at VBAR in the image during boot, and copied to the high
	 * vectors page at 0xffff0000 by paging_init.
	 */
	.section ".text.vectors", "ax"
	.align	5
	.globl	vectors
vectors:
	ldr	pc, .Lvec_reset
	ldr	pc, .Lvec_und
	ldr	pc, .Lvec_svc
	ldr	pc, .Lvec_pabt
	ldr	pc, .Lvec_dabt
	ldr	pc, .Lvec_addrexcptn
	ldr	pc, .Lvec_irq
	ldr	pc, .Lvec_fiq
.Lvec_reset:		.word	vector_reset
.Lvec_und:		.word	vector_und
.Lvec_svc:		.word	vector_svc
.Lvec_pabt:		.word	vector_pabt
.Lvec_dabt:		.word	vector_dabt
.Lvec_addrexcptn:	.word	vector_addrexcptn
.Lvec_irq:		.word	vector_irq
.Lvec_fiq:		.word	vector_fiq
	.globl	vectors_end
vectors_end:

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
