// SPDX-License-Identifier: GPL-2.0
/*
 * paging_init's tables, proven by the MMU itself: every lowmem page
 * translates (ATS1CPR) to its own physical address, what must not be
 * mapped faults, the protections really stop writes and instruction
 * fetches (the aborts are caught and checked), and highmem is reachable
 * only through kmap/kmap_atomic.
 */
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "memblock.h"
#include "mm.h"
#include "printk.h"
#include "sections.h"
#include "serial.h"
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>
#include <asm/traps.h>
#include <string.h>

extern const char vectors[], vectors_end[];

static bool translates_to(unsigned long va, phys_addr_t pa)
{
	u32 par = arm_translate_read(va);

	return !(par & PAR_F) && ((par & PAGE_MASK) | (va & ~PAGE_MASK)) == (u32)pa;
}

static bool faults(unsigned long va)
{
	return arm_translate_read(va) & PAR_F;
}

static void paging_every_lowmem_page_translates_to_its_physical_address(struct ktap_test *t)
{
	phys_addr_t start, end;
	unsigned long pages = 0, wrong = 0;
	u64 i;

	for_each_mem_range (i, &start, &end) {
		for (phys_addr_t pa = start; pa < min(end, arm_lowmem_limit); pa += PAGE_SIZE) {
			if (!translates_to(__phys_to_virt(pa), pa) && !wrong++)
				KTAP_EXPECT_EQ(t, pa, 0); /* reports the first bad page */
			pages++;
		}
	}
	KTAP_EXPECT_EQ(t, wrong, 0);
	/* Every page the buddy allocator manages in lowmem lies in a range walked here. */
	KTAP_EXPECT_GE(t, pages, totalram_pages() - totalhigh_pages());
	ktap_info("%lu lowmem pages checked", pages);
}

static void paging_nothing_is_mapped_below_page_offset(struct ktap_test *t)
{
	unsigned long mapped = 0;

	/* One probe per MiB covers every first-level entry of user space. */
	for (unsigned long va = 0; va < PAGE_OFFSET - SZ_16M; va += SECTION_SIZE)
		mapped += !faults(va) || !faults(va + SECTION_SIZE - PAGE_SIZE);
	KTAP_EXPECT_EQ(t, mapped, 0);
	/* The boot identity map is gone: the kernel's physical address faults. */
	KTAP_EXPECT_TRUE(t, faults((unsigned long)__pa(_text)));
}

/* Holes between banks and the unaligned edges of RAM stay unmapped. */
static void paging_memory_holes_are_not_mapped(struct ktap_test *t)
{
	phys_addr_t start, end, prev_end = 0;
	int holes = 0;
	u64 i;

	for_each_mem_range (i, &start, &end) {
		if (prev_end && start > prev_end && start <= arm_lowmem_limit) {
			KTAP_EXPECT_TRUE(t, faults(__phys_to_virt(prev_end)));
			KTAP_EXPECT_TRUE(t, faults(__phys_to_virt(start - PAGE_SIZE)));
			KTAP_EXPECT_FALSE(t, faults(__phys_to_virt(prev_end - PAGE_SIZE)));
			KTAP_EXPECT_FALSE(t, faults(__phys_to_virt(start)));
			holes++;
		}
		prev_end = end;
	}
	if (!holes)
		ktap_skip(t, "this DT has one contiguous bank");
	ktap_info("%d holes checked", holes);
}

static void paging_nothing_is_mapped_between_lowmem_and_vmalloc(struct ktap_test *t)
{
	unsigned long lowmem_end = (unsigned long)high_memory;

	KTAP_EXPECT_TRUE(t, faults(lowmem_end));
	KTAP_EXPECT_TRUE(t, faults(vmalloc_start - PAGE_SIZE));
	KTAP_EXPECT_FALSE(t, faults(lowmem_end - PAGE_SIZE));
}

static void paging_nomap_memory_is_not_mapped(struct ktap_test *t)
{
	const struct memblock_region *r;
	int holes = 0;

	for_each_memblock (memory, r) {
		if (!(r->flags & MEMBLOCK_NOMAP) || r->base >= arm_lowmem_limit)
			continue;
		KTAP_EXPECT_TRUE(t, faults(__phys_to_virt(r->base)));
		KTAP_EXPECT_TRUE(t, faults(__phys_to_virt(r->base + r->size - PAGE_SIZE)));
		holes++;
	}
	if (!holes)
		ktap_skip(t, "this DT has no NOMAP memory in lowmem");
	ktap_info("%d NOMAP regions checked", holes);
}

static void expect_write_fault(struct ktap_test *t, volatile u32 *addr)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	u32 before = *addr;

	expect_fault(&f);
	*addr = ~before;
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.far, (u32)(unsigned long)addr);
	KTAP_EXPECT_NE(t, f.fsr & FSR_WNR, 0);
	KTAP_EXPECT_TRUE(t,
			 FSR_FS(f.fsr) == FSR_FS_PERM_SECTION || FSR_FS(f.fsr) == FSR_FS_PERM_PAGE);
	KTAP_EXPECT_EQ(t, *addr, before);
}

