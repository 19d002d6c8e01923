// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: the boot-time memory allocator.
 *
 * Before the page allocator exists, the kernel describes physical memory as
 * two sorted sets of ranges: "memory" (what the DT says is RAM) and
 * "reserved" (what must not be handed out: the kernel image, the DTB,
 * page tables, earlier memblock allocations).  Allocating is finding a gap
 * in memory minus reserved and reserving it.  At the end of boot the gaps
 * become the buddy allocator's free lists.
 *
 * Both sets stay sorted, non-overlapping and minimal (touching regions with
 * equal flags are one region), so every query is a walk or a binary search
 * over a short array.  Operations that affect part of a region first split
 * it at the range's edges ("isolate"), then act on whole regions.
 *
 * The arrays start static; once memblock_allow_resize() says the reserved
 * set is trustworthy, a full array doubles itself into memory it allocates
 * from memblock.
 */
#include "memblock.h"
#include "kernel.h"
#include "printk.h"
#include "internal.h"
#include "numa.h"
#include <asm/cache.h>
#include <asm/memory.h>
#include <string.h>

/* memblock_alloc_low's ceiling (Linux's default ARCH_LOW_ADDRESS_LIMIT). */
#define ARCH_LOW_ADDRESS_LIMIT 0xffffffffULL

/* The address of the instruction that evaluates it: "who in memblock.c did this" for debug lines. */
#define _THIS_IP_                        \
	({                               \
		__label__ __here;        \
	__here:                          \
		(unsigned long)&&__here; \
	})

static struct memblock_region memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_init_regions[INIT_MEMBLOCK_RESERVED_REGIONS];

struct memblock memblock = {
	.memory = {.regions = memory_init_regions, .max = INIT_MEMBLOCK_REGIONS, .name = "memory"},
	.reserved = {.regions = reserved_init_regions,
		     .max = INIT_MEMBLOCK_RESERVED_REGIONS,
		     .name = "reserved"},
	.bottom_up = false,
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
};

bool memblock_debug;

/*
 * Growing an array allocates from memblock itself, which is only safe once
 * everything that must not be overwritten (kernel, DTB, initrd) is reserved.
 */
static bool memblock_can_resize;

/*
 * Before that, a caller that knows where the ranges still to be reserved
 * lie (the DT's, while they are being reserved) may let the arrays grow
 * around them: without it, the 129th /memreserve/ entry would be lost.
 */
static memblock_resize_guard_t resize_guard;

#define memblock_dbg(fmt, ...)                       \
	do {                                         \
		if (memblock_debug)                  \
			pr_info(fmt, ##__VA_ARGS__); \
	} while (0)

static inline phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/*
 * Shrink @size so that @base + @size stays representable.  Callers rely on
 * "everything from @base up" being spelt (base, PHYS_ADDR_MAX), so an
 * overflowing size is a request, not an error.
 */
static inline phys_addr_t cap_size(phys_addr_t base, phys_addr_t size)
{
	return min(size, PHYS_ADDR_MAX - base);
}

static inline phys_addr_t page_align(phys_addr_t x)
{
	return ALIGN(x, (phys_addr_t)PAGE_SIZE);
}

/* First whole page at or above @addr; computed without overflowing at the top of the space. */
static inline phys_addr_t pfn_up(phys_addr_t addr)
{
	return (addr >> PAGE_SHIFT) + !IS_ALIGNED(addr, (phys_addr_t)PAGE_SIZE);
}

static inline phys_addr_t pfn_down(phys_addr_t addr)
{
	return addr >> PAGE_SHIFT;
}

static inline bool is_static_array(const struct memblock_region *regions)
{
	return regions == memory_init_regions || regions == reserved_init_regions;
}

static void dbg_range(const char *func, phys_addr_t base, phys_addr_t size, unsigned long ip)
{
	phys_addr_t last = base + size - 1;

	memblock_dbg("%s: [%pa-%pa] %pS\n", func, &base, &last, (void *)ip);
}

/* ---------------------------------------------------------------- region arrays */

/* Index of the region of @type holding @addr, or -1. */
static long search(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			hi = mid;
		else if (addr >= region_end(r))
			lo = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

static void insert_region(struct memblock_type *type, unsigned long idx, phys_addr_t base,
			  phys_addr_t size, enum memblock_flags flags)
{
	struct memblock_region *r = &type->regions[idx];

	BUG_ON(type->cnt >= type->max);
	memmove(r + 1, r, (type->cnt - idx) * sizeof(*r));
	r->base = base;
	r->size = size;
	r->flags = flags;
	type->cnt++;
	type->total_size += size;
}

static void remove_region(struct memblock_type *type, unsigned long idx)
{
	struct memblock_region *r = &type->regions[idx];

	type->total_size -= r->size;
	memmove(r, r + 1, (type->cnt - idx - 1) * sizeof(*r));
	type->cnt--;
	/* Queries read regions[0] of an empty set; keep it a zero-size dummy. */
	if (!type->cnt) {
		WARN_ON(type->total_size);
		memset(&type->regions[0], 0, sizeof(type->regions[0]));
	}
}

/* Cut region @idx in two at @at (strictly inside it); the lower half stays at @idx. */
static void split_region(struct memblock_type *type, unsigned long idx, phys_addr_t at)
{
	struct memblock_region *r = &type->regions[idx];
	phys_addr_t lower = at - r->base;

	r->base = at;
	r->size -= lower;
	type->total_size -= lower;
	insert_region(type, idx, at - lower, lower, r->flags);
}

/* Join every pair of touching regions with equal flags, restoring minimality. */
static void merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = this + 1;

		if (region_end(this) != next->base || this->flags != next->flags) {
			BUG_ON(region_end(this) > next->base);
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (type->cnt - i - 2) * sizeof(*next));
		type->cnt--;
	}
}

