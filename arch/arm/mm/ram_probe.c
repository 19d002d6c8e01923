// SPDX-License-Identifier: GPL-2.0
/*
 * The word accesses of the RAM probe (mm/ram_probe.c) on ARM, before
 * paging_init: the boot table maps only the kernel, so each word is reached
 * through one temporary 1 MiB section at the top of the vmalloc area (empty
 * until paging_init builds the final table), strongly ordered so that every
 * write and read goes to the bus rather than a cache.  A word with no memory
 * behind it may read back anything, or abort: QEMU's vexpress-a9 raises a
 * synchronous external abort for an address nothing decodes, which the
 * expected-fault hook turns into "no memory here".
 */
#include "kernel.h"
#include "ram_probe.h"
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>

#define PROBE_VA (VMALLOC_END - SECTION_SIZE)

static phys_addr_t probe_section = PHYS_ADDR_MAX;

static void set_probe_entry(u32 value)
{
	u32 *entry = &kernel_pgd[PROBE_VA >> SECTION_SHIFT];

	*entry = value;
	flush_pmd_entry(entry);
	flush_tlb_kernel_page(PROBE_VA);
}

static volatile u32 *probe_map(phys_addr_t phys)
{
	phys_addr_t section = phys & SECTION_MASK;

	if (section != probe_section) {
		set_probe_entry((u32)section | PMD_TYPE_SECT | PMD_SECT_AP_WRITE |
				PMD_SECT_UNCACHED | PMD_SECT_XN);
		probe_section = section;
	}
	return (volatile u32 *)(PROBE_VA + (u32)(phys - section));
}

static bool arm_probe_read(phys_addr_t phys, u32 *val)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	volatile u32 *p = probe_map(phys);
	u32 v = 0;

	expect_fault(&f);
	v = *p;
	if (expect_fault_end(&f))
		return false;
	*val = v;
	return true;
}

static bool arm_probe_write(phys_addr_t phys, u32 val)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	volatile u32 *p = probe_map(phys);

	expect_fault(&f);
	*p = val;
	__asm__ volatile("dsb" ::: "memory"); /* the abort, if any, before we look */
	return !expect_fault_end(&f);
}

static void arm_probe_done(void)
{
	set_probe_entry(0);
	probe_section = PHYS_ADDR_MAX;
}

const struct ram_probe_ops arch_ram_probe_ops = {
	.read = arm_probe_read,
	.write = arm_probe_write,
	.done = arm_probe_done,
};
