// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator, SLUB's design (Linux 6.1's mm/slub.c, smaller).
 *
 * A cache hands out objects of one size from slabs: blocks of 2^order
 * pages from the page allocator, cut into equal objects.  A free object
 * holds the address of the next free one in the same slab (its free
 * pointer), so a slab's free objects form a list that needs no memory of
 * its own; the slab's first struct page (read as struct slab, mm/slub_def.h)
 * says which cache it belongs to and where its list starts.
 *
 *  - Each CPU owns one slab of each cache (it is "frozen" to the CPU) and
 *    takes objects from, and frees objects to, that slab's freelist with
 *    nothing but its own interrupts off: the fast paths below.
 *  - A CPU whose slab is used up takes a slab with free objects from the
 *    node's partial list, or a new slab from the page allocator.
 *  - An object freed into a slab the CPU does not own goes onto that
 *    slab's own freelist under the node's list_lock; a full slab that gets
 *    a free object joins the partial list, and a slab whose last object is
 *    freed goes back to the page allocator once min_partial slabs wait
 *    on the partial list.
 *  - kmalloc() is a set of caches of fixed sizes (8 bytes to 8 KiB); larger
 *    requests are compound blocks straight from the page allocator.
 *
 * Debugging (slub_debug=, or flags to kmem_cache_create): red zones
 * around objects, poisoning of free objects, the last allocating and
 * freeing caller, and checks on every allocation and free, with Linux's
 * "BUG <cache> (...): ..." reports.  Debug caches take neither fast path.
 * Whatever the flags, every free is checked to be an object of a slab (a
 * pointer kmalloc did not return is refused) and not already free.
 *
 * Left out: cache merging (every kmem_cache_create() makes its own cache),
 * per-CPU partial lists, NUMA node choice, RCU-delayed slab freeing, the
 * memcg, KASAN and KFENCE hooks, and sysfs.
 */
#include "slab.h"
#include "slub_def.h"
#include "internal.h"
#include "init.h"
#include "printk.h"
#include "symbols.h"
#include "vmstat.h"
#include <string.h>

/* Debug patterns (Linux's poison.h). */
#define POISON_INUSE	  0x5a /* slab padding, never handed out */
#define POISON_FREE	  0x6b /* a free object */
#define POISON_END	  0xa5 /* a free object's last byte */
#define SLUB_RED_INACTIVE 0xbb /* red zone of a free object */
#define SLUB_RED_ACTIVE	  0xcc /* red zone of an allocated object */

/* Internal: the object itself is poisoned (SLAB_POISON without a constructor). */
#define __OBJECT_POISON 0x80000000u

/* The flags kmem_cache_create() accepts. */
#define CACHE_CREATE_MASK \
	(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | SLAB_PANIC | SLAB_RECLAIM_ACCOUNT)

/*
 * Request bits that do not apply to a slab's pages: slabs are always
 * addressable (no highmem), never movable (they would block CMA), and the
 * zeroing is of the object, not of the slab.  Linux warns about highmem
 * (GFP_SLAB_BUG_MASK); we also refuse movable, because movable requests
 * may be served from CMA pageblocks that must stay migratable.
 */
#define GFP_SLAB_BUG_MASK  (__GFP_HIGHMEM | __GFP_MOVABLE)
#define GFP_SLAB_PAGE_DROP (GFP_SLAB_BUG_MASK | __GFP_ZERO | __GFP_COMP)

/* Linux's limits on empty slabs kept on a node's partial list. */
#define MIN_PARTIAL 5
#define MAX_PARTIAL 10

LIST_HEAD(slab_caches);
/* Linux's slab_mutex: the list of caches.  Nothing here sleeps, so a spinlock. */
static DEFINE_SPINLOCK(slab_mutex);
struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
unsigned long slab_bug_reports;
char slab_last_bug[64];

/* The cache of kmem_cache structures; it describes itself (Linux's boot_kmem_cache). */
static struct kmem_cache kmem_cache_boot __aligned(L1_CACHE_BYTES);
static struct kmem_cache *kmem_cache;

/* Linux's defaults: orders 0..PAGE_ALLOC_COSTLY_ORDER, minimum objects from the CPU count. */
static unsigned int slub_min_order;
static unsigned int slub_max_order = PAGE_ALLOC_COSTLY_ORDER;
static unsigned int slub_min_objects;

/*
 * The linear map as kfree() sees it: mem_map, and how many pages from its
 * start are lowmem (what kfree() can be given).  Together, so the fast
 * path finds both from one address.
 */
static struct {
	struct page *map;
	unsigned long pages;
} linear;

/* ---------------------------------------------------------------- addresses */

/*
 * Where @x is in the linear map: its offset from the map's first byte
 * (PAGE_OFFSET on the target, the simulated RAM on the host).  One
 * subtraction, where virt_to_page() goes through the 64-bit PHYS_OFFSET.
 */
static __always_inline unsigned long linear_offset(const void *x)
{
	return (unsigned long)((const char *)x - (const char *)__va(PHYS_OFFSET));
}

/* The struct page of @x, which must be in the linear map (linear_offset checked). */
static __always_inline struct page *linear_page(const void *x)
{
	return linear.map + (linear_offset(x) >> PAGE_SHIFT);
}

static __always_inline bool in_linear_map(const void *x)
{
	return (linear_offset(x) >> PAGE_SHIFT) < linear.pages;
}

/*
 * Free pointers are stored xor-ed with the cache's random value and their
 * own address (Linux's CONFIG_SLAB_FREELIST_HARDENED, without the byte
 * swap), so what sits in an allocated object's free-pointer word never
 * decodes to a plausible free pointer by accident.
 */
static __always_inline void *freelist_ptr(const struct kmem_cache *s, void *ptr,
					  unsigned long ptr_addr)
{
	return (void *)((unsigned long)ptr ^ s->random ^ ptr_addr);
}

static __always_inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)ptr_addr, ptr_addr);
}

static __always_inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	*(void **)ptr_addr = freelist_ptr(s, fp, ptr_addr);
}

/*
 * Is @off, an offset from @slab's start, where one of its objects starts?
 * The offset is divided by multiplying with the rounded-up reciprocal of
 * the size: that gives the exact quotient for every multiple of the size
 * (all that must pass), and a non-multiple can never pass the check that
 * follows.
 */
static __always_inline bool offset_is_object(const struct kmem_cache *s, const struct slab *slab,
					     unsigned long off)
{
	unsigned long idx;

	off -= s->red_left_pad;
	idx = (unsigned long)(((u64)off * s->reciprocal_size) >> 32);
	/* Without the list_lock: ->objects never changes, only its word-mates inuse and frozen. */
	return idx < (unsigned int)data_race(slab->objects) && idx * s->size == off;
}

/* Is @object the start of one of @slab's objects? */
static bool object_in_slab(const struct kmem_cache *s, const struct slab *slab, const void *object)
{
	return offset_is_object(
		s, slab, (unsigned long)((const char *)object - (const char *)slab_address(slab)));
}

/*
 * @x's offset from the start of the slab @slab, @page being the page @x is
 * in: no division by the size of struct page but the one that finds which
 * page of the slab it is (0 in an order-0 slab).
 */
static __always_inline unsigned long offset_in_slab(const void *x, const struct page *page,
						    const struct slab *slab)
{
	unsigned long off = linear_offset(x) & (PAGE_SIZE - 1);

	if (page != slab_page(slab))
		off += (unsigned long)(page - slab_page(slab)) << PAGE_SHIFT;
	return off;
}

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return kmem_cache_debug_flags(s);
}

static inline bool freeptr_outside_object(const struct kmem_cache *s)
{
	return s->offset >= s->inuse;
}

/* Where the metadata after the free pointer (tracks, padding) starts. */
static inline unsigned int get_info_end(const struct kmem_cache *s)
{
	return freeptr_outside_object(s) ? s->inuse + (unsigned int)sizeof(void *) : s->inuse;
}

