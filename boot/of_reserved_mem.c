// SPDX-License-Identifier: GPL-2.0
/*
 * /memreserve/ and /reserved-memory: the memory a DT withholds from the
 * kernel's general use.
 *
 * The shape is Linux's (drivers/of/fdt.c and of_reserved_mem.c): static
 * regions are reserved in a first pass, so that the dynamic ones placed in
 * the second pass cannot land on them; then each region is offered to the
 * initialisers registered for its compatible.  Lines Linux prints are
 * printed with Linux's wording and prefix, including the "OF: fdt:" ones of
 * the first pass, which lives in Linux's fdt.c.
 *
 * Where Linux trusts the DT, this file checks it, because a wrong
 * reservation here is a wrong memory map for the rest of the boot: a
 * region over the kernel or the DTB, one bigger than RAM, one that is
 * meant to be RAM but is not, reusable with no-map, alignments that are not
 * powers of two.  Each is reported with the node's name and skipped.
 * Linux's one quiet acceptance is kept: a no-map region entirely outside
 * RAM is device memory (vexpress's video RAM at 0x4c000000) and needs no
 * memblock change, so it is accepted and handed to its initialiser.
 */
#define pr_fmt(fmt) "OF: reserved mem: " fmt

#include "of_reserved_mem.h"
#include "of_fdt.h"
#include "kernel.h"
#include "printk.h"
#include "memblock.h"
#include "sort.h"
#include "cma.h"
#include <asm/cache.h>
#include <libfdt.h>
#include <string.h>

/* Lines Linux prints from drivers/of/fdt.c carry that file's prefix. */
#define FDT_PREFIX "OF: fdt: "

static struct reserved_mem reserved_mem[MAX_RESERVED_REGIONS];
static int reserved_mem_count;

/* DT reservations memblock could not make: each one is memory the allocator would get. */
static int nr_lost;

#define MAX_PROTECTED 4
static struct {
	phys_addr_t base, end;
	const char *what;
	bool refuse_memreserve;
} protected_ranges[MAX_PROTECTED];
static int nr_protected;

extern const struct reservedmem_of_id __start_reservedmem_of_table[];
extern const struct reservedmem_of_id __stop_reservedmem_of_table[];

/* ---------------------------------------------------------------- helpers */

static const void *blob(void)
{
	return early_fdt_info.blob;
}

static bool has_prop(int node, const char *name)
{
	return fdt_getprop(blob(), node, name, NULL) != NULL;
}

static const char *rmem_node_name(int node)
{
	const char *name = fdt_get_name(blob(), node, NULL);

	return name ? name : "?";
}

static bool is_pow2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

/* Bytes of [@base, @end) that memblock's memory set covers (any flags). */
static phys_addr_t memory_covered(phys_addr_t base, phys_addr_t end)
{
	struct memblock_region *r;
	phys_addr_t covered = 0;

	for_each_memblock (memory, r) {
		phys_addr_t lo = max(base, r->base), hi = min(end, r->base + r->size);

		if (lo < hi)
			covered += hi - lo;
	}
	return covered;
}

static int find_protected(phys_addr_t base, phys_addr_t end, bool memreserve)
{
	for (int i = 0; i < nr_protected; i++) {
		if (memreserve && !protected_ranges[i].refuse_memreserve)
			continue;
		if (base < protected_ranges[i].end && protected_ranges[i].base < end)
			return i;
	}
	return -1;
}

/**
 * of_reserved_mem_protect - name a range no DT reservation may touch
 * @base: physical base
 * @size: size in bytes
 * @what: what it is, for the message ("kernel image", "device tree blob")
 * @refuse_memreserve: refuse /memreserve/ entries over it too
 *
 * arm_memblock_init() protects the kernel image, the DTB and the initrd
 * before the scan: a /reserved-memory region over them (a no-map one would
 * unmap the running kernel) is reported and skipped.  /memreserve/ entries
 * are refused only over the kernel image: boot loaders routinely list the
 * DTB and the initrd there themselves (U-Boot does).  Up to four ranges.
 */
