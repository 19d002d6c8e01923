// SPDX-License-Identifier: GPL-2.0
/*
 * The portable half of the L2C-310 driver: from a device tree node, the
 * platform's auxiliary-control mask and value, the cache ID and the CPU, to
 * the register values and the errata workarounds, as Linux 6.1's
 * arch/arm/mm/cache-l2x0.c computes them (l2c310_of_parse, __l2c_init,
 * l2c310_fixup, l2c310_enable), with its boot lines.  Nothing here touches
 * the controller (arch/arm/mm/cache-l2x0.c does), so the host tests run it
 * on DT fragments.
 *
 * Where we differ from Linux: a property whose value cannot be programmed
 * (a latency of 0 or above 8 cycles, which would spill into the next
 * field; a latency with too few cells; a prefetch offset above 31) is
 * refused with a message naming it, and the caller leaves the controller
 * as it found it.  Linux shifts such values into the register regardless,
 * or drops the property without a word.
 */
#include "kernel.h"
#include "printk.h"
#include "sizes.h"
#include <asm/cache-l2x0.h>
#include <libfdt.h>
#include <string.h>

/*
 * of_property_read_u32_array()'s contract: 0 with @n cells read, -EINVAL
 * when the property is absent, -ENODATA when it has no value, -EOVERFLOW
 * when it has fewer than @n cells.
 */
static int read_u32_array(const void *fdt, int node, const char *name, u32 *out, int n)
{
	const fdt32_t *p;
	int len, i;

	p = fdt_getprop(fdt, node, name, &len);
	if (!p)
		return -EINVAL;
	if (len == 0)
		return -ENODATA;
	if (len < n * (int)sizeof(*p))
		return -EOVERFLOW;
	for (i = 0; i < n; i++)
		out[i] = fdt32_to_cpu(p[i]);
	return 0;
}

static bool read_bool(const void *fdt, int node, const char *name)
{
	return fdt_getprop(fdt, node, name, NULL) != NULL;
}

/*
 * A latency triple, in cycles (read, write, setup), as a latency control
 * register value.  Linux programs it only when all three cells are
 * non-zero; a value above L310_LATENCY_MAX cannot be encoded.
 */
static int parse_latency(const void *fdt, int node, const char *name, u32 *reg)
{
	u32 c[3] = {0, 0, 0};
	int err = read_u32_array(fdt, node, name, c, 3);
	int i;

	if (err == -EINVAL)
		return 0;
	if (err) {
		pr_err("L2C-310 OF %s needs 3 cells (read, write, setup cycles): L2 left off\n",
		       name);
		return -EINVAL;
	}
	for (i = 0; i < 3; i++) {
		if (c[i] < 1 || c[i] > L310_LATENCY_MAX) {
			pr_err("L2C-310 OF %s = <%u %u %u>: %u cycles is outside 1..%u: L2 left "
			       "off\n",
			       name, c[0], c[1], c[2], c[i], L310_LATENCY_MAX);
			return -EINVAL;
		}
	}
	*reg = L310_LATENCY_CTRL_RD(c[0] - 1) | L310_LATENCY_CTRL_WR(c[1] - 1) |
	       L310_LATENCY_CTRL_SETUP(c[2] - 1);
	return 0;
}

/* ilog2 of a power of two or not: the highest set bit. */
static unsigned int ilog2_u32(u32 v)
{
	return 31 - (unsigned int)__builtin_clz(v);
}

/*
 * cache-size, cache-sets and cache-line-size (Linux's
 * l2x0_cache_size_of_parse): the way size and associativity they imply,
 * into the way-size field of the auxiliary value.  Errors here are
 * Linux's: reported, and the sizes are then left to the hardware.
 */
