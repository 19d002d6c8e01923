/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Expected faults: a test (or a careful probe) announces the exception it
 * is about to cause; the exception handler then records it and resumes
 * instead of dying.  This is how the self-tests prove that a write to
 * kernel text or an instruction fetch from data really faults.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include "types.h"
#include <asm/ptrace.h>

enum fault_resume {
	RESUME_NEXT_INSN, /* skip the faulting instruction */
	RESUME_AT_LR,	  /* return to regs->lr: the fault was in a call we made */
};

/**
 * struct expected_fault - one announced exception and what happened
 * @kind: EXC_UNDEF, EXC_PABT or EXC_DABT
 * @resume: how to continue after it
 * @taken: set by the handler when the exception arrived
 * @pc: address of the faulting instruction
 * @far: DFAR or IFAR (0 for an undefined instruction)
 * @fsr: DFSR or IFSR (0 for an undefined instruction)
 */
struct expected_fault {
	int kind;
	enum fault_resume resume;
	bool taken;
	u32 pc;
	u32 far;
	u32 fsr;
};

void expect_fault(struct expected_fault *f);

bool expect_fault_end(struct expected_fault *f);

void arm_exception(struct pt_regs *regs, int kind);

void show_regs(const struct pt_regs *regs);

#endif /* _ASM_TRAPS_H */
