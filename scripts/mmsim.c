// SPDX-License-Identifier: GPL-2.0
/*
 * mmsim: the kernel's early memory set-up, run on the host.
 *
 *	mmsim --dtb FILE.dtb [--mem SIZE] [--cmdline "..."] [--load ADDR]
 *	      [--elf FILE] [--summary]
 *
 * Someone bringing up a board wants to see, before flashing anything, what
 * the kernel will make of a DTB and a command line: which RAM it finds,
 * what it reserves, what it refuses and why.  mmsim links the same portable
 * code the kernel runs (the DT scan, the command line, memblock, ARM's
 * reservations) and fakes only what is not portable: physical memory is a
 * host mapping over the DT's RAM, the kernel image is a pretend one with
 * the section sizes of build/kernel.elf, and the DTB sits where QEMU's
 * -kernel would put it.  Standard output is exactly what the kernel prints;
 * mmsim's own notes go to standard error (and, with --summary, a table
 * after the boot, every line starting "mmsim: ").
 *
 * The boot is a list of stages, in the kernel's order: the DT scan,
 * memblock's reservations (and CMA's), paging_init's tables and the zones,
 * the hand-over to the buddy allocator with Linux's Memory: line, and
 * CMA's areas lent to it.
 *
 * Exit status: 0 booted through every stage; 1 the kernel would halt here
 * (its message says why); 2 bad usage or unreadable input; 3 the kernel
 * panicked.
 */
#include <asm/memblock.h>
#include "../tests/host/host_image.h"
#include "../tests/host/host_mm.h"
#include <asm/boot_place.h>
#include "cma.h"
#include "dma-map-ops.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "mm.h" /* totalcma_pages */
#include "of_fdt.h"
#include "of_reserved_mem.h"
#include "percpu.h"
#include "printk.h"
#include "mmzone.h"
#include "sections.h"
#include <asm/memmap.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <elf.h>
#include <errno.h>
#include <getopt.h>
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ATAG_CORE	 0x54410001 /* what r2 points to when a loader passes ATAGs */
#define DEFAULT_ELF	 "build/kernel.elf"
#define DEFAULT_RAM_BASE 0x60000000ULL /* vexpress-a9, when the DT says nothing */
#define DEFAULT_RAM_SIZE SZ_256M

/* Everything one simulated boot needs, filled in stage by stage. */
struct mmsim {
	/* options */
	const char *dtb_path;
	const char *elf_path;
	const char *cmdline;
	u64 mem_size; /* --mem, 0 if not given */
	u64 load;     /* --load, 0 if not given; then where head.S's step 4 runs it */
	bool summary;
	FILE *json; /* --json: the document goes here, the boot log to stderr */

	/* the DTB as the boot loader hands it over */
	void *blob;
	size_t blob_size;

	/* the machine */
	u64 ram_base, ram_size; /* the first bank (QEMU's loader_start and -m) */
	u64 phys_offset;
	u64 dtb_phys;
	struct host_image_layout layout;
	const char *layout_source;
	void *fdt;	  /* the DTB in simulated RAM */
	const pmd_t *pgd; /* the kernel's first-level table, from paging_init */
};

static void vnote(const char *fmt, va_list args)
{
	fflush(stdout);
	fputs("mmsim: ", stderr);
	vfprintf(stderr, fmt, args);
	fputc('\n', stderr);
}

static void note(const char *fmt, ...) __printf(1, 2);
static void note(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vnote(fmt, args);
	va_end(args);
}

static void __noreturn die(const char *fmt, ...) __printf(1, 2);
static void die(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vnote(fmt, args);
	va_end(args);
	exit(2);
}

static void *read_whole_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 65536, len = 0, n;
	char *buf;

	if (!f)
		die("%s: %s", path, strerror(errno));
	buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	if (!buf)
		die("%s: out of memory", path);
	fclose(f);
	*size = len;
	return buf;
}

/* ---------------------------------------------------------------- the DTB, as QEMU edits it */

