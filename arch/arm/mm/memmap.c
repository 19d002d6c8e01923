// SPDX-License-Identifier: GPL-2.0
/*
 * The memory map as data: one JSON document, physical and virtual, that
 * scripts/memmap draws.  One emitter for two callers: the kernel prints it
 * at the end of the boot with the "memmap_json" option, and mmsim --json
 * prints it on the host for a board's DTB, from the same state (the same
 * memblock, zones, CMA areas, page tables).  Ours: Linux has no such
 * document (its pieces are in /proc/iomem, /sys/kernel/debug/memblock,
 * /proc/zoneinfo and the boot log).
 *
 * The document is printed one element a line, so a console that keeps
 * lines intact carries it; the first line starts with {"format":
 * "a9mm-memmap-1" and the last is "]}".  Every element has a kind, a name,
 * a base and a size (decimal: JSON has no hex); docs/memmap.md lists them.
 */
#include "cma.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mm.h"
#include "mmzone.h"
#include "of_address.h"
#include "of_fdt.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include "sections.h"
#include "vmalloc.h"
#include <asm/memmap.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <libfdt.h>
#include <string.h>

/* Elements are printed one behind: the last of a list must not end with a comma. */
struct emitter {
	memmap_out_t out;
	char pending[640];
	bool record; /* remember physical items, to say what each reservation holds */
};

/* The named physical items, so memblock.reserved's regions can list them. */
#define MAX_NAMED 48
static struct {
	u64 base, size;
	char name[48];
} named[MAX_NAMED];
static int nr_named;

static void flush(struct emitter *e, const char *close)
{
	if (e->pending[0])
		e->out("%s\n", e->pending);
	e->pending[0] = '\0';
	if (close)
		e->out("%s\n", close);
}

static void open_list(struct emitter *e, const char *line)
{
	flush(e, NULL);
	e->out("%s\n", line);
}

/* JSON string contents: names come from the DT, so quote what must be quoted. */
static void json_string(char *buf, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s && n + 7 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			buf[n++] = '\\';
			buf[n++] = (char)c;
		} else if (c < 0x20) {
			n += (size_t)scnprintf(buf + n, size - n, "\\u%04x", c);
		} else {
			buf[n++] = (char)c;
		}
	}
	buf[n] = '\0';
}

/* One element: {"kind", "name", "base", "size"} and optional extra fields. */
static void element(struct emitter *e, const char *kind, const char *name, u64 base, u64 size,
		    const char *extra)
{
	char quoted[96];

	if (e->pending[0])
		e->out("%s,\n", e->pending);
	if (e->record && nr_named < MAX_NAMED) {
		named[nr_named].base = base;
		named[nr_named].size = size;
		scnprintf(named[nr_named].name, sizeof(named[0].name), "%s%s%s",
			  !strcmp(kind, "cma") ? "CMA " : "", name,
			  !strcmp(kind, "reserved-memory") ? " (reserved-memory)" : "");
		nr_named++;
	}
	json_string(quoted, sizeof(quoted), name);
	scnprintf(e->pending, sizeof(e->pending),
		  "  {\"kind\": \"%s\", \"name\": \"%s\", \"base\": %llu, \"size\": %llu%s}", kind,
		  quoted, (unsigned long long)base, (unsigned long long)size, extra ? extra : "");
}

static void ram_and_holes(struct emitter *e)
{
	struct memblock_region *r;
	phys_addr_t last_end = 0;
	bool first = true;

	for_each_memblock (memory, r) {
		if (!first && r->base > last_end)
			element(e, "hole", "no RAM", last_end, r->base - last_end, NULL);
		element(e, "ram", r->flags & MEMBLOCK_NOMAP ? "memory (no-map)" : "memory", r->base,
			r->size, NULL);
		last_end = r->base + r->size;
		first = false;
	}
}

static void zones(struct emitter *e)
{
	struct zone *zone;

	for_each_zone (zone)
		if (zone->spanned_pages)
			element(e, "zone", zone->name, PFN_PHYS(zone->zone_start_pfn),
				PFN_PHYS(zone->spanned_pages), NULL);
}