void of_reserved_mem_protect(phys_addr_t base, phys_addr_t size, const char *what,
			     bool refuse_memreserve)
{
	if (!size || nr_protected == MAX_PROTECTED)
		return;
	protected_ranges[nr_protected].base = base;
	protected_ranges[nr_protected].end = base + size;
	protected_ranges[nr_protected].what = what;
	protected_ranges[nr_protected].refuse_memreserve = refuse_memreserve;
	nr_protected++;
}

/* ---------------------------------------------------------------- /memreserve/ */

static void scan_memreserve(void)
{
	uint64_t rsv_base, rsv_size; /* libfdt's type, which is not always our u64 */
	u64 base, size;
	int i;

	for (int n = 0; fdt_get_mem_rsv(blob(), n, &rsv_base, &rsv_size) == 0 && rsv_size; n++) {
		base = rsv_base;
		size = rsv_size;
		if (base + size - 1 < base) {
			pr_err("/memreserve/ 0x%llx + 0x%llx wraps around the end of the address "
			       "space: skipped\n",
			       base, size);
			continue;
		}
		i = find_protected(base, base + size, true);
		if (i >= 0) {
			pr_err("/memreserve/ 0x%llx - 0x%llx overlaps the %s at 0x%llx - 0x%llx: "
			       "skipped\n",
			       base, base + size, protected_ranges[i].what,
			       protected_ranges[i].base, protected_ranges[i].end);
			continue;
		}
		if (memblock_reserve(base, size)) {
			pr_err("/memreserve/ 0x%llx - 0x%llx could not be reserved\n", base,
			       base + size);
			nr_lost++;
		}
	}
}

/* ---------------------------------------------------------------- the table */

static struct reserved_mem *fdt_reserved_mem_save_node(int node, const char *uname,
						       phys_addr_t base, phys_addr_t size)
{
	struct reserved_mem *rmem;

	if (reserved_mem_count == MAX_RESERVED_REGIONS) {
		pr_err("not enough space for all defined regions.\n");
		return NULL;
	}
	rmem = &reserved_mem[reserved_mem_count++];
	memset(rmem, 0, sizeof(*rmem));
	rmem->name = uname;
	rmem->fdt_node = (unsigned long)node;
	rmem->phandle = fdt_get_phandle(blob(), node);
	rmem->base = base;
	rmem->size = size;
	rmem->nomap = has_prop(node, "no-map");
	rmem->reusable = has_prop(node, "reusable");
	rmem->cma_default = has_prop(node, "linux,cma-default");
	rmem->dynamic = size == 0;
	return rmem;
}

/* ---------------------------------------------------------------- pass 1: static regions */

/*
 * May a "reg" region of node @uname be reserved (or unmapped)?  Says why
 * not, naming the node, and returns false if it may not.
 */
static bool static_region_ok(const char *uname, phys_addr_t base, phys_addr_t size, bool nomap,
			     bool reusable)
{
	phys_addr_t end = base + size, covered;
	int i;

	if (!size) {
		printk(KERN_ERR FDT_PREFIX
		       "Reserved memory: failed to reserve memory for node '%s': "
		       "base %pa, size %lu MiB\n",
		       uname, &base, (unsigned long)(size / SZ_1M));
		return false;
	}
	if (end - 1 < base) {
		pr_err("node %s: 0x%llx + 0x%llx wraps around the end of the address space: "
		       "skipped\n",
		       uname, base, size);
		return false;
	}
	covered = memory_covered(base, end);
	if (covered && size > memblock_phys_mem_size()) {
		pr_err("node %s: 0x%llx - 0x%llx (%llu MiB) is larger than all of RAM (%llu MiB): "
		       "skipped\n",
		       uname, base, end, size / SZ_1M, memblock_phys_mem_size() / SZ_1M);
		return false;
	}
	i = find_protected(base, end, false);
	if (i >= 0) {
		pr_err("node %s: 0x%llx - 0x%llx overlaps the %s at 0x%llx - 0x%llx: skipped\n",
		       uname, base, end, protected_ranges[i].what, protected_ranges[i].base,
		       protected_ranges[i].end);
		return false;
	}
	if (!covered && nomap && !reusable)
		return true; /* device memory: nothing for memblock to do */
	if (!covered) {
		pr_err("node %s: 0x%llx - 0x%llx is outside RAM and not no-map: skipped\n", uname,
		       base, end);
		return false;
	}
	if (covered != size) {
		pr_err("node %s: 0x%llx - 0x%llx is only partly inside RAM: skipped\n", uname, base,
		       end);
		return false;
	}
	return true;
}

