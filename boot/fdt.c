// SPDX-License-Identifier: GPL-2.0
/*
 * The early device-tree scan: the first thing the kernel learns about the
 * machine is what the boot loader's DTB says, and everything memblock will
 * ever know about RAM comes from here.
 *
 * The blob is untrusted input.  libfdt bounds-checks the structure; on top
 * of that every property is checked for the length we are about to read,
 * every string for its terminating NUL, and every range for wrapping, so
 * that a broken DTB produces a message and a skipped node, never a read
 * outside the blob or a silently wrong memory map.  The messages are
 * Linux's where Linux has one (drivers/of/fdt.c, arch/arm/kernel/setup.c),
 * so logs compare line for line.
 */
#define pr_fmt(fmt) "OF: fdt: " fmt

#include "of_fdt.h"
#include "init.h"
#include "kernel.h"
#include "printk.h"
#include "memblock.h"
#include <asm/memory.h>
#include <libfdt.h>
#include <string.h>

/* A Cortex-A9 without LPAE addresses 32 bits of physical memory. */
#define ADDRESSABLE_LIMIT SZ_4G

/* Linux's defaults when the root does not say (OF_ROOT_NODE_*_CELLS_DEFAULT). */
#define ROOT_ADDR_CELLS_DEFAULT 1
#define ROOT_SIZE_CELLS_DEFAULT 1

int dt_root_addr_cells = ROOT_ADDR_CELLS_DEFAULT;
int dt_root_size_cells = ROOT_SIZE_CELLS_DEFAULT;
phys_addr_t phys_initrd_start;
phys_addr_t phys_initrd_size;
struct early_fdt_info early_fdt_info;

/* The verified blob; NULL until early_init_dt_verify() accepts one. */
static const void *fdt_blob;

/*
 * The memory ranges added so far, as the DT named them, so an overlap can
 * be reported with both culprits before memblock merges them into one
 * region.  Past the table's end overlaps go unreported but are still
 * merged correctly: the table only feeds a message.
 */
#define MAX_DT_MEM_RANGES 128
static struct {
	phys_addr_t base, end;
	const char *node;
} dt_mem_ranges[MAX_DT_MEM_RANGES];
static int nr_dt_mem_ranges;

/* ---------------------------------------------------------------- property access */

/*
 * A string property, or NULL unless it is a non-empty NUL-terminated
 * string list: printing or comparing an unterminated one would run off the
 * end of the property.
 */
static const char *dt_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, node, name, &len);

	if (!s || len <= 0 || !memchr(s, '\0', (size_t)len))
		return NULL;
	return s;
}

/* Does string-list property @name of @node begin with (or equal) @str? */
static bool dt_string_is(const void *fdt, int node, const char *name, const char *str)
{
	const char *s = dt_string(fdt, node, name);

	return s && !strcmp(s, str);
}

static const char *node_name(const void *fdt, int node)
{
	const char *name = fdt_get_name(fdt, node, NULL);

	return name && *name ? name : "/";
}

/**
 * of_fdt_device_is_available - "status" absent, "okay" or "ok"?
 * @blob: the blob
 * @node: node offset
 */
bool of_fdt_device_is_available(const void *blob, int node)
{
	int len;
	const char *status = fdt_getprop(blob, node, "status", &len);

	if (!status)
		return true;
	/* Only "okay" and "ok" enable; anything else, "disabled" included, does not. */
	return (len == 5 && !memcmp(status, "okay", 5)) || (len == 3 && !memcmp(status, "ok", 3));
}

/**
 * dt_mem_next_cell - read a 1- or 2-cell big-endian number and advance
 * @s: number of cells
 * @cellp: cursor into a property, advanced by @s cells
 *
 * Return: the number.
 */
u64 dt_mem_next_cell(int s, const __be32 **cellp)
{
	const fdt32_t *p = (const fdt32_t *)*cellp;
	u64 v = 0;

	/* Byte loads (fdt32_ld): a corrupt blob may put a property at any offset. */
	for (int i = 0; i < s; i++)
		v = (v << 32) | fdt32_ld(p + i);
	*cellp += s;
	return v;
}

/**
 * of_get_flat_dt_prop - a property of a node of the verified blob
 * @node: node offset
 * @name: property name
 * @size: set to the property's length (may be NULL)
 *
 * Return: the value, or NULL if the node has no such property.
 */
const void *of_get_flat_dt_prop(unsigned long node, const char *name, int *size)
{
	if (!fdt_blob)
		return NULL;
	return fdt_getprop(fdt_blob, (int)node, name, size);
}

