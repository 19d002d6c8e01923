// SPDX-License-Identifier: GPL-2.0
/*
 * early_ioremap: device registers before paging_init.  Linux maps these
 * through fixmap pages; with only the boot table's 1 MiB sections at hand
 * we map whole sections in the early I/O window, reusing a section when a
 * second device sits in it (the vexpress UART and system registers share
 * one).  paging_init carries every early mapping over to the final table
 * at the same virtual address, so pointers taken here stay valid.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/tlbflush.h>
#include "mm.h"
#include "vmalloc.h"
#include <asm/pgtable.h>

#define EARLY_IO_SLOTS (EARLY_IO_SIZE / SECTION_SIZE)

/* Physical section mapped by each slot, +1 so that 0 means free. */
static phys_addr_t early_io_phys[EARLY_IO_SLOTS];

/**
 * early_io_record - note that early I/O slot @slot maps physical @section
 * @slot: the early I/O slot
 * @section: physical base of the 1 MiB section it maps
 */
void early_io_record(unsigned int slot, phys_addr_t section)
{
	early_io_phys[slot] = section + 1;
}

/**
 * early_io_slot_phys - the section slot @slot maps, or PHYS_ADDR_MAX if none
 * @slot: the early I/O slot
 */
phys_addr_t early_io_slot_phys(unsigned int slot)
{
	return slot < EARLY_IO_SLOTS && early_io_phys[slot] ? early_io_phys[slot] - 1
							    : PHYS_ADDR_MAX;
}

/**
 * early_ioremap - map device registers before paging_init, in 1 MiB sections
 * @phys: physical address of the registers
 * @size: bytes needed
 *
 * Maps into the early I/O window of the boot page table; paging_init keeps
 * these mappings at the same addresses.  Returns NULL when the window is full.
 */
void __iomem *early_ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t section = phys & SECTION_MASK;
	unsigned int slot;

	if (!size || phys >= SZ_4G || phys + size > section + SECTION_SIZE) {
		pr_err("early_ioremap: cannot map 0x%llx+0x%zx: above 4 GiB or across a section\n",
		       (unsigned long long)phys, size);
		return NULL;
	}
	for (slot = 0; slot < EARLY_IO_SLOTS; slot++) {
		if (early_io_phys[slot] == section + 1)
			goto found;
		if (!early_io_phys[slot])
			break;
	}
	if (slot == EARLY_IO_SLOTS) {
		pr_err("early_ioremap: no room for 0x%llx: all %d early I/O sections used\n",
		       (unsigned long long)phys, (int)EARLY_IO_SLOTS);
		return NULL;
	}
	u32 *entry = &kernel_pgd[(EARLY_IO_BASE >> SECTION_SHIFT) + slot];

	*entry = (u32)section | PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_DEVICE | PMD_SECT_XN;
	flush_pmd_entry(entry);
	/* head.S may have left a section here (its debug UART) that nobody records. */
	flush_tlb_kernel_page(EARLY_IO_BASE + slot * SECTION_SIZE);
	early_io_record(slot, section);
found:
	return (void __iomem *)(EARLY_IO_BASE + slot * SECTION_SIZE + (u32)(phys - section));
}

/**
 * ioremap - map device registers (after paging_init)
 * @phys: physical address of the registers
 * @size: bytes
 *
 * Maps whole pages of shareable device memory, never executable, in the
 * vmalloc area.  Returns the virtual address of @phys, or NULL (reported)
 * if the request is invalid or no space is left.
 *
 * Like Linux's, it sits on vmalloc's address allocator (mm/vmalloc.c): 4 KiB
 * device pages in an area of the vmalloc space, guard page and all.  Before
 * vmalloc_init() the area and its page tables come from memblock.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long offset = (unsigned long)(phys - base), addr;
	struct vm_struct *area;

	if (!size || phys + size > SZ_4G || phys + size < phys) {
		pr_err("ioremap: cannot map 0x%llx+0x%zx\n", (unsigned long long)phys, size);
		return NULL;
	}
	area = get_vm_area_caller(offset + size, VM_IOREMAP, __builtin_return_address(0));
	if (!area) {
		pr_err("ioremap: no virtual space for 0x%llx+0x%zx\n", (unsigned long long)phys,
		       size);
		return NULL;
	}
	area->phys_addr = base;
	addr = (unsigned long)area->addr;
	if (ioremap_page_range(addr, addr + PAGE_ALIGN(offset + size), base, MT_DEVICE)) {
		pr_err("ioremap: mapping 0x%llx+0x%zx failed\n", (unsigned long long)phys, size);
		vunmap(area->addr);
		return NULL;
	}
	return (void __iomem *)(addr + offset);
}

/**
 * iounmap - remove a mapping ioremap() made
 * @addr: what ioremap() returned
 */
void iounmap(volatile void __iomem *addr)
{
	vunmap((const void *)((unsigned long)addr & PAGE_MASK));
}
