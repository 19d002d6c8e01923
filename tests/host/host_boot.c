// SPDX-License-Identifier: GPL-2.0
#include "host_boot.h"
#include "host_mm.h"
#include "init.h"
#include "memblock.h"
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
}
