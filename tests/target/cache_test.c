// SPDX-License-Identifier: GPL-2.0
/*
 * The outer cache and DMA coherency on the target.
 *
 * l2x0: the L2C-310's registers read back against what the device tree
 * asked, computed here from the DT's cells by the TRM's field layout (not
 * by the driver's code).  QEMU models CTRL, AUX_CTRL, the latency and
 * filter registers of the PL310 on vexpress-a9, realview-pbx-a9 and
 * highbank; it reads PREFETCH_CTRL and POWER_CTRL as 0 and drops writes to
 * them, and it has no cache behind the registers.  Checks a model cannot
 * answer are skipped, naming why; on a physical board they run.
 *
 * dma: QEMU models no caches, so whether a sync made a buffer coherent
 * cannot be seen.  What can be proven is which maintenance reaches the L1
 * routines and the outer cache, over which addresses and in what order:
 * the tests put recorders in cpu_cache and outer_cache and compare the
 * sequence with Linux's (__dma_page_cpu_to_dev, __dma_page_dev_to_cpu).
 * The real routines then run over a buffer, which must keep its data.
 */
#include "cma.h"
#include "dma-map-ops.h"
#include "dma-mapping.h"
#include "gfp.h"
#include "highmem.h"
#include "ktap.h"
#include "memblock.h"
#include "mm.h"
#include "printk.h"
#include "slab.h"
#include "vmalloc.h"
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <asm/cache-l2x0.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/outercache.h>
#include <asm/setup.h>
#include <libfdt.h>
#include <string.h>

/* ---------------------------------------------------------------- l2x0 */

static int l2_dt_node(void)
{
	return fdt_node_offset_by_compatible(initial_boot_params, -1, "arm,pl310-cache");
}

/* The controller's registers, or NULL with the case skipped saying why. */
static void *l2_regs(struct ktap_test *t)
{
	void *base = l2x0_mapped_base();

	if (l2_dt_node() < 0)
		ktap_skip(t, "the DT describes no arm,pl310-cache");
	else if (!base)
		ktap_skip(t, "the L2C-310 is not driven (see the boot log: QEMU leaves i.MX6's and "
			     "Zynq's unimplemented)");
	return base;
}

static u32 l2_read(void *base, unsigned int reg)
{
	return readl_relaxed((char *)base + reg);
}

/* A latency property's register value by the TRM: RD [6:4], WR [10:8], SETUP [2:0]. */
static bool dt_latency(const char *name, u32 *reg)
{
	int len;
	const fdt32_t *p = fdt_getprop(initial_boot_params, l2_dt_node(), name, &len);

	if (!p || len < 12)
		return false;
	*reg = ((fdt32_to_cpu(p[0]) - 1) << 4) | ((fdt32_to_cpu(p[1]) - 1) << 8) |
	       (fdt32_to_cpu(p[2]) - 1);
	return true;
}

static bool l2_firmware_owned(void)
{
	u32 val, mask;
	bool write_sec;

	l2c_machine_aux(initial_boot_params, &val, &mask, &write_sec);
	return write_sec;
}

static void l2x0_controller_is_enabled(struct ktap_test *t)
{
	void *base = l2_regs(t);

	if (!base)
		return;
	if (!(l2_read(base, L2X0_CTRL) & L2X0_CTRL_EN) && l2_firmware_owned()) {
		ktap_skip(t, "CTRL is written by the secure monitor (SMC 0x102), which QEMU "
			     "ignores");
		return;
	}
	KTAP_EXPECT_EQ(t, l2_read(base, L2X0_CTRL) & L2X0_CTRL_EN, L2X0_CTRL_EN);
	KTAP_EXPECT_EQ(t, (l2_read(base, L2X0_CACHE_ID) & L2X0_CACHE_ID_PART_MASK),
		       L2X0_CACHE_ID_PART_L310);
}

static void l2x0_latencies_are_the_dt_s(struct ktap_test *t)
{
	void *base = l2_regs(t);
	u32 want;
	bool any = false;

	if (!base)
		return;
	if (l2_firmware_owned()) {
		ktap_skip(t, "the latency registers are the secure firmware's on this machine");
		return;
	}
	if (dt_latency("arm,tag-latency", &want)) {
		KTAP_EXPECT_EQ(t, l2_read(base, L310_TAG_LATENCY_CTRL), want);
		any = true;
	}
	if (dt_latency("arm,data-latency", &want)) {
		KTAP_EXPECT_EQ(t, l2_read(base, L310_DATA_LATENCY_CTRL), want);
		any = true;
	}
	if (!any)
		ktap_skip(t, "the DT asks for no latencies");
}