/* ---------------------------------------------------------------- reports */

static const char *print_tainted(void)
{
	/*
	 * Linux's taint string, of its B flag only (a bad page or slab): the
	 * page allocator's "Bad page state" counts, as Linux taints for it.
	 */
	return slab_bug_reports || bad_page_reports ? "Tainted: G    B" : "Not tainted";
}

static void __printf(2, 3) slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vscnprintf(slab_last_bug, sizeof(slab_last_bug), fmt, args);
	va_end(args);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, print_tainted(), slab_last_bug);
	pr_err("-----------------------------------------------------------------------------\n\n");
	slab_bug_reports++;
}

static void __printf(2, 3) slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char buf[96];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s->name, buf);
}

/*
 * Linux's print_hex_dump(KERN_ERR, text, DUMP_PREFIX_ADDRESS, 16, 1, ...):
 * 16 bytes a line, the ASCII column at 16 * 3 + 1.  Linux hashes the
 * addresses (%p); we print them, there is nothing to hide here.
 */
static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	for (unsigned int i = 0; i < length; i += 16) {
		unsigned int n = min(length - i, 16u);
		char hex[16 * 3 + 1], ascii[17];
		int len = 0;

		for (unsigned int j = 0; j < n; j++) {
			u8 c = addr[i + j];

			len += scnprintf(hex + len, sizeof(hex) - len, j ? " %02x" : "%02x", c);
			ascii[j] = c >= 0x20 && c < 0x7f ? (char)c : '.';
		}
		ascii[n] = '\0';
		pr_err("%s%08lx: %-*s %s\n", text, (unsigned long)(addr + i), 16 * 3, hex, ascii);
	}
}

static struct track *get_track(struct kmem_cache *s, void *object, enum track_item alloc)
{
	return (struct track *)((char *)object + get_info_end(s)) + alloc;
}

static void set_track(struct kmem_cache *s, void *object, enum track_item alloc, unsigned long addr)
{
	struct track *p = get_track(s, object, alloc);

	p->addr = addr;
	p->cpu = smp_processor_id();
}

/*
 * Linux prints "age=" (jiffies since) and "pid="; there is no timer tick
 * and only the boot task here, so neither would say anything.
 */
static void print_track(const char *s, const struct track *t)
{
	if (t->addr)
		pr_err("%s in %pS cpu=%d pid=0\n", s, (void *)t->addr, t->cpu);
}

static void print_tracking(struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC));
	print_track("Freed", get_track(s, object, TRACK_FREE));
}

static void print_slab_info(const struct slab *slab)
{
	char flags[96];

	format_page_flags(slab->__page_flags, flags, sizeof(flags));
	pr_err("Slab %p objects=%u used=%u fp=%p flags=%s\n", (void *)slab, slab->objects,
	       slab->inuse, slab->freelist, flags);
}

static unsigned int size_from_object(const struct kmem_cache *s)
{
	return (s->flags & SLAB_RED_ZONE) ? s->size - s->red_left_pad : s->size;
}

/* The object, its red zones and padding, as Linux's print_trailer (without the stack). */
static void print_trailer(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	unsigned int off;

	print_tracking(s, p);
	print_slab_info(slab);
	pr_err("Object %p @offset=%lu fp=%p\n\n", (void *)p, (unsigned long)(p - addr),
	       get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object   ", p, min_t(unsigned int, s->object_size, PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p + s->object_size, s->inuse - s->object_size);
	off = get_info_end(s);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != size_from_object(s))
		print_section("Padding  ", p + off, size_from_object(s) - off);
}

/*
 * Where Linux's reports end in dump_stack(), ours name the caller of the
 * allocation or free (as bad_page() does): we have no unwinder.
 */
static void print_caller(unsigned long addr)
{
	pr_err("caller: %pS\n", (void *)addr);
}

static void object_err(struct kmem_cache *s, struct slab *slab, u8 *object, const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, slab, object);
}

static void __printf(3, 4) slab_err(struct kmem_cache *s, struct slab *slab, const char *fmt, ...)
{
	char buf[96];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	slab_bug(s, "%s", buf);
	print_slab_info(slab);
}

/* ---------------------------------------------------------------- debug checks */

/* A free pointer that is NULL or the start of an object in @slab. */
static bool check_valid_pointer(struct kmem_cache *s, struct slab *slab, void *object)
{
	return !object || object_in_slab(s, slab, object);
}

static const u8 *memchr_inv(const u8 *start, u8 value, size_t bytes)
{
	for (size_t i = 0; i < bytes; i++)
		if (start[i] != value)
			return start + i;
	return NULL;
}

static bool check_bytes_and_report(struct kmem_cache *s, struct slab *slab, u8 *object,
				   const char *what, u8 *start, u8 value, size_t bytes)
{
	u8 *addr = slab_address(slab);
	const u8 *fault = memchr_inv(start, value, bytes);
	u8 *end = start + bytes;

	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("%p-%p @offset=%lu. First byte 0x%x instead of 0x%x\n", (void *)fault,
	       (void *)(end - 1), (unsigned long)(fault - addr), fault[0], value);
	print_trailer(s, slab, object);
	slab_fix(s, "Restoring %s %p-%p=0x%x", what, (void *)fault, (void *)(end - 1), value);
	memset((void *)fault, value, (size_t)(end - fault));
	return false;
}

/* The padding between the metadata and the next object (POISON_INUSE since slab creation). */
static bool check_pad_bytes(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	unsigned int off = get_info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (size_from_object(s) == off)
		return true;
	return check_bytes_and_report(s, slab, p, "Object padding", p + off, POISON_INUSE,
				      size_from_object(s) - off);
}

/*
 * An object's red zones, poison and free pointer as they must be: @val
 * is SLUB_RED_ACTIVE for an allocated object (being freed), INACTIVE for
 * a free one (being allocated).
 */
static bool check_object(struct kmem_cache *s, struct slab *slab, void *object, u8 val)
{
	u8 *p = object, *endobject = p + s->object_size;
	bool ret = true;

	if (s->flags & SLAB_RED_ZONE) {
		ret &= check_bytes_and_report(s, slab, p, "Left Redzone", p - s->red_left_pad, val,
					      s->red_left_pad);
		ret &= check_bytes_and_report(s, slab, p, "Right Redzone", endobject, val,
					      s->inuse - s->object_size);
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		ret &= check_bytes_and_report(s, slab, p, "Alignment padding", endobject,
					      POISON_INUSE, s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON) &&
		    (!check_bytes_and_report(s, slab, p, "Poison", p, POISON_FREE,
					     s->object_size - 1) ||
		     !check_bytes_and_report(s, slab, p, "End Poison", p + s->object_size - 1,
					     POISON_END, 1)))
			ret = false;
		ret &= check_pad_bytes(s, slab, p);
	}
	/* An allocated object's free pointer word is the user's. */
	if (!freeptr_outside_object(s) && val == SLUB_RED_ACTIVE)
		return ret;
	if (!check_valid_pointer(s, slab, get_freepointer(s, p))) {
		object_err(s, slab, p, "Freepointer corrupt");
		set_freepointer(s, p, NULL);
		ret = false;
	}
	return ret;
}

/* Red zones and poison of an object that changes hands (Linux's init_object). */
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE)
		memset(p - s->red_left_pad, val, s->red_left_pad);
	if (s->flags & __OBJECT_POISON) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(p + s->object_size, val, s->inuse - s->object_size);
}

static bool check_slab(struct kmem_cache *s, struct slab *slab)
{
	/* s->size includes the left red zone: Linux's order_objects(). */
	unsigned int maxobj = (unsigned int)slab_size(slab) / s->size;

	if (!PageSlab(slab_page(slab))) {
		slab_err(s, slab, "Not a valid slab page");
		return false;
	}
	if (slab->objects > maxobj || slab->inuse > slab->objects) {
		slab_err(s, slab, "objects %u inuse %u max %u", slab->objects, slab->inuse, maxobj);
		return false;
	}
	return true;
}

