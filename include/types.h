/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic kernel types.  The same header serves the ARM target and the
 * host build of mm/ and boot/, so only the C standard's own freestanding
 * headers are used underneath.
 */
#ifndef _TYPES_H
#define _TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Spelled out rather than taken from <stdint.h>: newlib's uint32_t is
 * "unsigned long" and glibc's uint64_t is "unsigned long", so with these
 * the same printk formats (%x for u32, %llx for u64) are right on the ARM
 * target and on the x86-64 host.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef u32 __be32;
typedef u64 __be64;

/*
 * Physical addresses are 64-bit even on a 32-bit CPU: a DT may describe
 * memory above 4 GiB (LPAE boards), and we want to report and ignore such
 * memory rather than silently truncate it.
 */
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;

/* A flags word for the page allocator; see gfp.h. */
typedef unsigned int gfp_t;

#define PHYS_ADDR_MAX (~(phys_addr_t)0)

#endif /* _TYPES_H */
