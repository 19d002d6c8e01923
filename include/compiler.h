/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes and helpers, named as in Linux's compiler*.h. */
#ifndef _COMPILER_H
#define _COMPILER_H

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define noinline       __attribute__((noinline))
#define __noreturn     __attribute__((noreturn))
#define __aligned(x)   __attribute__((aligned(x)))
#define __packed       __attribute__((packed))
#define __section(s)   __attribute__((section(s)))
#define __used	       __attribute__((used))
#define __maybe_unused __attribute__((unused))
#define __weak	       __attribute__((weak))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __cold	       __attribute__((cold))

#define likely(x)      __builtin_expect(!!(x), 1)
#define unlikely(x)    __builtin_expect(!!(x), 0)

/* A compiler barrier: no memory access is moved across it. */
#define barrier()			__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)			(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)		(*(volatile __typeof__(x) *)&(x) = (val))

#define _RET_IP_			((unsigned long)__builtin_return_address(0))

#define ARRAY_SIZE(a)			(sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

#define static_assert(expr, msg) _Static_assert(expr, msg)

#endif /* _COMPILER_H */
