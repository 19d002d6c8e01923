// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc: virtually contiguous kernel memory made of scattered pages
 * (Linux's mm/vmalloc.c, smaller).  vmalloc(), vmap() and ioremap() all
 * take their addresses from one allocator of vmap_areas in
 * [vmalloc_start, VMALLOC_END); each busy area ends in an unmapped guard
 * page, so running off the end of one faults instead of landing in the
 * next.  docs/vmalloc.md draws the layout.
 *
 * Where we differ from Linux, on purpose (the page array is another, see
 * vmalloc_area_fill):
 *  - Free space is an address-sorted, coalesced list of vmap_areas, not
 *    Linux's augmented rbtree, and busy areas are an address-sorted list
 *    (Linux's vmap_area_list, without the rbtree beside it).  Linux needs
 *    O(log n) because a 64-bit machine holds tens of thousands of areas
 *    (vmalloc'd stacks, modules, per-CPU chunks); this kernel's 240 MiB
 *    space holds a few dozen, where a list walk is a handful of steps, the
 *    code fits a screen and a model test can check every invariant.  The
 *    policy is Linux's: the lowest free address that fits, and a freed
 *    area merges with the free space on either side.
 *  - TLB entries are dropped when an area is freed (eager), not batched
 *    by lazy purging.  Lazy purging saves one TLB invalidate per page and
 *    turns many small flushes into one, at the price of address space
 *    that stays unusable until the purge and stale translations that live
 *    on meanwhile; on a UP Cortex-A9 a TLBIMVA is a single instruction, so
 *    eager costs about one instruction per page (make bench) and a freed
 *    address faults at once, which the self-tests check.
 *  - vfree() and vunmap() take only the address an area starts at; an
 *    address inside an area is reported like any other bad address.
 *  - Areas are page aligned whatever their size: ioremap never maps
 *    sections here, so Linux's size-order alignment for it buys nothing.
 *
 * The page tables go through the portable builder (arch/arm/mm/pgtable.c:
 * create_pte_mapping, clear_pte_mapping) and asm/tlbflush.h, so the host
 * tests run this file unchanged against simulated RAM.
 */
#include "gfp.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mm.h"
#include "printk.h"
#include "slab.h"
#include "spinlock.h"
#include "vmalloc.h"
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <string.h>

LIST_HEAD(vmap_area_list);
LIST_HEAD(free_vmap_area_list);
static DEFINE_SPINLOCK(vmap_area_lock);
static bool vmap_initialized;
unsigned long nr_vmalloc_pages;

/* Areas ioremap()ed before vmalloc_init(), by address (Linux's vmlist). */
static struct vm_struct *vmlist, **vmlist_tail = &vmlist;
static unsigned long vm_init_off;

/* vmap_areas come from their own cache (Linux's vmap_area_cachep), vm_structs from kmalloc. */
static struct kmem_cache *vmap_area_cachep;

static struct vmap_area *alloc_va(void)
{
	return kmem_cache_zalloc(vmap_area_cachep, GFP_KERNEL);
}

static void free_va(struct vmap_area *va)
{
	kmem_cache_free(vmap_area_cachep, va);
}

/*
 * Page tables for the vmalloc space: 1 KiB tables cut from whole lowmem
 * pages, four to a page, never freed (Linux keeps kernel tables too);
 * from memblock for the areas mapped before the buddy allocator runs.
 */
static phys_addr_t pte_next, pte_end;

static phys_addr_t vmap_pte_alloc(void)
{
	if (!vmap_initialized)
		return pgtable_alloc_from_memblock();
	if (pte_next == pte_end) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

		if (!page)
			return 0;
		pte_next = page_to_phys(page);
		pte_end = pte_next + PAGE_SIZE;
	}
	pte_next += PTE_TABLE_SIZE;
	return pte_next - PTE_TABLE_SIZE;
}

static const struct pgtable_ops vmap_pgtable_ops = {
	.alloc_pte_table = vmap_pte_alloc,
	.publish = flush_pmd_entry,
};

/*
 * Held while ptes are filled in: two areas in the same MiB must not both
 * find its pmd empty and each install a table (Linux's init_mm.page_table_lock).
 * Clearing needs no lock: areas are disjoint and tables are never freed.
 */
static DEFINE_SPINLOCK(vmap_pgtable_lock);

static int map_kernel_range(const struct map_desc *md)
{
	int err;

	spin_lock(&vmap_pgtable_lock);
	err = create_pte_mapping(kernel_pgd, md, &vmap_pgtable_ops);
	spin_unlock(&vmap_pgtable_lock);
	return err;
}

/* The mapped part of @vm: everything but the guard page. */
static unsigned long get_vm_area_size(const struct vm_struct *vm)
{
	return vm->size - ((vm->flags & VM_NO_GUARD) ? 0 : PAGE_SIZE);
}

/* Put @va into the address-sorted @head, before the first area above it. */
static void insert_vmap_area(struct vmap_area *va, struct list_head *head)
{
	struct vmap_area *pos;

	list_for_each_entry (pos, head, list)
		if (pos->va_start > va->va_start)
			break;
	list_add_tail(&va->list, &pos->list);
}

/* Give [@va->va_start, @va->va_end) back to the free space, merging with its neighbours. */
static void merge_or_add_vmap_area(struct vmap_area *va)
{
	struct vmap_area *next, *prev = NULL, *merged = NULL;

	list_for_each_entry (next, &free_vmap_area_list, list)
		if (next->va_start > va->va_start)
			break;
	if (next->list.prev != &free_vmap_area_list)
		prev = list_entry(next->list.prev, struct vmap_area, list);
	if (&next->list != &free_vmap_area_list && next->va_start == va->va_end) {
		next->va_start = va->va_start;
		merged = next;
	}
	if (prev && prev->va_end == va->va_start) {
		if (merged) {
			prev->va_end = merged->va_end;
			list_del(&merged->list);
			free_va(merged);
		} else {
			prev->va_end = va->va_end;
		}
		merged = prev;
	}
	if (merged) {
		free_va(va);
		return;
	}
	va->vm = NULL;
	list_add_tail(&va->list, &next->list);
}

/* Take [@start, @end) out of the free area @fva (Linux's four fit types). */
static int clip_free_area(struct vmap_area *fva, unsigned long start, unsigned long end)
{
	struct vmap_area *rest;

	if (fva->va_start == start && fva->va_end == end) {
		list_del(&fva->list);
		free_va(fva);
	} else if (fva->va_start == start) {
		fva->va_start = end;
	} else if (fva->va_end == end) {
		fva->va_end = start;
	} else {
		rest = alloc_va();
		if (!rest)
			return -ENOMEM;
		rest->va_start = end;
		rest->va_end = fva->va_end;
		fva->va_end = start;
		list_add(&rest->list, &fva->list);
	}
	return 0;
}

/* The lowest free address in [@vstart, @vend) where @size fits at @align, or 0. */
static unsigned long find_lowest_fit(unsigned long size, unsigned long align, unsigned long vstart,
				     unsigned long vend, struct vmap_area **fva)
{
	struct vmap_area *va;

	list_for_each_entry (va, &free_vmap_area_list, list) {
		unsigned long base = max(va->va_start, vstart);
		unsigned long start = ALIGN(base, align);
		unsigned long limit = min(va->va_end, vend);

		if (va->va_start >= vend)
			break;
		if (start >= base && start < limit && size <= limit - start) {
			*fva = va;
			return start;
		}
	}
	return 0;
}

/* A busy vmap_area of @size bytes (guard included) in [@vstart, @vend). */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend, gfp_t gfp)
{
	struct vmap_area *va = alloc_va(), *fva = NULL;
	unsigned long addr;

	if (!va)
		return NULL;
	spin_lock(&vmap_area_lock);
	addr = find_lowest_fit(size, align, vstart, vend, &fva);
	if (!addr || clip_free_area(fva, addr, addr + size)) {
		spin_unlock(&vmap_area_lock);
		free_va(va);
		if (!(gfp & __GFP_NOWARN))
			pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to "
				"increase size\n",
				size);
		return NULL;
	}
	va->va_start = addr;
	va->va_end = addr + size;
	insert_vmap_area(va, &vmap_area_list);
	spin_unlock(&vmap_area_lock);
	return va;
}

