// SPDX-License-Identifier: GPL-2.0
/* The host's physical memory: one lazily-backed anonymous mapping. */
#include <asm/memory.h>
#include "ram_probe.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

char *host_ram;
phys_addr_t host_ram_base;
phys_addr_t host_ram_size;
phys_addr_t host_ram_real_end;
enum host_ram_missing host_ram_missing;
unsigned long host_ram_probe_accesses;

void host_ram_setup(phys_addr_t base, phys_addr_t size)
{
	if (host_ram)
		munmap(host_ram, host_ram_size);
	host_ram = NULL;
	host_ram_real_end = 0;
	host_ram_missing = HOST_RAM_READS_ZERO;
	host_ram_base = base;
	host_ram_size = size;
	if (!size)
		return;
	host_ram = mmap(NULL, size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (host_ram == MAP_FAILED) {
		perror("host_ram_setup: mmap");
		exit(2);
	}
}

/*
 * The simulated board behind arch_ram_probe_ops (include/ram_probe.h): RAM
 * really ends at host_ram_real_end (0: everything backed is RAM); above it
 * an access reads 0 and drops writes, faults, or aliases RAM (the address
 * taken modulo the real size), as host_ram_missing says.
 */
static bool host_probe_where(phys_addr_t phys, u32 **word)
{
	phys_addr_t real = host_ram_real_end ? host_ram_real_end : host_ram_base + host_ram_size;

	host_ram_probe_accesses++;
	if (phys >= real) {
		if (host_ram_missing == HOST_RAM_FAULTS)
			return false;
		if (host_ram_missing == HOST_RAM_READS_ZERO) {
			*word = NULL;
			return true;
		}
		phys = host_ram_base + (phys - host_ram_base) % (real - host_ram_base);
	}
	*word = (u32 *)(host_ram + (phys - host_ram_base));
	return true;
}

static bool host_probe_read(phys_addr_t phys, u32 *val)
{
	u32 *w;

	if (!host_probe_where(phys, &w))
		return false;
	*val = w ? *w : 0;
	return true;
}

static bool host_probe_write(phys_addr_t phys, u32 val)
{
	u32 *w;

	if (!host_probe_where(phys, &w))
		return false;
	if (w)
		*w = val;
	return true;
}

const struct ram_probe_ops arch_ram_probe_ops = {
	.read = host_probe_read,
	.write = host_probe_write,
};
