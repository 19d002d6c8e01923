/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM Generic Interrupt Controller, v1 (Cortex-A9 MPCore) and v2
 * (Cortex-A15/A7): what the kernel uses of it, software-generated
 * interrupts (SGIs) between CPUs.  Linux: drivers/irqchip/irq-gic.c.
 */
#ifndef _ASM_GIC_H
#define _ASM_GIC_H

#include "types.h"

/* Distributor registers (GIC architecture spec, 4.3). */
#define GIC_DIST_CTRL	       0x000
#define GIC_DIST_CTR	       0x004 /* GICD_TYPER */
#define GIC_DIST_ENABLE_SET    0x100
#define GIC_DIST_ENABLE_CLEAR  0x180
#define GIC_DIST_PENDING_CLEAR 0x280
#define GIC_DIST_ACTIVE_CLEAR  0x380
#define GIC_DIST_PRI	       0x400
#define GIC_DIST_TARGET	       0x800
#define GIC_DIST_CONFIG	       0xc00
#define GIC_DIST_SOFTINT       0xf00 /* GICD_SGIR */

/* CPU interface registers (4.4). */
#define GIC_CPU_CTRL	     0x00
#define GIC_CPU_PRIMASK	     0x04
#define GIC_CPU_BINPOINT     0x08
#define GIC_CPU_INTACK	     0x0c /* GICC_IAR */
#define GIC_CPU_EOI	     0x10

#define GICD_ENABLE	     0x1
#define GICC_ENABLE	     0x1
#define GICC_IAR_INT_ID_MASK 0x3ff
#define GIC_SPURIOUS	     1023
#define GIC_DIST_PRI_DEFAULT 0xa0 /* Linux's GICD_INT_DEF_PRI */
#define GIC_CPU_PRI_MASK_ALL 0xf0 /* Linux's GICC_INT_PRI_THRESHOLD */
#define GIC_NR_SGI	     16

int gic_of_init(const void *fdt);
bool gic_present(void);
void gic_cpu_init(unsigned int cpu);
void gic_send_sgi(unsigned long cpumask, unsigned int irq);
void gic_handle_irq(void);
u8 gic_cpu_if_mask(unsigned int cpu);

#endif /* _ASM_GIC_H */
