/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine the portable mm_smp suite (tests/target/mm_smp_test.c) runs
 * on, one definition per side: the target runs it on the machine it booted,
 * with every CPU that came online (tests/target/mm_smp_target.c); the host
 * boots the portable suites' machine (tests/mm_test.h), adds the slab
 * caches and brings "CPUs" online as threads (tests/host/mm_smp_host.c).
 */
#ifndef _TESTS_MM_SMP_H
#define _TESTS_MM_SMP_H

#include "ktap.h"

int mm_smp_machine_setup(struct ktap_test *t);

void mm_smp_machine_teardown(struct ktap_test *t);

#endif /* _TESTS_MM_SMP_H */
