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
#include "gfp.h"
#include "mm.h"
#include <asm/pgtable.h>

#define EARLY_IO_SLOTS (EARLY_IO_SIZE / SECTION_SIZE)

/* Physical section mapped by each slot, +1 so that 0 means free. */
static phys_addr_t early_io_phys[EARLY_IO_SLOTS];

void early_io_record(unsigned int slot, phys_addr_t section)
{
	early_io_phys[slot] = section + 1;
}

phys_addr_t early_io_slot_phys(unsigned int slot)
{
	return slot < EARLY_IO_SLOTS && early_io_phys[slot] ? early_io_phys[slot] - 1
							    : PHYS_ADDR_MAX;
}

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
	flush_pmd_entry(entry); /* the entry was invalid: no TLB entry to drop */
	early_io_record(slot, section);
found:
	return (void __iomem *)(EARLY_IO_BASE + slot * SECTION_SIZE + (u32)(phys - section));
}

/*
 * ioremap: device registers after paging_init, mapped with 4 KiB device
 * pages in the vmalloc area (Linux's ioremap on top of vmalloc's address
 * allocator; we keep a small table of areas instead of a vmap tree).  A
 * guard page follows each area, as vmalloc leaves one, so an overrun faults.
 */
#define MAX_IOREMAP_AREAS 64

struct io_area {
	unsigned long va;   /* 0: free slot */
	unsigned long size; /* mapped bytes, guard page excluded */
	phys_addr_t phys;
};

static struct io_area io_areas[MAX_IOREMAP_AREAS];

static phys_addr_t ioremap_pte_alloc(void)
{
	if (system_state == SYSTEM_BOOTING)
		return kernel_pgtable_ops.alloc_pte_table();
	/* A page per 1 KiB table: rare (one per MiB of I/O space), so not worth carving. */
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

	return page ? page_to_phys(page) : 0;
}

static const struct pgtable_ops ioremap_ops = {
	.alloc_pte_table = ioremap_pte_alloc,
	.publish = flush_pmd_entry,
};

/* First fit in [vmalloc_start, VMALLOC_END): the lowest gap of @size + a guard page. */
static unsigned long find_io_va(unsigned long size)
{
	unsigned long va = vmalloc_start;
	bool moved = true;

	while (moved) {
		moved = false;
		for (int i = 0; i < MAX_IOREMAP_AREAS; i++) {
			const struct io_area *a = &io_areas[i];

			if (a->va && va < a->va + a->size + PAGE_SIZE &&
			    a->va < va + size + PAGE_SIZE) {
				va = a->va + a->size + PAGE_SIZE;
				moved = true;
			}
		}
	}
	return va + size + PAGE_SIZE <= VMALLOC_END ? va : 0;
}

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long len = ALIGN((unsigned long)(phys - base) + size, PAGE_SIZE);
	struct io_area *slot = NULL;
	struct map_desc md;

	if (!size || phys + size > SZ_4G || phys + size < phys) {
		pr_err("ioremap: cannot map 0x%llx+0x%zx\n", (unsigned long long)phys, size);
		return NULL;
	}
	for (int i = 0; i < MAX_IOREMAP_AREAS && !slot; i++)
		if (!io_areas[i].va)
			slot = &io_areas[i];
	md = (struct map_desc){.virtual = slot ? find_io_va(len) : 0,
			       .phys = base,
			       .length = len,
			       .type = MT_DEVICE};
	if (!md.virtual) {
		pr_err("ioremap: no virtual space for 0x%llx+0x%zx\n", (unsigned long long)phys,
		       size);
		return NULL;
	}
	if (create_mapping(kernel_pgd, &md, &ioremap_ops)) {
		pr_err("ioremap: mapping 0x%llx+0x%zx failed\n", (unsigned long long)phys, size);
		return NULL;
	}
	*slot = (struct io_area){md.virtual, len, base};
	return (void __iomem *)(md.virtual + (unsigned long)(phys - base));
}

void iounmap(volatile void __iomem *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK;

	for (int i = 0; i < MAX_IOREMAP_AREAS; i++) {
		struct io_area *a = &io_areas[i];

		if (a->va != va)
			continue;
		for (unsigned long off = 0; off < a->size; off += PAGE_SIZE) {
			int level;
			u32 *pte = lookup_address(kernel_pgd, va + off, &level);

			*pte = 0;
			flush_pmd_entry(pte);
			flush_tlb_kernel_page(va + off);
		}
		a->va = 0;
		return;
	}
	pr_err("iounmap: 0x%08lx was not ioremapped\n", va);
	WARN_ON(1);
}
