// SPDX-License-Identifier: GPL-2.0
/*
 * Code address → function name, from the table scripts/kallsyms.sh
 * generates at link time (Linux's kallsyms, without the compression).
 */
#include "kernel.h"
#include "symbols.h"

struct kallsym {
	u32 addr;
	u32 size;
	u32 name;
};

/* Weak: the first link pass has no table yet. */
extern const u32 kallsyms_num __weak;
extern const struct kallsym kallsyms_table[] __weak;
extern const char kallsyms_names[] __weak;

/**
 * lookup_symbol - find the function that contains @addr
 * @addr: a code address
 * @offset: set to @addr minus the symbol's start
 * @size: set to the symbol's size
 *
 * Returns the name, or NULL when no table is linked in or @addr is outside
 * every known function (the formatter then prints the bare address).
 */
const char *lookup_symbol(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	u32 lo = 0, hi;

	if (!&kallsyms_num)
		return NULL;
	hi = kallsyms_num;
	while (lo < hi) { /* the last symbol starting at or below addr */
		u32 mid = lo + (hi - lo) / 2;

		if (kallsyms_table[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	const struct kallsym *s = &kallsyms_table[lo - 1];

	if (addr - s->addr >= s->size)
		return NULL;
	*offset = addr - s->addr;
	*size = s->size;
	return &kallsyms_names[s->name];
}