static int root_cells(const void *fdt, const char *name)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, 0, name, &len);

	return p && len == 4 ? (int)fdt32_ld(p) : 1;
}

static u64 read_cells(const fdt32_t **p, int cells)
{
	u64 v = 0;

	for (int i = 0; i < cells; i++)
		v = (v << 32) | fdt32_ld((*p)++);
	return v;
}

/*
 * Every (base, size) of every device_type = "memory" child of the root,
 * read with mmsim's own code: the machine must be sized before the
 * kernel's scan runs.  Calls @fn for each; returns how many there were.
 */
static int for_each_dt_memory(const void *fdt, void (*fn)(u64 base, u64 size, void *arg), void *arg)
{
	int ac = root_cells(fdt, "#address-cells"), sc = root_cells(fdt, "#size-cells");
	int node, len, n = 0;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return 0;
	fdt_for_each_subnode(node, fdt, 0)
	{
		const char *type = fdt_getprop(fdt, node, "device_type", &len);
		const fdt32_t *reg;

		if (!type || len != sizeof("memory") || memcmp(type, "memory", len))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		for (; reg && len >= (ac + sc) * 4; len -= (ac + sc) * 4) {
			u64 base = read_cells(&reg, ac), size = read_cells(&reg, sc);

			fn(base, size, arg);
			n++;
		}
	}
	return n;
}

struct bank {
	u64 base, size;
};

static void lowest_bank(u64 base, u64 size, void *arg)
{
	struct bank *b = arg;

	if (size && (!b->size || base < b->base)) {
		b->base = base;
		b->size = size;
	}
}

/*
 * QEMU's -m: every memory node goes, and one memory@<base> with the -m size
 * takes their place at the base of the lowest one (vexpress-a9's RAM base).
 */
static void apply_mem(struct mmsim *sim, void *fdt)
{
	int ac = root_cells(fdt, "#address-cells"), sc = root_cells(fdt, "#size-cells");
	struct bank low = {0, 0};
	fdt32_t reg[4];
	char name[32];
	int node, len = 0;

	for_each_dt_memory(fdt, lowest_bank, &low);
	if (!low.size) {
		low.base = sim->load ? sim->load - TEXT_OFFSET : DEFAULT_RAM_BASE;
		note("the DTB has no memory node: --mem RAM placed at 0x%llx", low.base);
	}
	if (sc < 2 && sim->mem_size >= SZ_4G)
		die("--mem %llu MiB: the DTB's #size-cells = <1> cannot describe "
		    "4 GiB or more (QEMU refuses this too)",
		    sim->mem_size >> 20);
	while ((node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory",
						     sizeof("memory"))) >= 0)
		if (fdt_del_node(fdt, node))
			die("cannot delete a memory node");

	snprintf(name, sizeof(name), "memory@%llx", low.base);
	node = fdt_add_subnode(fdt, 0, name);
	if (node < 0)
		die("cannot add /%s: %s", name, fdt_strerror(node));
	if (ac == 2)
		reg[len++] = cpu_to_fdt32((u32)(low.base >> 32));
	reg[len++] = cpu_to_fdt32((u32)low.base);
	if (sc == 2)
		reg[len++] = cpu_to_fdt32((u32)(sim->mem_size >> 32));
	reg[len++] = cpu_to_fdt32((u32)sim->mem_size);
	if (fdt_setprop_string(fdt, node, "device_type", "memory") ||
	    fdt_setprop(fdt, node, "reg", reg, len * 4))
		die("cannot fill /%s", name);
}

/* QEMU's -append: /chosen/bootargs replaced (only when non-empty, as QEMU does). */
static void apply_cmdline(struct mmsim *sim, void *fdt)
{
	int node;

	if (!*sim->cmdline)
		return;
	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		node = fdt_add_subnode(fdt, 0, "chosen");
	if (node < 0 || fdt_setprop_string(fdt, node, "bootargs", sim->cmdline))
		die("cannot set /chosen/bootargs");
}

