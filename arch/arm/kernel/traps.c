// SPDX-License-Identifier: GPL-2.0
/*
 * What happens when the CPU takes an exception.  An IRQ is an IPI from
 * another CPU, handled by the GIC driver.  Nothing else is
 * recoverable in normal operation (no user space, no device interrupts), so
 * an exception prints what Linux's die() prints - the fault, the mode, the
 * registers - and halts.  Two exceptions to that: a fault a test announced
 * with expect_fault() resumes, and a semihosting SVC that QEMU did not
 * intercept returns -1 (semihosting is simply not there).
 */
#include "kernel.h"
#include "printk.h"
#include <asm/cp15.h>
#include <asm/gic.h>
#include <asm/pgtable-hwdef.h>
#include <asm/ptrace.h>
#include <asm/reboot.h>
#include <asm/traps.h>

static struct expected_fault *armed;

/**
 * expect_fault - arm @f: the next exception of kind @f->kind is expected
 *
 * Only one can be armed; it disarms itself when taken.  Call
 * expect_fault_end() afterwards in any case.
 */
void expect_fault(struct expected_fault *f)
{
	f->taken = false;
	f->pc = f->far = f->fsr = 0;
	barrier();
	armed = f;
	barrier();
}

/**
 * expect_fault_end - disarm; returns whether the fault was taken
 * @f: the expectation expect_fault() armed
 */
bool expect_fault_end(struct expected_fault *f)
{
	barrier();
	if (armed == f)
		armed = NULL;
	barrier();
	return f->taken;
}

static const char *const exception_names[] = {
	"reset",      "undefined instruction", "SVC", "prefetch abort",
	"data abort", "address exception",     "IRQ", "FIQ",
};

static const char *mode_name(u32 cpsr)
{
	switch (cpsr & MODE_MASK) {
	case USR_MODE:
		return "USER_32";
	case FIQ_MODE:
		return "FIQ_32";
	case IRQ_MODE:
		return "IRQ_32";
	case SVC_MODE:
		return "SVC_32";
	case ABT_MODE:
		return "ABT_32";
	case HYP_MODE:
		return "HYP_32";
	case UND_MODE:
		return "UND_32";
	case SYSTEM_MODE:
		return "SYS_32";
	default:
		return "???";
	}
}

/* The size of the instruction at @pc in the state @regs was in. */
static u32 insn_size(const struct pt_regs *regs, u32 pc)
{
	if (!thumb_mode(regs))
		return 4;
	/* A Thumb-2 32-bit instruction starts with 0b11101, 0b11110 or 0b11111. */
	return (*(const u16 *)pc >> 11) >= 0x1d ? 4 : 2;
}

/* Address of the instruction that caused a synchronous exception. */
static u32 faulting_pc(const struct pt_regs *regs, int kind)
{
	if (kind == EXC_UNDEF || kind == EXC_SVC)
		return regs->ARM_pc - (thumb_mode(regs) ? 2 : 4);
	return regs->ARM_pc;
}

static bool is_semihosting_call(const struct pt_regs *regs)
{
	u32 pc = faulting_pc(regs, EXC_SVC);

	if (thumb_mode(regs))
		return *(const u16 *)pc == 0xdfab;
	return (*(const u32 *)pc & 0x00ffffff) == 0x123456;
}

static bool handle_expected(struct pt_regs *regs, int kind, u32 pc, u32 far, u32 fsr)
{
	struct expected_fault *f = armed;

	if (!f || f->kind != kind)
		return false;
	armed = NULL;
	f->taken = true;
	f->pc = pc;
	f->far = far;
	f->fsr = fsr;
	if (f->resume == RESUME_AT_LR) {
		regs->ARM_pc = regs->ARM_lr & ~1u;
		regs->ARM_cpsr =
			(regs->ARM_cpsr & ~PSR_T_BIT) | ((regs->ARM_lr & 1) ? PSR_T_BIT : 0);
	} else if (kind != EXC_UNDEF) {
		regs->ARM_pc = pc + insn_size(regs, pc);
	}
	return true;
}

/**
 * show_regs - print a register dump in Linux's format
 * @regs: the registers saved at the exception
 */
