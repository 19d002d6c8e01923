// SPDX-License-Identifier: GPL-2.0
/*
 * The PL310 / L2C-310 outer cache controller, as Linux 6.1's
 * arch/arm/mm/cache-l2x0.c drives it: found through the DT's
 * arm,pl310-cache node, configured from it while still disabled,
 * invalidated by way and enabled, then maintained by physical address
 * (outer_cache, asm/outercache.h).  If the boot loader left it enabled, its
 * configuration stays as it is (the registers cannot change while it is
 * on) and only the maintenance operations are installed, as in Linux.
 * What the DT asks is computed in cache-l2x0-of.c.
 *
 * Where we differ from Linux:
 *  - Only the L2C-310.  A CACHE_ID of 0 (QEMU's i.MX6 leaves the region
 *    reading as zero), an L2C-210/220 or another part is reported and the
 *    controller left alone, where Linux would program a part from the
 *    compatible regardless of the ID it read.  A CACHE_ID read that aborts
 *    is reported too.
 *  - A DT value the registers cannot hold leaves the controller alone
 *    (cache-l2x0-of.c): nothing is written before everything is checked.
 *  - flush_all takes the lock itself; Linux's callers hold interrupts off.
 *  - Waits for background operations are bounded, and a controller that
 *    never finishes is reported.
 */
#include "kernel.h"
#include "of_address.h"
#include "printk.h"
#include "sizes.h"
#include "spinlock.h"
#include <asm/cache-l2x0.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/outercache.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <libfdt.h>

struct outer_cache_fns outer_cache;

static void __iomem *l2x0_base;
static phys_addr_t l2x0_phys;
static DEFINE_SPINLOCK(l2x0_lock);
static u32 l2x0_way_mask; /* every way: the way operations' operand */
static u32 l2x0_size;
static unsigned long sync_reg_offset = L2X0_CACHE_SYNC;
static bool l2x0_fw_write_sec; /* Highbank: secure registers through the monitor */

/* What was programmed (Linux's l2x0_saved_regs): the self-tests read it. */
struct l2x0_regs l2x0_saved_regs;

/* A way operation on a 512 KiB cache takes thousands of cycles; give up far beyond. */
#define L2C_WAIT_LOOPS 10000000

static void l2c_wait_mask(void __iomem *reg, u32 mask)
{
	unsigned long n;

	for (n = 0; n < L2C_WAIT_LOOPS; n++)
		if (!(readl_relaxed(reg) & mask))
			return;
	pr_err("L2C: operation at offset 0x%03lx still running after %d polls\n",
	       (unsigned long)((char *)reg - (char *)l2x0_base), L2C_WAIT_LOOPS);
}

/*
 * Highbank's secure monitor call (the OMAP4 ROM convention Linux's
 * highbank_smc1 follows): function in r12, argument in r0, and every
 * other register but sp and pc may be lost.
 */
void highbank_smc1(u32 fn, u32 arg);
__asm__(".pushsection .text\n"
	".arch_extension sec\n"
	".globl highbank_smc1\n"
	".type highbank_smc1, %function\n"
	"highbank_smc1:\n"
	"	push	{r4-r11, lr}\n"
	"	mov	r12, r0\n"
	"	mov	r0, r1\n"
	"	dsb\n"
	"	smc	#0\n"
	"	pop	{r4-r11, pc}\n"
	".size highbank_smc1, . - highbank_smc1\n"
	".popsection");

/*
 * Write a register only the secure world may write.  On Highbank the
 * kernel is not secure: the monitor takes CTRL (SMC 0x102) and nothing
 * else, and Linux warns once and drops the other writes.
 */
static void l2c_write_sec(u32 val, unsigned int reg)
{
	static bool warned;

	if (val == readl_relaxed(l2x0_base + reg))
		return;
	if (!l2x0_fw_write_sec) {
		writel_relaxed(val, l2x0_base + reg);
	} else if (reg == L2X0_CTRL) {
		highbank_smc1(0x102, val);
	} else if (!warned) {
		warned = true;
		pr_warn("Highbank L2C310: ignoring write to reg 0x%x\n", reg);
	}
}

/* Disable write-back and line fills (debug control) around 588369/727915's operations. */
static void l2c_set_debug(u32 val)
{
	l2c_write_sec(val, L2X0_DEBUG_CTRL);
}

/* A background operation on every way, then wait for it. */
static void __l2c_op_way(void __iomem *reg)
{
	writel_relaxed(l2x0_way_mask, reg);
	l2c_wait_mask(reg, l2x0_way_mask);
}