/*
 * Linux 6.1's early_init_dt_reserve_memory(): a no-map region may not take
 * RAM out of the linear map when any part of it is already reserved (by
 * /memreserve/, say): what reserved it first may be using it through that
 * map.  The region then stays reserved and mapped, and the caller says so.
 */
static int early_init_dt_reserve_memory(phys_addr_t base, phys_addr_t size, bool nomap)
{
	if (!nomap)
		return memblock_reserve(base, size);
	if (memory_covered(base, base + size) && memblock_is_region_reserved(base, size))
		return -EBUSY;
	return memblock_mark_nomap(base, size);
}

/* Reserve (or unmap) every tuple of @node's "reg"; -ENOENT if it has none. */
static int __reserved_mem_reserve_reg(int node, const char *uname)
{
	const int t_len = (dt_root_addr_cells + dt_root_size_cells) * (int)sizeof(__be32);
	bool nomap = has_prop(node, "no-map"), reusable = has_prop(node, "reusable");
	const __be32 *prop;
	bool saved = false;
	int len;

	prop = fdt_getprop(blob(), node, "reg", &len);
	if (!prop)
		return -ENOENT;
	if (len && len % t_len != 0) {
		printk(KERN_ERR FDT_PREFIX
		       "Reserved memory: invalid reg property in '%s', skipping node.\n",
		       uname);
		return -EINVAL;
	}

	for (; len >= t_len; len -= t_len) {
		phys_addr_t base = dt_mem_next_cell(dt_root_addr_cells, &prop);
		phys_addr_t size = dt_mem_next_cell(dt_root_size_cells, &prop);
		int err;

		if (!static_region_ok(uname, base, size, nomap, reusable))
			continue;
		err = early_init_dt_reserve_memory(base, size, nomap);
		if (err)
			printk(KERN_ERR FDT_PREFIX
			       "Reserved memory: failed to reserve memory for node "
			       "'%s': base %pa, size %lu MiB\n",
			       uname, &base, (unsigned long)(size / SZ_1M));
		else
			pr_debug("Reserved memory: reserved region for node '%s': base %pa, size "
				 "%lu MiB\n",
				 uname, &base, (unsigned long)(size / SZ_1M));
		/* -EBUSY: still reserved by whoever had it first, so nothing is lost. */
		if (err && err != -EBUSY)
			nr_lost++;
		/*
		 * As Linux: the first tuple stands for the node in the table,
		 * even when it could not be reserved (it is then still
		 * reserved by whoever had it first, and mapped).
		 */
		if (!saved) {
			fdt_reserved_mem_save_node(node, uname, base, size);
			saved = true;
		}
	}
	return 0;
}

/* A one-cell property as a number, or -1 if it is absent or not one cell. */
static int read_one_cell(int node, const char *name)
{
	int len;
	const fdt32_t *prop = fdt_getprop(blob(), node, name, &len);

	return prop && len == 4 && fdt32_ld(prop) <= 16 ? (int)fdt32_ld(prop) : -1;
}

/*
 * /reserved-memory must use the root's cell sizes and an identity "ranges".
 * Linux's one line names neither; ours says which, with both pairs.
 */
