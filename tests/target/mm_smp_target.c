// SPDX-License-Identifier: GPL-2.0
/*
 * Where the portable mm_smp suite (tests/target/mm_smp_test.c) runs on the
 * target: the kernel as it booted, with every CPU that came online.
 */
#include "mm_smp.h"
#include "../mm_test.h"

/**
 * mm_smp_machine_setup - the running kernel, as for every portable mm suite
 * @t: the case
 *
 * Return: 0.
 */
int mm_smp_machine_setup(struct ktap_test *t)
{
	return mm_test_init(t);
}

/**
 * mm_smp_machine_teardown - nothing to undo: each case gives back what it took
 * @t: the case
 */
void mm_smp_machine_teardown(struct ktap_test *t)
{
	mm_test_exit(t);
}
