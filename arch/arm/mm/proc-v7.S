/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Each core's setup before its MMU and caches are on: Linux's
 * arch/arm/mm/proc-v7.S (__v7_ca9mp_setup, __v7_setup, __ca9_errata), in
 * Linux's order:
 *
 *   1. invalidate the L1 data cache: a Cortex-A9 does not clear it at
 *      reset, and a core that joined coherency with stale valid lines
 *      would hand them to the others;
 *   2. join coherency: ACTLR.SMP, and on a Cortex-A9/A5 ACTLR.FW so that
 *      cache and TLB maintenance is broadcast to the other cores.  Only when
 *      MPIDR says multiprocessor, and only written when a bit is clear: in
 *      non-secure state the register belongs to the secure firmware, which
 *      may have set it already (and where it has not, refuses the write);
 *   3. the Cortex-A9 errata whose workaround is a diagnostic-register bit,
 *      by MIDR variant and revision (__ca9_errata_table, below);
 *   4. invalidate the I-cache, branch predictor and TLB; TTBCR, TTBR0/TTBR1
 *      with Linux's walk attributes (TTB_FLAGS_SMP or _UP), DACR;
 *   5. return the SCTLR value that turns the MMU and caches on.
 *
 * head.S calls it on the boot CPU (step 6), secondary_startup on every
 * other CPU, each before turning its MMU on:
 *
 *   in:  r0 = physical address of the first-level table (16 KiB aligned);
 *        SVC mode, IRQ/FIQ masked, MMU and D-cache off, running at the
 *        physical address (the code is position-independent, uses no
 *        stack and writes no memory);
 *   out: r0 = the SCTLR value to write (MMU, caches, branch prediction on);
 *        r1 = the status word of asm/proc-v7.h: what this core needs, what
 *        was written and what the secure world refused.  Pass it to
 *        cpu_v7_check_setup() once the MMU is on: that reads the registers
 *        back and prints the result;
 *   corrupts r2-r7, r12 and lr; preserves r8-r11 and sp.
 *
 * The diagnostic register is writable only in secure state (and the ACTLR
 * too, unless the firmware set NSACR.NS_SMP); in non-secure state the access
 * is UNDEFINED.  With the MMU off an unexpected exception is a silent hang,
 * so while we touch them VBAR points at our own vectors: an UNDEF is noted
 * and skipped, and the status word says so.  Any other exception goes on to
 * the caller's vectors as before.  Linux traps nothing: its multi-platform
 * kernels (Debian's armmp) leave the diagnostic-register errata to the
 * firmware (they depend on !ARCH_MULTIPLATFORM), and it writes ACTLR only
 * when a bit is clear.  We apply the errata as Linux's single-platform
 * builds do, wherever the secure world lets us.
 */
#include <asm/cputype.h>
#include <asm/pgtable-hwdef.h>
#include <asm/proc-v7.h>

	.arch	armv7-a
	.arm
	.text

	.globl	__v7_setup
	.type	__v7_setup, %function
__v7_setup:
	mov	r7, lr
	mov	r6, r0			@ r6 = the table
	bl	v7_invalidate_l1	@ 1. (head.S; corrupts r0-r3, r12)
	mov	r5, #CPU_SETUP_DONE	@ r5 = the status word
	mrc	p15, 0, r4, c0, c0, 0	@ r4 = MIDR
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	and	r0, r0, #0xc0000000
	teq	r0, #0x80000000		@ MP extensions, not a uniprocessor
	orreq	r5, r5, #CPU_SETUP_SMP

	mrc	p15, 0, r3, c12, c0, 0	@ r3 = the caller's VBAR, until restored
	adrl	r0, __v7_setup_vectors
	mcr	p15, 0, r0, c12, c0, 0
	mrc	p15, 0, r0, c1, c0, 0	@ SCTLR.V (high vectors, as a core may
	bic	r0, r0, #CR_V		@ come out of reset) would bypass VBAR;
	mcr	p15, 0, r0, c1, c0, 0	@ step 5 leaves it clear anyway
	isb

	/*
	 * 2. The ACTLR bits this part needs (Linux's proc_info table:
	 * __v7_ca9mp_setup for the A9 and A5, SMP and FW; __v7_ca15mp_setup
	 * and its kin, SMP alone, their bit 0 meaning something else).
	 */
	tst	r5, #CPU_SETUP_SMP
	beq	3f			@ a uniprocessor: nothing to join
	ldr	r0, =ARM_CPU_PART_MASK
	and	r0, r4, r0
	mov	r1, #0
	ldr	r12, =ARM_CPU_PART_CORTEX_A9
	teq	r0, r12
	ldrne	r12, =ARM_CPU_PART_CORTEX_A5
	teqne	r0, r12
	moveq	r1, #(ACTLR_SMP | ACTLR_FW)
	ldr	r12, =ARM_CPU_PART_CORTEX_A15
	teq	r0, r12
	ldrne	r12, =ARM_CPU_PART_CORTEX_A7
	teqne	r0, r12
	ldrne	r12, =ARM_CPU_PART_CORTEX_A12
	teqne	r0, r12
	ldrne	r12, =ARM_CPU_PART_CORTEX_A17
	teqne	r0, r12
	moveq	r1, #ACTLR_SMP
	orr	r5, r5, r1		@ status[7:0]: what this core needs
	mrc	p15, 0, r0, c1, c0, 1	@ ACTLR
	orr	r12, r0, r1
	teq	r12, r0			@ all set already (by the firmware)?
	beq	3f			@ then leave it alone
	orr	r5, r5, #CPU_SETUP_ACTLR_WRITTEN
	mcr	p15, 0, r12, c1, c0, 1	@ UNDEFINED if the secure world owns it
	isb
	tst	r5, #CPU_SETUP_TRAPPED
	bicne	r5, r5, #CPU_SETUP_TRAPPED
	orrne	r5, r5, #CPU_SETUP_ACTLR_UNDEF

	/*
	 * 3. Linux 6.1's __ca9_errata, from the table: every entry whose
	 * revision range holds this core's (and, for SMP-only ones, on a
	 * multiprocessor) adds its bits; all are written at once if any is
	 * clear.  r4 becomes rXpY as 0xXY, as Linux's r6.
	 */
3:	ldr	r0, =ARM_CPU_PART_MASK
	and	r0, r4, r0
	ldr	r1, =ARM_CPU_PART_CORTEX_A9
	teq	r0, r1
	bne	4f
	ubfx	r0, r4, #20, #4		@ variant
	and	r4, r4, #0xf		@ revision
	orr	r4, r4, r0, lsl #4
	adrl	r12, __ca9_errata_table
	mov	r1, #CPU_SETUP_ERRATUM(0)
	mov	r2, #0			@ r2 = the bits wanted
5:	ldrb	r0, [r12, #4]		@ first revision
	cmp	r4, r0
	blo	6f
	ldrb	r0, [r12, #5]		@ last revision
	cmp	r4, r0
	bhi	6f
	ldrb	r0, [r12, #6]		@ flags
	tst	r0, #V7_ERRATUM_SMP_ONLY
	beq	7f
	tst	r5, #CPU_SETUP_SMP
	beq	6f
7:	ldr	r0, [r12, #8]		@ diagnostic-register bits
	orr	r2, r2, r0
	orr	r5, r5, r1
6:	add	r12, r12, #V7_ERRATUM_SIZE
	lsl	r1, r1, #1
	adrl	r0, __ca9_errata_table_end
	cmp	r12, r0
	blo	5b
	teq	r2, #0
	beq	4f
	mrc	p15, 0, r0, c15, c0, 1	@ diagnostic register: secure only
	tst	r5, #CPU_SETUP_TRAPPED
	bne	8f
	orr	r1, r0, r2
	teq	r1, r0			@ set already (by the firmware)?
	beq	4f
	orr	r5, r5, #CPU_SETUP_DIAG_WRITTEN
	mcr	p15, 0, r1, c15, c0, 1
	isb
	tst	r5, #CPU_SETUP_TRAPPED
	beq	4f
8:	bic	r5, r5, #CPU_SETUP_TRAPPED
	orr	r5, r5, #CPU_SETUP_DIAG_UNDEF

4:	mcr	p15, 0, r3, c12, c0, 0	@ the caller's vectors again
	isb

	mov	r0, #0			@ 4.
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6	@ BPIALL
	mcr	p15, 0, r0, c8, c7, 0	@ TLBIALL
	mcr	p15, 0, r0, c2, c0, 2	@ TTBCR: short descriptors, TTBR0 for all
	tst	r5, #CPU_SETUP_SMP
	orrne	r6, r6, #TTB_FLAGS_SMP	@ walks inner/outer WBWA, inner shareable
	orreq	r6, r6, #TTB_FLAGS_UP	@ walks inner/outer WB, not shareable
	mcr	p15, 0, r6, c2, c0, 0	@ TTBR0
	mcr	p15, 0, r6, c2, c0, 1	@ TTBR1: unused while TTBCR.N = 0 (as Linux)
	mov	r0, #1			@ domain 0: client (permissions checked)
	mcr	p15, 0, r0, c3, c0, 0	@ DACR
	dsb
	isb

	mrc	p15, 0, r0, c1, c0, 0	@ 5. SCTLR
	ldr	r1, =(CR_A | CR_V | CR_TRE | CR_AFE | CR_TE)
	bic	r0, r0, r1
	ldr	r1, =(CR_M | CR_C | CR_Z | CR_I)
	orr	r0, r0, r1
	mov	r1, r5
	bx	r7
	.size	__v7_setup, . - __v7_setup
	.ltorg

/*
 * Cortex-A9 errata whose workaround is a diagnostic-register bit (struct
 * v7_erratum), with Linux 6.1's revision tests (which are sometimes wider
 * than its Kconfig text: 742230's code covers r0p0 too).
 */
	.macro	v7_erratum number, first, last, flags, bits
	.word	\number
	.byte	\first, \last, \flags, 0
	.word	\bits
	.endm

	.align	2			@ in .text: read at the physical address too
	.globl	__ca9_errata_table, __ca9_errata_table_end
__ca9_errata_table:
	@ DMB between two writes may not order them: DMB acts as DSB
	v7_erratum 742230, 0x00, 0x22, 0, (1 << 4)
	@ SCU hazard on a line replaced by one CPU as another reads it
	v7_erratum 742231, 0x20, 0x22, 0, (1 << 12) | (1 << 22)
	@ faulty store-buffer optimisation
	v7_erratum 743622, 0x20, 0x2f, 0, (1 << 6)
	@ an interrupted ICIALLUIS may block a later broadcast operation
	v7_erratum 751472, 0x00, 0x2f, V7_ERRATUM_SMP_ONLY, (1 << 11)
__ca9_errata_table_end:
	.if	(__ca9_errata_table_end - __ca9_errata_table) > V7_ERRATUM_SIZE * CPU_SETUP_MAX_ERRATA
	.error	"more errata than the status word has bits for"
	.endif

/*
 * VBAR while __v7_setup touches the secure-owned registers: an UNDEF sets
 * CPU_SETUP_TRAPPED and returns to the next instruction (LR_und is the
 * instruction + 4); every other exception goes on to the caller's vector
 * at the same offset (r3 holds the caller's VBAR meanwhile).
 */
	.align	5
__v7_setup_vectors:
	add	pc, r3, #0x00		@ reset
	b	__v7_setup_undef	@ undefined instruction
	add	pc, r3, #0x08		@ supervisor call
	add	pc, r3, #0x0c		@ prefetch abort
	add	pc, r3, #0x10		@ data abort
	add	pc, r3, #0x14
	add	pc, r3, #0x18		@ IRQ
	add	pc, r3, #0x1c		@ FIQ
__v7_setup_undef:
	orr	r5, r5, #CPU_SETUP_TRAPPED
	movs	pc, lr

/*
 * For the self-test (tests/target/coherency_test.c): an instruction that is
 * always UNDEFINED, run under the vectors above as __v7_setup runs its
 * accesses to the secure-owned registers.  Returns the status bits the trap
 * left (CPU_SETUP_TRAPPED).  QEMU never refuses those registers, so this is
 * how the trap path runs there.  Call with interrupts masked.
 */
	.globl	__v7_setup_trap_selftest
	.type	__v7_setup_trap_selftest, %function
__v7_setup_trap_selftest:
	push	{r4, r5, lr}
	mov	r5, #0
	mrc	p15, 0, r3, c12, c0, 0	@ r3 = VBAR, as in __v7_setup
	adr	r0, __v7_setup_vectors
	mcr	p15, 0, r0, c12, c0, 0
	mrc	p15, 0, r4, c1, c0, 0	@ the kernel runs with high vectors:
	bic	r0, r4, #CR_V		@ off while we trap
	mcr	p15, 0, r0, c1, c0, 0
	isb
	.inst	0xe7f000f0		@ UDF #0: permanently undefined
	mcr	p15, 0, r4, c1, c0, 0
	mcr	p15, 0, r3, c12, c0, 0
	isb
	mov	r0, r5
	pop	{r4, r5, pc}
	.size	__v7_setup_trap_selftest, . - __v7_setup_trap_selftest
