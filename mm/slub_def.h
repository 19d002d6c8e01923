/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's internals (Linux's mm/slab.h and the SLUB parts of
 * include/linux/slub_def.h), shared by mm/slub.c and its tests.
 *
 * A slab is a block from the page allocator (a compound block above order
 * 0) cut into objects of one size.  Its first struct page, read as struct
 * slab, says which cache it belongs to, where its first free object is and
 * how many objects are in use.  Each free object holds the address of the
 * next free one (the free pointer), so a slab needs no other metadata.
 */
#ifndef _MM_SLUB_DEF_H
#define _MM_SLUB_DEF_H

#include "slab.h"
#include "list.h"
#include "smp.h"
#include "spinlock.h"
#include <asm/cache.h>

/**
 * struct slab - a slab's first page, as the slab allocator reads it
 * @__page_flags: page->flags (PG_slab, PG_head, order, zone)
 * @slab_list: on the node's partial (or, for debug caches, full) list
 * @slab_cache: the cache (page->mapping)
 * @freelist: first free object not handed to a CPU (page->private)
 * @counters: @inuse, @objects and @frozen as one word (page->_mapcount)
 * @inuse: objects allocated, or all of them while a CPU owns the slab
 * @objects: objects in the slab
 * @frozen: a CPU's active slab: its free objects are on that CPU's
 *          freelist, and it is on no list
 * @__page_refcount: page->_refcount
 *
 * Linux's struct slab overlay, without the RCU head and the per-CPU
 * partial link, which we do not use.
 */
struct slab {
	unsigned long __page_flags;
	struct list_head slab_list;
	struct kmem_cache *slab_cache;
	void *freelist;
	union {
		unsigned int counters;
		struct {
			unsigned inuse : 16;
			unsigned objects : 15;
			unsigned frozen : 1;
		};
	};
	int __page_refcount;
};

