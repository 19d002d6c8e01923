// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the kernel's whole memory boot on arbitrary machines.
 *
 * An input is a small header, a command line and a DTB (see struct
 * fuzz_header): the fuzzer chooses the RAM size (rewriting the memory
 * nodes as QEMU's -m does, or leaving the DT as a boot loader like U-Boot
 * does), the load address (so PHYS_OFFSET), where the DTB lies and the
 * command line (replacing /chosen/bootargs as QEMU's -append does).  The
 * simulated RAM covers PHYS_OFFSET to 4 GiB.  The boot runs what
 * setup_arch and start_kernel run: early_init_dt_verify/scan,
 * parse_early_param, arm_memblock_init (mem=, /memreserve/,
 * /reserved-memory, CMA), the lowmem bounds, paging_init's tables and
 * zones, the hand-over to the buddy allocator and CMA's activation.
 *
 * Bad input must produce messages, never a crash: a sanitizer report, a
 * BUG() and a panic() (which exits on the host) all count as failures, as
 * does a broken invariant, checked after every boot the kernel accepts:
 *  - memblock's sets are sorted, disjoint, and memory lies in [PHYS_OFFSET, 4G);
 *  - the kernel image and the DTB stay reserved; every /memreserve/ entry
 *    the kernel had no reason to refuse is reserved (or the boot refused);
 *  - after the hand-over no free page lies inside a reservation, in no-map
 *    memory or outside RAM, no page is free twice, and the free counts
 *    (per zone, and totalram) add up.
 * What broke goes to stderr (the host's BUG() and panic() copy their line
 * there too): run.sh discards the kernel's console, stdout, for speed.
 * Build with clang -fsanitize=fuzzer,address,undefined.
 */
#include <asm/memblock.h>
#include "../host/host_boot.h"
#include "../host/host_image.h"
#include "../host/host_mm.h"
#include "cma.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mmzone.h"
#include "of_fdt.h"
#include "of_reserved_mem.h"
#include "page-flags.h"
#include "sections.h"
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_RAM_BASE	 0x60000000ULL /* vexpress-a9 */
#define FUZZ_TEXT_OFFSET 0x10000ULL
#define FUZZ_DTB_MAX	 SZ_1M
/* Past this much memory only the early stages run: mem_map would cost each run too much. */
#define FUZZ_LATE_MAX SZ_256M

/*
 * The input's first bytes.  All zero is the default machine: the DT as
 * given, the kernel at RAM base + 0x10000, the DTB 128 MiB into RAM, no
 * command line of our own.  The command line (NUL-terminated, when
 * FUZZ_CMDLINE) follows the header; the DTB follows that.
 */
struct fuzz_header {
	u8 flags;
	u8 load_mb;  /* PHYS_OFFSET = RAM base + (load_mb % 16) MiB */
	u16 ram_64k; /* with FUZZ_MEM: RAM of (ram_64k + 1) * 64 KiB */
	u32 dtb_off; /* the DTB at RAM base + 128 MiB + dtb_off * 8 (mod 256 MiB) */
} __packed;

#define FUZZ_MEM     0x01 /* rewrite the memory nodes, as QEMU's -m */
#define FUZZ_CMDLINE 0x02 /* replace /chosen/bootargs, as QEMU's -append */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/* The machine of one run. */
static struct {
	phys_addr_t phys_offset, load, kernel_end, dtb_phys;
	const char *cmdline;
} m;

/* The input's DTB, copied to a boundary libfdt may read with word loads; and the edited one. */
static u8 in_buf[FUZZ_DTB_MAX] __aligned(8);
static u8 edit_buf[FUZZ_DTB_MAX + 8192] __aligned(8);

/**
 * LLVMFuzzerInitialize - libFuzzer's one-time set-up
 * @argc: libFuzzer's arguments (unused)
 * @argv: likewise
 */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* ---------------------------------------------------------------- the machine */

static int root_cells(const void *fdt, const char *name)
{
	const fdt32_t *p = fdt_getprop(fdt, 0, name, NULL);

	return p ? (int)fdt32_to_cpu(*p) : 1;
}

/* QEMU's -m: every memory node goes, and one at the RAM base with @size takes their place. */
static bool rewrite_memory(void *fdt, u64 size)
{
	int ac = root_cells(fdt, "#address-cells"), sc = root_cells(fdt, "#size-cells");
	fdt32_t reg[4];
	int node, len = 0;

	if ((ac != 1 && ac != 2) || (sc != 1 && sc != 2))
		return false;
	while ((node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory",
						     sizeof("memory"))) >= 0)
		if (fdt_del_node(fdt, node))
			return false;
	node = fdt_add_subnode(fdt, 0, "memory@60000000");
	if (node < 0)
		return false;
	if (ac == 2)
		reg[len++] = 0;
	reg[len++] = cpu_to_fdt32((u32)FUZZ_RAM_BASE);
	if (sc == 2)
		reg[len++] = 0;
	reg[len++] = cpu_to_fdt32((u32)size);
	return !fdt_setprop_string(fdt, node, "device_type", "memory") &&
	       !fdt_setprop(fdt, node, "reg", reg, len * 4);
}