static int stage_load_dtb(struct mmsim *sim)
{
	size_t size;
	void *file = read_whole_file(sim->dtb_path, &size);
	void *fdt;
	int err;

	if (!sim->mem_size && !sim->cmdline) {
		sim->blob = file; /* as is, even if broken: the kernel's checks report it */
		sim->blob_size = size;
		return 0;
	}
	/* The kernel's own checks, which also keep libfdt's walkers from looping. */
	err = size >= sizeof(struct fdt_header) ? early_init_dt_verify(file) : -FDT_ERR_TRUNCATED;
	if (err || fdt_totalsize(file) > size)
		die("%s: not a valid DTB (%s), so --mem/--cmdline cannot edit it", sim->dtb_path,
		    err ? early_init_dt_strerror(err) : "shorter than its header says");
	size = fdt_totalsize(file) + 4096 + (sim->cmdline ? strlen(sim->cmdline) : 0);
	fdt = malloc(size);
	if (!fdt || fdt_open_into(file, fdt, (int)size))
		die("%s: cannot open the DTB for editing", sim->dtb_path);
	free(file);
	if (sim->mem_size)
		apply_mem(sim, fdt);
	if (sim->cmdline)
		apply_cmdline(sim, fdt);
	fdt_pack(fdt);
	sim->blob = fdt;
	sim->blob_size = fdt_totalsize(fdt);
	return 0;
}

/* ---------------------------------------------------------------- the pretend kernel image */

/* The section symbols of a 32-bit ARM ELF (build/kernel.elf); false if it is not one. */
static bool layout_from_elf(const char *path, struct host_image_layout *layout)
{
	u64 value[IMG_NR_SYMS];
	bool found[IMG_NR_SYMS] = {false};
	const Elf32_Ehdr *eh;
	const Elf32_Shdr *sh;
	size_t size;
	char *elf;
	FILE *f = fopen(path, "rb");

	if (!f)
		return false;
	fclose(f);
	elf = read_whole_file(path, &size);
	eh = (const Elf32_Ehdr *)elf;
	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_machine != EM_ARM ||
	    eh->e_shoff + (u64)eh->e_shnum * sizeof(*sh) > size) {
		note("%s is not a 32-bit ARM ELF file", path);
		free(elf);
		return false;
	}
	sh = (const Elf32_Shdr *)(elf + eh->e_shoff);
	for (int i = 0; i < eh->e_shnum; i++) {
		const Elf32_Shdr *strtab;
		const Elf32_Sym *sym;

		if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum)
			continue;
		strtab = &sh[sh[i].sh_link];
		if (sh[i].sh_offset + (u64)sh[i].sh_size > size ||
		    strtab->sh_offset + (u64)strtab->sh_size > size)
			break;
		sym = (const Elf32_Sym *)(elf + sh[i].sh_offset);
		for (size_t s = 0; s < sh[i].sh_size / sizeof(*sym); s++) {
			const char *name = elf + strtab->sh_offset + sym[s].st_name;

			if (sym[s].st_name >= strtab->sh_size ||
			    !memchr(name, '\0', strtab->sh_size - sym[s].st_name))
				continue;
			for (int k = 0; k < IMG_NR_SYMS; k++) {
				if (!strcmp(name, host_image_sym_names[k])) {
					value[k] = sym[s].st_value;
					found[k] = true;
				}
			}
		}
	}
	free(elf);
	for (int k = 0; k < IMG_NR_SYMS; k++) {
		if (!found[k] || value[k] < value[IMG_TEXT] || !found[IMG_TEXT]) {
			note("%s: no usable %s symbol", path, host_image_sym_names[k]);
			return false;
		}
		layout->offset[k] = (u32)(value[k] - value[IMG_TEXT]);
	}
	return true;
}

/* ---------------------------------------------------------------- the machine */

struct span {
	u64 lo, hi;
};

static void widen_span(u64 base, u64 size, void *arg)
{
	struct span *s = arg;
	u64 end = base + size < base ? SZ_4G : min_t(u64, base + size, SZ_4G);

	if (!size || base >= SZ_4G)
		return;
	s->lo = min(s->lo, base);
	s->hi = max(s->hi, end);
}