/**
 * of_flat_dt_is_compatible - does a node of the verified blob list @compat?
 * @node: the node's offset in the blob
 * @compat: the compatible string to look for
 *
 * Return: 1 if its "compatible" contains @compat, 0 otherwise.
 */
int of_flat_dt_is_compatible(unsigned long node, const char *compat)
{
	if (!fdt_blob)
		return 0;
	return fdt_node_check_compatible(fdt_blob, (int)node, compat) == 0;
}

/**
 * of_get_stdout_path - the console the DT asks for, or NULL
 *
 * The raw /chosen stdout-path string ("serial0:38400n8"): a path or alias,
 * then optional UART options after ':'.  It points into the DTB, which
 * must stay mapped while the console code uses it.
 */
const char *of_get_stdout_path(void)
{
	return early_fdt_info.stdout_path;
}

/* ---------------------------------------------------------------- header */

/*
 * libfdt 1.6.1 (Debian's, host and target) takes a property whose length
 * is -12 as one that ends where it starts, so fdt_next_tag() returns the
 * same offset again and every walker built on it, fdt_check_full()
 * included, spins for ever: a boot hang from one corrupt word (found by
 * tests/fuzz).  Walking the structure block once and requiring every tag
 * to move forward rules that out before anything else walks it.
 */
static int check_tags_advance(const void *fdt)
{
	int offset, next = 0;
	u32 tag;

	do {
		offset = next;
		tag = fdt_next_tag(fdt, offset, &next);
		if (next < 0)
			return next;
		if (next <= offset)
			return -FDT_ERR_BADSTRUCTURE;
	} while (tag != FDT_END);
	return 0;
}

/**
 * early_init_dt_verify - check a blob's header before anything reads it
 * @fdt: the blob, at a kernel virtual address
 *
 * Checks what libfdt's fdt_check_header() checks (magic, version, block
 * offsets and sizes inside totalsize) and that totalsize is no more than
 * MAX_FDT_SIZE, the window the kernel maps for the DTB.  On success the
 * blob becomes the one every other function here reads.
 *
 * Return: 0, or a negative error code that early_init_dt_strerror() names;
 * the caller reports it with the blob's physical address and halts.
 */
int early_init_dt_verify(const void *fdt)
{
	int err;

	fdt_blob = NULL;
	early_fdt_info.blob = NULL;
	early_fdt_info.totalsize = 0;
	if (!fdt)
		return -EARLY_DT_ERR_NULL;
	err = fdt_check_header(fdt);
	if (err)
		return err;
	if (fdt_totalsize(fdt) > MAX_FDT_SIZE)
		return -EARLY_DT_ERR_TOO_BIG;
	/* Then the whole structure: nesting, property bounds, names in the strings block. */
	err = check_tags_advance(fdt);
	if (!err)
		err = fdt_check_full(fdt, fdt_totalsize(fdt));
	if (err)
		return err;
	fdt_blob = fdt;
	early_fdt_info.blob = fdt;
	early_fdt_info.totalsize = fdt_totalsize(fdt);
	return 0;
}

/**
 * early_init_dt_strerror - the reason behind an early_init_dt_verify() error
 * @err: its return value
 *
 * Return: a constant string ("FDT_ERR_BADMAGIC", "no device tree blob", ...).
 */
const char *early_init_dt_strerror(int err)
{
	switch (-err) {
	case 0:
		return "no error";
	case EARLY_DT_ERR_NULL:
		return "no device tree blob";
	case EARLY_DT_ERR_TOO_BIG:
		return "the blob is larger than the window the kernel maps for it (MAX_FDT_SIZE)";
	default:
		return fdt_strerror(err);
	}
}

/* ---------------------------------------------------------------- root and model */

static void scan_model(const void *fdt)
{
	const char *model = dt_string(fdt, 0, "model");

	if (!model)
		model = dt_string(fdt, 0, "compatible");
	early_fdt_info.model = model;
	pr_info("Machine model: %s\n", model ? model : "unknown");
}

/* One of the root's cell counts: absent means Linux's default, else it must be <1> or <2>. */
static int read_root_cells(const void *fdt, const char *name, int *cells)
{
	int len;
	const fdt32_t *prop = fdt_getprop(fdt, 0, name, &len);
	u32 v;

	if (!prop)
		return 0;
	if (len != (int)sizeof(*prop)) {
		pr_err("%s at the root is %d bytes, not one cell: memory nodes cannot be read\n",
		       name, len);
		return -EINVAL;
	}
	v = fdt32_ld(prop);
	if (v != 1 && v != 2) {
		pr_err("unsupported %s = <%u> at the root (1 or 2 are supported): memory nodes "
		       "cannot be read\n",
		       name, v);
		return -EINVAL;
	}
	*cells = (int)v;
	return 0;
}

static int scan_root(const void *fdt)
{
	int err;

	dt_root_addr_cells = ROOT_ADDR_CELLS_DEFAULT;
	dt_root_size_cells = ROOT_SIZE_CELLS_DEFAULT;
	err = read_root_cells(fdt, "#address-cells", &dt_root_addr_cells);
	if (!err)
		err = read_root_cells(fdt, "#size-cells", &dt_root_size_cells);
	return err;
}

/* ---------------------------------------------------------------- /chosen */

/* A 32- or 64-bit number property; false (with a message) if it is neither. */
static bool read_u32_or_u64(const void *fdt, int node, const char *name, u64 *v, bool *present)
{
	int len;
	const fdt32_t *prop = fdt_getprop(fdt, node, name, &len);

	*present = prop != NULL;
	if (!prop)
		return false;
	if (len != 4 && len != 8) {
		pr_warn("%s is %d bytes long, not a 32- or 64-bit number: initrd ignored\n", name,
			len);
		return false;
	}
	*v = len == 4 ? fdt32_ld(prop) : ((u64)fdt32_ld(prop) << 32) | fdt32_ld(prop + 1);
	return true;
}

static void scan_initrd(const void *fdt, int node)
{
	u64 start = 0, end = 0;
	bool has_start, has_end, ok_start, ok_end;

	ok_start = read_u32_or_u64(fdt, node, "linux,initrd-start", &start, &has_start);
	ok_end = read_u32_or_u64(fdt, node, "linux,initrd-end", &end, &has_end);
	if (!ok_start || !ok_end) {
		if (has_start != has_end)
			pr_warn("/chosen has only one of linux,initrd-start and linux,initrd-end: "
				"initrd ignored\n");
		return;
	}
	if (start > end) {
		pr_warn("linux,initrd-start 0x%llx is above linux,initrd-end 0x%llx: initrd "
			"ignored\n",
			start, end);
		return;
	}
	phys_initrd_start = start;
	phys_initrd_size = end - start;
	pr_debug("initrd_start=0x%llx  initrd_end=0x%llx\n", start, end);
}

/*
 * Cut @args (@len characters, more than fit) before the parameter that
 * straddles the limit, and name it.  Ours: Linux keeps the first
 * COMMAND_LINE_SIZE - 1 characters, so "mem=64M" cut to "mem=6" would
 * silently mean six bytes.  Returns the characters kept.
 */
static size_t cut_bootargs(const char *args, size_t len)
{
	size_t keep = COMMAND_LINE_SIZE - 1, start = keep, end;

	while (start > 0 && args[start - 1] != ' ')
		start--;
	while (start < len && args[start] == ' ')
		start++;
	for (end = start; end < len && args[end] != ' '; end++)
		;
	pr_warn("bootargs is %zu characters, more than the %d the kernel keeps: \"%.*s%s\" "
		"(at %zu) and everything after it are dropped\n",
		len, COMMAND_LINE_SIZE - 1, (int)min_t(size_t, end - start, 40), args + start,
		end - start > 40 ? "..." : "", start);
	while (start > 0 && args[start - 1] == ' ')
		start--;
	return start;
}

static void scan_bootargs(const void *fdt, int node)
{
	int len;
	const char *args = fdt_getprop(fdt, node, "bootargs", &len);
	size_t n;

	if (!args || len <= 0)
		return;
	/* As strscpy(): at most len bytes are read, and the copy always ends in a NUL. */
	n = strnlen(args, (size_t)len);
	if (n >= COMMAND_LINE_SIZE) {
		n = cut_bootargs(args, n);
	} else if (n == (size_t)len) {
		/* Unterminated: Linux's strscpy drops the last byte to fit the NUL. */
		n--;
	}
	memcpy(boot_command_line, args, n);
	boot_command_line[n] = '\0';
	early_fdt_info.bootargs_from_dt = true;
}