/* QEMU's -append: /chosen/bootargs becomes @cmdline. */
static bool rewrite_cmdline(void *fdt, const char *cmdline)
{
	int node = fdt_path_offset(fdt, "/chosen");

	if (node < 0)
		node = fdt_add_subnode(fdt, 0, "chosen");
	return node >= 0 && !fdt_setprop_string(fdt, node, "bootargs", cmdline);
}

/*
 * The DTB as the boot loader hands it over: as given, or edited as QEMU
 * would (only a blob the kernel accepts can be edited).  NULL if the edit
 * is impossible; the input is then not interesting.
 */
static const void *loader_dtb(const struct fuzz_header *h, const void *blob, size_t *size)
{
	if (!(h->flags & (FUZZ_MEM | FUZZ_CMDLINE)))
		return blob;
	if (*size < sizeof(struct fdt_header) || fdt_totalsize(blob) > *size ||
	    early_init_dt_verify(blob) || fdt_open_into(blob, edit_buf, sizeof(edit_buf)))
		return NULL;
	if ((h->flags & FUZZ_MEM) && !rewrite_memory(edit_buf, ((u64)h->ram_64k + 1) * SZ_64K))
		return NULL;
	if ((h->flags & FUZZ_CMDLINE) && !rewrite_cmdline(edit_buf, m.cmdline))
		return NULL;
	if (fdt_pack(edit_buf) || fdt_totalsize(edit_buf) > FUZZ_DTB_MAX)
		return NULL;
	*size = fdt_totalsize(edit_buf);
	return edit_buf;
}

/*
 * Place everything: RAM from PHYS_OFFSET up (fresh, zeroed), the pretend
 * image, the DTB.  False if the DTB would overlap the image: moving it out
 * of the way is head.S's job, before any of this runs.
 */
static bool place(const struct fuzz_header *h, const void *dtb, size_t size)
{
	m.phys_offset = FUZZ_RAM_BASE + (phys_addr_t)(h->load_mb % 16) * SZ_1M;
	m.load = m.phys_offset + FUZZ_TEXT_OFFSET;
	m.kernel_end = m.load + host_image_size(&host_image_default_layout);
	m.dtb_phys = FUZZ_RAM_BASE + SZ_128M + ((phys_addr_t)h->dtb_off * 8) % SZ_256M;
	if (m.dtb_phys < m.kernel_end && m.load < m.dtb_phys + size)
		return false;
	host_ram_setup(m.phys_offset, SZ_4G - m.phys_offset);
	host_image_place(m.load, &host_image_default_layout);
	memcpy(__va(m.dtb_phys), dtb, size);
	return true;
}

/* arch/arm/mm/mmu.c's adjust_lowmem_bounds(), with this run's PHYS_OFFSET (as mmsim). */
static void adjust_lowmem_bounds(void)
{
	struct lowmem_bounds b = arm_lowmem_bounds(m.phys_offset);

	host_set_lowmem_limit(b.lowmem_limit);
	memblock_set_current_limit(b.memblock_limit);
}