static void paging_write_to_kernel_text_faults(struct ktap_test *t)
{
	expect_write_fault(t, (volatile u32 *)(void *)paging_write_to_kernel_text_faults);
}

static const u32 rodata_word = 0x600dc0de;

static void paging_write_to_rodata_faults(struct ktap_test *t)
{
	expect_write_fault(t, (volatile u32 *)&rodata_word);
}

static u32 data_code[2] __aligned(8);

static void paging_instruction_fetch_from_data_faults(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_PABT, .resume = RESUME_AT_LR};
	void (*fn)(void) = (void (*)(void))(void *)data_code;

	data_code[0] = 0xe12fff1e; /* bx lr: harmless if it ever ran */
	expect_fault(&f);
	fn();
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.far, (u32)(unsigned long)data_code);
	KTAP_EXPECT_TRUE(t,
			 FSR_FS(f.fsr) == FSR_FS_PERM_SECTION || FSR_FS(f.fsr) == FSR_FS_PERM_PAGE);
}

static void paging_high_vectors_are_in_use(struct ktap_test *t)
{
	KTAP_EXPECT_TRUE(t, read_sctlr() & CR_V);
	KTAP_EXPECT_FALSE(t, faults(VECTORS_BASE));
	KTAP_EXPECT_EQ(t, memcmp((void *)VECTORS_BASE, vectors, vectors_end - vectors), 0);
	/* Read-only: a stray write cannot replace a vector. */
	KTAP_EXPECT_EQ(t, arm_translate_write(VECTORS_BASE) & PAR_F, PAR_F);
}

static void paging_zero_page_is_zero(struct ktap_test *t)
{
	const u32 *p = empty_zero_page;
	u32 any = 0;

	KTAP_ASSERT_TRUE(t, p != NULL);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		any |= p[i];
	KTAP_EXPECT_EQ(t, any, 0);
}

static void paging_console_uart_is_a_device_mapping(struct ktap_test *t)
{
	unsigned long va = (unsigned long)console_base();
	int level;
	u32 *d;

	if (!va) {
		ktap_skip(t, "no console UART the kernel drives on this board");
		return;
	}
	KTAP_EXPECT_TRUE(t, va >= vmalloc_start && va < VMALLOC_END);
	KTAP_EXPECT_TRUE(t, translates_to(va, console_phys()));
	d = lookup_address(kernel_pgd, va, &level);
	KTAP_ASSERT_TRUE(t, d != NULL);
	KTAP_EXPECT_EQ(t, level, 2);
	KTAP_EXPECT_EQ(t, *d & (PTE_EXT_TEX(7) | PTE_CACHEABLE | PTE_BUFFERABLE), PTE_EXT_DEVICE);
	KTAP_EXPECT_NE(t, *d & PTE_EXT_XN, 0);
}

static void paging_ioremap_and_iounmap(struct ktap_test *t)
{
	/* The console UART's page: the one device every board's DT names. */
	phys_addr_t phys = console_phys() & PAGE_MASK;
	void __iomem *a, *b;

	if (!phys) {
		ktap_skip(t, "no console UART the kernel drives on this board");
		return;
	}
	a = ioremap(phys, 0x1000);
	b = ioremap(phys, 0x1000);
	KTAP_ASSERT_TRUE(t, a && b);
	KTAP_EXPECT_NE(t, (unsigned long)a, (unsigned long)b);
	KTAP_EXPECT_TRUE(t, translates_to((unsigned long)a, phys));
	KTAP_EXPECT_TRUE(t, translates_to((unsigned long)b, phys));
	iounmap(b);
	KTAP_EXPECT_TRUE(t, faults((unsigned long)b));
	KTAP_EXPECT_FALSE(t, faults((unsigned long)a));
	iounmap(a);
	KTAP_EXPECT_PTR_EQ(t, ioremap(phys, 0), NULL);
}

static struct page *alloc_highmem_page(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 0);

	if (page && !PageHighMem(page)) {
		__free_pages(page, 0);
		page = NULL;
	}
	if (!page)
		ktap_skip(t, "no highmem (boot with 1 GiB)");
	return page;
}