static phys_addr_t find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				 phys_addr_t align);
static int reserve_range(phys_addr_t base, phys_addr_t size, unsigned long ip);
static int phys_free_range(phys_addr_t base, phys_addr_t size, unsigned long ip);

/*
 * Room for a new array in [@start, @end): free in memblock's eyes and, while
 * a resize guard is set, clear of every range it names.  Each clash moves
 * the window past the clashing range, so the search ends.
 */
static phys_addr_t find_array_room(phys_addr_t start, phys_addr_t end, phys_addr_t size)
{
	phys_addr_t addr, clash_base, clash_end;

	while (start < end) {
		addr = find_in_range(start, end, size, PAGE_SIZE);
		if (!addr || memblock_can_resize || !resize_guard ||
		    !resize_guard(addr, size, &clash_base, &clash_end))
			return addr;
		memblock_dbg("memblock: not growing an array over [%pa-%pa], still to be "
			     "reserved\n",
			     &clash_base, &clash_end);
		if (memblock.bottom_up)
			start = max(clash_end, addr + 1);
		else
			end = min(clash_base, addr + size - 1);
	}
	return 0;
}

/*
 * Double @type's array with memory taken from memblock.  When the reserved
 * array is growing because [@avoid_base, @avoid_base + @avoid_size) is being
 * reserved, that range is still free in memblock's eyes, so the new array
 * must be placed elsewhere.
 */
static int double_array(struct memblock_type *type, phys_addr_t avoid_base, phys_addr_t avoid_size)
{
	struct memblock_region *old_array = type->regions, *new_array;
	phys_addr_t old_bytes = type->max * sizeof(*old_array);
	phys_addr_t new_bytes = 2 * old_bytes;
	phys_addr_t alloc_bytes = page_align(new_bytes);
	phys_addr_t addr, last;

	if (!memblock_can_resize && !resize_guard) {
		pr_err("memblock: %s array is full (%lu regions) and may not grow before "
		       "memblock_allow_resize()\n",
		       type->name, type->max);
		return -ENOMEM;
	}

	if (type != &memblock.reserved)
		avoid_base = avoid_size = 0;
	addr = find_array_room(avoid_base + avoid_size, memblock.current_limit, alloc_bytes);
	if (!addr && avoid_size)
		addr = find_array_room(0, min(avoid_base, memblock.current_limit), alloc_bytes);
	if (!addr) {
		pr_err("memblock: Failed to double %s array from %ld to %ld entries !\n",
		       type->name, (long)type->max, (long)type->max * 2);
		return -ENOMEM;
	}

	last = addr + new_bytes - 1;
	memblock_dbg("memblock: %s is doubled to %ld at [%pa-%pa]\n", type->name,
		     (long)type->max * 2, &addr, &last);

	new_array = __va(addr);
	memcpy(new_array, old_array, (size_t)old_bytes);
	memset(new_array + type->max, 0, (size_t)old_bytes);
	type->regions = new_array;
	type->max *= 2;

	/* The set now has room, so updating reserved below cannot recurse into this array again. */
	if (!is_static_array(old_array))
		phys_free_range(__pa(old_array), page_align(old_bytes), _THIS_IP_);
	if (reserve_range(addr, alloc_bytes, _THIS_IP_))
		panic("memblock: cannot reserve the new %s array at %pa", type->name, &addr);
	return 0;
}

/*
 * Walk [@base, @end) against @type and count (or, with @insert, create) the
 * regions needed to cover the parts no region covers yet.  Existing regions
 * keep their flags: adding over them changes nothing.
 */
static unsigned long fill_gaps(struct memblock_type *type, phys_addr_t base, phys_addr_t end,
			       enum memblock_flags flags, bool insert)
{
	unsigned long idx, pieces = 0;