/*
 * Is @search on @slab's freelist, or on the freelist of a CPU that owns
 * @slab?  Called with the node's list_lock held.  Walks at most as many
 * objects as the slab has, so a corrupted (looping) list ends; a pointer
 * that leaves the slab is reported and the list cut there.
 *
 * Another CPU's freelist may change under the walk (its owner pops and
 * pushes with only its own interrupts masked), so it is walked read-only:
 * a pointer that leaves the slab there ends the walk without a report or
 * a cut, since it may be an object that CPU has just handed out.  Such a
 * walk can (rarely) miss a double free, or see an object that was on that
 * list a moment ago; Linux does not search the CPUs' lists at all.
 */
static bool on_freelist(struct kmem_cache *s, struct slab *slab, void *search)
{
	void **lists[NR_CPUS + 1];
	bool own[NR_CPUS + 1];
	int nr = 0, cpu;

	own[nr] = true;
	lists[nr++] = (void **)&slab->freelist;
	for_each_possible_cpu (cpu)
		if (READ_ONCE(s->cpu_slab[cpu].slab) == slab) {
			own[nr] = cpu == smp_processor_id();
			lists[nr++] = (void **)&s->cpu_slab[cpu].freelist;
		}
	for (int i = 0; i < nr; i++) {
		void *fp = READ_ONCE(*lists[i]), *object = NULL;
		unsigned int n = 0;

		while (fp && n <= slab->objects) {
			if (fp == search)
				return true;
			if (!check_valid_pointer(s, slab, fp)) {
				if (!own[i]) {
					break;
				} else if (object) {
					object_err(s, slab, object, "Freechain corrupt");
					set_freepointer(s, object, NULL);
				} else {
					slab_err(s, slab, "Freepointer corrupt");
					*lists[i] = NULL;
				}
				break;
			}
			object = fp;
			fp = get_freepointer(s, object);
			n++;
		}
	}
	return false;
}

static bool alloc_consistency_checks(struct kmem_cache *s, struct slab *slab, void *object)
{
	if (!check_slab(s, slab))
		return false;
	if (!check_valid_pointer(s, slab, object)) {
		object_err(s, slab, object, "Freelist Pointer check fails");
		return false;
	}
	return check_object(s, slab, object, SLUB_RED_INACTIVE);
}

static bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object,
				   unsigned long addr)
{
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) && !alloc_consistency_checks(s, slab, object)) {
		/* Linux's answer to a corrupted slab: never hand out anything of it again. */
		print_caller(addr);
		slab_fix(s, "Marking all objects used");
		slab->inuse = slab->objects;
		slab->freelist = NULL;
		return false;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_ALLOC, addr);
	init_object(s, object, SLUB_RED_ACTIVE);
	return true;
}

/* The foreign-pointer and double-free checks every free makes, debug or not. */
static bool free_consistency_checks(struct kmem_cache *s, struct slab *slab, void *object,
				    unsigned long addr)
{
	if (!object_in_slab(s, slab, object)) {
		slab_err(s, slab, "Invalid object pointer %p", object);
		print_caller(addr);
		return false;
	}
	if (on_freelist(s, slab, object)) {
		object_err(s, slab, object, "Object already free");
		print_caller(addr);
		return false;
	}
	return true;
}

static bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object,
				  unsigned long addr)
{
	bool ok = true;

	if (s->flags & SLAB_CONSISTENCY_CHECKS)
		ok = check_slab(s, slab) && check_object(s, slab, object, SLUB_RED_ACTIVE);
	if (ok) {
		if (s->flags & SLAB_STORE_USER)
			set_track(s, object, TRACK_FREE, addr);
		init_object(s, object, SLUB_RED_INACTIVE);
	} else {
		print_caller(addr);
		slab_fix(s, "Object at %p not freed", object);
	}
	return ok;
}

/* ---------------------------------------------------------------- slab lists */

static void add_partial(struct kmem_cache_node *n, struct slab *slab, bool tail)
{
	WRITE_ONCE(n->nr_partial, n->nr_partial + 1); /* get_partial() peeks without the lock */
	if (tail)
		list_add_tail(&slab->slab_list, &n->partial);
	else
		list_add(&slab->slab_list, &n->partial);
}

static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_del(&slab->slab_list);
	WRITE_ONCE(n->nr_partial, n->nr_partial - 1);
}

/* Debug caches keep full slabs listed, so every slab can be found and checked. */
static void add_full(struct kmem_cache *s, struct kmem_cache_node *n, struct slab *slab)
{
	if (kmem_cache_debug(s))
		list_add(&slab->slab_list, &n->full);
}

static void remove_full(struct kmem_cache *s, struct slab *slab)
{
	if (kmem_cache_debug(s))
		list_del(&slab->slab_list);
}

/* ---------------------------------------------------------------- slabs */

static inline unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)(PAGE_SIZE << order) / size;
}

static inline struct kmem_cache_order_objects oo_make(unsigned int order, unsigned int size)
{
	struct kmem_cache_order_objects x = {(order << OO_SHIFT) + order_objects(order, size)};

	return x;
}

/* Linux's setup_object: a new slab's object gets its red zones, poison and constructor. */
static void setup_object(struct kmem_cache *s, void *object)
{
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
	if (kmem_cache_debug(s))
		init_object(s, object, SLUB_RED_INACTIVE);
	if (s->ctor)
		s->ctor(object);
}

static struct page *alloc_slab_page(gfp_t flags, struct kmem_cache_order_objects oo)
{
	return alloc_pages(flags, oo_order(oo));
}

/*
 * A new slab: the preferred order without warnings first, then the
 * smallest order that holds an object (Linux's allocate_slab).  All its
 * objects are free, linked in address order.
 */
static struct slab *allocate_slab(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_order_objects oo = s->oo;
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long lock_flags;
	struct page *page;
	struct slab *slab;
	void *start, *p;

	flags = (flags & ~GFP_SLAB_PAGE_DROP) | s->allocflags;
	page = alloc_slab_page(flags | __GFP_NOWARN, oo);
	if (unlikely(!page) && oo_order(s->min) < oo_order(oo)) {
		oo = s->min;
		page = alloc_slab_page(flags, oo);
	}
	if (unlikely(!page))
		return NULL;
	slab = page_slab(page);
	__SetPageSlab(page);
	slab->slab_cache = s;
	slab->counters = 0;
	slab->objects = oo_objects(oo);
	start = slab_address(slab);
	if (s->flags & SLAB_POISON)
		memset(start, POISON_INUSE, slab_size(slab));
	start = (char *)start + s->red_left_pad;
	p = start;
	for (unsigned int idx = 0; idx < slab->objects; idx++) {
		void *next = idx + 1 < slab->objects ? (char *)p + s->size : NULL;

		setup_object(s, p);
		set_freepointer(s, p, next);
		p = next;
	}
	slab->freelist = start;
	spin_lock_irqsave(&n->list_lock, lock_flags);
	n->nr_slabs++;
	n->nr_pages += 1UL << oo_order(oo);
	n->total_objects += slab->objects;
	spin_unlock_irqrestore(&n->list_lock, lock_flags);
	return slab;
}

static struct slab *new_slab(struct kmem_cache *s, gfp_t flags)
{
	if (unlikely(flags & GFP_SLAB_BUG_MASK)) {
		pr_warn("%s: unexpected gfp %#x for a slab page, ignoring %#x\n", s->name, flags,
			flags & GFP_SLAB_BUG_MASK);
		flags &= ~GFP_SLAB_BUG_MASK;
	}
	return allocate_slab(s, flags);
}