static int __reserved_mem_check_root(int node)
{
	int ac = read_one_cell(node, "#address-cells"), sc = read_one_cell(node, "#size-cells");

	if (ac != dt_root_addr_cells || sc != dt_root_size_cells) {
		pr_err("/reserved-memory has #address-cells = <%d>, #size-cells = <%d> (-1: absent "
		       "or not one cell); the root has <%d>, <%d>: they must be the same\n",
		       ac, sc, dt_root_addr_cells, dt_root_size_cells);
		return -EINVAL;
	}
	if (!has_prop(node, "ranges")) {
		pr_err("/reserved-memory has no ranges property (an empty one is required)\n");
		return -EINVAL;
	}
	return 0;
}

static void fdt_scan_reserved_mem(void)
{
	int node, child;

	node = fdt_path_offset(blob(), "/reserved-memory");
	if (node < 0)
		return;
	if (__reserved_mem_check_root(node)) {
		printk(KERN_ERR FDT_PREFIX "Reserved memory: unsupported node format, ignoring\n");
		return;
	}

	fdt_for_each_subnode(child, blob(), node)
	{
		const char *uname;
		int err;

		if (!of_fdt_device_is_available(blob(), child))
			continue;
		uname = rmem_node_name(child);
		if (has_prop(child, "reusable") && has_prop(child, "no-map")) {
			pr_err("node %s: reusable and no-map together are invalid (the OS cannot "
			       "reuse memory it may not map): skipped\n",
			       uname);
			continue;
		}
		err = __reserved_mem_reserve_reg(child, uname);
		if (err != -ENOENT)
			continue;
		if (has_prop(child, "size"))
			fdt_reserved_mem_save_node(child, uname, 0, 0);
		else
			pr_warn("node %s has neither reg nor size: ignored\n", uname);
	}
}

/* ---------------------------------------------------------------- pass 2: dynamic regions */

/* Linux's early_init_dt_alloc_reserved_memory_arch(): top-down from memblock. */
static int early_init_dt_alloc_reserved_memory_arch(phys_addr_t size, phys_addr_t align,
						    phys_addr_t start, phys_addr_t end, bool nomap,
						    phys_addr_t *res_base)
{
	phys_addr_t base;
	int err = 0;

	end = end ? end : MEMBLOCK_ALLOC_ANYWHERE;
	align = align ? align : SMP_CACHE_BYTES; /* as Linux, for a node that names none */
	base = memblock_phys_alloc_range(size, align, start, end);
	if (!base)
		return -ENOMEM;
	*res_base = base;
	if (nomap) {
		err = memblock_mark_nomap(base, size);
		if (err)
			memblock_phys_free(base, size);
	}
	return err;
}

/* Read a property of exactly @cells cells into @v; false if its length is different. */
static bool read_cells(int node, const char *name, int cells, phys_addr_t *v, bool *present)
{
	int len;
	const __be32 *prop = fdt_getprop(blob(), node, name, &len);

	*present = prop != NULL;
	if (!prop || len != cells * (int)sizeof(__be32))
		return false;
	*v = dt_mem_next_cell(cells, &prop);
	return true;
}

