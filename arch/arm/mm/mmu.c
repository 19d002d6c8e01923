// SPDX-License-Identifier: GPL-2.0
/*
 * paging_init(): the kernel's final page tables (Linux's arch/arm/mm/mmu.c).
 *
 * head.S left a boot table of 1 MiB sections, all read-write-executable.
 * Here we build a new table off to the side and switch to it in one step:
 *
 *   - nothing below PAGE_OFFSET (the boot identity map is simply not
 *     copied), nothing between lowmem and the vmalloc area;
 *   - lowmem mapped linearly with sections where a whole MiB has one memory
 *     type and pages at the edges: text read-only and executable, rodata
 *     read-only, everything else read-write and never executable (W^X);
 *     NOMAP memory is left out; the CMA areas get pages only, for
 *     dma_alloc_coherent() to remap (pgtable.c, Linux's dma_contiguous_remap);
 *   - the high vectors page, the DTB, the early I/O sections (at the same
 *     addresses as before, so pointers into them stay valid);
 *   - second-level tables for the pkmap window and the fixmap slots, which
 *     kmap() and kmap_atomic() fill in later;
 *   - a zero page.
 *
 * Building a fresh table rather than editing the live one (as Linux does)
 * means no entry is ever changed while the MMU may be using it, so the only
 * TLB maintenance needed is one full invalidate after the switch.
 */
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mm.h"
#include "mmzone.h"
#include "printk.h"
#include "sections.h"
#include <asm/cp15.h>
#include <asm/highmem.h>
#include <asm/memblock.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <string.h>

extern const char vectors[], vectors_end[];

phys_addr_t arm_lowmem_limit;
void *high_memory;
unsigned long vmalloc_start;
void *empty_zero_page;

static bool ptdump_at_boot;

static int __init early_ptdump(char *arg)
{
	(void)arg;
	ptdump_at_boot = true;
	return 0;
}
early_param("ptdump", early_ptdump);

/**
 * adjust_lowmem_bounds - record the lowmem/highmem split; cap memblock to the boot mapping
 *
 * arm_lowmem_bounds() finds the split (portable, in init.c); this is the
 * one place that sets arm_lowmem_limit, high_memory and vmalloc_start.
 * setup_arch() calls it twice, as Linux does: before arm_memblock_init()
 * (CMA needs the boundary) and after it (mem= may have moved it).
 */
void adjust_lowmem_bounds(void)
{
	struct lowmem_bounds b = arm_lowmem_bounds(PHYS_OFFSET);

	arm_lowmem_limit = b.lowmem_limit;
	high_memory = (char *)__va(b.lowmem_limit - 1) + 1;
	vmalloc_start = VMALLOC_START_FOR((unsigned long)high_memory);
	memblock_set_current_limit(b.memblock_limit);
}

const struct pgtable_ops kernel_pgtable_ops = {
	.alloc_pte_table = pgtable_alloc_from_memblock,
	.publish = flush_pmd_entry,
};

/* Make code written through the data side visible to instruction fetches. */
static void sync_icache(const void *start, size_t len)
{
	for (uintptr_t p = (uintptr_t)start & ~31u; p < (uintptr_t)start + len; p += 32)
		clean_dcache_line_pou((const void *)p);
	dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0\n\t" /* ICIALLU */
			     "mcr p15, 0, %0, c7, c5, 6"     /* BPIALL */
			     :
			     : "r"(0)
			     : "memory");
	dsb();
	isb();
}

/* The DTB and the early I/O sections stay where head.S and early_ioremap put them. */
static void __init map_boot_sections(pmd_t *pgd)
{
	for (unsigned int slot = 0; early_io_slot_phys(slot) != PHYS_ADDR_MAX; slot++) {
		struct map_desc md = {.virtual = EARLY_IO_BASE + slot * SECTION_SIZE,
				      .phys = early_io_slot_phys(slot),
				      .length = SECTION_SIZE,
				      .type = MT_DEVICE};

		create_mapping_or_die(pgd, &md, &kernel_pgtable_ops);
	}
	if (initial_boot_params) {
		struct map_desc md = {.virtual = FDT_FIXED_BASE,
				      .phys = dtb_phys & SECTION_MASK,
				      .length = FDT_FIXED_SIZE,
				      .type = MT_MEMORY_RO};

		create_mapping_or_die(pgd, &md, &kernel_pgtable_ops);
	}
}

/**
 * cpu_switch_tables - make @pgd the calling CPU's table, with high vectors
 * @pgd: a first-level table (the kernel's)
 *
 * paging_init on the boot CPU; each secondary CPU when it leaves the
 * identity map it turned its MMU on with (smp.c).
 */
