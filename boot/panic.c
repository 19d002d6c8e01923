// SPDX-License-Identifier: GPL-2.0
/* panic(), BUG() and WARN() on the target, and the stack protector's hooks. */
#include "kernel.h"
#include "printk.h"
#include "smp.h"
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/reboot.h>

/*
 * Another CPU panics already: stop here, as Linux's panic_smp_self_stop(),
 * so one CPU tells the story and the other's smp_send_stop() finds this one
 * offline.
 */
static void __noreturn panic_smp_self_stop(void)
{
	local_irq_disable();
	set_cpu_online((unsigned int)smp_processor_id(), false);
	for (;;)
		cpu_relax();
}

/**
 * panic - print a message and halt for good
 * @fmt: printk format
 */
void panic(const char *fmt, ...)
{
	int cpu = smp_processor_id(), old;
	char buf[256];
	va_list args;

	/* This CPU's printk may now take the console from one that does not let go. */
	old = atomic_cmpxchg(&panic_cpu, PANIC_CPU_INVALID, cpu);
	if (old != PANIC_CPU_INVALID && old != cpu)
		panic_smp_self_stop();

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	local_irq_disable();
	smp_send_stop(); /* Linux's order: the other CPUs stop before the end line */
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_halt();
}

/**
 * __bug - report a broken invariant and stop
 * @file: source file of the failed check
 * @line: its line
 * @cond: the condition text that held, or a message
 *
 * The target prints "kernel BUG at file:line!" and halts the CPU; the host
 * build prints the same and aborts, so a sanitizer stack trace follows.
 */
void __bug(const char *file, int line, const char *cond)
{
	pr_emerg("------------[ cut here ]------------\n");
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	panic("BUG: %s", cond);
}

/**
 * __warn - print a WARNING line with its place; execution continues
 * @file: source file of the warning
 * @line: its line
 * @cond: the condition text that held
 *
 * Linux's line names the function that warned, not the condition: the
 * condition of WARN_ON(1), the common case, is just "1".
 */
void __warn(const char *file, int line, const char *cond)
{
	(void)cond;
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: at %s:%d %pS\n", file, line, __builtin_return_address(0));
	pr_warn("---[ end trace ]---\n");
}

/*
 * -fstack-protector-strong (ours and libfdt's) compares a canary against
 * this.  There is no entropy this early on a bare board, so it is fixed: it
 * still catches the overruns that matter here, bugs rather than attacks.
 */
unsigned long __stack_chk_guard = 0x5a3c96e1;

void __noreturn __stack_chk_fail(void);
void __stack_chk_fail(void)
{
	panic("stack-protector: Kernel stack is corrupted in: %pS", __builtin_return_address(0));
}
