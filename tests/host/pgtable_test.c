// SPDX-License-Identifier: GPL-2.0
/*
 * The table-building half of paging_init, on the host: which parts of a
 * layout get sections and which get pages, with which permissions, and
 * what ptdump prints for them.  The tables live in simulated RAM and are
 * read back descriptor by descriptor.
 */
#include "ktap.h"
#include "kernel.h"
#include "memblock.h"
#include "printk.h"
#include <asm/cache.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>
#include <asm/tlbflush.h>
#include <string.h>

#define RAM_BASE 0x60000000ULL
#define RAM_SIZE (64ULL << 20)
#define VA(pa)	 ((unsigned long)((pa)-RAM_BASE + PAGE_OFFSET))

static pmd_t *pgd;
static int tables_allocated;

/*
 * What a table walker that does not read the L1 would see: a cache line of
 * simulated RAM is "published" from the time publish() is called on it
 * until it is written by a table allocation.  A pmd pointing at a table
 * with an unpublished line is counted.
 */
static bool line_published[RAM_SIZE / L1_CACHE_BYTES];
static int tables_unpublished_when_linked;

static bool *line_of(const void *p)
{
	return &line_published[(__pa(p) - RAM_BASE) / L1_CACHE_BYTES];
}

static phys_addr_t test_pte_alloc(void)
{
	phys_addr_t table = memblock_phys_alloc(PTE_TABLE_SIZE, PTE_TABLE_SIZE);

	if (table) {
		memset(__va(table), 0, PTE_TABLE_SIZE);
		for (size_t off = 0; off < PTE_TABLE_SIZE; off += L1_CACHE_BYTES)
			*line_of((u8 *)__va(table) + off) = false;
		tables_allocated++;
	}
	return table;
}

static void test_publish(const void *entry)
{
	const pmd_t *pmd = entry;

	if (pmd >= pgd && pmd < pgd + PTRS_PER_PGD && pmd_table(*pmd)) {
		const u8 *table = __va(pmd_page_paddr(*pmd));

		for (size_t off = 0; off < PTE_TABLE_SIZE; off += L1_CACHE_BYTES)
			if (!*line_of(table + off)) {
				tables_unpublished_when_linked++;
				break;
			}
	}
	*line_of(entry) = true;
}

static const struct pgtable_ops ops = {test_pte_alloc, test_publish};

/* The kernel image as head.S loads it: text at +64K, rodata, then data. */
static const struct kernel_regions kr = {
	.text_start = RAM_BASE + 0x10000,
	.rodata_start = RAM_BASE + 0x30000,
	.rw_start = RAM_BASE + 0x38000,
};

static int pgtable_init(struct ktap_test *t)
{
	(void)t;
	host_ram_setup(RAM_BASE, RAM_SIZE);
	memblock_reset();
	memblock_add(RAM_BASE, RAM_SIZE);
	build_mem_type_table(true);
	pgd = memblock_alloc(PGD_TABLE_SIZE, PGD_TABLE_SIZE);
	tables_allocated = 0;
	tables_unpublished_when_linked = 0;
	memset(line_published, 0, sizeof(line_published));
	return pgd ? 0 : -ENOMEM;
}

/* The descriptor for @va and its level, or 0 if unmapped. */
static u32 desc_at(unsigned long va, int *level)
{
	u32 *d = lookup_address(pgd, va, level);

	return d ? *d : 0;
}

static bool is_section(unsigned long va)
{
	int level;
	u32 d = desc_at(va, &level);

	return level == 1 && pmd_sect(d);
}

static bool writable(u32 d, int level)
{
	return !(d & (level == 1 ? PMD_SECT_APX : PTE_EXT_APX));
}

static bool executable(u32 d, int level)
{
	return !(d & (level == 1 ? PMD_SECT_XN : PTE_EXT_XN));
}

static void pgtable_lowmem_uses_sections_where_one_type_fills_a_mib(struct ktap_test *t)
{
	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + RAM_SIZE, &kr, &ops), 0);
	KTAP_EXPECT_FALSE(t, is_section(VA(RAM_BASE))); /* holds the kernel: pages */
	for (u64 pa = RAM_BASE + SZ_1M; pa < RAM_BASE + RAM_SIZE; pa += SZ_1M)
		KTAP_EXPECT_TRUE(t, is_section(VA(pa)));
	KTAP_EXPECT_EQ(t, tables_allocated, 1);
}

