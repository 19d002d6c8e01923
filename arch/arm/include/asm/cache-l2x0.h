/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PL310 / L2C-310 outer cache controller: its registers and bits (the
 * names are Linux's asm/hardware/cache-l2x0.h, the facts ARM's L2C-310 TRM,
 * DDI 0246), and the portable half of its driver
 * (arch/arm/mm/cache-l2x0-of.c): what the device tree and the platform ask
 * for, turned into register values.  The half that touches the controller
 * is arch/arm/mm/cache-l2x0.c.
 */
#ifndef _ASM_CACHE_L2X0_H
#define _ASM_CACHE_L2X0_H

#include "sizes.h"
#include "types.h"

#define L2X0_CACHE_ID		   0x000
#define L2X0_CACHE_TYPE		   0x004
#define L2X0_CTRL		   0x100
#define L2X0_AUX_CTRL		   0x104
#define L310_TAG_LATENCY_CTRL	   0x108
#define L310_DATA_LATENCY_CTRL	   0x10c
#define L2X0_CACHE_SYNC		   0x730
#define L2X0_DUMMY_REG		   0x740 /* the sync register under erratum 753970 */
#define L2X0_INV_LINE_PA	   0x770
#define L2X0_INV_WAY		   0x77c
#define L2X0_CLEAN_LINE_PA	   0x7b0
#define L2X0_CLEAN_WAY		   0x7bc
#define L2X0_CLEAN_INV_LINE_PA	   0x7f0
#define L2X0_CLEAN_INV_WAY	   0x7fc
#define L2X0_LOCKDOWN_WAY_D_BASE   0x900 /* eight D/I pairs on the L2C-310 */
#define L2X0_LOCKDOWN_WAY_I_BASE   0x904
#define L2X0_LOCKDOWN_STRIDE	   0x08
#define L310_ADDR_FILTER_START	   0xc00
#define L310_ADDR_FILTER_END	   0xc04
#define L2X0_DEBUG_CTRL		   0xf40
#define L310_PREFETCH_CTRL	   0xf60
#define L310_POWER_CTRL		   0xf80
#define L310_DYNAMIC_CLK_GATING_EN (1u << 1)
#define L310_STNDBY_MODE_EN	   (1u << 0)

/* CACHE_ID: implementer [31:24], part [9:6], RTL release [5:0]. */
#define L2X0_CACHE_ID_PART_MASK	      (0xfu << 6)
#define L2X0_CACHE_ID_PART_L210	      (1u << 6)
#define L2X0_CACHE_ID_PART_L220	      (2u << 6)
#define L2X0_CACHE_ID_PART_L310	      (3u << 6)
#define L2X0_CACHE_ID_RTL_MASK	      0x3f
#define L310_CACHE_ID_RTL_R0P0	      0x00
#define L310_CACHE_ID_RTL_R1P0	      0x02
#define L310_CACHE_ID_RTL_R2P0	      0x04
#define L310_CACHE_ID_RTL_R3P0	      0x05
#define L310_CACHE_ID_RTL_R3P1	      0x06
#define L310_CACHE_ID_RTL_R3P1_50REL0 0x07
#define L310_CACHE_ID_RTL_R3P2	      0x08
#define L310_CACHE_ID_RTL_R3P3	      0x09

#define L2X0_CTRL_EN		      1u

/* Auxiliary control, the bits the L2C-210/220/310 share. */
#define L2C_AUX_CTRL_WAY_SIZE_SHIFT  17
#define L2C_AUX_CTRL_WAY_SIZE_MASK   (7u << 17)
#define L2C_AUX_CTRL_PARITY_ENABLE   (1u << 21)
#define L2C_AUX_CTRL_SHARED_OVERRIDE (1u << 22)
/* ...and the L2C-310's own. */
#define L310_AUX_CTRL_FULL_LINE_ZERO   (1u << 0) /* r2p0+ */
#define L310_AUX_CTRL_ASSOCIATIVITY_16 (1u << 16)
#define L310_AUX_CTRL_NS_LOCKDOWN      (1u << 26)
#define L310_AUX_CTRL_DATA_PREFETCH    (1u << 28)
#define L310_AUX_CTRL_INSTR_PREFETCH   (1u << 29)
#define L310_AUX_CTRL_EARLY_BRESP      (1u << 30) /* r2p0+ */
/* The L2C-210/220 associativity field, which the size parse clears. */
#define L2X0_AUX_CTRL_ASSOC_MASK (15u << 13)

/* Tag and data RAM latency control: cycles - 1 in each 3-bit field. */
#define L310_LATENCY_CTRL_SETUP(n)	     ((u32)(n) << 0)
#define L310_LATENCY_CTRL_RD(n)		     ((u32)(n) << 4)
#define L310_LATENCY_CTRL_WR(n)		     ((u32)(n) << 8)
#define L310_LATENCY_MAX		     8 /* cycles a 3-bit field can hold */