static void kernel_image(struct emitter *e, bool virt)
{
	/* Built here, not static: on the host the section symbols are variables. */
	const struct {
		const char *name;
		const char *start, *end;
	} sections[] = {
		{"kernel .text", _text, _etext},
		{"kernel .rodata", __start_rodata, __end_rodata},
		{"kernel .init", __init_begin, __init_end},
		{"kernel .data", _sdata, _edata},
		{"kernel .bss", __bss_start, __bss_stop},
	};

	for (size_t i = 0; i < ARRAY_SIZE(sections); i++) {
		const char *start = sections[i].start, *end = sections[i].end;

		if (end <= start)
			continue;
		element(e, "kernel", sections[i].name,
			virt ? (u64)__phys_to_virt(__pa(start)) : (u64)__pa(start),
			(u64)(end - start), NULL);
	}
}

static void boot_loader_items(struct emitter *e, const struct memmap_inputs *in)
{
	const void *fdt = in->fdt;
	char name[32];

	if (fdt)
		element(e, "dtb", "device tree blob", in->dtb_phys, fdt_totalsize(fdt), NULL);
	if (phys_initrd_size)
		element(e, "initrd", "initrd", phys_initrd_start, phys_initrd_size, NULL);
	for (int i = 0; fdt && i < fdt_num_mem_rsv(fdt); i++) {
		uint64_t base, size;

		if (fdt_get_mem_rsv(fdt, i, &base, &size) || !size)
			continue;
		scnprintf(name, sizeof(name), "/memreserve/ %d", i);
		element(e, "memreserve", name, base, size, NULL);
	}
}

static void reservations(struct emitter *e)
{
	for (int k = 0; k < of_reserved_mem_count(); k++) {
		const struct reserved_mem *rm = of_reserved_mem_get(k);

		if (rm->size)
			element(e, "reserved-memory", rm->name, rm->base, rm->size,
				rm->nomap      ? ", \"no-map\": true"
				: rm->reusable ? ", \"reusable\": true"
					       : NULL);
	}
	for (unsigned int k = 0; k < cma_area_count; k++)
		if (cma_areas[k].count)
			element(e, "cma", cma_get_name(&cma_areas[k]), cma_get_base(&cma_areas[k]),
				cma_get_size(&cma_areas[k]), NULL);
}

/*
 * memblock.reserved as it stands, each region with the named items inside
 * it ("holds"): memblock keeps no owners, so this is how a reservation gets
 * a name.  An empty list is an early allocation nobody named (the vectors
 * page, the zero page, the zone tables).
 */
static void memblock_reserved(struct emitter *e)
{
	struct memblock_region *r;
	char name[40], holds[400];
	int i = 0;

	for_each_memblock (reserved, r) {
		size_t n = (size_t)scnprintf(holds, sizeof(holds), ", \"holds\": [");

		for (int k = 0; k < nr_named; k++) {
			if (named[k].base >= r->base + r->size ||
			    r->base >= named[k].base + named[k].size)
				continue;
			/* Room for this name, and for "…" and the closing bracket after it. */
			if (n + strlen(named[k].name) + 16 >= sizeof(holds)) {
				n += (size_t)scnprintf(holds + n, sizeof(holds) - n, ", \"…\"");
				break;
			}
			n += (size_t)scnprintf(holds + n, sizeof(holds) - n, "%s\"%s\"",
					       holds[n - 1] == '[' ? "" : ", ", named[k].name);
		}
		scnprintf(holds + n, sizeof(holds) - n, "]");
		scnprintf(name, sizeof(name), "memblock.reserved[%d]", i++);
		element(e, "reserved", name, r->base, r->size, holds);
	}
}

/* mem_map as alloc_node_mem_map() allocated it: MAX_ORDER-aligned at both ends. */
static void mem_map_area(struct emitter *e)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	unsigned long start = pgdat->node_start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	unsigned long end = ALIGN(pgdat_end_pfn(pgdat), MAX_ORDER_NR_PAGES);

	if (!pgdat->node_mem_map)
		return;
	element(e, "mem_map", "mem_map (struct page array)",
		__pa(pgdat->node_mem_map - (pgdat->node_start_pfn - start)),
		(u64)(end - start) * sizeof(struct page), NULL);
}

