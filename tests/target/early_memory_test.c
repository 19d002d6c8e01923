// SPDX-License-Identifier: GPL-2.0
/*
 * The early memory stage on the target: what memblock learnt from the DT
 * matches the DT (and the size QEMU was started with), the kernel image,
 * the DTB and the /memreserve/ entries were reserved, and memblock_alloc
 * handed out usable, zeroed memory.  memblock gives its memory to the buddy
 * allocator before suites run, so an early hook looks at it first and the
 * cases check what the hook recorded.
 */
#include "cmdline.h"
#include "init.h"
#include "ktap.h"
#include "ram_probe.h"
#include "memblock.h"
#include "mm.h"
#include "page-flags.h"
#include "sections.h"
#include <asm/memory.h>
#include <asm/setup.h>
#include <libfdt.h>
#include <string.h>

#define PROBE_SIZE SZ_64K

static struct {
	bool ran;
	phys_addr_t mem_size;
	bool kernel_reserved, dtb_reserved;
	int nr_rsv, nr_rsv_unreserved; /* /memreserve/ entries, and those memblock lacked */
	u64 first_unreserved;
	/* memblock_alloc: where, zeroed, usable, reserved while held, free after */
	phys_addr_t probe_phys;
	bool probe_zeroed, probe_readback, probe_reserved, probe_freed;
} seen;

static u64 expected_mem; /* selftest.mem=: the size QEMU was started with */

static int __init early_selftest_mem(char *val)
{
	return early_param_size("selftest.mem", val, &expected_mem);
}
early_param("selftest.mem", early_selftest_mem);

static void probe_memblock_alloc(void)
{
	u8 *p = memblock_alloc(PROBE_SIZE, PAGE_SIZE);
	bool zeroed = true, readback = true;

	if (!p)
		return;
	for (unsigned int i = 0; i < PROBE_SIZE; i++)
		zeroed &= p[i] == 0;
	for (unsigned int i = 0; i < PROBE_SIZE; i++)
		p[i] = (u8)(i * 7 + 1);
	for (unsigned int i = 0; i < PROBE_SIZE; i++)
		readback &= p[i] == (u8)(i * 7 + 1);
	seen.probe_phys = __pa(p);
	seen.probe_zeroed = zeroed;
	seen.probe_readback = readback;
	seen.probe_reserved = memblock_is_region_reserved(seen.probe_phys, PROBE_SIZE);
	memblock_free(p, PROBE_SIZE);
	seen.probe_freed = !memblock_is_region_reserved(seen.probe_phys, PROBE_SIZE);
}

static void early_memory_look(void)
{
	const void *fdt = initial_boot_params;
	u64 base, size;

	seen.ran = true;
	seen.mem_size = memblock_phys_mem_size();
	/* paging_init gave back the boot page table after BSS, so stop at BSS's end. */
	seen.kernel_reserved =
		memblock_is_reserved(__pa(_text)) && memblock_is_reserved(__pa(__bss_stop) - 1);
	seen.dtb_reserved = memblock_is_region_reserved(dtb_phys, fdt_totalsize(fdt));
	for (int i = 0; i < fdt_num_mem_rsv(fdt); i++) {
		if (fdt_get_mem_rsv(fdt, i, &base, &size) || !size)
			continue;
		seen.nr_rsv++;
		if (memblock_is_reserved(base) && memblock_is_reserved(base + size - 1))
			continue;
		if (!seen.nr_rsv_unreserved++)
			seen.first_unreserved = base;
	}
	probe_memblock_alloc();
}
KTAP_EARLY_HOOK(early_memory_look);

/*
 * Every page of [start, end) that is memory is PG_reserved.  (With mem= the
 * DTB may lie beyond the memory kept: it has no struct page then.)
 */
static bool range_reserved_pages(phys_addr_t start, phys_addr_t end)
{
	for (unsigned long pfn = PFN_DOWN(start); pfn < PFN_UP(end); pfn++)
		if (pfn_valid(pfn) && !PageReserved(pfn_to_page(pfn)))
			return false;
	return true;
}

static void early_memory_hook_ran_before_the_hand_over(struct ktap_test *t)
{
	KTAP_EXPECT_TRUE(t, seen.ran);
}

#define MAX_DT_RANGES 16

struct range64 {
	u64 start, end;
};

/* Add [start, end) to @r, merging with what it overlaps or touches. */
static int add_range(struct range64 *r, int n, u64 start, u64 end)
{
	for (int i = 0; i < n; i++) {
		if (start <= r[i].end && r[i].start <= end) {
			start = min(start, r[i].start);
			end = max(end, r[i].end);
			r[i] = r[--n];
			return add_range(r, n, start, end); /* may now touch another */
		}
	}
	if (n == MAX_DT_RANGES)
		return -1; /* more banks than this check can hold: it says so and skips */
	r[n++] = (struct range64){start, end};
	return n;
}

/*
 * The DT's memory nodes, read again here with libfdt, as the scan should
 * have understood them: the union of the ranges, page-trimmed, without
 * what lies above 4 GiB (no LPAE) or below PHYS_OFFSET.  0 when there
 * are more separate ranges than MAX_DT_RANGES.
 */