/*
 * The auxiliary control: the platform's forced bits, the node's
 * shared-override, the A9's early BRESP (r2p0+) and full line of zeros,
 * non-secure lockdown access, and the way size cache-size implies.
 */
static void l2x0_aux_ctrl_has_the_bits_asked_for(struct ktap_test *t)
{
	const void *fdt = initial_boot_params;
	void *base = l2_regs(t);
	u32 aux, val, mask, size;
	bool write_sec;
	int node = l2_dt_node();

	if (!base)
		return;
	l2c_machine_aux(fdt, &val, &mask, &write_sec);
	if (write_sec) {
		ktap_skip(
			t,
			"AUX_CTRL is the secure firmware's on this machine (Linux leaves it too)");
		return;
	}
	aux = l2_read(base, L2X0_AUX_CTRL);
	/* Bits the platform forces to 1; those it clears stay clear unless asked for. */
	KTAP_EXPECT_EQ(t, aux & val, val);
	KTAP_EXPECT_EQ(t, aux & ~mask & ~val & ~L2C_AUX_CTRL_WAY_SIZE_MASK, 0);
	if (fdt_getprop(fdt, node, "arm,shared-override", NULL))
		KTAP_EXPECT_TRUE(t, aux & L2C_AUX_CTRL_SHARED_OVERRIDE);
	KTAP_EXPECT_TRUE(t, aux & L310_AUX_CTRL_NS_LOCKDOWN);
	if (MIDR_PARTNUM(read_midr()) == 0xc09 &&
	    (l2_read(base, L2X0_CACHE_ID) & L2X0_CACHE_ID_RTL_MASK) >= L310_CACHE_ID_RTL_R2P0) {
		KTAP_EXPECT_TRUE(t, aux & L310_AUX_CTRL_EARLY_BRESP);
		KTAP_EXPECT_TRUE(t, aux & L310_AUX_CTRL_FULL_LINE_ZERO);
	}
	if (!fdt_getprop(fdt, node, "cache-size", NULL))
		return;
	size = fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(fdt, node, "cache-size", NULL));
	KTAP_EXPECT_EQ(t, l2c310_size(aux), size);
}

/*
 * Prefetch and power control: what the DT asked (prefetch bits, offset;
 * clock gating and standby on unless it says 0).  QEMU reads both as 0.
 */
static void l2x0_prefetch_and_power_ctrl_are_the_dt_s(struct ktap_test *t)
{
	void *base = l2_regs(t);
	u32 want_power = L310_DYNAMIC_CLK_GATING_EN | L310_STNDBY_MODE_EN, v;
	int node = l2_dt_node(), len;
	const fdt32_t *p;

	if (!base)
		return;
	if (l2_firmware_owned()) {
		ktap_skip(t, "the power control register is the secure firmware's on this machine");
		return;
	}
	p = fdt_getprop(initial_boot_params, node, "arm,dynamic-clock-gating", &len);
	if (p && len >= 4 && !fdt32_to_cpu(*p))
		want_power &= ~L310_DYNAMIC_CLK_GATING_EN;
	p = fdt_getprop(initial_boot_params, node, "arm,standby-mode", &len);
	if (p && len >= 4 && !fdt32_to_cpu(*p))
		want_power &= ~L310_STNDBY_MODE_EN;
	v = l2_read(base, L310_POWER_CTRL);
	if (v == 0 && l2_read(base, L310_PREFETCH_CTRL) == 0 && want_power) {
		ktap_skip(t, "POWER_CTRL and PREFETCH_CTRL read 0 after being written (QEMU does "
			     "not model them)");
		return;
	}
	KTAP_EXPECT_EQ(t, v & (L310_DYNAMIC_CLK_GATING_EN | L310_STNDBY_MODE_EN), want_power);
	p = fdt_getprop(initial_boot_params, node, "arm,prefetch-offset", &len);
	if (p && len >= 4)
		KTAP_EXPECT_EQ(t,
			       l2_read(base, L310_PREFETCH_CTRL) & L310_PREFETCH_CTRL_OFFSET_MASK,
			       fdt32_to_cpu(*p));
}