/* Before vmalloc_init: hand out addresses upwards from vmalloc_start (Linux's vm_area_register_early). */
static struct vm_struct *early_get_vm_area(unsigned long size, unsigned long flags,
					   const void *caller)
{
	unsigned long addr = vmalloc_start + vm_init_off;
	struct vm_struct *vm;

	/* Between the hand-over and vmalloc_init memblock owns nothing any more. */
	if (totalram_pages()) {
		pr_err("get_vm_area: called after the page allocator took over but before "
		       "vmalloc_init\n");
		WARN_ON(1);
		return NULL;
	}
	if (size > VMALLOC_END - addr) {
		pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase "
			"size\n",
			size);
		return NULL;
	}
	vm = memblock_alloc(sizeof(*vm), sizeof(long));
	if (!vm)
		return NULL;
	*vm = (struct vm_struct){
		.addr = (void *)addr, .size = size, .flags = flags, .caller = caller};
	vm_init_off += size;
	*vmlist_tail = vm;
	vmlist_tail = &vm->next;
	return vm;
}

static struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long flags,
					    unsigned long start, unsigned long end, gfp_t gfp,
					    const void *caller)
{
	struct vm_struct *vm;
	struct vmap_area *va;

	size = PAGE_ALIGN(size);
	if (!size)
		return NULL;
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	if (!vmap_initialized)
		return early_get_vm_area(size, flags, caller);
	vm = kzalloc(sizeof(struct vm_struct), GFP_KERNEL);
	if (!vm)
		return NULL;
	va = alloc_vmap_area(size, PAGE_SIZE, start, end, gfp);
	if (!va) {
		kfree(vm);
		return NULL;
	}
	*vm = (struct vm_struct){
		.addr = (void *)va->va_start, .size = size, .flags = flags, .caller = caller};
	va->vm = vm;
	return vm;
}

