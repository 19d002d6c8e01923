/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Does the RAM the device tree claims exist?  A write/read-back probe of
 * each bank's top before memblock hands out memory there (mm/ram_probe.c);
 * the accesses themselves are the architecture's (arch/arm/mm/ram_probe.c,
 * and a simulated board on the host).
 */
#ifndef _RAM_PROBE_H
#define _RAM_PROBE_H

#include "types.h"

/**
 * struct ram_probe_ops - word accesses to physical memory that may not exist
 * @read: read the word at @phys into @val; false if the access faulted
 * @write: write @val to the word at @phys; false if the access faulted
 * @done: the probe is over (drop any temporary mapping)
 */
struct ram_probe_ops {
	bool (*read)(phys_addr_t phys, u32 *val);
	bool (*write)(phys_addr_t phys, u32 val);
	void (*done)(void);
};

/* The architecture's accesses (the host tests supply a simulated board). */
extern const struct ram_probe_ops arch_ram_probe_ops;

/* Bytes of the DT's memory the boot's probe found missing and dropped. */
extern phys_addr_t ram_probe_dropped;

phys_addr_t ram_probe_size(phys_addr_t base, phys_addr_t size, phys_addr_t known,
			   bool (*may_touch)(phys_addr_t phys), const struct ram_probe_ops *ops);

#endif