/* Back to the page allocator, as a page allocator page again (Linux's __free_slab). */
static void __free_slab(struct kmem_cache *s, struct slab *slab)
{
	struct page *page = slab_page(slab);
	unsigned int order = slab_order(slab);

	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		/* Linux's slab_pad_check: the space after the last object is still untouched. */
		u8 *end = (u8 *)slab_address(slab) + slab_size(slab);
		unsigned int remainder = (unsigned int)slab_size(slab) % s->size;
		const u8 *fault = memchr_inv(end - remainder, POISON_INUSE, remainder);

		if ((s->flags & SLAB_POISON) && fault) {
			slab_err(s, slab, "Padding overwritten. %p-%p @offset=%lu", (void *)fault,
				 (void *)(end - 1),
				 (unsigned long)(fault - (u8 *)slab_address(slab)));
			print_section("Padding ", fault, (unsigned int)(end - fault));
		}
	}
	__ClearPageSlab(page);
	page->mapping = NULL;
	page_mapcount_reset(page);
	__free_pages(page, order);
}

/* The slab has no allocated object left: free it (caller holds no lock). */
static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;

	spin_lock_irqsave(&n->list_lock, flags);
	n->nr_slabs--;
	n->nr_pages -= 1UL << slab_order(slab);
	n->total_objects -= slab->objects;
	spin_unlock_irqrestore(&n->list_lock, flags);
	__free_slab(s, slab);
}

/* ---------------------------------------------------------------- CPU slabs */

/*
 * Take @slab's own freelist for the CPU that owns (or is about to own)
 * it: all its objects count as in use until they come back.  Called with
 * the list_lock held.  A slab with nothing free stops being frozen: it is
 * full and on no list, and a free will put it on the partial list.
 */
static void *freeze_freelist(struct slab *slab)
{
	void *freelist = slab->freelist;

	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = freelist != NULL;
	return freelist;
}

/*
 * The CPU gives up @slab: the objects on its CPU freelist go back to the
 * slab, which goes to the partial list, or to the page allocator if it is
 * empty and enough empty slabs wait already (Linux's deactivate_slab).
 */
static void deactivate_slab(struct kmem_cache *s, struct slab *slab, void *freelist)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;
	bool discard = false;

	spin_lock_irqsave(&n->list_lock, flags);
	while (freelist) {
		void *next = get_freepointer(s, freelist);

		set_freepointer(s, freelist, slab->freelist);
		slab->freelist = freelist;
		slab->inuse--;
		freelist = next;
	}
	slab->frozen = 0;
	if (!slab->inuse && n->nr_partial >= s->min_partial)
		discard = true;
	else if (slab->freelist)
		add_partial(n, slab, true);
	spin_unlock_irqrestore(&n->list_lock, flags);
	if (discard)
		discard_slab(s, slab);
}

/*
 * Return this CPU's slab of the cache @info to the node; on_each_cpu()
 * runs it on every CPU (Linux's flush_all() queues it as work on each).
 * Only the owner touches its kmem_cache_cpu, with interrupts masked.
 */
static void flush_cpu_slab(void *info)
{
	struct kmem_cache *s = info;
	struct kmem_cache_cpu *c = &s->cpu_slab[smp_processor_id()];
	unsigned long flags = arch_local_irq_save();
	struct slab *slab = c->slab;
	void *freelist = c->freelist;

	c->slab = NULL;
	c->freelist = NULL;
	arch_local_irq_restore(flags);
	if (slab)
		deactivate_slab(s, slab, freelist);
}

/* A slab with free objects from the partial list, frozen; its freelist in @freelist. */
static struct slab *get_partial(struct kmem_cache *s, void **freelist)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct slab *slab = NULL;
	unsigned long flags;

	if (!READ_ONCE(n->nr_partial))
		return NULL;
	spin_lock_irqsave(&n->list_lock, flags);
	if (n->nr_partial) {
		slab = list_first_entry(&n->partial, struct slab, slab_list);
		remove_partial(n, slab);
		*freelist = freeze_freelist(slab);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return slab;
}

static unsigned long count_partial_free(struct kmem_cache_node *n);

/* No slab could be had (Linux's slab_out_of_memory, its format). */
static noinline void slab_out_of_memory(struct kmem_cache *s, gfp_t gfpflags)
{
	struct kmem_cache_node *n = get_node(s, 0);
	char names[192];

	if (gfpflags & __GFP_NOWARN)
		return;
	format_gfp_flags(gfpflags, names, sizeof(names));
	pr_warn("SLUB: Unable to allocate memory on node -1, gfp=%#x(%s)\n", gfpflags, names);
	pr_warn("  cache: %s, object size: %u, buffer size: %u, default order: %u, min order: %u\n",
		s->name, s->object_size, s->size, oo_order(s->oo), oo_order(s->min));
	pr_warn("  node 0: slabs: %lu, objs: %lu, free: %lu\n", n->nr_slabs, n->total_objects,
		count_partial_free(n));
}

/*
 * The slow path of an allocation (Linux's ___slab_alloc): the CPU's
 * freelist is empty.  Called with interrupts off; returns an object and
 * leaves the CPU's freelist at the next one.
 */