/* The host suites' reset of every early-boot module, and the kmap table. */
static void reset_all(void)
{
	host_early_boot_reset();
	host_kmap_reset();
}

/* ---------------------------------------------------------------- invariants */

/*
 * What the boot must keep from the page allocator, sorted: the kernel image
 * (but the boot page table at its end, which paging_init gives back), the
 * DTB, the /memreserve/ entries the kernel accepts, the /reserved-memory
 * regions it accepted that are not lent to the allocator (reusable ones
 * are CMA's).  memblock's own allocations may be given back (mem_map over
 * holes), so they are not in it.
 */
static struct memblock_region *rsv;
static unsigned long rsv_cnt, rsv_max;

static void add_rsv(phys_addr_t base, phys_addr_t size)
{
	if (rsv_cnt == rsv_max) {
		rsv_max = rsv_max ? 2 * rsv_max : 64;
		rsv = realloc(rsv, rsv_max * sizeof(*rsv));
		BUG_ON(!rsv);
	}
	rsv[rsv_cnt].base = base;
	rsv[rsv_cnt].size = size;
	rsv_cnt++;
}

static int cmp_rsv(const void *a, const void *b)
{
	const struct memblock_region *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

static bool memreserve_accepted(phys_addr_t base, phys_addr_t size)
{
	if (base + size - 1 < base || (base < m.kernel_end && m.load < base + size))
		return false;
	return !arm_memory_limit() || base + size <= memblock_end_of_DRAM();
}

static void collect_reservations(const void *fdt)
{
	uint64_t base, size;

	rsv_cnt = 0;
	add_rsv(m.load, m.kernel_end - PGD_TABLE_SIZE - m.load);
	add_rsv(m.dtb_phys, fdt_totalsize(fdt)); /* what follows the blob is not the DTB */
	for (int n = 0; fdt_get_mem_rsv(fdt, n, &base, &size) == 0 && size; n++)
		if (memreserve_accepted(base, size))
			add_rsv(base, size);
	for (int i = 0; i < of_reserved_mem_count(); i++) {
		const struct reserved_mem *r = of_reserved_mem_get(i);

		/* A region its initialiser declined was given back, as Linux does. */
		if (!r->reusable && !r->released)
			add_rsv(r->base, r->size);
	}
	qsort(rsv, rsv_cnt, sizeof(*rsv), cmp_rsv);
}

/* Overlapping ranges are fine: any one holding @addr will do, so scan back. */
static bool in_reservation(phys_addr_t addr)
{
	unsigned long lo = 0, hi = rsv_cnt;

	while (lo < hi) { /* the first range starting above @addr */
		unsigned long mid = lo + (hi - lo) / 2;

		if (rsv[mid].base <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (unsigned long i = lo; i-- > 0;) {
		if (addr - rsv[i].base < rsv[i].size) {
			fprintf(stderr, "fuzz: free page 0x%llx lies in 0x%llx + 0x%llx\n", addr,
				rsv[i].base, rsv[i].size);
			return true;
		}
	}
	return false;
}

static void check_sets(void)
{
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
	for (int i = 0; i < of_reserved_mem_count(); i++)
		BUG_ON(!of_reserved_mem_get(i)->size);
}

/*
 * Every /memreserve/ entry is reserved, unless the kernel refuses it with
 * a message (it wraps, or covers the kernel image), or it lies above what
 * mem= kept (the reservation of memory that is gone is dropped).
 */
static void check_memreserve(const void *fdt)
{
	uint64_t base, size;

	for (int n = 0; fdt_get_mem_rsv(fdt, n, &base, &size) == 0 && size; n++) {
		if (!memreserve_accepted(base, size))
			continue;
		BUG_ON(!memblock_is_reserved(base));
		BUG_ON(!memblock_is_reserved(base + size - 1));
	}
}

static void check_early(const void *fdt)
{
	check_sets();
	/* The running kernel stays reserved, mapped and inside memory; so does the DTB. */
	BUG_ON(!memblock_is_region_memory(m.load, m.kernel_end - m.load));
	BUG_ON(!memblock_is_region_reserved(m.load, m.kernel_end - m.load));
	BUG_ON(!memblock_is_map_memory(m.load));
	BUG_ON(!memblock_is_reserved(m.dtb_phys));
	check_memreserve(fdt);
}

/* No free page inside a reservation, in no-map memory, or outside RAM. */
static void check_free_pages(struct zone *zone)
{
	struct page *page;

	for (unsigned int order = 0; order < MAX_ORDER; order++)
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			list_for_each_entry (page, &zone->free_area[order].free_list[mt],
					     buddy_list) {
				phys_addr_t pa = PFN_PHYS(page_to_pfn(page));

				for (phys_addr_t end = pa + (PAGE_SIZE << order); pa < end;
				     pa += PAGE_SIZE) {
					BUG_ON(!memblock_is_map_memory(pa));
					BUG_ON(in_reservation(pa));
				}
			}
}

static void check_late(void)
{
	unsigned long managed = 0;
	char why[160];

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];

		if (!populated_zone(zone))
			continue;
		if (!host_mm_check_zone(zone, why, sizeof(why))) {
			fprintf(stderr, "fuzz: zone %s: %s\n", zone->name, why);
			BUG();
		}
		check_free_pages(zone);
		BUG_ON(zone_managed_pages(zone) > zone->present_pages);
		managed += zone_managed_pages(zone);
	}
	BUG_ON(managed != totalram_pages());
}

/* ---------------------------------------------------------------- the boot */

static void publish_nothing(const void *entry)
{
	(void)entry; /* no table walker on the host */
}

/* paging_init() as far as memory goes (mmsim's stage), then start_kernel's mm part. */
static void boot_late(void)
{
	const struct pgtable_ops ops = {pgtable_alloc_from_memblock, publish_nothing};
	struct kernel_tables kt;

	build_mem_type_table(true);
	build_kernel_tables(&kt, &ops);
	memblock_phys_free(__pa(_end) - PGD_TABLE_SIZE, PGD_TABLE_SIZE);
	memblock_set_current_limit(arm_lowmem_limit);
	bootmem_init();
	mm_core_init();
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
}

/**
 * LLVMFuzzerTestOneInput - boot the memory set-up on one input
 * @data: header, command line, DTB (struct fuzz_header)
 * @size: how many bytes
 *
 * Every module's state is reset first, so an input behaves the same
 * whatever ran before it.  Returns 0 (libFuzzer's "keep going").
 */
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static char cmdline[COMMAND_LINE_SIZE + 64];
	struct fuzz_header h;
	const void *dtb;
	void *fdt;
	size_t n;

	if (size < sizeof(h))
		return 0;
	memcpy(&h, data, sizeof(h));
	data += sizeof(h);
	size -= sizeof(h);
	m.cmdline = NULL;
	if (h.flags & FUZZ_CMDLINE) {
		n = strnlen((const char *)data, min(size, sizeof(cmdline) - 1));
		memcpy(cmdline, data, n);
		cmdline[n] = '\0';
		m.cmdline = cmdline;
		data += min(n + 1, size);
		size -= min(n + 1, size);
	}
	if (size > FUZZ_DTB_MAX)
		return 0;
	memcpy(in_buf, data, size);
	dtb = loader_dtb(&h, in_buf, &size);
	if (!dtb || !place(&h, dtb, size))
		return 0;
	fdt = __va(m.dtb_phys);

	reset_all();
	if (early_init_dt_verify(fdt) || early_init_dt_scan(fdt))
		return 0;
	parse_early_param();
	adjust_lowmem_bounds();
	if (arm_memblock_init(fdt, m.dtb_phys))
		return 0; /* refused, with a message: the boot halts */
	adjust_lowmem_bounds();
	check_early(fdt);
	collect_reservations(fdt);
	if (!arm_lowmem_limit || memblock_end_of_DRAM() - PHYS_OFFSET > FUZZ_LATE_MAX)
		return 0;
	boot_late();
	check_late();
	return 0;
}