static int __reserved_mem_alloc_size(struct reserved_mem *rmem)
{
	const int t_len = (dt_root_addr_cells + dt_root_size_cells) * (int)sizeof(__be32);
	const int node = (int)rmem->fdt_node;
	const char *uname = rmem->name;
	phys_addr_t size, align = 0, base = 0;
	const __be32 *prop;
	bool present;
	int len, err = -ENOMEM;

	if (!read_cells(node, "size", dt_root_size_cells, &size, &present) || !size) {
		pr_err("invalid size property in '%s' node.\n", uname);
		return -EINVAL;
	}
	if (!read_cells(node, "alignment", dt_root_addr_cells, &align, &present) && present) {
		pr_err("invalid alignment property in '%s' node.\n", uname);
		return -EINVAL;
	}
	if (present && !is_pow2(align)) {
		pr_err("alignment 0x%llx in '%s' node is not a power of two, skipping node.\n",
		       align, uname);
		return -EINVAL;
	}
	/* A CMA area is made of whole pageblocks (CMA_MIN_ALIGNMENT_BYTES, as Linux). */
	if (rmem->reusable && !rmem->nomap && of_flat_dt_is_compatible(node, "shared-dma-pool"))
		align = max_t(phys_addr_t, align, CMA_MIN_ALIGNMENT_BYTES);
	if (size > memblock_phys_mem_size()) {
		pr_err("node %s: size %llu MiB is larger than all of RAM (%llu MiB): skipped\n",
		       uname, size / SZ_1M, memblock_phys_mem_size() / SZ_1M);
		return -EINVAL;
	}

	prop = fdt_getprop(blob(), node, "alloc-ranges", &len);
	if (prop) {
		if (len % t_len != 0) {
			pr_err("invalid alloc-ranges property in '%s', skipping node.\n", uname);
			return -EINVAL;
		}
		for (; len > 0; len -= t_len) {
			phys_addr_t start = dt_mem_next_cell(dt_root_addr_cells, &prop);
			phys_addr_t rsize = dt_mem_next_cell(dt_root_size_cells, &prop);
			phys_addr_t end = start + rsize;

			if (end < start)
				end = MEMBLOCK_ALLOC_ANYWHERE; /* "up to the top" */
			err = early_init_dt_alloc_reserved_memory_arch(size, align, start, end,
								       rmem->nomap, &base);
			if (!err)
				break;
		}
	} else {
		err = early_init_dt_alloc_reserved_memory_arch(size, align, 0, 0, rmem->nomap,
							       &base);
	}
	if (err || !base) {
		pr_err("failed to allocate memory for node '%s': size %lu MiB\n", uname,
		       (unsigned long)(size / SZ_1M));
		return -ENOMEM;
	}
	pr_debug("allocated memory for '%s' node: base %pa, size %lu MiB\n", uname, &base,
		 (unsigned long)(size / SZ_1M));
	rmem->base = base;
	rmem->size = size;
	return 0;
}

/* ---------------------------------------------------------------- initialisers */

static int __reserved_mem_init_node(struct reserved_mem *rmem)
{
	const struct reservedmem_of_id *id;
	int ret = -ENOENT;

	for (id = __start_reservedmem_of_table; id < __stop_reservedmem_of_table; id++) {
		if (!of_flat_dt_is_compatible(rmem->fdt_node, id->compatible))
			continue;
		ret = id->init(rmem);
		if (ret == 0) {
			rmem->claimed = true;
			pr_info("initialized node %s, compatible id %s\n", rmem->name,
				id->compatible);
			break;
		}
	}
	return ret;
}

/*
 * Linux's __rmem_cmp(): address order, and at equal bases the smaller first,
 * so the unplaced dynamic regions (base 0, size 0) lead.  Dynamic regions
 * compare equal among themselves; sort() leaves them in Linux's order.
 */
static int __rmem_cmp(const void *a, const void *b)
{
	const struct reserved_mem *ra = a, *rb = b;

	if (ra->base != rb->base)
		return ra->base < rb->base ? -1 : 1;
	if (ra->size != rb->size)
		return ra->size < rb->size ? -1 : 1;
	return 0;
}

static void __rmem_check_for_overlap(void)
{
	sort(reserved_mem, (size_t)reserved_mem_count, sizeof(reserved_mem[0]), __rmem_cmp);
	for (int i = 0; i + 1 < reserved_mem_count; i++) {
		struct reserved_mem *this = &reserved_mem[i], *next = &reserved_mem[i + 1];
		phys_addr_t this_end = this->base + this->size, next_end = next->base + next->size;

		if (this->size && this_end > next->base)
			pr_err("OVERLAP DETECTED!\n%s (%pa--%pa) overlaps with %s (%pa--%pa)\n",
			       this->name, &this->base, &this_end, next->name, &next->base,
			       &next_end);
	}
}