static noinline void *__slab_alloc(struct kmem_cache *s, gfp_t gfpflags, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct slab *slab = c->slab;
	void *freelist = NULL;

	if (slab) {
		/* Objects freed into our slab by other paths wait on the slab's own list. */
		spin_lock(&n->list_lock);
		freelist = freeze_freelist(slab);
		spin_unlock(&n->list_lock);
		if (!freelist)
			c->slab = NULL;
	}
	if (!freelist) {
		slab = get_partial(s, &freelist);
		if (!slab) {
			slab = new_slab(s, gfpflags);
			if (unlikely(!slab)) {
				slab_out_of_memory(s, gfpflags);
				return NULL;
			}
			spin_lock(&n->list_lock);
			freelist = freeze_freelist(slab);
			spin_unlock(&n->list_lock);
		}
		c->slab = slab;
	}
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

/*
 * A debug cache's allocation: one object straight from a partial or new
 * slab under the list_lock, checked (Linux's alloc_single_from_partial
 * and alloc_single_from_new_slab).
 */
static noinline void *debug_slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct slab *slab;
	unsigned long flags;
	void *object;

	spin_lock_irqsave(&n->list_lock, flags);
	for (;;) {
		if (list_empty(&n->partial)) {
			spin_unlock_irqrestore(&n->list_lock, flags);
			slab = new_slab(s, gfpflags);
			if (!slab) {
				slab_out_of_memory(s, gfpflags);
				return NULL;
			}
			spin_lock_irqsave(&n->list_lock, flags);
			add_partial(n, slab, false);
		}
		slab = list_first_entry(&n->partial, struct slab, slab_list);
		object = slab->freelist;
		if (alloc_debug_processing(s, slab, object, addr))
			break;
		/* The slab is corrupted and now marked full: try the next one. */
		remove_partial(n, slab);
		add_full(s, n, slab);
	}
	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	if (!slab->freelist) {
		remove_partial(n, slab);
		add_full(s, n, slab);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return object;
}

/*
 * The rest of an allocation whose CPU freelist was empty (always so for a
 * debug cache, whose CPUs never own a slab).  Entered with interrupts off
 * (@irqflags to restore).
 */
static noinline void *slab_alloc_refill(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr,
					unsigned long irqflags)
{
	void *object;

	if (kmem_cache_debug(s)) {
		arch_local_irq_restore(irqflags);
		object = debug_slab_alloc(s, gfpflags, addr);
	} else {
		object = __slab_alloc(s, gfpflags, &s->cpu_slab[smp_processor_id()]);
		arch_local_irq_restore(irqflags);
		if (object)
			*(void **)((char *)object + s->offset) = NULL;
	}
	if (object && (gfpflags & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

static noinline void *slab_alloc_zero(struct kmem_cache *s, void *object)
{
	return memset(object, 0, s->object_size);
}

/*
 * Every allocation: the CPU's next free object, with interrupts off for
 * the time it takes to unlink it (Linux's slab_alloc_node).  The
 * free-pointer word is cleared, so that a later free can tell an
 * allocated object from one on a freelist (see slab_free).
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	unsigned long flags = arch_local_irq_save();
	struct kmem_cache_cpu *c = &s->cpu_slab[smp_processor_id()];
	void *object = c->freelist, **fp_slot;

	if (unlikely(!object))
		return slab_alloc_refill(s, gfpflags, addr, flags);
	fp_slot = (void **)((char *)object + s->offset);
	c->freelist = freelist_ptr(s, *fp_slot, (unsigned long)fp_slot);
	arch_local_irq_restore(flags);
	*fp_slot = NULL;
	if (unlikely(gfpflags & __GFP_ZERO))
		return slab_alloc_zero(s, object);
	return object;
}

/*
 * A free into a slab this CPU does not own, or of a debug cache (Linux's
 * __slab_free and free_to_partial_list): onto the slab's own freelist
 * under the list_lock, moving the slab between lists as its use changes.
 */
static noinline void __slab_free(struct kmem_cache *s, struct slab *slab, void *object,
				 unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;
	bool discard = false;
	void *prior;

	spin_lock_irqsave(&n->list_lock, flags);
	/* slab_free() checked the others. */
	if (kmem_cache_debug(s) && (!free_consistency_checks(s, slab, object, addr) ||
				    !free_debug_processing(s, slab, object, addr))) {
		spin_unlock_irqrestore(&n->list_lock, flags);
		return;
	}
	prior = slab->freelist;
	set_freepointer(s, object, prior);
	slab->freelist = object;
	slab->inuse--;
	if (slab->frozen) {
		/* Its CPU takes the object when its own freelist runs out. */
	} else if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, slab);
		else
			remove_full(s, slab);
		discard = true;
	} else if (!prior) {
		remove_full(s, slab);
		add_partial(n, slab, true);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	if (discard)
		discard_slab(s, slab);
}

/*
 * A free that looked wrong (or maybe a debug cache's): the full checks,
 * which report what is wrong, then the slow free if it is fine.
 */
static noinline void slab_free_slow(struct kmem_cache *s, struct slab *slab, void *object,
				    unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;
	bool ok = true;

	/* A debug cache's __slab_free makes these checks itself. */
	if (!kmem_cache_debug(s)) {
		spin_lock_irqsave(&n->list_lock, flags);
		ok = free_consistency_checks(s, slab, object, addr);
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	if (ok)
		__slab_free(s, slab, object, addr);
}

/*
 * Every free of an object of @s in @slab, @off bytes from its start
 * (Linux's do_slab_free).  Two checks come first, whatever the debug
 * flags: the pointer must be an object's start, and the object must not
 * be free already.  A free object's free-pointer word decodes to NULL or
 * an address in its slab; an allocated one's (cleared by slab_alloc, or
 * the user's data) all but never does, and only then are the freelists
 * searched, so a double free is always caught and a valid free costs a
 * few instructions.  A debug cache's CPUs own no slab, so its frees end
 * in __slab_free whichever way they go.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct slab *slab, void *object,
				      unsigned long off, unsigned long addr)
{
	void **fp_slot = (void **)((char *)object + s->offset);
	unsigned long random = s->random;
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *fp;

	/* Not an object: its free-pointer word is no word of ours to read. */
	if (unlikely(!offset_is_object(s, slab, off))) {
		slab_free_slow(s, slab, object, addr);
		return;
	}
	fp = (void *)((unsigned long)*fp_slot ^ random ^ (unsigned long)fp_slot);
	if (unlikely(!fp ||
		     (unsigned long)((char *)fp - ((char *)object - off)) < slab_size(slab))) {
		slab_free_slow(s, slab, object, addr);
		return;
	}
	flags = arch_local_irq_save();
	c = &s->cpu_slab[smp_processor_id()];
	if (likely(slab == c->slab)) {
		*fp_slot = (void *)((unsigned long)c->freelist ^ random ^ (unsigned long)fp_slot);
		c->freelist = object;
		arch_local_irq_restore(flags);
		return;
	}
	arch_local_irq_restore(flags);
	__slab_free(s, slab, object, addr);
}

/* ---------------------------------------------------------------- the interface */

/**
 * kmem_cache_alloc - allocate an object of @s
 * @s: the cache
 * @flags: GFP flags (for new slabs; __GFP_ZERO zeroes the object)
 *
 * Returns the object, or NULL if no slab could be allocated.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags, _RET_IP_);
}

/* kfree()/kmem_cache_free() of a pointer that is in no slab. */
static noinline void bad_kfree(const void *x, struct page *page, unsigned long addr)
{
	scnprintf(slab_last_bug, sizeof(slab_last_bug), "kfree of a pointer not from kmalloc");
	pr_err("BUG: kfree(%p) from %pS: %s\n", x, (void *)addr,
	       page ? "not an object of any slab nor a kmalloc'ed block" : "not in the linear map");
	if (page)
		dump_page(page, "kfree of a pointer kmalloc did not return");
	slab_bug_reports++;
}

/*
 * The first page of the block @x is in, @page set to @x's own page; NULL
 * (reported) if @x is not in the linear map, where no kmalloc memory is.
 */
static __always_inline struct page *object_head(const void *x, struct page **page,
						unsigned long addr)
{
	if (unlikely(!in_linear_map(x))) {
		bad_kfree(x, NULL, addr);
		return NULL;
	}
	*page = linear_page(x);
	return compound_head(*page);
}

/**
 * kmem_cache_free - free an object of @s
 * @s: the cache it was allocated from
 * @x: the object
 *
 * An object of another cache is freed to its own cache after a warning,
 * as Linux's cache_from_obj() does; a pointer that is not an allocated
 * object is reported and left alone.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct page *page, *head = object_head(x, &page, _RET_IP_);
	struct slab *slab;

	if (unlikely(!head))
		return;
	if (unlikely(!PageSlab(head))) {
		bad_kfree(x, head, _RET_IP_);
		return;
	}
	slab = page_slab(head);
	if (unlikely(slab->slab_cache != s)) {
		pr_warn("%s: Wrong slab cache. %s but object is from %s\n", __func__, s->name,
			slab->slab_cache->name);
		s = slab->slab_cache;
	}
	slab_free(s, slab, x, offset_in_slab(x, page, slab), _RET_IP_);
}

/* kmalloc's caches by size up to 192, in 8-byte steps (Linux's size_index). */
static const u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6, /* 8 .. 64 */
	1, 1, 1, 1,		/* 72 .. 96 */
	7, 7, 7, 7,		/* 104 .. 128 */
	2, 2, 2, 2, 2, 2, 2, 2, /* 136 .. 192 */
};

/* The kmalloc cache for @size (1..KMALLOC_MAX_CACHE_SIZE) without a chain of compares. */
static inline struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int index;

	if (size <= 192)
		index = size_index[(size - 1) / 8];
	else
		index = (unsigned int)(8 * sizeof(long)) - (unsigned int)__builtin_clzl(size - 1);
	return kmalloc_caches[index];
}

/**
 * kmalloc_large - allocate @size bytes as a compound block from the page allocator
 * @size: bytes (above KMALLOC_MAX_CACHE_SIZE, as kmalloc() uses it)
 * @flags: GFP flags; __GFP_HIGHMEM and __GFP_MOVABLE are ignored
 */
void *kmalloc_large(size_t size, gfp_t flags)
{
	struct page *page;

	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		if (!(flags & __GFP_NOWARN))
			pr_warn("kmalloc: %zu bytes is more than the largest block (%zu)\n", size,
				KMALLOC_MAX_SIZE);
		return NULL;
	}
	page = alloc_pages((flags & ~GFP_SLAB_BUG_MASK) | __GFP_COMP, get_order(size));
	return page ? page_address(page) : NULL;
}