/*
 * head.S's step 4 (arch/arm/kernel/boot_place.c): where the kernel runs,
 * following its copies from the load address.  The DTB is never in the way
 * here: mmsim places it as QEMU does, above the kernel.  A DTB mmsim's own
 * checks reject is not walked (the file may be shorter than it claims).
 */
static int place_kernel(struct mmsim *sim, bool valid)
{
	struct boot_place bp = {.load = (u32)sim->load,
				.load_size = sim->layout.offset[IMG_EDATA],
				.run_size = host_image_size(&sim->layout),
				.fdt = valid ? 8 : 0}; /* 0: run in place, if legal */

	if (sim->load >= SZ_4G) {
		printk(KERN_EMERG "a9mm: kernel loaded above 4 GiB, at 0x%llx\n", sim->load);
		return 1;
	}
	for (int pass = 0; pass < 3; pass++) {
		if (boot_place_plan(&bp, sim->blob)) {
			/* What head.S prints before halting. */
			printk(KERN_EMERG "a9mm: %s\n", bp.msg);
			return 1;
		}
		if (bp.copy_to == bp.load)
			break;
		bp.load = bp.copy_to;
	}
	sim->load = bp.load;
	sim->phys_offset = bp.phys_offset;
	return 0;
}

static int stage_machine(struct mmsim *sim)
{
	/* Sized by mmsim's own reading of the DTB, so only one the kernel would accept. */
	bool valid = sim->blob_size >= sizeof(struct fdt_header) &&
		     fdt_totalsize(sim->blob) <= sim->blob_size && !early_init_dt_verify(sim->blob);
	struct bank low = {0, 0};
	struct span span = {~0ULL, 0};
	u64 kernel_end, dtb_end, qemu_dtb;

	if (valid)
		for_each_dt_memory(sim->blob, lowest_bank, &low);
	if (low.size) {
		sim->ram_base = low.base;
		sim->ram_size = low.size;
	} else {
		sim->ram_base = sim->load ? sim->load - TEXT_OFFSET : DEFAULT_RAM_BASE;
		sim->ram_size = DEFAULT_RAM_SIZE;
		note("no memory node to size the machine by: simulating %llu MiB at 0x%llx",
		     sim->ram_size >> 20, sim->ram_base);
	}

	if (sim->elf_path && layout_from_elf(sim->elf_path, &sim->layout)) {
		sim->layout_source = sim->elf_path;
	} else {
		sim->layout = host_image_default_layout;
		sim->layout_source = NULL;
	}
	if (!sim->load)
		sim->load = sim->ram_base + TEXT_OFFSET;
	if (place_kernel(sim, valid))
		return 1;
	kernel_end = sim->load + host_image_size(&sim->layout);

	/* QEMU -kernel: the DTB goes min(RAM / 2, 128 MiB) into RAM, 4 KiB aligned. */
	qemu_dtb = ALIGN(sim->ram_base + min_t(u64, sim->ram_size / 2, SZ_128M), (u64)SZ_4K);
	sim->dtb_phys = max(qemu_dtb, ALIGN(kernel_end, (u64)SZ_4K));
	dtb_end = sim->dtb_phys + sim->blob_size;

	if (valid)
		for_each_dt_memory(sim->blob, widen_span, &span);
	span.lo = sim->phys_offset;
	span.hi = max(span.hi, dtb_end);
	span.hi = ALIGN(max(span.hi, kernel_end), (u64)SZ_1M);
	host_ram_setup(span.lo, span.hi - span.lo);
	host_image_place(sim->load, &sim->layout);
	sim->fdt = __va(sim->dtb_phys);
	memcpy(sim->fdt, sim->blob, sim->blob_size);

	if (sim->layout_source)
		note("kernel image %s: %u KiB at 0x%llx", sim->layout_source,
		     host_image_size(&sim->layout) / 1024, sim->load);
	else
		note("no kernel ELF (%s): using a pretend %u KiB image at 0x%llx",
		     sim->elf_path ? sim->elf_path : "none given",
		     host_image_size(&sim->layout) / 1024, sim->load);
	note("DTB (%zu bytes) at 0x%llx (min(RAM/2, 128 MiB) into the first bank, as QEMU's "
	     "-kernel places it); RAM simulated 0x%llx-0x%llx",
	     sim->blob_size, sim->dtb_phys, span.lo, span.hi - 1);
	return 0;
}

