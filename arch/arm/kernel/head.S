/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's entry point: from the boot loader to C with the MMU on.
 *
 * Entered as Linux's Documentation/arm/booting.rst requires: MMU off,
 * D-cache off (and clean), r0 = 0, r1 = machine type, r2 = physical address
 * of the DTB, the image anywhere in RAM.  The steps are docs/boot.md's:
 *
 *   1. get into SVC mode with IRQ/FIQ/aborts masked (leaving HYP if a
 *      loader on a virtualisation-capable core entered us there);
 *   2. check that the CPU is an ARMv7;
 *   3. give C code the VFP (libfdt is built for the hard-float ABI);
 *   4. find the place to run (boot_place.c reads the DT's memory nodes):
 *      the start of the RAM holding the image + TEXT_OFFSET, clear of
 *      /memreserve/ and the initrd.  A DTB in the way moves first; then the
 *      image copies itself there and starts again from step 1.  In place,
 *      PHYS_OFFSET = where we run - TEXT_OFFSET;
 *   5. build the boot page table with 1 MiB sections: an identity map of
 *      the few instructions that switch the MMU on, the image (plus a window
 *      for early allocations) at PAGE_OFFSET, the DTB at FDT_FIXED_BASE and
 *      the debug UART in the early I/O window;
 *   6. this core's setup before its MMU is on (__v7_setup, proc-v7.S:
 *      L1 invalidate, ACTLR.SMP/FW, Cortex-A9 errata, TLB, TTBR0 with the
 *      walk attributes), then MMU and caches on, and jump to the virtual
 *      address;
 *   7. clear BSS, set the stacks and the vector base, call start_kernel().
 *
 * Nothing is written before step 4 has checked it: until then the only
 * memory we touch is the loaded image itself (its boot stack is in .head.data).
 * An error before the MMU is on is printed on the console the DT names, at
 * its physical address (boot_place.c's head_report()), or on the debug UART
 * if the build names one (DEBUG_UART_PHYS, as Linux's DEBUG_LL); then the
 * CPU halts.
 */
#include <asm/boot_place.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/ptrace.h>
#include <asm/smp.h>


/* Boot mappings: kernel memory is normal WBWA, shareable (coherent if SMP). */
#define BOOT_MEM_FLAGS (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | PMD_SECT_S)
#define BOOT_FDT_FLAGS (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_APX | PMD_SECT_WBWA | PMD_SECT_S | PMD_SECT_XN)
#define BOOT_IO_FLAGS  (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_DEVICE | PMD_SECT_XN)

	.arch	armv7-a
	.arch_extension sec
	.arch_extension virt
	.fpu	vfpv3-d16
	.arm

	.section ".head.text", "ax"
	.globl	stext
stext:
	/*
	 * The zImage header: boot loaders (U-Boot's bootz) check the magic at
	 * 0x24 and read the start/end words.  Start 0 says "enter it where it
	 * was loaded"; end covers what it needs there: its own bytes
	 * (with the boot stack).  Step 4 keeps the DTB and initrd clear of what
	 * it needs after that (the loader cannot know where that is).
	 */
	.rept	8
	mov	r0, r0
	.endr
	b	1f
	.word	0x016f2818		@ zImage magic
	.word	0			@ start: position-independent
	.word	__load_size		@ end: the loaded bytes
	.word	0x04030201		@ endianness: little
1:
	mov	r10, r1			@ r10 = machine type
	mov	r11, r2			@ r11 = DTB physical address

	/* 1. SVC mode, everything masked. */
	mrs	r0, cpsr
	and	r1, r0, #MODE_MASK
	mov	r12, r1			@ r12 = the mode the loader left us in
	teq	r1, #HYP_MODE
	bne	2f
	bic	r0, r0, #MODE_MASK
	orr	r0, r0, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	orr	r0, r0, #PSR_A_BIT
	msr	spsr_hyp, r0
	adr	r1, 3f
	msr	elr_hyp, r1
	eret
2:	cpsid	aif, #SVC_MODE
3:
	adrl	r0, early_vectors	@ until the MMU is on (see below)
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR
	mrc	p15, 0, r0, c1, c0, 0	@ SCTLR.V: a core may come out of reset
	bic	r0, r0, #CR_V		@ with high vectors, which bypass VBAR
	mcr	p15, 0, r0, c1, c0, 0
	isb

	/* 2. Only an ARMv7 (CPUID-scheme) core can run the rest. */
	mrc	p15, 0, r0, c0, c0, 0	@ MIDR
	ubfx	r1, r0, #16, #4
	teq	r1, #0xf
	adrl	r2, err_cpu
	mov	r3, r0
	bne	error_p

	/* 3. VFP: cp10/cp11 full access, then FPEXC.EN. */
	mrc	p15, 0, r0, c1, c0, 2	@ CPACR
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mrc	p15, 0, r0, c1, c0, 2
	and	r0, r0, #(0xf << 20)
	teq	r0, #(0xf << 20)	@ secure firmware may forbid it (NSACR)
	adrl	r2, err_vfp
	mov	r3, r0
	bne	error_p
	mov	r0, #0x40000000		@ FPEXC.EN
	vmsr	fpexc, r0

	/*
	 * 4. Where to run.  The first time through, remember where the loader
	 * put the image and the DTB (for the boot log); .head.data travels with
	 * the image.  Then ask boot_place.c, on the boot stack inside the
	 * image, which moves the DTB if it must.
	 */
	adr	r4, stext		@ where we run (MMU off: physical)
	ldr	r5, =stext
	sub	r9, r4, r5		@ r9 = PA - VA, for the image's symbols
	ldr	r0, =__boot_load_addr
	add	r0, r0, r9
	ldr	r1, [r0]
	teq	r1, #0
	streq	r4, [r0]
	streq	r11, [r0, #4]		@ __boot_fdt_addr
	streq	r12, [r0, #8]		@ __boot_cpu_mode

	ldr	sp, =boot_stack_top
	add	sp, sp, r9
	sub	sp, sp, #BP_SIZE
	ldr	r0, =__load_size
	ldr	r1, =__image_size
	str	r4, [sp, #BP_LOAD]
	str	r0, [sp, #BP_LOAD_SIZE]
	str	r1, [sp, #BP_RUN_SIZE]
	str	r11, [sp, #BP_FDT]
	mov	r0, sp
	bl	head_place
	ldr	r11, [sp, #BP_FDT]	@ the DTB, wherever it is now
	cmp	r0, #0
	addne	r2, sp, #BP_MSG
	bne	error_s
	ldr	r5, [sp, #BP_COPY_TO]
	cmp	r5, r4
	bne	relocate		@ and start again there

	sub	r8, r4, #TEXT_OFFSET	@ r8 = PHYS_OFFSET
	ldr	r0, =__pv_phys_offset	@ record it (64-bit)
	add	r0, r0, r9
	mov	r1, #0			@ high word zero: we run below 4 GiB
	str	r8, [r0]
	str	r1, [r0, #4]
	bl	bench_start_timer

	/* 5. The boot page table: clear it, then fill in the sections. */
	ldr	r4, =boot_pgd
	add	r4, r4, r9		@ r4 = physical address of the table
	mov	r0, r4
	add	r1, r4, #0x4000
	mov	r2, #0
	mov	r3, #0
	mov	r5, #0
	mov	r6, #0
4:	stmia	r0!, {r2, r3, r5, r6}
	cmp	r0, r1
	blo	4b

	/* Flags: shareable only when the core takes part in coherency (MP). */
	ldr	r7, =BOOT_MEM_FLAGS
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	and	r0, r0, #0xc0000000
	teq	r0, #0x80000000		@ MP extensions, not uniprocessor
	bicne	r7, r7, #PMD_SECT_S

	/* Identity map of __turn_mmu_on, which runs while the MMU switches. */
	ldr	r0, =__idmap_text_start
	add	r0, r0, r9
	ldr	r1, =__idmap_text_end
	add	r1, r1, r9
	bl	map_identity

	/* The image and the early window, from PHYS_OFFSET up, at PAGE_OFFSET. */
	ldr	r0, =__early_map_end	@ virtual end, section aligned (linker.ld)
	mov	r1, #PAGE_OFFSET
	mov	r2, r8			@ physical start
5:	orr	r3, r2, r7
	str	r3, [r4, r1, lsr #(SECTION_SHIFT - 2)]
	add	r1, r1, #SECTION_SIZE
	add	r2, r2, #SECTION_SIZE
	cmp	r1, r0
	blo	5b

	/* The DTB: two sections at FDT_FIXED_BASE, if r2 looked like a pointer. */
	cmp	r11, #0
	beq	6f
	tst	r11, #7			@ an FDT is 8-byte aligned
	bne	6f
	ldr	r0, =BOOT_FDT_FLAGS
	tst	r7, #PMD_SECT_S
	biceq	r0, r0, #PMD_SECT_S
	mov	r1, r11, lsr #SECTION_SHIFT
	orr	r2, r0, r1, lsl #SECTION_SHIFT
	ldr	r1, =FDT_FIXED_BASE
	str	r2, [r4, r1, lsr #(SECTION_SHIFT - 2)]
	add	r1, r1, #SECTION_SIZE
	add	r2, r2, #SECTION_SIZE
	str	r2, [r4, r1, lsr #(SECTION_SHIFT - 2)]
6:
#ifdef DEBUG_UART_PHYS
	/* The debug UART, first section of the early I/O window. */
	ldr	r2, =(DEBUG_UART_PHYS & SECTION_MASK) | BOOT_IO_FLAGS
	ldr	r1, =EARLY_IO_BASE
	str	r2, [r4, r1, lsr #(SECTION_SHIFT - 2)]
#endif

	/*
	 * 6. This core's setup (arch/arm/mm/proc-v7.S, which secondary CPUs
	 * run too): L1 invalidate, ACTLR.SMP/FW, errata, TLB, TTBR0 with the
	 * walk attributes, DACR; it returns SCTLR with MMU and caches on in
	 * r0, and in r1 what it did, which step 7 keeps for setup_arch.
	 */
	mov	r0, r4
	bl	__v7_setup
	mov	r8, r1
	ldr	lr, =mmap_switched	@ virtual address to continue at
	b	__turn_mmu_on

/*
 * Copy the image (r4, __load_size bytes) to r5, make the copy executable
 * as the ARM ARM requires for code written as data (clean the D-cache to
 * the point of unification, invalidate the I-cache and branch predictor,
 * DSB, ISB), and enter it as a boot loader would.  boot_place.c chose r5
 * so that the two ranges are disjoint: this loop never overwrites itself.
 */
relocate:
	ldr	r6, =__load_size
	mov	r0, r4
	mov	r1, r5
1:	ldr	r2, [r0], #4
	str	r2, [r1], #4
	subs	r6, r6, #4
	bhi	1b
	mrc	p15, 0, r3, c0, c0, 1	@ CTR
	ubfx	r3, r3, #16, #4		@ DminLine: log2(words per line)
	mov	r2, #4
	lsl	r2, r2, r3		@ D-cache line size in bytes
	sub	r3, r2, #1
	bic	r0, r5, r3
2:	mcr	p15, 0, r0, c7, c11, 1	@ DCCMVAU
	add	r0, r0, r2
	cmp	r0, r1
	blo	2b
	dsb
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6	@ BPIALL
	dsb
	isb
	mov	r0, #0
	mov	r1, r10
	mov	r2, r11
	bx	r5

/*
 * For "make bench" (include/bench.h): start the Cortex-A9 global timer
 * (PERIPHBASE from CBAR, + 0x200) and keep its count, so the boot can be
 * timed from here.  Only on a Cortex-A9, whose CBAR this is.  MMU off;
 * r9 = PA - VA.  Clobbers r0, r1.
 */
bench_start_timer:
	mrc	p15, 0, r0, c0, c0, 0	@ MIDR
	ubfx	r0, r0, #4, #12		@ primary part number
	movw	r1, #0xc09		@ Cortex-A9
	teq	r0, r1
	bxne	lr
	mrc	p15, 4, r0, c15, c0, 0	@ CBAR: PERIPHBASE in bits 31:13
	lsrs	r0, r0, #13
	bxeq	lr			@ none (a uniprocessor A9)
	lsl	r0, r0, #13
	ldr	r1, [r0, #0x208]	@ global timer control
	orr	r1, r1, #1		@ timer enable
	str	r1, [r0, #0x208]
	ldr	r1, [r0, #0x200]	@ count, low word
	ldr	r0, =bench_entry_count
	str	r1, [r0, r9]
	bx	lr

/*
 * Map [r0, r1) one-to-one with r7's flags, in the table at r4.
 * Clobbers r0, r2, r3.
 */
map_identity:
	mov	r0, r0, lsr #SECTION_SHIFT
1:	orr	r3, r7, r0, lsl #SECTION_SHIFT
	str	r3, [r4, r0, lsl #2]
	add	r0, r0, #1
	cmp	r1, r0, lsl #SECTION_SHIFT
	bhi	1b
	bx	lr

/*
 * Invalidate (without cleaning) the L1 data cache by set/way.  The loader
 * left the D-cache off and clean, so nothing dirty is lost; but lines from
 * before it was switched off (or, on a Cortex-A9, random ones from reset)
 * may still be valid and would be hit, stale, once we turn it on.  Called
 * by __v7_setup (proc-v7.S), MMU off.  Corrupts r0-r3, r12 only.
 */
	.globl	v7_invalidate_l1
v7_invalidate_l1:
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0	@ CSSELR: L1 data
	isb
	mrc	p15, 1, r0, c0, c0, 0	@ CCSIDR
	ubfx	r1, r0, #3, #10		@ r1 = way (ways - 1 down to 0)
	clz	r3, r1			@ way field starts at bit 32 - log2(ways)
1:	mrc	p15, 1, r0, c0, c0, 0	@ CCSIDR again: no spare register
	ubfx	r2, r0, #13, #15	@ r2 = set (sets - 1 down to 0)
	and	r12, r0, #7
	add	r12, r12, #4		@ log2(line size in bytes)
2:	lsl	r0, r1, r3
	orr	r0, r0, r2, lsl r12
	mcr	p15, 0, r0, c7, c6, 2	@ DCISW
	subs	r2, r2, #1
	bge	2b
	subs	r1, r1, #1
	bge	1b
	dsb
	isb
	bx	lr

/*
 * error_p: print "a9mm: <message r2>0x<r3>" and halt; error_s: the message
 * alone.  On the console the DT names (head_report(), boot_place.c), else
 * on the debug UART if the build has one (DEBUG_UART_PHYS, as Linux's
 * DEBUG_LL), else through semihosting, which an emulator shows and hardware
 * ignores.  Used only before the MMU is on; the DTB is r11.
 */
error_s:
	mov	r6, #0
	b	1f
error_p:
	mov	r6, #1
1:	adr	r0, stext
	ldr	r1, =stext
	sub	r9, r0, r1		@ r9 = PA - VA
	ldr	r0, =error_reporting
	add	r0, r0, r9
	ldr	r1, [r0]
	teq	r1, #0			@ a fault inside head_report: not again
	bne	2f
	str	r0, [r0]		@ (its own address: any non-zero word)
	ldr	sp, =(boot_stack_top - BP_SIZE)	@ below a struct boot_place
	add	sp, sp, r9
	mov	r7, r2
	mov	r8, r3
	mov	r0, r11
	mov	r1, r2
	mov	r2, r3
	mov	r3, r6
	bl	head_report
	mov	r2, r7
	mov	r3, r8
	teq	r0, #0
	bne	halt
2:
#ifdef DEBUG_UART_PHYS
	ldr	r4, =DEBUG_UART_PHYS
	adrl	r5, err_prefix
	bl	uart_puts_p
	mov	r5, r2
	bl	uart_puts_p
	teq	r6, #0
	movne	r6, #8			@ eight hex digits of r3
	beq	4f
3:	mov	r0, r3, lsr #28
	cmp	r0, #10
	addlo	r0, r0, #'0'
	addhs	r0, r0, #('a' - 10)
	bl	uart_putc_p
	mov	r3, r3, lsl #4
	subs	r6, r6, #1
	bne	3b
4:	mov	r0, #'\r'
	bl	uart_putc_p
	mov	r0, #'\n'
	bl	uart_putc_p
#else
	/* No UART at all: an emulator's semihosting console (hardware ignores it). */
	adrl	r1, err_prefix
	bl	semi_puts
	mov	r1, r2
	bl	semi_puts
	ldr	r1, =semi_line		@ the number and the newline, as a string
	add	r1, r1, r9
	mov	r5, r1
	teq	r6, #0
	movne	r6, #8
	beq	4f
3:	mov	r0, r3, lsr #28
	cmp	r0, #10
	addlo	r0, r0, #'0'
	addhs	r0, r0, #('a' - 10)
	strb	r0, [r5], #1
	mov	r3, r3, lsl #4
	subs	r6, r6, #1
	bne	3b
4:	mov	r0, #'\n'
	strb	r0, [r5], #1
	mov	r0, #0
	strb	r0, [r5]
	bl	semi_puts
#endif
halt:
	mov	r0, #0x18		@ semihosting SYS_EXIT, failure: an
	ldr	r1, =0x20023		@ emulator exits, hardware ignores it
	svc	0x123456
5:	wfi
	b	5b

#ifndef DEBUG_UART_PHYS
semi_puts:				@ r1: string; semihosting SYS_WRITE0
	mov	r0, #0x04
	svc	0x123456
	bx	lr
#else
uart_puts_p:				@ r5: string; clobbers r0, r5, r12
	mov	r12, lr
1:	ldrb	r0, [r5], #1
	teq	r0, #0
	moveq	pc, r12
	bl	uart_putc_p
	b	1b

uart_putc_p:				@ r0: character; PL011 at r4; clobbers r1, r9
	mov	r9, #0x100000		@ bounded: a dead UART must not hang us
1:	ldr	r1, [r4, #0x18]		@ UARTFR
	tst	r1, #(1 << 5)		@ TXFF: transmit FIFO full
	beq	2f
	subs	r9, r9, #1
	bne	1b
2:	str	r0, [r4]		@ UARTDR
	bx	lr
#endif

/*
 * Vectors while the MMU is off.  An SVC returns at once: that is a
 * semihosting call nobody intercepted.  Anything else is a bug in the
 * code above, reported with the address it happened at.
 */
	.align	5
early_vectors:
	.rept	2
	b	early_exception
	.endr
	movs	pc, lr
	.rept	5
	b	early_exception
	.endr
early_exception:
	mov	r3, lr
	adrl	r2, err_exception
	b	error_p

err_prefix:	.asciz	"a9mm: "
err_exception:	.asciz	"exception before the MMU was on, lr = 0x"
err_cpu:	.asciz	"not an ARMv7 CPU (CPUID scheme), MIDR = 0x"
err_vfp:	.asciz	"VFP (cp10/cp11) access denied by the secure world, CPACR bits = 0x"
	.align	2
	.ltorg

/*
 * What step 4 writes, in the image's first bytes (linker.ld puts .head.data
 * there): nothing else is ours yet, and if the loader left too little RAM
 * for the whole image, the start is what made it.
 */
	.section ".head.data", "aw"
	.globl	__boot_load_addr, __boot_fdt_addr, __boot_cpu_mode
__boot_load_addr:			@ where the loader put the image (step 4)
	.word	0
__boot_fdt_addr:			@ and the DTB (r2)
	.word	0
__boot_cpu_mode:			@ and the mode it entered us in (step 1)
	.word	0
error_reporting:			@ error_p is printing: a fault there must not recurse
	.word	0
semi_line:				@ error_p's number for semihosting
	.space	12

	.align	3
boot_stack:
	.space	2048
boot_stack_top:

/*
 * The MMU switch.  This code is mapped both at its physical address (the
 * identity map) and at its virtual one, so the fetch after the SCTLR write
 * finds an instruction whichever way it is translated.
 */
	.section ".idmap.text", "ax"
	.align	5
__turn_mmu_on:
	mcr	p15, 0, r0, c1, c0, 0	@ SCTLR: MMU and caches on
	isb
	bx	lr			@ lr holds the virtual continuation
	.ltorg

/*
 * secondary_startup: where an enable method (asm/smp.h) releases a
 * secondary CPU, at its physical address, MMU off, in SVC or HYP mode.
 * The kernel has already moved itself (step 4), so everything is found
 * relative to where this code runs: r9 = PA - VA as in step 4.  The CPU
 * reads struct secondary_data (smp.c's __cpu_up wrote it and cleaned it
 * to memory, since our caches are off) and parks for good, WFE, if it is
 * not the CPU expected (a late or a spurious one: it must not run on
 * another CPU's stack).  Then the per-core setup, the MMU on with
 * idmap_pgd (the kernel's table plus the identity map of __turn_mmu_on),
 * and on its own stack into secondary_start_kernel(cpu).
 */
	.text
	.align	5
	.globl	secondary_startup
secondary_startup:
	mrs	r0, cpsr		@ leave HYP as step 1 does
	and	r1, r0, #MODE_MASK
	mov	r12, r1			@ r12 = the mode we were started in
	teq	r1, #HYP_MODE
	bne	1f
	bic	r0, r0, #MODE_MASK
	orr	r0, r0, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	orr	r0, r0, #PSR_A_BIT
	msr	spsr_hyp, r0
	adr	r1, 2f
	msr	elr_hyp, r1
	eret
1:	cpsid	aif, #SVC_MODE
2:	adr	r4, secondary_startup
	ldr	r5, =secondary_startup
	sub	r9, r4, r5		@ r9 = PA - VA
	ldr	r8, =secondary_data
	add	r8, r8, r9		@ r8 = its physical address
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	bic	r0, r0, #0xff000000	@ [23:0], as cpu_logical_map
	ldr	r1, [r8, #SECONDARY_DATA_MPIDR]
	ldr	r4, [r8, #SECONDARY_DATA_PGDIR]
	teq	r4, #0			@ nobody is being started
	beq	secondary_park
	teq	r0, r1			@ another CPU is being started
	bne	secondary_park
	ldr	r10, [r8, #SECONDARY_DATA_CPU]
	ldr	r11, [r8, #SECONDARY_DATA_STACK]
	ldr	r1, [r8, #SECONDARY_DATA_MPIDR]
	teq	r0, r1			@ still ours: not rewritten for the next
	bne	secondary_park		@ CPU while we read (a CPU too late)
	mov	r8, r12			@ r8 = the entry mode, from here on

	mrc	p15, 0, r0, c1, c0, 2	@ CPACR: VFP as step 3 (per core)
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #0x40000000		@ FPEXC.EN
	vmsr	fpexc, r0

	mov	r0, r4			@ per-core setup (proc-v7.S), as step 6:
	bl	__v7_setup		@ r0 = SCTLR, r1 = status; keeps r8-r11
	ldr	lr, =secondary_switched	@ virtual address to continue at
	b	__turn_mmu_on		@ (keeps r1)

secondary_park:
	wfe
	b	secondary_park


	.text
	/* 7. Virtual: BSS, stacks, vectors, C. */
mmap_switched:
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	ldr	r0, =boot_cpu_setup_status	@ __v7_setup's report (step 6)
	str	r8, [r0]

	/* Small stacks for the exception modes; entry.S moves to SVC at once. */
	cps	#ABT_MODE
	ldr	sp, =abt_stack_top
	cps	#UND_MODE
	ldr	sp, =abt_stack_top
	cps	#IRQ_MODE
	ldr	sp, =abt_stack_top
	cps	#FIQ_MODE
	ldr	sp, =abt_stack_top
	cps	#SVC_MODE
	ldr	sp, =init_stack_top

	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR
	isb

	ldr	r0, =__machine_arch_type
	str	r10, [r0]
	mov	r0, r11			@ start_kernel(dtb_phys)
	bl	start_kernel
1:	wfi				@ start_kernel does not return
	b	1b
	.ltorg

	/* A secondary CPU, virtual: its stack, the vectors, C. */
secondary_switched:
	mov	sp, r11
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR (r1: __v7_setup's status)
	isb
	mov	r0, r10			@ secondary_start_kernel(cpu, setup status,
	mov	r2, r8			@			 entry mode)
	bl	secondary_start_kernel
1:	wfi
	b	1b
	.ltorg

	.data
	.align	3
	.globl	__pv_phys_offset
__pv_phys_offset:
	.quad	0
	.globl	__machine_arch_type
__machine_arch_type:
	.word	0

	.bss
	.align	3
abt_stack:
	.space	64
abt_stack_top:
	.align	3
	.globl	init_stack
init_stack:
	.space	16384
	.globl	init_stack_top
init_stack_top:
