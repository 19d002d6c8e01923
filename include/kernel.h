/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers every kernel file wants: alignment, min/max, BUG/WARN. */
#ifndef _KERNEL_H
#define _KERNEL_H

#include "types.h"
#include "compiler.h"
#include "errno-base.h"
#include "sizes.h"

#define ALIGN(x, a)	   (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a)   ((x) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a)   (((x) & ((__typeof__(x))(a)-1)) == 0)
#define PTR_ALIGN(p, a)	   ((__typeof__(p))ALIGN((uintptr_t)(p), (a)))
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define round_up(x, y)	   ALIGN(x, y)
#define round_down(x, y)   ALIGN_DOWN(x, y)

#define min(a, b)                       \
	({                              \
		__typeof__(a) _a = (a); \
		__typeof__(b) _b = (b); \
		_a < _b ? _a : _b;      \
	})
#define max(a, b)                       \
	({                              \
		__typeof__(a) _a = (a); \
		__typeof__(b) _b = (b); \
		_a > _b ? _a : _b;      \
	})
#define min_t(t, a, b)	      min((t)(a), (t)(b))
#define max_t(t, a, b)	      max((t)(a), (t)(b))
#define clamp(v, lo, hi)      min(max(v, lo), hi)
#define clamp_t(t, v, lo, hi) clamp((t)(v), (t)(lo), (t)(hi))

#define swap(a, b)                      \
	do {                            \
		__typeof__(a) _t = (a); \
		(a) = (b);              \
		(b) = _t;               \
	} while (0)

#define BITS_PER_LONG	 (8 * (int)sizeof(long))
#define BIT(n)		 (1UL << (n))
#define GENMASK(h, l)	 (((~0UL) << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define BITS_TO_LONGS(n) DIV_ROUND_UP(n, BITS_PER_LONG)

/* True when a + b would wrap around the 64-bit physical address space. */
static inline bool phys_add_overflows(phys_addr_t a, phys_addr_t b)
{
	return a + b < a;
}

void __noreturn __cold __bug(const char *file, int line, const char *cond);

void __noreturn __cold panic(const char *fmt, ...) __printf(1, 2);

void __cold __warn(const char *file, int line, const char *cond);

/*
 * How far boot has come (Linux's system_state): code that allocates picks
 * memblock while BOOTING and the page allocator once RUNNING.
 */
enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
};
extern enum system_states system_state;

#define BUG() __bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(cond)                                      \
	do {                                              \
		if (unlikely(cond))                       \
			__bug(__FILE__, __LINE__, #cond); \
	} while (0)

#define WARN_ON(cond)                                      \
	({                                                 \
		bool _c = !!(cond);                        \
		if (unlikely(_c))                          \
			__warn(__FILE__, __LINE__, #cond); \
		_c;                                        \
	})

#define WARN_ON_ONCE(cond)                                 \
	({                                                 \
		static bool _warned;                       \
		bool _c = !!(cond);                        \
		if (unlikely(_c) && !_warned) {            \
			_warned = true;                    \
			__warn(__FILE__, __LINE__, #cond); \
		}                                          \
		_c;                                        \
	})

#endif /* _KERNEL_H */