	for (idx = 0; idx < type->cnt && base < end; idx++) {
		phys_addr_t rbase = type->regions[idx].base;
		phys_addr_t rend = region_end(&type->regions[idx]);

		if (rend <= base)
			continue;
		if (rbase >= end)
			break;
		if (rbase > base) {
			pieces++;
			if (insert)
				insert_region(type, idx++, base, rbase - base, flags);
		}
		base = min(rend, end);
	}
	if (base < end) {
		pieces++;
		if (insert)
			insert_region(type, idx, base, end - base, flags);
	}
	return pieces;
}

static int add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
		     enum memblock_flags flags)
{
	unsigned long pieces;

	size = cap_size(base, size);
	if (!size)
		return 0;

	/* Growing may itself reserve memory and change @type, so count again after each growth. */
	while ((pieces = fill_gaps(type, base, base + size, flags, false)) &&
	       type->cnt + pieces > type->max)
		if (double_array(type, base, size))
			return -ENOMEM;
	if (!pieces)
		return 0;

	fill_gaps(type, base, base + size, flags, true);
	merge_regions(type);
	return 0;
}

/*
 * Regions isolating [@base, @end) adds: one per edge that falls strictly
 * inside a region.  Counting them, rather than assuming two, lets a full
 * array still drop whole regions before it may grow.
 */
static unsigned long cuts_needed(const struct memblock_type *type, phys_addr_t base,
				 phys_addr_t end)
{
	long lo = search(type, base), hi = search(type, end);

	return (lo >= 0 && type->regions[lo].base < base) +
	       (hi >= 0 && type->regions[hi].base < end);
}

/*
 * Split the regions of @type that straddle the edges of [@base, @base + @size)
 * so that the range is covered by whole regions, [*@first, *@last) by index.
 */
static int isolate_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
			 unsigned long *first, unsigned long *last)
{
	phys_addr_t end;
	unsigned long idx;

	*first = *last = 0;
	size = cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

	while (type->cnt + cuts_needed(type, base, end) > type->max)
		if (double_array(type, base, size))
			return -ENOMEM;

	for (idx = 0; idx < type->cnt; idx++) {
		struct memblock_region *r = &type->regions[idx];

		if (region_end(r) <= base)
			continue;
		if (r->base >= end)
			break;
		if (r->base < base) {
			split_region(type, idx, base); /* the upper half is the next one */
			continue;
		}
		if (region_end(r) > end)
			split_region(type, idx, end);
		if (!*last)
			*first = idx;
		*last = idx + 1;
	}
	return 0;
}

static int remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	unsigned long first, last;
	int ret = isolate_range(type, base, size, &first, &last);

	if (ret)
		return ret;
	while (last > first)
		remove_region(type, --last);
	return 0;
}

static int set_clear_flag(phys_addr_t base, phys_addr_t size, bool set, enum memblock_flags flag)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long first, last;
	int ret = isolate_range(type, base, size, &first, &last);

	if (ret)
		return ret;
	for (; first < last; first++) {
		if (set)
			type->regions[first].flags |= flag;
		else
			type->regions[first].flags &= ~flag;
	}
	merge_regions(type);
	return 0;
}

static int reserve_range(phys_addr_t base, phys_addr_t size, unsigned long ip)
{
	dbg_range("memblock_reserve", base, size, ip);
	return add_range(&memblock.reserved, base, size, MEMBLOCK_NONE);
}

/* Is all of [@base, @end) covered by @type's regions? */
static bool range_covered(const struct memblock_type *type, phys_addr_t base, phys_addr_t end)
{
	while (base < end) {
		long i = search(type, base);

		if (i < 0)
			return false;
		base = region_end(&type->regions[i]);
	}
	return true;
}

/*
 * Freeing what is not reserved is a caller's bug (a double free, a wrong
 * size, someone else's range): ours reports it with the caller and changes
 * nothing, where Linux quietly frees whatever part is reserved.
 */
static int phys_free_range(phys_addr_t base, phys_addr_t size, unsigned long ip)
{
	phys_addr_t last;

	dbg_range("memblock_phys_free", base, size, ip);
	size = cap_size(base, size);
	if (!size)
		return 0;
	if (WARN_ON(!range_covered(&memblock.reserved, base, base + size))) {
		last = base + size - 1;
		pr_err("memblock_phys_free: [%pa-%pa] is not all reserved: nothing freed "
		       "(caller %pS)\n",
		       &base, &last, (void *)ip);
		return -EINVAL;
	}
	return remove_range(&memblock.reserved, base, size);
}

/* ---------------------------------------------------------------- adding and removing */

