// SPDX-License-Identifier: GPL-2.0
/*
 * The pcp lock (mm/page_alloc.c), written once and run on both sides (as
 * page_alloc_debug_test.c).  The fast path takes its CPU's lock with
 * interrupts enabled and only ever trylocks it, so it must cope with
 * finding it taken: by a drain on another CPU, or by the code an
 * interrupt handler interrupted on this one.  Each case holds this CPU's
 * lock itself, as such a holder would, and checks that
 *
 *  - a free and an allocation then go through the buddy lists, leaving
 *    the pcp list as it was, and nothing is lost or handed out twice;
 *  - draining this CPU's lists skips the held list (waiting for a holder
 *    that runs under us would never end) and empties it once it is free.
 */
#include "gfp.h"
#include "ktap.h"
#include "mm.h"
#include "percpu.h"
#include "vmstat.h"
#include "../mm_test.h"

/* A page of ZONE_NORMAL, warm on this CPU's unmovable pcp list. */
static struct per_cpu_pages *warm_normal_pcp(struct ktap_test *t, struct zone **zone)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	if (!KTAP_EXPECT_TRUE(t, page != NULL))
		return NULL;
	*zone = page_zone(page);
	__free_pages(page, 0);
	return this_cpu_ptr((*zone)->per_cpu_pageset);
}

/* What an interrupted fast path or a remote drain does to the lock word. */
static void hold(struct per_cpu_pages *pcp)
{
	WRITE_ONCE(pcp->lock, 1UL);
}

static void release(struct per_cpu_pages *pcp)
{
	WRITE_ONCE(pcp->lock, 0UL);
}

static void pcp_lock_held_sends_alloc_and_free_to_the_buddy_lists(struct ktap_test *t)
{
	struct per_cpu_pages *pcp;
	struct zone *zone;
	struct page *page;
	long free_before;
	int count;

	pcp = warm_normal_pcp(t, &zone);
	if (!pcp)
		return;
	count = pcp->count;
	KTAP_EXPECT_GT(t, count, 0);
	free_before = zone_page_state(zone, NR_FREE_PAGES);

	hold(pcp);
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, pcp->count, count); /* not from the held lists */
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before - 1); /* buddy */
	__free_pages(page, 0);
	KTAP_EXPECT_EQ(t, pcp->count, count);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	KTAP_EXPECT_EQ(t, page_ref_count(page), 0);
	release(pcp);

	/* Free again, the lists serve as before: a free stays on them (below high). */
	drain_local_pages(zone);
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	count = pcp->count;
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	__free_pages(page, 0);
	KTAP_EXPECT_EQ(t, pcp->count, count + 1);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
}

static void pcp_lock_held_local_drain_skips_the_list(struct ktap_test *t)
{
	struct per_cpu_pages *pcp;
	struct zone *zone;
	long free_before;
	int count;

	pcp = warm_normal_pcp(t, &zone);
	if (!pcp)
		return;
	count = pcp->count;
	free_before = zone_page_state(zone, NR_FREE_PAGES);

	hold(pcp);
	drain_local_pages(zone); /* returns: it does not wait for the holder */
	KTAP_EXPECT_EQ(t, pcp->count, count);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	KTAP_EXPECT_EQ(t, READ_ONCE(pcp->lock), 1UL); /* still the holder's */
	release(pcp);

	drain_local_pages(zone);
	KTAP_EXPECT_EQ(t, pcp->count, 0);
	KTAP_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before + count);
	KTAP_EXPECT_EQ(t, READ_ONCE(pcp->lock), 0UL); /* the drain let go */
}

static struct ktap_case pcp_lock_cases[] = {
	KTAP_CASE(pcp_lock_held_sends_alloc_and_free_to_the_buddy_lists),
	KTAP_CASE(pcp_lock_held_local_drain_skips_the_list),
	{},
};

static struct ktap_suite pcp_lock_suite = {
	.name = "pcp_lock",
	.cases = pcp_lock_cases,
	.init = mm_test_init,
	.exit = mm_test_exit,
};
KTAP_SUITE_DEFINE(pcp_lock_suite);