/* ---------------------------------------------------------------- the kernel's stages */

/*
 * setup_arch's DT step, with setup_arch's messages (arch/arm/kernel/setup.c,
 * validate_dtb() and after), which panic: without a DT there is no RAM.
 */
static int stage_dt_scan(struct mmsim *sim)
{
	const fdt32_t *word = sim->fdt;
	const u32 magic = sim->blob_size >= 4 ? fdt32_ld(word) : 0;
	int err;

	if (sim->blob_size >= 8 && fdt32_ld(word + 1) == ATAG_CORE)
		panic("r2 = 0x%08llx points to ATAGs, not a DTB: ATAG boot is not supported",
		      sim->dtb_phys);
	err = early_init_dt_verify(sim->fdt);
	if (err == -EARLY_DT_ERR_TOO_BIG)
		panic("DTB at 0x%08llx is %u bytes, more than the %u bytes we map", sim->dtb_phys,
		      (u32)fdt_totalsize(sim->fdt), (u32)MAX_FDT_SIZE);
	if (err)
		panic("invalid DTB at 0x%08llx: %s (magic 0x%08x)", sim->dtb_phys,
		      early_init_dt_strerror(err), magic);
	err = early_init_dt_scan(sim->fdt);
	if (err == -ENODEV)
		panic("the device tree at 0x%08llx describes no usable memory", sim->dtb_phys);
	if (err)
		panic("the device tree at 0x%08llx cannot be used (error %d, see above)",
		      sim->dtb_phys, err);
	return 0;
}

static int stage_early_param(struct mmsim *sim)
{
	(void)sim;
	parse_early_param();
	return 0;
}

/* arch/arm/mm/mmu.c's adjust_lowmem_bounds(), with mmsim's PHYS_OFFSET. */
static int stage_lowmem_bounds(struct mmsim *sim)
{
	struct lowmem_bounds b = arm_lowmem_bounds(sim->phys_offset);

	host_set_lowmem_limit(b.lowmem_limit);
	memblock_set_current_limit(b.memblock_limit);
	return 0;
}

static void publish_nothing(const void *entry)
{
	(void)entry; /* no table walker on the host */
}

/*
 * paging_init() as far as memory goes: the same tables from the same code
 * (build_kernel_tables), the boot table given back (linker.ld places it as
 * the image's last 16 KiB), then bootmem_init(): zones and mem_map.
 */
static int stage_paging_init(struct mmsim *sim)
{
	const struct pgtable_ops ops = {pgtable_alloc_from_memblock, publish_nothing};
	struct kernel_tables kt;

	build_mem_type_table(true);
	build_kernel_tables(&kt, &ops);
	sim->pgd = kt.pgd;
	memblock_phys_free(__pa(_end) - PGD_TABLE_SIZE, PGD_TABLE_SIZE);
	memblock_set_current_limit(arm_lowmem_limit);
	bootmem_init();
	return 0;
}

/* sizeof(struct page) on the ARM target (static_assert in page-flags.h). */
#define TARGET_STRUCT_PAGE_SIZE 28

/*
 * The one figure the host cannot reproduce: struct page holds pointers,
 * so mem_map is bigger here than on the 32-bit target.  Say by how much.
 */