void show_regs(const struct pt_regs *regs)
{
	const u32 *r = regs->uregs;
	u32 psr = regs->ARM_cpsr;

	printk(KERN_EMERG "PC is at %pS\n", (void *)(uintptr_t)regs->ARM_pc);
	printk(KERN_EMERG "LR is at %pS\n", (void *)(uintptr_t)regs->ARM_lr);
	printk(KERN_EMERG "pc : [<%08x>]    lr : [<%08x>]    psr: %08x\n", r[15], r[14], psr);
	printk(KERN_EMERG "sp : %08x  ip : %08x  fp : %08x\n", r[13], r[12], r[11]);
	printk(KERN_EMERG "r10: %08x  r9 : %08x  r8 : %08x\n", r[10], r[9], r[8]);
	printk(KERN_EMERG "r7 : %08x  r6 : %08x  r5 : %08x  r4 : %08x\n", r[7], r[6], r[5], r[4]);
	printk(KERN_EMERG "r3 : %08x  r2 : %08x  r1 : %08x  r0 : %08x\n", r[3], r[2], r[1], r[0]);
	printk(KERN_EMERG "Flags: %c%c%c%c  IRQs %s  FIQs %s  Mode %s  ISA %s\n",
	       psr & (1u << 31) ? 'N' : 'n', psr & (1u << 30) ? 'Z' : 'z',
	       psr & (1u << 29) ? 'C' : 'c', psr & (1u << 28) ? 'V' : 'v',
	       psr & PSR_I_BIT ? "off" : "on", psr & PSR_F_BIT ? "off" : "on", mode_name(psr),
	       psr & PSR_T_BIT ? "Thumb" : "ARM");
	printk(KERN_EMERG "Control: %08x  Table: %08x  DAC: %08x\n", read_sctlr(), read_ttbr0(),
	       read_dacr());
}

static void __noreturn die(const struct pt_regs *regs, int kind, u32 pc, u32 far, u32 fsr)
{
	switch (kind) {
	case EXC_DABT:
		printk(KERN_EMERG "Unable to handle kernel paging request at virtual address %08x "
				  "when %s\n",
		       far, fsr & FSR_WNR ? "write" : "read");
		printk(KERN_EMERG "DFAR: %08x  DFSR: %08x (fault status 0x%02x)\n", far, fsr,
		       FSR_FS(fsr));
		break;
	case EXC_PABT:
		printk(KERN_EMERG "Unable to handle kernel instruction fetch at virtual address "
				  "%08x\n",
		       far);
		printk(KERN_EMERG "IFAR: %08x  IFSR: %08x (fault status 0x%02x)\n", far, fsr,
		       FSR_FS(fsr));
		break;
	case EXC_UNDEF:
		printk(KERN_EMERG "Internal error: undefined instruction %0*x at %08x\n",
		       (int)insn_size(regs, pc) * 2,
		       insn_size(regs, pc) == 2 ? *(const u16 *)pc : *(const u32 *)pc, pc);
		break;
	default:
		printk(KERN_EMERG "Internal error: unexpected %s exception\n",
		       exception_names[kind]);
		break;
	}
	printk(KERN_EMERG "Internal error: Oops: %s [#1] ARM\n", exception_names[kind]);
	show_regs(regs);
	panic("Fatal exception");
}

/**
 * arm_exception - the C half of every exception (called from entry.S)
 * @regs: the saved context; changes to it take effect on return
 * @kind: EXC_* in vector order
 */
void arm_exception(struct pt_regs *regs, int kind)
{
	u32 pc = faulting_pc(regs, kind);
	u32 far = 0, fsr = 0;

	if (kind == EXC_DABT) {
		far = read_dfar();
		fsr = read_dfsr();
	} else if (kind == EXC_PABT) {
		far = read_ifar();
		fsr = read_ifsr();
	}
	if (kind == EXC_IRQ && gic_present()) {
		gic_handle_irq(); /* IPIs (arch/arm/kernel/irq-gic.c) */
		return;
	}
	if (kind == EXC_SVC && is_semihosting_call(regs)) {
		regs->uregs[0] = (u32)-1; /* no debugger or emulator took it */
		return;
	}
	if (handle_expected(regs, kind, pc, far, fsr))
		return;
	die(regs, kind, pc, far, fsr);
}