static void scan_chosen(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");

	if (node < 0)
		node = fdt_path_offset(fdt, "/chosen@0");
	if (node >= 0) {
		early_fdt_info.has_chosen = true;
		scan_initrd(fdt, node);
		scan_bootargs(fdt, node);
		early_fdt_info.stdout_path = dt_string(fdt, node, "stdout-path");
		if (!early_fdt_info.stdout_path)
			early_fdt_info.stdout_path = dt_string(fdt, node, "linux,stdout-path");
	}
	/* CONFIG_CMDLINE is the default: used only when the loader gave nothing. */
	if (!boot_command_line[0]) {
		strncpy(boot_command_line, CONFIG_CMDLINE, COMMAND_LINE_SIZE - 1);
		boot_command_line[COMMAND_LINE_SIZE - 1] = '\0';
	}
	pr_debug("Command line is: %s\n", boot_command_line);
}

/* ---------------------------------------------------------------- memory */

static void report_overlaps(phys_addr_t base, phys_addr_t end, const char *node)
{
	for (int i = 0; i < nr_dt_mem_ranges; i++) {
		phys_addr_t obase = dt_mem_ranges[i].base, oend = dt_mem_ranges[i].end;

		if (base >= oend || obase >= end)
			continue;
		pr_warn("memory 0x%llx - 0x%llx (%s) overlaps 0x%llx - 0x%llx (%s); using their "
			"union\n",
			base, end, node, obase, oend, dt_mem_ranges[i].node);
		early_fdt_info.nr_memory_overlaps++;
		return;
	}
}

/*
 * The checks of Linux's early_init_dt_add_memory_arch() and ARM's
 * arm_add_memory(), in that order, then the overlap report and memblock.
 * @node names the DT node in our own messages (NULL: a caller outside the
 * scan).
 */
static void add_memory_range(u64 base, u64 size, const char *node)
{
	const u64 phys_offset = PHYS_OFFSET;
	const u64 page_off = base & (PAGE_SIZE - 1);
	const u64 orig_base = base, orig_size = size;
	int err;

	if (!node)
		node = "unnamed";
	if (!size) {
		pr_warn("Ignoring zero-size memory range at 0x%llx (%s)\n", base, node);
		return;
	}
	if (base + size - 1 < base) {
		pr_warn("Ignoring memory block 0x%llx + 0x%llx (%s): the range wraps around "
			"the end of the address space\n",
			base, size, node);
		return;
	}
	if (size < PAGE_SIZE - page_off) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (page_off) {
		size -= PAGE_SIZE - page_off;
		base += PAGE_SIZE - page_off;
	}
	size &= ~(u64)(PAGE_SIZE - 1);
	if (!size) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx\n", orig_base,
			orig_base + orig_size);
		return;
	}

	if (base >= ADDRESSABLE_LIMIT) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx: above 4 GiB, which needs LPAE\n",
			base, base + size);
		return;
	}
	if (base + size > ADDRESSABLE_LIMIT) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx: above 4 GiB, which needs LPAE\n",
			(u64)ADDRESSABLE_LIMIT, base + size);
		size = ADDRESSABLE_LIMIT - base;
	}

	if (base + size <= phys_offset) {
		pr_warn("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n", base,
			base + size);
		return;
	}
	if (base < phys_offset) {
		pr_warn("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n", base,
			phys_offset);
		size -= phys_offset - base;
		base = phys_offset;
	}

	report_overlaps(base, base + size, node);
	if (nr_dt_mem_ranges < MAX_DT_MEM_RANGES) {
		dt_mem_ranges[nr_dt_mem_ranges].base = base;
		dt_mem_ranges[nr_dt_mem_ranges].end = base + size;
		dt_mem_ranges[nr_dt_mem_ranges].node = node;
		nr_dt_mem_ranges++;
	}
	err = memblock_add(base, size);
	if (err) {
		pr_err("cannot add memory 0x%llx - 0x%llx (%s) to memblock: error %d\n", base,
		       base + size, node, err);
		return;
	}
	early_fdt_info.nr_memory_added++;
}

/**
 * early_init_dt_add_memory_arch - add one RAM range from the DT to memblock
 * @base: physical base as the DT gives it (64-bit)
 * @size: size in bytes
 *
 * Linux's checks, with Linux's messages: the range is trimmed to whole
 * pages, memory below PHYS_OFFSET is cut off, memory at or above 4 GiB is
 * ignored (the Cortex-A9 has no LPAE), zero-size and wrapping ranges are
 * refused.  A range that overlaps one added earlier is reported.
 */
void early_init_dt_add_memory_arch(u64 base, u64 size)
{
	add_memory_range(base, size, NULL);
}

static bool is_memory_node(const void *fdt, int node)
{
	return dt_string_is(fdt, node, "device_type", "memory");
}

