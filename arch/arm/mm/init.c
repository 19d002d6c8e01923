// SPDX-License-Identifier: GPL-2.0
/*
 * ARM's memblock set-up: the step between "memblock knows the RAM" (the DT
 * scan) and "paging_init maps it".  Everything that must survive until the
 * buddy allocator takes over is reserved here, in Linux's order
 * (arch/arm/mm/init.c, arm_memblock_init): kernel, initrd, DTB, the DT's
 * own reservations, then CMA.
 *
 * Portable C on purpose: mmsim and the host tests link this file, so the
 * layout they show is the one the kernel makes.
 */
#include "dma-map-ops.h"
#include "init.h"
#include "kernel.h"
#include "memblock.h"
#include "memtest.h"
#include "mm.h"
#include "mmzone.h"
#include "of_fdt.h"
#include "of_reserved_mem.h"
#include "printk.h"
#include "ram_probe.h"
#include "sections.h"
#include <asm/memblock.h>
#include <asm/memory.h>
#include <libfdt.h>
#include <string.h>

/*
 * The highest address DMA can reach.  Without ZONE_DMA Linux ARM defines it
 * as all ones of its 32-bit phys_addr_t; ours is 64-bit, so spelled out.
 */
#define arm_dma_limit ((phys_addr_t)0xffffffff)

/*
 * mem=SIZE: keep only the first SIZE bytes of RAM.  This is arm64's (and
 * the generic) meaning, applied with memblock_enforce_memory_limit(); 32-bit
 * Linux instead replaces the DT's memory with [PHYS_OFFSET, +SIZE), which
 * can invent RAM the board does not have.
 */
static phys_addr_t memory_limit;
static bool memory_limit_set;
static char memory_limit_arg[32]; /* the value as typed, for messages */

static int early_mem(char *val)
{
	u64 size;

	if (val && strchr(val, '@')) {
		pr_err("mem=%s: the SIZE@START form is not supported (mem= only limits the memory "
		       "the DT describes), parameter ignored\n",
		       val);
		return -EINVAL;
	}
	if (early_param_size("mem", val, &size))
		return -EINVAL;
	memory_limit = size & ~(u64)(PAGE_SIZE - 1);
	memory_limit_set = true;
	strncpy(memory_limit_arg, val, sizeof(memory_limit_arg) - 1);
	memory_limit_arg[sizeof(memory_limit_arg) - 1] = '\0';
	return 0;
}
early_param("mem", early_mem);

/* vmalloc= (the lowmem/highmem split follows from it): see arm_lowmem_bounds(). */
static unsigned long vmalloc_size = VMALLOC_DEFAULT_SIZE;

/*
 * vmalloc=SIZE: how much virtual space to keep for vmalloc and ioremap;
 * lowmem gets the rest.  Clamped as Linux clamps it.
 */
static int __init early_vmalloc(char *arg)
{
	u64 size;
	unsigned long max = VMALLOC_END - (PAGE_OFFSET + SZ_32M + VMALLOC_OFFSET);

	if (early_param_size("vmalloc", arg, &size))
		return -EINVAL;
	if (size < SZ_16M) {
		size = SZ_16M;
		pr_warn("vmalloc area is too small, limiting to %luMiB\n",
			(unsigned long)(size >> 20));
	}
	if (size > max) {
		size = max;
		pr_warn("vmalloc area is too big, limiting to %luMiB\n",
			(unsigned long)(size >> 20));
	}
	vmalloc_size = ALIGN((unsigned long)size, SECTION_SIZE);
	return 0;
}
early_param("vmalloc", early_vmalloc);

/**
 * arm_lowmem_bounds - the lowmem/highmem split for the memory in memblock
 * @phys_offset: the kernel's PHYS_OFFSET (RAM at PAGE_OFFSET)
 *
 * Linux's adjust_lowmem_bounds(), less the recording (mmu.c's
 * adjust_lowmem_bounds() does that, the only place that sets the split):
 * portable, so mmsim computes what the kernel computes.  Lowmem is RAM
 * whose linear-map address lies below the vmalloc area, which is vmalloc=
 * big (240 MiB by default) plus the 8 MiB gap, ending at VMALLOC_END: it
 * ends where the first bank crosses that boundary, or with memory.  Until
 * paging_init maps lowmem, memblock may only allocate in what head.S
 * mapped as well: linker.ld's __early_map_end, the image + EARLY_MAP_EXTRA
 * rounded up to a section.
 */
