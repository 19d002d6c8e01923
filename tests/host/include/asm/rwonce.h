/* SPDX-License-Identifier: GPL-2.0 */
/*
 * READ_ONCE/WRITE_ONCE on the host: relaxed C11 atomic loads and stores.
 * On x86-64 they are the same MOV as a volatile access, but
 * ThreadSanitizer (make host-test-tsan) knows them as atomic, as KCSAN
 * knows Linux's: a marked access racing with another marked one is
 * intended, one racing with a plain access is reported.
 *
 * data_race(expr): a read that races on purpose (asm/rwonce.h of the
 * target says which); under ThreadSanitizer the reads of @expr are not
 * recorded, as KCSAN skips Linux's data_race().
 */
#ifndef _ASM_RWONCE_H
#define _ASM_RWONCE_H

#define READ_ONCE(x)	   __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, val) __atomic_store_n(&(x), (val), __ATOMIC_RELAXED)

#ifdef __SANITIZE_THREAD__
/* ThreadSanitizer's dynamic annotations (its runtime defines them). */
void AnnotateIgnoreReadsBegin(const char *file, int line);
void AnnotateIgnoreReadsEnd(const char *file, int line);

#define data_race(expr)                                        \
	({                                                     \
		AnnotateIgnoreReadsBegin(__FILE__, __LINE__);  \
		__typeof__((expr) + 0) __data_race_v = (expr); \
		AnnotateIgnoreReadsEnd(__FILE__, __LINE__);    \
		__data_race_v;                                 \
	})
#else
#define data_race(expr) (expr)
#endif

#endif /* _ASM_RWONCE_H */
