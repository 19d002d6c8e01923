/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's translation tables: types, memory types and the mapping
 * interface (Linux's asm/pgtable.h and asm/mach/map.h, for the ARMv7
 * short-descriptor format).
 *
 * We differ from Linux on purpose in one place: Linux pairs first-level
 * entries into 2 MiB "pgd" entries and keeps a software copy of every
 * second-level table (for the young/dirty bits of user pages).  A kernel
 * without user space needs neither, so here a pmd is one hardware
 * first-level entry (1 MiB) and a pte table is one 1 KiB hardware table.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include "types.h"
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>

typedef u32 pmd_t; /* a first-level descriptor: fault, section or table */
typedef u32 pte_t; /* a second-level descriptor: fault or small page */

#define PTRS_PER_PGD	    4096
#define PTRS_PER_PTE	    256
#define PGD_TABLE_SIZE	    (PTRS_PER_PGD * sizeof(pmd_t)) /* 16 KiB, 16 KiB aligned */
#define PTE_TABLE_SIZE	    (PTRS_PER_PTE * sizeof(pte_t)) /* 1 KiB, 1 KiB aligned */

#define pgd_index(va)	    ((u32)(va) >> SECTION_SHIFT)
#define pte_index(va)	    (((u32)(va) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

#define pmd_type(pmd)	    ((pmd)&PMD_TYPE_MASK)
#define pmd_none(pmd)	    (pmd_type(pmd) == PMD_TYPE_FAULT)
#define pmd_sect(pmd)	    (pmd_type(pmd) == PMD_TYPE_SECT && !((pmd)&PMD_SECT_SUPER))
#define pmd_table(pmd)	    (pmd_type(pmd) == PMD_TYPE_TABLE)
#define pmd_page_paddr(pmd) ((pmd) & ~(u32)(PTE_TABLE_SIZE - 1))
#define pte_none(pte)	    (((pte)&PTE_TYPE_MASK) == PTE_TYPE_FAULT)
#define pte_present(pte)    (((pte)&2) != 0) /* small page, XN or not */

/*
 * Memory types, as Linux's mem_types[]: each gives the attribute bits of a
 * section and of a small page mapping that type.  W^X holds by
 * construction: no type is both writable and executable.
 */
enum mem_type_id {
	MT_MEMORY_RW,	     /* lowmem, data: read-write, never executed */
	MT_MEMORY_RX,	     /* kernel text: read-only, executable */
	MT_MEMORY_RO,	     /* rodata, the DTB: read-only, never executed */
	MT_DEVICE,	     /* MMIO: shareable device, read-write, never executed */
	MT_VECTORS,	     /* the high vectors page: read-only, executable */
	MT_MEMORY_DMA_READY, /* lowmem of a CMA area: as MT_MEMORY_RW, but pages only */
	MT_DMA_COHERENT,     /* a dma_alloc_coherent() buffer: normal, uncached (bufferable), NX */
	MT_NR_TYPES,
};

/*
 * A type whose prot_sect is 0 is never mapped with sections (Linux's
 * MT_MEMORY_DMA_READY has no prot_sect either): its pages' attributes are
 * changed one pte at a time while the kernel runs.
 */
struct mem_type {
	u32 prot_sect;
	u32 prot_pte;
	const char *name;
};

/**
 * struct map_desc - one mapping to create (Linux's asm/mach/map.h)
 * @virtual: virtual start, page aligned
 * @phys: physical start, page aligned, below 4 GiB
 * @length: bytes, page aligned
 * @type: an MT_* memory type
 */
struct map_desc {
	unsigned long virtual;
	phys_addr_t phys;
	unsigned long length;
	unsigned int type;
};

/**
 * struct pgtable_ops - where page tables come from and how writes are published
 * @alloc_pte_table: a zeroed, 1 KiB aligned PTE_TABLE_SIZE table; returns its
 *                   physical address (0 on failure)
 * @publish: make a written descriptor visible to the table walker
 *           (flush_pmd_entry on the target; nothing on the host)
 *
 * The table-building code is portable C so that the host tests exercise
 * exactly what the target runs; only these two steps differ.
 */
struct pgtable_ops {
	phys_addr_t (*alloc_pte_table)(void);
	void (*publish)(const void *entry);
};

/* The ops paging_init and early code use: memblock tables, flush_pmd_entry. */
extern const struct pgtable_ops kernel_pgtable_ops;

/* Set up mem_types[] for this CPU: shareable memory when SMP. */
void build_mem_type_table(bool smp);
const struct mem_type *get_mem_type(unsigned int type);

int create_mapping(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops);

int create_pte_mapping(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops);
unsigned long clear_pte_mapping(pmd_t *pgd, unsigned long va, unsigned long len,
				const struct pgtable_ops *ops);

int change_pte_mapping_type(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops);

u32 *lookup_address(pmd_t *pgd, unsigned long va, int *level);

/**
 * struct kernel_regions - the kernel image's permission boundaries (physical)
 * @text_start: start of the image (head.S and text): mapped read-only, executable
 * @rodata_start: start of read-only data: read-only, never executed
 * @rw_start: start of everything writable (init, data, BSS)
 */
struct kernel_regions {
	phys_addr_t text_start;
	phys_addr_t rodata_start;
	phys_addr_t rw_start;
};

int map_lowmem_range(pmd_t *pgd, phys_addr_t start, phys_addr_t end,
		     const struct kernel_regions *kr, const struct pgtable_ops *ops);

void create_mapping_or_die(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops);

phys_addr_t pgtable_alloc_from_memblock(void);

/**
 * struct kernel_tables - what build_kernel_tables() made
 * @pgd: the new first-level table
 * @vectors_page: the page mapped read-only/executable at VECTORS_BASE (empty)
 * @zero_page: a zeroed page (Linux's empty_zero_page)
 */
struct kernel_tables {
	pmd_t *pgd;
	void *vectors_page;
	void *zero_page;
};

void build_kernel_tables(struct kernel_tables *kt, const struct pgtable_ops *ops);

#endif /* _ASM_PGTABLE_H */