/* The first-level table and the second-level tables it points to, runs merged. */
static void page_tables(struct emitter *e, const pmd_t *pgd)
{
	const phys_addr_t none = ~(phys_addr_t)0;
	phys_addr_t start = 0, end = 0;

	if (!pgd)
		return;
	element(e, "page-tables", "kernel pgd (first level)", __pa(pgd), PGD_TABLE_SIZE, NULL);
	for (;;) {
		/* The lowest table at or above the run's end: runs come out sorted and whole. */
		phys_addr_t next = none;

		for (unsigned int i = 0; i < PTRS_PER_PGD; i++) {
			phys_addr_t t = pmd_table(pgd[i]) ? pmd_page_paddr(pgd[i]) : none;

			if (t >= end && t < next)
				next = t;
		}
		if (next != end) {
			if (end != start)
				element(e, "page-tables", "pte tables (second level)", start,
					end - start, NULL);
			if (next == none)
				return;
			start = next;
		}
		end = next + PTE_TABLE_SIZE;
	}
}

/* ---------------------------------------------------------------- devices */

static bool disabled(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return status && strcmp(status, "okay") && strcmp(status, "ok");
}

/* A device: its path and first "reg" range, translated where the buses say how. */
struct dt_device {
	char path[128];
	u64 reg, addr, size;
	bool translated;
};

/*
 * The next node after @node with a "reg", outside /memory, /reserved-memory
 * and /cpus, not disabled; returns its offset (negative at the end).  The
 * address is translated as drivers see it (boot/of_address.c).
 */
static int next_device(const void *fdt, int node, struct dt_device *d)
{
	while ((node = fdt_next_node(fdt, node, NULL)) >= 0) {
		u64 cpu;

		if (!fdt_getprop(fdt, node, "reg", NULL) || disabled(fdt, node) ||
		    of_get_address(fdt, node, 0, &d->reg, &d->size) ||
		    fdt_get_path(fdt, node, d->path, sizeof(d->path)))
			continue;
		if (!strncmp(d->path, "/memory", 7) || !strncmp(d->path, "/reserved-memory", 16) ||
		    !strncmp(d->path, "/cpus", 5))
			continue;
		cpu = of_translate_address(fdt, node, d->reg);
		d->translated = cpu != OF_BAD_ADDR;
		d->addr = d->translated ? cpu : d->reg;
		return node;
	}
	return node;
}

static void devices(struct emitter *e, const void *fdt)
{
	struct dt_device d;
	char extra[64];

	for (int node = next_device(fdt, -1, &d); node >= 0; node = next_device(fdt, node, &d)) {
		scnprintf(extra, sizeof(extra), ", \"reg\": %llu%s", (unsigned long long)d.reg,
			  d.translated ? "" : ", \"untranslated\": true");
		element(e, "device", d.path, d.addr, d.size, extra);
	}
}

/* The DT device whose registers @phys is in, for naming an ioremap; false if none. */
static bool device_at(const void *fdt, phys_addr_t phys, struct dt_device *d)
{
	for (int node = next_device(fdt, -1, d); fdt && node >= 0; node = next_device(fdt, node, d))
		if (d->translated && phys >= d->addr && phys - d->addr < d->size)
			return true;
	return false;
}

