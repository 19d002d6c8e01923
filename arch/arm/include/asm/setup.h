/* SPDX-License-Identifier: GPL-2.0 */
/* What the ARM setup code tells the rest of the kernel. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include "types.h"

/* The machine type the loader passed in r1 (head.S). */
extern u32 __machine_arch_type;
/* Where the boot loader put the image and the DTB (head.S, before it moved either). */
extern u32 __boot_load_addr, __boot_fdt_addr;
/* The CPU mode the loader entered the kernel in (head.S step 1): SVC or HYP. */
extern u32 __boot_cpu_mode;
/* The DTB: physical address from r2, and where head.S mapped it (NULL if unusable). */
extern phys_addr_t dtb_phys;
extern void *initial_boot_params;

void setup_arch(phys_addr_t dtb);

#endif /* _ASM_SETUP_H */