/**
 * memblock_add - add a range of RAM to the "memory" set
 * @base: physical start
 * @size: size in bytes; a size reaching past the top of the address space is cut there
 *
 * Parts already present keep their flags; neighbours with equal flags merge.
 *
 * Return: 0, or -ENOMEM if the array is full and may not grow.
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	dbg_range(__func__, base, size, _RET_IP_);
	return add_range(&memblock.memory, base, size, MEMBLOCK_NONE);
}

/**
 * memblock_add_node - memblock_add() with a node and flags
 * @base: physical start
 * @size: size in bytes
 * @nid: NUMA node; this kernel is UMA, so only logged
 * @flags: MEMBLOCK_* flags of the new parts
 *
 * Return: 0, or -ENOMEM if the array is full and may not grow.
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid, enum memblock_flags flags)
{
	phys_addr_t last = base + size - 1;

	memblock_dbg("%s: [%pa-%pa] nid=%d flags=%x %pS\n", __func__, &base, &last, nid,
		     (unsigned int)flags, (void *)_RET_IP_);
	return add_range(&memblock.memory, base, size, flags);
}

/**
 * memblock_remove - take a range out of the "memory" set
 * @base: physical start
 * @size: size in bytes; (base, PHYS_ADDR_MAX) means "everything from @base"
 *
 * Regions that straddle an edge are split; reservations are untouched.
 *
 * Return: 0, or -ENOMEM if splitting needs a larger array that may not grow.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	dbg_range(__func__, base, size, _RET_IP_);
	return remove_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark a range as not to be handed out
 * @base: physical start
 * @size: size in bytes
 *
 * The range need not be memory: firmware areas outside RAM may be reserved
 * too, and they never become free.
 *
 * Return: 0, or -ENOMEM if the reserved array is full and may not grow.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return reserve_range(base, size, _RET_IP_);
}

/**
 * memblock_phys_free - undo a reservation or an allocation
 * @base: physical start
 * @size: size in bytes
 *
 * The memory becomes free for later memblock allocations and, at the
 * hand-over, for the buddy allocator.
 *
 * Return: 0, -EINVAL (reported with the caller, nothing freed) if part of
 * the range is not reserved, or -ENOMEM if splitting needs a larger array
 * that may not grow.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return phys_free_range(base, size, _RET_IP_);
}

/**
 * memblock_free - free a memblock_alloc() result by its virtual address
 * @ptr: what memblock_alloc() returned; NULL does nothing
 * @size: its size; a range that is not all reserved is reported and kept
 */
void memblock_free(void *ptr, size_t size)
{
	if (ptr)
		phys_free_range(__pa(ptr), size, _RET_IP_);
}

/**
 * memblock_mark_nomap - keep a memory range out of the linear map
 * @base: physical start
 * @size: size in bytes
 *
 * NOMAP memory is still memory (it gets struct pages, marked reserved) but
 * is never allocated from and never mapped: firmware tables the kernel must
 * not touch with cacheable accesses, DT "no-map" regions.
 *
 * Return: 0, or -ENOMEM if splitting needs a larger array that may not grow.
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return set_clear_flag(base, size, true, MEMBLOCK_NOMAP);
}

/**
 * memblock_clear_nomap - make a NOMAP range ordinary memory again
 * @base: physical start
 * @size: size in bytes
 *
 * Return: 0, or -ENOMEM if splitting needs a larger array that may not grow.
 */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return set_clear_flag(base, size, false, MEMBLOCK_NOMAP);
}

/**
 * memblock_mark_hotplug - flag a memory range as hot-pluggable
 * @base: physical start
 * @size: size in bytes
 *
 * Only a marker here (no movable_node support), but it keeps the range a
 * region of its own, as in Linux.
 *
 * Return: 0, or -ENOMEM if splitting needs a larger array that may not grow.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return set_clear_flag(base, size, true, MEMBLOCK_HOTPLUG);
}

/**
 * memblock_clear_hotplug - drop the hot-pluggable flag from a range
 * @base: physical start
 * @size: size in bytes
 *
 * Return: 0, or -ENOMEM if splitting needs a larger array that may not grow.
 */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return set_clear_flag(base, size, false, MEMBLOCK_HOTPLUG);
}

/* ---------------------------------------------------------------- iteration */

/* Only memory can be NOMAP; the reserved set is always walked whole. */
static bool skip_region(const struct memblock_type *type, const struct memblock_region *r,
			enum memblock_flags flags)
{
	return type == &memblock.memory && (r->flags & MEMBLOCK_NOMAP) && !(flags & MEMBLOCK_NOMAP);
}

/**
 * __next_mem_range - step the for_each_*_range iterators
 * @idx: cursor: the low 32 bits index @type_a, the high 32 bits the gaps of
 *       @type_b (gap k lies below region k of @type_b; gap cnt is the top
 *       one); ULLONG_MAX once the walk is over
 * @flags: MEMBLOCK_NOMAP to include NOMAP memory, otherwise MEMBLOCK_NONE
 * @type_a: the set ranges are taken from
 * @type_b: the set whose regions are cut out of them, or NULL
 * @out_start: set to the range's start, if not NULL
 * @out_end: set to the range's end (exclusive), if not NULL
 *
 * Both sets are sorted, so the two indices only move forwards: each step
 * returns the overlap of the current region and the current gap and then
 * advances whichever of the two ends first.
 */
