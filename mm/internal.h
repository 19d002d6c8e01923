/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces between the files of mm/ that no other part of the kernel
 * should call (Linux keeps the same in mm/internal.h).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include "types.h"

/**
 * memblock_free_pages - give one naturally aligned block to the buddy allocator at boot
 * @pfn: first page frame; aligned to 1 << @order
 * @order: the block's order
 *
 * Implemented by page_alloc.c; called by the memblock hand-over and by
 * memblock_free_late().  Linux passes the struct page too; the pfn alone
 * is enough here and keeps memblock.c free of struct page.
 */
void memblock_free_pages(unsigned long pfn, unsigned int order);

/**
 * reserve_bootmem_region - mark the pages of [start, end) PG_reserved
 *
 * Implemented by mm_init.c; the hand-over calls it for every memblock
 * reservation so those pages are never given out.
 */
void reserve_bootmem_region(phys_addr_t start, phys_addr_t end);

#endif /* _MM_INTERNAL_H */