/**
 * get_vm_area_caller - reserve virtual space in the vmalloc area, unmapped
 * @size: bytes wanted (rounded up to pages; a guard page is added unless VM_NO_GUARD)
 * @flags: VM_IOREMAP, VM_ALLOC or VM_MAP, and VM_NO_GUARD
 * @caller: who asks, for vmallocinfo
 *
 * Works before vmalloc_init() too (for ioremap at boot), taking addresses
 * upwards from vmalloc_start and bookkeeping from memblock.  Returns the
 * area, or NULL if @size is 0 or no space is left (reported).
 */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags, const void *caller)
{
	if (size > VMALLOC_END - vmalloc_start)
		return NULL;
	return __get_vm_area_node(size, flags, vmalloc_start, VMALLOC_END, GFP_KERNEL, caller);
}

/* The busy area starting at @addr, or NULL. */
static struct vmap_area *find_vmap_area(unsigned long addr)
{
	struct vmap_area *va;

	list_for_each_entry (va, &vmap_area_list, list) {
		if (va->va_start == addr)
			return va;
		if (va->va_start > addr)
			break;
	}
	return NULL;
}

/**
 * find_vm_area - the area that starts at @addr, or NULL
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = find_vmap_area((unsigned long)addr);
	spin_unlock(&vmap_area_lock);
	return va ? va->vm : NULL;
}

/* Clear @va's ptes and drop their TLB entries, then give its addresses back. */
static void unmap_and_free_vmap_area(struct vmap_area *va)
{
	unsigned long start = va->va_start, size = get_vm_area_size(va->vm);

	clear_pte_mapping(kernel_pgd, start, size, &vmap_pgtable_ops);
	flush_tlb_kernel_range(start, start + size);
	spin_lock(&vmap_area_lock);
	merge_or_add_vmap_area(va);
	spin_unlock(&vmap_area_lock);
}

