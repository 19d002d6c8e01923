// SPDX-License-Identifier: GPL-2.0
/*
 * Host test runner: runs the KTAP suites linked into this binary.
 * Usage: test-binary [FILTER]   (FILTER as kunit.filter_glob, e.g. "memblock.*")
 */
#include "ktap.h"

int main(int argc, char **argv)
{
	return ktap_run_all(argc > 1 ? argv[1] : NULL) ? 1 : 0;
}
