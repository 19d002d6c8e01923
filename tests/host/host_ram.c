// SPDX-License-Identifier: GPL-2.0
/* The host's physical memory: one lazily-backed anonymous mapping. */
#include <asm/memory.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

char *host_ram;
phys_addr_t host_ram_base;
phys_addr_t host_ram_size;

void host_ram_setup(phys_addr_t base, phys_addr_t size)
{
	if (host_ram)
		munmap(host_ram, host_ram_size);
	host_ram = NULL;
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