/* Take the area at @addr off the busy list if its flags include one of @flags. */
static struct vmap_area *unlink_vmap_area(unsigned long addr, unsigned long flags,
					  struct vm_struct **found)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = find_vmap_area(addr);
	*found = va ? va->vm : NULL;
	if (va && (va->vm->flags & flags))
		list_del(&va->list);
	else
		va = NULL;
	spin_unlock(&vmap_area_lock);
	return va;
}

/**
 * remove_vm_area - unmap the area at @addr and free its addresses
 * @addr: where the area starts
 *
 * Clears its ptes and drops their TLB entries before the addresses can be
 * handed out again.  Returns the area's vm_struct, which the caller frees
 * (with its pages, if it owns them), or NULL if no area starts at @addr.
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct *vm;
	struct vmap_area *va = unlink_vmap_area((unsigned long)addr, ~0UL, &vm);

	if (!va)
		return NULL;
	unmap_and_free_vmap_area(va);
	return vm;
}

/* vfree and vunmap: @flags is the kind of area the caller may free. */
static void __vunmap(const void *addr, unsigned long flags, const char *who)
{
	struct vmap_area *va;
	struct vm_struct *vm;

	if (!addr)
		return;
	if (!IS_ALIGNED((unsigned long)addr, PAGE_SIZE)) {
		pr_err("Trying to %s() bad address (%p)\n", who, addr);
		WARN_ON(1);
		return;
	}
	/* Found and unlinked in one step: two frees of one area cannot both proceed. */
	va = unlink_vmap_area((unsigned long)addr, flags, &vm);
	if (!vm) {
		pr_err("Trying to %s() nonexistent vm area (%p)\n", who, addr);
		WARN_ON(1);
		return;
	}
	if (!va) {
		pr_err("Trying to %s() %p, which %s did not make\n", who, addr,
		       flags & VM_ALLOC ? "vmalloc" : "vmap or ioremap");
		WARN_ON(1);
		return;
	}
	unmap_and_free_vmap_area(va);
	if (vm->flags & VM_ALLOC) {
		for (unsigned int i = 0; i < vm->nr_pages; i++)
			__free_pages(vm->pages[i], 0);
		spin_lock(&vmap_area_lock);
		nr_vmalloc_pages -= vm->nr_pages;
		spin_unlock(&vmap_area_lock);
		kfree(vm->pages);
	}
	kfree(vm);
}

/**
 * vfree - free what vmalloc() or vzalloc() returned
 * @addr: the address they returned; NULL does nothing
 *
 * Unmaps the area, flushes its TLB entries and gives every page back.  An
 * address that is not the start of a vmalloc area is reported and ignored.
 */
void vfree(const void *addr)
{
	__vunmap(addr, VM_ALLOC, "vfree");
}

/**
 * vunmap - undo vmap() (or ioremap(): iounmap comes here); the pages stay the caller's
 * @addr: the address vmap() returned
 */
void vunmap(const void *addr)
{
	__vunmap(addr, VM_MAP | VM_IOREMAP, "vunmap");
}

/* Map @nr @pages from @addr, one create_pte_mapping() per physically contiguous run. */
static int vmap_pages_range(unsigned long addr, struct page **pages, unsigned int nr,
			    unsigned int mtype)
{
	for (unsigned int i = 0, run; i < nr; i += run) {
		unsigned long pfn = page_to_pfn(pages[i]);
		struct map_desc md;
		int err;

		for (run = 1; i + run < nr && page_to_pfn(pages[i + run]) == pfn + run; run++)
			;
		md = (struct map_desc){.virtual = addr + ((unsigned long)i << PAGE_SHIFT),
				       .phys = PFN_PHYS(pfn),
				       .length = (unsigned long)run << PAGE_SHIFT,
				       .type = mtype};
		err = map_kernel_range(&md);
		if (err)
			return err;
	}
	return 0;
}

