/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtually contiguous kernel memory (Linux's include/linux/vmalloc.h):
 * vmalloc() builds an area from scattered, possibly highmem pages; vmap()
 * maps pages the caller already has; ioremap() maps device registers.  All
 * three take their addresses from the same allocator of vmap_areas in
 * [vmalloc_start, VMALLOC_END).  docs/vmalloc.md shows an area's layout.
 */
#ifndef _VMALLOC_H
#define _VMALLOC_H

#include "list.h"
#include "types.h"

struct page;

/* vm_struct.flags: what the area is for (Linux's values and names). */
#define VM_IOREMAP	 0x00000001 /* ioremap() and friends */
#define VM_ALLOC	 0x00000002 /* vmalloc(): the area owns its pages */
#define VM_MAP		 0x00000004 /* vmap(): the caller owns the pages */
#define VM_NO_GUARD	 0x00000040 /* no guard page after the area */
#define VM_UNINITIALIZED 0x00000020 /* vmalloc() is still filling it in */

/**
 * struct vm_struct - one mapped area, as its user sees it (Linux's vm_struct)
 * @next: the next area registered before vmalloc_init() (vmlist)
 * @addr: first byte
 * @size: bytes, the guard page included (as Linux counts, and vmallocinfo prints)
 * @flags: VM_*
 * @pages: the pages mapped, in order (vmalloc and vmap), or NULL
 * @nr_pages: how many
 * @phys_addr: the physical start of an ioremap, else 0
 * @caller: who asked (for vmallocinfo)
 */
struct vm_struct {
	struct vm_struct *next;
	void *addr;
	unsigned long size;
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	phys_addr_t phys_addr;
	const void *caller;
};

/**
 * struct vmap_area - a range of the vmalloc space, busy or free (Linux's vmap_area)
 * @va_start: first address
 * @va_end: one past the last (the guard page is inside a busy area's range)
 * @list: its place in vmap_area_list (busy) or the free list, both by address
 * @vm: the busy area's vm_struct; NULL for free space
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;
	struct list_head list;
	struct vm_struct *vm;
};

/*
 * Every busy area, and the free space between them, by ascending address;
 * together they tile [vmalloc_start, VMALLOC_END) once vmalloc_init() ran.
 * For readers such as the memory map; no one else may change them.
 */
extern struct list_head vmap_area_list;
extern struct list_head free_vmap_area_list;

/** for_each_vmap_area - walk the busy areas in address order */
#define for_each_vmap_area(va) list_for_each_entry (va, &vmap_area_list, list)
/** for_each_free_vmap_area - walk the free space in address order (->vm is NULL) */
#define for_each_free_vmap_area(va) list_for_each_entry (va, &free_vmap_area_list, list)

void vmalloc_init(void);
void vmalloc_reset(void);
void *vmalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags, unsigned int mtype);
void vunmap(const void *addr);
struct page *vmalloc_to_page(const void *addr);
bool is_vmalloc_addr(const void *addr);

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags, const void *caller);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *remove_vm_area(const void *addr);
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys, unsigned int mtype);
void vmallocinfo_show(void);
void vmallocinfo_at_boot(void);
void vmallocinfo_param_reset(void);

/* Pages vmalloc() holds right now (Linux's nr_vmalloc_pages). */
extern unsigned long nr_vmalloc_pages;

#endif /* _VMALLOC_H */
