/* SPDX-License-Identifier: GPL-2.0 */
/*
 * READ_ONCE/WRITE_ONCE on ARMv7, as Linux's asm-generic/rwonce.h: a
 * volatile access is one LDR/STR the compiler neither tears, merges nor
 * repeats, and an aligned access of up to a word is single-copy atomic
 * (ARM ARM A3.5.3), so a racing reader sees the old or the new value.
 * They order nothing: pair them with the barriers of asm/barrier.h.
 *
 * data_race(expr): expr reads data another CPU may be changing, on purpose
 * (a heuristic, a hint re-checked under a lock, bits of a word that never
 * change); Linux's, which KCSAN skips.  The code is the same as without it.
 */
#ifndef _ASM_RWONCE_H
#define _ASM_RWONCE_H

#define READ_ONCE(x)	   (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#define data_race(expr)	   (expr)

#endif /* _ASM_RWONCE_H */
