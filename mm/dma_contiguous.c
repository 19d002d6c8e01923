// SPDX-License-Identifier: GPL-2.0
/*
 * The default CMA area for DMA (Linux's kernel/dma/contiguous.c, 6.1; our
 * layout has no kernel/ directory, and this is memory management).
 *
 * Which area becomes the default, in Linux's order of precedence:
 *
 *  1. cma=SIZE[@BASE[-LIMIT]] on the command line.  cma=0 means no area.
 *     A /reserved-memory node with linux,cma-default is then bypassed.
 *  2. A reusable shared-dma-pool node with linux,cma-default, claimed by
 *     rmem_cma_setup() during the DT scan, which runs before
 *     dma_contiguous_reserve() in arm_memblock_init().
 *  3. CONFIG_CMA_SIZE_MBYTES (16 MiB), placed top-down below the DMA limit.
 *
 * Other reusable shared-dma-pool nodes become areas of their own (named
 * after the node), for devices that name them.
 */
#define pr_fmt(fmt) "cma: " fmt

#include "dma-map-ops.h"
#include "cma.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include <string.h>

struct cma *dma_contiguous_default_area;

/* cma= as parsed; size_cmdline is PHYS_ADDR_MAX (Linux: -1) when not given. */
static phys_addr_t size_cmdline = PHYS_ADDR_MAX;
static phys_addr_t base_cmdline;
static phys_addr_t limit_cmdline;

/*
 * Parse one number of cma=; on error say which part and why.  Returns 0 or
 * -EINVAL / -ERANGE.
 */
static int cma_parse_part(const char *val, const char *part, const char *what, phys_addr_t *res)
{
	const char *bad = NULL;
	u64 v;
	int err;

	if (!*part) {
		pr_err("cma=%s: the %s is missing, parameter ignored\n", val, what);
		return -EINVAL;
	}
	err = memparse_checked(part, &v, &bad);
	if (err == -ERANGE)
		pr_err("cma=%s: the %s \"%s\" does not fit in 64 bits, parameter ignored\n", val,
		       what, part);
	else if (err && bad == part)
		pr_err("cma=%s: the %s \"%s\" is not a number, parameter ignored\n", val, what,
		       part);
	else if (err)
		pr_err("cma=%s: unexpected \"%s\" after the %s, parameter ignored\n", val, bad,
		       what);
	if (!err)
		*res = v;
	return err;
}

/*
 * cma=SIZE[@BASE[-LIMIT]]: Linux's syntax, but with the checked number
 * parser: Linux's memparse() reads "cma=64X" as 64 bytes, we refuse the
 * whole parameter (and the default applies) with a message naming it.
 */
static int __init early_cma(char *p)
{
	phys_addr_t size = 0, base = 0, limit = 0;
	char buf[96], *at, *dash;
	int err;

	if (!p || !*p) {
		pr_err("cma=: no value given (expected SIZE[@BASE[-LIMIT]], such as 64M), "
		       "parameter ignored\n");
		return -EINVAL;
	}
	if (strlen(p) >= sizeof(buf)) {
		pr_err("cma=%s: value too long, parameter ignored\n", p);
		return -EINVAL;
	}
	strcpy(buf, p);
	at = strchr(buf, '@');
	dash = at ? strchr(at + 1, '-') : NULL;
	if (at)
		*at = '\0';
	if (dash)
		*dash = '\0';

	err = cma_parse_part(p, buf, "size", &size);
	if (!err && at)
		err = cma_parse_part(p, at + 1, "base", &base);
	if (!err && dash)
		err = cma_parse_part(p, dash + 1, "limit", &limit);
	if (err)
		return err;
	if (at && !dash)
		limit = base + size; /* SIZE@BASE: exactly there */
	if (dash && limit <= base) {
		pr_err("cma=%s: the limit is not above the base, parameter ignored\n", p);
		return -EINVAL;
	}
	if (phys_add_overflows(base, size)) {
		pr_err("cma=%s: base + size wraps around the address space, parameter ignored\n",
		       p);
		return -EINVAL;
	}
	size_cmdline = size;
	base_cmdline = base;
	limit_cmdline = limit;
	return 0;
}
early_param("cma", early_cma);

static phys_addr_t min_not_zero(phys_addr_t a, phys_addr_t b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return min(a, b);
}

/**
 * dma_contiguous_reserve - reserve the default area
 * @limit: the highest address + 1 DMA can reach (ARM: arm_dma_limit),
 *         0 for any
 *
 * Called by the architecture from arm_memblock_init(), after the DT's
 * reservations: a reusable linux,cma-default node has then already become
 * the default area and nothing more is reserved.  Otherwise cma= (SIZE at
 * BASE exactly when BASE + SIZE = LIMIT, else anywhere in [BASE, LIMIT)) or
 * the built-in default size is reserved with cma_declare_contiguous().
 */