static int cache_size_of_parse(const void *fdt, int node, u32 *aux_val, u32 *aux_mask, u32 *assoc,
			       u32 max_way_size)
{
	u32 cache_size = 0, sets = 0, block_size = 0, line_size = 0;
	u32 way_size, way_size_bits;

	read_u32_array(fdt, node, "cache-size", &cache_size, 1);
	read_u32_array(fdt, node, "cache-sets", &sets, 1);
	read_u32_array(fdt, node, "cache-block-size", &block_size, 1);
	read_u32_array(fdt, node, "cache-line-size", &line_size, 1);
	if (!cache_size || !sets)
		return -ENODEV;
	if (!line_size) {
		if (block_size) {
			line_size = block_size;
		} else {
			pr_warn("L2C OF: no cache block/line size given: falling back to default "
				"size %d bytes\n",
				L2C310_LINE_SIZE);
			line_size = L2C310_LINE_SIZE;
		}
	}
	if (line_size != L2C310_LINE_SIZE)
		pr_warn("L2C OF: DT supplied line size %d bytes does not match hardware line size "
			"of %d bytes\n",
			line_size, L2C310_LINE_SIZE);

	/* A way holds one line of each set. */
	way_size = sets * line_size;
	*assoc = cache_size / way_size;
	if (way_size > max_way_size) {
		pr_err("L2C OF: set size %dKB is too large\n", way_size);
		return -EINVAL;
	}
	pr_info("L2C OF: override cache size: %d bytes (%dKB)\n", cache_size, cache_size >> 10);
	pr_info("L2C OF: override line size: %d bytes\n", line_size);
	pr_info("L2C OF: override way size: %d bytes (%dKB)\n", way_size, way_size >> 10);
	pr_info("L2C OF: override associativity: %d\n", *assoc);

	/* The field: 16 KiB -> 1 ... 512 KiB -> 6. */
	way_size_bits = way_size >= SZ_1K ? ilog2_u32(way_size >> 10) - 3 : 0;
	if (way_size_bits < 1 || way_size_bits > 6) {
		pr_err("L2C OF: cache way size illegal: %dKB is not mapped\n", way_size);
		return -EINVAL;
	}
	*aux_val &= ~L2C_AUX_CTRL_WAY_SIZE_MASK;
	*aux_val |= way_size_bits << L2C_AUX_CTRL_WAY_SIZE_SHIFT;
	*aux_mask &= ~L2C_AUX_CTRL_WAY_SIZE_MASK;
	return 0;
}

/*
 * A one-cell switch of the prefetch control register: @set_on_nonzero is
 * false for arm,double-linefill-wrap, whose register bit disables.
 */
static void prefetch_switch(const void *fdt, int node, const char *name, u32 bit,
			    bool set_on_nonzero, u32 *prefetch)
{
	u32 val;
	int err = read_u32_array(fdt, node, name, &val, 1);

	if (err == 0) {
		if (!val == !set_on_nonzero)
			*prefetch |= bit;
		else
			*prefetch &= ~bit;
	} else if (err != -EINVAL) {
		pr_err("L2C-310 OF %s property value is missing\n", name);
	}
}

static void parse_power(const void *fdt, int node, struct l2x0_regs *regs)
{
	u32 power = regs->pwr_ctrl | L310_DYNAMIC_CLK_GATING_EN | L310_STNDBY_MODE_EN;
	u32 val;
	int err;

	err = read_u32_array(fdt, node, "arm,dynamic-clock-gating", &val, 1);
	if (!err && !val)
		power &= ~L310_DYNAMIC_CLK_GATING_EN;
	else if (err && err != -EINVAL)
		pr_err("L2C-310 OF dynamic-clock-gating property value is missing or invalid\n");
	err = read_u32_array(fdt, node, "arm,standby-mode", &val, 1);
	if (!err && !val)
		power &= ~L310_STNDBY_MODE_EN;
	else if (err && err != -EINVAL)
		pr_err("L2C-310 OF standby-mode property value is missing or invalid\n");
	regs->pwr_ctrl = power;
}

