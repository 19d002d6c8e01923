// SPDX-License-Identifier: GPL-2.0
/*
 * How much of a memory bank holds data: the idea of U-Boot's get_ram_size(),
 * done so that it never touches what the kernel already uses.
 *
 * A DT (or a boot loader that does not fix up /memory) may claim more RAM
 * than the board has.  Linux believes it, puts its page tables and CMA at
 * the top, and hangs.  We test the claim first, on the last word of each
 * candidate size X = size, size/2, size/4, ... (down to what is already
 * known to be RAM): write a different pattern to each, largest X first,
 * then read them back smallest first.  A word that does not exist reads
 * back something else (0 on QEMU, or it faults); a word that is an alias of
 * a smaller one (the address lines above the real size are not decoded)
 * reads back the smaller one's pattern, written after it.  The bank holds
 * the largest X whose word, and every smaller one's, read back right.
 * Every word is restored afterwards, in the reverse order of the writes,
 * so that where two alias the first one's saved value is the last written.
 *
 * The test words are the candidates' last words less a distance d, the same
 * for all (so an alias of one still lands on another's), chosen so that no
 * test word is in a range the caller says may not be touched (the kernel,
 * the DTB, the initrd, a reserved range).
 */
#include "ram_probe.h"
#include "kernel.h"
#include "printk.h"
#include <asm/memory.h>

#define MAX_CANDIDATES 32
/* Give up looking for a distance after this many pages below the tops. */
#define MAX_DISTANCE (64 * 4096)
/* The smallest candidate in a bank where nothing is known yet. */
#define MIN_PROBE_SIZE SZ_1M

struct candidate {
	phys_addr_t size; /* X: the bank holds at least this much if the word reads back */
	phys_addr_t word; /* base + X - 4 - d */
	u32 saved;
	bool written;
};

static u32 pattern(phys_addr_t size)
{
	return ~(u32)(size >> 2) ^ 0x5a000000; /* never 0 or ~0 for sizes we test */
}

/*
 * The candidates, largest first; returns how many.  Each is whole pages:
 * halving a size that is no power of two soon leaves part of a page (2.5
 * GiB less a page, halved 11 times, ends in 0xffe), whose last word is
 * not an aligned word, which a strongly-ordered access cannot reach (an
 * alignment fault, taken for "no memory here"); and what the probe
 * reports becomes the end of a memblock bank, which is whole pages.
 */
static int candidates(struct candidate *c, phys_addr_t base, phys_addr_t size, phys_addr_t known)
{
	phys_addr_t floor = max(known - base, (phys_addr_t)MIN_PROBE_SIZE);
	int n = 0;

	for (phys_addr_t x = ALIGN_DOWN(size, PAGE_SIZE); x > floor && n < MAX_CANDIDATES;
	     x = ALIGN_DOWN(x >> 1, PAGE_SIZE))
		c[n++] = (struct candidate){.size = x};
	return n;
}

/* A distance below the tops that keeps every test word touchable, or -1. */
static long pick_distance(struct candidate *c, int n, phys_addr_t base,
			  bool (*may_touch)(phys_addr_t))
{
	for (long d = 0; d < MAX_DISTANCE; d += 4096) {
		bool ok = true;

		for (int i = 0; i < n && ok; i++)
			ok = c[i].size > (phys_addr_t)d + 4 && may_touch(base + c[i].size - 4 - d);
		if (ok)
			return d;
	}
	return -1;
}

/**
 * ram_probe_size - how much of [@base, @base + @size) really holds data
 * @base: the bank's start
 * @size: what the DT claims (whole pages, as memblock's banks)
 * @known: memory below this is known to exist (the running kernel), or @base
 * @may_touch: may the word at this address be written (and restored)?
 * @ops: the accesses
 *
 * Returns @size if the whole bank answers, else the largest size/2^k below
 * which every tested word answered (at least @known - @base), or 0 if the
 * bank has no memory at all.  Leaves every word as it found it.
 */
phys_addr_t ram_probe_size(phys_addr_t base, phys_addr_t size, phys_addr_t known,
			   bool (*may_touch)(phys_addr_t phys), const struct ram_probe_ops *ops)
{
	struct candidate c[MAX_CANDIDATES];
	phys_addr_t found = known > base ? known - base : 0;
	int n = candidates(c, base, size, max(known, base));
	long d;

	if (!n)
		return size;
	d = pick_distance(c, n, base, may_touch);
	if (d < 0) {
		pr_warn("ram probe: no untouchable-free test words near the top of "
			"0x%08llx-0x%08llx: "
			"trusting the device tree\n",
			base, base + size - 1);
		return size;
	}
	for (int i = 0; i < n; i++) {
		c[i].word = base + c[i].size - 4 - (phys_addr_t)d;
		c[i].written = ops->read(c[i].word, &c[i].saved) &&
			       ops->write(c[i].word, pattern(c[i].size));
	}
	for (int i = n - 1; i >= 0; i--) {
		u32 v;

		if (!c[i].written || !ops->read(c[i].word, &v) || v != pattern(c[i].size))
			break;
		found = c[i].size;
	}
	for (int i = n - 1; i >= 0; i--)
		if (c[i].written)
			ops->write(c[i].word, c[i].saved);
	if (ops->done)
		ops->done();
	return found;
}