void __next_mem_range(u64 *idx, enum memblock_flags flags, struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start, phys_addr_t *out_end)
{
	unsigned long ia = (u32)*idx, ib = (u32)(*idx >> 32);

	for (; ia < type_a->cnt; ia++) {
		const struct memblock_region *m = &type_a->regions[ia];
		phys_addr_t start = m->base, end = region_end(m);

		if (skip_region(type_a, m, flags))
			continue;

		if (type_b) {
			for (; ib <= type_b->cnt; ib++) {
				phys_addr_t gap_start =
					ib ? region_end(&type_b->regions[ib - 1]) : 0;
				phys_addr_t gap_end =
					ib < type_b->cnt ? type_b->regions[ib].base : PHYS_ADDR_MAX;

				if (gap_start >= end)
					break;
				if (gap_end <= start)
					continue;
				start = max(start, gap_start);
				end = min(end, gap_end);
				if (end == region_end(m))
					ia++;
				else
					ib++;
				goto found;
			}
			continue;
		}
		ia++;
	found:
		if (out_start)
			*out_start = start;
		if (out_end)
			*out_end = end;
		*idx = (u64)ib << 32 | ia;
		return;
	}
	*idx = ULLONG_MAX;
}

/* A page frame number as unsigned long, saturated where 32 bits cannot hold it. */
static unsigned long pfn_saturate(phys_addr_t pfn)
{
	return pfn > (phys_addr_t)(unsigned long)-1 ? (unsigned long)-1 : (unsigned long)pfn;
}

/**
 * __next_mem_pfn_range - step for_each_mem_pfn_range
 * @idx: region index, -1 to start; -1 again when the walk is over
 * @out_start_pfn: first whole page of the region, if not NULL
 * @out_end_pfn: page after the last whole page, if not NULL
 *
 * NOMAP regions are included.  Regions without a whole page are skipped, as
 * are frames that an unsigned long cannot number (above 16 TiB on 32-bit).
 */
void __next_mem_pfn_range(int *idx, unsigned long *out_start_pfn, unsigned long *out_end_pfn)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long start = 0, end = 0;

	while (++*idx < (int)type->cnt) {
		const struct memblock_region *r = &type->regions[*idx];

		start = pfn_saturate(pfn_up(r->base));
		end = pfn_saturate(pfn_down(region_end(r)));
		if (start < end)
			break;
	}
	if (*idx >= (int)type->cnt) {
		*idx = -1;
		return;
	}
	if (out_start_pfn)
		*out_start_pfn = start;
	if (out_end_pfn)
		*out_end_pfn = end;
}

/* ---------------------------------------------------------------- allocation */

/*
 * The placement policy: the highest (top-down) or lowest (bottom-up) @align-ed
 * block of @size in one free range, clipped to [@start, @end).  Page 0 is
 * never returned, since 0 means failure.
 */
static phys_addr_t find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				 phys_addr_t align)
{
	phys_addr_t this_start, this_end, cand, found = 0;
	u64 i;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	start = max(start, (phys_addr_t)PAGE_SIZE);
	end = max(start, end);

	for_each_free_mem_range (i, &this_start, &this_end) {
		if (this_start >= end)
			break;
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		if (this_end - this_start < size)
			continue;
		if (memblock.bottom_up) {
			cand = round_up(this_start, align);
			/* cand < this_start: rounding wrapped past the top of the space */
			if (cand >= this_start && cand <= this_end - size)
				return cand;
		} else {
			/* Ranges ascend, so the last fit is the highest. */
			cand = round_down(this_end - size, align);
			if (cand >= this_start)
				found = cand;
		}
	}
	return found;
}

/* Reject what the placement arithmetic cannot honour; a zero @align means "cache line". */
static bool alloc_args_ok(const char *func, phys_addr_t size, phys_addr_t *align)
{
	if (!size) {
		pr_warn("%s: zero-size allocation refused\n", func);
		return false;
	}
	if (!*align) {
		pr_warn("%s: no alignment given, using %d bytes\n", func, SMP_CACHE_BYTES);
		*align = SMP_CACHE_BYTES;
	}
	if (*align & (*align - 1)) {
		pr_err("%s: alignment 0x%llx is not a power of two\n", func,
		       (unsigned long long)*align);
		return false;
	}
	return true;
}

static phys_addr_t alloc_range(phys_addr_t size, phys_addr_t align, phys_addr_t start,
			       phys_addr_t end)
{
	phys_addr_t found = find_in_range(start, end, size, align);

	if (!found || reserve_range(found, size, _THIS_IP_))
		return 0;
	return found;
}