/*
 * A controller found enabled (as a boot loader may leave it) keeps its
 * configuration: the kernel cannot change it while it is on, and must not
 * try.  The driver is run again over a DT that asks for other latencies.
 */
static void l2x0_found_enabled_keeps_its_configuration(struct ktap_test *t)
{
	const fdt32_t eight[3] = {cpu_to_fdt32(8), cpu_to_fdt32(8), cpu_to_fdt32(8)};
	void *base = l2_regs(t), *copy;
	u32 aux, tag, data, size;
	int node;

	if (!base)
		return;
	if (!(l2_read(base, L2X0_CTRL) & L2X0_CTRL_EN)) {
		ktap_skip(t, "the controller is not enabled (firmware-owned CTRL under QEMU)");
		return;
	}
	size = fdt_totalsize(initial_boot_params) + 256;
	copy = kmalloc(size, GFP_KERNEL);
	KTAP_ASSERT_TRUE(t, copy != NULL);
	KTAP_ASSERT_EQ(t, fdt_open_into(initial_boot_params, copy, (int)size), 0);
	node = fdt_node_offset_by_compatible(copy, -1, "arm,pl310-cache");
	KTAP_ASSERT_EQ(t, fdt_setprop(copy, node, "arm,tag-latency", eight, sizeof(eight)), 0);
	KTAP_ASSERT_EQ(t, fdt_setprop(copy, node, "arm,data-latency", eight, sizeof(eight)), 0);
	aux = l2_read(base, L2X0_AUX_CTRL);
	tag = l2_read(base, L310_TAG_LATENCY_CTRL);
	data = l2_read(base, L310_DATA_LATENCY_CTRL);

	KTAP_EXPECT_EQ(t, l2x0_of_init(copy), 0);
	KTAP_EXPECT_EQ(t, l2_read(base, L2X0_AUX_CTRL), aux);
	KTAP_EXPECT_EQ(t, l2_read(base, L310_TAG_LATENCY_CTRL), tag);
	KTAP_EXPECT_EQ(t, l2_read(base, L310_DATA_LATENCY_CTRL), data);
	KTAP_EXPECT_TRUE(t, l2_read(base, L2X0_CTRL) & L2X0_CTRL_EN);
	KTAP_EXPECT_TRUE(t, l2x0_mapped_base() == base); /* the same mapping, none leaked */
	KTAP_EXPECT_TRUE(t, outer_cache.flush_all != NULL);
	kfree(copy);
}

/* ----------------------------------------------------------------- dma */

struct cache_op {
	char op; /* M map, U unmap, F L1 flush; i c f outer inv/clean/flush */
	unsigned long a, b;
	int dir;
};

static struct cache_op ops[64];
static unsigned int nops;
static struct cpu_cache_fns saved_cpu;
static struct outer_cache_fns saved_outer;

static void rec(char op, unsigned long a, unsigned long b, int dir)
{
	if (nops < ARRAY_SIZE(ops))
		ops[nops] = (struct cache_op){op, a, b, dir};
	nops++;
}

/* Bytes the run of @op records from *@i on covers (L1 maintenance goes page by page); *@i ends past it. */
static unsigned long run_bytes(unsigned int *i, char op)
{
	unsigned long bytes = 0;

	for (; *i < nops && ops[*i].op == op; (*i)++)
		bytes += ops[*i].b - ops[*i].a;
	return bytes;
}

static void rec_map(const void *s, size_t n, int dir)
{
	rec('M', (unsigned long)s, (unsigned long)s + n, dir);
}

static void rec_unmap(const void *s, size_t n, int dir)
{
	rec('U', (unsigned long)s, (unsigned long)s + n, dir);
}

static void rec_l1_flush(const void *s, const void *e)
{
	rec('F', (unsigned long)s, (unsigned long)e, -1);
}

static void rec_inv(unsigned long s, unsigned long e)
{
	rec('i', s, e, -1);
}

static void rec_clean(unsigned long s, unsigned long e)
{
	rec('c', s, e, -1);
}

static void rec_flush(unsigned long s, unsigned long e)
{
	rec('f', s, e, -1);
}

