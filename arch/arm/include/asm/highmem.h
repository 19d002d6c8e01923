/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The windows onto highmem (include/highmem.h has the interface):
 *  - pkmap: LAST_PKMAP pages at PKMAP_BASE, just below PAGE_OFFSET, for
 *    kmap(), which may be held for a while;
 *  - fixmap kmap_atomic slots: KM_MAX_IDX per CPU from FIXADDR_START, used
 *    as a stack, for short mappings.
 */
#ifndef _ASM_HIGHMEM_H
#define _ASM_HIGHMEM_H

#include <asm/memory.h>
#include <smp.h> /* include/smp.h, not this directory's asm/smp.h */

#define KM_MAX_IDX     16
#define FIX_KMAP_NR    (NR_CPUS * KM_MAX_IDX)
#define PKMAP_ADDR(nr) (PKMAP_BASE + (nr)*PAGE_SIZE)
#define PKMAP_NR(va)   (((va)-PKMAP_BASE) >> PAGE_SHIFT)

#endif /* _ASM_HIGHMEM_H */
