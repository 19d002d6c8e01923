// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the boot, top-down.  Every stage hands the next exactly
 * one thing (README.md's "Reading the boot log"): setup_arch leaves memory described and mapped,
 * the mm core turns it into the page allocator, the self-tests prove it,
 * and the machine powers off with their verdict.
 */
#include "bench.h"
#include "cma.h"
#include "cmdline.h"
#include "init.h"
#include "kernel.h"
#include "ktap.h"
#include "mm.h"
#include "percpu.h"
#include "printk.h"
#include "sections.h"
#include "serial.h"
#include "slab.h"
#include "smp.h"
#include "vmalloc.h"
#include "vmstat.h"
#include <asm/cp15.h>
#include <asm/memmap.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/outercache.h>
#include <asm/reboot.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <string.h>

#ifndef A9MM_VERSION
#define A9MM_VERSION "unknown"
#endif

enum system_states system_state = SYSTEM_BOOTING;

/* kunit.filter_glob=: which KTAP suites run (Linux's KUnit parameter). */
static char ktap_filter[256];

static int __init early_kunit_filter(char *val)
{
	if (!val || strlen(val) >= sizeof(ktap_filter)) {
		pr_err("kunit.filter_glob: value missing or longer than %zu characters, ignored\n",
		       sizeof(ktap_filter) - 1);
		return -EINVAL;
	}
	strcpy(ktap_filter, val);
	return 0;
}
early_param("kunit.filter_glob", early_kunit_filter);

/* kunit.action=: "run" (the default) or "list" (name the selected cases, run none). */
static bool ktap_list_only;

static int __init early_kunit_action(char *val)
{
	if (val && !strcmp(val, "list")) {
		ktap_list_only = true;
		return 0;
	}
	if (val && !strcmp(val, "run"))
		return 0;
	pr_err("kunit.action=%s: unknown action (run, list), running the tests\n", val ? val : "");
	return -EINVAL;
}
early_param("kunit.action", early_kunit_action);

/* kunit.stats_enabled=0|1|2: when the per-suite counts are printed (KUnit's). */
static int __init early_kunit_stats(char *val)
{
	int v;

	if (!val || kstrtoint(val, 10, &v) || v < 0 || v > 2) {
		pr_err("kunit.stats_enabled=%s: not 0, 1 or 2, keeping %d\n", val ? val : "",
		       ktap_stats_enabled);
		return -EINVAL;
	}
	ktap_stats_enabled = v;
	return 0;
}
early_param("kunit.stats_enabled", early_kunit_stats);

void __noreturn start_kernel(u32 dtb);

static void print_banner(phys_addr_t dtb)
{
	phys_addr_t load = __boot_load_addr, runs = __pa(_text), dtb_from = __boot_fdt_addr;

	pr_notice("Booting a9mm on physical CPU 0x%x\n", read_mpidr() & 0xffffff);
	pr_notice("a9mm version %s (%s), CPU [%08x], loaded at %pa, DTB at %pa, machine 0x%x\n",
		  A9MM_VERSION, __VERSION__, read_midr(), &load, &dtb_from, __machine_arch_type);
	/* head.S's step 4 (arch/arm/kernel/boot_place.c) chose these. */
	if (runs != load)
		pr_info("Relocated to %pa: the start of RAM + TEXT_OFFSET\n", &runs);
	if (dtb != dtb_from)
		pr_info("DTB moved to %pa, out of the kernel's way\n", &dtb);
}

void start_kernel(u32 dtb)
{
	int failed;

	smp_setup_processor_id();
	early_console_init();
	print_banner(dtb);
	setup_arch(dtb);
	setup_per_cpu_areas(); /* the possible CPUs known, memblock ready */
	bench_clock_init();    /* make bench: the boot is timed from head.S on */
	bench_boot_stamp(BENCH_BOOT_SETUP_ARCH);
	pr_notice("Kernel command line: %s\n", boot_command_line);

	ktap_run_early_hooks(); /* self-tests that must see memblock before the hand-over */
	bench_boot_stamp(BENCH_BOOT_MM_CORE_INIT);
	mm_core_init();
	bench_boot_stamp(BENCH_BOOT_BUDDY_READY);
	/* Linux's core_initcall, then the watermarks again (postcore) over the lent pages. */
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	bench_boot_stamp(BENCH_BOOT_CMA_READY);
	kmem_cache_init();
	vmalloc_init();
	system_state = SYSTEM_RUNNING;
	serial_console_init(initial_boot_params);
	outer_cache_of_init(initial_boot_params); /* Linux's init_IRQ: before any other CPU runs */
	/* The secondary CPUs (arch/arm/kernel/smp.c), before the self-tests. */
	smp_init();
	print_vm_layout();
	show_mminfo_at_boot(); /* "mminfo" on the command line */
	slabinfo_at_boot();    /* "slabinfo" */
	if (memmap_json_at_boot) {
		const struct memmap_inputs in = {initial_boot_params, dtb_phys, kernel_pgd};

		memmap_print_json(printk, &in);
	}
	vmallocinfo_at_boot();

	if (ktap_list_only)
		failed = ktap_list_all(ktap_filter) < 0; /* an empty list is an answer too */
	else
		failed = ktap_run_all(ktap_filter);
	machine_power_off(failed ? 1 : 0);
}