static void record_start(void)
{
	saved_cpu = cpu_cache;
	saved_outer = outer_cache;
	nops = 0;
	cpu_cache.dma_map_area = rec_map;
	cpu_cache.dma_unmap_area = rec_unmap;
	cpu_cache.dma_flush_range = rec_l1_flush;
	outer_cache.inv_range = rec_inv;
	outer_cache.clean_range = rec_clean;
	outer_cache.flush_range = rec_flush;
}

static void record_stop(void)
{
	cpu_cache = saved_cpu;
	outer_cache = saved_outer;
}

#define EXPECT_OP(t, i, o, start, end)                               \
	do {                                                         \
		KTAP_EXPECT_EQ(t, ops[i].op, o);                     \
		KTAP_EXPECT_EQ(t, ops[i].a, (unsigned long)(start)); \
		KTAP_EXPECT_EQ(t, ops[i].b, (unsigned long)(end));   \
	} while (0)

/* To the device: L1 by the kernel address first, then the outer cache by physical. */
static void dma_sync_for_device_does_l1_then_outer(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	phys_addr_t pa;
	unsigned long va;

	KTAP_ASSERT_TRUE(t, page != NULL);
	pa = page_to_phys(page) + 0x123;
	va = (unsigned long)page_address(page) + 0x123;

	record_start();
	dma_sync_single_for_device(NULL, pa, 5000, DMA_TO_DEVICE);
	dma_sync_single_for_device(NULL, pa, 5000, DMA_FROM_DEVICE);
	dma_sync_single_for_device(NULL, pa, 5000, DMA_BIDIRECTIONAL);
	record_stop();

	/* Lowmem is contiguous in the kernel's map: one L1 call for both pages. */
	KTAP_ASSERT_EQ(t, nops, 6);
	EXPECT_OP(t, 0, 'M', va, va + 5000);
	KTAP_EXPECT_EQ(t, ops[0].dir, DMA_TO_DEVICE);
	EXPECT_OP(t, 1, 'c', pa, pa + 5000);
	EXPECT_OP(t, 2, 'M', va, va + 5000);
	KTAP_EXPECT_EQ(t, ops[2].dir, DMA_FROM_DEVICE);
	EXPECT_OP(t, 3, 'i', pa, pa + 5000); /* the device will write: drop, don't write back */
	EXPECT_OP(t, 4, 'M', va, va + 5000);
	EXPECT_OP(t, 5, 'c', pa, pa + 5000);
	__free_pages(page, 1);
}

/* Back to the CPU: the outer cache first, so L1 cannot refill from a stale L2 line. */
static void dma_sync_for_cpu_does_outer_then_l1(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	phys_addr_t pa;
	unsigned long va;

	KTAP_ASSERT_TRUE(t, page != NULL);
	pa = page_to_phys(page);
	va = (unsigned long)page_address(page);

	record_start();
	dma_sync_single_for_cpu(NULL, pa, PAGE_SIZE, DMA_FROM_DEVICE);
	dma_sync_single_for_cpu(NULL, pa, PAGE_SIZE, DMA_TO_DEVICE); /* nothing to undo */
	dma_sync_single_for_cpu(NULL, pa, 64, DMA_BIDIRECTIONAL);
	record_stop();

	KTAP_ASSERT_EQ(t, nops, 4);
	EXPECT_OP(t, 0, 'i', pa, pa + PAGE_SIZE);
	EXPECT_OP(t, 1, 'U', va, va + PAGE_SIZE);
	KTAP_EXPECT_EQ(t, ops[1].dir, DMA_FROM_DEVICE);
	EXPECT_OP(t, 2, 'i', pa, pa + 64);
	EXPECT_OP(t, 3, 'U', va, va + 64);
	__free_page(page);
}

/*
 * Highmem has no permanent address: one L1 call per page through a
 * temporary mapping, one outer call over the physical range.
 */
static void dma_sync_of_highmem_maps_each_page(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 1);
	phys_addr_t pa;

	KTAP_ASSERT_TRUE(t, page != NULL);
	if (!PageHighMem(page)) {
		ktap_skip(t, "no highmem at this RAM size");
		__free_pages(page, 1);
		return;
	}
	pa = page_to_phys(page) + 0x800;
	record_start();
	dma_sync_single_for_device(NULL, pa, PAGE_SIZE, DMA_TO_DEVICE);
	record_stop();

	KTAP_ASSERT_EQ(t, nops, 3);
	KTAP_EXPECT_EQ(t, ops[0].op, 'M');
	KTAP_EXPECT_EQ(t, ops[0].b - ops[0].a, PAGE_SIZE - 0x800);
	KTAP_EXPECT_EQ(t, ops[0].a & ~PAGE_MASK, 0x800);
	KTAP_EXPECT_EQ(t, ops[1].op, 'M');
	KTAP_EXPECT_EQ(t, ops[1].b - ops[1].a, 0x800);
	KTAP_EXPECT_EQ(t, ops[1].a & ~PAGE_MASK, 0);
	/* Neither through the linear map: highmem has none. */
	KTAP_EXPECT_FALSE(t, ops[0].a >= PAGE_OFFSET && ops[0].a < (unsigned long)high_memory);
	EXPECT_OP(t, 2, 'c', pa, pa + PAGE_SIZE);
	__free_pages(page, 1);
}

/* A CMA buffer handed to a device: its whole range, L1 then outer, as Linux. */
static void dma_cma_buffer_is_prepared_and_synced(struct ktap_test *t)
{
	struct page *page = dma_alloc_from_contiguous(NULL, 4, 0, false);
	phys_addr_t pa;

	if (!page) {
		ktap_skip(t, "no CMA area");
		return;
	}
	pa = page_to_phys(page);
	record_start();
	arch_dma_prep_coherent(page, 4 * PAGE_SIZE);
	dma_sync_single_for_device(NULL, pa, 4 * PAGE_SIZE, DMA_FROM_DEVICE);
	dma_sync_single_for_cpu(NULL, pa, 4 * PAGE_SIZE, DMA_FROM_DEVICE);
	record_stop();

	KTAP_ASSERT_TRUE(t, nops >= 6);
	/* prep: every L1 piece a flush, then one outer flush of the whole. */
	unsigned int i = 0;

	KTAP_EXPECT_EQ(t, run_bytes(&i, 'F'), 4 * PAGE_SIZE);
	KTAP_ASSERT_TRUE(t, i < nops);
	EXPECT_OP(t, i, 'f', pa, pa + 4 * PAGE_SIZE);
	i++;
	KTAP_EXPECT_EQ(t, run_bytes(&i, 'M'), 4 * PAGE_SIZE);
	KTAP_ASSERT_TRUE(t, i < nops);
	EXPECT_OP(t, i, 'i', pa, pa + 4 * PAGE_SIZE);
	i++;
	KTAP_ASSERT_TRUE(t, i < nops);
	EXPECT_OP(t, i, 'i', pa, pa + 4 * PAGE_SIZE);
	i++;
	KTAP_EXPECT_EQ(t, run_bytes(&i, 'U'), 4 * PAGE_SIZE);
	KTAP_EXPECT_EQ(t, i, nops);
	KTAP_EXPECT_TRUE(t, dma_release_from_contiguous(NULL, page, 4));
}

/*
 * dma_alloc_coherent(): CMA pages, zeroed, their cached alias flushed (L1
 * then outer) before the attributes change; once the uncached mapping is
 * the only one, lines fetched speculatively meanwhile are invalidated
 * (outer by physical, L1 through the new mapping).  The mapping translates
 * to the pages with TEX 001, C 0, B 0; the page-table side is the
 * dma_coherent suite's.
 */
static void dma_coherent_buffer_is_uncached_zeroed_cma(struct ktap_test *t)
{
	const size_t size = 3 * PAGE_SIZE + 100;
	dma_addr_t handle = 0;
	unsigned int i;
	u32 *pte;
	u8 *buf;
	int level;

	record_start();
	buf = dma_alloc_coherent(NULL, size, &handle);
	record_stop();
	if (!buf && !dma_contiguous_default_area) {
		ktap_skip(t, "no CMA area");
		return;
	}
	KTAP_ASSERT_TRUE(t, buf != NULL);
	i = 0;
	KTAP_EXPECT_EQ(t, run_bytes(&i, 'F'), 4 * PAGE_SIZE);
	KTAP_ASSERT_EQ(t, nops, i + 3);
	EXPECT_OP(t, i, 'f', handle, handle + 4 * PAGE_SIZE);
	EXPECT_OP(t, i + 1, 'i', handle, handle + 4 * PAGE_SIZE);
	EXPECT_OP(t, i + 2, 'U', buf, buf + 4 * PAGE_SIZE);
	KTAP_EXPECT_EQ(t, ops[i + 2].dir, DMA_FROM_DEVICE);

	for (i = 0; i < 4; i++) {
		unsigned long va = (unsigned long)buf + i * PAGE_SIZE;
		u32 par = arm_translate_read(va);

		KTAP_EXPECT_FALSE(t, par & PAR_F);
		KTAP_EXPECT_EQ(t, (par & PAGE_MASK), (u32)handle + i * PAGE_SIZE);
		pte = lookup_address(kernel_pgd, va, &level);
		KTAP_ASSERT_TRUE(t, pte != NULL);
		KTAP_EXPECT_EQ(t, level, 2);
		KTAP_EXPECT_EQ(t, *pte & (PTE_EXT_TEX(7) | PTE_CACHEABLE | PTE_BUFFERABLE),
			       PTE_EXT_TEX(1));
	}
	for (i = 0; i < size; i++)
		if (buf[i])
			break;
	KTAP_EXPECT_EQ(t, i, size);
	dma_free_coherent(NULL, size, buf, handle);
	KTAP_EXPECT_TRUE(t, find_vm_area(buf) == NULL);
}