static void scan_memory_node(const void *fdt, int node)
{
	const int tuple_cells = dt_root_addr_cells + dt_root_size_cells;
	const int tuple_bytes = tuple_cells * (int)sizeof(__be32);
	const char *name = node_name(fdt, node);
	const __be32 *reg;
	bool hotpluggable;
	int len, n;

	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg) {
		pr_warn("memory node %s has no reg property: ignored\n", name);
		return;
	}
	if (!len) {
		pr_warn("memory node %s has an empty reg property (no ranges): ignored\n", name);
		return;
	}
	if (len % tuple_bytes)
		pr_warn("memory node %s: reg is %d bytes, not a multiple of %d "
			"(<address size> with #address-cells = <%d>, #size-cells = <%d>); "
			"the last %d bytes are ignored\n",
			name, len, tuple_bytes, dt_root_addr_cells, dt_root_size_cells,
			len % tuple_bytes);
	hotpluggable = fdt_getprop(fdt, node, "hotpluggable", NULL) != NULL;
	pr_debug("memory scan node %s, reg size %d,\n", name, len);

	for (n = len / tuple_bytes; n > 0; n--) {
		u64 base = dt_mem_next_cell(dt_root_addr_cells, &reg);
		u64 size = dt_mem_next_cell(dt_root_size_cells, &reg);
		int added = early_fdt_info.nr_memory_added;

		early_fdt_info.nr_memory_ranges++;
		pr_debug(" - %llx, %llx\n", base, size);
		add_memory_range(base, size, name);
		if (hotpluggable && early_fdt_info.nr_memory_added > added &&
		    memblock_mark_hotplug(base, size))
			pr_warn("failed to mark hotplug range 0x%llx - 0x%llx\n", base,
				base + size);
	}
}

static void scan_memory(const void *fdt)
{
	int node;

	/* Memory nodes are children of the root, whatever their name (Linux 6.1). */
	fdt_for_each_subnode(node, fdt, 0)
	{
		if (!is_memory_node(fdt, node))
			continue;
		if (!of_fdt_device_is_available(fdt, node)) {
			const char *status = dt_string(fdt, node, "status");

			pr_info("memory node %s is disabled (status = \"%s\"): ignored\n",
				node_name(fdt, node), status ? status : "?");
			early_fdt_info.nr_memory_disabled++;
			continue;
		}
		early_fdt_info.nr_memory_nodes++;
		scan_memory_node(fdt, node);
	}
}

/* ---------------------------------------------------------------- the scan */

static void reset_scan_state(void)
{
	memset(&early_fdt_info, 0, sizeof(early_fdt_info));
	nr_dt_mem_ranges = 0;
	phys_initrd_start = 0;
	phys_initrd_size = 0;
	memset(boot_command_line, 0, sizeof(boot_command_line));
}

/**
 * early_init_dt_scan - read the machine, /chosen and the memory nodes
 * @fdt: the blob (verified here again if early_init_dt_verify was not called)
 *
 * Prints "OF: fdt: Machine model: ...", copies /chosen/bootargs into
 * boot_command_line (CONFIG_CMDLINE when absent), records the initrd and
 * the stdout-path, and adds every reg range of every available
 * device_type = "memory" child of the root to memblock through
 * early_init_dt_add_memory_arch().  Bad ranges are reported and skipped;
 * overlapping nodes are reported and merged.
 *
 * Return: 0; -EINVAL if the blob fails verification or the root's cell
 * sizes are unsupported; -ENODEV if no memory was found (the caller
 * halts: without memory there is nothing to run in).
 */
int early_init_dt_scan(const void *fdt)
{
	int err;

	reset_scan_state();
	err = early_init_dt_verify(fdt);
	if (err) {
		pr_err("invalid device tree blob: %s\n", early_init_dt_strerror(err));
		return -EINVAL;
	}

	scan_model(fdt);
	err = scan_root(fdt);
	scan_chosen(fdt);
	if (err)
		return err;
	scan_memory(fdt);

	if (!early_fdt_info.nr_memory_nodes && early_fdt_info.nr_memory_disabled) {
		pr_err("every memory node in the device tree is disabled (%d of them)\n",
		       early_fdt_info.nr_memory_disabled);
		return -ENODEV;
	}
	if (!early_fdt_info.nr_memory_nodes) {
		pr_err("no memory node in the device tree\n");
		return -ENODEV;
	}
	if (!early_fdt_info.nr_memory_added) {
		pr_err("no usable memory in the device tree's memory nodes\n");
		return -ENODEV;
	}
	return 0;
}