static phys_addr_t phys_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t start,
			      phys_addr_t end, unsigned long ip)
{
	memblock_dbg(
		"memblock_phys_alloc_range: %llu bytes align=0x%llx from=%pa max_addr=%pa %pS\n",
		(unsigned long long)size, (unsigned long long)align, &start, &end, (void *)ip);
	if (!alloc_args_ok("memblock_phys_alloc_range", size, &align))
		return 0;
	return alloc_range(size, align, start, end);
}

/**
 * memblock_phys_alloc_range - allocate and reserve a physical block
 * @size: bytes
 * @align: power of two (0 means the cache line size)
 * @start: lowest acceptable address
 * @end: end (exclusive) of acceptable addresses; MEMBLOCK_ALLOC_ACCESSIBLE
 *       means memblock.current_limit.  An explicit @end is not capped by the
 *       current limit, so callers can reach memory the kernel does not map.
 *
 * Top-down unless memblock_set_bottom_up(true).  NOMAP memory is never used.
 *
 * Return: the physical address, or 0 if no free range fits.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				      phys_addr_t end)
{
	return phys_alloc(size, align, start, end, _RET_IP_);
}

/**
 * memblock_phys_alloc - allocate a physical block below the current limit
 * @size: bytes
 * @align: power of two (0 means the cache line size)
 *
 * Return: the physical address, or 0 if no free range fits.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return phys_alloc(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, _RET_IP_);
}

static void *alloc_virt(const char *func, phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
			phys_addr_t max_addr, int nid, unsigned long ip)
{
	phys_addr_t found = 0;
	void *ptr;

	memblock_dbg("memblock_alloc_try_nid: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa "
		     "%pS\n",
		     (unsigned long long)size, (unsigned long long)align, nid, &min_addr, &max_addr,
		     (void *)ip);
	if (!alloc_args_ok(func, size, &align))
		return NULL;

	/* Only memory below the current limit has a kernel virtual address yet. */
	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;
	found = alloc_range(size, align, min_addr, max_addr);
	/* @min_addr is a preference: better low memory than no memory. */
	if (!found && min_addr)
		found = alloc_range(size, align, 0, max_addr);
	if (!found) {
		pr_err("%s: Failed to allocate %llu bytes align=0x%llx\n", func,
		       (unsigned long long)size, (unsigned long long)align);
		return NULL;
	}
	ptr = __va(found);
	memset(ptr, 0, (size_t)size);
	return ptr;
}

/**
 * memblock_alloc_try_nid - allocate zeroed memory, preferably in a range
 * @size: bytes
 * @align: power of two (0 means the cache line size)
 * @min_addr: preferred lowest address; dropped if nothing fits above it
 * @max_addr: end (exclusive); capped at the current limit, and
 *            MEMBLOCK_ALLOC_ACCESSIBLE means the current limit
 * @nid: NUMA node; this kernel is UMA, so only logged
 *
 * Return: the kernel virtual address of zeroed memory, or NULL (with an
 * error message) if nothing fits.
 */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
			     phys_addr_t max_addr, int nid)
{
	return alloc_virt(__func__, size, align, min_addr, max_addr, nid, _RET_IP_);
}

/**
 * memblock_alloc - allocate zeroed memory the kernel can address
 * @size: bytes
 * @align: power of two (0 means the cache line size)
 *
 * Return: the kernel virtual address, or NULL (with an error message).
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return alloc_virt(__func__, size, align, MEMBLOCK_LOW_LIMIT, MEMBLOCK_ALLOC_ACCESSIBLE,
			  NUMA_NO_NODE, _RET_IP_);
}

/**
 * memblock_alloc_low - allocate zeroed memory below 4 GiB
 * @size: bytes
 * @align: power of two (0 means the cache line size)
 *
 * For buffers that 32-bit DMA masters must reach.
 *
 * Return: the kernel virtual address, or NULL (with an error message).
 */
void *memblock_alloc_low(phys_addr_t size, phys_addr_t align)
{
	return alloc_virt(__func__, size, align, MEMBLOCK_LOW_LIMIT, ARCH_LOW_ADDRESS_LIMIT,
			  NUMA_NO_NODE, _RET_IP_);
}

/* ---------------------------------------------------------------- policy knobs */

/**
 * memblock_set_bottom_up - choose the allocation direction
 * @enable: true to allocate upwards from low addresses, false for top-down
 */
void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

/**
 * memblock_bottom_up - is allocation bottom-up?
 *
 * Return: true if bottom-up, false if top-down (the default).
 */
bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

/**
 * memblock_set_current_limit - cap MEMBLOCK_ALLOC_ACCESSIBLE allocations
 * @limit: end (exclusive); MEMBLOCK_ALLOC_ANYWHERE for no cap
 *
 * ARM lowers it to the end of what the early page tables map, so that
 * memblock_alloc() only returns memory with a working virtual address.
 */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/**
 * memblock_get_current_limit - the current allocation cap
 *
 * Return: the end (exclusive) that MEMBLOCK_ALLOC_ACCESSIBLE stands for.
 */
phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

/**
 * memblock_allow_resize - let full region arrays grow from memblock memory
 *
 * Call once every range that must survive (kernel, DTB, initrd) is
 * reserved; before that a new array could land on top of one of them.
 */
void memblock_allow_resize(void)
{
	memblock_can_resize = true;
	resize_guard = NULL;
}

/**
 * memblock_set_resize_guard - let the arrays grow before memblock_allow_resize()
 * @guard: says whether [base, base + size) touches memory that is not reserved
 *         yet but will be (and which range it touches); NULL withdraws it
 *
 * A DT may describe more reservations than the static arrays hold, and they
 * are reserved before memblock_allow_resize() may be called.  Once the
 * kernel, DTB and initrd are reserved, the only memory a new array could
 * still wrongly take is what the DT has yet to reserve: @guard names it, and
 * arrays grow around it.
 */
void memblock_set_resize_guard(memblock_resize_guard_t guard)
{
	resize_guard = guard;
}

/* ---------------------------------------------------------------- limits (mem=) */

/**
 * memblock_limit_to_address - where the first @limit bytes of memory end
 * @limit: bytes of memory, counted from the lowest region up
 *
 * Return: the address, or PHYS_ADDR_MAX if memory holds no more than @limit.
 */
phys_addr_t memblock_limit_to_address(phys_addr_t limit)
{
	struct memblock_region *r;

	for_each_memblock (memory, r) {
		if (limit <= r->size)
			return r->base + limit;
		limit -= r->size;
	}
	return PHYS_ADDR_MAX;
}

/**
 * memblock_enforce_memory_limit - keep only the first @limit bytes of memory (mem=)
 * @limit: bytes to keep, counted upwards from the lowest region; 0 does nothing
 *
 * Memory and reservations above the address where the count is reached are
 * dropped: a reservation of memory that no longer exists would only make
 * the reserved totals lie.
 *
 * Return: 0, or -ENOMEM if cutting the region at the limit needs a larger
 * memory array that may not grow (nothing is changed then).
 */
int memblock_enforce_memory_limit(phys_addr_t limit)
{
	phys_addr_t max_addr;

	if (!limit)
		return 0;
	max_addr = memblock_limit_to_address(limit);
	if (max_addr == PHYS_ADDR_MAX)
		return 0;
	if (remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX))
		return -ENOMEM;
	/* Cannot fail to matter: a reservation left above the end of memory guards nothing. */
	remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX);
	return 0;
}

/**
 * memblock_cap_memory_range - keep only the memory inside one range
 * @base: physical start of the range to keep
 * @size: its size; 0 does nothing
 *
 * NOMAP regions outside the range survive (they describe firmware the
 * kernel must keep away from); reservations outside it are dropped.
 */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long first, last, i;

	if (!size)
		return;
	if (!type->total_size) {
		pr_warn("%s: No memory registered yet\n", __func__);
		return;
	}
	size = cap_size(base, size);
	if (isolate_range(type, base, size, &first, &last))
		return;

	/* Downwards, so removals do not move the regions still to be visited. */
	for (i = type->cnt; i-- > 0;) {
		bool inside = i >= first && i < last;

		if (!inside && !(type->regions[i].flags & MEMBLOCK_NOMAP))
			remove_region(type, i);
	}
	/* NOMAP regions cut at the edges survive on both sides; join them again. */
	merge_regions(type);
	remove_range(&memblock.reserved, 0, base);
	remove_range(&memblock.reserved, base + size, PHYS_ADDR_MAX);
}

/* ---------------------------------------------------------------- queries */

/**
 * memblock_phys_mem_size - total bytes in the memory set
 *
 * Return: the sum of all memory regions, NOMAP ones included.
 */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

/**
 * memblock_reserved_size - total bytes reserved
 *
 * Return: the sum of all reserved regions, inside memory or not.
 */
phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/**
 * memblock_start_of_DRAM - lowest memory address
 *
 * Return: the base of the first memory region, 0 when there is none.
 */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

/**
 * memblock_end_of_DRAM - end of the highest memory region
 *
 * Return: its end (exclusive), 0 when there is no memory.
 */
phys_addr_t memblock_end_of_DRAM(void)
{
	struct memblock_type *type = &memblock.memory;

	return type->cnt ? region_end(&type->regions[type->cnt - 1]) : 0;
}

/**
 * memblock_is_memory - is @addr inside a memory region?
 * @addr: physical address
 *
 * Return: true if it is, NOMAP memory included.
 */
bool memblock_is_memory(phys_addr_t addr)
{
	return search(&memblock.memory, addr) >= 0;
}

