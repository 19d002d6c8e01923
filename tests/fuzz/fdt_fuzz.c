// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the kernel's early memory set-up on arbitrary DTBs.
 *
 * Each input is copied where a boot loader would leave the DTB, into a
 * simulated RAM that covers every address the scan can accept (PHYS_OFFSET
 * to 4 GiB), and goes through what setup_arch runs: early_init_dt_verify,
 * early_init_dt_scan, parse_early_param (the bootargs are fuzzed too) and
 * arm_memblock_init with /memreserve/ and /reserved-memory.
 *
 * Bad input must produce messages, never a crash: a sanitizer report, a
 * BUG() and a panic() (which exits on the host) all count as failures, as
 * does a broken invariant of the result, checked after every successful
 * boot.  Build with clang -fsanitize=fuzzer,address,undefined.
 */
#include <asm/memblock.h>
#include "../host/host_boot.h"
#include "../host/host_image.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "of_fdt.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include <asm/memory.h>
#include <libfdt.h>
#include <string.h>

#define FUZZ_RAM_BASE 0x60000000ULL
#define FUZZ_LOAD     (FUZZ_RAM_BASE + 0x10000)
#define FUZZ_DTB_PHYS 0x68000000ULL
#define FUZZ_DTB_MAX  SZ_1M

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/**
 * LLVMFuzzerInitialize - libFuzzer's one-time set-up: the simulated RAM
 * @argc: libFuzzer's arguments (unused)
 * @argv: likewise
 */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Lazily backed: only the pages the scan touches cost anything. */
	host_ram_setup(FUZZ_RAM_BASE, SZ_4G - FUZZ_RAM_BASE);
	return 0;
}

/* What must hold after any boot that arm_memblock_init accepted. */
static void check_result(void)
{
	const phys_addr_t kstart = FUZZ_LOAD,
			  kend = FUZZ_LOAD + host_image_size(&host_image_default_layout);
	struct memblock_region *r, *prev = NULL;

	for_each_memblock (memory, r) {
		BUG_ON(!r->size);
		BUG_ON(r->base < PHYS_OFFSET);
		BUG_ON(r->base + r->size > SZ_4G);
		BUG_ON(prev && prev->base + prev->size > r->base);
		prev = r;
	}
	prev = NULL;
	for_each_memblock (reserved, r) {
		BUG_ON(!r->size);
		BUG_ON(prev && prev->base + prev->size > r->base);
		prev = r;
	}
	/* The running kernel stays reserved, mapped and inside memory. */
	BUG_ON(!memblock_is_region_memory(kstart, kend - kstart));
	BUG_ON(!memblock_is_region_reserved(kstart, kend - kstart));
	BUG_ON(!memblock_is_map_memory(kstart));
	BUG_ON(!memblock_is_reserved(FUZZ_DTB_PHYS));
	for (int i = 0; i < of_reserved_mem_count(); i++)
		BUG_ON(!of_reserved_mem_get(i)->size);
}

/**
 * LLVMFuzzerTestOneInput - boot the early memory set-up on one input
 * @data: the bytes the "boot loader" leaves as the DTB
 * @size: how many
 *
 * Every module's state is reset first, so an input behaves the same
 * whatever ran before it.  Returns 0 (libFuzzer's "keep going").
 */
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static size_t last_size;
	void *fdt = __va(FUZZ_DTB_PHYS);

	if (size > FUZZ_DTB_MAX)
		return 0;
	/* What follows the input in "RAM" must not depend on earlier inputs. */
	memcpy(fdt, data, size);
	if (last_size > size)
		memset((char *)fdt + size, 0, last_size - size);
	last_size = size;

	host_early_boot_reset();
	host_image_place(FUZZ_LOAD, &host_image_default_layout);

	if (early_init_dt_verify(fdt))
		return 0;
	if (early_init_dt_scan(fdt))
		return 0;
	parse_early_param();
	if (arm_memblock_init(fdt, FUZZ_DTB_PHYS))
		return 0;
	check_result();
	return 0;
}
