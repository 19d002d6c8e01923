/* SPDX-License-Identifier: GPL-2.0 */
/* Code address to symbol name, for %pS, fault dumps and memblock=debug. */
#ifndef _SYMBOLS_H
#define _SYMBOLS_H

const char *lookup_symbol(unsigned long addr, unsigned long *offset, unsigned long *size);

#endif /* _SYMBOLS_H */
