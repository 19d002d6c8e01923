/* SPDX-License-Identifier: GPL-2.0 */
/* memtest=N: Linux's early pattern test of free memory (mm/memtest.c). */
#ifndef _MEMTEST_H
#define _MEMTEST_H

#include "types.h"

void early_memtest(phys_addr_t start, phys_addr_t end);
void memtest_check(u64 pattern, phys_addr_t start, phys_addr_t size);
void memtest_reset(void);

#endif
