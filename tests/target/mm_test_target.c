// SPDX-License-Identifier: GPL-2.0
/*
 * Where the portable page allocator suites start on the target
 * (tests/mm_test.h): the real boot, as start_kernel left it.  There is
 * nothing to set up and nothing to undo; each case gives back what it
 * takes, and the suites' snapshots check that it did.
 */
#include "../mm_test.h"

/**
 * mm_test_init - a portable case starts from the running kernel's state
 * @t: the case
 *
 * Returns 0.
 */
int mm_test_init(struct ktap_test *t)
{
	(void)t;
	return 0;
}

/**
 * mm_test_exit - nothing to undo on the target: each case gives back what it took
 * @t: the case
 */
void mm_test_exit(struct ktap_test *t)
{
	(void)t;
}