/* Drop the dynamic nodes that could not be placed: a size-0 entry only misleads lookups. */
static void forget_unplaced(void)
{
	int kept = 0;

	for (int i = 0; i < reserved_mem_count; i++)
		if (reserved_mem[i].size)
			reserved_mem[kept++] = reserved_mem[i];
	memset(&reserved_mem[kept], 0,
	       (size_t)(reserved_mem_count - kept) * sizeof(reserved_mem[0]));
	reserved_mem_count = kept;
}

static void fdt_init_reserved_mem(void)
{
	__rmem_check_for_overlap();
	for (int i = 0; i < reserved_mem_count; i++) {
		struct reserved_mem *rmem = &reserved_mem[i];
		int err = 0;

		if (rmem->dynamic)
			err = __reserved_mem_alloc_size(rmem);
		if (err)
			continue;
		err = __reserved_mem_init_node(rmem);
		if (err && err != -ENOENT) {
			pr_info("node %s compatible matching fail\n", rmem->name);
			rmem->released = true;
			if (rmem->nomap)
				memblock_clear_nomap(rmem->base, rmem->size);
			else
				memblock_phys_free(rmem->base, rmem->size);
		}
	}
	forget_unplaced();
}

/* ---------------------------------------------------------------- what is still to be reserved */

static bool clashes(phys_addr_t base, phys_addr_t end, phys_addr_t rbase, phys_addr_t rsize,
		    phys_addr_t *clash_base, phys_addr_t *clash_end)
{
	phys_addr_t rend = rbase + rsize < rbase ? PHYS_ADDR_MAX : rbase + rsize;

	if (!rsize || rend <= base || rbase >= end)
		return false;
	*clash_base = rbase;
	*clash_end = rend;
	return true;
}

/* Does [@base, @end) touch a "reg" tuple of an available /reserved-memory child? */
static bool clashes_reserved_mem_reg(phys_addr_t base, phys_addr_t end, phys_addr_t *clash_base,
				     phys_addr_t *clash_end)
{
	const int t_len = (dt_root_addr_cells + dt_root_size_cells) * (int)sizeof(__be32);
	int node = fdt_path_offset(blob(), "/reserved-memory"), child, len;
	const __be32 *prop;

	if (node < 0)
		return false;
	fdt_for_each_subnode(child, blob(), node)
	{
		if (!of_fdt_device_is_available(blob(), child))
			continue;
		prop = fdt_getprop(blob(), child, "reg", &len);
		for (; prop && len >= t_len; len -= t_len) {
			phys_addr_t rbase = dt_mem_next_cell(dt_root_addr_cells, &prop);
			phys_addr_t rsize = dt_mem_next_cell(dt_root_size_cells, &prop);

			if (clashes(base, end, rbase, rsize, clash_base, clash_end))
				return true;
		}
	}
	return false;
}

/*
 * memblock's resize guard while the DT's reservations are made: a grown
 * region array must not land on a /memreserve/ entry or a static
 * /reserved-memory region that is not reserved (or no-map) yet.  Dynamic
 * regions need no guard: they are placed by memblock, after the array.
 */
static bool dt_reservation_pending(phys_addr_t base, phys_addr_t size, phys_addr_t *clash_base,
				   phys_addr_t *clash_end)
{
	phys_addr_t end = base + size;
	uint64_t rsv_base, rsv_size;

	if (!blob())
		return false;
	for (int n = 0; fdt_get_mem_rsv(blob(), n, &rsv_base, &rsv_size) == 0 && rsv_size; n++)
		if (clashes(base, end, rsv_base, rsv_size, clash_base, clash_end))
			return true;
	return clashes_reserved_mem_reg(base, end, clash_base, clash_end);
}

/**
 * of_reserved_mem_pending - will the DT reserve any of [@base, @base + @size)?
 * @base: start of the range
 * @size: its length
 *
 * A /memreserve/ entry or a static /reserved-memory region, before
 * early_init_fdt_scan_reserved_mem() has reserved them: what the RAM probe
 * must not write to.
 */
