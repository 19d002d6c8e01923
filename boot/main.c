// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the boot, top-down.  Every stage hands the next exactly
 * one thing (see DESIGN.md): setup_arch leaves memory described and mapped,
 * the mm core turns it into the page allocator, the self-tests prove it,
 * and the machine powers off with their verdict.
 */
#include "kernel.h"
#include "ktap.h"
#include "printk.h"
#include "sections.h"
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/reboot.h>
#include <asm/setup.h>
#include "serial.h"

#ifndef A9MM_VERSION
#define A9MM_VERSION "unknown"
#endif

void __noreturn start_kernel(u32 dtb);

static void print_banner(phys_addr_t dtb)
{
	phys_addr_t load = __pa(_text);

	pr_notice("Booting a9mm on physical CPU 0x%x\n", read_mpidr() & 0xffffff);
	pr_notice("a9mm version %s (%s), CPU [%08x], loaded at %pa, DTB at %pa, machine 0x%x\n",
		  A9MM_VERSION, __VERSION__, read_midr(), &load, &dtb, __machine_arch_type);
}

void start_kernel(u32 dtb)
{
	int failed;

	early_console_init();
	print_banner(dtb);
	setup_arch(dtb);

	failed = ktap_run_all(NULL);
	machine_power_off(failed ? 1 : 0);
}
