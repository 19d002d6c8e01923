// SPDX-License-Identifier: GPL-2.0
/*
 * Building ARMv7 short-descriptor tables: the part of Linux's
 * arch/arm/mm/mmu.c that decides sections versus pages and writes the
 * descriptors.  Portable C: it only reads and writes memory through __va(),
 * so tests/host runs it over simulated RAM; the CP15 side (publishing
 * entries, switching tables) is in mmu.c behind struct pgtable_ops.
 */
#include <asm/memblock.h>
#include "cma.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "printk.h"
#include "sections.h"
#include <asm/cache.h>
#include <asm/highmem.h>
#include <string.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#define PMD_KERNEL (PMD_TYPE_SECT | PMD_DOMAIN(0))

/* AP[2:0] for the kernel: privileged read-write, or read-only; no user access. */
#define SECT_RW (PMD_SECT_AP_WRITE)
#define SECT_RO (PMD_SECT_AP_WRITE | PMD_SECT_APX)
#define PTE_RW	(PTE_EXT_AP0)
#define PTE_RO	(PTE_EXT_AP0 | PTE_EXT_APX)

static struct mem_type mem_types[MT_NR_TYPES] = {
	[MT_MEMORY_RW] = {PMD_KERNEL | SECT_RW | PMD_SECT_WBWA | PMD_SECT_XN,
			  PTE_TYPE_SMALL | PTE_RW | PTE_EXT_WBWA | PTE_EXT_XN, "MEMORY_RW"},
	[MT_MEMORY_RX] = {PMD_KERNEL | SECT_RO | PMD_SECT_WBWA,
			  PTE_TYPE_SMALL | PTE_RO | PTE_EXT_WBWA, "MEMORY_RX"},
	[MT_MEMORY_RO] = {PMD_KERNEL | SECT_RO | PMD_SECT_WBWA | PMD_SECT_XN,
			  PTE_TYPE_SMALL | PTE_RO | PTE_EXT_WBWA | PTE_EXT_XN, "MEMORY_RO"},
	[MT_DEVICE] = {PMD_KERNEL | SECT_RW | PMD_SECT_DEVICE | PMD_SECT_XN,
		       PTE_TYPE_SMALL | PTE_RW | PTE_EXT_DEVICE | PTE_EXT_XN, "DEVICE"},
	[MT_VECTORS] = {PMD_KERNEL | SECT_RO | PMD_SECT_WBWA,
			PTE_TYPE_SMALL | PTE_RO | PTE_EXT_WBWA, "VECTORS"},
	/*
	 * The lowmem of every CMA area, as Linux's: data like MT_MEMORY_RW but
	 * never a section, so that dma_alloc_coherent() can change a buffer's
	 * pages of the linear map alone (dma_contiguous_remap below).
	 */
	[MT_MEMORY_DMA_READY] = {0, PTE_TYPE_SMALL | PTE_RW | PTE_EXT_WBWA | PTE_EXT_XN,
				 "MEMORY_DMA_READY"},
	/*
	 * Linux's pgprot_dmacoherent(PAGE_KERNEL) with ARM_DMA_MEM_BUFFERABLE:
	 * TEX 001, C 0, B 0, normal memory, not cached, writes may be buffered.
	 */
	[MT_DMA_COHERENT] = {0, PTE_TYPE_SMALL | PTE_RW | PTE_EXT_TEX(1) | PTE_EXT_XN,
			     "DMA_COHERENT"},
};

void build_mem_type_table(bool smp)
{
	/*
	 * Normal memory is shareable on an SMP core so the cores' caches keep
	 * it coherent; shareable device memory has the S bit clear in its
	 * TEX/C/B encoding already (ARM ARM B3.8.2).
	 */
	for (unsigned int i = 0; i < MT_NR_TYPES; i++) {
		if (i == MT_DEVICE)
			continue;
		if (smp) {
			if (mem_types[i].prot_sect) /* 0: pages only */
				mem_types[i].prot_sect |= PMD_SECT_S;
			mem_types[i].prot_pte |= PTE_EXT_SHARED;
		} else {
			mem_types[i].prot_sect &= ~PMD_SECT_S;
			mem_types[i].prot_pte &= ~PTE_EXT_SHARED;
		}
	}
}

