// SPDX-License-Identifier: GPL-2.0
/*
 * The exception path: each kind of synchronous exception the kernel can
 * take is provoked on purpose, caught through expect_fault(), reported with
 * the right fault address and status, and execution resumes.
 */
#include "ktap.h"
#include <asm/pgtable-hwdef.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define UNMAPPED_VA 0x00000010UL /* the first MiB is never mapped */

static void exception_undefined_instruction_is_caught_and_resumed(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_UNDEF, .resume = RESUME_NEXT_INSN};
	u32 insn_addr, after = 0;

	expect_fault(&f);
	__asm__ __volatile__("adr %0, 1f\n"
			     "1:	.word 0xe7f000f0\n" /* UDF #0: permanently undefined */
			     "	mov %1, #1\n"
			     : "=&r"(insn_addr), "=&r"(after)
			     :
			     : "memory");
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.pc, insn_addr);
	KTAP_EXPECT_EQ(t, after, 1); /* the instruction after UDF ran */
}

static void exception_data_abort_on_read_reports_dfar_and_dfsr(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	u32 value = 0x1234;

	expect_fault(&f);
	__asm__ __volatile__("ldr %0, [%1]" : "+r"(value) : "r"(UNMAPPED_VA) : "memory");
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.far, UNMAPPED_VA);
	KTAP_EXPECT_EQ(t, FSR_FS(f.fsr), FSR_FS_TRANS_SECTION);
	KTAP_EXPECT_EQ(t, f.fsr & FSR_WNR, 0);
	KTAP_EXPECT_EQ(t, value, 0x1234); /* the load was skipped, not completed */
}

static void exception_data_abort_on_write_sets_wnr(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};

	expect_fault(&f);
	__asm__ __volatile__("str %0, [%1]" : : "r"(0), "r"(UNMAPPED_VA + 4) : "memory");
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.far, UNMAPPED_VA + 4);
	KTAP_EXPECT_NE(t, f.fsr & FSR_WNR, 0);
}

static void exception_prefetch_abort_reports_ifar_and_returns(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_PABT, .resume = RESUME_AT_LR};
	void (*jump)(void) = (void (*)(void))0x00001000UL;

	expect_fault(&f);
	jump();
	KTAP_EXPECT_TRUE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, f.far, 0x1000);
	KTAP_EXPECT_EQ(t, f.pc, 0x1000);
	KTAP_EXPECT_EQ(t, FSR_FS(f.fsr), FSR_FS_TRANS_SECTION);
}

static void exception_unarmed_expectation_is_not_taken(struct ktap_test *t)
{
	struct expected_fault f = {.kind = EXC_DABT, .resume = RESUME_NEXT_INSN};
	volatile u32 ok = 7;

	expect_fault(&f);
	ok += 1; /* a normal access: nothing is taken */
	KTAP_EXPECT_FALSE(t, expect_fault_end(&f));
	KTAP_EXPECT_EQ(t, ok, 8);
}

static struct ktap_case exception_cases[] = {
	KTAP_CASE(exception_undefined_instruction_is_caught_and_resumed),
	KTAP_CASE(exception_data_abort_on_read_reports_dfar_and_dfsr),
	KTAP_CASE(exception_data_abort_on_write_sets_wnr),
	KTAP_CASE(exception_prefetch_abort_reports_ifar_and_returns),
	KTAP_CASE(exception_unarmed_expectation_is_not_taken),
	{}};
KTAP_SUITE(exception, exception_cases);
