// SPDX-License-Identifier: GPL-2.0
/*
 * Where the portable page allocator suites start on the host
 * (tests/mm_test.h): a fresh boot per case of a machine like QEMU's
 * vexpress-a9 at its smallest interesting size: 128 MiB at 0x60000000,
 * lowmem ending at 96 MiB so there is a HighMem zone, the pretend kernel
 * image, and the default CMA area reserved as arm_memblock_init() does
 * (16 MiB, top-down: in HighMem) and lent to the buddy allocator as
 * start_kernel does.
 */
#include "../mm_test.h"
#include "cma.h"
#include "dma-map-ops.h"
#include "host_boot.h"
#include "host_mm.h"

static const struct host_mm_layout portable_layout = {
	.mem = {{0x60000000, MB(128)}},
	.nr_mem = 1,
	.lowmem_limit = 0x66000000,
	HOST_MM_TEST_IMAGE,
};

/**
 * mm_test_init - boot the portable suites' machine afresh
 * @t: the case
 *
 * Returns 0.
 */
int mm_test_init(struct ktap_test *t)
{
	(void)t;
	host_page_alloc_reset_tunables();
	dma_contiguous_reset();
	host_mm_setup_memblock(&portable_layout);
	host_set_lowmem_limit(portable_layout.lowmem_limit);
	dma_contiguous_reserve(0);
	host_mm_boot_rest(&portable_layout);
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	return 0;
}

/**
 * mm_test_exit - leave the host as the other suites expect it
 * @t: the case
 *
 * All lowmem again (no recorded split), no CMA area, the tunables as a
 * boot finds them.
 */
void mm_test_exit(struct ktap_test *t)
{
	(void)t;
	host_set_lowmem_limit(0);
	dma_contiguous_reset();
	host_page_alloc_reset_tunables();
}