static u64 dt_memory_size(const void *fdt)
{
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0), node, n = 0;
	struct range64 r[MAX_DT_RANGES];
	u64 total = 0;

	for (node = fdt_first_subnode(fdt, 0); node >= 0; node = fdt_next_subnode(fdt, node)) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const char *status = fdt_getprop(fdt, node, "status", NULL);
		const fdt32_t *reg;
		int len;

		if (!type || strcmp(type, "memory") ||
		    (status && strcmp(status, "okay") && strcmp(status, "ok")))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		for (int i = 0; reg && i + ac + sc <= len / 4; i += ac + sc) {
			u64 base = 0, size = 0;

			for (int c = 0; c < ac; c++)
				base = base << 32 | fdt32_to_cpu(reg[i + c]);
			for (int c = 0; c < sc; c++)
				size = size << 32 | fdt32_to_cpu(reg[i + ac + c]);
			u64 start = max(ALIGN(base, PAGE_SIZE), (u64)PHYS_OFFSET);
			u64 end = min(ALIGN_DOWN(base + size, PAGE_SIZE), SZ_4G);

			if (start < end && n >= 0)
				n = add_range(r, n, start, end);
		}
	}
	if (n < 0)
		return 0;
	for (int i = 0; i < n; i++)
		total += r[i].end - r[i].start;
	return total;
}

static void early_memory_matches_the_device_tree(struct ktap_test *t)
{
	u64 dt_size;

	if (strstr(boot_command_line, "mem=") == boot_command_line ||
	    strstr(boot_command_line, " mem=")) {
		ktap_skip(t, "mem= limits memory below what the DT says");
		return;
	}
	dt_size = dt_memory_size(initial_boot_params);
	if (!dt_size) {
		ktap_skip(t, "the DT has more separate memory ranges than this check holds");
		return;
	}
	/* Less what the RAM probe found missing (a DT claiming more than the board has). */
	KTAP_EXPECT_EQ(t, seen.mem_size, dt_size - ram_probe_dropped);
}

static void early_memory_matches_what_qemu_was_given(struct ktap_test *t)
{
	if (!expected_mem) {
		ktap_skip(t, "no selftest.mem= on the command line");
		return;
	}
	KTAP_EXPECT_EQ(t, seen.mem_size, expected_mem);
	KTAP_EXPECT_EQ(t, memblock_start_of_DRAM(), PHYS_OFFSET);
}

static void early_memory_kernel_and_dtb_were_reserved(struct ktap_test *t)
{
	KTAP_EXPECT_TRUE(t, seen.kernel_reserved);
	KTAP_EXPECT_TRUE(t, seen.dtb_reserved);
	/* ... and after the hand-over their pages are PG_reserved, never free. */
	KTAP_EXPECT_TRUE(t, range_reserved_pages(__pa(_text), __pa(__bss_stop)));
	KTAP_EXPECT_TRUE(
		t, range_reserved_pages(dtb_phys, dtb_phys + fdt_totalsize(initial_boot_params)));
}

/*
 * All of them, however many (the 129th used to be lost), and
 * after the hand-over none of their pages is free.
 */
static void early_memory_memreserve_entries_were_reserved(struct ktap_test *t)
{
	const void *fdt = initial_boot_params;
	int pages_free = 0;
	u64 base, size;

	if (!seen.nr_rsv) {
		ktap_skip(t, "the DTB has no /memreserve/ entries");
		return;
	}
	if (seen.nr_rsv_unreserved)
		ktap_info("first unreserved /memreserve/ entry at 0x%llx", seen.first_unreserved);
	KTAP_EXPECT_EQ(t, seen.nr_rsv_unreserved, 0);
	for (int i = 0; i < fdt_num_mem_rsv(fdt); i++)
		if (!fdt_get_mem_rsv(fdt, i, &base, &size) && size &&
		    !range_reserved_pages(base, base + size))
			pages_free++;
	KTAP_EXPECT_EQ(t, pages_free, 0);
}

static void early_memory_memblock_alloc_returns_usable_zeroed_memory(struct ktap_test *t)
{
	KTAP_ASSERT_NE(t, seen.probe_phys, 0);
	KTAP_EXPECT_TRUE(t, seen.probe_zeroed);
	KTAP_EXPECT_TRUE(t, seen.probe_readback);
	KTAP_EXPECT_TRUE(t, seen.probe_reserved);
	KTAP_EXPECT_TRUE(t, seen.probe_freed);
	KTAP_EXPECT_TRUE(t, IS_ALIGNED(seen.probe_phys, PAGE_SIZE));
	KTAP_EXPECT_GE(t, seen.probe_phys, memblock_start_of_DRAM());
	KTAP_EXPECT_LE(t, seen.probe_phys + PROBE_SIZE, memblock_end_of_DRAM());
}

static struct ktap_case early_memory_cases[] = {
	KTAP_CASE(early_memory_hook_ran_before_the_hand_over),
	KTAP_CASE(early_memory_matches_the_device_tree),
	KTAP_CASE(early_memory_matches_what_qemu_was_given),
	KTAP_CASE(early_memory_kernel_and_dtb_were_reserved),
	KTAP_CASE(early_memory_memreserve_entries_were_reserved),
	KTAP_CASE(early_memory_memblock_alloc_returns_usable_zeroed_memory),
	{}};
KTAP_SUITE(early_memory, early_memory_cases);
