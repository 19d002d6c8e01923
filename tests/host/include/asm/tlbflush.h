/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's stand-in for arch/arm/include/asm/tlbflush.h.  There is no
 * walker and no TLB: publishing an entry does nothing, and a TLB flush is
 * recorded (tests/host/host_vmalloc.c) so tests can check that unmapping
 * code flushed exactly the range it unmapped, before reusing it.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include "types.h"

static inline void flush_pmd_entry(const void *entry)
{
	(void)entry;
}

/** flush_tlb_kernel_range - record that [@start, @end) was flushed */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/* What the last flush_tlb_kernel_range() covered, and how many pages all of them did. */
extern unsigned long host_tlb_last_start, host_tlb_last_end, host_tlb_flushed_pages;

#endif /* _ASM_TLBFLUSH_H */
