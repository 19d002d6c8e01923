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

/* This CPU's pcp of ZONE_NORMAL, and what it and the zone held before a case. */
struct warm_pcp {
	struct zone *zone;
	struct per_cpu_pages *pcp;
	int count;
	long free_before;
};

/* A page freed onto this CPU's lists of ZONE_NORMAL; false if none could be had. */
static bool warm_normal_pcp(struct ktap_test *t, struct warm_pcp *w)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	if (!KTAP_EXPECT_TRUE(t, page != NULL))
		return false;
	w->zone = page_zone(page);
	__free_pages(page, 0);
	w->pcp = this_cpu_ptr(w->zone->per_cpu_pageset);
	w->count = w->pcp->count;
	w->free_before = zone_page_state(w->zone, NR_FREE_PAGES);
	return true;
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

/* The zone's free pages now, and how many more than before the case. */
static long free_pages_added(const struct warm_pcp *w)
{
	return zone_page_state(w->zone, NR_FREE_PAGES) - w->free_before;
}

static void pcp_lock_held_sends_alloc_and_free_to_the_buddy_lists(struct ktap_test *t)
{
	struct warm_pcp w;
	struct page *page;

	if (!warm_normal_pcp(t, &w))
		return;
	KTAP_EXPECT_GT(t, w.count, 0);

	hold(w.pcp);
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	KTAP_EXPECT_EQ(t, w.pcp->count, w.count);    /* not from the held lists: */
	KTAP_EXPECT_EQ(t, free_pages_added(&w), -1); /* from the buddy lists */
	__free_pages(page, 0);
	KTAP_EXPECT_EQ(t, w.pcp->count, w.count);
	KTAP_EXPECT_EQ(t, free_pages_added(&w), 0);
	KTAP_EXPECT_EQ(t, page_ref_count(page), 0);
	release(w.pcp);

	/* Free again, the lists serve as before: a free stays on them (below high). */
	drain_local_pages(w.zone);
	page = alloc_pages(GFP_KERNEL, 0);
	KTAP_ASSERT_TRUE(t, page != NULL);
	w.count = w.pcp->count;
	w.free_before = zone_page_state(w.zone, NR_FREE_PAGES);
	__free_pages(page, 0);
	KTAP_EXPECT_EQ(t, w.pcp->count, w.count + 1);
	KTAP_EXPECT_EQ(t, free_pages_added(&w), 0);
}

static void pcp_lock_held_local_drain_skips_the_list(struct ktap_test *t)
{
	struct warm_pcp w;

	if (!warm_normal_pcp(t, &w))
		return;

	hold(w.pcp);
	drain_local_pages(w.zone); /* returns: it does not wait for the holder */
	KTAP_EXPECT_EQ(t, w.pcp->count, w.count);
	KTAP_EXPECT_EQ(t, free_pages_added(&w), 0);
	KTAP_EXPECT_EQ(t, READ_ONCE(w.pcp->lock), 1UL); /* still the holder's */
	release(w.pcp);

	drain_local_pages(w.zone);
	KTAP_EXPECT_EQ(t, w.pcp->count, 0);
	KTAP_EXPECT_EQ(t, free_pages_added(&w), w.count);
	KTAP_EXPECT_EQ(t, READ_ONCE(w.pcp->lock), 0UL); /* the drain let go */
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