/*
 * The PL310's line and sync operations are atomic: each write completes
 * before the next is accepted, so they need no lock.  Way operations run
 * in the background, and another operation issued meanwhile gets SLVERR:
 * those run under l2x0_lock.
 */
static void l2c310_cache_sync(void)
{
	writel_relaxed(0, l2x0_base + sync_reg_offset);
}

static void l2c310_op_pa_range(unsigned int reg, unsigned long start, unsigned long end)
{
	while (start < end) {
		writel_relaxed(start, l2x0_base + reg);
		start += L2C310_LINE_SIZE;
	}
}

/*
 * Invalidate [start, end).  A line the range only partly covers is
 * cleaned and invalidated, so that bytes outside the range are kept.
 */
static void l2c310_inv_range(unsigned long start, unsigned long end)
{
	const unsigned long m = L2C310_LINE_SIZE - 1;

	if (start & m) {
		start &= ~m;
		writel_relaxed(start, l2x0_base + L2X0_CLEAN_INV_LINE_PA);
		start += L2C310_LINE_SIZE;
	}
	if (end & m) {
		end &= ~m;
		writel_relaxed(end, l2x0_base + L2X0_CLEAN_INV_LINE_PA);
	}
	l2c310_op_pa_range(L2X0_INV_LINE_PA, start, end);
	l2c310_cache_sync();
}

static void l2c310_clean_range(unsigned long start, unsigned long end)
{
	l2c310_op_pa_range(L2X0_CLEAN_LINE_PA, start & ~(L2C310_LINE_SIZE - 1ul), end);
	l2c310_cache_sync();
}

static void l2c310_flush_range(unsigned long start, unsigned long end)
{
	l2c310_op_pa_range(L2X0_CLEAN_INV_LINE_PA, start & ~(L2C310_LINE_SIZE - 1ul), end);
	l2c310_cache_sync();
}

static void l2c310_flush_all(void)
{
	unsigned long flags;

	spin_lock_irqsave(&l2x0_lock, flags);
	__l2c_op_way(l2x0_base + L2X0_CLEAN_INV_WAY);
	l2c310_cache_sync();
	spin_unlock_irqrestore(&l2x0_lock, flags);
}

/*
 * Erratum 588369 (r0p0..r1p0): clean+invalidate by line does not
 * invalidate.  The partial edge lines are cleaned, then invalidated, with
 * write-back and line fills disabled in between (debug control 0x03).
 */
static void l2c310_inv_range_erratum(unsigned long start, unsigned long end)
{
	const unsigned long m = L2C310_LINE_SIZE - 1;
	unsigned long flags;

	if ((start | end) & m) {
		spin_lock_irqsave(&l2x0_lock, flags);
		l2c_set_debug(0x03);
		if (start & m) {
			start &= ~m;
			writel_relaxed(start, l2x0_base + L2X0_CLEAN_LINE_PA);
			writel_relaxed(start, l2x0_base + L2X0_INV_LINE_PA);
			start += L2C310_LINE_SIZE;
		}
		if (end & m) {
			end &= ~m;
			writel_relaxed(end, l2x0_base + L2X0_CLEAN_LINE_PA);
			writel_relaxed(end, l2x0_base + L2X0_INV_LINE_PA);
		}
		l2c_set_debug(0x00);
		spin_unlock_irqrestore(&l2x0_lock, flags);
	}
	l2c310_op_pa_range(L2X0_INV_LINE_PA, start, end);
	l2c310_cache_sync();
}

/*
 * Erratum 588369, the flush: clean then invalidate each line, a page at
 * a time with the lock dropped in between so interrupts are not held off
 * for the whole range.
 */
static void l2c310_flush_range_erratum(unsigned long start, unsigned long end)
{
	unsigned long flags;

	start &= ~(L2C310_LINE_SIZE - 1ul);
	while (start < end) {
		unsigned long blk_end = start + min(end - start, 4096ul);

		spin_lock_irqsave(&l2x0_lock, flags);
		l2c_set_debug(0x03);
		for (; start < blk_end; start += L2C310_LINE_SIZE) {
			writel_relaxed(start, l2x0_base + L2X0_CLEAN_LINE_PA);
			writel_relaxed(start, l2x0_base + L2X0_INV_LINE_PA);
		}
		l2c_set_debug(0x00);
		spin_unlock_irqrestore(&l2x0_lock, flags);
	}
	l2c310_cache_sync();
}

