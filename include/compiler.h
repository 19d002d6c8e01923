/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes and helpers, named as in Linux's compiler*.h. */
#ifndef _COMPILER_H
#define _COMPILER_H

/*
 * The C library's <sys/cdefs.h> (newlib on the target, glibc on the host)
 * defines some of the same names; take its definitions first so the order
 * of includes never matters.
 */
#include <sys/cdefs.h>

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#ifndef noinline
#define noinline __attribute__((noinline))
#endif
#ifndef __noreturn
#define __noreturn __attribute__((noreturn))
#endif
#ifndef __aligned
#define __aligned(x) __attribute__((aligned(x)))
#endif
#ifndef __packed
#define __packed __attribute__((packed))
#endif
#ifndef __section
#define __section(s) __attribute__((section(s)))
#endif
#ifndef __used
#define __used __attribute__((used))
#endif
#ifndef __maybe_unused
#define __maybe_unused __attribute__((unused))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif
#ifndef __printf
#define __printf(a, b) __attribute__((format(printf, a, b)))
#endif
#ifndef __cold
#define __cold __attribute__((cold))
#endif

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* A compiler barrier: no memory access is moved across it. */
#define barrier() __asm__ __volatile__("" : : : "memory")

/*
 * READ_ONCE/WRITE_ONCE (one access, never torn, merged or repeated) and
 * data_race() (a read that races on purpose, whose value the code copes
 * with) come from the architecture, as Linux's asm/rwonce.h: volatile
 * accesses on the target, relaxed C11 atomics on the host, where
 * ThreadSanitizer must tell them from plain ones.
 */
#include <asm/rwonce.h>

#define _RET_IP_			((unsigned long)__builtin_return_address(0))

#define ARRAY_SIZE(a)			(sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

#define static_assert(expr, msg) _Static_assert(expr, msg)

#endif /* _COMPILER_H */