/**
 * ioremap_page_range - map [@addr, @end) to the physical range at @phys
 * @addr: start, in an area get_vm_area_caller() gave
 * @end: one past the last byte, page aligned
 * @phys: physical start, page aligned
 * @mtype: the memory type (MT_DEVICE for registers)
 *
 * Returns 0 or create_pte_mapping()'s error.
 */
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys, unsigned int mtype)
{
	struct map_desc md = {.virtual = addr, .phys = phys, .length = end - addr, .type = mtype};

	return map_kernel_range(&md);
}

/* Linux's warn_alloc() for vmalloc: the reason, unless the caller said __GFP_NOWARN. */
#define vmalloc_warn(gfp, fmt, ...)                                                          \
	do {                                                                                 \
		if (!((gfp)&__GFP_NOWARN))                                                   \
			pr_warn("vmalloc error: " fmt ", mode:%#x\n", ##__VA_ARGS__, (gfp)); \
	} while (0)

/* Allocate and map @vm's pages; on failure the caller vfree()s what there is. */
static int vmalloc_area_fill(struct vm_struct *vm, gfp_t gfp)
{
	unsigned int nr = get_vm_area_size(vm) >> PAGE_SHIFT;

	/*
	 * Linux vmallocs a page array bigger than a page ("vpages" in
	 * vmallocinfo); we kmalloc it at any size: the host tests cannot
	 * touch vmalloc'd memory, and even the largest area's array (240 KiB
	 * for 240 MiB) is an order-6 block.
	 */
	vm->pages = kmalloc_array(nr, sizeof(struct page *), GFP_KERNEL | __GFP_NOWARN);
	if (!vm->pages) {
		vmalloc_warn(gfp, "size %lu, failed to allocate page array",
			     (unsigned long)nr << PAGE_SHIFT);
		return -ENOMEM;
	}
	for (; vm->nr_pages < nr; vm->nr_pages++) {
		struct page *page = alloc_pages(gfp | __GFP_NOWARN, 0);

		if (!page) {
			vmalloc_warn(gfp, "size %lu, failed to allocate pages",
				     (unsigned long)nr << PAGE_SHIFT);
			spin_lock(&vmap_area_lock);
			nr_vmalloc_pages += vm->nr_pages; /* vfree takes them off again */
			spin_unlock(&vmap_area_lock);
			return -ENOMEM;
		}
		vm->pages[vm->nr_pages] = page;
	}
	spin_lock(&vmap_area_lock);
	nr_vmalloc_pages += nr;
	spin_unlock(&vmap_area_lock);
	if (vmap_pages_range((unsigned long)vm->addr, vm->pages, nr, MT_MEMORY_RW)) {
		vmalloc_warn(gfp, "size %lu, failed to map pages", (unsigned long)nr << PAGE_SHIFT);
		return -ENOMEM;
	}
	return 0;
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp, const void *caller)
{
	unsigned long real_size = size;
	struct vm_struct *vm;

	size = PAGE_ALIGN(size);
	if (!vmap_initialized) {
		pr_err("vmalloc: called before vmalloc_init\n");
		return NULL;
	}
	if (!size || size < real_size || (size >> PAGE_SHIFT) > totalram_pages()) {
		vmalloc_warn(gfp, "size %lu, exceeds total pages", real_size);
		return NULL;
	}
	vm = __get_vm_area_node(size, VM_ALLOC | VM_UNINITIALIZED, vmalloc_start, VMALLOC_END, gfp,
				caller);
	if (!vm) {
		vmalloc_warn(gfp, "size %lu, vm_struct allocation failed", real_size);
		return NULL;
	}
	if (vmalloc_area_fill(vm, gfp)) {
		vfree(vm->addr);
		return NULL;
	}
	vm->flags &= ~VM_UNINITIALIZED;
	return vm->addr;
}

/**
 * __vmalloc - vmalloc() with the caller's gfp flags
 * @size: bytes (rounded up to whole pages)
 * @gfp_mask: for the pages: __GFP_HIGHMEM lets them come from highmem,
 *            __GFP_ZERO zeroes them, __GFP_NOWARN keeps failures quiet
 *
 * Returns the address, or NULL (reported unless __GFP_NOWARN) if @size is
 * 0 or more than RAM, or memory or virtual space ran out.
 */
void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return __vmalloc_caller(size, gfp_mask, __builtin_return_address(0));
}