/*
 * Erratum 727915 (r2p0..r3p0): a store that hits a line between the
 * background clean and invalidate of a way operation is lost; with
 * write-back disabled meanwhile it goes straight to memory.
 */
static void l2c310_flush_all_erratum(void)
{
	unsigned long flags;

	spin_lock_irqsave(&l2x0_lock, flags);
	l2c_set_debug(0x03);
	__l2c_op_way(l2x0_base + L2X0_CLEAN_INV_WAY);
	l2c_set_debug(0x00);
	l2c310_cache_sync();
	spin_unlock_irqrestore(&l2x0_lock, flags);
}

/* The Cortex-A9 side of full line of zeros (Linux's l2c310_starting_cpu). */
static void a9_set_foz(bool on)
{
	const u32 bits = A9_ACTLR_FOZ | A9_ACTLR_L1_PREFETCH | A9_ACTLR_L2_PREFETCH;
	u32 acr = read_actlr();

	write_actlr(on ? acr | bits : acr & ~bits);
	isb();
}

/**
 * l2c310_starting_cpu - this CPU's part of the L2C-310 setup
 *
 * With full line of zeros on in the controller, every Cortex-A9 must set
 * ACTLR.FOZ (and Linux sets the two prefetch hints with it).  The boot CPU
 * does it when the controller is enabled; each secondary CPU calls this
 * as it comes up (Linux's CPUHP_AP_ARM_L2X0_STARTING).
 */
void l2c310_starting_cpu(void)
{
	if (l2x0_base && (l2x0_saved_regs.aux_ctrl & L310_AUX_CTRL_FULL_LINE_ZERO))
		a9_set_foz(true);
}

static void l2c310_disable(void)
{
	/* The A9 must stop writing zero lines before the controller goes. */
	if (l2x0_saved_regs.aux_ctrl & L310_AUX_CTRL_FULL_LINE_ZERO)
		a9_set_foz(false);
	outer_cache.flush_all();
	l2c_write_sec(0, L2X0_CTRL);
	dsb();
}

static void l2c310_sync(void)
{
	l2c310_cache_sync();
}

/* The registers as they are now (Linux's l2c310_save). */
static void l2c310_save(unsigned int rev)
{
	struct l2x0_regs *r = &l2x0_saved_regs;

	r->aux_ctrl = readl_relaxed(l2x0_base + L2X0_AUX_CTRL);
	r->tag_latency = readl_relaxed(l2x0_base + L310_TAG_LATENCY_CTRL);
	r->data_latency = readl_relaxed(l2x0_base + L310_DATA_LATENCY_CTRL);
	r->filter_end = readl_relaxed(l2x0_base + L310_ADDR_FILTER_END);
	r->filter_start = readl_relaxed(l2x0_base + L310_ADDR_FILTER_START);
	/* Prefetch control exists from r2p0, power control from r3p0. */
	if (rev >= L310_CACHE_ID_RTL_R2P0)
		r->prefetch_ctrl = readl_relaxed(l2x0_base + L310_PREFETCH_CTRL);
	if (rev >= L310_CACHE_ID_RTL_R3P0)
		r->pwr_ctrl = readl_relaxed(l2x0_base + L310_POWER_CTRL);
}

static void l2c310_configure(unsigned int rev)
{
	const struct l2x0_regs *r = &l2x0_saved_regs;

	l2c_write_sec(r->aux_ctrl, L2X0_AUX_CTRL);
	l2c_write_sec(r->tag_latency, L310_TAG_LATENCY_CTRL);
	l2c_write_sec(r->data_latency, L310_DATA_LATENCY_CTRL);
	l2c_write_sec(r->filter_end, L310_ADDR_FILTER_END);
	l2c_write_sec(r->filter_start, L310_ADDR_FILTER_START);
	if (rev >= L310_CACHE_ID_RTL_R2P0)
		l2c_write_sec(r->prefetch_ctrl, L310_PREFETCH_CTRL);
	if (rev >= L310_CACHE_ID_RTL_R3P0)
		l2c_write_sec(r->pwr_ctrl, L310_POWER_CTRL);
}