/**
 * __kmalloc - kmalloc() of a size not known at compile time
 * @size: bytes
 * @flags: GFP flags
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	return slab_alloc(kmalloc_slab(size), flags, _RET_IP_);
}

/**
 * kmalloc_trace - kmalloc() from a cache chosen at compile time
 * @s: the kmalloc cache
 * @flags: GFP flags
 * @size: the size asked for (Linux traces it)
 */
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	(void)size;
	return slab_alloc(s, flags, _RET_IP_);
}

/* kfree() of something that is not in a slab: a kmalloc_large() block, or a mistake. */
static noinline void free_large_kmalloc(struct page *page, const void *x, unsigned long addr)
{
	if (unlikely(!PageHead(page) || x != page_address(page))) {
		bad_kfree(x, page, addr);
		return;
	}
	__free_pages(page, compound_order(page));
}

/**
 * kfree - free what kmalloc() (or krealloc()) returned
 * @x: the object; NULL and ZERO_SIZE_PTR are ignored
 *
 * Anything else that is not an allocated kmalloc object (a pointer into
 * the middle of one, an object freed already, an address of another
 * allocator) is reported and left alone.
 */
void kfree(const void *x)
{
	struct page *page, *head;
	struct slab *slab;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	head = object_head(x, &page, _RET_IP_);
	if (unlikely(!head))
		return;
	if (unlikely(!PageSlab(head))) {
		free_large_kmalloc(head, x, _RET_IP_);
		return;
	}
	slab = page_slab(head);
	slab_free(slab->slab_cache, slab, (void *)x, offset_in_slab(x, page, slab), _RET_IP_);
}

/* The bytes of an object of @s its user may use (Linux's slab_ksize). */
static unsigned int slab_ksize(const struct kmem_cache *s)
{
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON))
		return s->object_size;
	if (s->flags & SLAB_STORE_USER)
		return s->inuse;
	return s->size;
}

/**
 * ksize - how many bytes the object at @x really has
 * @x: what kmalloc() returned
 *
 * At least what was asked for: the size class, or the whole block of a
 * large allocation.  0 for NULL, ZERO_SIZE_PTR and pointers kmalloc did
 * not return.
 */
size_t ksize(const void *x)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)) || !in_linear_map(x))
		return 0;
	page = compound_head(linear_page(x));
	if (PageSlab(page))
		return slab_ksize(page_slab(page)->slab_cache);
	if (PageHead(page) && x == page_address(page))
		return PAGE_SIZE << compound_order(page);
	return 0;
}

/**
 * krealloc - resize the kmalloc object @p to @new_size bytes
 * @p: the object, or NULL (then it is kmalloc())
 * @new_size: bytes; 0 frees @p and returns ZERO_SIZE_PTR
 * @flags: GFP flags for a new object
 *
 * Keeps @p if it is big enough already; otherwise copies it into a new
 * object and frees it.  On failure returns NULL and @p is untouched.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks = ZERO_OR_NULL_PTR(p) ? 0 : ksize(p);
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (ks >= new_size)
		return (void *)p;
	ret = __kmalloc(new_size, flags);
	if (ret && ks) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}

/* ---------------------------------------------------------------- cache layout */

static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order;

	if (order_objects(slub_min_order, size) > MAX_OBJS_PER_PAGE)
		return get_order((size_t)size * MAX_OBJS_PER_PAGE) - 1;
	for (order = max(slub_min_order, get_order((size_t)min_objects * size)); order <= max_order;
	     order++) {
		unsigned int slab_size = (unsigned int)PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/*
 * The CPUs a slab is sized for (Linux's rule in calculate_order): the
 * present ones, or every possible one while only the boot CPU is present.
 * kmem_cache_init runs before smp_init marks the others present, and with
 * nosmp they never are; the count comes out as the DT's CPUs either way,
 * however many QEMU or maxcpus= let run.
 */
static unsigned int slab_nr_cpus(void)
{
	unsigned int nr_cpus = num_present_cpus();

	return nr_cpus > 1 ? nr_cpus : nr_cpu_ids;
}

/*
 * Linux's calculate_order: the smallest order that holds enough objects
 * (4 * (fls(CPUs) + 1), so a CPU rarely comes back for a slab) and wastes
 * at most 1/16 of the slab, relaxing the waste to 1/4 and then the object
 * count until something fits below slub_max_order.
 */
static int calculate_order(unsigned int size)
{
	unsigned int min_objects = slub_min_objects, max_objects, order;

	if (!min_objects)
		min_objects =
			4 * ((unsigned int)(32 - __builtin_clz(slab_nr_cpus())) + 1); /* fls */
	max_objects = order_objects(slub_max_order, size);
	min_objects = min(min_objects, max_objects);
	while (min_objects > 1) {
		for (unsigned int fraction = 16; fraction >= 4; fraction /= 2) {
			order = calc_slab_order(size, min_objects, slub_max_order, fraction);
			if (order <= slub_max_order)
				return (int)order;
		}
		min_objects--;
	}
	order = calc_slab_order(size, 1, slub_max_order, 1);
	if (order <= slub_max_order)
		return (int)order;
	order = calc_slab_order(size, 1, MAX_ORDER, 1);
	if (order < MAX_ORDER)
		return (int)order;
	return -ENOSYS;
}

/*
 * Where everything of an object goes (Linux's calculate_sizes):
 *
 *   | left red zone | object | right red zone | free ptr | tracks | pad |
 *                   ^ object ^ object_size    ^ inuse                   ^ size
 *
 * The free pointer sits in the middle of the object when nothing needs
 * the object's bytes while it is free (no poison, no constructor), else
 * after it.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((flags & SLAB_POISON) && !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor ||
	    ((flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *))) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, (unsigned int)sizeof(void *));
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;
	s->reciprocal_size = (unsigned int)(((1ULL << 32) + size - 1) / size);
	order = calculate_order(size);
	if (order < 0)
		return false;
	s->allocflags = order ? __GFP_COMP : 0;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make((unsigned int)order, size);
	s->min = oo_make(get_order(size), size);
	return oo_objects(s->oo) > 0;
}

/* Linux's calculate_alignment: SLAB_HWCACHE_ALIGN packs small objects into a line, not one each. */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/* ilog2(size) / 2 empty slabs kept, within [MIN_PARTIAL, MAX_PARTIAL] (Linux's set_min_partial). */
static void set_min_partial(struct kmem_cache *s)
{
	unsigned long min = (unsigned long)(31 - __builtin_clz(s->size)) / 2;

	s->min_partial = clamp(min, (unsigned long)MIN_PARTIAL, (unsigned long)MAX_PARTIAL);
}

/*
 * The free-pointer key of each cache.  There is no entropy source yet, so
 * this is a fixed xorshift sequence: it keeps stale words from decoding as
 * free pointers (see slab_free), not secrets from an attacker.  The top
 * bit is set so that a cleared word (0) never decodes into its own slab.
 */
static unsigned long next_freelist_random(void)
{
	static u32 state = 0x9e3779b9u;
	unsigned long r;

	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	r = state;
	if (sizeof(long) > 4)
		r = (r << 31) ^ state;
	return r | (1UL << (BITS_PER_LONG - 1));
}

static slab_flags_t kmem_cache_flags(slab_flags_t flags, const char *name);

static int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = kmem_cache_flags(flags, name);
	s->align = calculate_alignment(flags, align, size);
	s->refcount = 1;
	s->random = next_freelist_random();
	if (!calculate_sizes(s))
		return -EINVAL;
	set_min_partial(s);
	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		spin_lock_init(&n->list_lock);
		INIT_LIST_HEAD(&n->partial);
		INIT_LIST_HEAD(&n->full);
	}
	spin_lock(&slab_mutex);
	list_add(&s->list, &slab_caches);
	spin_unlock(&slab_mutex);
	return 0;
}

