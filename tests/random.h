/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tests' random numbers, on the host and the target: xorshift64,
 * seeded by each test with a fixed value (rng_state = ...), so every run
 * makes the same sequence of operations and a failure reproduces.  Each
 * file that includes this has its own state.
 */
#ifndef _TESTS_RANDOM_H
#define _TESTS_RANDOM_H

#include "types.h"

static u64 rng_state;

static inline u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

#endif /* _TESTS_RANDOM_H */
