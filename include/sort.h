/* SPDX-License-Identifier: GPL-2.0 */
/* sort(): Linux's lib/sort.c interface, for tables that must come out in Linux's order. */
#ifndef _SORT_H
#define _SORT_H

#include "types.h"

void sort(void *base, size_t num, size_t size, int (*cmp)(const void *, const void *));

#endif
