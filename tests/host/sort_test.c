// SPDX-License-Identifier: GPL-2.0
/*
 * sort() (boot/sort.c) must leave elements in the order Linux 6.1's
 * lib/sort.c leaves them, equal keys included: that order places the
 * dynamic /reserved-memory regions.  The expected permutations were worked
 * out by hand from lib/sort.c (bottom-up heapsort, left child on ties) and
 * the four-entry one is what Linux printed for the dynamic-region-order
 * case (tests/boot/cases/dynamic-region-order).
 */
#include "ktap.h"
#include "kernel.h"
#include "sort.h"
#include "../random.h"

struct item {
	int key;
	int tag; /* the element's index before sorting */
};

static int item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

/* Sort @n items with keys @keys and check the tags come out as @want. */
static void expect_order(struct ktap_test *t, const int *keys, const int *want, int n)
{
	struct item items[16];

	for (int i = 0; i < n; i++)
		items[i] = (struct item){keys[i], i};
	sort(items, (size_t)n, sizeof(items[0]), item_cmp);
	for (int i = 0; i < n; i++)
		if (items[i].tag != want[i])
			ktap_fail(t, __FILE__, __LINE__,
				  "%d items: position %d holds item %d, Linux puts item %d there",
				  n, i, items[i].tag, want[i]);
}

static void sort_equal_keys_come_out_rotated_like_linux_for_2_to_8(struct ktap_test *t)
{
	static const int zeros[8];

	/* Linux 6.1 leaves n equal elements as 1, 2, ..., n-1, 0. */
	for (int n = 2; n <= 8; n++) {
		int want[8];

		for (int i = 0; i < n; i++)
			want[i] = (i + 1) % n;
		expect_order(t, zeros, want, n);
	}
}

static void sort_mixed_keys_follow_linux_heapsort(struct ktap_test *t)
{
	static const int keys1[] = {3, 1, 3, 2, 1, 3, 2, 0};
	static const int want1[] = {7, 4, 1, 6, 3, 5, 2, 0};
	static const int keys2[] = {0, 0, 5, 0, 0, 1, 0};
	static const int want2[] = {1, 6, 3, 4, 0, 5, 2};
	/* dynamic-region-order: vram@4c000000, gfx_memory@7c000000, framebuffer, jpegbuffer. */
	static const int keys3[] = {2, 3, 0, 0};
	static const int want3[] = {3, 2, 0, 1};

	expect_order(t, keys1, want1, 8);
	expect_order(t, keys2, want2, 7);
	expect_order(t, keys3, want3, 4);
}

static void sort_distinct_keys_are_sorted(struct ktap_test *t)
{
	struct item items[13];

	rng_state = 12345;
	for (int round = 0; round < 200; round++) {
		int n = round % 13 + 1;

		for (int i = 0; i < n; i++)
			items[i] = (struct item){(int)(rnd() % 7), i};
		sort(items, (size_t)n, sizeof(items[0]), item_cmp);
		for (int i = 1; i < n; i++)
			KTAP_EXPECT_LE(t, items[i - 1].key, items[i].key);
	}
}

static void sort_of_none_or_one_does_nothing(struct ktap_test *t)
{
	struct item one = {5, 0};

	sort(NULL, 0, sizeof(one), item_cmp);
	sort(&one, 1, sizeof(one), item_cmp);
	KTAP_EXPECT_EQ(t, one.key, 5);
}

static struct ktap_case sort_cases[] = {
	KTAP_CASE(sort_equal_keys_come_out_rotated_like_linux_for_2_to_8),
	KTAP_CASE(sort_mixed_keys_follow_linux_heapsort),
	KTAP_CASE(sort_distinct_keys_are_sorted),
	KTAP_CASE(sort_of_none_or_one_does_nothing),
	{}};

static struct ktap_suite sort_suite = {
	.name = "sort",
	.cases = sort_cases,
};
KTAP_SUITE_DEFINE(sort_suite);
