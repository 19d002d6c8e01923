/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small KTAP version 1 test framework, printing what Linux's KUnit prints,
 * so the same parsers read it.  Used on the target (suites linked into the
 * kernel, run after boot) and on the host (the same suites' portable cousins).
 *
 * A suite is a named array of cases; a case is a function taking the test
 * state.  Suites register themselves in the "ktap_suites" section:
 *
 *	static void memblock_add_merges_neighbours(struct ktap_test *t)
 *	{
 *		KTAP_EXPECT_EQ(t, memblock.memory.cnt, 1);
 *	}
 *	static struct ktap_case memblock_cases[] = {
 *		KTAP_CASE(memblock_add_merges_neighbours),
 *		{}
 *	};
 *	KTAP_SUITE(memblock, memblock_cases);
 */
#ifndef _KTAP_H
#define _KTAP_H

#include "compiler.h"
#include "types.h"

struct ktap_test {
	const char *name;
	bool failed;
	bool skipped;
	const char *skip_reason;
	void *priv; /* for the suite's init/exit */
};

struct ktap_case {
	const char *name;
	void (*run)(struct ktap_test *t);
};

struct ktap_suite {
	const char *name;
	struct ktap_case *cases;
	int (*init)(struct ktap_test *t);  /* before each case; non-zero fails it */
	void (*exit)(struct ktap_test *t); /* after each case */
	bool on_request; /* run only when a filter names it (benchmarks, deliberate crashes) */
};

#define KTAP_CASE(fn)   \
	{               \
#fn, fn \
	}

#define KTAP_SUITE_DEFINE(sym)                                                          \
	static const struct ktap_suite *const __ktap_ptr_##sym __section("ktap_suites") \
		__used __aligned(sizeof(void *)) = &sym

#define KTAP_SUITE(suite_name, case_array)                                          \
	static struct ktap_suite __ktap_suite_##suite_name = {.name = #suite_name,  \
							      .cases = case_array}; \
	KTAP_SUITE_DEFINE(__ktap_suite_##suite_name)

void ktap_fail(struct ktap_test *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

void ktap_skip(struct ktap_test *t, const char *reason);

void ktap_info(const char *fmt, ...) __printf(1, 2);

#define KTAP_EXPECT_TRUE(t, cond)                                                          \
	({                                                                                 \
		bool _ok = !!(cond);                                                       \
		if (!_ok)                                                                  \
			ktap_fail(t, __FILE__, __LINE__, "Expected %s to be true", #cond); \
		_ok;                                                                       \
	})

#define KTAP_EXPECT_FALSE(t, cond) KTAP_EXPECT_TRUE(t, !(cond))

#define __KTAP_EXPECT_CMP(t, a, op, b)                                                 \
	({                                                                             \
		unsigned long long _a = (unsigned long long)(a);                       \
		unsigned long long _b = (unsigned long long)(b);                       \
		bool _ok = _a op _b;                                                   \
		if (!_ok)                                                              \
			ktap_fail(t, __FILE__, __LINE__,                               \
				  "Expected %s " #op                                   \
				  " %s, but %s == %llu (0x%llx), %s == %llu (0x%llx)", \
				  #a, #b, #a, _a, _a, #b, _b, _b);                     \
		_ok;                                                                   \
	})

#define KTAP_EXPECT_EQ(t, a, b) __KTAP_EXPECT_CMP(t, a, ==, b)
#define KTAP_EXPECT_NE(t, a, b) __KTAP_EXPECT_CMP(t, a, !=, b)
#define KTAP_EXPECT_LT(t, a, b) __KTAP_EXPECT_CMP(t, a, <, b)
#define KTAP_EXPECT_LE(t, a, b) __KTAP_EXPECT_CMP(t, a, <=, b)
#define KTAP_EXPECT_GT(t, a, b) __KTAP_EXPECT_CMP(t, a, >, b)
#define KTAP_EXPECT_GE(t, a, b) __KTAP_EXPECT_CMP(t, a, >=, b)

#define __KTAP_EXPECT_PTR(t, a, op, b)                                                          \
	({                                                                                      \
		const void *_a = (a), *_b = (b);                                                \
		bool _ok = _a op _b;                                                            \
		if (!_ok)                                                                       \
			ktap_fail(t, __FILE__, __LINE__,                                        \
				  "Expected %s " #op " %s, but %s == %p, %s == %p", #a, #b, #a, \
				  _a, #b, _b);                                                  \
		_ok;                                                                            \
	})

/* Pointers: the integer forms above widen to 64 bits, which a 32-bit pointer cannot. */
#define KTAP_EXPECT_PTR_EQ(t, a, b) __KTAP_EXPECT_PTR(t, a, ==, b)
#define KTAP_EXPECT_PTR_NE(t, a, b) __KTAP_EXPECT_PTR(t, a, !=, b)

#define KTAP_EXPECT_STREQ(t, a, b)                                                            \
	({                                                                                    \
		const char *_a = (a), *_b = (b);                                              \
		bool _ok = _a && _b && !strcmp(_a, _b);                                       \
		if (!_ok)                                                                     \
			ktap_fail(t, __FILE__, __LINE__,                                      \
				  "Expected %s == %s, but \"%s\" != \"%s\"", #a, #b, _a, _b); \
		_ok;                                                                          \
	})

/* ASSERT: like EXPECT, but leaves the case.  Only usable in the case function itself. */
#define KTAP_ASSERT_TRUE(t, cond)               \
	do {                                    \
		if (!KTAP_EXPECT_TRUE(t, cond)) \
			return;                 \
	} while (0)
#define KTAP_ASSERT_EQ(t, a, b)               \
	do {                                  \
		if (!KTAP_EXPECT_EQ(t, a, b)) \
			return;               \
	} while (0)
#define KTAP_ASSERT_NE(t, a, b)               \
	do {                                  \
		if (!KTAP_EXPECT_NE(t, a, b)) \
			return;               \
	} while (0)

/*
 * Early hooks: a suite that must look at boot state that is gone by the
 * time suites run (memblock before it hands memory to the buddy allocator)
 * registers a hook; start_kernel runs every hook at that point, the hook
 * records what it saw, and the suite's cases check the record later.
 */
typedef void (*ktap_early_hook_t)(void);

#define KTAP_EARLY_HOOK(fn)                                                      \
	static const ktap_early_hook_t __ktap_early_##fn __section("ktap_early") \
		__used __aligned(sizeof(void *)) = fn

void ktap_run_early_hooks(void);

int ktap_run_all(const char *filter);
int ktap_list_all(const char *filter);

/* kunit.stats_enabled (0, 1, 2): when the per-suite count lines are printed */
extern int ktap_stats_enabled;

bool ktap_glob_match(const char *glob, const char *str, size_t len);

#endif /* _KTAP_H */