static void pgtable_kernel_text_is_rx_rodata_ro_and_the_rest_rw_nx(struct ktap_test *t)
{
	const struct {
		u64 pa;
		bool w, x;
	} expect[] = {
		{RAM_BASE, true, false},	   /* below the image */
		{RAM_BASE + 0x10000, false, true}, /* text */
		{RAM_BASE + 0x2f000, false, true},
		{RAM_BASE + 0x30000, false, false}, /* rodata */
		{RAM_BASE + 0x37000, false, false},
		{RAM_BASE + 0x38000, true, false}, /* data, bss */
		{RAM_BASE + 0xff000, true, false},
		{RAM_BASE + SZ_1M, true, false}, /* a section */
	};

	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + RAM_SIZE, &kr, &ops), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(expect); i++) {
		int level;
		u32 d = desc_at(VA(expect[i].pa), &level);

		KTAP_EXPECT_NE(t, d, 0);
		KTAP_EXPECT_EQ(t, writable(d, level), expect[i].w);
		KTAP_EXPECT_EQ(t, executable(d, level), expect[i].x);
		/* Every mapping points at its own physical page. */
		u32 mask = level == 1 ? SECTION_MASK : PAGE_MASK;
		KTAP_EXPECT_EQ(t, d & mask, (u32)expect[i].pa & mask);
	}
}

static void pgtable_no_mapping_is_writable_and_executable(struct ktap_test *t)
{
	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + RAM_SIZE, &kr, &ops), 0);
	for (u64 pa = RAM_BASE; pa < RAM_BASE + RAM_SIZE; pa += PAGE_SIZE) {
		int level;
		u32 d = desc_at(VA(pa), &level);

		if (writable(d, level) && executable(d, level)) {
			KTAP_EXPECT_EQ(t, pa, 0); /* names the offending address */
			break;
		}
	}
}

static void pgtable_unaligned_ram_end_gets_pages(struct ktap_test *t)
{
	u64 end = RAM_BASE + 0x3f80000; /* 512 KiB short of 64 MiB */
	int level;

	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, end, &kr, &ops), 0);
	KTAP_EXPECT_TRUE(t, is_section(VA(end - SZ_1M - 0x80000)));
	KTAP_EXPECT_FALSE(t, is_section(VA(end - PAGE_SIZE)));
	KTAP_EXPECT_NE(t, desc_at(VA(end - PAGE_SIZE), &level), 0);
	KTAP_EXPECT_EQ(t, level, 2);
	KTAP_EXPECT_EQ(t, desc_at(VA(end), &level), 0); /* nothing past the end */
}

static void pgtable_section_aligned_text_gets_rx_sections(struct ktap_test *t)
{
	const struct kernel_regions big = {RAM_BASE + SZ_1M, RAM_BASE + 3 * SZ_1M,
					   RAM_BASE + 4 * SZ_1M};
	int level;

	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + RAM_SIZE, &big, &ops), 0);
	KTAP_EXPECT_EQ(t, tables_allocated, 0);
	u32 d = desc_at(VA(RAM_BASE + 2 * SZ_1M), &level);

	KTAP_EXPECT_TRUE(t, is_section(VA(RAM_BASE + 2 * SZ_1M)));
	KTAP_EXPECT_TRUE(t, executable(d, level) && !writable(d, level));
	d = desc_at(VA(RAM_BASE + 3 * SZ_1M), &level);
	KTAP_EXPECT_TRUE(t, !executable(d, level) && !writable(d, level));
}

static void pgtable_hole_between_banks_stays_unmapped(struct ktap_test *t)
{
	int level;

	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + 0x800000, &kr, &ops), 0);
	KTAP_ASSERT_EQ(
		t, map_lowmem_range(pgd, RAM_BASE + 0xa00000, RAM_BASE + RAM_SIZE, &kr, &ops), 0);
	KTAP_EXPECT_EQ(t, desc_at(VA(RAM_BASE + 0x900000), &level), 0);
	KTAP_EXPECT_NE(t, desc_at(VA(RAM_BASE + 0xa00000), &level), 0);
}

static void pgtable_create_mapping_rejects_bad_descriptors(struct ktap_test *t)
{
	struct map_desc unaligned = {0xf0000000, 0x10000800, PAGE_SIZE, MT_DEVICE};
	struct map_desc above_4g = {0xf0000000, 0x100000000ULL, PAGE_SIZE, MT_DEVICE};
	struct map_desc bad_type = {0xf0000000, 0x10000000, PAGE_SIZE, MT_NR_TYPES};
	struct map_desc section = {0xf0000000, 0x10000000, SECTION_SIZE, MT_DEVICE};
	struct map_desc page_in_section = {0xf0001000, 0x10001000, PAGE_SIZE, MT_DEVICE};

	KTAP_EXPECT_EQ(t, create_mapping(pgd, &unaligned, &ops), -EINVAL);
	KTAP_EXPECT_EQ(t, create_mapping(pgd, &above_4g, &ops), -EINVAL);
	KTAP_EXPECT_EQ(t, create_mapping(pgd, &bad_type, &ops), -EINVAL);
	KTAP_EXPECT_EQ(t, create_mapping(pgd, &section, &ops), 0);
	KTAP_EXPECT_EQ(t, create_mapping(pgd, &page_in_section, &ops), -EEXIST);
}

