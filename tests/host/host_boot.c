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
#include <asm/memblock.h>

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
	host_smp_reset();
}

void host_page_alloc_reset_tunables(void)
{
	min_free_kbytes = 1024;
	user_min_free_kbytes = -1;
	watermark_scale_factor = 10;
	sysctl_lowmem_reserve_ratio[ZONE_NORMAL] = 32;
	_page_poisoning_enabled = false;
}