/**
 * kmem_cache_create - a new cache of @size-byte objects
 * @name: shown in reports and slabinfo; must stay valid while the cache exists
 * @size: object size, 1 .. KMALLOC_MAX_SIZE
 * @align: minimum alignment (0: none beyond ARCH_SLAB_MINALIGN)
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_PANIC, SLAB_RECLAIM_ACCOUNT, debug flags
 *         (slub_debug= may add more)
 * @ctor: called once on each object when its slab is created, or NULL
 *
 * Returns the cache, or NULL (reported; a panic with SLAB_PANIC).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (!name)
		pr_err("kmem_cache_create: no name\n");
	else if (!size || size > KMALLOC_MAX_SIZE)
		pr_err("kmem_cache_create(%s): object size %u is not 1..%zu\n", name, size,
		       KMALLOC_MAX_SIZE);
	else if (align & (align - 1))
		pr_err("kmem_cache_create(%s): align %u is not a power of two\n", name, align);
	else if (flags & ~CACHE_CREATE_MASK)
		pr_err("kmem_cache_create(%s): unknown flags %#x\n", name,
		       flags & ~CACHE_CREATE_MASK);
	else
		err = -ENOMEM;
	if (err == -EINVAL)
		goto out;
	s = kmem_cache_alloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	err = kmem_cache_open(s, name, size, align, flags, ctor);
	if (err) {
		kmem_cache_free(kmem_cache, s);
		s = NULL;
	}
out:
	if (err) {
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: Failed to create slab '%s'. Error %d\n",
			      name ? name : "(null)", err);
		pr_warn("kmem_cache_create(%s) failed with error %d\n", name ? name : "(null)",
			err);
	}
	return s;
}

/* Partial slabs are sorted into this many lists by free objects (Linux's SHRINK_PROMOTE_MAX). */
#define SHRINK_PROMOTE_MAX 32

/*
 * Free every empty slab on the partial list, whatever min_partial says,
 * and order the rest fullest first, so allocations fill the slabs that are
 * nearly full and the nearly empty ones get a chance to empty (Linux's
 * __kmem_cache_do_shrink).
 */
static void shrink_partial(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct list_head promote[SHRINK_PROMOTE_MAX];
	struct slab *slab, *tmp;
	unsigned long flags;
	LIST_HEAD(discard);

	for (int i = 0; i < SHRINK_PROMOTE_MAX; i++)
		INIT_LIST_HEAD(&promote[i]);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe (slab, tmp, &n->partial, slab_list) {
		unsigned int free = slab->objects - slab->inuse;

		if (!slab->inuse) {
			remove_partial(n, slab);
			list_add(&slab->slab_list, &discard);
		} else if (free <= SHRINK_PROMOTE_MAX) {
			list_move(&slab->slab_list, &promote[free - 1]);
		}
	}
	/* The fewest free objects first; slabs with more than 32 free stay behind. */
	for (int i = SHRINK_PROMOTE_MAX - 1; i >= 0; i--)
		list_splice_init(&promote[i], &n->partial);
	spin_unlock_irqrestore(&n->list_lock, flags);
	list_for_each_entry_safe (slab, tmp, &discard, slab_list)
		discard_slab(s, slab);
}

/**
 * kmem_cache_shrink - give every slab of @s with no allocated object back
 * @s: the cache
 *
 * The CPUs' slabs are returned to the partial list first; what stays
 * there is ordered fullest first.  Returns 0.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	on_each_cpu(flush_cpu_slab, s, 1);
	shrink_partial(s);
	return 0;
}

/**
 * kmem_cache_destroy - remove the cache @s
 * @s: the cache, or NULL
 *
 * Every object must have been freed.  If some are not, the cache stays
 * (reported, as Linux's "Slab cache still has objects").
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	struct kmem_cache_node *n;

	if (!s)
		return;
	kmem_cache_shrink(s);
	n = get_node(s, 0);
	if (n->nr_slabs) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		       s->name, (void *)_RET_IP_);
		return;
	}
	spin_lock(&slab_mutex);
	list_del(&s->list);
	spin_unlock(&slab_mutex);
	kmem_cache_free(kmem_cache, s);
}

/** kmem_cache_name - the name @s was created with */
const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/** kmem_cache_size - the object size @s was created with */
unsigned int kmem_cache_size(const struct kmem_cache *s)
{
	return s->object_size;
}

/* ---------------------------------------------------------------- slub_debug= */

#define MAX_DEBUG_BLOCKS 8

/* slub_debug=FLAGS,name,...;FLAGS,...: debug flags for the named caches. */
static struct slub_debug_block {
	slab_flags_t flags;
	const char *names; /* comma-separated, into slub_debug_string */
} slub_debug_blocks[MAX_DEBUG_BLOCKS];
static int nr_slub_debug_blocks;
static slab_flags_t slub_debug; /* for every cache not named in a block */
static char slub_debug_string[256];

/* One block's option letters, up to ',' ';' or the end; -1 for an unknown letter. */
static long parse_slub_debug_flags(const char **str)
{
	slab_flags_t flags = 0;
	const char *p = *str;

	/* No letters at all: everything (Linux's DEBUG_DEFAULT_FLAGS, F Z P U). */
	if (!*p || *p == ',' || *p == ';')
		flags = SLAB_DEBUG_FLAGS;
	for (; *p && *p != ',' && *p != ';'; p++) {
		switch (*p | 0x20) {
		case 'f':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'p':
			flags |= SLAB_POISON;
			break;
		case 'u':
			flags |= SLAB_STORE_USER;
			break;
		case '-':
			flags = 0;
			break;
		default:
			pr_err("slub_debug option '%c' unknown (we have F, Z, P, U and -), "
			       "parameter ignored\n",
			       *p);
			return -1;
		}
	}
	*str = p;
	return (long)flags;
}

/**
 * slub_debug_param - parse "slub_debug" or "slub_debug=VALUE" (Linux's syntax)
 * @val: NULL for the bare option (everything on for every cache), else
 *       blocks separated by ';' of FLAGS[,cache[,cache...]], a cache name
 *       ending in '*' matching every name with that prefix
 *
 * Returns 0, or -EINVAL (reported; debugging stays as it was).
 */
int slub_debug_param(char *val)
{
	struct slub_debug_block blocks[MAX_DEBUG_BLOCKS];
	slab_flags_t global = 0;
	int nr = 0;
	char *p;

	if (!val) {
		slub_debug = SLAB_DEBUG_FLAGS;
		nr_slub_debug_blocks = 0;
		return 0;
	}
	if (strlen(val) >= sizeof(slub_debug_string)) {
		pr_err("slub_debug: value longer than %zu characters, ignored\n",
		       sizeof(slub_debug_string) - 1);
		return -EINVAL;
	}
	strcpy(slub_debug_string, val);
	p = slub_debug_string;
	while (*p) {
		const char *q = p;
		long flags = parse_slub_debug_flags(&q);

		if (flags < 0)
			return -EINVAL;
		p = (char *)q;
		if (*p == ',') {
			if (nr == MAX_DEBUG_BLOCKS) {
				pr_err("slub_debug: more than %d blocks, ignored\n",
				       MAX_DEBUG_BLOCKS);
				return -EINVAL;
			}
			blocks[nr].flags = (slab_flags_t)flags;
			blocks[nr++].names = ++p;
			while (*p && *p != ';')
				p++;
		} else {
			global = (slab_flags_t)flags;
		}
		if (*p == ';')
			*p++ = '\0';
	}
	slub_debug = global;
	memcpy(slub_debug_blocks, blocks, sizeof(blocks));
	nr_slub_debug_blocks = nr;
	return 0;
}

static int __init early_slub_debug(char *val)
{
	return slub_debug_param(val);
}
early_param("slub_debug", early_slub_debug);

/* Does @name match one entry of the comma-separated @list ("kmalloc-*" globs)? */
static bool name_in_list(const char *name, const char *list)
{
	while (*list) {
		size_t len = strcspn(list, ",");
		const char *glob = memchr(list, '*', len);

		if (glob ? !strncmp(name, list, (size_t)(glob - list))
			 : strlen(name) == len && !strncmp(name, list, len))
			return true;
		list += len;
		if (*list == ',')
			list++;
	}
	return false;
}

