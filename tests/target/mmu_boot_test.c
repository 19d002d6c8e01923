// SPDX-License-Identifier: GPL-2.0
/*
 * The MMU is on and maps what head.S promised, checked by asking the MMU
 * itself: ATS1CPR/ATS1CPW translate a virtual address as a privileged
 * read/write would, and PAR gives the physical address or the fault.
 */
#include "ktap.h"
#include "sections.h"
#include "serial.h"
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/setup.h>

extern const char vectors[];

static u32 par_pa(u32 par, unsigned long va)
{
	return (par & PAGE_MASK) | (va & ~PAGE_MASK);
}

static void mmu_and_caches_are_on(struct ktap_test *t)
{
	u32 sctlr = read_sctlr();

	KTAP_EXPECT_TRUE(t, sctlr & CR_M);
	KTAP_EXPECT_TRUE(t, sctlr & CR_C);
	KTAP_EXPECT_TRUE(t, sctlr & CR_I);
	KTAP_EXPECT_FALSE(t, sctlr & CR_TRE); /* classic TEX/C/B memory types */
}

static void mmu_kernel_image_translates_to_its_load_address(struct ktap_test *t)
{
	const unsigned long probes[] = {(unsigned long)_text,	       (unsigned long)_etext - 4,
					(unsigned long)__start_rodata, (unsigned long)_sdata,
					(unsigned long)__bss_start,    (unsigned long)_end - 4};

	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++) {
		u32 par = arm_translate_read(probes[i]);

		KTAP_EXPECT_EQ(t, par & PAR_F, 0);
		KTAP_EXPECT_EQ(t, par_pa(par, probes[i]), (u32)__pa(probes[i]));
	}
	KTAP_EXPECT_EQ(t, (u32)__pa(_text), (u32)(PHYS_OFFSET + TEXT_OFFSET));
}

static void mmu_dtb_is_mapped_read_only_at_the_fixed_address(struct ktap_test *t)
{
	unsigned long va = (unsigned long)initial_boot_params;
	u32 par = arm_translate_read(va);

	KTAP_EXPECT_EQ(t, par & PAR_F, 0);
	KTAP_EXPECT_EQ(t, par_pa(par, va), (u32)dtb_phys);
	KTAP_EXPECT_TRUE(t, va >= FDT_FIXED_BASE && va < FDT_FIXED_BASE + FDT_FIXED_SIZE);
	KTAP_EXPECT_EQ(t, arm_translate_write(va) & PAR_F, PAR_F); /* no writes */
}

static void mmu_boot_console_is_mapped_in_the_early_io_window(struct ktap_test *t)
{
	unsigned long va = (unsigned long)earlycon_base();
	u32 par;

	if (!va) {
		ktap_skip(t, "no boot console (earlycon) on this boot");
		return;
	}
	KTAP_EXPECT_TRUE(t, va >= EARLY_IO_BASE && va < EARLY_IO_BASE + EARLY_IO_SIZE);
	par = arm_translate_write(va);
	KTAP_EXPECT_EQ(t, par & PAR_F, 0);
	KTAP_EXPECT_EQ(t, par_pa(par, va), (u32)earlycon_phys());
}

static void mmu_low_addresses_fault(struct ktap_test *t)
{
	KTAP_EXPECT_EQ(t, arm_translate_read(0) & PAR_F, PAR_F);
	KTAP_EXPECT_EQ(t, arm_translate_read(0x1000) & PAR_F, PAR_F);
	KTAP_EXPECT_EQ(t, arm_translate_read(PAGE_OFFSET - PAGE_SIZE) & PAR_F, PAR_F);
}

static void mmu_vector_base_points_at_the_vectors(struct ktap_test *t)
{
	KTAP_EXPECT_EQ(t, read_vbar(), (u32)(unsigned long)vectors);
	KTAP_EXPECT_EQ(t, read_vbar() & 31, 0);
}

static struct ktap_case mmu_boot_cases[] = {
	KTAP_CASE(mmu_and_caches_are_on),
	KTAP_CASE(mmu_kernel_image_translates_to_its_load_address),
	KTAP_CASE(mmu_dtb_is_mapped_read_only_at_the_fixed_address),
	KTAP_CASE(mmu_boot_console_is_mapped_in_the_early_io_window),
	KTAP_CASE(mmu_low_addresses_fault),
	KTAP_CASE(mmu_vector_base_points_at_the_vectors),
	{}};
KTAP_SUITE(mmu_boot, mmu_boot_cases);