void __init dma_contiguous_reserve(phys_addr_t limit)
{
	phys_addr_t selected_size = 0, selected_base = 0, selected_limit = limit;
	bool fixed = false;

	pr_debug("%s(limit %08llx)\n", __func__, limit);
	/* The DT's areas are all made: drop those whose memory it gave back since. */
	cma_drop_unreserved_areas();
	if (dma_contiguous_default_area && !dma_contiguous_default_area->count)
		dma_contiguous_default_area = NULL;
	if (size_cmdline != PHYS_ADDR_MAX) {
		selected_size = size_cmdline;
		selected_base = base_cmdline;
		selected_limit = min_not_zero(limit_cmdline, limit);
		if (base_cmdline + size_cmdline == limit_cmdline)
			fixed = true;
	} else {
		selected_size = (phys_addr_t)CONFIG_CMA_SIZE_MBYTES * SZ_1M;
	}

	if (selected_size && !dma_contiguous_default_area) {
		pr_debug("%s: reserving %ld MiB for global area\n", __func__,
			 (long)(selected_size / SZ_1M));
		dma_contiguous_reserve_area(selected_size, selected_base, selected_limit,
					    &dma_contiguous_default_area, fixed);
	}
}

/**
 * dma_contiguous_reserve_area - reserve an area for a device
 * @size: bytes
 * @base: physical base, 0 for any
 * @limit: end (exclusive) of where it may go, 0 for any
 * @res_cma: set to the new area
 * @fixed: exactly at @base
 *
 * Return: 0 or a negative errno (reported).
 */
int __init dma_contiguous_reserve_area(phys_addr_t size, phys_addr_t base, phys_addr_t limit,
				       struct cma **res_cma, bool fixed)
{
	/*
	 * Linux then calls dma_contiguous_early_fixup(), with which ARM's
	 * paging_init maps the area's lowmem with pages (dma_contiguous_remap)
	 * for dma_alloc_coherent() to remap a buffer's pages uncached.  Ours
	 * reads cma_areas[] itself (arch/arm/mm/pgtable.c), for this area and
	 * the DT's pools alike.
	 */
	return cma_declare_contiguous(base, size, limit, 0, 0, fixed, "reserved", res_cma);
}

/**
 * dma_alloc_from_contiguous - contiguous pages for a device
 * @dev: the device, or NULL for the default area
 * @count: pages
 * @align: alignment as an order, capped at CONFIG_CMA_ALIGNMENT
 * @no_warn: no message on failure
 *
 * Return: the first page, or NULL.
 */
struct page *dma_alloc_from_contiguous(struct device *dev, size_t count, unsigned int align,
				       bool no_warn)
{
	if (align > CONFIG_CMA_ALIGNMENT)
		align = CONFIG_CMA_ALIGNMENT;
	return cma_alloc(dev_get_cma_area(dev), count, align, no_warn);
}

/**
 * dma_release_from_contiguous - give back what dma_alloc_from_contiguous() returned
 * @dev: the same device
 * @pages: the first page
 * @count: the same count
 *
 * Return: false if the pages are not from @dev's area (nothing freed).
 */
bool dma_release_from_contiguous(struct device *dev, struct page *pages, int count)
{
	if (count < 0)
		return false;
	return cma_release(dev_get_cma_area(dev), pages, (unsigned long)count);
}

/**
 * dma_contiguous_reset - forget cma= and the default area
 *
 * Not in Linux: host tests, mmsim and the fuzzer boot many times in one
 * process.  Also forgets every CMA area (cma_reset()).
 */
void dma_contiguous_reset(void)
{
	size_cmdline = PHYS_ADDR_MAX;
	base_cmdline = 0;
	limit_cmdline = 0;
	dma_contiguous_default_area = NULL;
	cma_reset();
}

/* ---------------------------------------------------------------- the DT's reusable pools */

/* Linux's messages here have no "cma: " prefix. */
#undef pr_fmt
#define pr_fmt(fmt) fmt

/*
 * A reusable shared-dma-pool node (its memory reserved by the DT code)
 * becomes a CMA area; one with linux,cma-default the default area, unless
 * cma= was given.  Other shared-dma-pool nodes are the coherent pools'
 * business (boot/of_reserved_mem.c): -EINVAL passes them on.
 */
static int __init rmem_cma_setup(struct reserved_mem *rmem)
{
	const phys_addr_t mask = CMA_MIN_ALIGNMENT_BYTES - 1;
	struct cma *cma;
	int err;

	if (size_cmdline != PHYS_ADDR_MAX && rmem->cma_default) {
		pr_info("Reserved memory: bypass %s node, using cmdline CMA params instead\n",
			rmem->name);
		return -EBUSY;
	}
	if (!rmem->reusable || rmem->nomap)
		return -EINVAL;
	if ((rmem->base & mask) || (rmem->size & mask)) {
		pr_err("Reserved memory: incorrect alignment of CMA region\n");
		/* Ours: which region, and what it should be. */
		pr_err("Reserved memory: node %s at 0x%08llx, size 0x%llx: base and size must be "
		       "multiples of %lu MiB\n",
		       rmem->name, rmem->base, rmem->size,
		       (unsigned long)(CMA_MIN_ALIGNMENT_BYTES >> 20));
		return -EINVAL;
	}
	err = cma_init_reserved_mem(rmem->base, rmem->size, 0, rmem->name, &cma);
	if (err) {
		pr_err("Reserved memory: unable to setup CMA region\n");
		return err;
	}
	if (rmem->cma_default)
		dma_contiguous_default_area = cma;
	rmem->priv = cma;
	pr_info("Reserved memory: created CMA memory pool at %pa, size %ld MiB\n", &rmem->base,
		(long)(rmem->size / SZ_1M));
	return 0;
}
RESERVEDMEM_OF_DECLARE(cma, "shared-dma-pool", rmem_cma_setup);