/**
 * vmalloc - @size bytes of virtually contiguous memory
 * @size: bytes (rounded up to whole pages)
 *
 * Takes an area of the vmalloc space, fills it with order-0 pages from any
 * zone (highmem first, where there is some) and maps them read-write,
 * never executable; a guard page follows.  Returns the address, or NULL
 * (reported) as __vmalloc().
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_HIGHMEM, __builtin_return_address(0));
}

/** vzalloc - vmalloc() whose memory is zeroed */
void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO,
				__builtin_return_address(0));
}

/**
 * vmap - map @count pages the caller owns at consecutive addresses
 * @pages: the pages (any zone)
 * @count: how many
 * @flags: extra VM_* flags
 * @mtype: memory type, MT_MEMORY_RW for data
 *
 * Returns the address, or NULL; undo with vunmap(), which leaves the pages alone.
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, unsigned int mtype)
{
	struct vm_struct *vm;

	if (!count || count > totalram_pages())
		return NULL;
	vm = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				__builtin_return_address(0));
	if (!vm)
		return NULL;
	if (vmap_pages_range((unsigned long)vm->addr, pages, count, mtype)) {
		vunmap(vm->addr);
		return NULL;
	}
	return vm->addr;
}

/**
 * vmalloc_to_page - the page mapped at @addr in the vmalloc space, or NULL
 *
 * NULL too for an address outside the space, one not mapped (a guard page,
 * free space) and one that maps no RAM (ioremap).  The space is only ever
 * mapped with small pages, so the walk stops at the pte.
 */
struct page *vmalloc_to_page(const void *addr)
{
	int level;
	u32 *pte;

	if (!is_vmalloc_addr(addr))
		return NULL;
	pte = lookup_address(kernel_pgd, (unsigned long)addr, &level);
	if (!pte || level != 2 || !pte_present(*pte))
		return NULL;
	return pfn_valid(*pte >> PAGE_SHIFT) ? pfn_to_page(*pte >> PAGE_SHIFT) : NULL;
}

/**
 * is_vmalloc_addr - is @addr in the vmalloc space (vmalloc, vmap or ioremap)?
 */
bool is_vmalloc_addr(const void *addr)
{
	unsigned long va = (unsigned long)addr;

	return va >= vmalloc_start && va < VMALLOC_END;
}

/*
 * The areas ioremap()ed at boot become busy vmap_areas with kmalloc'd
 * vm_structs (their memblock ones are left behind), and the gaps around
 * them the free space.
 */
static void import_early_areas(void)
{
	unsigned long prev_end = vmalloc_start;
	struct vmap_area *va, *gap;

	for (struct vm_struct *early = vmlist; early; early = early->next) {
		struct vm_struct *vm = kzalloc(sizeof(struct vm_struct), GFP_KERNEL);

		va = alloc_va();
		if (!vm || !va)
			panic("vmalloc_init: no memory for the boot-time areas");
		*vm = *early;
		vm->next = NULL;
		va->va_start = (unsigned long)vm->addr;
		va->va_end = va->va_start + vm->size;
		va->vm = vm;
		list_add_tail(&va->list, &vmap_area_list);
	}
	list_for_each_entry (va, &vmap_area_list, list) {
		if (va->va_start > prev_end) {
			gap = alloc_va();
			if (!gap)
				panic("vmalloc_init: no memory for the free space");
			gap->va_start = prev_end;
			gap->va_end = va->va_start;
			list_add_tail(&gap->list, &free_vmap_area_list);
		}
		prev_end = va->va_end;
	}
	if (prev_end < VMALLOC_END) {
		gap = alloc_va();
		if (!gap)
			panic("vmalloc_init: no memory for the free space");
		gap->va_start = prev_end;
		gap->va_end = VMALLOC_END;
		list_add_tail(&gap->list, &free_vmap_area_list);
	}
}