static void pgtable_mapping_may_end_at_4g(struct ktap_test *t)
{
	struct map_desc top = {0xffff0000, 0x60000000, 0x10000, MT_VECTORS};
	int level;

	KTAP_EXPECT_EQ(t, create_mapping(pgd, &top, &ops), 0);
	KTAP_EXPECT_NE(t, desc_at(0xfffff000, &level), 0);
	KTAP_EXPECT_EQ(t, level, 2);
}

static void pgtable_device_memory_is_device_and_never_executable(struct ktap_test *t)
{
	struct map_desc uart = {0xf8009000, 0x10009000, PAGE_SIZE, MT_DEVICE};
	int level;
	u32 d;

	KTAP_ASSERT_EQ(t, create_mapping(pgd, &uart, &ops), 0);
	d = desc_at(0xf8009000, &level);
	KTAP_EXPECT_EQ(t, level, 2);
	KTAP_EXPECT_EQ(t, d & ~PAGE_MASK & (PTE_EXT_TEX(7) | PTE_CACHEABLE | PTE_BUFFERABLE),
		       PTE_EXT_DEVICE);
	KTAP_EXPECT_FALSE(t, executable(d, level));
}

static void pgtable_ptdump_prints_merged_ranges(struct ktap_test *t)
{
	static const struct ptdump_marker markers[] = {{PAGE_OFFSET, "Kernel Mapping"}, {0, NULL}};
	size_t mark;

	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + RAM_SIZE, &kr, &ops), 0);
	mark = printk_log_mark();
	/* below the image | text | rodata | rest of the first MiB | 63 sections */
	KTAP_EXPECT_EQ(t, ptdump_walk(pgd, markers), 5);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "---[ Kernel Mapping ]---\n"));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "0xc0000000-0xc0010000          64K     RW NX SHD "
						"MEM/CACHED/WBWA   page    phys 0x60000000\n"));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "0xc0010000-0xc0030000         128K     ro x  SHD "
						"MEM/CACHED/WBWA   page    phys 0x60010000\n"));
	KTAP_EXPECT_TRUE(
		t, printk_log_since(mark, "0xc0030000-0xc0038000          32K     ro NX SHD"));
	KTAP_EXPECT_TRUE(t,
			 printk_log_since(mark, "0xc0100000-0xc4000000          63M     RW NX SHD "
						"MEM/CACHED/WBWA   section phys 0x60100000\n"));
}

/* A walker that reads memory, not the L1, must never find an old byte in a new table. */
static void pgtable_new_tables_are_published_before_a_pmd_points_at_them(struct ktap_test *t)
{
	struct map_desc uart = {0xf8009000, 0x10009000, PAGE_SIZE, MT_DEVICE};

	KTAP_ASSERT_EQ(t, map_lowmem_range(pgd, RAM_BASE, RAM_BASE + RAM_SIZE - 0x3000, &kr, &ops),
		       0);
	KTAP_ASSERT_EQ(t, create_mapping(pgd, &uart, &ops), 0);
	KTAP_EXPECT_GE(t, tables_allocated, 3); /* image, RAM end, the UART */
	KTAP_EXPECT_EQ(t, tables_unpublished_when_linked, 0);
}

/* A CMA area's type (Linux's MT_MEMORY_DMA_READY) gets pages even where a section would fit. */
static void pgtable_dma_ready_memory_gets_pages_never_sections(struct ktap_test *t)
{
	struct map_desc cma = {VA(RAM_BASE + SZ_8M), RAM_BASE + SZ_8M, SZ_4M, MT_MEMORY_DMA_READY};
	u32 want = get_mem_type(MT_MEMORY_DMA_READY)->prot_pte;
	unsigned long bad = 0;
	int level;

	KTAP_ASSERT_EQ(t, create_mapping(pgd, &cma, &ops), 0);
	for (unsigned long off = 0; off < SZ_4M; off += PAGE_SIZE) {
		u32 d = desc_at(cma.virtual + off, &level);

		bad += level != 2 || d != (((u32)cma.phys + off) | want);
	}
	KTAP_EXPECT_EQ(t, bad, 0ul);
	KTAP_EXPECT_EQ(t, tables_allocated, 4);
	KTAP_EXPECT_EQ(t, want, get_mem_type(MT_MEMORY_RW)->prot_pte);
}

/* Every pte write change_pte_mapping_type() publishes, and the TLB flushes before it. */
static struct {
	const void *entry;
	u32 value;
	unsigned long flushed; /* host_tlb_flushed_pages when it was published */
} writes[16];
static unsigned int nwrites;

static void record_publish(const void *entry)
{
	if (nwrites < ARRAY_SIZE(writes))
		writes[nwrites] =
			(typeof(writes[0])){entry, *(const u32 *)entry, host_tlb_flushed_pages};
	nwrites++;
}

