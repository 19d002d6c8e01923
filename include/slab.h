/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's interface (Linux's include/linux/slab.h): caches of
 * equal-sized objects (kmem_cache_*) and the general-purpose kmalloc family
 * on top of them.  The implementation is SLUB's design, mm/slub.c; how an
 * object finds its slab and its page is in docs/slab.md.
 */
#ifndef _SLAB_H
#define _SLAB_H

#include "types.h"
#include "kernel.h"
#include "gfp.h"
#include "mm.h"

/* Cache flags (slab_flags_t), with Linux 6.1's values. */
typedef unsigned int slab_flags_t;
#define SLAB_CONSISTENCY_CHECKS 0x00000100u /* slub_debug=F: check every alloc and free */
#define SLAB_RED_ZONE		0x00000400u /* slub_debug=Z: guard bytes around each object */
#define SLAB_POISON		0x00000800u /* slub_debug=P: fill free objects with 0x6b */
#define SLAB_HWCACHE_ALIGN	0x00002000u /* align objects to the L1 cache line */
#define SLAB_STORE_USER		0x00010000u /* slub_debug=U: remember who allocated and freed */
#define SLAB_PANIC		0x00040000u /* kmem_cache_create failing is fatal */
#define SLAB_RECLAIM_ACCOUNT	0x00020000u /* pages come from MIGRATE_RECLAIMABLE blocks */

/* The flags slub_debug= can set. */
#define SLAB_DEBUG_FLAGS (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/*
 * kmalloc(0) returns this: not NULL (the request did not fail), but any
 * access faults (the first page is never mapped).  kfree() accepts it.
 */
#define ZERO_SIZE_PTR	    ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/*
 * kmalloc's size classes: powers of two from 8 bytes to two pages, plus
 * 96 and 192 (Linux's kmalloc-96 and kmalloc-192).  Larger requests go to
 * the page allocator as compound blocks.  Linux ARM starts at 64 bytes
 * (ARCH_DMA_MINALIGN, for non-coherent DMA into kmalloc buffers); we start
 * at 8, so a kmalloc buffer smaller than a cache line is not DMA-safe here.
 */
#define KMALLOC_SHIFT_LOW      3
#define KMALLOC_SHIFT_HIGH     (PAGE_SHIFT + 1)
#define KMALLOC_MIN_SIZE       (1u << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE (1u << KMALLOC_SHIFT_HIGH)
/* The largest kmalloc: the largest buddy block. */
#define KMALLOC_MAX_SIZE ((size_t)PAGE_SIZE << (MAX_ORDER - 1))

struct kmem_cache;

/* The kmalloc caches by index (kmalloc_index()); index 0 is unused. */
extern struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/**
 * kmalloc_index - the kmalloc cache that serves @size bytes
 * @size: 1..KMALLOC_MAX_CACHE_SIZE
 *
 * Index 1 is kmalloc-96, 2 is kmalloc-192, n >= 3 is kmalloc-(2^n).  Folds
 * to a constant for a constant size (Linux's __kmalloc_index).
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	if (size <= 256)
		return 8;
	if (size <= 512)
		return 9;
	if (size <= 1024)
		return 10;
	if (size <= 2048)
		return 11;
	if (size <= 4096)
		return 12;
	return 13;
}

static_assert(KMALLOC_SHIFT_HIGH == 13, "kmalloc_index() stops at 8 KiB");

void kmem_cache_init(void);
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *x);
const char *kmem_cache_name(const struct kmem_cache *s);
unsigned int kmem_cache_size(const struct kmem_cache *s);

void *__kmalloc(size_t size, gfp_t flags);
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size);
void *kmalloc_large(size_t size, gfp_t flags);
void kfree(const void *x);
size_t ksize(const void *x);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

/**
 * kmalloc - allocate @size bytes of kernel memory
 * @size: bytes; 0 returns ZERO_SIZE_PTR
 * @flags: GFP_KERNEL, GFP_ATOMIC, ... (__GFP_ZERO zeroes; __GFP_HIGHMEM is
 *         ignored: the memory must be addressable)
 *
 * The object is aligned to the largest power of two that divides its size
 * class (at least 8 bytes).  A constant size picks its cache at compile
 * time, as in Linux.
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_trace(kmalloc_caches[kmalloc_index(size)], flags, size);
	return __kmalloc(size, flags);
}

/** kzalloc - kmalloc() zeroed */
static __always_inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/**
 * kmalloc_array - @n elements of @size bytes, or NULL if that overflows
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}

/** kcalloc - kmalloc_array() zeroed */
static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/** kmem_cache_zalloc - kmem_cache_alloc() zeroed */
static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

int slub_debug_param(char *val);
void print_slabinfo(void);
void slabinfo_at_boot(void);
void slub_params_reset(void);

#endif /* _SLAB_H */