/* Free every way a boot loader may have locked down, when we may. */
static void l2c310_unlock(void)
{
	unsigned int i;

	if (!(readl_relaxed(l2x0_base + L2X0_AUX_CTRL) & L310_AUX_CTRL_NS_LOCKDOWN))
		return;
	for (i = 0; i < 8; i++) {
		writel_relaxed(0, l2x0_base + L2X0_LOCKDOWN_WAY_D_BASE + i * L2X0_LOCKDOWN_STRIDE);
		writel_relaxed(0, l2x0_base + L2X0_LOCKDOWN_WAY_I_BASE + i * L2X0_LOCKDOWN_STRIDE);
	}
}

/*
 * Configure and enable a disabled controller (Linux's l2c_enable): the
 * configuration, the lockdown freed, every way invalidated (its contents
 * are undefined after reset) and synced, then the enable bit.
 */
static void l2c_enable(unsigned int rev)
{
	unsigned long flags;

	l2c310_configure(rev);
	l2c310_unlock();
	flags = arch_local_irq_save();
	__l2c_op_way(l2x0_base + L2X0_INV_WAY);
	writel_relaxed(0, l2x0_base + sync_reg_offset);
	l2c_wait_mask(l2x0_base + sync_reg_offset, 1);
	arch_local_irq_restore(flags);
	l2c_write_sec(L2X0_CTRL_EN, L2X0_CTRL);
}

static bool cpu_is_cortex_a9(void)
{
	u32 midr = read_midr();

	return MIDR_IMPLEMENTOR(midr) == 0x41 && MIDR_PARTNUM(midr) == 0xc09;
}

static void l2c310_enable(unsigned int rev, const struct l2c310_of_config *cfg)
{
	struct l2c310_enable_in in = {
		.aux = l2x0_saved_regs.aux_ctrl,
		.aux_cur = readl_relaxed(l2x0_base + L2X0_AUX_CTRL),
		.rev = rev,
		.cortex_a9 = cpu_is_cortex_a9(),
		.acr = read_actlr(),
		.write_sec = l2x0_fw_write_sec,
		.cfg = cfg,
	};
	u32 aux;

	l2x0_saved_regs.aux_ctrl = l2c310_enable_aux(&in);
	l2c_enable(rev);

	aux = readl_relaxed(l2x0_base + L2X0_AUX_CTRL);
	if (aux & (L310_AUX_CTRL_DATA_PREFETCH | L310_AUX_CTRL_INSTR_PREFETCH)) {
		u32 prefetch = readl_relaxed(l2x0_base + L310_PREFETCH_CTRL);

		pr_info("L2C-310 %s%s prefetch enabled, offset %u lines\n",
			aux & L310_AUX_CTRL_INSTR_PREFETCH ? "I" : "",
			aux & L310_AUX_CTRL_DATA_PREFETCH ? "D" : "",
			1 + (prefetch & L310_PREFETCH_CTRL_OFFSET_MASK));
	}
	if (rev >= L310_CACHE_ID_RTL_R3P0) {
		u32 power = readl_relaxed(l2x0_base + L310_POWER_CTRL);

		pr_info("L2C-310 dynamic clock gating %sabled, standby mode %sabled\n",
			power & L310_DYNAMIC_CLK_GATING_EN ? "en" : "dis",
			power & L310_STNDBY_MODE_EN ? "en" : "dis");
	}
	if (aux & L310_AUX_CTRL_FULL_LINE_ZERO)
		a9_set_foz(true);
}

/* The maintenance operations for this release (Linux's l2c310_fixup). */
static void l2c310_fixup(u32 errata, struct outer_cache_fns *fns)
{
	if (errata & L2C310_ERRATUM_588369) {
		fns->inv_range = l2c310_inv_range_erratum;
		fns->flush_range = l2c310_flush_range_erratum;
	}
	if (errata & L2C310_ERRATUM_727915)
		fns->flush_all = l2c310_flush_all_erratum;
	if (errata & L2C310_ERRATUM_753970)
		sync_reg_offset = L2X0_DUMMY_REG;
}

/*
 * The first read of the controller, with an abort expected: a DT can name
 * an address where nothing answers.
 */
static bool l2c_read_cache_id(const struct resource *r, u32 *id)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	u32 v = 0;

	expect_fault(&f);
	v = readl_relaxed(l2x0_base + L2X0_CACHE_ID);
	dsb();
	if (expect_fault_end(&f)) {
		pr_err("L2C: reading CACHE_ID at %pa aborted (DFSR 0x%03x): no cache controller "
		       "there, L2 left off\n",
		       &r->start, f.fsr);
		return false;
	}
	*id = v;
	return true;
}