static int parse_prefetch(const void *fdt, int node, struct l2x0_regs *regs)
{
	u32 prefetch = regs->prefetch_ctrl, val;
	int err;

	prefetch_switch(fdt, node, "arm,double-linefill", L310_PREFETCH_CTRL_DBL_LINEFILL, true,
			&prefetch);
	prefetch_switch(fdt, node, "arm,double-linefill-incr", L310_PREFETCH_CTRL_DBL_LINEFILL_INCR,
			true, &prefetch);
	prefetch_switch(fdt, node, "arm,double-linefill-wrap", L310_PREFETCH_CTRL_DBL_LINEFILL_WRAP,
			false, &prefetch);
	prefetch_switch(fdt, node, "arm,prefetch-drop", L310_PREFETCH_CTRL_PREFETCH_DROP, true,
			&prefetch);
	err = read_u32_array(fdt, node, "arm,prefetch-offset", &val, 1);
	if (err == 0) {
		/* Linux masks the value to the field; a larger one is a mistake. */
		if (val > L310_PREFETCH_CTRL_OFFSET_MASK) {
			pr_err("L2C-310 OF arm,prefetch-offset = <%u>: the field holds 0..%u: L2 "
			       "left off\n",
			       val, L310_PREFETCH_CTRL_OFFSET_MASK);
			return -EINVAL;
		}
		prefetch = (prefetch & ~L310_PREFETCH_CTRL_OFFSET_MASK) | val;
	} else if (err != -EINVAL) {
		pr_err("L2C-310 OF arm,prefetch-offset property value is missing\n");
	}
	prefetch_switch(fdt, node, "prefetch-data", L310_PREFETCH_CTRL_DATA_PREFETCH, true,
			&prefetch);
	prefetch_switch(fdt, node, "prefetch-instr", L310_PREFETCH_CTRL_INSTR_PREFETCH, true,
			&prefetch);
	regs->prefetch_ctrl = prefetch;
	return 0;
}

static void parse_aux_bits(const void *fdt, int node, u32 *aux_val, u32 *aux_mask,
			   struct l2c310_of_config *cfg)
{
	u32 assoc;

	if (!cache_size_of_parse(fdt, node, aux_val, aux_mask, &assoc, SZ_512K)) {
		switch (assoc) {
		case 16:
			*aux_val &= ~L2X0_AUX_CTRL_ASSOC_MASK;
			*aux_val |= L310_AUX_CTRL_ASSOCIATIVITY_16;
			*aux_mask &= ~L2X0_AUX_CTRL_ASSOC_MASK;
			break;
		case 8:
			*aux_val &= ~L2X0_AUX_CTRL_ASSOC_MASK;
			*aux_mask &= ~L2X0_AUX_CTRL_ASSOC_MASK;
			break;
		default:
			pr_err("L2C-310 OF cache associativity %d invalid, only 8 or 16 "
			       "permitted\n",
			       assoc);
			break;
		}
	}
	if (read_bool(fdt, node, "arm,shared-override")) {
		*aux_val |= L2C_AUX_CTRL_SHARED_OVERRIDE;
		*aux_mask &= ~L2C_AUX_CTRL_SHARED_OVERRIDE;
	}
	if (read_bool(fdt, node, "arm,parity-enable")) {
		*aux_val |= L2C_AUX_CTRL_PARITY_ENABLE;
		*aux_mask &= ~L2C_AUX_CTRL_PARITY_ENABLE;
	} else if (read_bool(fdt, node, "arm,parity-disable")) {
		*aux_val &= ~L2C_AUX_CTRL_PARITY_ENABLE;
		*aux_mask &= ~L2C_AUX_CTRL_PARITY_ENABLE;
	}
	cfg->bresp_disable = read_bool(fdt, node, "arm,early-bresp-disable");
	cfg->flz_disable = read_bool(fdt, node, "arm,full-line-zero-disable");
}

