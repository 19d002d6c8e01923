// SPDX-License-Identifier: GPL-2.0
/*
 * sort(): the algorithm of Linux 6.1's lib/sort.c, written again.
 *
 * It exists for the order, not the speed: Linux sorts reserved_mem[] with
 * this heapsort before it places the dynamic /reserved-memory regions, and
 * a heapsort is not stable, so regions whose keys are equal (every dynamic
 * one has base 0, size 0) come out in the order this exact variant leaves
 * them, and that order decides which region is allocated first and lands
 * highest.  Any other sort, even a correct one, places them differently.
 *
 * The variant is "bottom-up" heapsort: sifting element a down, it first
 * walks the path of larger children to a leaf (taking the left child when
 * the two compare equal), then climbs back to the first element a does not
 * compare greater than or equal to, and rotates a into that place.  Later
 * Linux (6.8) takes the right child on ties; 6.1, our reference, the left.
 */
#include "sort.h"
#include "kernel.h"

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Sift the element at index @a down the heap of the first @n elements. */
static void sift_down(char *base, size_t a, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	size_t b = a, c, d;

#define AT(i) (base + (i)*size)
	/* Down to a leaf along the larger child: one compare per level. */
	for (;;) {
		c = 2 * b + 1;
		d = c + 1;
		if (d >= n)
			break;
		b = cmp(AT(c), AT(d)) >= 0 ? c : d;
	}
	if (d == n) /* the last leaf has no sibling */
		b = c;
	/* Back up to where @a belongs ... */
	while (b != a && cmp(AT(a), AT(b)) >= 0)
		b = (b - 1) / 2;
	/* ... and rotate it there, moving the path up one level. */
	for (c = b; b != a;) {
		b = (b - 1) / 2;
		swap_bytes(AT(b), AT(c), size);
	}
#undef AT
}

/**
 * sort - sort an array in place, exactly as Linux 6.1's sort() does
 * @base: the first element
 * @num: number of elements
 * @size: size of one element
 * @cmp: returns <0, 0 or >0 as its first argument sorts before, with or after its second
 *
 * Ascending order by @cmp, in O(n log n) time and no memory.  Not stable:
 * elements that compare equal end up in the same order Linux leaves them
 * (for n equal elements: the 2nd, 3rd, ... nth, then the 1st).
 */
void sort(void *base, size_t num, size_t size, int (*cmp)(const void *, const void *))
{
	char *p = base;
	size_t n = num;

	if (num < 2 || !size)
		return;
	for (size_t a = num / 2; a-- > 0;) /* build the heap */
		sift_down(p, a, n, size, cmp);
	while (--n) { /* move the largest to the end, re-heap the rest */
		swap_bytes(p, p + n * size, size);
		sift_down(p, 0, n, size, cmp);
	}
}
