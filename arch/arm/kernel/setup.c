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
#include <asm/percpu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/proc-v7.h>
#include <asm/smp_scu.h>
#include <asm/reboot.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <libfdt.h>
#include <asm/memblock.h>
#include "init.h"
#include "of_fdt.h"
#include "serial.h"
#include "smp.h"

phys_addr_t dtb_phys;
void *initial_boot_params;
bool cpu_walk_coherent;
bool cpu_smp;
u32 *kernel_pgd = boot_pgd;

#define ATAG_CORE 0x54410001

/**
 * smp_setup_processor_id - the boot CPU's identity, before any C asks for it
 *
 * TPIDRPRW resets to an UNKNOWN value; 0 makes the boot CPU use the
 * per-CPU template, where cpu_number is 0, until setup_per_cpu_areas().
 * The first lock may follow, so check what locks need: the MMU on, so that
 * their words are Normal memory (asm/spinlock.h).  head.S guarantees it.
 */
void __init smp_setup_processor_id(void)
{
	set_my_cpu_offset(0);
	BUG_ON(!(read_sctlr() & CR_M));
}

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
	/*
	 * The header, the size against our 1 MiB window, and a full structure
	 * walk (a blob cut short, or one that would make libfdt loop) before
	 * anything else reads it.
	 */
	err = early_init_dt_verify(fdt);
	if (err == -EARLY_DT_ERR_TOO_BIG)
		panic("DTB at 0x%08llx is %u bytes, more than the %u bytes we map",
		      (unsigned long long)phys, (u32)fdt_totalsize(fdt), (u32)MAX_FDT_SIZE);
	if (err)
		panic("invalid DTB at 0x%08llx: %s (magic 0x%08x)", (unsigned long long)phys,
		      early_init_dt_strerror(err), (u32)fdt32_to_cpu(((const fdt32_t *)fdt)[0]));
	return fdt;
}

/**
 * setup_arch - the ARM half of boot: CPU, DT, memory layout, page tables
 * @dtb: physical address of the DTB, as the loader passed it in r2
 *
 * Halts with a message naming the problem if the DTB is unusable.
 */
void setup_arch(phys_addr_t dtb)
{
	int err;

	setup_processor();

	dtb_phys = dtb;
	initial_boot_params = validate_dtb(dtb);
	err = early_init_dt_scan(initial_boot_params);
	if (!err)
		parse_early_param(); /* earlycon= among them */
	/* The log so far replays on it: a DT without memory is reported there too. */
	setup_earlycon(initial_boot_params);
	if (err == -ENODEV)
		panic("the device tree at 0x%08llx describes no usable memory",
		      (unsigned long long)dtb);
	if (err)
		panic("the device tree at 0x%08llx cannot be used (error %d, see above)",
		      (unsigned long long)dtb, err);

	/* Twice, as Linux: arm_memblock_init may cut memory (mem=). */
	adjust_lowmem_bounds();
	err = arm_memblock_init(initial_boot_params, dtb);
	if (err)
		panic("the memory layout cannot be used safely (error %d, see above)", err);
	adjust_lowmem_bounds();

	paging_init();
	bootmem_init();
	smp_scu_setup(initial_boot_params);	      /* before any secondary CPU starts */
	cpu_v7_check_setup(0, boot_cpu_setup_status); /* what head.S's __v7_setup did */
	machine_power_init(initial_boot_params);
	arm_dt_init_cpu_maps(initial_boot_params); /* /cpus: the possible CPUs */
}
