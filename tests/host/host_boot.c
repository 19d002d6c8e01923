// SPDX-License-Identifier: GPL-2.0
#include "host_boot.h"
#include "host_mm.h"
#include "host_smp.h"
#include "init.h"
#include "memblock.h"
#include "mm.h"
#include "mmzone.h"
#include "memtest.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include "serial.h"
#include "slab.h"
#include "vmalloc.h"
#include "vmstat.h"
#include <asm/memblock.h>
#include <asm/memmap.h>
#include <string.h>

/**
 * host_early_boot_reset - every early-boot module as a fresh boot finds it
 *
 * memblock, the reserved-memory table, the CMA areas, the recorded lowmem
 * split, one CPU, and everything a command line sets: the early
 * parameters' run-once guard, and each parameter's value (loglevel=,
 * memblock=debug, mem=, vmalloc=, cma=, memtest=, page_poison= with the
 * other page allocator tunables, console=, earlycon, slub_debug=, and the
 * boot-time reports mminfo, dump_page=, slabinfo, vmallocinfo,
 * memmap_json).  A parameter added without its reset here fails the
 * cmdline suite.  RAM and the kernel image are the caller's.
 */
void host_early_boot_reset(void)
{
	memblock_reset();
	memblock_debug = false;
	early_params_reset();
	of_reserved_mem_reset();
	memtest_reset();
	arm_memblock_reset();
	host_set_lowmem_limit(0);
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	host_page_alloc_reset_tunables();
	earlycon_param_reset();
	slub_params_reset();
	show_mminfo_params_reset();
	vmallocinfo_param_reset();
	memmap_json_at_boot = false;
	host_smp_reset();
}

/*
 * The tunables' initial values are mm/'s own (watermark.c, page_poison.c):
 * noted once, before main() and any suite can change them, rather than
 * written here again.
 */
static struct {
	int min_free_kbytes, user_min_free_kbytes, watermark_scale_factor;
	int lowmem_reserve_ratio[MAX_NR_ZONES];
	bool page_poisoning_enabled;
} boot_tunables;

static void __attribute__((constructor)) note_boot_tunables(void)
{
	boot_tunables.min_free_kbytes = min_free_kbytes;
	boot_tunables.user_min_free_kbytes = user_min_free_kbytes;
	boot_tunables.watermark_scale_factor = watermark_scale_factor;
	memcpy(boot_tunables.lowmem_reserve_ratio, sysctl_lowmem_reserve_ratio,
	       sizeof(boot_tunables.lowmem_reserve_ratio));
	boot_tunables.page_poisoning_enabled = _page_poisoning_enabled;
}

/**
 * host_page_alloc_reset_tunables - the page allocator's tunables as a boot finds them
 *
 * min_free_kbytes (and no user value), watermark_scale_factor, the lowmem
 * reserve ratio and page poisoning off: mm/watermark.c's and
 * page_poison.c's initial values, for suites that change them.
 */
void host_page_alloc_reset_tunables(void)
{
	min_free_kbytes = boot_tunables.min_free_kbytes;
	user_min_free_kbytes = boot_tunables.user_min_free_kbytes;
	watermark_scale_factor = boot_tunables.watermark_scale_factor;
	memcpy(sysctl_lowmem_reserve_ratio, boot_tunables.lowmem_reserve_ratio,
	       sizeof(sysctl_lowmem_reserve_ratio));
	_page_poisoning_enabled = boot_tunables.page_poisoning_enabled;
}
