/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time memory allocator, with Linux's names and meanings
 * (mm/memblock.c).  Two sorted region sets: "memory" (all RAM the DT
 * describes) and "reserved" (what may not be handed out).  Free memory is
 * memory minus reserved; it is what the buddy allocator receives at the end
 * of boot.  Everything is phys_addr_t (64-bit), so memory above 4 GiB can be
 * described, reported and ignored instead of being truncated.
 */
#ifndef _MEMBLOCK_H
#define _MEMBLOCK_H

#include "types.h"
#include "compiler.h"

/* Sizes of the static region arrays; each doubles itself from memblock when full. */
#define INIT_MEMBLOCK_REGIONS	       128
#define INIT_MEMBLOCK_RESERVED_REGIONS INIT_MEMBLOCK_REGIONS

/* The lowest address the allocator hands out (Linux: never page 0). */
#define MEMBLOCK_LOW_LIMIT 0
/* memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE) lifts the limit. */
#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)
/* For the @end of memblock_phys_alloc_range: up to the current limit. */
#define MEMBLOCK_ALLOC_ACCESSIBLE 0

enum memblock_flags {
	MEMBLOCK_NONE = 0x0,	/* no special request */
	MEMBLOCK_HOTPLUG = 0x1, /* hotpluggable region */
	MEMBLOCK_NOMAP = 0x4,	/* don't add to the kernel direct mapping */
};

/**
 * struct memblock_region - a physical memory range
 * @base: base address
 * @size: size in bytes
 * @flags: MEMBLOCK_* flags
 */
struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
};

/**
 * struct memblock_type - one sorted, merged set of regions
 * @cnt: number of regions (an empty set holds one zero-size dummy, cnt 0)
 * @max: size of the allocated array
 * @total_size: sum of the regions' sizes
 * @regions: the array
 * @name: "memory" or "reserved"
 */
struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

/**
 * struct memblock - the allocator's state
 * @bottom_up: allocate upwards from the kernel instead of top-down
 * @current_limit: highest address (exclusive) allocations may reach
 * @memory: usable RAM
 * @reserved: reserved ranges
 */
struct memblock {
	bool bottom_up;
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern bool memblock_debug; /* memblock=debug: log every call with its caller */

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid, enum memblock_flags flags);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(void *ptr, size_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				      phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc_low(phys_addr_t size, phys_addr_t align);
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
			     phys_addr_t max_addr, int nid);

void memblock_set_bottom_up(bool enable);
bool memblock_bottom_up(void);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);
int memblock_enforce_memory_limit(phys_addr_t limit);
phys_addr_t memblock_limit_to_address(phys_addr_t limit);
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);
void memblock_allow_resize(void);
/* True if [base, base + size) touches memory still to be reserved; that range in *clash_*. */
typedef bool (*memblock_resize_guard_t)(phys_addr_t base, phys_addr_t size, phys_addr_t *clash_base,
					phys_addr_t *clash_end);
void memblock_set_resize_guard(memblock_resize_guard_t guard);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

void memblock_dump_all(void);
void __memblock_dump_all(void); /* the same table, printed even without memblock=debug */
void memblock_free_late(phys_addr_t base, phys_addr_t size);

void memblock_discard(void);

void memblock_reset(void);

/*
 * Iteration.  @i is a u64 cursor (start it as the macros do); the ranges
 * come out in ascending order.  @p_start/@p_end may be NULL.
 */
void __next_mem_range(u64 *idx, enum memblock_flags flags, struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start, phys_addr_t *out_end);
void __next_mem_pfn_range(int *idx, unsigned long *out_start_pfn, unsigned long *out_end_pfn);

/**
 * for_each_mem_range - every memory range, NOMAP ones excluded
 */
#define for_each_mem_range(i, p_start, p_end)                                                    \
	for (i = 0, __next_mem_range(&i, MEMBLOCK_NONE, &memblock.memory, NULL, p_start, p_end); \
	     i != (u64)ULLONG_MAX;                                                               \
	     __next_mem_range(&i, MEMBLOCK_NONE, &memblock.memory, NULL, p_start, p_end))

/**
 * for_each_free_mem_range - every range of memory that is not reserved (and not NOMAP)
 */
#define for_each_free_mem_range(i, p_start, p_end)                                            \
	for (i = 0, __next_mem_range(&i, MEMBLOCK_NONE, &memblock.memory, &memblock.reserved, \
				     p_start, p_end);                                         \
	     i != (u64)ULLONG_MAX; __next_mem_range(&i, MEMBLOCK_NONE, &memblock.memory,      \
						    &memblock.reserved, p_start, p_end))

/**
 * for_each_reserved_mem_range - every reserved range
 */
#define for_each_reserved_mem_range(i, p_start, p_end)                                             \
	for (i = 0, __next_mem_range(&i, MEMBLOCK_NONE, &memblock.reserved, NULL, p_start, p_end); \
	     i != (u64)ULLONG_MAX;                                                                 \
	     __next_mem_range(&i, MEMBLOCK_NONE, &memblock.reserved, NULL, p_start, p_end))

/**
 * for_each_mem_pfn_range - every memory region as a pfn range, NOMAP included
 * (the page structures must cover NOMAP memory: Linux marks those pages
 * reserved rather than leaving holes in mem_map)
 */
#define for_each_mem_pfn_range(i, p_start, p_end)                      \
	for (i = -1, __next_mem_pfn_range(&i, p_start, p_end); i >= 0; \
	     __next_mem_pfn_range(&i, p_start, p_end))

/* Each region of a type: for_each_memblock(memory, region) */
#define for_each_memblock(memblock_type, region)      \
	for (region = memblock.memblock_type.regions; \
	     region < (memblock.memblock_type.regions + memblock.memblock_type.cnt); region++)

#ifndef ULLONG_MAX
#define ULLONG_MAX (~0ULL)
#endif

#endif /* _MEMBLOCK_H */