struct lowmem_bounds arm_lowmem_bounds(phys_addr_t phys_offset)
{
	phys_addr_t vmalloc_limit =
		(u64)VMALLOC_END - vmalloc_size - VMALLOC_OFFSET - PAGE_OFFSET + phys_offset;
	phys_addr_t early_map_end = ALIGN(__pa(_end) + EARLY_MAP_EXTRA, SECTION_SIZE);
	phys_addr_t start, end, lowmem_limit = 0;
	u64 i;

	for_each_mem_range (i, &start, &end) {
		if (start >= vmalloc_limit)
			break;
		lowmem_limit = min(end, vmalloc_limit);
	}
	return (struct lowmem_bounds){
		.lowmem_limit = lowmem_limit,
		.memblock_limit = min(lowmem_limit, early_map_end),
	};
}

/**
 * bootmem_init - tell the mm core the zone boundaries (after paging_init)
 *
 * memtest= first (Linux's early_memtest over lowmem); then Normal up to
 * arm_lowmem_limit, HighMem to the end of memory, and free_area_init() sets
 * up the node, zones and mem_map.
 */
void bootmem_init(void)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = {0};

	/* As Linux: memtest= tests the free lowmem, which the linear map now covers. */
	early_memtest(memblock_start_of_DRAM(), arm_lowmem_limit);

	max_zone_pfn[ZONE_NORMAL] = PFN_DOWN(arm_lowmem_limit);
	max_zone_pfn[ZONE_HIGHMEM] = PFN_DOWN(memblock_end_of_DRAM());
	free_area_init(max_zone_pfn);
}

/**
 * arm_memory_limit - the mem= limit in bytes, 0 if none was given
 */
phys_addr_t arm_memory_limit(void)
{
	return memory_limit_set ? memory_limit : 0;
}

/**
 * arm_memblock_reset - forget mem=, vmalloc= and cma= (and the CMA areas)
 *
 * For host tests, mmsim and the fuzzer, which boot many times.
 */
void arm_memblock_reset(void)
{
	memory_limit = 0;
	memory_limit_set = false;
	vmalloc_size = VMALLOC_DEFAULT_SIZE;
	memset(memory_limit_arg, 0, sizeof(memory_limit_arg));
	dma_contiguous_reset(); /* cma= and the CMA areas reserved here */
}

static void apply_memory_limit(phys_addr_t kernel_end)
{
	phys_addr_t end;

	if (!memory_limit_set)
		return;
	end = memblock_limit_to_address(memory_limit);
	if (end == PHYS_ADDR_MAX)
		return; /* more than there is: nothing to cut, as in Linux */
	if (end < kernel_end) {
		pr_err("mem=%s would end memory at 0x%08llx, below the end of the kernel image at "
		       "0x%08llx: ignored\n",
		       memory_limit_arg, end, kernel_end);
		return;
	}
	if (memblock_enforce_memory_limit(memory_limit)) {
		pr_err("mem=%s: memory above 0x%08llx could not be removed: ignored\n",
		       memory_limit_arg, end);
		return;
	}
	/* Linux prints MB only: mem=420K would read "0MB" (ours: KB when not whole MiB). */
	if (memory_limit & (SZ_1M - 1))
		pr_notice("Memory limited to %lluKB\n", memory_limit >> 10);
	else
		pr_notice("Memory limited to %lluMB\n", memory_limit >> 20);
}

/*
 * Linux 6.1's arm_initrd_init(): whole pages, inside one memory region, not
 * overlapping anything reserved so far; otherwise the initrd is dropped
 * with Linux's message.  Returns true if it was reserved.
 */
static bool arm_initrd_init(void)
{
	phys_addr_t start, size, end;

	if (!phys_initrd_size)
		return false;
	start = round_down(phys_initrd_start, (phys_addr_t)PAGE_SIZE);
	end = phys_initrd_start + phys_initrd_size;
	/* An end past 4 GiB cannot be RAM here, and rounding it up could wrap. */
	if (end < phys_initrd_start || end > SZ_4G)
		end = SZ_4G + PAGE_SIZE;
	size = round_up(end, (phys_addr_t)PAGE_SIZE) - start;

	if (!memblock_is_region_memory(start, size)) {
		pr_err("INITRD: 0x%08llx+0x%08llx is not a memory region - disabling initrd\n",
		       start, size);
		goto disable;
	}
	if (memblock_is_region_reserved(start, size)) {
		pr_err("INITRD: 0x%08llx+0x%08llx overlaps in-use memory region - disabling "
		       "initrd\n",
		       start, size);
		goto disable;
	}
	if (!memblock_reserve(start, size))
		return true;
	pr_err("INITRD: 0x%08llx+0x%08llx could not be reserved - disabling initrd\n", start, size);

disable:
	phys_initrd_start = 0;
	phys_initrd_size = 0;
	return false;
}