/* Fixed virtual areas, from asm/memory-layout.h. */
static void virtual_layout(struct emitter *e)
{
	unsigned long lowmem_end = __phys_to_virt(arm_lowmem_limit);
	char phys[48];

	element(e, "modules", "modules", MODULES_VADDR, PKMAP_BASE - MODULES_VADDR, NULL);
	element(e, "pkmap", "pkmap (kmap)", PKMAP_BASE, PAGE_OFFSET - PKMAP_BASE, NULL);
	scnprintf(phys, sizeof(phys), ", \"phys\": %llu", (unsigned long long)PHYS_OFFSET);
	element(e, "lowmem", "linear map of lowmem", PAGE_OFFSET, lowmem_end - PAGE_OFFSET, phys);
	element(e, "vmalloc", "vmalloc", VMALLOC_START_FOR(lowmem_end),
		VMALLOC_END - VMALLOC_START_FOR(lowmem_end), NULL);
	element(e, "dtb-map", "DTB (fixed map)", FDT_FIXED_BASE, FDT_FIXED_SIZE, NULL);
	element(e, "early-io", "early I/O", EARLY_IO_BASE, EARLY_IO_SIZE, NULL);
	element(e, "fixmap", "fixmap (kmap_atomic)", FIXADDR_START, FIXADDR_END - FIXADDR_START,
		NULL);
	element(e, "vectors", "vectors", VECTORS_BASE, PAGE_SIZE, NULL);
}

/* What vmalloc keeps: every busy vmap_area (ioremaps, vmalloc, vmap). */
static void vmap_areas(struct emitter *e, const void *fdt)
{
	struct vmap_area *va;
	struct dt_device d;
	char name[80], extra[200];

	for_each_vmap_area (va) {
		const struct vm_struct *vm = va->vm;
		const char *kind = !vm			    ? "vmap"
				   : vm->flags & VM_IOREMAP ? "ioremap"
				   : vm->flags & VM_ALLOC   ? "vmalloc-area"
							    : "vmap";

		scnprintf(name, sizeof(name), "%s %pS", kind, vm ? vm->caller : NULL);
		extra[0] = '\0';
		if (vm && vm->flags & VM_IOREMAP) {
			int n = scnprintf(extra, sizeof(extra), ", \"phys\": %llu",
					  (unsigned long long)vm->phys_addr);

			if (fdt && device_at(fdt, vm->phys_addr, &d))
				scnprintf(extra + n, sizeof(extra) - n, ", \"device\": \"%s\"",
					  d.path);
		}
		element(e, kind, name, va->va_start, va->va_end - va->va_start, extra);
	}
}

/**
 * memmap_print_json - print the memory map as one JSON document
 * @out: printk on the target, printf in mmsim
 * @in: what only the caller knows: the DTB (virtual and physical) and the kernel pgd
 */
void memmap_print_json(memmap_out_t out, const struct memmap_inputs *in)
{
	struct emitter e = {.out = out};
	char model[64] = "";
	const char *m = in->fdt ? fdt_getprop(in->fdt, 0, "model", NULL) : NULL;

	json_string(model, sizeof(model), m ? m : "");
	out("{\"format\": \"a9mm-memmap-1\", \"model\": \"%s\", \"page_offset\": %lu, "
	    "\"phys_offset\": %llu, \"lowmem_limit\": %llu,\n",
	    model, (unsigned long)PAGE_OFFSET, (unsigned long long)PHYS_OFFSET,
	    (unsigned long long)arm_lowmem_limit);
	open_list(&e, "\"physical\": [");
	ram_and_holes(&e);
	zones(&e);
	nr_named = 0;
	e.record = true;
	kernel_image(&e, false);
	boot_loader_items(&e, in);
	reservations(&e);
	mem_map_area(&e);
	page_tables(&e, in->pgd);
	e.record = false;
	memblock_reserved(&e);
	flush(&e, "],");
	open_list(&e, "\"virtual\": [");
	virtual_layout(&e);
	kernel_image(&e, true);
	vmap_areas(&e, in->fdt);
	flush(&e, "],");
	open_list(&e, "\"devices\": [");
	if (in->fdt)
		devices(&e, in->fdt);
	flush(&e, "]}");
}

bool memmap_json_at_boot;

/* "memmap_json": print the document at the end of the boot (make run asks for it). */
static int __init early_memmap_json(char *val)
{
	if (val) {
		pr_err("memmap_json=%s: memmap_json takes no value, parameter ignored\n", val);
		return -EINVAL;
	}
	memmap_json_at_boot = true;
	return 0;
}
early_param("memmap_json", early_memmap_json);