const struct mem_type *get_mem_type(unsigned int type)
{
	return type < MT_NR_TYPES ? &mem_types[type] : NULL;
}

/**
 * lookup_address - the descriptor that maps @va in @pgd
 * @pgd: the first-level table
 * @va: the virtual address
 * @level: set to 1 (section or fault at first level) or 2 (small page)
 *
 * Returns a pointer to the pmd or pte, or NULL if the first level faults.
 */
u32 *lookup_address(pmd_t *pgd, unsigned long va, int *level)
{
	pmd_t *pmd = &pgd[pgd_index(va)];

	*level = 1;
	if (!pmd_table(*pmd))
		return pmd_none(*pmd) ? NULL : pmd;
	*level = 2;
	return (pte_t *)__va(pmd_page_paddr(*pmd)) + pte_index(va);
}

/*
 * A new table was zeroed through the data cache.  A table walker that does
 * not look in the L1 (ID_MMFR3.CohWalk = 0) would read what memory held
 * before, and take old bytes for valid entries: so every line of a table is
 * published before anything points at it, as Linux's clean_pte_table() and
 * pgd_alloc()'s clean_dcache_area() (no-ops where the walker reads the L1).
 */
static void publish_table(const void *table, size_t size, const struct pgtable_ops *ops)
{
	for (size_t off = 0; off < size; off += L1_CACHE_BYTES)
		ops->publish((const u8 *)table + off);
}

/* The pte table under @pmd, allocating it if the entry is empty. */
static pte_t *pte_table(pmd_t *pmd, const struct pgtable_ops *ops)
{
	phys_addr_t table;

	if (pmd_table(*pmd))
		return __va(pmd_page_paddr(*pmd));
	if (!pmd_none(*pmd))
		return NULL; /* a section: the caller reports it */
	table = ops->alloc_pte_table();
	if (!table)
		return NULL;
	publish_table(__va(table), PTE_TABLE_SIZE, ops);
	*pmd = (u32)table | PMD_TYPE_TABLE | PMD_DOMAIN(0);
	ops->publish(pmd);
	return __va(table);
}

/* Map @len bytes from @va with small pages; [va, va + len) lies in one section. */
static int map_pages(pmd_t *pmd, unsigned long va, unsigned long len, u32 phys,
		     const struct mem_type *type, const struct pgtable_ops *ops)
{
	pte_t *ptes;

	if (pmd_sect(*pmd))
		return -EEXIST;
	ptes = pte_table(pmd, ops);
	if (!ptes)
		return -ENOMEM;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE, phys += PAGE_SIZE) {
		pte_t *pte = &ptes[pte_index(va + off)];

		/* A live entry may be in a TLB: replacing it needs break-before-make. */
		if (!pte_none(*pte))
			return -EBUSY;
		*pte = phys | type->prot_pte;
		ops->publish(pte);
	}
	return 0;
}

/* @md's type, or NULL if @md is not page aligned, wraps or lies above 4 GiB. */
static const struct mem_type *map_desc_type(const struct map_desc *md)
{
	/* 64-bit arithmetic: a mapping may end exactly at 4 GiB. */
	u64 end = (u64)md->virtual + md->length;

	if (!IS_ALIGNED(md->virtual | md->length | md->phys, PAGE_SIZE) || end > SZ_4G ||
	    md->phys + md->length > SZ_4G)
		return NULL;
	return get_mem_type(md->type);
}

static int __create_mapping(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops,
			    bool sections)
{
	const struct mem_type *type = map_desc_type(md);
	u64 va = md->virtual, end = va + md->length;
	phys_addr_t phys = md->phys;

	if (!type)
		return -EINVAL;
	while (va < end) {
		u64 next = min(end, (va & SECTION_MASK) + SECTION_SIZE);
		pmd_t *pmd = &pgd[pgd_index(va)];
		int err;

		if (sections && type->prot_sect && IS_ALIGNED(va | phys, SECTION_SIZE) &&
		    next - va == SECTION_SIZE && !pmd_table(*pmd)) {
			*pmd = (u32)phys | type->prot_sect;
			ops->publish(pmd);
		} else {
			err = map_pages(pmd, (unsigned long)va, (unsigned long)(next - va),
					(u32)phys, type, ops);
			if (err)
				return err;
		}
		phys += next - va;
		va = next;
	}
	return 0;
}