/**
 * arm_memblock_init - reserve the kernel, initrd, DTB and the DT's reservations
 * @fdt: the verified DTB (early_init_dt_scan() has run)
 * @fdt_phys: its physical address: the DTB is mapped outside the linear
 *            map (FDT_FIXED_BASE), so __pa(@fdt) would be wrong
 *
 * In order: apply mem= (refused if it would cut into the kernel image),
 * reserve the kernel image [__pa(_text), __pa(_end)), the initrd (or
 * disable it with Linux's message if it is not in memory or overlaps a
 * reservation), the DTB, then /memreserve/ and /reserved-memory with the
 * kernel, DTB and initrd protected from them; then the CMA hook, then let
 * memblock's arrays grow, and print memblock's table under memblock=debug.
 *
 * Return: 0, -EINVAL if the kernel image is not inside the memory the DT
 * describes, or -ENOMEM if the kernel, the DTB or a reservation the DT
 * asks for could not be reserved (each reported; the caller halts rather
 * than let the page allocator hand that memory out).
 */
/* The /memreserve/ entry that overlaps [@base, @end), for a message; false if none. */
static bool memreserve_in(const void *fdt, phys_addr_t base, phys_addr_t end, u64 *rbase,
			  u64 *rsize)
{
	uint64_t b, sz;

	for (int n = 0; fdt_get_mem_rsv(fdt, n, &b, &sz) == 0 && sz; n++) {
		if (b < end && base < b + sz) {
			*rbase = b;
			*rsize = sz;
			return true;
		}
	}
	return false;
}

/*
 * After the reservations, enough free lowmem must be left for what the
 * boot still allocates (mem_map, page tables); otherwise the boot would
 * panic later in a memblock_alloc() that names nothing.  Names the largest
 * reservation (and the /memreserve/ entry in it) instead.  Ours.
 */
static int check_room_left(const void *fdt)
{
	phys_addr_t limit = arm_lowmem_limit ? arm_lowmem_limit : memblock_end_of_DRAM();
	phys_addr_t need = (memblock_end_of_DRAM() - memblock_start_of_DRAM()) / PAGE_SIZE *
				   sizeof(struct page) +
			   SZ_1M;
	phys_addr_t start, end, free = 0, big_base = 0, big_end = 0;
	struct memblock_region *r;
	u64 i, rbase, rsize;
	char what[64] = "";

	for_each_free_mem_range (i, &start, &end)
		if (start < limit)
			free += min(end, limit) - start;
	if (free >= need)
		return 0;
	for_each_memblock (reserved, r) {
		if (r->size > big_end - big_base) {
			big_base = r->base;
			big_end = r->base + r->size;
		}
	}
	if (memreserve_in(fdt, big_base, big_end, &rbase, &rsize))
		scnprintf(what, sizeof(what), " (/memreserve/ 0x%llx + 0x%llx)", rbase, rsize);
	pr_err("only %lluK of lowmem is left free after the reservations; the boot needs about "
	       "%lluK: the largest reservation is 0x%08llx-0x%08llx%s\n",
	       free >> 10, need >> 10, big_base, big_end, what);
	return -ENOMEM;
}

/* ---------------------------------------------------------------- RAM the DT claims */

#define MAX_PROBED_BANKS 8

phys_addr_t ram_probe_dropped;

static bool probe_may_touch(phys_addr_t phys)
{
	return !memblock_is_region_reserved(phys, 4) && !of_reserved_mem_pending(phys, 4);
}

/* The /memory node whose "reg" covers @addr, for the message. */
static const char *memory_node_name(const void *fdt, phys_addr_t addr)
{
	const int t_len = (dt_root_addr_cells + dt_root_size_cells) * (int)sizeof(__be32);
	int node = -1, len;

	while ((node = fdt_node_offset_by_prop_value(fdt, node, "device_type", "memory",
						     sizeof("memory"))) >= 0) {
		const __be32 *reg = fdt_getprop(fdt, node, "reg", &len);

		for (; reg && len >= t_len; len -= t_len) {
			phys_addr_t base = dt_mem_next_cell(dt_root_addr_cells, &reg);
			phys_addr_t size = dt_mem_next_cell(dt_root_size_cells, &reg);

			if (addr >= base && addr - base < size)
				return fdt_get_name(fdt, node, NULL);
		}
	}
	return "the device tree";
}