void cpu_switch_tables(pmd_t *pgd)
{
	u32 ttbr = (u32)__pa(pgd) | (cpu_smp ? TTB_FLAGS_SMP : TTB_FLAGS_UP);

	dsb();
	write_ttbr0(ttbr);
	write_ttbr1(ttbr); /* unused with TTBCR.N = 0; kept on the live table, as Linux */
	isb();
	flush_tlb_all();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0" : : "r"(0) : "memory"); /* ICIALLU */
	dsb();
	isb();
	/* Exceptions now go through the copy at 0xffff0000. */
	write_sctlr(read_sctlr() | CR_V);
	isb();
}

/**
 * paging_init - build the final page tables and switch to them
 */
void __init paging_init(void)
{
	struct kernel_tables kt;

	build_mem_type_table(cpu_smp);
	build_kernel_tables(&kt, &kernel_pgtable_ops);
	memcpy(kt.vectors_page, vectors, vectors_end - vectors);
	sync_icache(kt.vectors_page, vectors_end - vectors);
	map_boot_sections(kt.pgd);
	empty_zero_page = kt.zero_page;

	cpu_switch_tables(kt.pgd);
	kernel_pgd = kt.pgd;

	/* Nothing runs from the boot table any more: its 16 KiB go back to RAM. */
	memblock_phys_free(__pa(boot_pgd), PGD_TABLE_SIZE);
	memblock_set_current_limit(arm_lowmem_limit);

	if (ptdump_at_boot)
		ptdump_kernel(kernel_pgd);
}

#define MLK(b, t)	  (b), (t), (((t) - (b)) >> 10)
#define MLM(b, t)	  (b), (t), (((t) - (b)) >> 20)
#define MLK_ROUNDUP(b, t) (b), (t), (DIV_ROUND_UP(((t) - (b)), SZ_1K))

/**
 * print_vm_layout - Linux's "Virtual kernel memory layout:" report
 */
void print_vm_layout(void)
{
	pr_notice("Virtual kernel memory layout:\n");
	pr_notice("    vector  : 0x%08lx - 0x%08lx   (%4lu kB)\n",
		  MLK(VECTORS_BASE, VECTORS_BASE + PAGE_SIZE));
	pr_notice("    fixmap  : 0x%08lx - 0x%08lx   (%4lu kB)\n", MLK(FIXADDR_START, FIXADDR_END));
	pr_notice("    vmalloc : 0x%08lx - 0x%08lx   (%4lu MB)\n", MLM(vmalloc_start, VMALLOC_END));
	pr_notice("    lowmem  : 0x%08lx - 0x%08lx   (%4lu MB)\n",
		  MLM(PAGE_OFFSET, (unsigned long)high_memory));
	pr_notice("    pkmap   : 0x%08lx - 0x%08lx   (%4lu MB)\n", MLM(PKMAP_BASE, PAGE_OFFSET));
	pr_notice("    modules : 0x%08lx - 0x%08lx   (%4lu MB)\n", MLM(MODULES_VADDR, PKMAP_BASE));
	pr_notice("      .text : 0x%08lx - 0x%08lx   (%4lu kB)\n",
		  MLK_ROUNDUP((unsigned long)_text, (unsigned long)_etext));
	pr_notice("      .init : 0x%08lx - 0x%08lx   (%4lu kB)\n",
		  MLK_ROUNDUP((unsigned long)__init_begin, (unsigned long)__init_end));
	pr_notice("      .data : 0x%08lx - 0x%08lx   (%4lu kB)\n",
		  MLK_ROUNDUP((unsigned long)_sdata, (unsigned long)_edata));
	pr_notice("       .bss : 0x%08lx - 0x%08lx   (%4lu kB)\n",
		  MLK_ROUNDUP((unsigned long)__bss_start, (unsigned long)__bss_stop));
}

/**
 * ptdump_kernel - ptdump_walk() the kernel's table with the layout's markers
 * @pgd: the first-level table
 */
void ptdump_kernel(pmd_t *pgd)
{
	const struct ptdump_marker markers[] = {
		{MODULES_VADDR, "Modules"},
		{PKMAP_BASE, "Persistent kmap() Area"},
		{PAGE_OFFSET, "Kernel Mapping"},
		{vmalloc_start, "vmalloc() Area"},
		{VMALLOC_END, "vmalloc() End / DTB"},
		{EARLY_IO_BASE, "Early I/O"},
		{FIXADDR_START, "Fixmap Area"},
		{VECTORS_BASE, "Vectors"},
		{VECTORS_BASE + PAGE_SIZE, "Vectors End"},
		{0, NULL},
	};

	pr_info("Kernel page tables (TTBR0 0x%08x):\n", read_ttbr0());
	ptdump_walk(pgd, markers);
}
