/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Temporary kernel mappings of pages that may be highmem (Linux's
 * highmem.h).  Lowmem pages are always mapped, so for them these return the
 * linear-map address; highmem pages get a pkmap slot (kmap, may be held
 * long) or a per-CPU fixmap slot (kmap_atomic, short, nests as a stack).
 * The target implementation is arch/arm/mm/highmem.c; the host's is
 * tests/host/host_highmem.c.
 */
#ifndef _HIGHMEM_H
#define _HIGHMEM_H

#include "types.h"
#include <asm/memory.h>
#include <string.h>

struct page;

void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_atomic(struct page *page);
void kunmap_atomic(void *addr);
void *kmap_high_get_address(const struct page *page);

static inline void clear_highpage(struct page *page)
{
	void *addr = kmap_atomic(page);

	memset(addr, 0, PAGE_SIZE);
	kunmap_atomic(addr);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	void *src = kmap_atomic(from);
	void *dst = kmap_atomic(to);

	memcpy(dst, src, PAGE_SIZE);
	kunmap_atomic(dst);
	kunmap_atomic(src);
}

#endif /* _HIGHMEM_H */
