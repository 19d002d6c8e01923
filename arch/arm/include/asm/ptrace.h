/* SPDX-License-Identifier: GPL-2.0 */
/* Processor modes, PSR bits and the register frame exceptions build. */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define USR_MODE    0x10
#define FIQ_MODE    0x11
#define IRQ_MODE    0x12
#define SVC_MODE    0x13
#define MON_MODE    0x16
#define ABT_MODE    0x17
#define HYP_MODE    0x1a
#define UND_MODE    0x1b
#define SYSTEM_MODE 0x1f
#define MODE_MASK   0x1f

#define PSR_T_BIT   0x00000020
#define PSR_F_BIT   0x00000040
#define PSR_I_BIT   0x00000080
#define PSR_A_BIT   0x00000100

/* Exception kinds, in vector-table order; entry.S passes one to arm_exception(). */
#define EXC_RESET 0
#define EXC_UNDEF 1
#define EXC_SVC	  2
#define EXC_PABT  3
#define EXC_DABT  4
#define EXC_ADDR  5
#define EXC_IRQ	  6
#define EXC_FIQ	  7

/* struct pt_regs layout, for entry.S */
#define S_SP	     (13 * 4)
#define S_LR	     (14 * 4)
#define S_PC	     (15 * 4)
#define S_PSR	     (16 * 4)
#define S_FRAME_SIZE (17 * 4)

#ifndef __ASSEMBLY__
#include "types.h"

/**
 * struct pt_regs - the interrupted context, as entry.S saves it
 * @uregs: r0-r12, sp, lr (of the interrupted mode), pc, cpsr
 *
 * pc is where execution resumes when the handler returns (entry.S adjusts
 * the exception's lr so that, for aborts, it is the faulting instruction).
 */
struct pt_regs {
	u32 uregs[17];
};

#define ARM_sp		     uregs[13]
#define ARM_lr		     uregs[14]
#define ARM_pc		     uregs[15]
#define ARM_cpsr	     uregs[16]

#define processor_mode(regs) ((regs)->ARM_cpsr & MODE_MASK)
#define thumb_mode(regs)     (((regs)->ARM_cpsr & PSR_T_BIT) != 0)
#endif

#endif /* _ASM_PTRACE_H */