#define SLAB_MATCH(pg, sl)                                                    \
	static_assert(offsetof(struct page, pg) == offsetof(struct slab, sl), \
		      "struct slab must overlay struct page: " #sl)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(lru, slab_list);
SLAB_MATCH(mapping, slab_cache);
SLAB_MATCH(private, freelist);
SLAB_MATCH(_mapcount, counters);
SLAB_MATCH(_refcount, __page_refcount);
#undef SLAB_MATCH
static_assert(sizeof(struct slab) <= sizeof(struct page), "struct slab is larger than struct page");

/* The most objects a slab may have (@objects is 15 bits). */
#define MAX_OBJS_PER_PAGE 32767

static inline struct slab *page_slab(const struct page *page)
{
	return (struct slab *)page;
}

static inline struct page *slab_page(const struct slab *slab)
{
	return (struct page *)slab;
}

static inline unsigned int slab_order(const struct slab *slab)
{
	return page_alloc_order(slab_page(slab));
}

/*
 * Slabs are never highmem, so this is page_address() without its highmem
 * test, and without the 64-bit physical address: the linear map's first
 * byte plus the page's index.
 */
static inline void *slab_address(const struct slab *slab)
{
	return (char *)__va(PHYS_OFFSET) +
	       ((unsigned long)(slab_page(slab) - mem_map) << PAGE_SHIFT);
}

static inline size_t slab_size(const struct slab *slab)
{
	return (size_t)PAGE_SIZE << slab_order(slab);
}

/**
 * struct kmem_cache_cpu - one CPU's view of a cache
 * @freelist: the next object this CPU hands out (from @slab)
 * @slab: the active slab, frozen to this CPU, or NULL
 *
 * Only the owning CPU touches it, with its interrupts off for the few
 * instructions of the fast paths; that is all the locking it needs (what
 * Linux's this_cpu_cmpxchg_double compiles to on a CPU without a double
 * compare-and-swap).  Linux also keeps a transaction id, for preemption
 * between reading and swapping; we have none, and a list of per-CPU
 * partial slabs (CONFIG_SLUB_CPU_PARTIAL), which we leave out: a CPU goes
 * to the node's partial list each time its slab is full.
 */
struct kmem_cache_cpu {
	union {
		struct {
			void **freelist;
			struct slab *slab;
		};
		/*
		 * One cache line each (the kmem_cache cache is
		 * SLAB_HWCACHE_ALIGN), so CPUs never share a line.  Padding
		 * rather than an aligned type: list_for_each_entry() forms
		 * a struct kmem_cache pointer from the list head, which
		 * UBSan rejects for an over-aligned type.
		 */
		char pad[L1_CACHE_BYTES];
	};
};

/**
 * struct kmem_cache_node - a cache's slabs on one node
 * @list_lock: protects everything here and every non-frozen slab's
 *             freelist and counters
 * @nr_partial: slabs on @partial
 * @partial: slabs with free objects that no CPU owns
 * @full: debug caches only (Linux keeps it for SLAB_STORE_USER): slabs
 *        with no free object, so every slab can be checked
 * @nr_slabs: slabs of the cache on this node, all kinds
 * @total_objects: objects in them
 * @nr_pages: pages in them (ours: slabs of the fallback order are smaller)
 */
struct kmem_cache_node {
	spinlock_t list_lock;
	unsigned long nr_partial;
	struct list_head partial;
	struct list_head full;
	unsigned long nr_slabs;
	unsigned long total_objects;
	unsigned long nr_pages;
};

/* A slab's order and object count in one word (Linux's kmem_cache_order_objects). */
struct kmem_cache_order_objects {
	unsigned int x;
};

#define OO_SHIFT 16
#define OO_MASK	 ((1u << OO_SHIFT) - 1)

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

/* What slub_debug=U remembers about the last allocation and free of an object. */
struct track {
	unsigned long addr; /* the caller */
	int cpu;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

/**
 * struct kmem_cache - a cache of equal-sized objects
 * @cpu_slab: each CPU's active slab, indexed by smp_processor_id() (Linux
 *            allocates these per-CPU; we have no per-CPU allocator yet)
 * @flags: SLAB_* flags, debug flags from slub_debug= included
 * @min_partial: empty slabs kept on the partial list instead of freed
 * @size: an object with its metadata: the stride between objects
 * @object_size: what the user asked for
 * @offset: where the free pointer is, from the object's start
 * @reciprocal_size: 2^32 / @size rounded up, to turn an offset into an
 *                   index without a divide (the Cortex-A9 has none)
 * @oo: the preferred order and its object count
 * @min: the smallest order that holds one object, if @oo fails
 * @allocflags: gfp flags every slab is allocated with (__GFP_COMP, ...)
 * @refcount: 1 (Linux counts merged aliases; we do not merge caches)
 * @ctor: called on every object when its slab is created
 * @inuse: offset of the metadata after the object (red zone, free pointer
 *         when it is outside the object, tracks)
 * @align: object alignment
 * @red_left_pad: left red zone bytes before each object
 * @random: free pointers are stored xor-ed with this and their own
 *          address (Linux's CONFIG_SLAB_FREELIST_HARDENED), so a stale or
 *          forged value is recognisably not a free pointer
 * @name: "kmalloc-64", ...
 * @list: on slab_caches
 * @node: the per-node lists (MAX_NUMNODES is 1; Linux allocates them from
 *        the kmem_cache_node cache, we embed them)
 */
struct kmem_cache {
	struct kmem_cache_cpu cpu_slab[NR_CPUS];
	slab_flags_t flags;
	unsigned long min_partial;
	unsigned int size;
	unsigned int object_size;
	unsigned int offset;
	unsigned int reciprocal_size;
	struct kmem_cache_order_objects oo;
	struct kmem_cache_order_objects min;
	gfp_t allocflags;
	int refcount;
	void (*ctor)(void *);
	unsigned int inuse;
	unsigned int align;
	unsigned int red_left_pad;
	unsigned long random;
	const char *name;
	struct list_head list;
	struct kmem_cache_node node[MAX_NUMNODES];
};

/* The slub_debug flags @s has (from kmem_cache_create() or slub_debug=). */
static inline slab_flags_t kmem_cache_debug_flags(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* Every cache, newest first (as /proc/slabinfo lists them). */
extern struct list_head slab_caches;

static inline struct kmem_cache_node *get_node(struct kmem_cache *s, int node)
{
	return &s->node[node];
}

/**
 * struct slabinfo - one cache's line of /proc/slabinfo
 */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);

unsigned long kmem_cache_free_objects(struct kmem_cache *s);

/* The kmalloc caches' pages (every slab of every kmalloc cache), for tests and benches. */
unsigned long kmalloc_caches_pages(void);

/*
 * Slab corruption reports ("BUG <cache> (...): <what>") since boot, and the
 * last one's <what>: tests check a bug was found and which.
 */
extern unsigned long slab_bug_reports;
extern char slab_last_bug[64];

#endif /* _MM_SLUB_DEF_H */
