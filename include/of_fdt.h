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

int early_init_dt_verify(const void *fdt);

const char *early_init_dt_strerror(int err);

int early_init_dt_scan(const void *fdt);

void early_init_dt_add_memory_arch(u64 base, u64 size);

u64 dt_mem_next_cell(int s, const __be32 **cellp);

const void *of_get_flat_dt_prop(unsigned long node, const char *name, int *size);

int of_flat_dt_is_compatible(unsigned long node, const char *compat);

bool of_fdt_device_is_available(const void *blob, int node);

const char *of_get_stdout_path(void);

#endif /* _OF_FDT_H */