static bool l2c_id_is_l310(u32 cache_id, const struct resource *r)
{
	u32 part = cache_id & L2X0_CACHE_ID_PART_MASK;

	if (cache_id == 0) {
		pr_err("L2C: CACHE_ID at %pa reads 0x00000000: no L2C-310 answers there, L2 left "
		       "off\n",
		       &r->start);
		return false;
	}
	if (part != L2X0_CACHE_ID_PART_L310) {
		pr_err("L2C: CACHE_ID 0x%08x at %pa is part %u, not an L2C-310 (part 3): not "
		       "supported, L2 left off\n",
		       cache_id, &r->start, part >> 6);
		return false;
	}
	return true;
}

/* Linux's l2x0_of_init warnings about the platform's own mask and value. */
static void l2c_check_platform_aux(u32 aux_val, u32 aux_mask)
{
	u32 old_aux = readl_relaxed(l2x0_base + L2X0_AUX_CTRL);

	if (old_aux != l2c_aux_merge(old_aux, aux_val, aux_mask))
		pr_warn("L2C: platform modifies aux control register: 0x%08x -> 0x%08x\n", old_aux,
			l2c_aux_merge(old_aux, aux_val, aux_mask));
	else if (aux_mask != ~0u && aux_val != 0)
		pr_alert("L2C: platform provided aux values match the hardware, so have no effect. "
			 " Please remove them.\n");
}

static struct outer_cache_fns l2c310_fns(u32 errata, const struct l2c310_of_config *cfg)
{
	struct outer_cache_fns fns = {
		.inv_range = l2c310_inv_range,
		.clean_range = l2c310_clean_range,
		.flush_range = l2c310_flush_range,
		.flush_all = l2c310_flush_all,
		.disable = l2c310_disable,
		.sync = l2c310_sync,
	};

	l2c310_fixup(errata, &fns);
	/*
	 * With hardware I/O coherency no sync is needed, and on some SoCs
	 * (Armada 375/38x) it deadlocks against PCIe: Linux's "L2C-310
	 * Coherent" has none.
	 */
	if (cfg->io_coherent)
		fns.sync = NULL;
	if (cfg->nosync) {
		pr_info("L2C: disabling outer sync\n");
		fns.sync = NULL;
	}
	return fns;
}

/* Linux's __l2c_init for the L2C-310: size, errata, enable, and the two lines. */
static void l2c310_init(u32 aux_val, u32 aux_mask, u32 cache_id, const struct l2c310_of_config *cfg)
{
	unsigned int rev = cache_id & L2X0_CACHE_ID_RTL_MASK, ways;
	const char *type = cfg->io_coherent ? "L2C-310 Coherent" : "L2C-310";
	u32 aux, old_aux, errata;
	struct outer_cache_fns fns;

	if (aux_val & aux_mask)
		pr_alert("L2C: platform provided aux values permit register corruption.\n");
	old_aux = readl_relaxed(l2x0_base + L2X0_AUX_CTRL);
	aux = l2c_aux_merge(old_aux, aux_val, aux_mask);
	if (old_aux != aux)
		pr_warn("L2C: DT/platform modifies aux control register: 0x%08x -> 0x%08x\n",
			old_aux, aux);
	if ((aux_val | ~aux_mask) & (L2C_AUX_CTRL_WAY_SIZE_MASK | L310_AUX_CTRL_ASSOCIATIVITY_16))
		pr_warn("L2C: DT/platform tries to modify or specify cache size\n");
	ways = l2c310_ways(aux);
	l2x0_way_mask = (1u << ways) - 1;
	l2x0_size = l2c310_size(aux);

	errata = l2c310_errata(rev, &l2x0_saved_regs);
	fns = l2c310_fns(errata, cfg);
	l2c310_print_errata(errata);

	if (!(readl_relaxed(l2x0_base + L2X0_CTRL) & L2X0_CTRL_EN)) {
		l2x0_saved_regs.aux_ctrl = aux;
		l2c310_enable(rev, cfg);
	}
	outer_cache = fns;
	l2c310_save(rev);

	aux = readl_relaxed(l2x0_base + L2X0_AUX_CTRL);
	pr_info("%s cache controller enabled, %d ways, %d kB\n", type, ways, l2x0_size >> 10);
	pr_info("%s: CACHE_ID 0x%08x, AUX_CTRL 0x%08x\n", type, cache_id, aux);
}

/*
 * Find the node and its registers; maps them.  -ENODEV: no L2 to drive.
 * Not inlined, so that vmallocinfo and gdb name the same caller.
 */