/**
 * create_mapping - map @md into the first-level table @pgd
 * @pgd: the first-level table
 * @md: what to map: virtual and physical start, length, memory type
 * @ops: allocates second-level tables and publishes new entries
 *
 * Uses a 1 MiB section wherever the virtual and physical addresses and the
 * remaining length allow, and 4 KiB pages elsewhere.  Returns 0, -EINVAL for
 * a descriptor that is not page aligned, wraps or lies above 4 GiB,
 * -EEXIST if it would split an existing section, -ENOMEM if no table.
 */
int create_mapping(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops)
{
	return __create_mapping(pgd, md, ops, true);
}

/**
 * create_pte_mapping - map @md into @pgd with 4 KiB pages only
 * @pgd: the first-level table
 * @md: what to map; every pte it covers must be empty
 * @ops: where pte tables come from and how entries are published
 *
 * For mappings that come and go (vmalloc, vmap, ioremap): a page at a time
 * is what clear_pte_mapping() takes away, so no section ever has to be
 * split.  Returns 0, -EINVAL as create_mapping(), -EEXIST over a section,
 * -EBUSY over a live pte, -ENOMEM if no table.
 */
int create_pte_mapping(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops)
{
	return __create_mapping(pgd, md, ops, false);
}

/* The pte mapping @va, or NULL if @va is a section or unmapped at the first level. */
static pte_t *pte_of(pmd_t *pgd, unsigned long va)
{
	int level;
	u32 *entry = lookup_address(pgd, va, &level);

	return entry && level == 2 ? entry : NULL;
}

/**
 * change_pte_mapping_type - give mapped pages another memory type, break-before-make
 * @pgd: the live first-level table
 * @md: the mapping as it stands (virtual, physical, length) and the type it is to have
 * @ops: how entries are published (no table is allocated: they all exist)
 *
 * Linux's __dma_remap() (apply_to_page_range() over the ptes, then
 * flush_tlb_kernel_range()).  Where we differ: Linux overwrites each live
 * pte with its new attributes; we first empty them all, drop their TLB
 * entries on every CPU, and only then write the new ones.  A change of
 * cacheability is one of the changes for which the ARM ARM (B3.10.1)
 * asks for this "break-before-make": otherwise one CPU's TLB may hold the
 * old attributes while another's holds the new ones, for the same page.
 * Nobody may use the pages meanwhile (their owner is changing them).
 *
 * Returns 0, or before changing anything -EINVAL for a bad descriptor or
 * a page that is not mapped by a pte (a section: the area was not made
 * ready at boot), -EFAULT for a pte that maps another physical page.
 */
int change_pte_mapping_type(pmd_t *pgd, const struct map_desc *md, const struct pgtable_ops *ops)
{
	if (!map_desc_type(md) || !md->length)
		return -EINVAL;
	for (unsigned long off = 0; off < md->length; off += PAGE_SIZE) {
		pte_t *pte = pte_of(pgd, md->virtual + off);

		if (!pte || !pte_present(*pte))
			return -EINVAL;
		if ((*pte & PAGE_MASK) != md->phys + off)
			return -EFAULT;
	}
	clear_pte_mapping(pgd, md->virtual, md->length, ops);
	flush_tlb_kernel_range(md->virtual, md->virtual + md->length);
	return create_pte_mapping(pgd, md, ops);
}

/**
 * clear_pte_mapping - empty the ptes of [@va, @va + @len)
 * @pgd: the first-level table
 * @va: page-aligned start
 * @len: bytes, page aligned
 * @ops: how entries are published
 *
 * Leaves the pte tables in place (kernel tables are never freed, as in
 * Linux) and does no TLB maintenance: the caller flushes the range once.
 * Returns how many ptes were present.  A missing table (a mapping that
 * failed part way) is skipped; a section is a caller's bug and warns.
 */
