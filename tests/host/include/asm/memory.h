/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's stand-in for arch/arm/include/asm/memory.h.  Physical memory
 * is a buffer (host_ram, see tests/host/host_ram.c) that represents the
 * physical range [host_ram_base, host_ram_base + host_ram_size); __va and __pa
 * translate between the two, so mm/ runs unchanged on the host.
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#include "types.h"
#include <asm/memory-layout.h> /* the target's layout numbers, shared */

extern char *host_ram;
extern phys_addr_t host_ram_base;
extern phys_addr_t host_ram_size;

#define PHYS_OFFSET host_ram_base

/*
 * The page-table code builds tables for the target's address space: on the
 * host __phys_to_virt() gives the address the target would use, while
 * __va() gives the host pointer to the memory.
 */
static inline unsigned long __phys_to_virt(phys_addr_t phys)
{
	return (unsigned long)(phys - PHYS_OFFSET) + PAGE_OFFSET;
}

static inline void *__va(phys_addr_t phys)
{
	return host_ram + (phys - host_ram_base);
}

static inline phys_addr_t __pa(const void *virt)
{
	return host_ram_base + (phys_addr_t)((const char *)virt - host_ram);
}

/**
 * host_ram_setup - back the physical range [base, base + size) with host memory
 *
 * Replaces any earlier backing; the memory is zero-filled and reserved
 * lazily (MAP_NORESERVE), so gigabytes cost only what is touched.
 */
void host_ram_setup(phys_addr_t base, phys_addr_t size);

/* What the simulated board does above its real RAM (tests/host/host_ram.c). */
enum host_ram_missing { HOST_RAM_READS_ZERO, HOST_RAM_FAULTS, HOST_RAM_ALIASES };
extern phys_addr_t host_ram_real_end; /* 0: all of host_ram is RAM */
extern enum host_ram_missing host_ram_missing;
extern unsigned long host_ram_probe_accesses;

#endif /* _ASM_MEMORY_H */