/**
 * l2c310_of_parse - what an arm,pl310-cache node asks (Linux's l2c310_of_parse)
 * @fdt: the device tree
 * @node: the arm,pl310-cache node
 * @aux_val: auxiliary control bits to set; the platform's on entry
 * @aux_mask: auxiliary control bits to keep from the hardware; likewise
 * @regs: the controller's current registers on entry; what to program on return
 * @cfg: the node's other requests (filled in)
 *
 * Called only while the controller is disabled: its configuration cannot
 * change while it is on.  Returns 0, or -EINVAL for a value the registers
 * cannot hold (already reported; the controller must then be left alone).
 */
int l2c310_of_parse(const void *fdt, int node, u32 *aux_val, u32 *aux_mask, struct l2x0_regs *regs,
		    struct l2c310_of_config *cfg)
{
	u32 filter[2] = {0, 0};

	if (parse_latency(fdt, node, "arm,tag-latency", &regs->tag_latency) ||
	    parse_latency(fdt, node, "arm,data-latency", &regs->data_latency) ||
	    parse_prefetch(fdt, node, regs))
		return -EINVAL;
	if (!read_u32_array(fdt, node, "arm,filter-ranges", filter, 2) && filter[1]) {
		regs->filter_end = ALIGN(filter[0] + filter[1], SZ_1M);
		regs->filter_start = (filter[0] & ~(SZ_1M - 1)) | L310_ADDR_FILTER_EN;
	}
	parse_aux_bits(fdt, node, aux_val, aux_mask, cfg);
	parse_power(fdt, node, regs);
	return 0;
}

/**
 * l2c_of_check_node - Linux's complaints about a cache node's description
 * @fdt: the device tree
 * @node: the cache controller's node
 *
 * The binding requires cache-unified and cache-level = <2>; Linux reports
 * their absence and goes on, and so do we.  Returns 0.
 */
int l2c_of_check_node(const void *fdt, int node)
{
	u32 level = 2;

	if (!read_bool(fdt, node, "cache-unified"))
		pr_err("L2C: device tree omits to specify unified cache\n");
	if (read_u32_array(fdt, node, "cache-level", &level, 1))
		pr_err("L2C: device tree omits to specify cache-level\n");
	if (level != 2)
		pr_err("L2C: device tree specifies invalid cache level\n");
	return 0;
}

/**
 * l2c_aux_merge - an auxiliary control value from the hardware's and a mask/value pair
 * @hw_aux: what the register holds
 * @aux_val: bits to set
 * @aux_mask: bits to keep from @hw_aux
 *
 * Return: (@hw_aux & @aux_mask) | @aux_val, Linux's rule.
 */
u32 l2c_aux_merge(u32 hw_aux, u32 aux_val, u32 aux_mask)
{
	return (hw_aux & aux_mask) | aux_val;
}

/**
 * l2c310_ways - the L2C-310's associativity from its auxiliary control
 * @aux: the auxiliary control value
 *
 * Return: 16 with the associativity bit set, else 8.
 */
unsigned int l2c310_ways(u32 aux)
{
	return aux & L310_AUX_CTRL_ASSOCIATIVITY_16 ? 16 : 8;
}

/**
 * l2c310_size - the L2C-310's size in bytes from its auxiliary control
 * @aux: the auxiliary control value
 *
 * Return: ways times the way size the WAY_SIZE field encodes.
 */
u32 l2c310_size(u32 aux)
{
	u32 bits = (aux & L2C_AUX_CTRL_WAY_SIZE_MASK) >> L2C_AUX_CTRL_WAY_SIZE_SHIFT;

	return l2c310_ways(aux) * ((u32)L2C310_WAY_SIZE_0 << bits);
}

/**
 * l2c310_errata - the PL310 errata Linux 6.1 works around on a release
 * @rev: CACHE_ID's RTL release (L310_CACHE_ID_RTL_*)
 * @regs: the configuration to program; 752271's workaround edits it
 *
 * Debian's armmp kernel enables all four PL310 errata options.
 *
 * Return: the L2C310_ERRATUM_* bits the driver must honour.
 */
