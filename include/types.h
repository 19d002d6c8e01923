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

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

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