static noinline int l2c_of_map(const void *fdt, int *nodep, struct resource *r)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl310-cache");

	if (node < 0) {
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,l220-cache");
		if (node < 0)
			node = fdt_node_offset_by_compatible(fdt, -1, "arm,l210-cache");
		if (node >= 0)
			pr_err("L2C: %s is an L2C-210/220, which this kernel does not drive: L2 "
			       "left off\n",
			       fdt_get_name(fdt, node, NULL));
		return -ENODEV;
	}
	if (of_address_to_resource(fdt, node, 0, r)) {
		pr_err("L2C: %s has no usable reg: L2 left off\n", fdt_get_name(fdt, node, NULL));
		return -ENODEV;
	}
	if (resource_size(r) < SZ_4K) {
		pr_err("L2C: %s: reg %pa size 0x%llx is smaller than the controller's 4 KiB: L2 "
		       "left off\n",
		       fdt_get_name(fdt, node, NULL), &r->start,
		       (unsigned long long)resource_size(r));
		return -ENODEV;
	}
	*nodep = node;
	/* Called again (a self-test): the controller already driven is the only one. */
	if (l2x0_base)
		return r->start == l2x0_phys ? 0 : -EBUSY;
	l2x0_base = ioremap(r->start, SZ_4K);
	l2x0_phys = r->start;
	return l2x0_base ? 0 : -ENOMEM;
}

/* Unmap, unless a controller is already driven through the mapping. */
static int l2c_give_up(int err)
{
	if (!outer_cache.flush_all) {
		iounmap(l2x0_base);
		l2x0_base = NULL;
	}
	return err;
}

/**
 * l2x0_of_init - find, configure and enable the L2C-310 the DT describes
 * @fdt: the device tree
 *
 * Linux's l2x0_of_init(), with the platform's mask and value from the
 * machine's compatible (l2c_machine_aux).  Runs once on the boot CPU,
 * after ioremap() works and before secondary CPUs start.  On any error
 * the controller is left exactly as found and outer_cache stays empty.
 *
 * Called again (the self-tests do), it finds the controller enabled and
 * only reinstalls the operations, as for one a boot loader enabled.
 *
 * Return: 0, -ENODEV (none, or none usable: reported), -EINVAL (the DT asks
 * for values the registers cannot hold: reported), -EBUSY (another
 * controller is already driven), -ENOMEM.
 */
int l2x0_of_init(const void *fdt)
{
	struct l2c310_of_config cfg = {0};
	struct resource r;
	u32 aux_val, aux_mask, cache_id;
	int node, err;

	err = l2c_of_map(fdt, &node, &r);
	if (err)
		return err;
	if (!l2c_read_cache_id(&r, &cache_id) || !l2c_id_is_l310(cache_id, &r))
		return l2c_give_up(-ENODEV);

	l2c_machine_aux(fdt, &aux_val, &aux_mask, &l2x0_fw_write_sec);
	cfg.io_coherent = fdt_getprop(fdt, node, "arm,io-coherent", NULL) != NULL;
	cfg.nosync = fdt_getprop(fdt, node, "arm,outer-sync-disable", NULL) != NULL;
	l2c_check_platform_aux(aux_val, aux_mask);
	l2c_of_check_node(fdt, node);

	l2c310_save(cache_id & L2X0_CACHE_ID_RTL_MASK);
	/* The configuration can change only while the controller is off. */
	if (!(readl_relaxed(l2x0_base + L2X0_CTRL) & L2X0_CTRL_EN) &&
	    l2c310_of_parse(fdt, node, &aux_val, &aux_mask, &l2x0_saved_regs, &cfg))
		return l2c_give_up(-EINVAL);

	l2c310_init(aux_val, aux_mask, cache_id, &cfg);
	return 0;
}

/**
 * outer_cache_of_init - start the outer cache the DT describes, if any
 * @fdt: the device tree
 *
 * Linux's init_IRQ step: the L2 is on before any secondary CPU starts.
 * Errors other than "none here" get Linux's line (the cause is already
 * reported).
 */
void outer_cache_of_init(const void *fdt)
{
	int err = l2x0_of_init(fdt);

	if (err && err != -ENODEV)
		pr_err("L2C: failed to init: %d\n", err);
}

/**
 * l2x0_mapped_base - the controller's registers as mapped, or NULL if none is driven
 *
 * For the self-tests, which read the registers back.
 */
void *l2x0_mapped_base(void)
{
	return (void *)l2x0_base;
}