u32 l2c310_errata(unsigned int rev, struct l2x0_regs *regs)
{
	u32 e = 0;

	/*
	 * 588369 (r0p0..r1p0): a clean+invalidate by line skips the
	 * invalidate.  Ranges are cleaned, then invalidated, as two
	 * operations, with write-back and line fills disabled in the debug
	 * register around them.
	 */
	if (rev < L310_CACHE_ID_RTL_R2P0)
		e |= L2C310_ERRATUM_588369;
	/*
	 * 727915 (r2p0..r3p0): a background clean+invalidate by way can
	 * lose a store that hits a line between its clean and its
	 * invalidate: flush_all runs with write-back disabled.
	 */
	if (rev >= L310_CACHE_ID_RTL_R2P0 && rev < L310_CACHE_ID_RTL_R3P1)
		e |= L2C310_ERRATUM_727915;
	/*
	 * 752271 (r3p0..r3p1-50rel0): a double line fill can overwrite the
	 * second line before its dirty data is evicted; Linux clears the
	 * double-linefill bit whenever it is asked for on these releases.
	 */
	if (rev >= L310_CACHE_ID_RTL_R3P0 && rev < L310_CACHE_ID_RTL_R3P2 &&
	    (regs->prefetch_ctrl & L310_PREFETCH_CTRL_DBL_LINEFILL)) {
		regs->prefetch_ctrl &= ~L310_PREFETCH_CTRL_DBL_LINEFILL;
		e |= L2C310_ERRATUM_752271;
	}
	/*
	 * 753970 (r3p0): a write to the cache sync register stops later
	 * writes from merging in the store buffer.  Syncing through the
	 * dummy register drains it the same way without the side effect.
	 */
	if (rev == L310_CACHE_ID_RTL_R3P0)
		e |= L2C310_ERRATUM_753970;
	/*
	 * 769419 (before r3p2): the store buffer does not drain by itself
	 * when the system goes idle, so a write may sit there.  The
	 * workaround is a write barrier before idling (Linux's
	 * arch_cpu_idle_enter, asm/outercache.h; the secondaries' idle loop
	 * calls it before WFI); Linux reports it on every release, since
	 * the barrier costs nothing where it is not needed.
	 */
	e |= L2C310_ERRATUM_769419;
	return e;
}

/**
 * l2c310_print_errata - Linux's "L2C-310 errata … enabled" line
 * @errata: L2C310_ERRATUM_* bits
 */
void l2c310_print_errata(u32 errata)
{
	static const char *const names[] = {"588369", "727915", "752271", "753970", "769419"};
	char buf[64] = "";
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(errata & (1u << i)))
			continue;
		strcat(buf, " ");
		strcat(buf, names[i]);
		n++;
	}
	if (n)
		pr_info("L2C-310 errat%s%s enabled\n", n > 1 ? "a" : "um", buf);
}

/**
 * l2c310_enable_aux - the A9-specific auxiliary bits, as Linux's l2c310_enable
 * @in: the auxiliary value so far, the release, the CPU and the node's wishes
 *
 * Early BRESP (r2p0+, Cortex-A9 only): the controller answers a write
 * before it reaches memory.  Full line of zeros (Cortex-A9 only, and only
 * when the secure registers are ours to write): the A9 writes a whole
 * zero line in one transaction; the A9 must then also set ACTLR.FOZ,
 * which the caller does on each CPU.  Non-secure access to the lockdown
 * registers is always opened, as the enable sequence writes them.
 *
 * Return: the auxiliary control value to program.
 */