unsigned long clear_pte_mapping(pmd_t *pgd, unsigned long va, unsigned long len,
				const struct pgtable_ops *ops)
{
	unsigned long cleared = 0;

	for (unsigned long end = va + len; va < end; va += PAGE_SIZE) {
		pmd_t pmd = pgd[pgd_index(va)];
		pte_t *pte;

		if (!pmd_table(pmd)) {
			WARN_ON(!pmd_none(pmd)); /* a section: never made by create_pte_mapping */
			continue;
		}
		pte = (pte_t *)__va(pmd_page_paddr(pmd)) + pte_index(va);
		if (pte_none(*pte))
			continue;
		*pte = 0;
		ops->publish(pte);
		cleared++;
	}
	return cleared;
}

/* The memory type at @pa and where (exclusive) that type ends, for lowmem. */
static unsigned int lowmem_type_at(phys_addr_t pa, const struct kernel_regions *kr,
				   phys_addr_t *type_end)
{
	if (pa < kr->text_start) {
		*type_end = kr->text_start;
		return MT_MEMORY_RW;
	}
	if (pa < kr->rodata_start) {
		*type_end = kr->rodata_start;
		return MT_MEMORY_RX;
	}
	if (pa < kr->rw_start) {
		*type_end = kr->rw_start;
		return MT_MEMORY_RO;
	}
	*type_end = PHYS_ADDR_MAX;
	return MT_MEMORY_RW;
}

/**
 * map_lowmem_range - map [@start, @end) of RAM at its linear address
 * @pgd: the first-level table
 * @start: physical start, page aligned
 * @end: physical end, page aligned
 * @kr: where the kernel image's text and rodata lie
 * @ops: as for create_mapping()
 *
 * Splits the range where the memory type changes (text, rodata, the rest)
 * and maps each piece with create_mapping(), so sections are used exactly
 * where a whole MiB has one type.  Returns 0 or create_mapping()'s error.
 */
int map_lowmem_range(pmd_t *pgd, phys_addr_t start, phys_addr_t end,
		     const struct kernel_regions *kr, const struct pgtable_ops *ops)
{
	while (start < end) {
		phys_addr_t type_end;
		unsigned int type = lowmem_type_at(start, kr, &type_end);
		struct map_desc md = {
			.virtual = __phys_to_virt(start),
			.phys = start,
			.length = (unsigned long)(min(end, type_end) - start),
			.type = type,
		};
		int err = create_mapping(pgd, &md, ops);

		if (err)
			return err;
		start += md.length;
	}
	return 0;
}

/**
 * pgtable_alloc_from_memblock - a zeroed pte table from memblock (boot time)
 */
phys_addr_t pgtable_alloc_from_memblock(void)
{
	phys_addr_t table = memblock_phys_alloc(PTE_TABLE_SIZE, PTE_TABLE_SIZE);

	if (table)
		memset(__va(table), 0, PTE_TABLE_SIZE);
	return table;
}

/**
 * create_mapping_or_die - create_mapping() at boot, where failing leaves nothing to run on
 * @pgd: as for create_mapping()
 * @md: as for create_mapping()
 * @ops: as for create_mapping()
 */
void __init create_mapping_or_die(pmd_t *pgd, const struct map_desc *md,
				  const struct pgtable_ops *ops)
{
	int err = create_mapping(pgd, md, ops);

	if (err)
		panic("paging_init: cannot map 0x%08llx at 0x%08lx (+0x%lx, %s): error %d",
		      (unsigned long long)md->phys, md->virtual, md->length,
		      get_mem_type(md->type) ? get_mem_type(md->type)->name : "?", err);
}

static void *__init alloc_or_die(phys_addr_t size, const char *what)
{
	void *p = memblock_alloc(size, size);

	if (!p)
		panic("paging_init: no memory for %s", what);
	return p;
}

/*
 * Is @pa in a CMA area?  Sets *@run_end to where that answer changes: the
 * area's end, or the start of the next area above @pa (PHYS_ADDR_MAX if
 * none).
 */
static bool in_cma_area(phys_addr_t pa, phys_addr_t *run_end)
{
	*run_end = PHYS_ADDR_MAX;
	for (unsigned int i = 0; i < cma_area_count; i++) {
		const struct cma *cma = &cma_areas[i];
		phys_addr_t base = cma_get_base(cma), end = base + cma_get_size(cma);

		if (!cma->count)
			continue;
		if (pa >= base && pa < end) {
			*run_end = end;
			return true;
		}
		if (base > pa)
			*run_end = min(*run_end, base);
	}
	return false;
}