static phys_addr_t no_table(void)
{
	return 0;
}

/*
 * Two of four pages become uncached: both emptied first, their TLB entries
 * dropped, only then the new entries written (break-before-make); the
 * neighbours untouched.  A range that is a section, or whose ptes map
 * other pages, is refused before anything is written.
 */
static void pgtable_change_type_breaks_before_it_makes(struct ktap_test *t)
{
	const struct pgtable_ops recording = {no_table, record_publish};
	struct map_desc four = {VA(RAM_BASE + SZ_8M), RAM_BASE + SZ_8M, 4 * PAGE_SIZE,
				MT_MEMORY_DMA_READY};
	struct map_desc two = {four.virtual + PAGE_SIZE, four.phys + PAGE_SIZE, 2 * PAGE_SIZE,
			       MT_DMA_COHERENT};
	struct map_desc section = {VA(RAM_BASE + SZ_16M), RAM_BASE + SZ_16M, PAGE_SIZE,
				   MT_DMA_COHERENT};
	struct map_desc elsewhere = two;
	unsigned long flushed;
	int level;

	KTAP_ASSERT_EQ(t, create_mapping(pgd, &four, &ops), 0);
	KTAP_ASSERT_EQ(
		t, map_lowmem_range(pgd, RAM_BASE + SZ_16M, RAM_BASE + SZ_16M + SZ_1M, &kr, &ops),
		0);
	nwrites = 0;
	flushed = host_tlb_flushed_pages;
	KTAP_ASSERT_EQ(t, change_pte_mapping_type(pgd, &two, &recording), 0);
	KTAP_ASSERT_EQ(t, nwrites, 4u);
	for (unsigned int i = 0; i < 2; i++) {
		KTAP_EXPECT_EQ(t, writes[i].value, 0u);
		KTAP_EXPECT_EQ(t, writes[i].flushed, flushed);
		KTAP_EXPECT_EQ(t, writes[i + 2].value,
			       ((u32)two.phys + i * PAGE_SIZE) |
				       get_mem_type(MT_DMA_COHERENT)->prot_pte);
		KTAP_EXPECT_EQ(t, writes[i + 2].flushed, flushed + 2);
	}
	KTAP_EXPECT_EQ(t, host_tlb_last_start, two.virtual);
	KTAP_EXPECT_EQ(t, host_tlb_last_end, two.virtual + two.length);
	KTAP_EXPECT_EQ(t, desc_at(four.virtual, &level),
		       (u32)four.phys | get_mem_type(MT_MEMORY_DMA_READY)->prot_pte);
	KTAP_EXPECT_EQ(t, desc_at(four.virtual + 3 * PAGE_SIZE, &level),
		       ((u32)four.phys + 3 * PAGE_SIZE) |
			       get_mem_type(MT_MEMORY_DMA_READY)->prot_pte);

	nwrites = 0;
	elsewhere.phys += PAGE_SIZE;
	KTAP_EXPECT_EQ(t, change_pte_mapping_type(pgd, &section, &recording), -EINVAL);
	KTAP_EXPECT_EQ(t, change_pte_mapping_type(pgd, &elsewhere, &recording), -EFAULT);
	KTAP_EXPECT_EQ(t, nwrites, 0u);
	KTAP_EXPECT_EQ(t, host_tlb_flushed_pages, flushed + 2);
}

static struct ktap_case pgtable_cases[] = {
	KTAP_CASE(pgtable_lowmem_uses_sections_where_one_type_fills_a_mib),
	KTAP_CASE(pgtable_kernel_text_is_rx_rodata_ro_and_the_rest_rw_nx),
	KTAP_CASE(pgtable_no_mapping_is_writable_and_executable),
	KTAP_CASE(pgtable_unaligned_ram_end_gets_pages),
	KTAP_CASE(pgtable_section_aligned_text_gets_rx_sections),
	KTAP_CASE(pgtable_hole_between_banks_stays_unmapped),
	KTAP_CASE(pgtable_create_mapping_rejects_bad_descriptors),
	KTAP_CASE(pgtable_mapping_may_end_at_4g),
	KTAP_CASE(pgtable_device_memory_is_device_and_never_executable),
	KTAP_CASE(pgtable_ptdump_prints_merged_ranges),
	KTAP_CASE(pgtable_new_tables_are_published_before_a_pmd_points_at_them),
	KTAP_CASE(pgtable_dma_ready_memory_gets_pages_never_sections),
	KTAP_CASE(pgtable_change_type_breaks_before_it_makes),
	{}};

static struct ktap_suite pgtable_suite = {
	.name = "pgtable", .cases = pgtable_cases, .init = pgtable_init};
KTAP_SUITE_DEFINE(pgtable_suite);