static void paging_kmap_reaches_highmem_only_while_mapped(struct ktap_test *t)
{
	struct page *page = alloc_highmem_page(t);
	u32 *first, *second;
	unsigned long first_va;

	if (!page)
		return;
	KTAP_EXPECT_PTR_EQ(t, page_address(page), NULL);
	first = kmap(page);
	first_va = (unsigned long)first;
	KTAP_EXPECT_TRUE(t, first_va >= PKMAP_BASE && first_va < PAGE_OFFSET);
	KTAP_EXPECT_PTR_EQ(t, page_address(page), first);
	KTAP_EXPECT_TRUE(t, translates_to(first_va, page_to_phys(page)));
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		first[i] = 0xa5000000 | i;
	kunmap(page);
	KTAP_EXPECT_PTR_EQ(t, page_address(page), NULL);
	KTAP_EXPECT_TRUE(t, faults(first_va));

	second = kmap(page); /* the next free slot: another address */
	KTAP_EXPECT_NE(t, (unsigned long)second, first_va);
	unsigned int bad = 0;

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		bad += second[i] != (0xa5000000 | i);
	KTAP_EXPECT_EQ(t, bad, 0);
	kunmap(page);
	__free_pages(page, 0);
}

static void paging_kmap_atomic_nests_as_a_stack(struct ktap_test *t)
{
	struct page *a = alloc_highmem_page(t), *b;
	u32 *va, *vb;

	if (!a)
		return;
	b = alloc_highmem_page(t);
	if (!b) {
		__free_pages(a, 0);
		return;
	}
	va = kmap_atomic(a);
	vb = kmap_atomic(b);
	KTAP_EXPECT_EQ(t, (unsigned long)vb, (unsigned long)va + PAGE_SIZE);
	KTAP_EXPECT_TRUE(t, translates_to((unsigned long)va, page_to_phys(a)));
	KTAP_EXPECT_TRUE(t, translates_to((unsigned long)vb, page_to_phys(b)));
	*va = 0x11111111;
	*vb = 0x22222222;
	kunmap_atomic(vb);
	KTAP_EXPECT_TRUE(t, faults((unsigned long)vb));
	kunmap_atomic(va);
	va = kmap(a);
	KTAP_EXPECT_EQ(t, *va, 0x11111111);
	kunmap(a);
	vb = kmap(b);
	KTAP_EXPECT_EQ(t, *vb, 0x22222222);
	kunmap(b);
	__free_pages(a, 0);
	__free_pages(b, 0);
}

static void paging_lowmem_kmap_is_the_linear_address(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_PTR_EQ(t, kmap(page), page_address(page));
	kunmap(page);
	KTAP_EXPECT_PTR_EQ(t, kmap_atomic(page), page_address(page));
	kunmap_atomic(page_address(page));
	__free_pages(page, 0);
}

static void paging_ptdump_prints_the_kernel_map(struct ktap_test *t)
{
	size_t mark = printk_log_mark();
	char line[96];
	unsigned long text = (unsigned long)_text & PAGE_MASK;

	ptdump_kernel(kernel_pgd);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "---[ Kernel Mapping ]---"));
	scnprintf(line, sizeof(line), "0x%08lx-", text);
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, line));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "ro x  SHD MEM/CACHED/WBWA   page"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "RW NX     DEV/SHARED"));
	KTAP_EXPECT_TRUE(t, printk_log_since(mark, "---[ Vectors ]---\n0xffff0000-0xffff1000"));
}

static struct ktap_case paging_cases[] = {
	KTAP_CASE(paging_every_lowmem_page_translates_to_its_physical_address),
	KTAP_CASE(paging_nothing_is_mapped_below_page_offset),
	KTAP_CASE(paging_nothing_is_mapped_between_lowmem_and_vmalloc),
	KTAP_CASE(paging_nomap_memory_is_not_mapped),
	KTAP_CASE(paging_memory_holes_are_not_mapped),
	KTAP_CASE(paging_write_to_kernel_text_faults),
	KTAP_CASE(paging_write_to_rodata_faults),
	KTAP_CASE(paging_instruction_fetch_from_data_faults),
	KTAP_CASE(paging_high_vectors_are_in_use),
	KTAP_CASE(paging_zero_page_is_zero),
	KTAP_CASE(paging_console_uart_is_a_device_mapping),
	KTAP_CASE(paging_ioremap_and_iounmap),
	KTAP_CASE(paging_kmap_reaches_highmem_only_while_mapped),
	KTAP_CASE(paging_kmap_atomic_nests_as_a_stack),
	KTAP_CASE(paging_lowmem_kmap_is_the_linear_address),
	KTAP_CASE(paging_ptdump_prints_the_kernel_map),
	{}};
KTAP_SUITE(paging, paging_cases);

/*
 * A deliberate fatal fault, run only when a boot names this suite: it
 * proves the unexpected-exception path prints the Oops and halts.
 */
static void fatal_exception_write_to_null(struct ktap_test *t)
{
	volatile u32 *volatile null_page = (volatile u32 *)0x10;

	*null_page = 1;
	ktap_fail(t, __FILE__, __LINE__, "the write to address 0x10 did not fault");
}

static struct ktap_case fatal_cases[] = {KTAP_CASE(fatal_exception_write_to_null), {}};
static struct ktap_suite fatal_suite = {
	.name = "fatal_exception", .cases = fatal_cases, .on_request = true};
KTAP_SUITE_DEFINE(fatal_suite);