bool of_reserved_mem_pending(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t clash_base, clash_end;

	return dt_reservation_pending(base, size, &clash_base, &clash_end);
}

/**
 * early_init_fdt_scan_reserved_mem - reserve what the verified DTB asks for
 *
 * The /memreserve/ entries of the header, then both passes over
 * /reserved-memory.  Needs early_init_dt_scan() first (root cell sizes,
 * memory) and the protected ranges.  Bad nodes are reported and skipped.
 * While the static regions are reserved, memblock's arrays may grow around
 * the ones still to come (memblock_set_resize_guard()), so a DT with more
 * entries than the static arrays hold loses none of them.
 *
 * Return: 0, or -ENOMEM if a valid /memreserve/ entry or static region
 * could not be reserved (or made no-map), each reported: its memory would
 * go to the page allocator, so the caller must not go on.
 */
int early_init_fdt_scan_reserved_mem(void)
{
	nr_lost = 0;
	if (!blob())
		return 0;
	/* Kept until memblock_allow_resize(): harmless once all of it is reserved. */
	memblock_set_resize_guard(dt_reservation_pending);
	scan_memreserve();
	fdt_scan_reserved_mem();
	fdt_init_reserved_mem();
	if (nr_lost)
		pr_err("%d region(s) the device tree reserves could not be reserved: the page "
		       "allocator would hand them out\n",
		       nr_lost);
	return nr_lost ? -ENOMEM : 0;
}

/* ---------------------------------------------------------------- lookups */

/**
 * of_reserved_mem_count - number of /reserved-memory nodes in the table
 */
int of_reserved_mem_count(void)
{
	return reserved_mem_count;
}

/**
 * of_reserved_mem_get - the @i-th accepted region, in address order
 * @i: index, from 0
 *
 * Return: the region, or NULL if @i is out of range.
 */
struct reserved_mem *of_reserved_mem_get(int i)
{
	return i >= 0 && i < reserved_mem_count ? &reserved_mem[i] : NULL;
}

/**
 * of_reserved_mem_lookup_name - the accepted region of node @name
 * @name: node name with unit address ("linux,cma", "vram@4c000000")
 * Return: the region, or NULL.
 */
struct reserved_mem *of_reserved_mem_lookup_name(const char *name)
{
	for (int i = 0; i < reserved_mem_count; i++)
		if (!strcmp(reserved_mem[i].name, name))
			return &reserved_mem[i];
	return NULL;
}

/**
 * of_reserved_mem_reset - forget every region and protected range
 *
 * Not in Linux: host tests, mmsim and the fuzzer boot many times.
 */
void of_reserved_mem_reset(void)
{
	memset(reserved_mem, 0, sizeof(reserved_mem));
	reserved_mem_count = 0;
	memset(protected_ranges, 0, sizeof(protected_ranges));
	nr_protected = 0;
}

/* ---------------------------------------------------------------- shared-dma-pool, non-reusable */

/*
 * A device's private coherent DMA pool (Linux's kernel/dma/coherent.c
 * rmem_dma_setup): only registered, since no driver allocates from it yet.
 * Reusable pools are CMA's; ARM requires no-map, because the pool is
 * remapped uncached and must not also sit in the cacheable linear map.
 */
static int rmem_dma_setup(struct reserved_mem *rmem)
{
	if (rmem->reusable)
		return -EINVAL;
	if (!rmem->nomap) {
		printk(KERN_ERR "Reserved memory: regions without no-map are not yet supported\n");
		return -EINVAL;
	}
	printk(KERN_INFO "Reserved memory: created DMA memory pool at %pa, size %ld MiB\n",
	       &rmem->base, (long)(rmem->size / SZ_1M));
	return 0;
}
RESERVEDMEM_OF_DECLARE(dma, "shared-dma-pool", rmem_dma_setup);
