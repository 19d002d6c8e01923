// SPDX-License-Identifier: GPL-2.0
/*
 * The host's kmap family (include/highmem.h).  All simulated RAM is backed
 * by host memory, so every page already has an address, __va() of its
 * physical address.  What the host must still model is Linux's rule that
 * page_address() of a highmem page is non-NULL only while the page is
 * kmap()ed: a small table of kmapped highmem pages with their counts, as
 * the target's pkmap table.  kmap_atomic() slots nest as a per-CPU stack;
 * here only the depth is tracked, to catch unbalanced unmaps.
 */
#include "mm.h"
#include "host_mm.h"
#include "spinlock.h"

/* Linux ARM's LAST_PKMAP: a 2 MiB window of 4 KiB pages. */
#define LAST_PKMAP 512
#define KM_MAX_IDX 16 /* Linux's KM_MAX_IDX: kmap_atomic nesting depth */

static struct {
	const struct page *page;
	int count;
} pkmap[LAST_PKMAP];

static DEFINE_SPINLOCK(kmap_lock);

static int kmap_atomic_depth[NR_CPUS];

/** kmap - the page's address; a highmem page is entered in the pkmap table */
void *kmap(struct page *page)
{
	int free_slot = -1;

	if (!PageHighMem(page))
		return page_address(page);
	spin_lock(&kmap_lock);
	for (int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap[i].page == page) {
			pkmap[i].count++;
			spin_unlock(&kmap_lock);
			return __va(page_to_phys(page));
		}
		if (!pkmap[i].page && free_slot < 0)
			free_slot = i;
	}
	/* The target would sleep for a slot; the host has nobody to wait for. */
	BUG_ON(free_slot < 0);
	pkmap[free_slot].page = page;
	pkmap[free_slot].count = 1;
	spin_unlock(&kmap_lock);
	return __va(page_to_phys(page));
}

/** kunmap - drop one kmap() of @page; the last one leaves the table */
void kunmap(struct page *page)
{
	if (!PageHighMem(page))
		return;
	spin_lock(&kmap_lock);
	for (int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap[i].page == page) {
			if (--pkmap[i].count == 0)
				pkmap[i].page = NULL;
			spin_unlock(&kmap_lock);
			return;
		}
	}
	BUG(); /* kunmap of a page that was not kmapped */
}

/** kmap_atomic - the page's address, one level deeper in the atomic stack */
void *kmap_atomic(struct page *page)
{
	int cpu = smp_processor_id();

	BUG_ON(kmap_atomic_depth[cpu] >= KM_MAX_IDX);
	kmap_atomic_depth[cpu]++;
	return __va(page_to_phys(page));
}

/** kunmap_atomic - leave the most recent kmap_atomic() */
void kunmap_atomic(void *addr)
{
	int cpu = smp_processor_id();

	(void)addr;
	BUG_ON(kmap_atomic_depth[cpu] <= 0);
	kmap_atomic_depth[cpu]--;
}

/** kmap_high_get_address - @page's address while it is kmap()ed, else NULL */
void *kmap_high_get_address(const struct page *page)
{
	void *addr = NULL;

	spin_lock(&kmap_lock);
	for (int i = 0; i < LAST_PKMAP; i++)
		if (pkmap[i].page == page)
			addr = __va(page_to_phys(page));
	spin_unlock(&kmap_lock);
	return addr;
}

/** host_kmap_reset - forget every kmap (a new boot has a new mem_map) */
void host_kmap_reset(void)
{
	for (int i = 0; i < LAST_PKMAP; i++) {
		pkmap[i].page = NULL;
		pkmap[i].count = 0;
	}
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		kmap_atomic_depth[cpu] = 0;
}
