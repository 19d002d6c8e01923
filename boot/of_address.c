// SPDX-License-Identifier: GPL-2.0
/*
 * Device addresses from the device tree, as Linux's drivers/of/address.c
 * reads them for the default ("simple-bus") bus type.
 *
 * A node's "reg" is a list of <address size> pairs whose widths its
 * parent's #address-cells and #size-cells give.  That address is in the
 * parent bus's space, not necessarily the CPU's: each bus node between the
 * device and the root maps its children's space into its own parent's with
 * "ranges" (<child-address parent-address size> triples; an empty "ranges"
 * is the identity; no "ranges" at all means the bus is not memory-mapped
 * and nothing below it can be reached).  vexpress's UART sits two levels
 * down: uart@9000 in iofpga@7,00000000 (chip select 7), in the motherboard
 * bus, which the root maps to 0x10000000.
 *
 * Like Linux, numbers wider than 64 bits keep their low 64 bits, and only
 * the default bus is known: PCI and ISA buses (whose first address cell is
 * a space code) are not translated.
 */
#include "of_address.h"
#include "kernel.h"
#include "printk.h"
#include <libfdt.h>

/* Linux's defaults when no node up to the root says (OF_ROOT_NODE_*_CELLS_DEFAULT). */
#define ROOT_ADDR_CELLS_DEFAULT 1
#define ROOT_SIZE_CELLS_DEFAULT 1
/* Sizes are at most two cells (64 bits) on every bus we translate. */
#define OF_MAX_SIZE_CELLS 2

/* @name of the nearest of @node and its ancestors that has it, else @def. */
static int inherited_cells(const void *fdt, int node, const char *name, int def)
{
	for (; node >= 0; node = fdt_parent_offset(fdt, node)) {
		int len;
		const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

		if (p)
			return len == (int)sizeof(*p) ? (int)fdt32_ld(p) : -1;
	}
	return def;
}

/**
 * of_bus_n_addr_cells - how many cells a bus gives its children's addresses
 * @fdt: the blob
 * @bus: the bus node (a device's parent)
 *
 * Its #address-cells, else its nearest ancestor's (Linux still honours that
 * inheritance), else 1 (Linux's root default).
 *
 * Return: the count, or -1 if the property is not one cell.
 */
int of_bus_n_addr_cells(const void *fdt, int bus)
{
	return inherited_cells(fdt, bus, "#address-cells", ROOT_ADDR_CELLS_DEFAULT);
}

/**
 * of_bus_n_size_cells - how many cells a bus gives its children's sizes
 * @fdt: the blob
 * @bus: the bus node
 *
 * As of_bus_n_addr_cells(), for #size-cells.
 */
int of_bus_n_size_cells(const void *fdt, int bus)
{
	return inherited_cells(fdt, bus, "#size-cells", ROOT_SIZE_CELLS_DEFAULT);
}

static bool addr_cells_ok(int na)
{
	return na >= 1 && na <= OF_MAX_ADDR_CELLS;
}

static bool size_cells_ok(int ns)
{
	return ns >= 0 && ns <= OF_MAX_SIZE_CELLS;
}

static u64 read_number(const fdt32_t *cell, int n)
{
	u64 v = 0;

	/* fdt32_ld: byte loads, since a corrupt blob may misalign a property. */
	while (n--)
		v = (v << 32) | fdt32_ld(cell++);
	return v;
}

/**
 * of_get_address - one raw entry of a node's "reg", in its parent's space
 * @fdt: the blob
 * @node: the device node
 * @index: which <address size> pair
 * @addr: the address, untranslated
 * @size: the size (0 when the parent's #size-cells is 0)
 *
 * Return: 0; -EINVAL if the parent's cell counts are unusable; -ENOENT if
 * there is no "reg" or it has fewer than @index + 1 entries.
 */
