/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the page allocator's test suites share, on the target and on the
 * host alike: snapshots of the free lists to compare before and after a
 * test, the pageblock types a test that takes everything must put back,
 * and taking every page there is.  The suites written once for both
 * (tests/target/page_alloc_debug_test.c, cma_lending_test.c) start from
 * mm_test_init(): the real boot on the target (tests/target/mm_test_target.c),
 * a fresh simulated boot on the host (tests/host/mm_test_host.c).
 */
#ifndef _TESTS_MM_TEST_H
#define _TESTS_MM_TEST_H

#include "gfp.h"
#include "ktap.h"
#include "list.h"
#include "mm.h"

/**
 * struct free_state - what the buddy lists hold, with the pcp lists drained
 * @free_pages: NR_FREE_PAGES per zone
 * @free_cma: NR_FREE_CMA_PAGES per zone
 * @nr_free: free_area[order].nr_free per zone
 * @blocks: free blocks per zone, migratetype and order, counted on the lists
 */
struct free_state {
	long free_pages[MAX_NR_ZONES];
	long free_cma[MAX_NR_ZONES];
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long blocks[MAX_NR_ZONES][MIGRATE_TYPES][MAX_ORDER];
};

void snapshot_free_state(struct free_state *s);
bool expect_same_free_state(struct ktap_test *t, const struct free_state *a,
			    const struct free_state *b);

bool save_pageblock_types(struct ktap_test *t);
unsigned int restore_pageblock_types(struct ktap_test *t);

unsigned long alloc_until_failure(gfp_t gfp, unsigned int order, struct list_head *list,
				  unsigned long *per_zone);
void free_list_of_blocks(struct list_head *list, unsigned int order);
unsigned long unmovable_storm(struct list_head *list, unsigned long *in_cma);

struct cma;
bool every_block_is_cma(const struct cma *cma);

/*
 * The state a portable suite starts from and goes back to, one definition
 * per side: the target's is its real boot (every suite gives back what it
 * takes), the host's a fresh boot of a vexpress-like machine with a CMA
 * area and highmem.  Each case's init and exit.
 */
int mm_test_init(struct ktap_test *t);
void mm_test_exit(struct ktap_test *t);

#endif /* _TESTS_MM_TEST_H */