/**
 * vmalloc_reset - back to the state before vmalloc_init(), with no early areas
 *
 * Not in Linux (which boots once); the host tests boot many times in one
 * process, and this lets them test the boot-time path too.  The old areas'
 * memory belonged to the old boot and is simply forgotten.
 */
void vmalloc_reset(void)
{
	vmap_initialized = false;
	vmlist = NULL;
	vmlist_tail = &vmlist;
	vm_init_off = 0;
	INIT_LIST_HEAD(&vmap_area_list);
	INIT_LIST_HEAD(&free_vmap_area_list);
}

/**
 * vmalloc_init - start the vmap_area allocator (after the buddy allocator is up)
 *
 * Takes over the areas ioremap() registered at boot; from here on page
 * tables and bookkeeping come from the page allocator, not memblock.
 * Starts from nothing each time, so the host tests can boot again.
 */
void vmalloc_init(void)
{
	INIT_LIST_HEAD(&vmap_area_list);
	INIT_LIST_HEAD(&free_vmap_area_list);
	vmap_area_cachep =
		kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0, SLAB_PANIC, NULL);
	pte_next = pte_end = 0;
	nr_vmalloc_pages = 0;
	vmap_initialized = true;
	import_early_areas();
	vmlist = NULL;
	vmlist_tail = &vmlist;
	vm_init_off = 0;
}

/* One /proc/vmallocinfo line for @vm, as Linux's s_show() prints it. */
static void show_vm_area(const struct vm_struct *vm)
{
	char line[192];
	size_t n;

	n = scnprintf(line, sizeof(line), "0x%08lx-0x%08lx %7ld", (unsigned long)vm->addr,
		      (unsigned long)vm->addr + vm->size, (long)vm->size);
	if (vm->caller)
		n += scnprintf(line + n, sizeof(line) - n, " %pS", vm->caller);
	if (vm->nr_pages)
		n += scnprintf(line + n, sizeof(line) - n, " pages=%u", vm->nr_pages);
	if (vm->phys_addr)
		n += scnprintf(line + n, sizeof(line) - n, " phys=%pa", &vm->phys_addr);
	if (vm->flags & VM_IOREMAP)
		n += scnprintf(line + n, sizeof(line) - n, " ioremap");
	if (vm->flags & VM_ALLOC)
		n += scnprintf(line + n, sizeof(line) - n, " vmalloc");
	if (vm->flags & VM_MAP)
		n += scnprintf(line + n, sizeof(line) - n, " vmap");
	pr_info("%s\n", line);
}

/**
 * vmallocinfo_show - print every busy area in Linux's /proc/vmallocinfo format
 */
void vmallocinfo_show(void)
{
	struct vmap_area *va;

	if (!vmap_initialized) {
		for (struct vm_struct *vm = vmlist; vm; vm = vm->next)
			show_vm_area(vm);
		return;
	}
	for_each_vmap_area (va)
		show_vm_area(va->vm);
}

static bool vmallocinfo_at_boot_wanted;

/* "vmallocinfo": the table at the end of the boot (ours; Linux has /proc). */
static int __init early_vmallocinfo(char *val)
{
	if (val) {
		pr_err("vmallocinfo=%s: vmallocinfo takes no value, parameter ignored\n", val);
		return -EINVAL;
	}
	vmallocinfo_at_boot_wanted = true;
	return 0;
}
early_param("vmallocinfo", early_vmallocinfo);

/**
 * vmallocinfo_param_reset - forget "vmallocinfo"
 *
 * Not in Linux (which boots once): the host tests and the fuzzers parse
 * many command lines in one process.  vmalloc_reset() leaves it, as a
 * boot parses it before vmalloc_init().
 */
void vmallocinfo_param_reset(void)
{
	vmallocinfo_at_boot_wanted = false;
}

/** vmallocinfo_at_boot - vmallocinfo_show() if "vmallocinfo" was on the command line */
void vmallocinfo_at_boot(void)
{
	if (vmallocinfo_at_boot_wanted)
		vmallocinfo_show();
}