#define L310_ADDR_FILTER_EN		     1u

#define L310_PREFETCH_CTRL_OFFSET_MASK	     0x1fu
#define L310_PREFETCH_CTRL_DBL_LINEFILL_INCR (1u << 23)
#define L310_PREFETCH_CTRL_PREFETCH_DROP     (1u << 24)
#define L310_PREFETCH_CTRL_DBL_LINEFILL_WRAP (1u << 27)
#define L310_PREFETCH_CTRL_DATA_PREFETCH     (1u << 28)
#define L310_PREFETCH_CTRL_INSTR_PREFETCH    (1u << 29)
#define L310_PREFETCH_CTRL_DBL_LINEFILL	     (1u << 30)

/* Cortex-A9 ACTLR bits the full-line-of-zeros mode needs (TRM 4.3.10). */
#define A9_ACTLR_FOZ	     (1u << 3) /* write full line of zeros */
#define A9_ACTLR_L1_PREFETCH (1u << 2)
#define A9_ACTLR_L2_PREFETCH (1u << 1) /* L2 prefetch hint */

#define L2C310_LINE_SIZE     32
#define L2C310_WAY_SIZE_0    SZ_8K /* the way size a WAY_SIZE field of 0 would mean */

/**
 * struct l2x0_regs - the L2C-310 configuration, Linux's l2x0_saved_regs
 * @aux_ctrl: auxiliary control
 * @tag_latency: tag RAM latency control
 * @data_latency: data RAM latency control
 * @filter_start: address filtering start (with its enable bit)
 * @filter_end: address filtering end
 * @prefetch_ctrl: prefetch control (r2p0+)
 * @pwr_ctrl: power control (r3p0+)
 *
 * First read from the controller (what the boot loader or the reset left),
 * then overridden by the device tree.
 */
struct l2x0_regs {
	u32 aux_ctrl;
	u32 tag_latency;
	u32 data_latency;
	u32 filter_start;
	u32 filter_end;
	u32 prefetch_ctrl;
	u32 pwr_ctrl;
};

/**
 * struct l2c310_of_config - what a pl310 node asks beyond the registers
 * @bresp_disable: arm,early-bresp-disable
 * @flz_disable: arm,full-line-zero-disable
 * @io_coherent: arm,io-coherent (no outer sync: Linux's "L2C-310 Coherent")
 * @nosync: arm,outer-sync-disable
 */
struct l2c310_of_config {
	bool bresp_disable;
	bool flz_disable;
	bool io_coherent;
	bool nosync;
};

/* The errata the driver works around, by bit (l2c310_errata()). */
#define L2C310_ERRATUM_588369 (1u << 0)
#define L2C310_ERRATUM_727915 (1u << 1)
#define L2C310_ERRATUM_752271 (1u << 2)
#define L2C310_ERRATUM_753970 (1u << 3)
#define L2C310_ERRATUM_769419 (1u << 4)

/**
 * struct l2c310_enable_in - what decides the A9-specific auxiliary bits
 * @aux: the auxiliary control computed so far (DT and platform applied)
 * @aux_cur: the auxiliary control the controller holds now
 * @rev: CACHE_ID's RTL release
 * @cortex_a9: the CPU is a Cortex-A9
 * @acr: the CPU's ACTLR
 * @write_sec: the secure registers are written through firmware
 * @cfg: the node's other requests
 */
struct l2c310_enable_in {
	u32 aux;
	u32 aux_cur;
	unsigned int rev;
	bool cortex_a9;
	u32 acr;
	bool write_sec;
	const struct l2c310_of_config *cfg;
};

/* What the driver programmed (arch/arm/mm/cache-l2x0.c), and where. */
extern struct l2x0_regs l2x0_saved_regs;
void *l2x0_mapped_base(void);

int l2c310_of_parse(const void *fdt, int node, u32 *aux_val, u32 *aux_mask, struct l2x0_regs *regs,
		    struct l2c310_of_config *cfg);
int l2c_of_check_node(const void *fdt, int node);
u32 l2c_aux_merge(u32 hw_aux, u32 aux_val, u32 aux_mask);
unsigned int l2c310_ways(u32 aux);
u32 l2c310_size(u32 aux);
u32 l2c310_errata(unsigned int rev, struct l2x0_regs *regs);
void l2c310_print_errata(u32 errata);
u32 l2c310_enable_aux(const struct l2c310_enable_in *in);
bool l2c_machine_aux(const void *fdt, u32 *aux_val, u32 *aux_mask, bool *write_sec);

#endif /* _ASM_CACHE_L2X0_H */
