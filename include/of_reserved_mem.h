/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /reserved-memory and /memreserve/: memory the DT says the kernel must not
 * use as ordinary RAM (firmware, frame buffers, DMA pools, CMA areas).
 *
 * Processing follows Linux's drivers/of/of_reserved_mem.c in two passes:
 *
 *  1. static regions (a "reg" property) are reserved at once, or taken out
 *     of the linear map with "no-map"; nodes with "size" are only noted;
 *  2. the noted nodes are placed by allocating from memblock ("size",
 *     "alignment", "alloc-ranges"), then every region is offered to the
 *     initialisers registered for its "compatible".
 *
 * A subsystem claims regions by compatible:
 *
 *	static int rmem_cma_setup(struct reserved_mem *rmem)
 *	{
 *		if (!rmem->reusable || rmem->nomap)
 *			return -EINVAL;		// not ours: the next initialiser tries
 *		...
 *		return 0;
 *	}
 *	RESERVEDMEM_OF_DECLARE(cma, "shared-dma-pool", rmem_cma_setup);
 *
 * The declarations land in the section "reservedmem_of_table", bounded by
 * __start_reservedmem_of_table and __stop_reservedmem_of_table.
 */
#ifndef _OF_RESERVED_MEM_H
#define _OF_RESERVED_MEM_H

#include "compiler.h"
#include "sizes.h"
#include "types.h"

/* Linux's limit on /reserved-memory nodes kept in the table. */
#define MAX_RESERVED_REGIONS 64

struct reserved_mem_ops; /* per-device hooks, for the users of a region (none yet) */

/**
 * struct reserved_mem - one /reserved-memory node that was accepted
 * @name: node name ("vram@4c000000"); points into the DTB
 * @fdt_node: node offset in the DTB, for of_get_flat_dt_prop()
 * @phandle: the node's phandle, 0 if none
 * @ops: set by the initialiser that claimed the region
 * @base: physical base (for "reg" nodes the first tuple)
 * @size: size in bytes
 * @priv: the claiming initialiser's data (CMA: its struct cma)
 * @nomap: "no-map": outside the linear map (memblock NOMAP), not reserved
 * @reusable: "reusable": the OS may use it while its owner does not (CMA)
 * @cma_default: "linux,cma-default": the default CMA area
 * @dynamic: placed by allocation ("size"), not by "reg"
 * @claimed: an initialiser accepted it
 * @released: every initialiser declined it with an error, so it was given
 *            back (freed, or no-map cleared), as Linux does; still listed
 */
struct reserved_mem {
	const char *name;
	unsigned long fdt_node;
	unsigned long phandle;
	const struct reserved_mem_ops *ops;
	phys_addr_t base;
	phys_addr_t size;
	void *priv;
	bool nomap;
	bool reusable;
	bool cma_default;
	bool dynamic;
	bool claimed;
	bool released;
};

/*
 * An initialiser: 0 claims the region; -ENOENT or any error declines it.
 * When every matching initialiser declines with an error other than
 * -ENOENT, the region is given back (freed, or no-map cleared), as Linux does.
 */
typedef int (*reservedmem_of_init_fn)(struct reserved_mem *rmem);

/**
 * struct reservedmem_of_id - an entry of the reservedmem_of_table section
 * @compatible: the compatible string the initialiser handles
 * @init: the initialiser
 */
struct reservedmem_of_id {
	const char *compatible;
	reservedmem_of_init_fn init;
};

#define RESERVEDMEM_OF_DECLARE(name, compat, init_fn)                                   \
	static const struct reservedmem_of_id __reservedmem_of_##name __used __section( \
		"reservedmem_of_table") __aligned(sizeof(void *)) = {compat, init_fn}

void of_reserved_mem_protect(phys_addr_t base, phys_addr_t size, const char *what,
			     bool refuse_memreserve);

int early_init_fdt_scan_reserved_mem(void);

int of_reserved_mem_count(void);

struct reserved_mem *of_reserved_mem_get(int i);

struct reserved_mem *of_reserved_mem_lookup_name(const char *name);

void of_reserved_mem_reset(void);

bool of_reserved_mem_pending(phys_addr_t base, phys_addr_t size);

#endif /* _OF_RESERVED_MEM_H */
