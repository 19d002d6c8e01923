/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The early device-tree scan (boot/fdt.c): from a flattened DT blob to
 * memblock's "memory" set, the command line, the initrd location and the
 * console path.  Every access goes through libfdt, and every value read
 * from the blob is checked before use: the blob comes from a boot loader
 * and may be anything.
 *
 * Boot order (setup_arch):
 *
 *	err = early_init_dt_verify(fdt);	// header sane?  else report, halt
 *	err = early_init_dt_scan(fdt);		// model, /chosen, memory nodes
 *	parse_early_param();			// mem=, loglevel=, ...
 *	arm_memblock_init(fdt, dtb_phys);	// reservations (asm/memblock.h)
 */
#ifndef _OF_FDT_H
#define _OF_FDT_H

#include "types.h"

/*
 * Root #address-cells and #size-cells, read by early_init_dt_scan() (1 or
 * 2); /reserved-memory's reg, size and alignment use them too.
 */
extern int dt_root_addr_cells;
extern int dt_root_size_cells;

/* The initrd the DT's /chosen names (Linux's phys_initrd_start/_size); 0 if none. */
extern phys_addr_t phys_initrd_start;
extern phys_addr_t phys_initrd_size;

/*
 * Extra error codes of early_init_dt_verify(), beyond libfdt's own
 * (-FDT_ERR_*, 1..FDT_ERR_MAX).  early_init_dt_strerror() names them all.
 */
#define EARLY_DT_ERR_NULL    100 /* no blob at all */
#define EARLY_DT_ERR_TOO_BIG 101 /* larger than the kernel maps for it */

/**
 * struct early_fdt_info - what the scan found, for tests, mmsim and the console
 * @blob: the verified blob (NULL before early_init_dt_verify succeeds)
 * @totalsize: its size in bytes, from the header
 * @model: root "model", else the first "compatible", else NULL
 * @stdout_path: /chosen "stdout-path" (or "linux,stdout-path"), or NULL;
 *               points into the blob, options after ':' included
 * @has_chosen: a /chosen node exists
 * @bootargs_from_dt: boot_command_line came from /chosen/bootargs
 * @nr_memory_nodes: available device_type = "memory" nodes seen
 * @nr_memory_disabled: memory nodes skipped for their status (reported)
 * @nr_memory_ranges: their reg tuples (zero-size ones included)
 * @nr_memory_added: ranges that reached memblock (possibly trimmed)
 * @nr_memory_overlaps: ranges that overlapped an earlier one
 */
struct early_fdt_info {
	const void *blob;
	u32 totalsize;
	const char *model;
	const char *stdout_path;
	bool has_chosen;
	bool bootargs_from_dt;
	int nr_memory_nodes;
	int nr_memory_disabled;
	int nr_memory_ranges;
	int nr_memory_added;
	int nr_memory_overlaps;
};

extern struct early_fdt_info early_fdt_info;

/**
 * early_init_dt_verify - check a blob's header before anything reads it
 * @fdt: the blob, at a kernel virtual address
 *
 * Checks what libfdt's fdt_check_header() checks (magic, version, block
 * offsets and sizes inside totalsize) and that totalsize is no more than
 * MAX_FDT_SIZE, the window the kernel maps for the DTB.  On success the
 * blob becomes the one every other function here reads.
 *
 * Return: 0, or a negative error code that early_init_dt_strerror() names;
 * the caller reports it with the blob's physical address and halts.
 */
int early_init_dt_verify(const void *fdt);

/**
 * early_init_dt_strerror - the reason behind an early_init_dt_verify() error
 * @err: its return value
 *
 * Return: a constant string ("FDT_ERR_BADMAGIC", "no device tree blob", ...).
 */
const char *early_init_dt_strerror(int err);

/**
 * early_init_dt_scan - read the machine, /chosen and the memory nodes
 * @fdt: the blob (verified here again if early_init_dt_verify was not called)
 *
 * Prints "OF: fdt: Machine model: ...", copies /chosen/bootargs into
 * boot_command_line (CONFIG_CMDLINE when absent), records the initrd and
 * the stdout-path, and adds every reg range of every available
 * device_type = "memory" child of the root to memblock through
 * early_init_dt_add_memory_arch().  Bad ranges are reported and skipped;
 * overlapping nodes are reported and merged.
 *
 * Return: 0; -EINVAL if the blob fails verification or the root's cell
 * sizes are unsupported; -ENODEV if no memory was found (the caller
 * halts: without memory there is nothing to run in).
 */
int early_init_dt_scan(const void *fdt);

/**
 * early_init_dt_add_memory_arch - add one RAM range from the DT to memblock
 * @base: physical base as the DT gives it (64-bit)
 * @size: size in bytes
 *
 * Linux's checks, with Linux's messages: the range is trimmed to whole
 * pages, memory below PHYS_OFFSET is cut off, memory at or above 4 GiB is
 * ignored (the Cortex-A9 has no LPAE), zero-size and wrapping ranges are
 * refused.  A range that overlaps one added earlier is reported.
 */
void early_init_dt_add_memory_arch(u64 base, u64 size);

/**
 * dt_mem_next_cell - read a 1- or 2-cell big-endian number and advance
 * @s: number of cells
 * @cellp: cursor into a property, advanced by @s cells
 *
 * Return: the number.
 */
u64 dt_mem_next_cell(int s, const __be32 **cellp);

/**
 * of_get_flat_dt_prop - a property of a node of the verified blob
 * @node: node offset
 * @name: property name
 * @size: set to the property's length (may be NULL)
 *
 * Return: the value, or NULL if the node has no such property.
 */
const void *of_get_flat_dt_prop(unsigned long node, const char *name, int *size);

/**
 * of_flat_dt_is_compatible - does a node of the verified blob list @compat?
 * Return: 1 if its "compatible" contains @compat, 0 otherwise.
 */
int of_flat_dt_is_compatible(unsigned long node, const char *compat);

/**
 * of_fdt_device_is_available - "status" absent, "okay" or "ok"?
 * @blob: the blob
 * @node: node offset
 */
bool of_fdt_device_is_available(const void *blob, int node);

/**
 * of_get_stdout_path - the console the DT asks for, or NULL
 *
 * The raw /chosen stdout-path string ("serial0:38400n8"): a path or alias,
 * then optional UART options after ':'.  It points into the DTB, which
 * must stay mapped while the console code uses it.
 */
const char *of_get_stdout_path(void);

#endif /* _OF_FDT_H */
