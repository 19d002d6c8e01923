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
 *     NOMAP memory is left out;
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
#include "arm_memblock.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mm.h"
#include "mmzone.h"
#include "printk.h"
#include "sections.h"
#include <asm/cp15.h>
#include <asm/highmem.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <string.h>

extern const char vectors[], vectors_end[];

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

/* The physical end of what head.S mapped: early allocations must stay below it. */
static phys_addr_t early_map_end(void)
{
	extern char __early_map_end[];

	return __pa(__early_map_end);
}

void adjust_lowmem_bounds(void)
{
	arm_set_lowmem_limit(arm_find_lowmem_limit(PHYS_OFFSET));
	vmalloc_start = ALIGN((unsigned long)high_memory + VMALLOC_OFFSET, VMALLOC_OFFSET);
	memblock_set_current_limit(min(arm_lowmem_limit, early_map_end()));
}

/*
 * Page tables come from memblock: before the switch from inside the boot
 * mapping (memblock's current limit), afterwards from lowmem.
 */
static phys_addr_t early_pte_alloc_zeroed(void)
{
	phys_addr_t table = memblock_phys_alloc(PTE_TABLE_SIZE, PTE_TABLE_SIZE);

	if (table)
		memset(__va(table), 0, PTE_TABLE_SIZE);
	return table;
}

const struct pgtable_ops kernel_pgtable_ops = {
	.alloc_pte_table = early_pte_alloc_zeroed,
	.publish = flush_pmd_entry,
};

static void __init create_mapping_or_die(pmd_t *pgd, const struct map_desc *md)
{
	int err = create_mapping(pgd, md, &kernel_pgtable_ops);

	if (err)
		panic("paging_init: cannot map 0x%08llx at 0x%08lx (+0x%lx, %s): error %d",
		      (unsigned long long)md->phys, md->virtual, md->length,
		      get_mem_type(md->type) ? get_mem_type(md->type)->name : "?", err);
}

static void __init map_lowmem(pmd_t *pgd)
{
	struct kernel_regions kr = {
		.text_start = __pa(_text),
		.rodata_start = __pa(__start_rodata),
		.rw_start = __pa(__init_begin),
	};
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range (i, &start, &end) {
		start = ALIGN(start, PAGE_SIZE);
		end = ALIGN_DOWN(min(end, arm_lowmem_limit), PAGE_SIZE);
		if (start >= end)
			continue;
		int err = map_lowmem_range(pgd, start, end, &kr, &kernel_pgtable_ops);

		if (err)
			panic("paging_init: cannot map lowmem 0x%08llx-0x%08llx: error %d",
			      (unsigned long long)start, (unsigned long long)end - 1, err);
	}
}

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

static void __init map_vectors(pmd_t *pgd)
{
	void *page = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	struct map_desc md = {.virtual = VECTORS_BASE, .length = PAGE_SIZE, .type = MT_VECTORS};

	if (!page)
		panic("paging_init: no memory for the vectors page");
	memcpy(page, vectors, vectors_end - vectors);
	sync_icache(page, vectors_end - vectors);
	md.phys = __pa(page);
	create_mapping_or_die(pgd, &md);
}

/* The DTB and the early I/O sections stay where head.S and early_ioremap put them. */
static void __init map_boot_sections(pmd_t *pgd)
{
	for (unsigned int slot = 0; early_io_slot_phys(slot) != PHYS_ADDR_MAX; slot++) {
		struct map_desc md = {.virtual = EARLY_IO_BASE + slot * SECTION_SIZE,
				      .phys = early_io_slot_phys(slot),
				      .length = SECTION_SIZE,
				      .type = MT_DEVICE};

		create_mapping_or_die(pgd, &md);
	}
	if (initial_boot_params) {
		struct map_desc md = {.virtual = FDT_FIXED_BASE,
				      .phys = dtb_phys & SECTION_MASK,
				      .length = FDT_FIXED_SIZE,
				      .type = MT_MEMORY_RO};

		create_mapping_or_die(pgd, &md);
	}
}

/* Second-level tables for every section of [start, end), so later code only writes ptes. */
static pte_t *__init alloc_pte_tables(pmd_t *pgd, unsigned long start, unsigned long end)
{
	pte_t *first = NULL;

	for (unsigned long va = start; va < end; va += SECTION_SIZE) {
		phys_addr_t table = early_pte_alloc_zeroed();

		if (!table)
			panic("paging_init: no memory for the page table at 0x%08lx", va);
		pgd[pgd_index(va)] = (u32)table | PMD_TYPE_TABLE | PMD_DOMAIN(0);
		flush_pmd_entry(&pgd[pgd_index(va)]);
		if (!first)
			first = __va(table);
	}
	return first;
}

static void __init kmap_init(pmd_t *pgd)
{
	alloc_pte_tables(pgd, PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE);
	alloc_pte_tables(pgd, FIXADDR_START, FIXADDR_START + FIX_KMAP_NR * PAGE_SIZE);
}

static void cpu_switch_tables(pmd_t *pgd)
{
	u32 ttbr = (u32)__pa(pgd) | (cpu_smp ? TTB_FLAGS_SMP : TTB_FLAGS_UP);

	dsb();
	write_ttbr0(ttbr);
	isb();
	flush_tlb_all();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0" : : "r"(0) : "memory"); /* ICIALLU */
	dsb();
	isb();
	/* Exceptions now go through the copy at 0xffff0000. */
	write_sctlr(read_sctlr() | CR_V);
	isb();
}

void __init paging_init(void)
{
	pmd_t *pgd;

	build_mem_type_table(cpu_smp);
	pgd = memblock_alloc(PGD_TABLE_SIZE, PGD_TABLE_SIZE);
	if (!pgd)
		panic("paging_init: no memory for the first-level table");

	map_lowmem(pgd);
	map_vectors(pgd);
	map_boot_sections(pgd);
	kmap_init(pgd);
	empty_zero_page = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!empty_zero_page)
		panic("paging_init: no memory for the zero page");

	cpu_switch_tables(pgd);
	kernel_pgd = pgd;

	/* Nothing runs from the boot table any more: its 16 KiB go back to RAM. */
	memblock_phys_free(__pa(boot_pgd), PGD_TABLE_SIZE);
	memblock_set_current_limit(arm_lowmem_limit);

	if (ptdump_at_boot)
		ptdump_kernel(kernel_pgd);
}

void __init bootmem_init(void)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = {0};

	max_zone_pfn[ZONE_NORMAL] = PFN_DOWN(arm_lowmem_limit);
	max_zone_pfn[ZONE_HIGHMEM] = PFN_DOWN(memblock_end_of_DRAM());
	free_area_init(max_zone_pfn);
}

#define MLK(b, t)	  (b), (t), (((t) - (b)) >> 10)
#define MLM(b, t)	  (b), (t), (((t) - (b)) >> 20)
#define MLK_ROUNDUP(b, t) (b), (t), (DIV_ROUND_UP(((t) - (b)), SZ_1K))

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