/*
 * Linux's dma_contiguous_remap(): the lowmem of every CMA area is mapped
 * MT_MEMORY_DMA_READY, with pages, so that dma_alloc_coherent() can make
 * one buffer's part of the linear map uncached without touching its
 * neighbours (a section can only change as a whole).
 *
 * Where we differ: Linux first maps all of lowmem with sections, then
 * clears the areas' sections, flushes the TLB and maps them again; and it
 * remaps only the areas the DMA code reported through
 * dma_contiguous_early_fixup().  We choose pages for the areas while the
 * table is built, off to the side (paging_init), so there is nothing live
 * to clear or flush; and we take the areas from cma_areas[] itself, since
 * every CMA area here is a DMA one (mm/dma_contiguous.c makes them all),
 * and an area dropped since (cma_drop_unreserved_areas) is skipped.
 */
static int map_lowmem_piece(pmd_t *pgd, phys_addr_t start, phys_addr_t end,
			    const struct kernel_regions *kr, const struct pgtable_ops *ops)
{
	while (start < end) {
		phys_addr_t run_end;
		bool cma = in_cma_area(start, &run_end);
		struct map_desc md = {
			.virtual = __phys_to_virt(start),
			.phys = start,
			.length = (unsigned long)(min(end, run_end) - start),
			.type = MT_MEMORY_DMA_READY,
		};
		int err = cma ? create_mapping(pgd, &md, ops)
			      : map_lowmem_range(pgd, start, start + md.length, kr, ops);

		if (err)
			return err;
		start += md.length;
	}
	return 0;
}

static void __init map_lowmem(pmd_t *pgd, const struct pgtable_ops *ops)
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
		int err = map_lowmem_piece(pgd, start, end, &kr, ops);

		if (err)
			panic("paging_init: cannot map lowmem 0x%08llx-0x%08llx: error %d",
			      (unsigned long long)start, (unsigned long long)end - 1, err);
	}
}

/* Second-level tables for every section of [start, end), so later code only writes ptes. */
static void __init alloc_pte_tables(pmd_t *pgd, unsigned long start, unsigned long end,
				    const struct pgtable_ops *ops)
{
	for (unsigned long va = start; va < end; va += SECTION_SIZE) {
		phys_addr_t table = ops->alloc_pte_table();

		if (!table)
			panic("paging_init: no memory for the page table at 0x%08lx", va);
		publish_table(__va(table), PTE_TABLE_SIZE, ops);
		pgd[pgd_index(va)] = (u32)table | PMD_TYPE_TABLE | PMD_DOMAIN(0);
		ops->publish(&pgd[pgd_index(va)]);
	}
}

/**
 * build_kernel_tables - the part of paging_init that needs no CP15
 * @kt: filled in
 * @ops: where pte tables come from and how entries are published
 *
 * From memblock: a new first-level table mapping lowmem (below
 * arm_lowmem_limit; NOMAP memory left out) with kernel text, rodata and the
 * rest at their permissions, the vectors page (the caller copies the
 * vectors into it), the pte tables of the pkmap and kmap_atomic windows,
 * and the zero page.  Panics, with the reason, if memory runs out.  The
 * host simulator (mmsim) runs it too, so its memory report includes what
 * the page tables cost.
 */
void __init build_kernel_tables(struct kernel_tables *kt, const struct pgtable_ops *ops)
{
	struct map_desc vectors = {
		.virtual = VECTORS_BASE, .length = PAGE_SIZE, .type = MT_VECTORS};

	kt->pgd = alloc_or_die(PGD_TABLE_SIZE, "the first-level table");
	publish_table(kt->pgd, PGD_TABLE_SIZE, ops);
	map_lowmem(kt->pgd, ops);

	kt->vectors_page = alloc_or_die(PAGE_SIZE, "the vectors page");
	vectors.phys = __pa(kt->vectors_page);
	create_mapping_or_die(kt->pgd, &vectors, ops);

	alloc_pte_tables(kt->pgd, PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE, ops);
	alloc_pte_tables(kt->pgd, FIXADDR_START, FIXADDR_START + FIX_KMAP_NR * PAGE_SIZE, ops);

	kt->zero_page = alloc_or_die(PAGE_SIZE, "the zero page");
}
