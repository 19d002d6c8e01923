// SPDX-License-Identifier: GPL-2.0
/*
 * kmap/kunmap and kmap_atomic/kunmap_atomic: temporary kernel mappings of
 * highmem pages, as in Linux's mm/highmem.c and arch/arm/mm/highmem.c.
 *
 * One difference, on purpose: Linux unmaps pkmap slots lazily (a slot whose
 * count dropped to zero keeps its pte until all are flushed at once, when
 * the window is full).  We clear the pte and flush its TLB entry in kunmap
 * itself: a little more TLB work, but a page that is not kmapped is never
 * reachable, which is what the tests check and what a reader expects.
 */
#include "highmem.h"
#include "kernel.h"
#include "mm.h"
#include "printk.h"
#include "spinlock.h"
#include <asm/highmem.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

static struct page *pkmap_page[LAST_PKMAP];
static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static DEFINE_SPINLOCK(kmap_lock);

/* Each CPU's own stack of fixmap slots: no lock, only that CPU touches its entry. */
static unsigned int kmap_atomic_depth[NR_CPUS];

static pte_t *kernel_pte(unsigned long va)
{
	int level;
	u32 *entry = lookup_address(kernel_pgd, va, &level);

	BUG_ON(!entry || level != 2); /* paging_init made these tables */
	return entry;
}

static void set_kernel_pte(unsigned long va, struct page *page)
{
	pte_t *pte = kernel_pte(va);
	bool was_present = pte_present(*pte);

	*pte = page ? (u32)page_to_phys(page) | get_mem_type(MT_MEMORY_RW)->prot_pte : 0;
	flush_pmd_entry(pte);
	if (was_present) /* an invalid entry is never in the TLB */
		flush_tlb_kernel_page(va);
}

/* The pkmap address of @page, or NULL; caller holds kmap_lock. */
static void *__kmap_high_get_address(const struct page *page)
{
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++)
		if (pkmap_count[nr] && pkmap_page[nr] == page)
			return (void *)PKMAP_ADDR(nr);
	return NULL;
}

/**
 * kmap_high_get_address - where @page is pkmap-mapped right now, or NULL
 * @page: a highmem page
 *
 * Used by page_address() for highmem pages, as Linux's page_address_htable
 * (whose lookups take its lock too: another CPU may be changing the table).
 */
void *kmap_high_get_address(const struct page *page)
{
	unsigned long flags;
	void *addr;

	spin_lock_irqsave(&kmap_lock, flags);
	addr = __kmap_high_get_address(page);
	spin_unlock_irqrestore(&kmap_lock, flags);
	return addr;
}

/**
 * kmap - map @page into the kernel's pkmap window; pair with kunmap()
 * @page: the page
 */
void *kmap(struct page *page)
{
	unsigned long flags;
	void *addr;

	if (!PageHighMem(page))
		return page_address(page);
	spin_lock_irqsave(&kmap_lock, flags);
	addr = __kmap_high_get_address(page);
	if (addr) {
		pkmap_count[PKMAP_NR((unsigned long)addr)]++;
		goto out;
	}
	for (unsigned int n = 0; n < LAST_PKMAP; n++) {
		unsigned int nr = (last_pkmap_nr + n) % LAST_PKMAP;

		if (pkmap_count[nr])
			continue;
		last_pkmap_nr = (nr + 1) % LAST_PKMAP;
		pkmap_page[nr] = page;
		pkmap_count[nr] = 1;
		addr = (void *)PKMAP_ADDR(nr);
		set_kernel_pte(PKMAP_ADDR(nr), page);
		goto out;
	}
	/* Linux sleeps for a slot; nothing here can free one while we wait. */
	panic("kmap: all %d pkmap slots are in use", LAST_PKMAP);
out:
	spin_unlock_irqrestore(&kmap_lock, flags);
	return addr;
}

/**
 * kunmap - drop the mapping kmap() made
 * @page: the page kmap() mapped
 */
void kunmap(struct page *page)
{
	unsigned long flags;
	void *addr;

	if (!PageHighMem(page))
		return;
	spin_lock_irqsave(&kmap_lock, flags);
	addr = __kmap_high_get_address(page);
	if (!addr) {
		spin_unlock_irqrestore(&kmap_lock, flags);
		pr_err("kunmap: pfn %05lx is not kmapped\n", page_to_pfn(page));
		WARN_ON(1);
		return;
	}
	unsigned int nr = PKMAP_NR((unsigned long)addr);

	if (--pkmap_count[nr] == 0) {
		pkmap_page[nr] = NULL;
		set_kernel_pte(PKMAP_ADDR(nr), NULL);
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
}

static unsigned long kmap_atomic_slot_addr(unsigned int cpu, unsigned int idx)
{
	return FIXADDR_START + (cpu * KM_MAX_IDX + idx) * PAGE_SIZE;
}

/**
 * kmap_atomic - map @page in this CPU's fixmap stack; pair with kunmap_atomic()
 * @page: the page
 */
void *kmap_atomic(struct page *page)
{
	unsigned int cpu = smp_processor_id();
	unsigned long va;

	if (!PageHighMem(page))
		return page_address(page);
	BUG_ON(kmap_atomic_depth[cpu] >= KM_MAX_IDX);
	va = kmap_atomic_slot_addr(cpu, kmap_atomic_depth[cpu]++);
	set_kernel_pte(va, page);
	return (void *)va;
}

/**
 * kunmap_atomic - unmap the most recent kmap_atomic() of this CPU
 * @addr: the address kmap_atomic() returned
 */
void kunmap_atomic(void *addr)
{
	unsigned int cpu = smp_processor_id();
	unsigned long va = (unsigned long)addr & PAGE_MASK;

	if (va < FIXADDR_START || va >= FIXADDR_START + FIX_KMAP_NR * PAGE_SIZE)
		return; /* a lowmem page: kmap_atomic gave its linear address */
	BUG_ON(!kmap_atomic_depth[cpu] ||
	       va != kmap_atomic_slot_addr(cpu, kmap_atomic_depth[cpu] - 1)); /* not a stack */
	kmap_atomic_depth[cpu]--;
	set_kernel_pte(va, NULL);
}
