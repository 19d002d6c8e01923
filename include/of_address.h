/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device addresses from the device tree (boot/of_address.c): a node's "reg"
 * read with its parent's #address-cells/#size-cells, then translated
 * through every "ranges" between it and the root into a CPU physical
 * address, as Linux's drivers/of/address.c does for the default bus.
 *
 *	struct resource r;
 *
 *	if (!of_address_to_resource(fdt, node, 0, &r))
 *		base = early_ioremap(r.start, resource_size(&r));
 */
#ifndef _OF_ADDRESS_H
#define _OF_ADDRESS_H

#include "types.h"

/* Linux's OF_BAD_ADDR: "this address cannot be translated". */
#define OF_BAD_ADDR ((u64)-1)
/* The most cells an address may have (Linux's OF_MAX_ADDR_CELLS). */
#define OF_MAX_ADDR_CELLS 4

/* A translated register window, Linux's struct resource: @end is inclusive. */
struct resource {
	phys_addr_t start;
	phys_addr_t end;
	const char *name;
};

static inline phys_addr_t resource_size(const struct resource *r)
{
	return r->end - r->start + 1;
}

int of_bus_n_addr_cells(const void *fdt, int bus);
int of_bus_n_size_cells(const void *fdt, int bus);
int of_get_address(const void *fdt, int node, int index, u64 *addr, u64 *size);
u64 of_translate_address(const void *fdt, int node, u64 addr);
int of_address_to_resource(const void *fdt, int node, int index, struct resource *r);

#endif /* _OF_ADDRESS_H */
