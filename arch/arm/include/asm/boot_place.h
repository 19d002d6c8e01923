/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the kernel runs: head.S asks arch/arm/kernel/boot_place.c, with the
 * MMU off, before it writes anything.  The host (tests, mmsim) asks the same
 * code the same question.
 */
#ifndef _ASM_BOOT_PLACE_H
#define _ASM_BOOT_PLACE_H

/* Byte offsets of struct boot_place's words, for head.S. */
#define BP_LOAD	     0
#define BP_LOAD_SIZE 4
#define BP_RUN_SIZE  8
#define BP_FDT	     12
#define BP_COPY_TO   24
#define BP_MSG	     32
#define BP_MSG_SIZE  224
#define BP_SIZE	     (BP_MSG + BP_MSG_SIZE)

#ifndef __ASSEMBLY__
#include "serial.h"
#include "types.h"

/**
 * struct boot_place - the question head.S asks, and the answer
 * @load: where the image is now (physical address of its first byte)
 * @load_size: the bytes the loader placed there (_edata - _text)
 * @run_size: the bytes the kernel writes from where it runs: image, BSS,
 *	stacks, boot page table (_end - _text)
 * @fdt: the DTB (r2); after head_place(), where it is now
 * @phys_offset: the start of the RAM the kernel is linked against; the image
 *	runs at @phys_offset + TEXT_OFFSET
 * @copy_to: where head.S copies the image next (@load: it is where it runs)
 * @fdt_to: where the DTB must go before that (@fdt: it stays)
 * @fdt_size: the DTB's bytes there (its used part, when it moves)
 * @msg: why the boot cannot go on ("" when it can)
 */
struct boot_place {
	u32 load;
	u32 load_size;
	u32 run_size;
	u32 fdt;
	u32 phys_offset;
	u32 fdt_to;
	u32 copy_to;
	u32 fdt_size;
	char msg[BP_MSG_SIZE];
};

_Static_assert(__builtin_offsetof(struct boot_place, load_size) == BP_LOAD_SIZE, "head.S");
_Static_assert(__builtin_offsetof(struct boot_place, run_size) == BP_RUN_SIZE, "head.S");
_Static_assert(__builtin_offsetof(struct boot_place, fdt) == BP_FDT, "head.S");
_Static_assert(__builtin_offsetof(struct boot_place, copy_to) == BP_COPY_TO, "head.S");
_Static_assert(__builtin_offsetof(struct boot_place, msg) == BP_MSG, "head.S");
_Static_assert(sizeof(struct boot_place) == BP_SIZE, "head.S");

int boot_place_plan(struct boot_place *bp, const void *blob);
int head_place(struct boot_place *bp);
bool boot_place_console(const void *blob, u32 *phys, enum uart_type *type, u32 *shift, u32 *width);
bool head_report(u32 fdt, const char *msg, u32 value, bool has_value);
#endif

#endif /* _ASM_BOOT_PLACE_H */