/*
 * Ours: before memblock hands out its first top-down allocation, check that
 * the top of each bank holds data (mm/ram_probe.c) and drop what does not.
 * A stale DT claiming 512 MiB on a 256 MiB board makes Linux hang without
 * a word, its page tables and CMA placed in memory that is not there.
 */
static void arm_probe_ram(const void *fdt, phys_addr_t known_end)
{
	phys_addr_t base[MAX_PROBED_BANKS], size[MAX_PROBED_BANKS];
	struct memblock_region *r;
	int n = 0;

	ram_probe_dropped = 0;
	for_each_memblock (memory, r)
		if (n < MAX_PROBED_BANKS) {
			base[n] = r->base;
			size[n++] = r->size;
		}
	for (int i = 0; i < n; i++) {
		phys_addr_t end = base[i] + size[i], found;
		bool ours = known_end > base[i] && known_end <= end;

		found = ram_probe_size(base[i], size[i], ours ? known_end : base[i],
				       probe_may_touch, &arch_ram_probe_ops);
		if (found == size[i])
			continue;
		if (!found)
			pr_err("%s claims 0x%08llx-0x%08llx (%llu MiB), but no memory answers "
			       "there: "
			       "not using it\n",
			       memory_node_name(fdt, end - 1), base[i], end - 1, size[i] / SZ_1M);
		else
			pr_err("%s claims 0x%08llx-0x%08llx (%llu MiB), but only 0x%08llx-0x%08llx "
			       "(%llu MiB) holds data: using that\n",
			       memory_node_name(fdt, end - 1), base[i], end - 1, size[i] / SZ_1M,
			       base[i], base[i] + found - 1, found / SZ_1M);
		memblock_remove(base[i] + found, size[i] - found);
		ram_probe_dropped += size[i] - found;
	}
}

int arm_memblock_init(const void *fdt, phys_addr_t fdt_phys)
{
	const phys_addr_t kernel_start = __pa(_text), kernel_end = __pa(_end);
	const phys_addr_t fdt_size = fdt_totalsize(fdt);
	bool initrd;

	/* Running from memory the DT does not describe: paging_init would unmap us. */
	if (!memblock_is_region_memory(kernel_start, kernel_end - kernel_start)) {
		pr_err("the kernel image 0x%08llx-0x%08llx is not inside the memory "
		       "the device tree describes\n",
		       kernel_start, kernel_end);
		return -EINVAL;
	}

	apply_memory_limit(kernel_end);

	if (memblock_reserve(kernel_start, kernel_end - kernel_start)) {
		pr_err("the kernel image 0x%08llx-0x%08llx could not be reserved\n", kernel_start,
		       kernel_end);
		return -ENOMEM;
	}
	initrd = arm_initrd_init();
	/* Linux ARM reserves the DTB in setup_arch, from the physical address in r2. */
	if (memblock_reserve(fdt_phys, fdt_size)) {
		pr_err("the device tree blob 0x%08llx-0x%08llx could not be reserved\n", fdt_phys,
		       fdt_phys + fdt_size);
		return -ENOMEM;
	}

	arm_probe_ram(fdt, kernel_end);

	of_reserved_mem_protect(kernel_start, kernel_end - kernel_start, "kernel image", true);
	of_reserved_mem_protect(fdt_phys, fdt_size, "device tree blob", false);
	if (initrd)
		of_reserved_mem_protect(round_down(phys_initrd_start, (phys_addr_t)PAGE_SIZE),
					phys_initrd_size + (phys_initrd_start & (PAGE_SIZE - 1)),
					"initrd", false);
	if (early_init_fdt_scan_reserved_mem())
		return -ENOMEM;

	/*
	 * After the DT's reservations: a "linux,cma-default" node the CMA
	 * initialiser claimed makes it skip the default area.
	 */
	dma_contiguous_reserve(arm_dma_limit);
	if (check_room_left(fdt))
		return -ENOMEM;

	/* Everything that must survive is reserved: the arrays may now grow into free memory. */
	memblock_allow_resize();
	memblock_dump_all();
	return 0;
}
