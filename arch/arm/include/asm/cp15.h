/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CP15 system-control accessors and barriers for ARMv7-A.  Each names the
 * register as the ARM ARM does; the encodings are in the asm strings.
 */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

#include "types.h"
#include <asm/barrier.h> /* isb(), dsb(): every register write here needs them */

#define __cp15_read(name, op1, crn, crm, op2)                                           \
	static inline u32 read_##name(void)                                             \
	{                                                                               \
		u32 v;                                                                  \
		__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
				     : "=r"(v));                                        \
		return v;                                                               \
	}
#define __cp15_write(name, op1, crn, crm, op2)                                          \
	static inline void write_##name(u32 v)                                          \
	{                                                                               \
		__asm__ __volatile__("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
				     :                                                  \
				     : "r"(v)                                           \
				     : "memory");                                       \
	}
#define __cp15_rw(name, op1, crn, crm, op2) \
	__cp15_read(name, op1, crn, crm, op2) __cp15_write(name, op1, crn, crm, op2)

__cp15_read(midr, 0, c0, c0, 0)		    /* Main ID */
	__cp15_read(ctr, 0, c0, c0, 1)	    /* Cache Type */
	__cp15_read(mpidr, 0, c0, c0, 5)    /* Multiprocessor Affinity */
	__cp15_read(id_mmfr0, 0, c0, c1, 4) /* Memory Model Feature 0 */
	__cp15_read(id_mmfr3, 0, c0, c1, 7) /* Memory Model Feature 3 */
	__cp15_read(clidr, 1, c0, c0, 1)    /* Cache Level ID */
	__cp15_read(ccsidr, 1, c0, c0, 0)   /* Cache Size ID (of the level CSSELR selects) */
	__cp15_write(csselr, 2, c0, c0, 0)  /* Cache Size Selection */
	__cp15_rw(sctlr, 0, c1, c0, 0)	    /* System Control */
	__cp15_rw(actlr, 0, c1, c0, 1)	    /* Auxiliary Control */
	__cp15_rw(cpacr, 0, c1, c0, 2)	    /* Coprocessor Access Control */
	__cp15_rw(ttbr0, 0, c2, c0, 0)	    /* Translation Table Base 0 */
	__cp15_rw(ttbr1, 0, c2, c0, 1)	    /* Translation Table Base 1 */
	__cp15_rw(ttbcr, 0, c2, c0, 2)	    /* Translation Table Base Control */
	__cp15_rw(dacr, 0, c3, c0, 0)	    /* Domain Access Control */
	__cp15_read(dfsr, 0, c5, c0, 0)	    /* Data Fault Status */
	__cp15_read(ifsr, 0, c5, c0, 1)	    /* Instruction Fault Status */
	__cp15_read(dfar, 0, c6, c0, 0)	    /* Data Fault Address */
	__cp15_read(ifar, 0, c6, c0, 2)	    /* Instruction Fault Address */
	__cp15_read(par, 0, c7, c4, 0)	    /* Physical Address (result of ATS1C*) */
	__cp15_rw(vbar, 0, c12, c0, 0)	    /* Vector Base Address */
	__cp15_read(cbar, 4, c15, c0, 0)    /* Cortex-A9 Configuration Base (PERIPHBASE) */

	/* ATS1CPR/ATS1CPW: translate @va as a privileged read/write; result in PAR. */
	static inline u32 arm_translate_read(unsigned long va)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 0" : : "r"(va) : "memory");
	isb();
	return read_par();
}

static inline u32 arm_translate_write(unsigned long va)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 1" : : "r"(va) : "memory");
	isb();
	return read_par();
}

#define PAR_F (1 << 0) /* the translation faulted */

/* Processor ID helpers. */
#define MIDR_IMPLEMENTOR(midr) ((midr) >> 24)
#define MIDR_VARIANT(midr)     (((midr) >> 20) & 0xf)
#define MIDR_ARCH(midr)	       (((midr) >> 16) & 0xf)
#define MIDR_PARTNUM(midr)     (((midr) >> 4) & 0xfff)
#define MIDR_REVISION(midr)    ((midr)&0xf)
#define MPIDR_MP_EXT	       (1u << 31) /* multiprocessing extensions format */
#define MPIDR_UP	       (1u << 30) /* uniprocessor system */

#endif /* _ASM_CP15_H */
