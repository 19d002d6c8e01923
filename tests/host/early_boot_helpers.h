/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the host suites of the early-boot stage (fdt, cmdline,
 * reserved_mem, arm_memblock): build DTBs with libfdt's sequential-write
 * API, put them in the simulated RAM, and boot the DT scan and memblock
 * set-up on a clean slate.
 *
 * The simulated machine: RAM backed from 0x60000000 (PHYS_OFFSET) for
 * 1 GiB, the pretend kernel image at 0x60010000-0x60090000 (512 KiB, as
 * QEMU's -kernel places a raw image), the DTB copied to 0x60800000.
 */
#ifndef _EARLY_BOOT_HELPERS_H
#define _EARLY_BOOT_HELPERS_H

#include <asm/memblock.h>
#include "host_boot.h"
#include "host_image.h"
#include "init.h"
#include "kernel.h"
#include "ktap.h"
#include "memblock.h"
#include "of_fdt.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include <asm/memory.h>
#include <libfdt.h>
#include <string.h>

#define TEST_RAM_BASE	0x60000000ULL
#define TEST_RAM_BACKED SZ_1G
#define TEST_LOAD	(TEST_RAM_BASE + 0x10000)
#define TEST_KERNEL_END (TEST_LOAD + 0x80000)
#define TEST_DTB_PHYS	0x60800000ULL

#define DT_BUF_SIZE	65536

/* A DTB under construction; the first libfdt error sticks in @err. */
struct dt {
	char buf[DT_BUF_SIZE];
	int err;
	int ac, sc; /* the root's #address-cells/#size-cells, for reg helpers */
};

static inline void dt_check(struct dt *d, int err)
{
	if (err && !d->err)
		d->err = err;
}

/*
 * Start a tree: /memreserve/ entries (@nrsv pairs in @rsv), then the root
 * with model "V2P-CA9" and the cell sizes (a negative size omits the
 * property, so the scan's defaults apply).
 */
static inline void dt_begin_rsv(struct dt *d, int ac, int sc, const u64 *rsv, int nrsv)
{
	memset(d, 0, sizeof(*d));
	d->ac = ac < 0 ? 1 : ac;
	d->sc = sc < 0 ? 1 : sc;
	dt_check(d, fdt_create(d->buf, sizeof(d->buf)));
	for (int i = 0; i < nrsv; i++)
		dt_check(d, fdt_add_reservemap_entry(d->buf, rsv[2 * i], rsv[2 * i + 1]));
	dt_check(d, fdt_finish_reservemap(d->buf));
	dt_check(d, fdt_begin_node(d->buf, ""));
	dt_check(d, fdt_property_string(d->buf, "model", "V2P-CA9"));
	dt_check(d, fdt_property(d->buf, "compatible", "arm,vexpress,v2p-ca9\0arm,vexpress",
				 sizeof("arm,vexpress,v2p-ca9\0arm,vexpress")));
	if (ac >= 0)
		dt_check(d, fdt_property_u32(d->buf, "#address-cells", (u32)ac));
	if (sc >= 0)
		dt_check(d, fdt_property_u32(d->buf, "#size-cells", (u32)sc));
}

static inline void dt_begin(struct dt *d, int ac, int sc)
{
	dt_begin_rsv(d, ac, sc, NULL, 0);
}

static inline void dt_node(struct dt *d, const char *name)
{
	dt_check(d, fdt_begin_node(d->buf, name));
}

static inline void dt_end(struct dt *d)
{
	dt_check(d, fdt_end_node(d->buf));
}

static inline void dt_str(struct dt *d, const char *name, const char *val)
{
	dt_check(d, fdt_property_string(d->buf, name, val));
}

static inline void dt_raw(struct dt *d, const char *name, const void *val, int len)
{
	dt_check(d, fdt_property(d->buf, name, val, len));
}

static inline void dt_u32(struct dt *d, const char *name, u32 v)
{
	dt_check(d, fdt_property_u32(d->buf, name, v));
}

static inline void dt_u64(struct dt *d, const char *name, u64 v)
{
	dt_check(d, fdt_property_u64(d->buf, name, v));
}

static inline void dt_flag(struct dt *d, const char *name)
{
	dt_check(d, fdt_property(d->buf, name, NULL, 0));
}

/* A number of @cells cells (1 or 2), big-endian, into @out; returns the bytes written. */
static inline int dt_put_cells(fdt32_t *out, u64 v, int cells)
{
	if (cells == 2) {
		out[0] = cpu_to_fdt32((u32)(v >> 32));
		out[1] = cpu_to_fdt32((u32)v);
	} else {
		out[0] = cpu_to_fdt32((u32)v);
	}
	return cells * 4;
}

/* A single number of @cells cells ("size", "alignment"). */
static inline void dt_num(struct dt *d, const char *name, u64 v, int cells)
{
	fdt32_t cell[2];

	dt_raw(d, name, cell, dt_put_cells(cell, v, cells));
}

/* <address size>... with the root's cell sizes, from @n (address, size) pairs. */
static inline void dt_pairs(struct dt *d, const char *name, const u64 *pairs, int n)
{
	fdt32_t cells[64];
	int len = 0;

	for (int i = 0; i < n && i < 16; i++) {
		len += dt_put_cells(cells + len / 4, pairs[2 * i], d->ac);
		len += dt_put_cells(cells + len / 4, pairs[2 * i + 1], d->sc);
	}
	dt_raw(d, name, cells, len);
}

static inline void dt_reg(struct dt *d, u64 base, u64 size)
{
	const u64 pair[2] = {base, size};

	dt_pairs(d, "reg", pair, 1);
}

/* A complete memory node: device_type = "memory", one reg tuple. */
static inline void dt_memory(struct dt *d, const char *name, u64 base, u64 size)
{
	dt_node(d, name);
	dt_str(d, "device_type", "memory");
	dt_reg(d, base, size);
	dt_end(d);
}

/* Raw cells, big-endian, from a list of numbers. */
#define CELLS(d, name, ...)                                    \
	do {                                                   \
		const u32 _v[] = {__VA_ARGS__};                \
		fdt32_t _c[ARRAY_SIZE(_v)];                    \
		for (size_t _i = 0; _i < ARRAY_SIZE(_v); _i++) \
			_c[_i] = cpu_to_fdt32(_v[_i]);         \
		dt_raw(d, name, _c, (int)sizeof(_c));          \
	} while (0)

/* Open /reserved-memory with the root's cells and "ranges"; close with dt_end(). */
static inline void dt_resmem_begin(struct dt *d)
{
	dt_node(d, "reserved-memory");
	dt_u32(d, "#address-cells", (u32)d->ac);
	dt_u32(d, "#size-cells", (u32)d->sc);
	dt_flag(d, "ranges");
}

/* Close the root and the tree; returns the first libfdt error (0 if none). */
static inline int dt_finish(struct dt *d)
{
	dt_end(d);
	dt_check(d, fdt_finish(d->buf));
	return d->err;
}

/* ---------------------------------------------------------------- booting */

/* A fresh machine: RAM, kernel image, and every early-boot module's state cleared. */
static inline void early_boot_setup(void)
{
	host_ram_setup(TEST_RAM_BASE, TEST_RAM_BACKED);
	host_image_place(TEST_LOAD, &host_image_default_layout);
	host_early_boot_reset();
}

static inline int early_boot_suite_init(struct ktap_test *t)
{
	(void)t;
	early_boot_setup();
	return 0;
}

static inline void early_boot_suite_exit(struct ktap_test *t)
{
	(void)t;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	memblock_debug = false;
}

/* Copy a finished tree to TEST_DTB_PHYS, as a loader would; returns its kernel address. */
static inline void *dt_place(const void *blob)
{
	void *fdt = __va(TEST_DTB_PHYS);

	memcpy(fdt, blob, fdt_totalsize(blob));
	return fdt;
}

/* The DT scan alone. */
static inline int dt_scan(struct dt *d)
{
	return early_init_dt_scan(dt_place(d->buf));
}

/* setup_arch's early half: scan, early parameters, memblock set-up. */
static inline int boot_blob(const void *blob)
{
	void *fdt = dt_place(blob);
	int err = early_init_dt_verify(fdt);

	if (!err)
		err = early_init_dt_scan(fdt);
	if (err)
		return err;
	parse_early_param();
	return arm_memblock_init(fdt, TEST_DTB_PHYS);
}

static inline int dt_boot(struct dt *d)
{
	return boot_blob(d->buf);
}

/* ---------------------------------------------------------------- looking at the result */

static inline bool mem_region_is(int i, phys_addr_t base, phys_addr_t size)
{
	return (unsigned long)i < memblock.memory.cnt && memblock.memory.regions[i].base == base &&
	       memblock.memory.regions[i].size == size;
}

/* Is [@base, @base + @size) entirely reserved, in one region? */
static inline bool reserved_covers(phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;

	for_each_memblock (reserved, r)
		if (r->base <= base && base + size <= r->base + r->size)
			return true;
	return false;
}

/* The flags of the memory region holding @addr, or -1. */
static inline int mem_flags_at(phys_addr_t addr)
{
	struct memblock_region *r;

	for_each_memblock (memory, r)
		if (r->base <= addr && addr < r->base + r->size)
			return (int)r->flags;
	return -1;
}

#define EXPECT_LOG(t, mark, text)    KTAP_EXPECT_TRUE(t, printk_log_since(mark, text))
#define EXPECT_NO_LOG(t, mark, text) KTAP_EXPECT_FALSE(t, printk_log_since(mark, text))

#endif /* _EARLY_BOOT_HELPERS_H */