static void note_mem_map_size(void)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	unsigned long start = pgdat->node_start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	unsigned long end =
		ALIGN(pgdat->node_start_pfn + pgdat->node_spanned_pages, MAX_ORDER_NR_PAGES);
	unsigned long extra_kb =
		(end - start) * (sizeof(struct page) - TARGET_STRUCT_PAGE_SIZE) >> 10;

	note("struct page is %zu bytes here and %d on the target: the kernel's mem_map is %lu KiB "
	     "smaller, so its Memory: line shows about %luK more available and %luK less reserved, "
	     "and \"Total pages\" is larger by the pages that makes",
	     sizeof(struct page), TARGET_STRUCT_PAGE_SIZE, extra_kb, extra_kb, extra_kb);
}

/* start_kernel(): the buddy allocator takes over, then CMA lends its areas. */
static int stage_mm_core_init(struct mmsim *sim)
{
	(void)sim;
	mm_core_init();
	note_mem_map_size();
	cma_init_reserved_areas();
	init_per_zone_wmark_min();
	return 0;
}

static int stage_arm_memblock_init(struct mmsim *sim)
{
	int err = arm_memblock_init(sim->fdt, sim->dtb_phys);

	if (err)
		panic("the memory layout cannot be used safely (error %d, see above)", err);
	return 0;
}

/* start_kernel: the per-CPU areas, once memblock and the possible CPUs are known. */
static int stage_per_cpu_areas(struct mmsim *sim)
{
	(void)sim;
	setup_per_cpu_areas();
	return 0;
}

/* start_kernel prints the command line once setup_arch is done, as Linux does. */
static int stage_command_line(struct mmsim *sim)
{
	(void)sim;
	pr_notice("Kernel command line: %s\n", boot_command_line);
	return 0;
}

/* ---------------------------------------------------------------- the summary */

static void print_size(char *buf, size_t len, u64 size)
{
	if (size >= SZ_1M && !(size & (SZ_1M - 1)))
		snprintf(buf, len, "%llu MiB", size >> 20);
	else if (size < SZ_1K)
		snprintf(buf, len, "%llu B", size);
	else
		snprintf(buf, len, "%llu KiB", size >> 10);
}

/* What a reserved region holds, by what the boot put there. */
static void describe_reserved(const struct mmsim *sim, u64 base, u64 end, char *buf, size_t len)
{
	u64 kstart = __pa(_text), kend = __pa(_end);
	size_t n = 0;

	buf[0] = '\0';
	if (base < kend && kstart < end)
		n += snprintf(buf + n, len - n, " kernel");
	if (base < sim->dtb_phys + sim->blob_size && sim->dtb_phys < end && n < len)
		n += snprintf(buf + n, len - n, " dtb");
	if (phys_initrd_size && base < phys_initrd_start + phys_initrd_size &&
	    phys_initrd_start < end && n < len)
		n += snprintf(buf + n, len - n, " initrd");
	for (int i = 0; i < of_reserved_mem_count() && n < len; i++) {
		const struct reserved_mem *r = of_reserved_mem_get(i);

		if (r->size && base < r->base + r->size && r->base < end)
			n += snprintf(buf + n, len - n, " %s", r->name);
	}
	/* CMA areas not from the DT (those are named above). */
	for (unsigned int i = 0; i < cma_area_count && n < len; i++) {
		const struct cma *cma = &cma_areas[i];

		if (cma->count && base < cma_get_base(cma) + cma_get_size(cma) &&
		    cma_get_base(cma) < end && !of_reserved_mem_lookup_name(cma_get_name(cma)))
			n += snprintf(buf + n, len - n, " cma:%s", cma_get_name(cma));
	}
}

/* Where a /reserved-memory region ended up, as memblock sees it now. */
static const char *region_state(const struct reserved_mem *rm)
{
	int overlapping = 0;
	struct memblock_region *r;

	for_each_memblock (memory, r) {
		if (r->base >= rm->base + rm->size || rm->base >= r->base + r->size)
			continue;
		overlapping++;
		if (r->flags & MEMBLOCK_NOMAP)
			return "outside the linear map";
	}
	if (!overlapping)
		return "outside RAM";
	if (memblock_is_region_reserved(rm->base, rm->size))
		return "reserved";
	return "given back to the page allocator";
}