/* The debug flags slub_debug= gives a cache called @name, added to @flags. */
static slab_flags_t kmem_cache_flags(slab_flags_t flags, const char *name)
{
	for (int i = 0; i < nr_slub_debug_blocks; i++)
		if (name_in_list(name, slub_debug_blocks[i].names))
			return flags | slub_debug_blocks[i].flags;
	return flags | slub_debug;
}

/* ---------------------------------------------------------------- boot, slabinfo */

static const char *const kmalloc_names[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = "kmalloc-96",  [2] = "kmalloc-192", [3] = "kmalloc-8",   [4] = "kmalloc-16",
	[5] = "kmalloc-32",  [6] = "kmalloc-64",  [7] = "kmalloc-128", [8] = "kmalloc-256",
	[9] = "kmalloc-512", [10] = "kmalloc-1k", [11] = "kmalloc-2k", [12] = "kmalloc-4k",
	[13] = "kmalloc-8k",
};

static unsigned int kmalloc_size(unsigned int index)
{
	return index == 1 ? 96 : index == 2 ? 192 : 1u << index;
}

/*
 * Linux's create_kmalloc_caches: the power-of-two caches in order, 96 and 192
 * where they fit.  A power-of-two cache is aligned to its size, as Linux's
 * create_boot_cache() does, so kmalloc(2^n) stays naturally aligned when
 * slub_debug's red zones and tracks make the slots bigger.
 */
static void create_kmalloc_caches(void)
{
	for (unsigned int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i], kmalloc_size(i),
						      kmalloc_size(i), SLAB_PANIC, NULL);
		if (i == 6)
			kmalloc_caches[1] =
				kmem_cache_create(kmalloc_names[1], 96, 0, SLAB_PANIC, NULL);
		if (i == 7)
			kmalloc_caches[2] =
				kmem_cache_create(kmalloc_names[2], 192, 0, SLAB_PANIC, NULL);
	}
}

/**
 * kmem_cache_init - bring up the slab allocator
 *
 * Called once the page allocator is ready (start_kernel, after CMA's
 * areas are lent): the cache of caches, then the kmalloc caches.  Prints
 * Linux's "SLUB: HWalign=..." line.  It starts from scratch every time,
 * so host tests may boot many times.
 */
void kmem_cache_init(void)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];

	INIT_LIST_HEAD(&slab_caches);
	memset(kmalloc_caches, 0, sizeof(kmalloc_caches));
	linear.map = mem_map;
	linear.pages = zone_end_pfn(normal) - ARCH_PFN_OFFSET;
	kmem_cache = &kmem_cache_boot;
	if (kmem_cache_open(kmem_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
			    SLAB_HWCACHE_ALIGN, NULL))
		panic("SLUB: cannot create the kmem_cache cache\n");
	create_kmalloc_caches();
	pr_info("SLUB: HWalign=%d, Order=%u-%u, MinObjects=%u, CPUs=%u, Nodes=%d\n", L1_CACHE_BYTES,
		slub_min_order, slub_max_order, slub_min_objects, nr_cpu_ids, MAX_NUMNODES);
}

/* Free objects on the node's partial list (Linux's count_partial(n, count_free)). */
static unsigned long count_partial_free(struct kmem_cache_node *n)
{
	unsigned long flags, x = 0;
	struct slab *slab;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry (slab, &n->partial, slab_list)
		x += slab->objects - slab->inuse;
	spin_unlock_irqrestore(&n->list_lock, flags);
	return x;
}

/**
 * get_slabinfo - one cache's /proc/slabinfo numbers
 * @s: the cache
 * @sinfo: filled in
 *
 * As Linux, objects on a CPU's freelist count as active: they belong to
 * that CPU's slab.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	struct kmem_cache_node *n = get_node(s, 0);

	memset(sinfo, 0, sizeof(*sinfo));
	sinfo->num_slabs = n->nr_slabs;
	sinfo->active_slabs = n->nr_slabs;
	sinfo->num_objs = n->total_objects;
	sinfo->active_objs = n->total_objects - count_partial_free(n);
	sinfo->objects_per_slab = oo_objects(s->oo);
	sinfo->cache_order = oo_order(s->oo);
}

/* Objects on a freelist that is walked, with a bound against a corrupted (looping) list. */
static unsigned long count_freelist(struct kmem_cache *s, void *fp, unsigned int bound)
{
	unsigned long n = 0;

	while (fp && n <= bound) {
		fp = get_freepointer(s, fp);
		n++;
	}
	return n;
}

/**
 * kmem_cache_free_objects - every free object of @s, exactly
 * @s: the cache
 *
 * Those on the partial slabs, on the CPUs' freelists and waiting on their
 * frozen slabs: total_objects minus this is what is allocated.  For tests
 * and benchmarks (it walks the CPU freelists).
 */
unsigned long kmem_cache_free_objects(struct kmem_cache *s)
{
	unsigned long x = count_partial_free(get_node(s, 0));
	int cpu;

	for_each_possible_cpu (cpu) {
		struct kmem_cache_cpu *c = &s->cpu_slab[cpu];

		if (c->slab)
			x += count_freelist(s, c->freelist, c->slab->objects) +
			     count_freelist(s, c->slab->freelist, c->slab->objects);
	}
	return x;
}

/** kmalloc_caches_pages - pages held by the slabs of every kmalloc cache */
unsigned long kmalloc_caches_pages(void)
{
	unsigned long pages = 0;

	for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
		if (kmalloc_caches[i])
			pages += get_node(kmalloc_caches[i], 0)->nr_pages;
	return pages;
}

/**
 * print_slabinfo - print Linux's /proc/slabinfo table
 *
 * Version 2.1, newest cache first, with SLAB's tunables as SLUB shows
 * them (all 0).
 */
void print_slabinfo(void)
{
	struct kmem_cache *s;

	pr_info("slabinfo - version: 2.1\n");
	pr_info("# name            <active_objs> <num_objs> <objsize> <objperslab> "
		"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
		"<active_slabs> <num_slabs> <sharedavail>\n");
	/* Printed under the lock: a report, and no cache is created meanwhile. */
	spin_lock(&slab_mutex);
	list_for_each_entry (s, &slab_caches, list) {
		struct slabinfo si;

		get_slabinfo(s, &si);
		pr_info("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu "
			"%6lu\n",
			s->name, si.active_objs, si.num_objs, s->size, si.objects_per_slab,
			1 << si.cache_order, 0, 0, 0, si.active_slabs, si.num_slabs, 0UL);
	}
	spin_unlock(&slab_mutex);
}

static bool slabinfo_at_boot_requested;

/* "slabinfo": the table at the end of the boot (ours; Linux has /proc/slabinfo). */
static int __init early_slabinfo(char *val)
{
	if (val) {
		pr_err("slabinfo=%s: slabinfo takes no value, parameter ignored\n", val);
		return -EINVAL;
	}
	slabinfo_at_boot_requested = true;
	return 0;
}
early_param("slabinfo", early_slabinfo);

/**
 * slub_params_reset - forget "slub_debug=" and "slabinfo"
 *
 * Not in Linux (which boots once): the host tests and the fuzzers parse
 * many command lines in one process.  Caches already made keep their flags.
 */
void slub_params_reset(void)
{
	slub_debug = 0;
	nr_slub_debug_blocks = 0;
	memset(slub_debug_blocks, 0, sizeof(slub_debug_blocks));
	memset(slub_debug_string, 0, sizeof(slub_debug_string));
	slabinfo_at_boot_requested = false;
}

/** slabinfo_at_boot - print_slabinfo() if "slabinfo" was on the command line */
void slabinfo_at_boot(void)
{
	if (slabinfo_at_boot_requested)
		print_slabinfo();
}
