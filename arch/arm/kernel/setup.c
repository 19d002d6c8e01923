// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): from "C is running" to "memory is described and mapped".
 * Linux's arch/arm/kernel/setup.c, cut down to what a memory-management
 * kernel needs: identify the CPU, validate and map the DTB, then hand over
 * to the DT scan and the memory setup.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/reboot.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <libfdt.h>
#include "serial.h"

phys_addr_t dtb_phys;
void *initial_boot_params;
bool cpu_walk_coherent;
bool cpu_smp;
u32 *kernel_pgd = boot_pgd;

#define ATAG_CORE 0x54410001

static const char *cache_policy(u32 ctr)
{
	/* CTR.L1Ip, bits [15:14]: the instruction cache's indexing. */
	switch ((ctr >> 14) & 3) {
	case 1:
		return "ASID-tagged VIVT";
	case 2:
		return "VIPT aliasing";
	case 3:
		return "PIPT";
	default:
		return "reserved";
	}
}

static void setup_processor(void)
{
	u32 midr = read_midr(), mpidr = read_mpidr();

	cpu_smp = (mpidr & (MPIDR_MP_EXT | MPIDR_UP)) == MPIDR_MP_EXT;
	/* ID_MMFR3[23:20], "coherent walk": table writes need no cache clean. */
	cpu_walk_coherent = ((read_id_mmfr3() >> 20) & 0xf) != 0;
	pr_info("CPU: ARMv7 Processor [%08x] revision %u (ARMv7), cr=%08x\n", midr,
		MIDR_REVISION(midr), read_sctlr());
	pr_info("CPU: PIPT / VIPT nonaliasing data cache, %s instruction cache\n",
		cache_policy(read_ctr()));
}

/*
 * Check what the loader gave us in r2 before libfdt looks at it.  Anything
 * wrong here is fatal: without a DT we do not know where RAM is.
 */
static void *validate_dtb(phys_addr_t phys)
{
	void *fdt = (void *)(FDT_FIXED_BASE + (u32)(phys & ~SECTION_MASK));
	int err;

	if (!phys)
		panic("no DTB: the boot loader passed r2 = 0x%08llx (boot with a device tree, "
		      "e.g. bootz <kernel> - <dtb>)",
		      (unsigned long long)phys);
	if (phys & 7)
		panic("DTB address 0x%08llx is not 8-byte aligned", (unsigned long long)phys);
	if (fdt32_to_cpu(((const fdt32_t *)fdt)[1]) == ATAG_CORE)
		panic("r2 = 0x%08llx points to ATAGs, not a DTB: ATAG boot is not supported",
		      (unsigned long long)phys);
	err = fdt_check_header(fdt);
	if (!err && fdt_totalsize(fdt) <= MAX_FDT_SIZE)
		err = fdt_check_full(fdt, fdt_totalsize(fdt)); /* catches a blob cut short */
	if (err)
		panic("invalid DTB at 0x%08llx: %s (magic 0x%08x)", (unsigned long long)phys,
		      fdt_strerror(err), (u32)fdt32_to_cpu(((const fdt32_t *)fdt)[0]));
	if (fdt_totalsize(fdt) > MAX_FDT_SIZE)
		panic("DTB at 0x%08llx is %u bytes, more than the %u bytes we map",
		      (unsigned long long)phys, (u32)fdt_totalsize(fdt), (u32)MAX_FDT_SIZE);
	return fdt;
}

void setup_arch(phys_addr_t dtb)
{
	early_io_record(0, DEBUG_UART_PHYS & SECTION_MASK); /* head.S mapped it */
	setup_processor();

	dtb_phys = dtb;
	initial_boot_params = validate_dtb(dtb);
	vexpress_power_init(initial_boot_params);
}