u32 l2c310_enable_aux(const struct l2c310_enable_in *in)
{
	u32 aux = in->aux;

	if (in->rev >= L310_CACHE_ID_RTL_R2P0) {
		if (in->cortex_a9 && !in->cfg->bresp_disable) {
			aux |= L310_AUX_CTRL_EARLY_BRESP;
			pr_info("L2C-310 enabling early BRESP for Cortex-A9\n");
		} else if (aux & L310_AUX_CTRL_EARLY_BRESP) {
			pr_warn("L2C-310 early BRESP only supported with Cortex-A9\n");
			aux &= ~L310_AUX_CTRL_EARLY_BRESP;
		}
	}
	if (in->cortex_a9 && !in->cfg->flz_disable) {
		if ((in->acr & A9_ACTLR_FOZ) && !(in->aux_cur & L310_AUX_CTRL_FULL_LINE_ZERO))
			pr_err("L2C-310: full line of zeros enabled in Cortex-A9 but not L2C-310 - "
			       "invalid\n");
		if ((aux & L310_AUX_CTRL_FULL_LINE_ZERO) && !(in->acr & A9_ACTLR_FOZ))
			pr_err("L2C-310: enabling full line of zeros but not enabled in "
			       "Cortex-A9\n");
		if (!(aux & L310_AUX_CTRL_FULL_LINE_ZERO) && !in->write_sec) {
			aux |= L310_AUX_CTRL_FULL_LINE_ZERO;
			pr_info("L2C-310 full line of zeros enabled for Cortex-A9\n");
		}
	} else if (aux & (L310_AUX_CTRL_FULL_LINE_ZERO | L310_AUX_CTRL_EARLY_BRESP)) {
		pr_err("L2C-310: disabling Cortex-A9 specific feature bits\n");
		aux &= ~(L310_AUX_CTRL_FULL_LINE_ZERO | L310_AUX_CTRL_EARLY_BRESP);
	}
	return aux | L310_AUX_CTRL_NS_LOCKDOWN;
}

/*
 * The platform's auxiliary mask and value (Linux's machine_desc
 * l2c_aux_mask/l2c_aux_val), by the root node's compatible, and whether
 * the secure registers are written through firmware (l2c_write_sec).
 */
struct l2c_machine {
	const char *compatible;
	u32 aux_val;
	u32 aux_mask;
	bool write_sec;
};

static const struct l2c_machine l2c_machines[] = {
	/* mach-versatile/v2m.c: shared attribute override on. */
	{"arm,vexpress", 0x00400000, 0xfe0fffff, false},
	/* mach-versatile/realview.c */
	{"arm,realview-pbx", 0, ~0u, false},
	/* mach-highbank: only CTRL, through the secure monitor (SMC 0x102). */
	{"calxeda,highbank", 0, ~0u, true},
	{"calxeda,ecx-2000", 0, ~0u, true},
	/* mach-imx: i.MX6 Quad/Dual, DualLite/Solo, SoloLite, SoloX */
	{"fsl,imx6q", 0, ~0u, false},
	{"fsl,imx6dl", 0, ~0u, false},
	{"fsl,imx6sl", 0, ~0u, false},
	{"fsl,imx6sx", 0, ~0u, false},
	/* mach-zynq/common.c */
	{"xlnx,zynq-7000", 0x00400000, 0xffbfffff, false},
};

/**
 * l2c_machine_aux - the platform's auxiliary control mask and value
 * @fdt: the device tree (its root compatible names the machine)
 * @aux_val: bits to set (returned)
 * @aux_mask: bits to keep (returned)
 * @write_sec: whether the secure registers go through firmware (returned)
 *
 * Linux initialises the L2 only on machines whose machine_desc names
 * these; a board it does not know gets no L2 at all.  We describe boards
 * only by their DT, so an unknown one gets mask ~0 and value 0: the DT
 * alone decides.
 *
 * Return: true if the machine is one Linux names.
 */
bool l2c_machine_aux(const void *fdt, u32 *aux_val, u32 *aux_mask, bool *write_sec)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(l2c_machines); i++) {
		if (fdt_node_check_compatible(fdt, 0, l2c_machines[i].compatible) == 0) {
			*aux_val = l2c_machines[i].aux_val;
			*aux_mask = l2c_machines[i].aux_mask;
			*write_sec = l2c_machines[i].write_sec;
			return true;
		}
	}
	*aux_val = 0;
	*aux_mask = ~0u;
	*write_sec = false;
	return false;
}
