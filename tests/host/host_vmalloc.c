// SPDX-License-Identifier: GPL-2.0
/*
 * What mm/vmalloc.c needs from arch/arm, done for the host: the kernel's
 * first-level table and the start of the vmalloc space (a test sets both),
 * and a TLB flush that records what it covered, so tests can check that
 * unmapping flushed exactly what it unmapped.
 */
#include "types.h"
#include <asm/tlbflush.h>

u32 *kernel_pgd;
unsigned long vmalloc_start;

unsigned long host_tlb_last_start, host_tlb_last_end, host_tlb_flushed_pages;

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	host_tlb_last_start = start;
	host_tlb_last_end = end;
	host_tlb_flushed_pages += (end - start) >> 12;
}