int of_get_address(const void *fdt, int node, int index, u64 *addr, u64 *size)
{
	int parent = fdt_parent_offset(fdt, node);
	int na, ns, len, onesize;
	const fdt32_t *reg;

	if (parent < 0 || index < 0)
		return -EINVAL;
	na = of_bus_n_addr_cells(fdt, parent);
	ns = of_bus_n_size_cells(fdt, parent);
	if (!addr_cells_ok(na) || !size_cells_ok(ns))
		return -EINVAL;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return -ENOENT;
	onesize = (na + ns) * (int)sizeof(*reg);
	if (len / onesize <= index)
		return -ENOENT;
	reg += index * (na + ns);
	*addr = read_number(reg, na);
	*size = read_number(reg + na, ns);
	return 0;
}

/*
 * One level up: @addr, in the space of @bus's children, into the space of
 * @bus's parent through @bus's "ranges" (Linux's of_translate_one with the
 * default bus's map and translate).  @na/@ns are the widths @bus gives its
 * children, @pna the width of its parent's addresses.
 */
static u64 translate_one(const void *fdt, int bus, u64 addr, int na, int ns, int pna)
{
	int len, rone;
	const fdt32_t *ranges = fdt_getprop(fdt, bus, "ranges", &len);

	if (!ranges) {
		pr_debug("OF: no ranges in %s; cannot translate\n", fdt_get_name(fdt, bus, NULL));
		return OF_BAD_ADDR;
	}
	if (!len) /* "ranges;": the bus's space is its parent's */
		return addr;
	rone = na + pna + ns;
	for (; len >= rone * (int)sizeof(*ranges); len -= rone * (int)sizeof(*ranges)) {
		u64 cp = read_number(ranges, na);
		u64 pa = read_number(ranges + na, pna);
		u64 s = read_number(ranges + na + pna, ns);

		ranges += rone;
		if (addr >= cp && addr - cp < s)
			return pa + (addr - cp);
	}
	pr_debug("OF: 0x%llx is in no range of %s; cannot translate\n", addr,
		 fdt_get_name(fdt, bus, NULL));
	return OF_BAD_ADDR;
}

/**
 * of_translate_address - a device address as the CPU sees it
 * @fdt: the blob
 * @node: the device whose address it is (its parent's space)
 * @addr: the address, as in the node's "reg"
 *
 * Walks from @node's parent to the root, translating through each bus's
 * "ranges" (Linux's of_translate_address for the default bus).
 *
 * Return: the CPU physical address, or OF_BAD_ADDR when some bus on the
 * way has no "ranges", the address is in none of them, or a bus's cell
 * counts are unusable.
 */
u64 of_translate_address(const void *fdt, int node, u64 addr)
{
	int bus = fdt_parent_offset(fdt, node);
	int na, ns;

	if (bus < 0)
		return OF_BAD_ADDR;
	na = of_bus_n_addr_cells(fdt, bus);
	ns = of_bus_n_size_cells(fdt, bus);
	for (;;) {
		int parent = fdt_parent_offset(fdt, bus), pna;

		if (!addr_cells_ok(na) || !size_cells_ok(ns))
			return OF_BAD_ADDR;
		if (parent < 0) /* @bus is the root: its space is the CPU's */
			return addr;
		pna = of_bus_n_addr_cells(fdt, parent);
		if (!addr_cells_ok(pna))
			return OF_BAD_ADDR;
		addr = translate_one(fdt, bus, addr, na, ns, pna);
		if (addr == OF_BAD_ADDR)
			return OF_BAD_ADDR;
		bus = parent;
		na = pna;
		ns = of_bus_n_size_cells(fdt, bus);
	}
}

/**
 * of_address_to_resource - entry @index of a node's "reg", translated
 * @fdt: the blob
 * @node: the device node
 * @index: which <address size> pair
 * @r: filled with the CPU physical window and the node's name
 *
 * Return: 0; -ENOENT (no such entry), -EINVAL (untranslatable, zero-size,
 * or wrapping past the end of the 64-bit space).
 */
int of_address_to_resource(const void *fdt, int node, int index, struct resource *r)
{
	u64 addr, size, phys;
	int err = of_get_address(fdt, node, index, &addr, &size);

	if (err)
		return err;
	phys = of_translate_address(fdt, node, addr);
	if (phys == OF_BAD_ADDR || !size || phys + size - 1 < phys)
		return -EINVAL;
	r->start = phys;
	r->end = phys + size - 1;
	r->name = fdt_get_name(fdt, node, NULL);
	return 0;
}