/**
 * memblock_is_map_memory - is @addr memory that belongs in the linear map?
 * @addr: physical address
 *
 * Return: true for memory that is not NOMAP.
 */
bool memblock_is_map_memory(phys_addr_t addr)
{
	long i = search(&memblock.memory, addr);

	return i >= 0 && !(memblock.memory.regions[i].flags & MEMBLOCK_NOMAP);
}

/**
 * memblock_is_region_memory - does one memory region hold the whole range?
 * @base: physical start
 * @size: size in bytes
 *
 * Two touching regions with different flags do not count as one, as in Linux.
 *
 * Return: true if [@base, @base + @size) lies inside a single memory region.
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	long i = search(&memblock.memory, base);

	return i >= 0 && region_end(&memblock.memory.regions[i]) >= base + cap_size(base, size);
}

/**
 * memblock_is_reserved - is @addr reserved?
 * @addr: physical address
 *
 * Return: true if a reserved region holds it.
 */
bool memblock_is_reserved(phys_addr_t addr)
{
	return search(&memblock.reserved, addr) >= 0;
}

/**
 * memblock_is_region_reserved - does the range touch any reservation?
 * @base: physical start
 * @size: size in bytes
 *
 * Return: true if some reserved region overlaps [@base, @base + @size).
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + cap_size(base, size);
	struct memblock_region *r;

	for_each_memblock (reserved, r)
		if (r->base < end && base < region_end(r))
			return true;
	return false;
}

/* ---------------------------------------------------------------- reporting */

static void dump_type(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t base = r->base, size = r->size, last = base + size - 1;

		pr_info(" %s[%#x]\t[%pa-%pa], %pa bytes flags: %#x\n", type->name, (unsigned int)i,
			&base, &last, &size, (unsigned int)r->flags);
	}
}

/**
 * __memblock_dump_all - print both sets, whatever memblock=debug says
 *
 * For tools (mmsim) and tests that want the table without the debug log.
 */
void __memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %pa reserved size = %pa\n", &memblock.memory.total_size,
		&memblock.reserved.total_size);
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
}

/**
 * memblock_dump_all - print both sets when booted with memblock=debug
 *
 * ARM calls it on every boot at the end of arm_memblock_init(); as in
 * Linux, the table only appears when memblock=debug asked for it.
 */
void memblock_dump_all(void)
{
	if (memblock_debug)
		__memblock_dump_all();
}

/* ---------------------------------------------------------------- end of boot */

/**
 * memblock_free_late - give a range straight to the buddy allocator
 * @base: physical start
 * @size: size in bytes
 *
 * For memory that was still reserved when memblock handed over to the
 * buddy allocator.  Only whole pages are freed; the reserved set is not
 * updated, since nothing consults it any more.
 */
void memblock_free_late(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t pfn, end;

	dbg_range(__func__, base, size, _RET_IP_);
	end = pfn_down(base + cap_size(base, size));
	for (pfn = pfn_up(base); pfn < end; pfn++)
		memblock_free_pages((unsigned long)pfn, 0);
}

/**
 * memblock_discard - give back a reserved array that grew
 *
 * Runs after memblock_free_all().  The memory array is kept, because ARM's
 * pfn_valid() keeps asking memblock.memory (Linux's ARCH_KEEP_MEMBLOCK).  A
 * reserved array that was allocated goes to the buddy allocator; the
 * reserved set falls back to its static array, empty, and may no longer
 * grow, so nothing can write into pages the buddy allocator now owns.
 */
void memblock_discard(void)
{
	struct memblock_type *type = &memblock.reserved;
	phys_addr_t addr, size;

	if (is_static_array(type->regions))
		return;
	addr = __pa(type->regions);
	size = page_align(type->max * sizeof(type->regions[0]));

	memset(reserved_init_regions, 0, sizeof(reserved_init_regions));
	type->regions = reserved_init_regions;
	type->max = INIT_MEMBLOCK_RESERVED_REGIONS;
	type->cnt = 0;
	type->total_size = 0;
	memblock_can_resize = false;

	memblock_free_late(addr, size);
}

static void reset_type(struct memblock_type *type, struct memblock_region *init_regions,
		       unsigned long max)
{
	memset(init_regions, 0, max * sizeof(*init_regions));
	type->regions = init_regions;
	type->max = max;
	type->cnt = 0;
	type->total_size = 0;
}

/**
 * memblock_reset - start over with empty sets and the static arrays
 *
 * For host tests and mmsim, which boot many times in one process.  Arrays
 * that had grown are simply forgotten: they live in the simulated RAM.
 */
void memblock_reset(void)
{
	reset_type(&memblock.memory, memory_init_regions, INIT_MEMBLOCK_REGIONS);
	reset_type(&memblock.reserved, reserved_init_regions, INIT_MEMBLOCK_RESERVED_REGIONS);
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock_can_resize = false;
	resize_guard = NULL;
}