static int stage_summary(struct mmsim *sim)
{
	struct memblock_region *r;
	phys_addr_t start, end, free_bytes = 0;
	char size[32], what[256];
	u64 i;

	if (!sim->summary)
		return 0;
	fflush(stdout);
	printf("mmsim: ---- memory map after arm_memblock_init ----\n");
	printf("mmsim: memory (%llu MiB):\n", memblock_phys_mem_size() >> 20);
	for_each_memblock (memory, r) {
		print_size(size, sizeof(size), r->size);
		printf("mmsim:   0x%08llx-0x%08llx %9s%s%s\n", r->base, r->base + r->size - 1, size,
		       r->flags & MEMBLOCK_NOMAP ? "  no-map" : "",
		       r->flags & MEMBLOCK_HOTPLUG ? "  hotplug" : "");
	}
	printf("mmsim: reserved (%llu KiB):\n", memblock_reserved_size() >> 10);
	for_each_memblock (reserved, r) {
		print_size(size, sizeof(size), r->size);
		describe_reserved(sim, r->base, r->base + r->size, what, sizeof(what));
		printf("mmsim:   0x%08llx-0x%08llx %9s %s\n", r->base, r->base + r->size - 1, size,
		       what[0] ? what + 1 : "(/memreserve/ or memblock)");
	}
	for_each_free_mem_range (i, &start, &end)
		free_bytes += end - start;
	printf("mmsim: free for the page allocator: %llu KiB\n", free_bytes >> 10);
	if (of_reserved_mem_count())
		printf("mmsim: /reserved-memory nodes:\n");
	for (int k = 0; k < of_reserved_mem_count(); k++) {
		const struct reserved_mem *rm = of_reserved_mem_get(k);

		print_size(size, sizeof(size), rm->size);
		printf("mmsim:   %-24s 0x%08llx %9s%s%s%s%s%s, %s\n", rm->name, rm->base, size,
		       rm->dynamic ? "  dynamic" : "  static", rm->nomap ? "  no-map" : "",
		       rm->reusable ? "  reusable" : "", rm->cma_default ? "  cma-default" : "",
		       rm->claimed ? "  claimed" : "  unclaimed", region_state(rm));
	}
	return 0;
}

/*
 * CMA: the areas reserved (cma=, the DT's reusable pools, the default
 * size) and the figure the Memory: line will show as cma-reserved.
 */
static int stage_cma(struct mmsim *sim)
{
	char size[32];

	if (!sim->summary)
		return 0;
	fflush(stdout);
	printf("mmsim: CMA areas (cma-reserved %luK):\n", totalcma_pages << (PAGE_SHIFT - 10));
	for (unsigned int i = 0; i < cma_area_count; i++) {
		const struct cma *cma = &cma_areas[i];
		const char *what = cma == dma_contiguous_default_area ? "  default" : "";

		print_size(size, sizeof(size), cma_get_size(cma));
		if (!cma->count)
			what = "  dropped (see above)";
		printf("mmsim:   %-24s 0x%08llx %9s%s\n", cma_get_name(cma), cma_get_base(cma),
		       cma->count ? size : "-", what);
	}
	if (!cma_area_count)
		printf("mmsim:   none\n");
	return 0;
}

/* ---------------------------------------------------------------- --json */

static FILE *json_file;

static __printf(1, 2) int json_printf(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vfprintf(json_file, fmt, args);
	va_end(args);
	return n;
}

/* The memory map as the kernel's memmap_json prints it, from the same emitter. */
static int stage_json(struct mmsim *sim)
{
	const struct memmap_inputs in = {sim->fdt, sim->dtb_phys, sim->pgd};

	if (!sim->json)
		return 0;
	fflush(stdout);
	json_file = sim->json;
	memmap_print_json(json_printf, &in);
	fflush(sim->json);
	return 0;
}

/* ---------------------------------------------------------------- the boot */

struct mmsim_stage {
	const char *name;
	int (*run)(struct mmsim *sim);
};

