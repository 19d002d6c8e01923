/* SPDX-License-Identifier: GPL-2.0 */
/* Code address to symbol name, for %pS, fault dumps and memblock=debug. */
#ifndef _SYMBOLS_H
#define _SYMBOLS_H

/**
 * lookup_symbol - find the function that contains @addr
 * @addr: a code address
 * @offset: set to @addr minus the symbol's start
 * @size: set to the symbol's size
 *
 * Returns the name, or NULL when no table is linked in or @addr is outside
 * every known function (the formatter then prints the bare address).
 */
const char *lookup_symbol(unsigned long addr, unsigned long *offset, unsigned long *size);

#endif /* _SYMBOLS_H */
