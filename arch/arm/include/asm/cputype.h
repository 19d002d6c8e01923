/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which core this is, from MIDR: Linux's asm/cputype.h names.  A part
 * number here includes the implementer (ARM, 0x41), so comparing
 * read_cpuid_part() against it also rules out other vendors' cores that
 * happen to use the same part number.  Usable from assembly.
 */
#ifndef _ASM_CPUTYPE_H
#define _ASM_CPUTYPE_H

#define ARM_CPU_IMP_ARM		0x41
#define ARM_CPU_PART_MASK	0xff00fff0
#define ARM_CPU_PART_CORTEX_A5	0x4100c050
#define ARM_CPU_PART_CORTEX_A7	0x4100c070
#define ARM_CPU_PART_CORTEX_A9	0x4100c090
#define ARM_CPU_PART_CORTEX_A12 0x4100c0d0
#define ARM_CPU_PART_CORTEX_A15 0x4100c0f0
#define ARM_CPU_PART_CORTEX_A17 0x4100c0e0

#ifndef __ASSEMBLY__
#include <asm/cp15.h>

/* The implementer and primary part number of this core. */
static inline u32 read_cpuid_part(void)
{
	return read_midr() & ARM_CPU_PART_MASK;
}

/* MIDR's variant and revision as one number, 0xXY for rXpY (Linux's errata code compares these). */
static inline unsigned int read_cpuid_rev(void)
{
	u32 midr = read_midr();

	return MIDR_VARIANT(midr) << 4 | MIDR_REVISION(midr);
}
#endif

#endif /* _ASM_CPUTYPE_H */