static const struct mmsim_stage stages[] = {
	{"load the DTB (and apply --mem/--cmdline as QEMU does)", stage_load_dtb},
	{"set up the machine", stage_machine},
	/* setup_arch() */
	{"early_init_dt_scan", stage_dt_scan},
	{"parse_early_param", stage_early_param},
	{"lowmem bounds", stage_lowmem_bounds},
	{"arm_memblock_init", stage_arm_memblock_init},
	{"lowmem bounds, again (mem= may have cut memory)", stage_lowmem_bounds},
	{"summary", stage_summary}, /* memblock as paging_init finds it */
	{"paging_init", stage_paging_init},
	/* start_kernel() */
	{"setup_per_cpu_areas", stage_per_cpu_areas},
	{"command line", stage_command_line},
	{"mm_core_init", stage_mm_core_init},
	{"CMA", stage_cma},
	{"memory map as JSON", stage_json},
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: mmsim --dtb FILE.dtb [--mem SIZE] [--cmdline \"ARGS\"] [--load ADDR]\n"
		"             [--elf FILE] [--summary] [--json]\n"
		"  --dtb FILE     the device tree blob the boot loader passes\n"
		"  --mem SIZE     RAM size as QEMU's -m: replaces every memory node with one at\n"
		"                 the lowest memory base (a plain number is MiB; K/M/G suffixes)\n"
		"  --cmdline ARGS replaces /chosen/bootargs, as QEMU's -append\n"
		"  --load ADDR    where the boot loader put the kernel (it moves itself as head.S "
		"does)\n"
		"                 (default: RAM base + 0x10000)\n"
		"  --elf FILE     kernel ELF for the image's section sizes (default: %s)\n"
		"  --summary      after the boot, print the memory map (lines start \"mmsim: \")\n"
		"  --json         print only the memory map as JSON (what the kernel's "
		"memmap_json\n"
		"                 prints; scripts/memmap draws it); the boot log goes to stderr\n",
		DEFAULT_ELF);
}

static u64 parse_mem_option(const char *arg)
{
	size_t len = strlen(arg);
	u64 v;

	if (memparse_checked(arg, &v, NULL) || !v)
		die("--mem %s: not a size", arg);
	/* QEMU's -m: a bare number means MiB. */
	if (len && arg[len - 1] >= '0' && arg[len - 1] <= '9') {
		if (v > (~0ULL >> 20))
			die("--mem %s: too large", arg);
		v <<= 20;
	}
	return v;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{"dtb", required_argument, NULL, 'd'},
		{"mem", required_argument, NULL, 'm'},
		{"cmdline", required_argument, NULL, 'c'},
		{"load", required_argument, NULL, 'l'},
		{"elf", required_argument, NULL, 'e'},
		{"summary", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct mmsim sim = {.elf_path = DEFAULT_ELF};
	unsigned long long v;
	int opt;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'd':
			sim.dtb_path = optarg;
			break;
		case 'm':
			sim.mem_size = parse_mem_option(optarg);
			break;
		case 'c':
			sim.cmdline = optarg;
			break;
		case 'l':
			if (kstrtoull(optarg, 0, &v) || !v)
				die("--load %s: not an address", optarg);
			sim.load = v;
			break;
		case 'e':
			sim.elf_path = optarg;
			break;
		case 's':
			sim.summary = true;
			break;
		case 'j':
			/* Keep stdout for the document; everything printk says goes to stderr. */
			fflush(stdout);
			sim.json = fdopen(dup(STDOUT_FILENO), "w");
			if (!sim.json || dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
				die("--json: cannot set up the output");
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!sim.dtb_path || optind != argc) {
		usage(stderr);
		return 2;
	}

	for (size_t i = 0; i < ARRAY_SIZE(stages); i++) {
		int ret = stages[i].run(&sim);

		if (ret) {
			fflush(stdout);
			note("the kernel stops in \"%s\"", stages[i].name);
			free(sim.blob);
			return ret;
		}
	}
	fflush(stdout);
	free(sim.blob);
	return 0;
}