static void dma_sync_refuses_bad_direction_and_unmanaged_memory(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KTAP_ASSERT_TRUE(t, page != NULL);
	record_start();
	dma_sync_single_for_device(NULL, page_to_phys(page), 64, DMA_NONE);
	dma_sync_single_for_device(NULL, memblock_end_of_DRAM(), 64, DMA_TO_DEVICE); /* past RAM */
	dma_sync_single_for_cpu(NULL, page_to_phys(page), 0, DMA_FROM_DEVICE);
	record_stop();
	KTAP_EXPECT_EQ(t, nops, 0);
	__free_page(page);
}

/*
 * The real routines over a buffer: cleaning and flushing must keep its
 * data, and a by-VA invalidate of whole lines after a clean loses nothing
 * either.  (On a physical board a wrong operation here, an invalidate
 * where a clean belongs, loses the writes; QEMU has no cache to lose.)
 */
static void dma_real_maintenance_keeps_the_data(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	u8 *buf;
	phys_addr_t pa;
	unsigned int i;

	KTAP_ASSERT_TRUE(t, page != NULL);
	buf = page_address(page);
	pa = page_to_phys(page);
	for (i = 0; i < PAGE_SIZE; i++)
		buf[i] = (u8)(i * 7 + 3);
	dma_sync_single_for_device(NULL, pa, PAGE_SIZE, DMA_TO_DEVICE);
	dma_sync_single_for_device(NULL, pa + 3, 100, DMA_BIDIRECTIONAL);
	dma_sync_single_for_cpu(NULL, pa + 3, 100, DMA_BIDIRECTIONAL);
	arch_dma_prep_coherent(page, PAGE_SIZE);
	outer_sync();
	for (i = 0; i < PAGE_SIZE; i++)
		if (buf[i] != (u8)(i * 7 + 3))
			break;
	KTAP_EXPECT_EQ(t, i, PAGE_SIZE);
	/* The controller is still on after its range operations. */
	if (l2x0_mapped_base() && !l2_firmware_owned())
		KTAP_EXPECT_TRUE(t, l2_read(l2x0_mapped_base(), L2X0_CTRL) & L2X0_CTRL_EN);
	__free_page(page);
}

static struct ktap_case cache_cases[] = {
	KTAP_CASE(l2x0_controller_is_enabled),
	KTAP_CASE(l2x0_latencies_are_the_dt_s),
	KTAP_CASE(l2x0_aux_ctrl_has_the_bits_asked_for),
	KTAP_CASE(l2x0_prefetch_and_power_ctrl_are_the_dt_s),
	KTAP_CASE(l2x0_found_enabled_keeps_its_configuration),
	KTAP_CASE(dma_sync_for_device_does_l1_then_outer),
	KTAP_CASE(dma_sync_for_cpu_does_outer_then_l1),
	KTAP_CASE(dma_sync_of_highmem_maps_each_page),
	KTAP_CASE(dma_cma_buffer_is_prepared_and_synced),
	KTAP_CASE(dma_coherent_buffer_is_uncached_zeroed_cma),
	KTAP_CASE(dma_sync_refuses_bad_direction_and_unmanaged_memory),
	KTAP_CASE(dma_real_maintenance_keeps_the_data),
	{}};

KTAP_SUITE(cache, cache_cases);
